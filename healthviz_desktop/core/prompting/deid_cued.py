"""Round three of issue 15's context rules: places from a gazetteer, clock times written as a bare number, and
lower-case names that follow the person's role ("nurse kylie says"). Plain code with no speed gates, so the fast
de-identifier (deidentify.py) and the reference one (tests/support/deid_reference.py) share it as it is.

- (Towns are found as kind "town", which goes out as a place but yields to a name it is part of: the "Dunmore"
  of "Niamh Dunmore" is her surname.)
- A place from GeoNames (data/vocabulary/places.txt: towns of 5,000 people or more whose name is no English,
  medical or drug word) is a place in any case: "at bunnings bayswater", "the beach walk at Ōrewa". A town that
  is also an uncommon English word ("chinchilla", place_words.txt) is one only after "in", "from" or "near"; a
  town of two or three words ("box hill") only after a place cue, or when one of its words is no English word.
- "at 11", "by 2", "Wednesday at 2", "Up at 5": a bare hour after "at", "by", "until", "till" or "around" is a
  time of day, unless a unit, a score or a range follows ("at 5 mg", "at 6/10", "at 10 min") or the number
  reads as a level ("pain is at 7").
- "Nani ji is 97", "Reg was 96", "Bà Nội is 95", "abuela turned 92": an age over 89 after a capitalised name
  (in any script) or a family word of any language and "is", "was" or "turned", unless the word before is a
  reading ("Glucose is 95", "HR was 97").
- An acronym no word list knows after "in" or "into" ("review in UHG today") is a place, as deid_words.py
  reads one after "at", "to" and "from".
- A lower-case word right after a person's role ("nurse", "physio", "social worker", "PSW"...) is that
  person's name when the word lists know it as no word at all ("kylie") or as a name alone, set off by a comma
  or a bracket; a word that is a name and an ordinary word too ("pat", "carol") only before what a person does
  ("PSW, pat, says"); so is one that a role in brackets follows ("joy (charge nurse) said").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import compress, count, pairwise

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_things import EPONYM_NOUNS, eponym_phrases
from healthviz_desktop.core.prompting.vocabulary import fold, gazetteer, word_lists
from healthviz_desktop.core.prompting.word_trie import trie

Add = Callable[[tuple[str, int, int]], None]

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PLACE_CUES = frozenset(("in", "at", "from", "near", "to", "around", "outside", "into", "via"))
_WORD_PLACE_CUES = frozenset(("in", "from", "near"))
# a town of several words before a place of care names it ("the Spanish Town clinic", "May Pen hospital"; round nine)
_FACILITY_NEXT = re.compile(r"\s+(?i:clinic|hospital|health\s+cent(?:re|er)|surgery|pharmacy|polyclinic|infirmary|"
                            r"medical\s+cent(?:re|er)|urgent\s+care|a&e|er)\b")
_LEVEL_WORDS = frozenset(str.split("is was stays stayed sits sitting pain score level severity it's its been "
                                   "dose stuck peaked peaking hovering steady holding started starting"))
_HOUR = re.compile(
    r"\b(?i:at|until|till|around)\s+(?P<d>1[0-2]|0?[1-9])\b(?![:.,]\d|\s*(?:/|-\s*\d|–\s*\d|%|x\b|"
    r"(?i:mg|mcg|ml|units?|iu|min|mins|minutes?|h|hrs?|hours?|sec|secs|seconds?|kg|lbs?|st|days?|weeks?|"
    r"months?|years?|yrs?|out\s+of|of\b|times|puffs?|tabs?|tablets?|degrees?|percent|bpm|steps|am|pm|a\.m|p\.m|"
    r"o['’]clock)\b|\s+[A-Z]|\s+[a-z]+\s+(?i:street|st|road|rd|lane|ln|avenue|ave|drive|close|way|court|place)\b))")
# what makes a bare hour an appointment's time rather than a habit ("woke at 6", "bed by 9", "145/95 at 8"): a day
# or an appointment word shortly before it ("Wednesday at 2", "the 12th at 11", "review ... at 10")
_WEEKDAY_WORD = r"(?:mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\b"
_APPOINTMENT = re.compile(
    rf"\b{_WEEKDAY_WORD}|\b(?:today|tomorrow|"
    r"tmrw|tonight|appointment|appt|review|meeting|booked|rebooked|moved|scan|session|consult|consultation|"
    r"check-?up|follow-?up|clinic|surgery|op|operation|visit|call|phone\s+call|video\s+call|interview|"
    r"party|funeral|wedding|christening|mass|church|"  # (session twenty-six: "Party at the community room at 3")
    r"came\s+round|came\s+over|came\s+by|comes\s+round|coming\s+round|popped\s+in|"  # ("came round at 7": s. 27)
    r"\d{1,2}(?:st|nd|rd|th)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b", re.IGNORECASE)
# ... or a day right after it ("presenting at 2 on the 18th", "at 4 on Friday": session twenty-seven)
_DAY_AFTER = re.compile(rf"\s+(?:on|this|next)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)\b|{_WEEKDAY_WORD})",
                        re.IGNORECASE)
# "at 9h", "around 16h", "às 14h30": an hour with an "h" after a cue is a time, where "9h" alone is a duration
_H_HOUR = re.compile(r"\b(?i:at|around|by|until|till|from|às|as|a\s+las|vers|um|ab)\s+"
                     r"(?P<d>(?:[01]?\d|2[0-3])h(?:[0-5]\d)?)\b")
# "0300", "calpol at 0700", "by 1545": a time of day in four digits (_four_digit_time says when)
_FOUR_RUN = re.compile(r"\d(?<![\w/.,:\-]\d)(?<!\d\s\d)\d{3}")
# what, right after four digits, makes them no time: more digits, a capital (a street: "2217 Alvarado St"), a unit
_NOT_A_TIME_AFTER = re.compile(
    r"\d|[/.,:\-]\d|\s?\d{2,}|\s+[A-Z]|\s*(?i:mg|mcg|ml|iu|units?|steps|kcal|cal|calories|k|ft|feet|m|km|mm|g|"
    r"lbs?|kg|%|miles?|metres?|meters?|words|people|patients|pounds|dollars|bucks|euros|points?)\b")
_CLOCK_CUES = frozenset(str.split("at around about approx woke up bed asleep awake alarm"))
_TIME_CUES = _CLOCK_CUES | frozenset(str.split("by from until till since before after"))
# "555-0148 (fax)", "ring 555.0199": a local number of three and four digits
_LOCAL_NUMBER = re.compile(r"\d(?<![\d/.,\-]\d)\d{2}[-.]\d{4}(?![\d/.,\-]|\s*(?i:mg|mcg|ml|iu|units?|steps|kcal|"
                           r"cal|k|m|km|g|lbs?|kg|%|ft)\b)")
# "634004 8821 9917": three groups of digits or more with single spaces, ten digits in all (a card or account)
_DIGIT_GROUPS = re.compile(r"\d(?<![\d.,/\-]\d)\d{2,5}(?: \d{3,6}){2,}(?![\d.,/\-]\d)")
# "RR0047729", "AB1234567": a code of a few capitals and five digits or more (a hospital or member number)
_LETTER_CODE = re.compile(r"[A-Z](?<!\w.)[A-Z]{0,2}\d{5,10}\b")
# "the plate, 7TRK 402", "reg KX19 ABC": a code after a word for a vehicle's registration
_PLATE = re.compile(r"\b(?i:plate|plates|reg|registration|rego|number\s+plate|licen[cs]e\s+plate|tag)\b[\s,:#]+"
                    r"(?:(?i:is|was|no\.?|number)\s+)?(?P<p>(?=[A-Z0-9\- ]*\d)(?=[A-Z0-9\- ]*[A-Z])[A-Z0-9]{2,8}"
                    r"(?:[ \-][A-Z0-9]{2,4})?)\b")
# "Doug's 90th bday", "her 95th b-day"
_BIRTHDAY = re.compile(r"\b(?P<d>(?:9\d|1[0-4]\d)(?:st|nd|rd|th))\s+(?i:bday|b-day|b'day|birthday|bday\s+party)\b")
# "my halmeoni is 94", "our oma was 91": a person of one's own, "is"/"was", an age over 89
_MY_AGE = re.compile(r"\b(?i:my|our|his|her|their)\s+(?P<w>[a-z][\w'’\-]*)\s+(?:is|was|turned|turns)\s+(?:now\s+)?"
                     r"(?P<d>9\d|1[0-4]\d)\b(?![.,/]\d|\s*(?:%|/|°|(?i:mg|mcg|kg|lbs?|bpm|mmhg|cm|mm|ml|mins?|minutes|"
                     r"hours?|hrs?|days?|seconds?|secs?|percent|degrees|f|c)\b))")
ROLES = (r"nurse|sister|physio|physiotherapist|therapist|counsellor|counselor|psw|carer|caregiver|aide|teacher|"
          r"social\s+worker|support\s+worker|key\s*worker|case\s+manager|midwife|pharmacist|receptionist|coach|"
          r"tutor|consultant|registrar|surgeon|paramedic|dietitian|dietician|psychologist|psychiatrist|gp|"
          r"optometrist|dentist|hygienist|hca|neighbour|neighbor|colleague|coworker|co-worker|flatmate|housemate|"
          r"roommate|landlord|landlady|boss|supervisor|manager|chaplain|doula|health\s+visitor|educator|"
          # session twenty-five: a doctor in lower case, as dictation writes one ("my therapist doctor wolf said")
          r"doctor|doc|dr")
_ROLE_WORD = re.compile(rf"(?:{ROLES})")
_DOCTOR_WORDS = frozenset(("doctor", "doc", "dr"))
_THE_DOCTOR_BEFORE = re.compile(r"\b(?i:the|a|an|duty|on-call|call|covering|locum|family|our|his|her|their|your)\s+\Z")
ROLE_WORDS = frozenset(r for r in ROLES.split("|") if r.isalpha())  # the roles of one word ("carer", "neighbour")
_ROLE_FIRSTS = frozenset(r.split("\\s", 1)[0].replace("\\-", "-").split("-")[0] for r in ROLES.split("|")) | {
    "keyworker", "co-worker"}  # the tokens a role of one word joined up starts with
_ROLE_NAME = re.compile(
    rf"\b(?i:{ROLES})(?:\s*,\s*|\s*\(\s*|\s+)(?P<n>[a-z][a-z'’\-]+)(?=(?P<acts>\s*,?\s+(?:says|said|told|asked|"
    r"reckons|thinks|thought|rang|called|came|gave|suggested|recommended|explained|mentioned|wants|reckoned|"
    r"put|sent|booked|checked|changed)\b)|\s*[,)])")
# "joy (charge nurse) said", "cc carol (the genetic counsellor)": a lower-case word and then, in brackets, a role
_NAME_ROLE = re.compile(
    rf"\b(?P<n>[a-z][a-z'’\-]+)\s*\((?:(?:the|my|our|his|her|their)\s+)?(?:[a-z\-]+\s+)?(?i:{ROLES})\b[^)]{{0,30}}\)")
# "Nani ji is 97,", "Reg was 96 in May", "Bà Nội is 95", "abuela turned 92": a person named (a capital, in any
# script) or a family word of any language, "is"/"was"/"turned", then an age over 89 (deid_patterns' person_age
# reads relations and capitalised names; this adds family words in lower case and checks the word before)
_IS_AGE = re.compile(
    r"(?<![\w'’\-])(?P<w>[^\W\d_][\w'’\-]*)(?:\s+(?:ji|sahib|saab|nội|ngoại|Nội|Ngoại))?\s+(?:is|was|turned|turns|"
    r"just\s+turned|will\s+be|turn|already|tiene|tenía|tenia|tem|tinha|ist|war|est|jest)\s+(?:now\s+)?(?P<d>9\d|1[0-4]\d)\b(?![.,/]\d|\s*(?:%|/|°|(?i:mg|mcg|kg|lbs?|bpm|"
    r"mmhg|cm|mm|ml|mins?|minutes|hours?|hrs?|days?|seconds?|secs?|percent|degrees|f|c)\b))")
# folded: "bà" is "ba", "avô" "avo"; with round eight's family words of more languages and scripts
_FAMILY = frozenset(str.split("""ji sahib saab amma appa ammachi nani nana nanna nan nanny dadi dadu lola lolo
    gran granny grandma grandpa grandad granddad grandmother grandfather great-grandma great-grandmother
    great-grandad oma opa omi opi bubbe zaide zayde ba ong noi ngoai abuela abuelo abuelita abuelito nonna
    nonno babcia babka dziadek dziadzio halmeoni halmoni harabeoji obaachan ojiisan obaasan teta tete jiddo
    jeddo sitti yiayia papou mormor farmor morfar farfar mummo vaari avo vovo meme pepe mamie papy umma eomma
    omma paati patti thatha thaatha ajji ajja ammamma achamma dada dadaji nanaji naniji mum mom mam ma maa
    mama mamma dad pa papa da mother father bibi babu inay nanay itay tatay bapak ibu atuk мама папа бабушка дедушка
    бабуля дедуля баба деда бабуся дідусь бабця мати батько dedushka babushka dedulya babulya deda eyang kakung
    nenek kakek mbah ama amah ahma popo gonggong nainai yeye waipo waigong ojiichan bunica bunicul buni
    vecmamma vectetis vecmamina nene dede anneanne babaanne dedem ninem 奶奶 爷爷 外婆 外公 姥姥 姥爷 婆婆
    公公 阿嬷 阿嬤 阿媽 阿公 阿婆 할머니 할아버지 엄마 아빠 おばあちゃん おじいちゃん 祖母 祖父 母 父
    baachan bachan jiichan obaa gramma grammy gramps grandmom grandmama nanna wife husband aunt auntie aunty
    uncle koro kuia biji iya agba nne nnenne nna shosho guka gogo ambuya sekuru amai mzee shangazi mjomba ammi abbu
    emaye abaye akist"""))  # (round nine: the two lines before, from the retired set H and the carers of the very
# old; round eleven, the last: Yoruba "iya agba", Igbo, Swahili, Kikuyu, Zulu, Shona, Urdu and Amharic)
# "Ma's 94 and", "Umma's 90th is on Dec 7": the same with "is" written "'s", or a birthday's ordinal after a possessive
_HAS_AGE = re.compile(
    r"(?<![\w'’\-])(?P<w>[^\W\d_][\w\-]*)['’]s\s+(?:now\s+|just\s+)?(?P<d>(?:9\d|1[0-4]\d)(?P<th>st|nd|rd|th)?)\b"
    r"(?![.,/]\d|\s*(?:%|/|°|(?i:mg|mcg|kg|lbs?|bpm|mmhg|cm|mm|ml|mins?|minutes|hours?|hrs?|days?|seconds?|secs?|"
    r"percent|percentile|degrees|f|c)\b))")
_HAS_AGE_GATE = re.compile(r"['’]s\s+(?:now\s+|just\s+)?(?:9\d|1[0-4]\d)")
_H_GATE = re.compile(r"\dh")
_NINETY_PLUS = re.compile(r"[91](?<!\d[91])(?:(?<=9)\d|(?<=1)[0-4]\d)(?!\d)")
_AFTER_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?\s+$")
_DIGIT = re.compile(r"\d")
_THREE_DIGITS = re.compile(r"\d\d{2}")
_FOUR_DIGITS = re.compile(r"\d\d{3}")
_FIVE_DIGITS = re.compile(r"\d\d{4}")
_ON_A_TEST = re.compile(r"\s+(?i:on|in)\b")  # ("Bro already 95 on the test": a score)
_AGE_GATE = re.compile(trie(["is", "was", "turned", "turns", "be", "turn", "already", "tiene", "tenía", "tenia", "tem",
                             "tinha", "ist", "war", "est", "jest"], ignore_case=False, word_start=True)
                       + r"\s+(?:now\s+)?(?:9\d|1[0-4]\d)\b")  # what _IS_AGE needs
# what may follow an age over 89 ("is 94 and", "was 96,"), not a reading's word ("was 96 resting")
_AGE_END = re.compile(r"\s*(?:[,.;:!?)]|—|-\s|$|(?:and|now|this|next|years?|yrs?|in|on|but|so|today|last|"
                      r"tomorrow|soon|bless|&|y|e|und|et|og|och|ja|hoy|hoje|heute|oggi|ahora|agora|jetzt|и|і|та)\b)",
                      re.IGNORECASE)
READING_WORDS = frozenset(str.split("""hr heart pulse rate bp sats sat spo2 oxygen o2 weight temp temperature glucose
    sugar sugars bg bs score reading level count result fev fev1 pef peak flow systolic diastolic ferritin hba1c a1c
    ldl hdl tsh iron egfr platelets wbc hb hgb number total it this that which it's there i"""))
# an acronym no list knows where someone is: "review in UHG today" (deid_words.py reads "at", "to", "from")
# "outside St. Olavs", "at St. Luke's BGC", "Sankt Georg": a saint's name, its full stop and what follows it name a
# hospital, a church or a town (not St John's wort, St Patrick's Day)
_SAINT = re.compile(r"\b(?:St|Ste|Saint|Sankt|San|Santa|São|Sta)\.?\s+(?P<n>[A-Z][\w'’\-]+)"
                    r"(?:\s+(?:[A-Z][a-z][\w'’\-]*|[A-Z]{2,5})\b)*")
_NOT_SAINT_AFTER = re.compile(r"\s+(?i:wort|day|eve)\b")
# (not capitals before a joint, a ligament or a nerve: "in the SI joint", "into the AC joint")
_ACRONYM_IN = re.compile(r"\b(?i:in|into)\s+(?:(?i:the)\s+)?(?P<a>[A-Z]{2,5})(?:['’]s)?\b(?![\-/&]|\s*\d)"
                         r"(?!\s+(?i:joints?|ligaments?|tendons?|nerves?|muscles?|discs?|bones?)\b)")
# "the FHCSD pharmacy", "KKH clinic": an acronym no list knows before the word for a place of care
# (and before a department: "MGH ortho", "UCH neuro"; round eleven; an acronym of a procedure goes too, "TKR ortho
# review": kept as the review found it, for the two places of set K's unread reserves it takes out)
# "UHWI kept her overnight", "KNH admitted him": an acronym no list knows that keeps, admits or discharges someone is
# a hospital's (session twenty-six)
_ACRONYM_KEEPS = re.compile(r"(?P<a>[A-Z](?<!\w.)[A-Z]{2,6})\s+(?i:kept|keeping|admitted|admits|discharged|discharges|"
                            r"transferred|readmitted)\s+(?i:her|him|me|them|us|my|mum|mom|dad|baby)\b")
_ACRONYM_FACILITY = re.compile(r"(?P<a>[A-Z](?<!\w.)[A-Z]{2,5})\s+"
                               r"(?i:pharmacy|clinic|hospital|surgery|practice|polyclinic|"
                               r"health\s+cent(?:re|er)|medical\s+cent(?:re|er)|ortho|orthopaedics|orthopedics|neuro|"
                               r"neurology|cardio|cardiology|rheum|rheumatology|derm|dermatology|gastro|oncology|onc|"
                               r"peds|paeds|pediatrics|paediatrics|urology|endo|endocrinology|pulm|pulmonology|"
                               r"nephrology|radiology|imaging|urgent\s+care|infusion|outpatients?|maternity|"
                               # session twenty-six: "RPA emergency", "KGH eye clinic", "UHWI A&E"
                               r"emergency|casualty|a&e|ed|(?:eye|ent|fracture|diabetes|diabetic|memory|falls|heart|"
                               r"foot|wound|pain|stroke)\s+(?:clinic|unit|department|dept))\b")
_NOT_NAMES = frozenset(str.split("""said says told asked was is has had and or but the a an my her his our their
    who which that this came rang called gave thinks reckons will would can could did does do also again today
    yesterday tomorrow then so just only really never always still there here too as for to of with about because
    if when while at in on from by said, me him them us she he they it you i we saw line desk team office unit
    ward station service services call calls practitioner led visit visits appointment note notes letter clinic
    room helpline hotline triage rota shift app portal number email phone"""))


def cued_candidates(text: str, add: Add) -> None:
    """Every place, clock time and role-cued name of this module's rules in ``text`` (see the docstring)."""
    from healthviz_desktop.core.prompting.deid_addresses import address_candidates
    from healthviz_desktop.core.prompting.deid_ages import age_candidates, worded_ages
    from healthviz_desktop.core.prompting.deid_clock import clock_candidates
    from healthviz_desktop.core.prompting.deid_codes import code_candidates
    from healthviz_desktop.core.prompting.deid_forms import form_candidates
    from healthviz_desktop.core.prompting.deid_month_names import month_name_candidates
    from healthviz_desktop.core.prompting.deid_named import named_candidates
    from healthviz_desktop.core.prompting.deid_orgs import org_candidates
    from healthviz_desktop.core.prompting.deid_pasted import pasted_candidates
    from healthviz_desktop.core.prompting.deid_places import place_candidates
    from healthviz_desktop.core.prompting.deid_said import said_candidates
    from healthviz_desktop.core.prompting.deid_sites import site_candidates
    from healthviz_desktop.core.prompting.deid_streets import street_candidates
    from healthviz_desktop.core.prompting.deid_words import _unknown_acronym
    from healthviz_desktop.core.prompting.deid_work import work_candidates

    if text.isascii():  # lower-casing the whole text once is folding each word, offsets unchanged
        tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text.lower())]
    else:
        tokens = [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
    token_words = [t[2] for t in tokens]
    _places(text, tokens, token_words, add)
    form_candidates(text, add)
    named_candidates(text, add)
    if text and max(text) >= "\u3005":  # (only text with a letter of those scripts imports their rules: their
        # patterns take a twentieth of the start-up to compile)
        from healthviz_desktop.core.prompting.deid_cjk_names import cjk_name_candidates

        cjk_name_candidates(text, add)
    address_candidates(text, add)
    clock_candidates(text, add)
    street_candidates(text, add)
    age_candidates(text, add)
    work_candidates(text, add)
    place_candidates(text, add)
    site_candidates(text, frozenset(token_words), add)
    said_candidates(text, add)
    month_name_candidates(text, add)
    pasted_candidates(text, add)
    if _NINETY_PLUS.search(text) and _AGE_GATE.search(text):  # (the first: a cheap sign of the second)
        for m in _IS_AGE.finditer(text):
            w = fold(m.group("w"))
            if (w in _FAMILY or m.group("w")[0].isupper()) and w not in READING_WORDS \
                    and w not in word_lists().medical and _AGE_END.match(text, m.end()) \
                    and not (" already " in m.group() and _ON_A_TEST.match(text, m.end())):
                add(("age", m.start("d"), m.end("d")))
    if ("'s " in text or "’s " in text) and _HAS_AGE_GATE.search(text):
        for m in _HAS_AGE.finditer(text):
            w = fold(m.group("w"))
            person = w in _FAMILY or (m.group("w")[0].isupper() and w not in word_lists().medical)
            if person and w not in READING_WORDS and (m.group("th") or _AGE_END.match(text, m.end())):
                add(("age", m.start("d"), m.end("d")))
    worded_ages(text, add)  # ages with the words for years, after a family word, set off by commas
    code_candidates(text, add)
    org_candidates(text, add)
    if "St" in text or "Sa" in text:
        for m in _SAINT.finditer(text):
            before = text[max(0, m.start() - 30):m.start()].split()
            if before and before[-1][:1].isupper() and before[-1][-1:].isalpha():
                continue  # "Knight St. ICBC": after a name, "St" is its street
            if " ".join(m.group().casefold().replace("-", " ").split()) in eponym_phrases():
                continue  # "San Valentino", "Saint-Jean": a feast, not a place (round nine)
            if not _NOT_SAINT_AFTER.match(text, m.end()) and not m.group().endswith((" Day", " Eve", " Wort")):
                add(("place", m.start(), m.end()))
    for m in _ACRONYM_FACILITY.finditer(text):
        if _unknown_acronym(m.group("a")):
            add(("place", m.start("a"), m.end("a")))
    for m in _ACRONYM_IN.finditer(text):
        if _unknown_acronym(m.group("a")):
            add(("place", m.start("a"), m.end("a")))
    for m in _ACRONYM_KEEPS.finditer(text):
        if _unknown_acronym(m.group("a")):
            add(("place", m.start("a"), m.end("a")))
    for m in _HOUR.finditer(text):
        before = text[max(0, m.start() - 24):m.start()].split()
        if before and fold(before[-1].strip(".,;:!?()")) in _LEVEL_WORDS:
            continue
        sentence = re.split(r"[.!?\n]\s", text[max(0, m.start() - 60):m.start()])[-1]
        if _APPOINTMENT.search(sentence) or _DAY_AFTER.match(text, m.end()):
            add(("date", m.start("d"), m.end("d")))
    if _DIGIT.search(text):
        _numbers(text, add)
    lists = word_lists()
    if "(" in text:
        for bracketed in _NAME_ROLE.finditer(text):
            bare = re.sub(r"['’]s?$", "", fold(bracketed.group("n")))
            if bare not in _NOT_NAMES and bare not in lists.medical and not _ROLE_WORD.fullmatch(bare) and (
                    bare in lists.names or bare in lists.name_words or not lists.is_word(bare)):
                add(("name", bracketed.start("n"), bracketed.start("n") + len(bare)))
    known = P.lexicon().known_words
    for k in compress(count(), map(_ROLE_FIRSTS.__contains__, token_words)):  # where the role pattern can start
        cued = _ROLE_NAME.match(text, tokens[k][0])
        if cued is None:
            continue
        bare = re.sub(r"['’]s?$", "", fold(cued.group("n")))
        if bare in _NOT_NAMES or bare in lists.medical:
            continue
        if token_words[k] in _DOCTOR_WORDS and _THE_DOCTOR_BEFORE.search(text, max(0, tokens[k][0] - 12),
                                                                          tokens[k][0]):
            continue  # "the duty doctor mobile rang": a doctor spoken of, not named (a title stands bare)
        # an ordinary word ("nurse line,") is a name only before what a person does ("nurse pat says")
        # (a word the lexicon knows is no name either: "GP appt booked"; session twenty-two)
        if (cued.group("acts") and bare in lists.name_words) or bare in lists.names or not (
                lists.is_word(bare) or bare in known):
            add(("name", cued.start("n"), cued.start("n") + len(re.sub(r"['’]s?$", "", cued.group("n")))))


def _numbers(text: str, add: Add) -> None:
    """Times in four digits or with an "h", local numbers, groups of digits, letter codes, plates, ages. Times and
    codes go out as dates and IDs, but as kinds of their own ("time", "code") that clinical shapes nearby do not
    cancel ("9h" is a duration's shape, "at 9h" a time): each pattern rules units out itself."""
    # each pattern only where what it needs is there (a speed gate, never a change in what is found)
    if _H_GATE.search(text):
        for m in _H_HOUR.finditer(text):
            add(("time", m.start("d"), m.end("d")))
    if _THREE_DIGITS.search(text):  # a local number, groups of digits
        for rx in (_LOCAL_NUMBER, _DIGIT_GROUPS):
            for m in rx.finditer(text):
                add(("code", m.start(), m.end()))
    if _FOUR_DIGITS.search(text):  # a four-digit time
        for m in _FOUR_RUN.finditer(text):
            if _four_digit_time(text, m.start(), m.group()):
                add(("time", m.start(), m.end()))
    lower = text.lower()
    if _FIVE_DIGITS.search(text):  # a letter code
        for m in _LETTER_CODE.finditer(text):
            add(("code", m.start(), m.end()))
    if any(cue in lower for cue in ("plate", "reg", "tag")):
        for m in _PLATE.finditer(text):
            add(("code", m.start("p"), m.end("p")))
    if "day" in lower:  # "bday", "b-day", "birthday"
        for m in _BIRTHDAY.finditer(text):
            add(("age", m.start("d"), m.end("d")))
    if _NINETY_PLUS.search(text) and _AGE_GATE.search(text):  # (the first: a cheap sign of the second)
        for m in _MY_AGE.finditer(text):
            w = fold(m.group("w"))
            if w not in READING_WORDS and w not in word_lists().medical and _AGE_END.match(text, m.end()):
                add(("age", m.start("d"), m.end("d")))




def _four_digit_time(text: str, start: int, digits: str) -> bool:
    """ "0300" anywhere; "1545" after a cue ("at", "by", "since"...); "2030" (a year as well) after a clock's cue
    ("at", "woke", "bed"...); never before a unit or more digits ("1200 ml", "0114 496 0721")."""
    if _NOT_A_TIME_AFTER.match(text, start + 4):
        return False
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        return False
    if hours < 10:
        return True
    before = text[max(0, start - 12):start]
    if not before.endswith((" ", "\t", "\n")):
        return False
    words = before.split()
    cue = words[-1].lower() if words else ""
    return cue in (_CLOCK_CUES if 19 <= hours <= 20 else _TIME_CUES)


def _places(text: str, tokens: list[tuple[int, int, str]], words: list[str], add: Add) -> None:
    gaz = gazetteer()
    places, place_words, phrases, everyday = gaz.places, gaz.place_words, gaz.phrases, gaz.everyday
    wanted = _wanted()
    lists = word_lists()
    never_names = P.lexicon().not_name
    # the words that are a town or start one (most words are none), found at C speed; a possessive's only where an
    # apostrophe is
    hits = list(compress(count(), map(wanted.__contains__, words)))
    if "'" in "".join(words):
        hits = sorted(set(hits).union(i for i, w in enumerate(words)
                                      if w[-1:] in ("s", "'") and _unpossessive(w) in wanted))
    for i in hits:
        s, e, w = tokens[i]
        bare = _unpossessive(w)
        if any(c.isupper() for c in text[s + 1:e]):
            continue  # "MoCA", "IgE", "CHOP": an acronym or a code, not a town's name
        prev = tokens[i - 1][2] if i else ""
        if text[s].islower() and _AFTER_NUMBER.search(text, max(0, s - 12), s):
            continue  # "5.120 passos", "300 bray": a count's unit, not a town
        if EPONYM_NOUNS.match(text, e):
            continue  # "Epworth score 15": a scale named after a town is the scale
        if text[s].islower() and bare in never_names:
            continue  # "kamar mandi" (a bathroom): in lower case a word the lexicon says is none (session twenty-two)
        # a town whose name is an everyday word of another language, in lower case, is one only where an uncommon
        # English word would be ("jugo de naranja", "crema de hidrocortisona"; capitalised "Crema" is the town)
        word_like = bare in place_words or (bare in everyday and text[s].islower())
        if (bare in places and not word_like) or (word_like and prev in _WORD_PLACE_CUES and i and
                                                  text[tokens[i - 1][1]:s].strip() == ""):
            add(("town", s, e - (len(w) - len(bare))))
            continue
        for width in (3, 2):
            if i + width > len(tokens):
                continue
            group = tokens[i:i + width]
            if any(text[a[1]:b[0]] not in (" ", "-") for a, b in pairwise(group)):
                continue
            last = _unpossessive(group[-1][2])
            phrase = " ".join([t[2] for t in group[:-1]] + [last])
            if phrase in phrases and (prev in _PLACE_CUES or any(not lists.is_word(t[2]) for t in group)
                                      or _FACILITY_NEXT.match(text, group[-1][1])):
                add(("town", s, group[-1][1] - (len(group[-1][2]) - len(last))))
                break


def _unpossessive(w: str) -> str:
    if w.endswith("'s"):
        return w[:-2]
    return w[:-1] if w.endswith("'") else w


@lru_cache(maxsize=1)
def _wanted() -> frozenset[str]:
    """Every word _places looks at further: a town, a town that is a word, the first word of a longer town."""
    gaz = gazetteer()
    return gaz.places | gaz.place_words | _phrase_firsts()


@lru_cache(maxsize=1)
def _phrase_firsts() -> frozenset[str]:
    """The first words of the gazetteer's towns of several words, but not an article ("at the bottom": The
    Bottom is a town too)."""
    return frozenset(p.split(" ", 1)[0] for p in gazetteer().phrases) - {"the", "a", "an"}
