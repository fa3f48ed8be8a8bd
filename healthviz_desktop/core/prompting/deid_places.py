"""Round twelve of issue 15 (set L's first look): places said the everyday way that the earlier rules left, each
written as the general form it is. Plain code called from deid_cued.py, so the fast de-identifier and the reference
one share it as it is.

- "Thursday Island", "Palm Island", "Isle of Skye": an island's name, whatever its first word is (a weekday, a tree).
- "the clinic in Observatory", "the marae at Waitara": a capitalised word after a place of care or gathering and
  "in"/"at"/"near", even when it is an ordinary word (a suburb called Observatory, a town called Hope).
- "at the LGI 14:00-22:30": an acronym no list knows where someone goes, with the time they are there.
- "3rd long day in a row on 7B": a ward's number and letter after the words of a shift.
- "the Callen-Lorde clinic": two capitalised names joined by a hyphen before a place of care.
- "ohio state", "Penn State": a state's university, in any case.
- "my tribal ID is 04-117392 (Rosebud)": the nation, reserve or band in brackets right after a person's number.
- Round twelve's second look: a rural route's address ("HC 61 Box 2290") and the town before a state and its ZIP
  code ("Ganado AZ 86505"); a hospital's name joined to a saint's ("Guys and St Thomas"); an acronym no list knows
  before a name ("NYU Langone"), before what it says ("UHS said") or after where someone goes ("at Memorial Hermann
  TMC").
- Session thirty: an acronym no list knows right before what a student does there ("UNILAG exams", "LUMS
  counselling"): the school; not an exam's own name ("GCSE exams").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.deid_patterns import MONTH_WORDS
from healthviz_desktop.core.prompting.deid_things import clinical_words
from healthviz_desktop.core.prompting.vocabulary import fold, word_lists
from healthviz_desktop.core.prompting.word_trie import trie

Add = Callable[[tuple[str, int, int]], None]

_CAP = r"[A-Z][a-z][\w'’\-]*+"
_ISLAND = re.compile(rf"\b(?P<p>(?:{_CAP}\s+){{1,2}}(?:Island|Islands|Isle|Atoll)\b"
                     rf"(?!\s*(?i:fever|of\s+reil))"
                     rf"|Isle\s+of\s+{_CAP})")
# session twenty-six: "sits at the baraza in Old Town", "moved to Silver Bay": a settlement's name after where someone
# is or goes, whatever its first words mean (the gazetteer's phrases leave out names made of everyday words)
_SETTLEMENT = re.compile(rf"\b(?i:in|at|to|from|near|around|outside)\s+(?:the\s+)?(?P<p>(?:{_CAP}\s+){{1,2}}"
                         r"(?:Town|Village|City|Heights|Estate|Vale|Valley|Bay|Beach|Hills?|Springs|Falls|Harbou?r|"
                         r"Cove|Creek|Ridge|Grove|Quarter|End)(?:\s+(?:North|South|East|West|Central))?)\b"
                         r"(?!['’]s\s+(?i:disease|syndrome))")
_SETTLEMENT_WORDS = ("Town", "Village", "City", "Heights", "Estate", "Vale", "Valley", "Bay", "Beach", "Hill",
                     "Springs", "Falls", "Harbo", "Cove", "Creek", "Ridge", "Grove", "Quarter", "End")  # its speed gate
_GATHERING = [*str.split("clinic hospital surgery pharmacy chemist practice centre center hospice marae church mosque "
                         "temple shelter school office"),
              "health centre", "health center", "medical centre", "medical center"]
# (read from "in"/"at"/"near" and the capital after it, the place word then checked behind: cheaper than the words)
_FACILITY_IN = re.compile(rf"\b(?:in|at|near|In|At|Near|IN|AT)\s+(?P<p>{_CAP}(?:\s+{_CAP})?)")
_GATHERING_BEFORE = re.compile("(?i:" + trie(_GATHERING, ignore_case=True, word_start=True, space=r"\s+") + r")\s+\Z")
_CAPITALS = re.compile(r"[A-Z]{2}")
_HYPHEN_GATE = re.compile(r"[a-z]-[A-Z]")
_DIGITS5 = re.compile(r"\d{5}")
_ROUTE_SIGNS = ("HC", "RR", "R.R.", "oute")
# the things with a screen that "say" something ("work laptop VPN says"), and the services and units of care a
# journal names by their acronyms ("The CMHT called", "Sent to MAU 14:00"): no place of a person
_DEVICES = frozenset(str.split("""vpn app pc tv gps atm sms otp pin wifi ipad cgm ecg mri cmht camhs iapt cpn dwp epu
    mau amu cdu hca pip ctt crht hbt ehcp senco sdec ooh nhs111 ambo esa uc jsa ndis centrelink ssdi ssi snap wic"""))
# the kinds of clinic written with a hyphen ("the Drop-In Centre")
_HYPHEN_KINDS = frozenset(str.split("drop-in walk-in pre-op post-op follow-up check-up one-stop day-case"))
# the people a name joined by "and" to a saint's place can be ("Mum and St John's")
_PEOPLE = frozenset(str.split("mum mom dad nan gran me him her them us you i"))
# (the acronym rules read from a run of capitals, what each needs then checked before and after it)
_CAPITAL_RUN = re.compile(r"(?<!\w)[A-Z]{2,5}(?!\w)")
_CLOCK_AFTER = re.compile(r"\s+(?=(?:[01]?\d|2[0-3])[:.][0-5]\d|(?:[01]\d|2[0-3])[0-5]\d\b)")
_NAME_AFTER = re.compile(r"\s+(?P<n>[A-Z][a-z]{2,}+)\b")
_ENDS_AFTER = re.compile(r"(?=\s*(?:[,.;)]|$|\d))")
_SHIFT_BEFORE = re.compile(r"\b(?i:day|days|shift|shifts|night|nights|row|working|worked|work|floated|float|"
                           r"placement|rotation|lates|earlies|long\s+day|long\s+days)\b[^.!?\n]{0,20}$")
# (these three read from the ward's digit or the acronym's capitals, the words before then checked behind them)
_WARD_ON = re.compile(r"(?<=\s)(?P<p>\d{1,2}(?![GKLMX])[A-Z]\d?)\b(?![\w/.\-]|\s*(?i:mg|ml|units?)\b)")
_ON_BEFORE = re.compile(r"\b(?i:on)\s+\Z")
_HYPHEN_FACILITY = re.compile(r"\b(?P<p>[A-Z][a-z]+-[A-Z][a-z]+)\s+(?i:clinic|centre|center|hospital|health|"
                              r"practice|surgery|house|hall)\b")
_STATE_BEFORE = re.compile(r"\b(?P<p>(?i:ohio|penn|michigan|florida|arizona|iowa|kansas|oklahoma|oregon|washington|"
                        r"colorado|mississippi|georgia|boise|kent|ball|portland|wayne|weber|utah|montana|texas|"
                        r"louisiana|appalachian|sacramento|cleveland|wichita|illinois|indiana|missouri|fresno|"
                        r"san\s+diego|san\s+jose|north\s+carolina|new\s+mexico|morgan|norfolk|tennessee|alabama)"
                        r")\s+\Z")
# (read from the word "state", the state's name then checked behind it)
_STATE_WORD = re.compile(r"\b[Ss][Tt][Aa][Tt][Ee]\b")
_UNI_AFTER = re.compile(r"(?:\s+(?i:uni|university|u))?\b")
# (the number read from its first digit, each group whole: linear on any run of digits)
_BRACKET_AFTER_NUMBER = re.compile(r"(?<![\w\-/])(?P<n>\d++(?:[\-/ ]\d++)*+)\s*\("
                                   r"(?P<p>[A-Z][a-z][\w'’\-]*+(?:\s+[A-Z][a-z][\w'’\-]*+){0,2})\)")
# round twelve (set L's second look): "HC 61 Box 2290", "RR 2 Box 14": a rural route's address; "Ganado AZ 86505": the
# town before a state and its ZIP code
_RURAL_ROUTE = re.compile(r"\b(?:HC|HCR|RR|R\.R\.|(?i:rural\s+route|star\s+route))\s*#?\s*\d{1,4}"
                          r"(?:\s*,?\s*(?i:box)\s*#?\s*\d{1,5})?\b(?![.,/]\d|\s*(?i:cm|mm|kg|g|ml|%|bpm)\b)")
# (Idaho's "ID" only before one of its own ZIP codes, 832-838: "Member ID 88213" is an insurance card's number;
# session twenty-four)
_TOWN_STATE_ZIP = re.compile(r"\b(?P<p>[A-Z][a-z][\w'’\-]*+(?:\s+[A-Z][a-z][\w'’\-]*+)?),?\s+"
                             r"(?:(?!ID\b)[A-Z]{2}\s+\d{5}|ID\s+83[2-8]\d\d)(?:-\d{4})?\b")
# "Guys and St Thomas", "Barts and the London": a hospital's first name joined to a saint's or "the" name
_JOINED_HOSPITAL = re.compile(r"\b(?P<p>[A-Z][a-z]+['’]?s?)\s+(?:and|&)\s+(?:St\.?|Saint)\s+[A-Z][a-z]")
# "NYU Langone", "UCSF Benioff": an acronym no list knows and the name after it; "UHS said": one that speaks
_GOES_BEFORE = re.compile(r"\b(?i:at|to|from|in)\s+(?:(?i:the)\s+)?\Z")
_SAYS_AFTER = re.compile(r"\s+(?i:said|says|told|called|rang|emailed|texted|wants|wanted|phoned|sent|booked|"
                         r"referred)\b")
# "at Memorial Hermann TMC": an acronym no list knows after the name of where someone goes
_NAME_GOES_BEFORE = re.compile(r"\b(?i:at|to|from|in)\s+(?:(?i:the)\s+)?(?P<w>(?:[A-Z][a-z]+\s+){1,3})\Z")
_NOT_PLACES = frozenset(str.split("""the a an my our your his her their this that town person private public general
    main local new old same other next last first monday tuesday wednesday thursday friday saturday sunday
    year night day morning evening afternoon christmas easter maths math english spanish french german science history
    art music outpatients radiology recovery reception triage theatre class lessons assembly"""))


def _plain(word: str) -> bool:
    """A word that names no place here: a month, a weekday, a clinical word or one of the small words."""
    f = fold(word)
    return f in _NOT_PLACES or f in MONTH_WORDS or f in word_lists().medical


# session thirty: an acronym no list knows right before what a student does there ("UNILAG exams", "JKUAT special exam
# form", "BITS compre exams", "LUMS counselling", "lecture at UOA" is another's form): the school
_SCHOOL_ACRONYM = re.compile(r"\b(?P<p>[A-Z]{3,7})\s+(?=(?:special\s+|compre\s+|final\s+|mid-?sem\s+)?"
                             r"(?:exams?|lectures?|semester|sem|hostel|campus|counsell?ing|library|faculty|tutorials?|"
                             r"convocation|registrar|admissions?)\b)")


# ...not an exam's or a qualification's own name ("GCSE exams", "OSCE exams", "NEET exam")
_EXAMS = frozenset(str.split("""GCSE IGCSE OSCE SAT ACT MCAT USMLE PLAB IELTS TOEFL GRE GMAT LSAT NCLEX CPA JEE NEET
    WAEC KCSE KCPE CAPE CSEC BAC ATAR VCE CAT UPSC NEB SSC HSC CBSE ICSE STAAR MRCP MRCS FRCS PANCE NAPLEX COMLEX UCAT
    BMAT"""))


def place_candidates(text: str, add: Add) -> None:
    """Every place of this module's rules in ``text`` (see the docstring)."""
    from healthviz_desktop.core.prompting.deid_words import _unknown_acronym

    for m in _SCHOOL_ACRONYM.finditer(text):
        if _unknown_acronym(m.group("p")) and m.group("p") not in _EXAMS:
            add(("school", m.start("p"), m.end("p")))
    if "Isl" in text:
        for m in _ISLAND.finditer(text):
            if "Love Island" not in m.group("p"):  # (a television show)
                add(("place", m.start("p"), m.end("p")))
    for m in _SETTLEMENT.finditer(text) if any(w in text for w in _SETTLEMENT_WORDS) else ():
        if fold(m.group("p").split()[0]) not in MONTH_WORDS:
            add(("place", m.start("p"), m.end("p")))
    for m in _FACILITY_IN.finditer(text):
        if _GATHERING_BEFORE.search(text, max(0, m.start() - 20), m.start()) and not _plain(m.group("p").split()[0]):
            add(("place", m.start("p"), m.end("p")))
    if " on " in text:
        for m in _WARD_ON.finditer(text):
            on = _ON_BEFORE.search(text, max(0, m.start() - 8), m.start())
            if on and _SHIFT_BEFORE.search(text, max(0, on.start() - 40), on.start()):
                add(("place", m.start("p"), m.end("p")))
    if _HYPHEN_GATE.search(text):
        for m in _HYPHEN_FACILITY.finditer(text):
            if m.group("p").lower() not in _HYPHEN_KINDS and not any(
                    fold(part) in word_lists().medical for part in m.group("p").split("-")):
                add(("place", m.start("p"), m.end("p")))
    for m in _STATE_WORD.finditer(text) if "tate" in text or "TATE" in text else ():
        uni = _STATE_BEFORE.search(text, max(0, m.start() - 30), m.start())
        after = _UNI_AFTER.match(text, m.end())  # (always matches: its words are optional)
        if uni and after:
            add(("school", uni.start("p"), after.end()))
    if _DIGITS5.search(text):
        for m in _TOWN_STATE_ZIP.finditer(text):
            if not _plain(m.group("p").split()[0]):
                add(("place", m.start("p"), m.end("p")))
    for m in _RURAL_ROUTE.finditer(text) if any(w in text for w in _ROUTE_SIGNS) else ():
        add(("address", m.start(), m.end()))
    if " St" in text or " Saint" in text:
        for m in _JOINED_HOSPITAL.finditer(text):
            f = fold(m.group("p").rstrip("'’s"))
            if not _plain(f) and f not in _PEOPLE and f not in word_lists().drugs and f not in clinical_words():
                add(("place", m.start("p"), m.end("p")))
    if _CAPITALS.search(text):
        _acronym_places(text, add)
    if "(" in text:
        for m in _BRACKET_AFTER_NUMBER.finditer(text):
            if sum(c.isdigit() for c in m.group("n")) >= 5 and not _plain(m.group("p").split()[0]):
                add(("place", m.start("p"), m.end("p")))


def _acronym_places(text: str, add: Add) -> None:
    """The acronym rules, read in one pass over the runs of two to five capitals: each rule's acronym is such a run,
    and only one no list knows is looked at further."""
    from healthviz_desktop.core.prompting.deid_words import _unknown_acronym

    lists = word_lists()
    for m in _CAPITAL_RUN.finditer(text):
        a, s, e = m.group(), m.start(), m.end()
        if not _unknown_acronym(a) or a.lower() in _DEVICES:
            continue
        goes = _GOES_BEFORE.search(text, max(0, s - 12), s)
        if goes and _CLOCK_AFTER.match(text, e):  # "at the LGI 14:00"
            add(("place", s, e))
        name = _NAME_AFTER.match(text, e) if s and text[s - 1].isspace() else None
        if goes and name:  # "at NYU Langone"
            n = fold(name.group("n"))
            if not lists.is_word(n) and n not in lists.medical and n not in lists.drugs and n not in clinical_words():
                add(("place", s, name.end()))
        if len(a) >= 3 and a.lower() not in _DEVICES and _SAYS_AFTER.match(text, e):  # "UHS said"
            add(("place", s, e))
        if s >= 2 and text[s - 1] == " " and "a" <= text[s - 2] <= "z" and _ENDS_AFTER.match(text, e):
            named = _NAME_GOES_BEFORE.search(text, max(0, s - 70), s)  # "at Memorial Hermann TMC,"
            words = [fold(w) for w in named.group("w").split()] if named else []
            if named and any(lists.is_name(w) for w in words) and not any(
                    w in lists.medical or w in clinical_words() for w in words):
                add(("place", s, e))
