"""Round thirteen of issue 15 (set M's second look): where someone is inside a place, the places and units they
belong to, and the households they name, each written as the general form it is. Plain code called from
deid_cued.py, so the fast de-identifier and the reference one share it as it is.

- "room C-118", "block C-4", "Ward D9": a room, block, ward, tent or caravan by its code (a letter and a number).
- "past Station 14", "Precinct 9", "Camp 4": a station, precinct or camp by its number, with a capital.
- "3rd Bn 141st FA", "7RAR", "2 PARA": a military unit by its number.
- "the Haddad family", "the Okafor twins": a surname before the word for a household.
- "the Rocking K Ranch", "Tullochgorm Farm": a ranch, farm, station or homestead by its name (not "Dairy Farm",
  "Fire Station": ordinary words alone name no one's).
- "Address for the oxygen company is 14 Achmore, Lochcarron": a house number and a name after the word for an
  address, without a street's word.
- "in East LA", "from North Uist": a compass word and the place after a word of where.
- "in Bad Cannstatt": a German spa town.
- "Trinity counselling service rang": a name before the words of a counselling or support service.
- "IRC caseworker", "KW Multicultural Centre", "at UPMC Western Psych": an acronym no list knows before a worker's
  word, before the capitalised words of a centre's or a service's name, or of a hospital's where someone goes.
- "Out on the Ocean Rose DL 209": a boat's port letters and number after its name.
- Session twenty-five: "Flew SFO → SIN", "after the ICN–JFK turnaround", "the DXB layover": airports by their
  three-letter codes, joined as a route where a flight is spoken of, or before the word for a stop on one ("SPMC
  Davao", a hospital's acronym before its town, was read here until session twenty-eight; it is now an acronym
  beside a place taken, deid_repeats.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.vocabulary import word_lists

Add = Callable[[tuple[str, int, int]], None]

# (not a spine's level after a nerve block, "block L4", nor a marker, "CD34": the review of round thirteen)
_ROOM = re.compile(r"\b(?P<k>(?i:room|rm|block|blk|ward|cabin|tent|caravan|hut|barracks|dorm))\.?"
                   r"\s+#?(?!(?:[CTLS]\d{1,2}|CD\d+)(?![\w\-/]))"
                   r"(?P<p>[A-Z]{1,2}-?\d{1,4}[A-Z]?|\d{1,4}-?[A-Z])(?![\w\-/])")
# session twenty-eight: a house's, a tent's or a flat's number alone ("house 3087", "house no. 47", "H.No. 12", "tent
# 61", "kv. 7", "villa 12", "plot 45") and a room's with a floor before a dot ("room 2.14"); never a count after it
# ("house 2 days", "tent 3 nights")
_DWELLING_NUMBER = re.compile(r"\b(?i:house|h\.\s?no|tent|kv|villa|plot|bungalow|(?P<r>room|rm))\.?\s*"
                              r"(?:(?i:no|number)\.?\s*|#\s*)?(?P<p>\d{1,5}[A-Za-z]?|(?(r)\d{1,2}\.\d{1,3}|(?!)))"
                              r"(?![\w\-/]|[.,]\d|\s*(?i:days?|weeks?|nights?|times|mins?|minutes|hours?|hrs?|people|"
                              r"beds?|floors?|am|pm|mg|x|degrees?|deg|celsius|c|f|percent)\b|\s*[%°])")
_DWELLING_SIGNS = frozenset(str.split("house h no tent kv villa plot bungalow room rm"))
# (not "Depot 150", an injection, "Camp 4" of a trek, nor "Bus Station 3")
_STATION = re.compile(r"\b(?P<p>(?:Station|Precinct|Firehouse)\s+#?\d{1,3})(?![\w.,/\-])")
_KIND_OF_STATION = re.compile(r"(?i:bus|coach|train|tube|metro|petrol|gas|police|nurses['’]?|nurse['’]s|space|power)"
                              r"\s+\Z")
# (a unit's word first, then any that follows: "3rd Bn 141st FA"; not "the 3rd FA Cup", "2nd Division", "3rd MP")
_UNIT_WORD = (r"Bn|Battalion|Regt|Regiment|Bde|Brigade|Coy|Sqn|Squadron|Armd|Armored|Armoured|Inf|Infantry|Cav|"
              r"Cavalry|Airborne|Marines|Signals|Engineers|Engr|Commando")
_MORE_UNIT_WORD = _UNIT_WORD + r"|FA|MP|Sig|Div|Division|Wing|Fleet|Field"
_ORDINAL_UNIT = re.compile(rf"\b(?P<p>\d{{1,3}}(?:st|nd|rd|th)\s+(?:{_UNIT_WORD})\b"
                           rf"(?:[\s,]+\d{{1,3}}(?:st|nd|rd|th)\s+(?:{_MORE_UNIT_WORD})\b)*)")
_NUMBERED_UNIT = re.compile(r"\b(?P<p>\d{1,2}\s?(?:RAR|PARA|RIFLES|SCOTS|RHA|RTR|RGR|RRF|RNZIR|PPCLI|RCR|SASR|CDO|"
                            r"SAS|SBS|Commando))\b")
_HOUSEHOLD = re.compile(r"\b(?i:the)\s+(?P<n>(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+"
                        r"(?i:family|family['’]s|families|"
                        r"household|clan|twins|kids|boys|girls)\b")
_NOT_SURNAMES = frozenset(str.split("""royal holy whole extended host foster nuclear blended same other new old first
    next last entire wider immediate adoptive birth chosen military local"""))
_HOLDING = re.compile(r"\b(?P<p>(?:(?:[A-Z][\w'’]*|&)\s+){1,3}(?:Ranch|Farm|Farms|Station|Homestead|Vineyard|Orchard|"
                      r"Feedlot|Estate|Croft))\b")
_ADDRESS_CUE = re.compile(r"\b(?i:address|lives\s+at|live\s+at|living\s+at|moved\s+to|deliver(?:ed|ing|y)?\s+to)\b"
                          r"[^.\n]{0,30}?(?<![\w\-])(?P<p>\d{1,4}[A-Za-z]?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?"
                          r"(?:,\s*[A-Z][a-z]+)?)")
# (not "Upper GI", "Lower GI": a part of the gut, where a clinic is)
_COMPASS_PLACE = re.compile(r"\b(?i:in|at|near|from|to)\s+(?P<p>(?:East|West|North|South)\s+"
                            r"(?!(?:America|Africa|Asia|Europe)\b)(?:[A-Z]{2,3}|[A-Z][a-z]+))\b")
_SPA_TOWN = re.compile(r"\b(?i:in|nach|aus|bei|at|near|from)\s+(?P<p>Bad\s+[A-Z][a-zäöüß]+)")
# (workers an organisation sends, not a clinic's: "IBD nurse", "MS nurse" name a specialty)
_WORKER = (r"caseworker|case\s+worker|support\s+worker|key\s*worker|outreach\s+worker|advisor|adviser|officer|"
           r"navigator|interpreter|volunteer|rep|lawyer|solicitor")
_ACRONYM_WORKER = re.compile(rf"(?<![\w\-])(?P<p>[A-Z]{{2,5}})\s+(?i:{_WORKER})\b")
_ACRONYM_CENTRE = re.compile(r"(?<![\w\-])(?P<p>[A-Z]{2,5}(?:\s+[A-Z][a-z]+){1,3}\s+(?:Centre|Center|Service|Services|"
                             r"Society|Association|Foundation|Network|Alliance|Project|Agency|Trust))\b")
# "kiosk at UPMC Western Psych": an acronym no list knows where someone goes, and the capitalised words of the
# hospital's name after it
_ACRONYM_HOSPITAL = re.compile(r"\b(?i:at|to|from|in)\s+(?:(?i:the)\s+)?(?P<p>[A-Z]{2,5}(?:\s+[A-Z][a-z]+){0,2}\s+"
                               r"(?:Psych|Psychiatric|Behavioral|Behavioural|Presbyterian|Memorial|General|Medical|"
                               r"Rehab|Children['’]s|Women['’]s))\b")
# session twenty-five: airports by their codes where a flight is spoken of; a route's codes are joined by an arrow or a
# dash ("SFO → SIN", "LHR-HND-LHR"; not a reference's letters before its number, "TSA-BIO-99018842"), a code alone
# stands before the word for a stop on one ("the DXB layover", "after the SYD run")
_ROUTE = re.compile(r"(?<![\w\-/])[A-Z]{3}(?:\s*(?:→|->|>|–|—|-)\s*[A-Z]{3}){1,4}(?![\w\-/])")
_ROUTE_ARROW = re.compile(r"→|->|>")
# (before "layover", "airport" and the like a code may be a word too, "LAX layover"; before "run" or "trip" only one no
# list knows: "the ENT run", "DVT trip")
_AIRPORT_STOP = re.compile(r"(?<![\w\-/])(?P<p>[A-Z]{3})\s+(?:(?P<s>(?i:layover|stopover|turnaround|transit|airport|"
                           r"terminal))|(?i:run|trip|flight|flights|sector|connection))\b")
_CODE = re.compile(r"[A-Z]{3}")
# (a hospital's acronym before its town, "SPMC Davao", is deid_repeats.py's acronym beside a place taken since
# session twenty-eight)
# "Out on the Ocean Rose DL 209": a boat's port letters and number after its name (no word for a boat)
_VESSEL_CODE = re.compile(r"\b(?i:on|aboard|on\s+board|skipper\s+of|(?:boat|creeler|trawler|yacht)\s+(?:is|was))\s+"
                          r"(?:(?i:the)\s+)?"
                          r"(?P<n>(?:[A-Z][a-z]+\s+){1,3})(?P<p>[A-Z]{1,3}\s\d{1,4})(?![\w/:%]|[.,]\d|\s*(?i:iu|mg|mcg|µg|ml|"
                          r"units?|daily|a\s+day|at\s+night|nocte|mane|bd|od|tds)\b)")
_NOT_PORT_LETTERS = frozenset(str.split("""AM PM BP HR O OT PT ED ER GP MG ML IU AD BC AH SH XL XR SR CR MR ER LA ODT
    CD EC IR DR PHQ GAD A B C D E K COVID"""))
# "Trinity counselling service rang": a name before the words of a counselling or support service (not what kind of
# service it is: "Student counselling service", "NHS talking therapy team")
_NAMED_SERVICE = re.compile(r"\b(?P<p>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?i:counselling|counseling|therapy|wellbeing|"
                            r"well-being|mental\s+health|support|recovery|addiction)\s+(?i:service|services|centre|"
                            r"center|team|project|hub)\b")
_SERVICE_KINDS = frozenset(str.split("""community local student students university college school staff employee
    employees adult adults youth child children children's family families free online private primary secondary
    specialist early peer crisis our the my their this a an veterans stroke dementia diabetes cancer long chronic
    breastfeeding learning disability disabilities older younger young autism memory sight hearing deaf blind
    veterans women's men's perinatal eating bereavement drug
    alcohol sexual domestic psychological talking trauma grief carers carer parent parents hospital gp practice
    workplace work occupational nhs county city council district regional national state"""))
# acronyms that are a kind of worker or service, not whose ("NHS nurse", "GP surgery", "ED nurse")
GENERIC_ACRONYMS = frozenset(str.split("""NHS GP ED ER ICU CCU HDU OT PT SLT SW RN EN HCA CNA LPN NP PA MD DR MH CMHT
    CAMHS IAPT CPN DWP PIP ESA UC HR OH IT TA SEN SENCO ADHD ASD PTSD CBT DBT EMDR A&E ENT AE VA UK US EU UN WHO
    NDIS OHS WHS PPE CEO SEO PR BSL ASL ESOL LGBTQ LGBT DV LD RAF RN HMRC DVLA RNLI AA NA CAB JSA EHCP MRI STI
    IVF TBI CT PET SEND ICT EAL ESL MND MS IBD COPD HIV TB CF PD HF DM DSN CNS ANP TVN IPC MSK SALT PALS ILD CKD IBS
    CHC RMN RGN HV"""))

# session twenty-eight: an acronym no list knows before a portal, a matriculation number or an outpatient
# department ("the UNN portal", "NUS matric no", "BSMMU chest OPD"): a university's, a hospital's or a service's
_ACRONYM_BEFORE_PLACE_WORD = re.compile(r"(?P<a>[A-Z](?<!\w.)[A-Z]{2,5})\s+(?:(?i:chest|eye|main)\s+)?"
                                        r"(?i:portal|opd|matric|campus|hostel|dorms?)\b")
_PLACE_WORDS_AFTER = frozenset(("portal", "opd", "matric", "campus", "hostel", "dorm", "dorms"))


def site_candidates(text: str, words: frozenset[str], add: Add) -> None:
    """Every place, unit and household of this module's rules in ``text`` (see the docstring). Each rule runs only
    where a cheap sign of what it needs is there (a speed gate, never a change in what is found): the words of the
    text (``words``, lower case, as deid_cued.py reads them) hold the keyword each rule needs."""
    signs = words
    lists, lex = word_lists(), P.lexicon()
    if _ANY_DIGIT.search(text):
        if not signs.isdisjoint(_ROOM_SIGNS):
            for m in _ROOM.finditer(text):
                start = m.start("k") if m.group("k")[0].isupper() else m.start("p")  # "Ward D9" whole, "room C-118"
                add(("place", start, m.end("p")))
        if not signs.isdisjoint(_DWELLING_SIGNS):
            for m in _DWELLING_NUMBER.finditer(text):
                add(("address", m.start("p"), m.end("p")))
        if not signs.isdisjoint(_STATION_SIGNS):
            for m in _STATION.finditer(text):
                if not _KIND_OF_STATION.search(text, max(0, m.start() - 12), m.start()):
                    add(("place", m.start("p"), m.end("p")))
        if not signs.isdisjoint(_ADDRESS_SIGNS):
            for m in _ADDRESS_CUE.finditer(text):
                named = [w.strip(",") for w in m.group("p").split()[1:]]
                if not any(lists.is_word(w.casefold()) or w.casefold() in lists.drugs for w in named):
                    add(("address", m.start("p"), m.end("p")))  # not "moved to 1 Mirtazapine", "sent 2 Letters"
        if _ORDINAL_GATE.search(text):
            for m in _ORDINAL_UNIT.finditer(text):
                add(("employer", m.start("p"), m.end("p")))
        if not signs.isdisjoint(_UNIT_SIGNS):
            for m in _NUMBERED_UNIT.finditer(text):
                add(("employer", m.start("p"), m.end("p")))
        if _PORT_GATE.search(text):
            for m in _VESSEL_CODE.finditer(text):
                if m.group("p").rstrip("0123456789 ") not in _NOT_PORT_LETTERS and not any(
                        _medical(w) for w in m.group("n").split()):  # not "on Venlafaxine XL 75", "Vitamin D 1000"
                    add(("code", m.start("p"), m.end("p")))
    if not signs.isdisjoint(_HOUSEHOLD_SIGNS):
        for m in _HOUSEHOLD.finditer(text):
            n = m.group("n").casefold()
            if n not in _NOT_SURNAMES and n not in lists.english and n not in lex.not_name \
                    and not n.endswith(_PEOPLES):  # not "the Syrian family", "the Catholic boys", "the Deaf kids"
                add(("name", m.start("n"), m.end("n")))
    if not signs.isdisjoint(_HOLDING_SIGNS):
        for m in _HOLDING.finditer(text):
            parts = m.group("p").split()[:-1]
            if any(w.endswith(("'s", "’s", "s'", "s’")) for w in parts):
                continue  # "the Nurses' Station", "Clarkson's Farm": whose, not a holding's name
            if parts[0] in ("The", "A", "My", "Our") and len(parts) > 1:
                parts = parts[1:]
            if any((len(w) == 1 and w.isalpha()) or not lists.is_word(w.casefold()) for w in parts if w != "&"):
                add(("place", m.start("p") + m.group("p").index(parts[0]), m.end("p")))
    if not signs.isdisjoint(_COMPASS_SIGNS):
        for m in _COMPASS_PLACE.finditer(text):
            add(("place", m.start("p"), m.end("p")))
    if "bad" in signs:
        for m in _SPA_TOWN.finditer(text):
            if not lists.is_word(m.group("p").split()[1].casefold()):  # not "in Bad Shape"
                add(("place", m.start("p"), m.end("p")))
    if not signs.isdisjoint(_SERVICE_SIGNS):
        for m in _NAMED_SERVICE.finditer(text):
            first = m.group("p").split()[0].casefold()
            if first not in _SERVICE_KINDS and first not in lists.medical:  # not "Stroke support service"
                add(("employer", m.start("p"), m.end("p")))
    if not signs.isdisjoint(_PLACE_WORDS_AFTER):
        for m in _ACRONYM_BEFORE_PLACE_WORD.finditer(text):
            if _unknown_acronym(m.group("a")):
                add(("place", m.start("a"), m.end("a")))
    if not _CAPITALS.search(text):
        return
    if not signs.isdisjoint(_WORKER_SIGNS):
        for m in _ACRONYM_WORKER.finditer(text):
            if m.group("p") not in GENERIC_ACRONYMS:
                add(("employer", m.start("p"), m.end("p")))
    _airports(text, signs, add)
    for rx, wanted in ((_ACRONYM_HOSPITAL, _HOSPITAL_SIGNS), (_ACRONYM_CENTRE, _CENTRE_SIGNS)):
        if not signs.isdisjoint(wanted):
            for m in rx.finditer(text):
                if m.group("p").split()[0] not in GENERIC_ACRONYMS:
                    add(("place", m.start("p"), m.end("p")))


# the cheap signs each rule needs: the keywords of its pattern, as words of the text
_ROOM_SIGNS = frozenset(str.split("room rm block blk ward cabin tent caravan hut barracks dorm"))
_STATION_SIGNS = frozenset(str.split("station precinct firehouse"))
_ADDRESS_SIGNS = frozenset(str.split("address lives live living moved deliver delivered delivering delivery"))
_ANY_DIGIT = re.compile(r"\d")
_ORDINAL_GATE = re.compile(r"\d(?:st|nd|rd|th)\s+[A-Z]")
_UNIT_SIGNS = frozenset(str.split("rar para rifles scots rha rtr rgr rrf rnzir ppcli rcr sasr cdo sas sbs commando"))
_PORT_GATE = re.compile(r"[A-Z]\s\d")
_HOUSEHOLD_SIGNS = frozenset(str.split("family families family's family’s household clan twins kids boys girls"))
_HOLDING_SIGNS = frozenset(str.split("ranch farm farms station homestead vineyard orchard feedlot estate croft"))
_COMPASS_SIGNS = frozenset(str.split("east west north south"))
_SERVICE_SIGNS = frozenset(str.split("counselling counseling therapy wellbeing well-being mental support recovery "
                                     "addiction"))
_CAPITALS = re.compile(r"[A-Z]{2}")
_FLIGHT_SIGNS = frozenset(str.split("flew fly flying flight flights layover stopover turnaround trip crew landed "
                                    "landing jetlag jet red-eye redeye sector departed airport transit"))
_WORKER_SIGNS = frozenset(str.split("caseworker worker keyworker advisor adviser officer navigator interpreter "
                                    "volunteer rep lawyer solicitor"))
_HOSPITAL_SIGNS = frozenset(str.split("psych psychiatric behavioral behavioural presbyterian memorial general medical "
                                      "rehab children's children’s women's women’s"))
_CENTRE_SIGNS = frozenset(str.split("centre center service services society association foundation network alliance "
                                    "project agency trust"))
# demonyms and the words for a people: "the Syrian family", "the Polish girls", "the Afghan family"
_PEOPLES = ("ian", "ish", "ese", "ean", "afghan", "muslim", "jewish", "catholic", "hindu", "sikh")


def _airports(text: str, signs: frozenset[str], add: Add) -> None:
    """Airports' codes no word list knows: a route's where a flight is spoken of or an arrow joins them, one alone
    before the word for a stop on a flight."""
    flown = not signs.isdisjoint(_FLIGHT_SIGNS)
    for m in _ROUTE.finditer(text):
        codes = list(_CODE.finditer(m.group()))
        # (every code may be a word or a clinical acronym too, "SFO → SIN", "ICN–JFK", so long as one is neither)
        if (flown or _ROUTE_ARROW.search(m.group())) and any(_unknown_acronym(c.group()) for c in codes) \
                and not any(_named_thing(c.group()) for c in codes):
            for c in codes:
                add(("place", m.start() + c.start(), m.start() + c.end()))
    for m in _AIRPORT_STOP.finditer(text):
        code = m.group("p")
        if _unknown_acronym(code) or (m.group("s") and not _named_thing(code)):
            add(("place", m.start("p"), m.end("p")))


def _named_thing(word: str) -> bool:
    """A kind of worker or service ("NHS"), a drug or a word the de-identifier itself knows: never an airport."""
    return word in GENERIC_ACRONYMS or word.casefold() in P.lexicon().known_words \
        or word.casefold() in word_lists().drugs


def _unknown_acronym(word: str) -> bool:
    """An acronym no word list knows ("SPMC", "DXB"): not a clinical one ("DVT", "MRI"), a word ("MAN") or a kind of
    worker or service ("NHS")."""
    f = word.casefold()
    lists = word_lists()
    return word not in GENERIC_ACRONYMS and f not in P.lexicon().known_words and f not in lists.medical \
        and f not in lists.drugs and not lists.is_word(f)


def _medical(word: str) -> bool:
    """A drug's, a vitamin's or a medical word: what stands before a dose, not a boat's name."""
    w = word.casefold()
    lists = word_lists()
    return w in lists.drugs or w in lists.medical or w == "vitamin"


# session seventeen: a place of care's own acronym at the end of a hospital's name ("Mercy ER", "St. Vincent's ED",
# "Rashid Hospital ER") is the care, not the name: the name goes, the acronym stays readable ("[PLACE] ER")
_CARE_ACRONYM_END = re.compile(r"\s+(?:ER|ED|A&E|ICU|NICU|PICU|HDU|CCU|OPD|ENT)$")


def leave_care_places(text: str, chosen: list[tuple[str, int, int]]) -> None:
    """Cut a place of care's acronym off the end of each chosen place (in place, keeping the order)."""
    for i, (cat, s, e) in enumerate(chosen):
        if cat in ("place", "town", "employer"):  # ("a shift at St. Vincent's ED": a workplace)
            cut = _CARE_ACRONYM_END.search(text, s, e)
            if cut is not None and cut.start() > s:
                chosen[i] = (cat, s, cut.start())
