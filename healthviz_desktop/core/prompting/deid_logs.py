"""Logs kept line by line (issue 15, session twenty-six: set X's carers, older people and their families): a log
writes its dates and times bare, one per line or per reading, and the series says what a single number cannot.

- Four-digit clock times in a series, each later than the one before: "1100 walk … 1400 nap 1800 knee pain"
  (a single "1400" may be a count or a dose; three rising, or two each opening a line, are a day's timetable; a year
  after "in", "since", "born" is no time).
- Day-and-month pairs sharing their month, the day rising: "1/3 8.9 … 2/3 9.3 … 3/3 14.6", "3/4 | 182.4 … 3/5 |
  183.0" (never a score's "2/10 … 4/10", never "5/7 days").
- An ordinal opening a line before a dash or a colon: "3rd — Dad collapsed", "5th: moved to ward".
- A weekday with its hour: "Tuesdays at 9", "Physio Tuesdays 11.", "Thursday 10ish", "Fri – 10.15 podiatrist",
  "Sunday after 11 Mass", and its day and month, "Tue 9/10 AM BP" (not "Tuesday 2 falls", "Monday 3 tablets").
- An hour to an hour: "home help 9 till 10", "lay there from 11 till like 4" (not "days 3 till 5"); with a dash
  after what is held then: "lecture 9-11", "shift 7-3" (session twenty-seven; not "work 2-3 days").
Plain code shared by the fast de-identifier and the reference one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

Add = Callable[[tuple[str, int, int]], None]

_UNITS = (r"bid|tid|qid|bd|tds|qds|od|daily|nocte|mane|prn|mg|mcg|µg|ug|ml|kg|g|l|lbs?|st|oz|mmol|iu|units?|u|%|x|"
          r"tabs?|tablets?|caps?|puffs?|drops?|steps|kcal|cal|calories|bpm|min|mins|minutes?|h|hrs?|hours?|days?|"
          r"nights?|weeks?|months?|years?|yrs?|times|stars?|"
          r"points?|falls?|episodes?|doses?|pads?|cm|mm|km|m|ft|miles?|degrees?|percent|out\s+of|of")
_NOT_AMOUNT = rf"(?!\s*(?:(?i:{_UNITS})\b|[x×]\d))"

# four digits that read as a clock ("0300", "1845"), no part of a longer number, a date or a reading
# (written to start at its first digit, what stands before checked behind it: the engine jumps from digit to digit)
_FOUR = re.compile(rf"(?P<t>[012](?<![\w/.,:£$€#\-][012])(?:(?<=[01])\d|(?<=2)[0-3])[0-5]\d)(?![\w/.,:%]\d|\d|[\-–/])"
                   rf"{_NOT_AMOUNT}")
_YEAR_BEFORE = re.compile(r"\b(?i:in|since|born|b\.|from|year|circa|c\.|married|wed|widowed|until|till|of|summer|"
                          r"winter|spring|autumn|fall|christmas|easter|late|early|mid|the)\s*$")
_MEASURE_BEFORE = re.compile(r"\b(?i:steps|kcal|calories|cals|weight|wt|fluids?|intake|output|ml|mg|units|count)\b"
                             r"[\s:=,]*$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-•*·]\s*)?$")

# a day and a month with a slash, no year ("1/3", "11/1"): the series decides
_PAIR = re.compile(rf"(?<![\w/.,:\-])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?![\w/]|[.,]\d|\s*[-–]\s*\d){_NOT_AMOUNT}")
_SCORE_DENOMINATORS = frozenset((5, 10))  # "2/10 … 4/10", "3/5": scores, however they rise

_ORDINAL_LINE = re.compile(r"(?m)^[ \t]*(?:[-•*·]\s*)?(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))"
                           r"(?=[ \t]*(?:[—–:|]|-\s))")

_WEEKDAY = (r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|"
            r"Thurs|Fri|Sat|Sun)\.?)")
_HOUR = r"(?:1[0-2]|0?[1-9])"
_CLOCK = rf"(?:{_HOUR}|1[3-9]|2[0-3])[.:][0-5]\d"
_AMPM = r"\s?(?i:am|pm|a\.m\.|p\.m\.)"
_WEEKDAY_HOUR = re.compile(
    rf"\b{_WEEKDAY},?\s*(?:[–—\-:]\s*)?(?:(?P<cue>(?i:at|after|from|around|about|by|@))\s+)?"
    rf"(?P<t>{_CLOCK}(?:{_AMPM})?|{_HOUR}(?:{_AMPM}|(?i:ish)\b)|{_HOUR})"
    rf"(?![\w/.,:]\d|\d|\w|\s*[/%]){_NOT_AMOUNT}")
_BARE_END = re.compile(r"\s*(?:$|[.,;!?)\n])")
# (a score's "/10" and "/5" only before a time of day: "Mon 4/10. Tue 6/10." is a week of scores)
_WEEKDAY_PAIR = re.compile(rf"\b{_WEEKDAY},?\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])/"
                           rf"(?:(?:5|10)(?=\s+(?i:am|pm)\b)|11|12|0?[1-46-9]))(?![\w/]|[.,]\d)")
_SCORE_BEFORE = re.compile(r"\b(?i:pain|ache|aches|score|scored|severity|rated|rating|level|mood|energy|anxiety|"
                           r"fatigue|headache|migraine|nausea|sleep)\b\W*$")

_HOUR_RANGE = re.compile(rf"(?<![\w/.,:\-])(?:(?i:from)\s+)?(?P<a>{_HOUR}(?:[.:][0-5]\d)?)\s*"
                         rf"(?i:till|til|until|'til|’til)\s+(?:(?i:like|about|around|gone)\s+)?"
                         rf"(?P<b>{_HOUR}(?:[.:][0-5]\d)?)(?![\w/.,:]\d|\d|\w)"
                         rf"{_NOT_AMOUNT}")
# session twenty-seven (set Y's students and shift workers): an hour to an hour with a dash right after what is held
# then, "lecture 9-11", "shift 7-3", "training 6.30-8" (never a count: "work 2-3 days", "training 3-4 times")
# (each written as the range first, the word before it read behind: the engine then scans for a digit alone)
_EVENT_RANGE = re.compile(rf"(?P<a>{_HOUR}(?:[.:][0-5]\d)?)\s*[-–]\s*(?P<b>{_HOUR}(?:[.:][0-5]\d)?)"
                          rf"(?![\w/.,:]\d|\d|\w|\s*[/%]){_NOT_AMOUNT}")
_EVENT_BEFORE = re.compile(r"\b(?i:lecture|lectures|seminar|tutorial|shift|shifts|work|training|rehearsal|visiting|"
                           r"nursery|practical|placement|contact)\s+(?:(?i:from|is|was)\s+)?\Z")
# session twenty-eight: a shift's hours in the shift words of the languages people mix in, on a day's clock ("zmiana
# 7-15", "Dyżur 7-19", "turno 8-20"), and an hour to an hour in words after a shift ("early shift 6 to 2", "I was on
# the 8-8", "nights 7 till 7"; not "on the 2-3 days", "shift 2 to 3 times")
_DAY_HOUR = r"(?:1\d|2[0-4]|0?[1-9])"
_SHIFT_RANGE = re.compile(rf"(?P<a>{_DAY_HOUR}(?:[.:][0-5]\d)?)\s*(?:[-–]|\s(?i:to|till|til|until)\s)\s*"
                          rf"(?P<b>{_DAY_HOUR}(?:[.:][0-5]\d)?)(?![\w/.,:]\d|\d|\w|\s*[/%]){_NOT_AMOUNT}")
_SHIFT_BEFORE = re.compile(r"\b(?i:zmiana|zmianie|dyżur|dyzur|turno|schicht|dienst|guardia|plantão|plantao|vardiya|"
                           r"smjena|smena|směna|shift|on\s+the|nights?|earlies|lates)\s+(?:(?i:from|is|was)\s+)?\Z")
_RANGE_GATE = re.compile(r"\d\s*(?:[-–]|\s(?i:to|till|til|until)\s)\s*\d")
_COUNTED_BEFORE = re.compile(r"\b(?i:day|days|week|weeks|cycle|cycles|dose|doses|level|levels|grade|stage|step|steps|"
                             r"page|pages|pain|score|scores|size|sizes|age|ages|aged|from)\s*$")

_DIGIT_GATE = re.compile(r"\d")
_WEEKDAY_SIGNS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # (in the text in lower case: a speed gate)


def log_candidates(text: str, add: Add) -> None:
    """Every date and time of a log's series and forms (see the docstring) in ``text``. Each rule runs only where
    its digit shape is there: a speed gate, never a change in what is found."""
    if not _DIGIT_GATE.search(text):
        return
    _clock_series(text, add)
    if "/" in text:
        _pair_series(text, add)
    for m in _ORDINAL_LINE.finditer(text):
        add(("time", m.start("d"), m.end("d")))  # (opening its line, no reading's: "low sodium\n5th — moved")
    lowered = text.lower()
    if any(sign in lowered for sign in _WEEKDAY_SIGNS):
        for m in _WEEKDAY_HOUR.finditer(text):
            bare = not m.group("cue") and m.group("t").isdigit()
            if not bare or _BARE_END.match(text, m.end()):  # ("Tuesday 2 falls": a count; "Tuesdays 11." an hour)
                add(("time", m.start("t"), m.end("t")))
        for m in _WEEKDAY_PAIR.finditer(text):
            if not _SCORE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                add(("time", m.start("d"), m.end("d")))  # (a "time": the weekday outweighs a score's shape, "9/10")
    if "til" in text or "TIL" in text or "Til" in text:
        for m in _HOUR_RANGE.finditer(text):
            counted = _COUNTED_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if not counted or m.group().lower().startswith("from"):
                add(("time", m.start("a"), m.end("a")))
                add(("time", m.start("b"), m.end("b")))
    if "-" in text or "–" in text:
        _ranges_after(text, _EVENT_RANGE, _EVENT_BEFORE, add)
    if _RANGE_GATE.search(text):
        _ranges_after(text, _SHIFT_RANGE, _SHIFT_BEFORE, add)


def _ranges_after(text: str, ranges: re.Pattern[str], before: re.Pattern[str], add: Add) -> None:
    """An hour to an hour (``ranges``) right after what is held then (``before``, read behind the range's start)."""
    for m in ranges.finditer(text):
        if before.search(text, max(0, m.start() - 60), m.start()):
            add(("time", m.start("a"), m.end("a")))
            add(("time", m.start("b"), m.end("b")))


def _clock_series(text: str, add: Add) -> None:
    clocks = [m for m in _FOUR.finditer(text) if not _a_year(text, m)]
    if len(clocks) < 2 or any(_MEASURE_BEFORE.search(text, max(0, m.start() - 16), m.start()) for m in clocks):
        return
    values = [int(m.group("t")) for m in clocks]
    rising = all(a < b for a, b in pairwise(values))
    opening = all(_LINE_START.search(text, max(0, m.start() - 8), m.start()) for m in clocks)
    if rising and (len(clocks) >= 3 or opening):
        for m in clocks:
            add(("time", m.start("t"), m.end("t")))


def _a_year(text: str, m: re.Match[str]) -> bool:
    """A four-digit number a year's word stands before ("born 1932", "in 2010")."""
    before = _YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start())
    return 1900 <= int(m.group("t")) <= 2099 and before is not None


def _pair_series(text: str, add: Add) -> None:
    pairs = [m for m in _PAIR.finditer(text) if 1 <= int(m.group("a")) <= 31 and 1 <= int(m.group("b")) <= 31]
    if len(pairs) < 2:
        return
    for shared, other in (("a", "b"), ("b", "a")):  # the month first (US) or second (elsewhere)
        groups: dict[int, list[re.Match[str]]] = {}
        for m in pairs:
            groups.setdefault(int(m.group(shared)), []).append(m)
        for month, series in groups.items():
            if month > 12 or (shared == "b" and month in _SCORE_DENOMINATORS) or len(series) < 2:
                continue
            days = [int(m.group(other)) for m in series]
            rising = all(a < b <= a + 7 for a, b in pairwise(days))
            opening = all(_LINE_START.search(text, max(0, m.start() - 8), m.start()) for m in series)
            if rising and (len(series) >= 3 or opening):
                for m in series:
                    add(("time", m.start(), m.end()))  # (the series outweighs a reading's shape: "sugar 1/3 8.9")
