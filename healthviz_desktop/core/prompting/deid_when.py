"""Round seventeen of issue 15 (set Q's first look: 22 entries moved to the tuning corpus, `heldout/MOVED.md`): dates,
times and trial sites written the way the people of set Q wrote them, each as the general form it is. Plain code
called from deid_clock.py's ``clock_candidates``, so the fast and the reference de-identifier share it.

- A Unix timestamp, as device and app exports paste them ("ts=1719806400", "\"time\": 1719806400123"): ten digits
  from 15 to 19 (2017 to 2030), or thirteen for milliseconds, after the name the log gives it.
- An hour "in the morning" (or afternoon, evening, "at night"; since session twenty-three "tonight", "last night",
  "tomorrow morning") after a word for when ("vomiting since 4 in the morning"); not a count of tablets ("took 2 in
  the morning") nor one said roughly ("about 2 in the morning" is as often a count).
- Session thirty: a bare hour after "at", "by", "since" or "after" that ends its clause ("will drive me at 7.",
  "stopped by 4."); not a reading, a score or a setting at that level ("Pain at 7.", "try the humidifier at 4"), nor
  the whole part of a decimal ("alarm at 3.2").
- Session thirty-one: a dotted clock on the quarter hour ("ward for 7.15", "Back home 21.00"), unless a reading's
  word, a test's code or acronym or a medical word stands among the three words before it; and an hour written with
  "h" (or Dutch "u" and its minutes) after a word for when or a weekday, before "du matin", or past noon ("since
  14h", "samedi 11h", "Discharged 23h"), never a length of time ("slept 7h", "every 4h", "a 14h double").
- A day's ordinal right after the word for a visit or a deadline ("come back clinic 14th", "due 3rd"); not a
  floor, a time, a week, a dose, a place in line or a schedule ("clinic 3rd floor", "back 2nd time", "Clinic 2nd and
  4th Tuesday").
- A clinical trial's site number ("Site 042", "centro 55", "site 217") where a trial is spoken of: it names the
  hospital; never an injection's or a sensor's site, nor a distance ("the centre 27 km from home").
A day and month with a slash after the word for an appointment ("dentist appointment 3/10") was tried and taken back:
a second reader's "Appointment 3/10 pain", "Booked 3/5 sessions", "Appt 2/12 ago" outnumbered it 22 to 3. The same
look's ages ("She 94 now", "Grandpa Kimo turn 101") are in deid_ages.py and deid_cued.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.deid_calendars import WEEKDAY_WORDS
from healthviz_desktop.core.prompting.vocabulary import fold, key, word_lists

Add = Callable[[tuple[str, int, int]], None]

_EPOCH = re.compile(r"(?<![\d.,:/\-])1[5-9]\d{8}(?:\d{3})?(?![\d.,:/\-])")
# ... after the name a log gives it ("ts=", "timestamp:", "\"time\": "): a thirteen-digit personal number starts
# the same way ("1503998175021", a day and a month)
_EPOCH_CUE = re.compile(r"\b(?i:ts|timestamp|time|epoch|unix|datetime|date|created(?:_at)?|updated(?:_at)?|start|end|"
                        r"t)[\"'\]]*\s*[=:]\s*[\"']?\Z")
# (each read from its rarer end, the words before it then checked behind: "in the morning", an ordinal)
# (session twenty-three: and the day before or after, "at 7 tomorrow morning", "at 3 last night", "by 6 tonight")
_PART_OF_DAY = re.compile(r"(?<=\s)(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|this\s+(?:morning|"
                          r"afternoon|evening)|tonight|last\s+night|(?:tomorrow|yesterday)(?:\s+(?:morning|afternoon|"
                          r"evening|night))?)\b", re.IGNORECASE)
_HOUR_OF_DAY = re.compile(r"\b(?i:since|at|until|till|til|from|by|before|after)\s+"
                          r"(?P<t>(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?)\s+\Z")
# session thirty: a bare hour after "at", "by", "since" or "after" that ends its clause ("will drive me at 7.",
# "stopped by 4.", "I dey stand since 7.", "went at 2, therapist..."), or before "and", "then" or "till"; not a
# reading, a score, a count or a device's setting at that level ("pain at 7.", "INR at 2.", "sugar stayed at 9", "try
# the humidifier at 4"); "till" counts as often as it tells the time ("Breathe in till 4, hold till 7", round twelve)
_CLAUSE_HOUR = re.compile(r"(?<=\s)(?i:at|by|since|after)\s+(?P<t>(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?)"
                          r"(?=\s*(?:[.;!?)](?!\d)|,\s|\Z|\s+(?i:and|then|till|until|tomorrow|tonight|today)\b(?!\s+\d)))")
_READING_BEFORE_HOUR = re.compile(r"\b(?i:pain|pains|sugar|sugars|bg|bgl|glucose|inr|level|levels|score|scores|temp|"
                                  r"fever|hr|bp|severity|it|was|is|stayed|steady|stuck|peaked|capped|maxed|kept|held|"
                                  r"sits|sitting|sat|rated|mood|anxiety|energy|fatigue|nausea|stress|reading|readings|"
                                  r"number|numbers|count|up|down|out|dose|doses|ratio|stage|grade|week|weeks|day|days|"
                                  r"day\s+\d+|page|mark|size|one|back|humidifier|setting|settings|alarm|alarms|"
                                  r"alert|alerts|dial|mode|volume|speed|notch|pressure|pump|tens|heater|fan|"
                                  r"thermostat)\s+\Z")
_VISIT_CUE = re.compile(r"\b(?i:clinic|appointment|appt|review|due|till|until|before|after|by)\s+\Z")
_NOT_A_VISIT_DAY = re.compile(r"\s*(?i:floor|time|times|week|weeks|day|days|visit|dose|doses|cycle|round|attempt|"
                              r"percentile|centile|birthday|grade|year|place|month|line|trimester|stage|session|"
                              r"infusion|injection|shot|pregnancy|child|baby|go|try|level|person|patient|one|"
                              r"of\s+(?:the|my|his|her)\s+(?:month|week|cycle)|in\s+line|booster|jab|vaccine|"
                              r"and|&|or|/)(?!\w)")
_TRIAL_SITE = re.compile(r"\b(?i:site|centro|center|centre|sitio|zentrum)\s*(?:#|(?i:no\.?|nr\.?|number))?\s*"
                         r"(?P<d>\d{2,4})\b(?![.,/]\d|\s*(?i:mg|ml|%|units?|mm|cm|km|miles?|mi|minutes?|mins?|"
                         r"hours?|hrs?|people|patients)\b)")
_NOT_A_TRIAL_SITE = re.compile(r"\b(?i:injection|infusion|iv|cannula|port|puncture|wound|biopsy|incision|pump|sensor|"
                               r"insertion|surgical|test|web|building|camp|construction|work)\s*\Z")
_TEN_DIGITS = re.compile(r"\d{10}")  # (the speed gates: what each rule needs, cheaply)
_ORDINAL = re.compile(r"(?<![\w.,/])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|ST|ND|RD|TH)\b")
_TRIAL_SIGNS = re.compile(r"trial|study|protocol|participant|randomi|enrol|estudo|estudio|ensayo|studie|étude|"
                          r"etude")


# session thirty-one: a dotted clock on the quarter hour ("ward for 7.15", "pulang 21.00", "Clinic 9.15 Thurs"): not a
# dose (its unit after it, "0.15" and "0.30"), nor a reading or a lab value after its word, its acronym or a number
# ("INR 2.30", "K 4.15", "Glycémie à jeun 1.45", "EpiPen 0.15", "1.5/2.30")
_QUARTER_CLOCK = re.compile(r"(?<![\w.,:/\-])(?:[01]\d|2[0-3]|[1-9])\.(?:00|15|30|45)"
                            r"(?![\w%]|[.,:/\-]\d|\s*(?i:mg|mcg|ml|mmol|g|kg|lbs?|l|units?|iu|u|mm|cm|km|m|mi|miles?|"
                            r"x|times|hrs?|hours?|mins?|minutes?|h|%|bpm|kcal|cal|steps|stone|st|litres?|liters?|°)(?!\w))")
_GLUCOSE_STEMS = ("glyc", "glic", "gluc", "glik", "glyk")  # a blood sugar in many languages: "glycémie", "glicemia"


def _reading_before(text: str, start: int) -> bool:
    """Whether what stands before a number at ``start`` makes it a reading: its word, an acronym or a test's code
    ("eGFR", "HbA1c", "SpO2"), a medical or drug word among the three words before it, or a number or sign right
    before."""
    if _READING_BEFORE_HOUR.search(text, max(0, start - 16), start) \
            or re.search(r"[\d/=:<>~]\s*\Z", text[max(0, start - 4):start]):
        return True
    words = re.findall(r"[^\W_][\w\-]*", text[max(0, start - 30):start])[-3:]
    return any(_names_a_reading(w) for w in words)


def _names_a_reading(word: str) -> bool:
    """An acronym ("K", "INR"), a test's code ("eGFR", "HbA1c", "hba1c"), a medical or drug word, or a blood sugar's
    word of another language."""
    lists = word_lists()
    if any(c.isupper() for c in word[1:]) or (word.isupper() and word not in ("I", "A")):
        return True
    if word[:1].isalpha() and not word.isalpha():  # ("14h", "3pm" before it are clocks, not codes)
        return True
    return key(word) in lists.medical or key(word) in lists.drugs or word.casefold().startswith(_GLUCOSE_STEMS)


# session thirty-one: an hour written with "h" (French, Portuguese, and the English of those who write them) or a
# Dutch "u" with its minutes, where something tells the time: "since 14h", "samedi 11h", "tomorrow 8h", "3h du
# matin", "15h-17h", "donderdag 17u30"; an hour past noon whatever stands before it ("Discharged 23h"). Not a
# length of time: "slept 7h", "every 4h", "in 3h", "fasting 16h", "24h Holter" (24 is no hour here), "14u" of insulin
# (allowlist_numbers.py holds its own words for the same reading, on purpose: the two layers share no rule, so that
# one's miss is not the other's)
_H_HOUR = re.compile(r"(?<![\w.,:/\-])(?P<t>(?:[01]?\d|2[0-3])h|(?:[01]?\d|2[0-3])u[0-5]\d)(?![\w%])"
                     r"(?:\s*[-–]\s*(?P<u>(?:[01]?\d|2[0-3])[hu](?:[0-5]\d)?)(?![\w%]))?")
_H_CUE = frozenset(str.split("at à as às alle ore om um tot vanaf vers since depuis desde until till til jusqu "
                             "to by from tomorrow today tonight demain aujourd hui amanhã hoje mañana hoy domani oggi "
                             "morgen heute vandaag"))
_H_LENGTH_BEFORE = frozenset(str.split("a an x for every q each per in within over after last past about around "
                                       "approx slept sleep fasting fasted fast took takes taking lasted lasts "
                                       "lasting spent pendant durant durante während"))
_H_AFTER = re.compile(r"\s+(?i:du\s+(?:matin|soir)|de\s+l['’]apr[eè]s-midi|de\s+la\s+(?:mañana|manana|tarde|noche)|"
                      r"da\s+(?:manhã|manha|tarde|noite)|in\s+the\s+(?:morning|evening|afternoon)|at\s+night|"
                      r"this\s+(?:morning|evening|afternoon))\b")
_H_LENGTH_AFTER = re.compile(r"\s*(?i:ago|later|post|fast|fasting|holter|urine|collection|shift|shifts|of|"
                             r"sleep|on|off|a\s+day|a\s+night|per|each|every|x)\b")


def _h_hours(text: str, add: Add) -> None:
    """The hours written with "h" (or "u" and minutes) that tell the time (``_H_HOUR``'s comment)."""
    for m in _H_HOUR.finditer(text):
        before = text[max(0, m.start() - 24):m.start()]
        word = re.search(r"([^\W\d_]+)\W{0,2}\s*\Z", before)
        prev = word.group(1).casefold() if word else ""
        if prev in _H_LENGTH_BEFORE or _H_LENGTH_AFTER.match(text, m.end("t")):
            continue
        hour = int(re.split(r"[hu]", m.group("t"))[0])
        if prev in _H_CUE or fold(prev) in WEEKDAY_WORDS or m.group("u") or "u" in m.group("t") or hour >= 13 \
                or _H_AFTER.match(text, m.end()):
            add(("time", m.start(), m.end()))


def when_candidates(text: str, add: Add) -> None:
    """Every timestamp, hour, visit's ordinal and trial site of this module's rules in ``text``."""
    if _TEN_DIGITS.search(text):
        for m in _EPOCH.finditer(text):  # ("time": a kind no clinical shape cancels, "1719806400 hr=54" is none)
            if _EPOCH_CUE.search(text, max(0, m.start() - 16), m.start()):
                add(("time", m.start(), m.end()))
    lower = text.lower()
    if " in the " in lower or " at night" in lower or " this " in lower or "night" in lower or "tomorrow" in lower \
            or "yesterday" in lower:
        for part in _PART_OF_DAY.finditer(text):
            hour = _HOUR_OF_DAY.search(text, max(0, part.start() - 20), part.start())
            if hour:
                add(("time", hour.start("t"), hour.end("t")))
    for m in _CLAUSE_HOUR.finditer(text):
        if not _READING_BEFORE_HOUR.search(text, max(0, m.start() - 16), m.start()) \
                and not re.search(r"\d\s*\Z|/10\b[^.;!?]*\Z", text[max(0, m.start() - 40):m.start()]):
            add(("time", m.start("t"), m.end("t")))
    if "." in text:
        for m in _QUARTER_CLOCK.finditer(text):
            if not _reading_before(text, m.start()):
                add(("time", m.start(), m.end()))
    if "h" in text or "u" in text:
        _h_hours(text, add)
    for m in _ORDINAL.finditer(text):
        if _VISIT_CUE.search(text, max(0, m.start() - 16), m.start()) and not _NOT_A_VISIT_DAY.match(text, m.end()):
            add(("date", m.start(), m.end()))
    if _TRIAL_SIGNS.search(lower):
        for m in _TRIAL_SITE.finditer(text):
            if not _NOT_A_TRIAL_SITE.search(text, max(0, m.start() - 20), m.start()):
                add(("id", m.start("d"), m.end("d")))
