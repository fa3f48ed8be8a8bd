"""Round seventeen of issue 15 (set Q's first look: 22 entries moved to the tuning corpus, `heldout/MOVED.md`): dates,
times and trial sites written the way the people of set Q wrote them, each as the general form it is. Plain code
called from deid_clock.py's ``clock_candidates``, so the fast and the reference de-identifier share it.

- A Unix timestamp, as device and app exports paste them ("ts=1719806400", "\"time\": 1719806400123"): ten digits
  from 15 to 19 (2017 to 2030), or thirteen for milliseconds, after the name the log gives it.
- An hour "in the morning" (or afternoon, evening, "at night") after a word for when ("vomiting since 4 in the
  morning"); not a count of tablets ("took 2 in the morning").
- A day and month with a slash right after the word for an appointment ("dentist appointment 3/10"), which there is
  no score.
- A day's ordinal right after the word for a visit or a deadline ("come back clinic 14th", "due 3rd"); not a
  floor, a time, a week, a dose or a place in line ("clinic 3rd floor", "back 2nd time").
- A clinical trial's site number ("Site 042", "centro 55", "site 217") where a trial is spoken of: it names the
  hospital; never an injection's or a sensor's site.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Add = Callable[[tuple[str, int, int]], None]

_EPOCH = re.compile(r"(?<![\d.,:/\-])1[5-9]\d{8}(?:\d{3})?(?![\d.,:/\-])")
# ... after the name a log gives it ("ts=", "timestamp:", "\"time\": "): a thirteen-digit personal number starts
# the same way ("1503998175021", a day and a month)
_EPOCH_CUE = re.compile(r"(?i:ts|timestamp|time|epoch|unix|datetime|date|created(?:_at)?|updated(?:_at)?|start|end|"
                        r"t)[\"'\]]*\s*[=:]\s*[\"']?\Z")
_HOUR_OF_DAY = re.compile(r"\b(?i:since|at|until|till|til|from|by|around|before|after|about)\s+"
                          r"(?P<t>(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?)\s+(?i:in\s+the\s+(?:morning|afternoon|evening)|"
                          r"at\s+night|this\s+(?:morning|afternoon|evening))\b")
_APPOINTMENT_SLASH = re.compile(r"\b(?i:appointment|appt|apt|booked|scheduled|follow-?up)\s+(?:(?i:on|for)\s+)?"
                                r"(?P<d>(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9]))(?![\d/.])")
_VISIT_ORDINAL = re.compile(r"\b(?i:clinic|appointment|appt|review|due|till|until|before|after|by)\s+"
                            r"(?P<d>(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th))\b(?!\s*(?i:floor|time|times|week|weeks|"
                            r"day|days|visit|dose|doses|cycle|round|attempt|percentile|centile|birthday|grade|year|"
                            r"place|month|line|trimester|stage|session|infusion|injection|shot|pregnancy|child|baby|"
                            r"go|try|level|person|patient|one|of\s+(?:the|my|his|her)\s+(?:month|week|cycle))\b)")
_TRIAL_SITE = re.compile(r"\b(?i:site|centro|center|centre|sitio|zentrum)\s*(?:#|(?i:no\.?|nr\.?|number))?\s*"
                         r"(?P<d>\d{2,4})\b(?![.,/]\d|\s*(?i:mg|ml|%|units?|mm|cm)\b)")
_NOT_A_TRIAL_SITE = re.compile(r"\b(?i:injection|infusion|iv|cannula|port|puncture|wound|biopsy|incision|pump|sensor|"
                               r"insertion|surgical|test|web|building|camp|construction|work)\s*\Z")
_TEN_DIGITS = re.compile(r"\d{10}")  # (the speed gates: what each rule needs, cheaply)
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th|ST|ND|RD|TH)\b")
_TRIAL_SIGNS = ("trial", "study", "protocol", "participant", "randomi", "enrol", "estudo", "estudio", "ensayo",
                "studie", "étude", "etude")


def when_candidates(text: str, add: Add) -> None:
    """Every timestamp, hour, appointment date, visit ordinal and trial site of this module's rules in ``text``."""
    if _TEN_DIGITS.search(text):
        for m in _EPOCH.finditer(text):  # ("time": a kind no clinical shape cancels, "1719806400 hr=54" is none)
            if _EPOCH_CUE.search(text, max(0, m.start() - 16), m.start()):
                add(("time", m.start(), m.end()))
    lower = text.lower()
    if " in the " in lower or " at night" in lower or " this " in lower:
        for m in _HOUR_OF_DAY.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    if "/" in text and ("ap" in lower or "booked" in lower or "sched" in lower or "follow" in lower):
        for m in _APPOINTMENT_SLASH.finditer(text):  # (a kind no clinical shape cancels: "3/10" is no score here)
            add(("time", m.start("d"), m.end("d")))
    if _ORDINAL.search(text):
        for m in _VISIT_ORDINAL.finditer(text):
            add(("date", m.start("d"), m.end("d")))
    if any(w in lower for w in _TRIAL_SIGNS):
        for m in _TRIAL_SITE.finditer(text):
            if not _NOT_A_TRIAL_SITE.search(text, max(0, m.start() - 20), m.start()):
                add(("id", m.start("d"), m.end("d")))
