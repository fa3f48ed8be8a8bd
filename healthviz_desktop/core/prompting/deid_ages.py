"""Round nine of issue 15: ages over 89 in the everyday forms the earlier rules left, found in the retired set H
and in the ways carers of the very old write them. Plain code called from deid_cued.py, so the fast
de-identifier and the reference one share it as it is. Every rule takes only 90 to 119, and never before a unit.

- "at 92 she still knits": an age before the person it is said of.
- "Gran, now 97,": an age set off by commas after "now", "nearly", "just".
- "celebrated her 101st": a birthday's ordinal after a possessive, without the word "birthday" (not "her 90th
  percentile", "his 100th game").
- "nearly 100 now", "almost 95": near an age, when a person is named just before and no vital sign is (a pulse
  "nearly 100" is a reading).
- "ist heute 99 geworden", "wird 95": German's "has turned" and "turns".
- "she says 94": an age a person gives, after "she says" or "mum said" (not "Smartwatch says 92 resting").
- "Mrs. Pruitt (my client, 96)": the last thing in a bracket that says whose the person is (round eleven).
- "Mother Hattie at church is 90": an age said of a named person (a family word or a title, then a name) a few
  words before "is" (round eleven; never with a reading's word between: "Dad's BP is 95").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.deid_cued import _FAMILY, _NINETY_PLUS, READING_WORDS
from healthviz_desktop.core.prompting.vocabulary import fold

Add = Callable[[tuple[str, int, int]], None]

_AGE = r"(?P<d>9\d|1[01]\d)"
_NO_UNIT = (r"(?![\d/%]|[.,]\d|\s*(?i:%|mg|mcg|kg|g|ml|bpm|steps|mins?|minutes|hours?|hrs?|lbs?|pounds|degrees|mmhg|"
            r"percent|per\s+cent|units?|times|x|over|/|seconds?|secs?|miles|km|metres|meters|feet|ft|"
            r"or\s+(?:above|more|over|higher|less|below))(?!\w))")
_PERSON = r"(?:she|he|mum|mom|mam|dad|nan|nana|gran|granny|grandma|grandpa|grandad|my|her|his|they|pop|nanna)"
_AT_AGE = re.compile(rf"\b(?i:at)\s+{_AGE}\s*,?\s+(?i:{_PERSON})\b")
_NOW_AGE = re.compile(rf",\s*(?i:now|nearly|almost|just)\s+{_AGE}{_NO_UNIT}\s*(?:[,)]|(?i:years?|yrs?)\b)")
_HER_ORDINAL = re.compile(rf"\b(?i:her|his|their|mum's|mom's|dad's|nan's|gran's|grandma's|grandpa's)\s+{_AGE}"
                          r"(?P<o>(?i:st|nd|rd|th))\b(?=\s*(?:[.,;:!?)]|$|(?i:birthday|bday|b-day|party|celebration|"
                          r"today|tomorrow|on|this|next|last|is|was|and|in|at|with|coming|soon)\b))")
_NEAR_AGE = re.compile(rf"\b(?i:nearly|almost|nearing|pushing|going\s+on|knocking\s+on|rising)\s+{_AGE}{_NO_UNIT}")
_PERSON_BEFORE = re.compile(r"\b(?i:she|he|her|his|mum|mom|mam|dad|nan|nana|gran|granny|grandma|grandpa|grandad|"
                            r"grandmother|grandfather|aunt|auntie|uncle|husband|wife|father|mother|resident|patient|"
                            r"pop|poppa)\b")
_VITAL_BEFORE = re.compile(r"\b(?i:hr|pulse|heart\s+rate|sats?|spo2|o2|oxygen|bp|temp|temperature|sugar|glucose|bg|"
                           r"bm|weight|weighs|score|reading|readings|level|levels|rate|bpm|count|steps|mmse|moca)\b")
_GERMAN_TURNED = re.compile(rf"\b(?i:ist|wird|wurde)\s+(?:(?i:heute|jetzt|schon|bald|morgen|nun)\s+)?{_AGE}"
                            rf"(?=\s+(?i:geworden|jahre)\b|\s*[!.,]|\s+(?i:im|am|in|nächste)\b)")
_SAYS_AGE = re.compile(rf"\b(?i:she|he|mum|mom|mam|dad|nan|nana|gran|granny|grandma|grandpa|grandad)\s+"
                       rf"(?i:says|said|claims|insists)\s+(?:(?i:she's|he's|she\s+is|he\s+is|she\s+was)\s+)?"
                       rf"{_AGE}{_NO_UNIT}(?!\s*(?i:/|out))")
# "Pt = Mom, 93F", "Dad, 96 M": an age and a sex after the person (not "temp 99F": a reading has no person before it)
_AGE_SEX = re.compile(rf"\b(?i:mom|mum|mam|dad|mother|father|pt|patient|resident|client|grandma|grandpa|nan|gran)"
                      rf"\s*,\s*"
                      rf"{_AGE}\s?(?:F|M|yo\s?[FM]|y/o\s?[FM])\b")
# "Koro (Hemi Walker) is 93": an age after a family word and the name in brackets
_BRACKET_IS_AGE = re.compile(rf"\)\s+(?i:is|was|turned|turns)\s+{_AGE}{_NO_UNIT}")
# "(my client, 96)", "(her mum, 93)": not "(my BP, 95)", "(my morning reading, 98)" — no reading's word in it
_WHOSE_BRACKET_AGE = re.compile(rf"\((?i:my|her|his|our|their)\s+(?P<w>[^\W\d_][^()]{{0,30}}?),\s*{_AGE}\s*\)")
# words that make the bracket a reading's ("(my morning reading, 98)", "(my resting, 92)"), with deid_cued's list
_READING_BRACKET = frozenset(str.split("""morning evening night resting daily average fasting reading readings level
    levels score best worst lowest highest max min sugar sugars result"""))
# (between the name and "is" nothing, or where the person is: "at church", "next door", "from Leeds"; never "Dr Rao
# said mine is 95")
_NAMED_IS_AGE = re.compile(rf"\b(?P<k>[^\W\d_][\w'’]*)\.?\s+[A-Z][a-z'’\-]+(?P<gap>(?:\s+(?i:at|from|in|of|on|next|"
                           rf"down|up|across|over|near)(?:\s+[\w'’\-]+){{1,3}}?)?)\s+(?i:is|was|turned|turns)\s+"
                           rf"{_AGE}{_NO_UNIT}")
# "She'll be 90 in July", "mum turns 95 on Friday", "dad would have been 92": an age to come or one that was, said
# of a person (round thirteen, set M's first look; never a reading: "her sugar will be 95")
# (session twenty-six: the writer's own, "I'll be 94 on the 2nd", "I turned 90 in May")
_WILL_BE_AGE = re.compile(rf"\b(?i:{_PERSON}|i|mother|father|grandmother|grandfather|granny['’]s|she['’]d|he['’]d|"
                          r"husband|wife|partner|brother|sister|aunt|auntie|uncle)"
                          rf"(?:['’]ll)?(?:\s+(?i:will|would|is\s+going\s+to|['’]s\s+going\s+to|is\s+gonna|"
                          rf"['’]s\s+gonna|gonna))?(?:\s+(?i:have))?\s+"
                          rf"(?i:be|been|turns|turned|turning|is\s+turning|was\s+turning)\s+{_AGE}{_NO_UNIT}"
                          r"(?!\s+(?i:on|with|at|in)\s+(?:(?i:his|her|the|room)\s+)?(?i:sats|oxygen|o2|air|room))")
# "born 3 May 1931, making her 95": an age worked out (session twenty-six)
_MAKING_AGE = re.compile(rf"\b(?i:making|makes|made)\s+(?i:her|him|me|them)\s+{_AGE}{_NO_UNIT}")
# "Father (… b. 1932) had a fall. 91 and stubborn.": an age that opens a sentence, "and" what the person is, with a
# person spoken of just before and no reading's word (round thirteen; not "HR 110. 95 and falling")
_OPENS_AGE_AND = re.compile(rf"(?:\A|(?<=[.!?]\s)|(?<=\n)){_AGE}\s+(?:and|&)\s+(?!(?i:rising|falling|climbing|"
                            r"dropping|steady|stable|holding|counting|down|above|below|less|going\s+down|going\s+up|"
                            r"something)\b)[a-z]")
# session sixteen (set O's moved entries): the age of someone a carer cares for ("ama I care for is 96", "my client
# is 94"; never a reading or a rank: "is 95 on room air", "at rest", "after the neb", "95th centile", "95 strong")
_CARED_FOR_AGE = re.compile(rf"\b(?:(?i:i|we)\s+(?i:care\s+for|cared\s+for|look\s+after|looked\s+after|sit\s+with|"
                            rf"support)|(?i:my|our)\s+(?i:client|resident|service\s+user|charge))"
                            rf"\s+(?i:is|was|turned|turns|is\s+now)\s+{_AGE}{_NO_UNIT}(?!(?i:st|nd|rd|th)\b)"
                            r"(?!\s+(?i:on\s+(?:room\s+air|air|oxygen|o2|\d)|with|at|after|before|during|strong|percent|"
                            r"centile|per)\b)")
# the month an age over 89 is reached ("She'll be 95 in January", "he turns 100 next June", "93 come March")
_BIRTHDAY_MONTH = re.compile(r"\s+(?:(?i:in|on|this|next|come|by)\s+)?(?P<m>(?i:january|february|march|april|may|june|"
                             r"july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|"
                             r"nov|dec))\b(?!\s+\d)")
# "92 and still driving": an age that opens the entry or a sentence, "and still" doing what a person of that age
# does (a short list: "97 and still coughing", "95 and still waiting" are counts and readings), never after a
# reading's word
_STILL_AT_AGE = re.compile(rf"(?:\A|(?<=[.!?]\s)|(?<=\n)){_AGE}\s+(?:and|&)\s+still\s+(?i:driving|walking|working|"
                           r"gardening|dancing|swimming|cooking|pushing|cycling|golfing|knitting|painting|teaching|"
                           r"travelling|traveling|hiking|baking|volunteering|shopping|sewing|fishing|bowling|"
                           r"preaching|farming|singing|living\s+alone|living\s+on\s+her\s+own|living\s+on\s+his\s+own)\b")
# "(yung client ko, 93 na siya)": Tagalog's "is already 93" (round twelve, set L's first look)
_TAGALOG_AGE = re.compile(rf"(?<![\d.,/])\b{_AGE}\s+(?i:na)\s+(?i:siya|sya|sila|po|ngayon|kasi|daw|raw|eh|nga|yata|"
                          r"pala|din|rin)\b")
# "Appendix at 91??": an age someone is surprised at, a person spoken of before it (round thirteen, set N's first look;
# never a reading: "sats at 91??")
_AT_AGE_SURPRISE = re.compile(rf"\b(?i:at)\s+{_AGE}\s*[?!]+")
# the same age said again in the text, bare: "at 93 i let it slide" (never before a unit or as a reading's value)
_NUMBERED_BEFORE = re.compile(r"\b(?i:page|p\.|pg|number|no\.?|#|room|bed|ward|bus|route|question|q|item|step|"
                              r"line|chapter|level|row|seat|gate|platform|exit)\s*$")
_AGAIN = r"(?<![\d.,/:\-])(?<!/\s)\b{}\b(?![\d/%]|[.,]\d|\s*[-–/]\s*\d)"
_GATE = re.compile(r"[91](?<!\d[91])(?:(?<=9)\d|(?<=1)[01]\d)(?!\d)")
_WORD_BEFORE_BRACKET = re.compile(r"(?P<w>[^\W\d_][\w'’\-]*)\s*\([^()]{1,50}$")


def person_words() -> frozenset[str]:
    """A family word or a title ("mother", "mrs", "deacon"): what a named person is called by."""
    from healthviz_desktop.core.prompting import deid_patterns as P

    return _FAMILY | P.lexicon().titles


# round seventeen (set Q's moved entries): an age right after "she" or "he" opening a sentence, with no verb between,
# as Creole and Pidgin say it ("She 94 now an still sharp"), then a word of time or "and"; not a reading's pronoun
# ("Her sats she 94 now on 2L", "She 94 today on the oximeter")
_PRONOUN_AGE = re.compile(r"(?:^|(?<=[.!?\n])\s*)(?i:she|he)\s+(?P<d>9\d|1[0-4]\d)\s+(?i:now|already|dis|this|today|"
                          r"years?|yrs?|an|and|still)\b(?!\s+(?i:on|at|in)\b)")


def age_candidates(text: str, add: Add) -> None:
    """Every age of this module's rules in ``text`` (see the docstring); nothing without a number of 90 to 119."""
    windows: list[tuple[int, int]] = []  # each rule reads a few words round a number of 90 to 119: only there
    for n in _GATE.finditer(text):
        lo, hi = max(0, n.start() - 50), min(len(text), n.end() + 40)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    for lo, hi in windows:
        for rx in (_AT_AGE, _NOW_AGE, _GERMAN_TURNED, _SAYS_AGE, _WILL_BE_AGE, _CARED_FOR_AGE, _MAKING_AGE):
            for m in rx.finditer(text, lo, hi):
                add(("age", m.start("d"), m.end("d")))
        for m in _PRONOUN_AGE.finditer(text, lo, hi):
            add(("age", m.start("d"), m.end("d")))
        for m in _AGE_SEX.finditer(text, lo, hi):
            add(("age", m.start("d"), m.end()))
        for m in _BRACKET_IS_AGE.finditer(text, lo, hi):
            kin = _WORD_BEFORE_BRACKET.search(text, max(0, m.start() - 70), m.start())
            if kin and fold(kin.group("w")) in _FAMILY:
                add(("age", m.start("d"), m.end("d")))
        for m in _NAMED_IS_AGE.finditer(text, lo, hi):
            if fold(m.group("k")) in person_words() and READING_WORDS.isdisjoint(
                    fold(w) for w in m.group("gap").split()):
                add(("age", m.start("d"), m.end("d")))
        for m in _WHOSE_BRACKET_AGE.finditer(text, lo, hi):
            words = {fold(w) for w in re.findall(r"[^\W\d_]+", m.group("w"))}
            if words.isdisjoint(READING_WORDS) and words.isdisjoint(_READING_BRACKET):
                add(("age", m.start("d"), m.end("d")))
        for m in _HER_ORDINAL.finditer(text, lo, hi):  # the ordinal whole: "her 101st"
            add(("age", m.start("d"), m.end("o")))
        for m in _AT_AGE_SURPRISE.finditer(text, lo, hi):
            before = text[max(0, m.start() - 200):m.start()]
            person = _PERSON_BEFORE.search(before) or not _FAMILY.isdisjoint(
                fold(w) for w in re.findall(r"[^\W\d_]+", before))  # "Vovô", "lola"
            if person and not _VITAL_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                add(("age", m.start("d"), m.end("d")))
        for m in _OPENS_AGE_AND.finditer(text, lo, hi):
            before = text[max(0, m.start() - 150):m.start()]
            if not _VITAL_BEFORE.search(before) and _PERSON_BEFORE.search(before):  # (a reading's word anywhere
                add(("age", m.start("d"), m.end("d")))  # before it: "blood sugar … new meter. 110 and she felt fine")
        for m in _STILL_AT_AGE.finditer(text, lo, hi):
            if not _VITAL_BEFORE.search(text, max(0, m.start() - 150), m.start()):
                add(("age", m.start("d"), m.end("d")))
        for m in _TAGALOG_AGE.finditer(text, lo, hi):
            add(("age", m.start("d"), m.end("d")))
        for m in _NEAR_AGE.finditer(text, lo, hi):
            before = text[max(0, m.start() - 40):m.start()]
            if _PERSON_BEFORE.search(before) and not _VITAL_BEFORE.search(before):
                add(("age", m.start("d"), m.end("d")))


def repeated_ages(text: str, found: list[tuple[str, int, int]], add: Add) -> None:
    """The age over 89 a rule found, said again bare elsewhere in the text ("she's 93 ... at 93 i let it slide"):
    every other standing occurrence of that number, unless a unit follows or a reading's word stands just before it.
    Reads the candidates found so far; call it last."""
    ages = {text[s:e] for cat, s, e in found if cat == "age" and e - s <= 3 and text[s:e].isdigit()}
    for cat, s, e in list(found):  # "she's 90, inshallah 91 in Hamal": the next year's age, said just after
        if cat == "age" and e - s <= 3 and text[s:e].isdigit() and int(text[s:e]) < 119:
            nxt = re.compile(_AGAIN.format(int(text[s:e]) + 1) + _NO_UNIT
                             + r"(?!\s+(?i:more|days?|weeks?|months?|sleeps|to\s+go)\b)")  # not "100 more days"
            for m in nxt.finditer(text, e, min(len(text), e + 40)):
                before = text[max(0, m.start() - 24):m.start()]
                if not _VITAL_BEFORE.search(before) and not re.search(r"[\d/]\s*$", before):
                    add(("age", m.start(), m.end()))
    for cat, _s, e in list(found):  # "She'll be 95 in January": the month of a birthday past 89 (session twenty-six)
        if cat == "age":
            month = _BIRTHDAY_MONTH.match(text, e)
            if month and (month.group("m")[0].isupper() or month.group("m").lower() not in ("may", "mar")):
                add(("date", month.start("m"), month.end("m")))
    for age in ages:
        for m in re.finditer(_AGAIN.format(age) + _NO_UNIT, text):
            before = text[max(0, m.start() - 24):m.start()]
            if not _VITAL_BEFORE.search(before) and not re.search(r"[\d/]\s*$", before) \
                    and not _NUMBERED_BEFORE.search(before):  # "Page 95 of the leaflet"
                add(("age", m.start(), m.end()))


def ages_after_names(text: str, kept: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """An age over 89 right after a person's name the resolver kept (``kept``: (kind, start, end)), past the bracket
    that holds the name or set off by a comma: "Halmeoni ([NAME]) 96", "mr [NAME], 92." (session twenty-eight: such
    ages went out on the held-out bodies, the name taken and its age left). Never before a unit or a range."""
    out = []
    for kind, _s, e in kept:
        if kind in ("name", "private"):
            m = _AGE_AFTER_NAME.match(text, e)
            if m is not None:
                out.append(("age", m.start("d"), m.end("d")))
    return out


_AGE_AFTER_NAME = re.compile(rf"(?:\)\s*,?\s*(?:(?:is|was|now|aged)\s+)?|\s*,\s*(?:(?:now|aged)\s+)?){_AGE}{_NO_UNIT}"
                             r"(?!\s*[-–]\s*\d)")


# "ma 93 lata", "91 χρονών", "Opa wordt 90", "abuela cumple 95": an age over 89 with the word for years, or after
# the word for turning, in the languages people mix in (the English forms are deid_patterns' AGE_PATTERNS)
_YEARS_WORDS = (r"lat|lata|jaar|jahre|jahren|jahr|ans|años|anos|anni|år|yaşında|yasinda|yaş|yas|χρονών|χρονων|ετών|"
                r"ετων|taon|taong|miaka|saal|sal|vuotta|vuotias|éves|ani|tahun|thn|tuổi|tuoi|살|세|歳|才|岁|周岁|лет|"
                r"года|год|років|роки|рік|godina|godine|let|roků|rokov|sene|سنة|عام|жаста|жашта|жаш|жас|yoshda|yosh|ёшда|"
                r"ýaşynda|настай|წლისაა|წლის|տարեկան|gadi|gadus|gadu|metų|metu|metai|aastane|aastat|vjeç|vjec|години|годишна|ára")
# session nineteen: years ago, not an age ("100 лет назад", "90 lat temu", "100 წლის წინ"; "пред 90 години" in code)
_AGO = r"(?i:ago|назад|тому|temu|წინ|бұрын|oldin|өмнө|atpakaļ|önce|once|parë|pare|aastat\s+tagasi|tagasi)\b"
_AGO_BEFORE = re.compile(r"(?i:пред|prieš|pries|pirms|przed|před|pred|before)\s+$")
_TURNS_WORDS = (r"wordt|werd|wird|wurde|cumple|cumplió|cumplio|cumplirá|cumplira|compie|compirà|compira|fête|"
                r"skończył|skończyła|skończy|kończy|fyller|fyllde|fylder|täyttää|täytti|completa|completou|yaşına")
# (session twenty-two: the words Swahili, Malay and Indonesian put before the age, "ana miaka 93", "Umur 91 dah",
# "usia 94")
_OTHER_AGE = re.compile(rf"(?<![\d.,/])(?P<d>9\d|1[0-4]\d)\s*(?:{_YEARS_WORDS})(?!\w)(?!\s*{_AGO})"
                        rf"|\b(?:{_TURNS_WORDS}|miaka|umri|umur|usia)\s+(?P<t>9\d|1[0-4]\d)\b(?![.,/]\d|\s*%)",
                        re.IGNORECASE)
# "grandma 93 fell", "dedushka 93", "奶奶 93 now", "Мама 90", "Eyang Kakung (91": a family word of any language (and
# a second word of it or a name), then an age over 89 with nothing between; "Luba (Lyubov Ivanovna), 96, stopped",
# "Grandpa Joe, 93, passed": an age set off by commas after a name or its brackets
# (read at each age-like number: the one or two words before it, and what follows it)
_KIN_BEFORE = re.compile(r"(?<![\w'’\-])(?P<w>[^\W\d_][\w'’\-]*)(?:\s+(?P<w2>[^\W\d_][\w'’\-]*))?\s*\(?\s*$")
_NO_READING_AFTER = re.compile(
    r"(?![.,/]\d|\s*(?:%|/|°|(?i:mg|mcg|kg|lbs?|bpm|mmhg|cm|mm|ml|mins?|minutes|hours?|hrs?|days?|seconds?|secs?|"
    r"percent|degrees|f|c|sats?|spo2|o2|steps|times|x|mmol|units?|ml)\b))")
_SET_OFF_GATE = re.compile(r",\s*(?:9\d|1[0-4]\d),")
_SET_OFF_AGE = re.compile(r"(?P<w>[^\W\d_][\w'’\-]*|\))\s*,\s*(?P<d>9\d|1[0-4]\d),")


def worded_ages(text: str, add: Add) -> None:
    """Ages over 89 with the word for years or for turning in the languages people mix in ("ma 93 lata", "95 жаста",
    "abuela cumple 95"; not "100 лет назад"), right after a family word ("dedushka 93") or set off by commas after a
    name ("Grandpa Joe, 93, passed"). (From deid_cued, session nineteen, to keep that module small.)"""
    if _NINETY_PLUS.search(text):
        for m in _OTHER_AGE.finditer(text):
            g = "d" if m.group("d") else "t"
            if not _AGO_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                add(("age", m.start(g), m.end(g)))
        for n in _NINETY_PLUS.finditer(text):
            words = _KIN_BEFORE.search(text, max(0, n.start() - 40), n.start())
            if words is None or not _NO_READING_AFTER.match(text, n.end()) or text[n.end():n.end() + 1].isalpha():
                continue
            # (a short family word in capitals is no family word: "MA 102" is a course)
            kin = [fold(w) for w in (words.group("w"), words.group("w2")) if w and not (len(w) <= 2 and w.isupper())]
            if any(w in _FAMILY for w in kin) and not any(w in READING_WORDS for w in kin):
                add(("age", n.start(), n.end()))
        for m in _SET_OFF_AGE.finditer(text) if _SET_OFF_GATE.search(text) else ():
            w = m.group("w")
            if w == ")" or (w[0].isupper() and fold(w) not in READING_WORDS and not w.isupper()):
                add(("age", m.start("d"), m.end("d")))
