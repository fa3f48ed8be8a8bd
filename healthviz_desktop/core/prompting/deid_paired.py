"""A clock time or a date beside one any rule found (issue 15, round nine, and the rounds after it): plain code both
de-identifiers call last (``paired_candidates``), reading the candidates found so far.

- A clock time right after a date, in any of the forms a clock is written ("Do 28.11. 16h", "19/04/24 @ 1430"), an
  hour said bare after one ("Friday 10/18 @ 11"; round twelve) or aloud ("the ninth at eight"; session twenty-five).
- A dotted clock right before "on" and a date ("10.20 on the 4th of March"; session twenty-two).
- A four-digit time after "to", "@" or "till" when a time came before it ("from 0930 to 1400").
- A day and a month with a dash or a slash before the word for "at" and a clock ("op 19-6 om 10.30"; session
  twenty-eight).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.deid_clock import _CLOCK, _JOIN, _NOT_A_CLOCK_AFTER
from healthviz_desktop.core.prompting.deid_spoken import HOUR_AFTER_DATE, spoken_rx

Add = Callable[[tuple[str, int, int]], None]

_TIME_AFTER_DATE = re.compile(rf"{_JOIN}(?P<t>{_CLOCK}){_NOT_A_CLOCK_AFTER}")
_FOUR_AFTER_TIME = re.compile(r"\b(?i:to|till|until|til|[-–@])\s*(?P<t>(?:[01]\d|2[0-3])[0-5]\d)(?![\w/.,:]\d|\d)")
# "Friday 10/18 @ 11": an hour said bare right after a date any rule found, joined by "@" or "at"
_BARE_HOUR_AFTER_DATE = re.compile(r"\s*(?:@|(?i:at))\s*(?P<t>1[0-2]|0?[1-9])(?![\w/:%]|[.,]\d|\s*[-–]\s*\d|"
                                   r"\s*(?i:mg|mcg|ml|g|kg|x|tabs?|units?|iu|steps|bpm|mmhg|out|of|weeks?|wks?|days?|months?|"
                                   r"years?|yrs?|hours?|hrs?|mins?|minutes|times|percent|pm|am)\b)")
# session twenty-eight: a day and a month with a dash or a slash, then the word for "at" before a clock found ("op
# 19-6 om 10.30", "21-3 a las 9:00", "starts 3/11 at 4pm"); over ten only after "on" or a weekday, as "pain 3/10 at
# 4pm" is a score ("Mon 9/10 at 2pm")
_DAY_MONTH_AT = re.compile(r"(?P<on>\b(?i:on|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?\s+)?"
                           r"(?<![\d.,:/\-])(?P<d>(?:[12]\d|3[01]|0?[1-9])[-/](?:1[0-2]|0?[1-9]))\s+"
                           r"(?i:at|@|om|a\s+las?|um|à|às|alle|o|kl\.?|klo|godz\.?)\s+$")
# session twenty-two: a dotted clock right before "on" and a date ("10.20 on the 4th of March"; dotted, a number
# alone could be a reading, so only with the date after it; never a price, "Paid £9.35 on the 3rd")
_DOTTED_BEFORE_DATE = re.compile(r"(?<![\d.,:/£$€¥₹])(?P<t>(?:[01]?\d|2[0-3])\.[0-5]\d(?:\s*(?i:am|pm))?),?\s+"
                                 r"(?i:on)\s+(?:(?i:the)\s+)?\Z")
_GATE = re.compile(r"\d")


def paired_candidates(text: str, found: list[tuple[str, int, int]], add: Add) -> None:
    """A clock right after a date any rule found, and a four-digit time after a time ("from 0930 to 1400"). Reads
    the candidates found so far; call it last. Nothing to do without a date or a time found."""
    if not found:
        return
    dates = [(s, e) for cat, s, e in found if cat == "date"]
    for _, end in dates:  # session twenty-five: an hour said aloud after a date ("the ninth at eight")
        m = spoken_rx(HOUR_AFTER_DATE).match(text, end)
        if m:
            add(("time", m.start("t"), m.end("t")))
    if not _GATE.search(text):
        return
    times = [(s, e) for cat, s, e in found if cat in ("time", "date")]
    for start, end in dates:
        m = _TIME_AFTER_DATE.match(text, end) or _BARE_HOUR_AFTER_DATE.match(text, end)
        if m:
            add(("time", m.start("t"), m.end("t")))
        m = _DOTTED_BEFORE_DATE.search(text, max(0, start - 24), start)
        if m:
            add(("time", m.start("t"), m.end("t")))
    for start, _end in times:
        m = _DAY_MONTH_AT.search(text, max(0, start - 24), start)
        if m and (not m.group("d").endswith("/10") or m.group("on")):  # (a time's kind: a score's shape stays)
            add(("time", m.start("d"), m.end("d")))
    if times:
        for m in _FOUR_AFTER_TIME.finditer(text):
            if any(e <= m.start() and m.start() - e <= 12 for _, e in times):
                add(("time", m.start("t"), m.end("t")))
