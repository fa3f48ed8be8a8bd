"""Dates, clock times, file names and e-mail addresses said aloud, as voice-to-text writes them (issue 15, session
twenty-five: set W's dictated entries, each rule written as its general form; tests/test_deid_session25_causes.py).
Plain code called from deid_calendars.py, so the fast de-identifier and the reference one share it as it is.

- A day and a month both said as ordinals, the British way of saying 3/4: "the third of the fourth", "fourth of the
  eleventh nineteen thirty two" (with the year said after it).
- A day said as a number before its month: "twelve march two thousand twenty five", "three june" ("may" and "march"
  in lower case only with a year after them: "one may argue", "ten march on").
- An hour said as a word where a time of day is plain: before "in the morning", "at night" ("at seven in the
  morning"), or after a weekday ("tuesdays at seven", "Thursday the ninth at eight"; a date found before it is
  deid_clock's ``paired_candidates``).
- A photo's file name said aloud: "I M G underscore four four eight one dot jpeg".
- An e-mail address said aloud: "daz dot kowalski eighty one at gmail dot com" (the words back from "at" to the
  word that names it, "email", "is", "my", or a stop, at most six).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

Add = Callable[[tuple[str, int, int]], None]



@cache
def spoken_rx(source: str) -> re.Pattern[str]:
    """A pattern of this module, compiled the first time a text needs it (all of them at import cost 8 ms of the
    command's start-up, for rules most texts never reach)."""
    return re.compile(source)


_UNIT = r"one|two|three|four|five|six|seven|eight|nine"
_TEEN = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ORDINAL = (r"(?:twenty|thirty)[\s\-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|"
            r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
            r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth")
_MONTH_ORDINAL = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
# a year said aloud: "nineteen thirty two", "nineteen oh five", "two thousand and twenty five", "twenty twenty four"
YEAR_SAID = (rf"(?:(?:nineteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?(?:oh\s+(?:{_UNIT})|"
             rf"(?:{_TENS})(?:[\s\-](?:{_UNIT}))?|{_TEEN})|two\s+thousand(?:\s+and)?(?:\s+(?:(?:twenty|thirty)(?:[\s\-](?:{_UNIT}))?|{_TEEN}|{_UNIT}))?"
             r"|(?:19|20)\d\d)")
_DAY_SAID = rf"(?:(?:twenty|thirty)[\s\-](?:{_UNIT})|thirty|twenty|{_TEEN}|{_UNIT})"
_MONTHS = r"january|february|april|june|july|august|september|october|november|december"

ORDINAL_OF_ORDINAL = (rf"\b(?:(?i:the)\s+)?(?i:{_ORDINAL})\s+(?i:of)\s+(?i:the)\s+(?i:{_MONTH_ORDINAL})\b"
                                rf"(?:,?\s+(?i:{YEAR_SAID})\b)?(?!\s+(?i:of|time|day|week|month|year|dose|cycle)\b)")
# (the capitals "May" and "March" always; in lower case only with a year after them)
DAY_SAID_MONTH = (rf"\b(?i:{_DAY_SAID})\s+(?:(?i:of\s+)?(?:(?i:{_MONTHS})|May|March)\b"
                            rf"(?:,?\s+(?i:{YEAR_SAID})\b)?|(?i:of\s+)?(?i:may|march),?\s+(?i:{YEAR_SAID})\b)")
_HOUR = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_PART_OF_DAY = r"in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight|this\s+(?:morning|afternoon|evening)"
HOUR_OF_DAY = (rf"\b(?i:at|by|around|about|before|after|till|until|from)\s+(?P<t>(?i:{_HOUR})"
                         rf"(?:[\s\-](?i:thirty|fifteen|forty[\s\-]five))?\s+(?i:{_PART_OF_DAY}))\b")
_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
# "tuesdays at seven", "Friday at eight": an hour said after a weekday (never a count: "Monday at eight weeks")
WEEKDAY_HOUR = (rf"\b(?i:{_WEEKDAYS})s?,?\s+(?i:at|@)\s+(?P<t>(?i:{_HOUR})(?:[\s\-](?i:thirty|fifteen|"
                          rf"forty[\s\-]five))?)\b(?!\s*(?i:weeks?|days?|months?|years?|mg|times|out\s+of|percent|"
                          r"hours?|minutes?|pm|am)\b|[\-/%])")
# (an hour said after a date found by another rule: deid_clock.paired_candidates reads this one)
HOUR_AFTER_DATE = (rf"\s*,?\s*(?i:at|@)\s+(?P<t>(?i:{_HOUR})(?:[\s\-](?i:thirty|fifteen|forty[\s\-]five|"
                             rf"o['’]?clock)|\s+(?i:{_PART_OF_DAY}))?)\b(?!\s*(?i:weeks?|days?|months?|years?|mg|"
                             r"times|out\s+of|percent|hours?|minutes?|of)\b|[\-/%])")
# "I M G underscore four four eight one dot jpeg": a file name said aloud, its letters spelled or whole
FILE_SAID = (r"\b(?:[A-Z](?:\s+[A-Z]){1,3}|[A-Za-z]+)\s+(?i:underscore|dash)\s+(?:[\w]+\s+){1,10}?"
                       r"(?i:dot)\s+(?i:jpe?g|png|heic|heif|gif|pdf|mov|mp4)\b")
# "at gmail dot com", "at work dot co dot uk": the domain of an address said aloud, its last part a top-level domain
_DOMAIN_SAID = (r"\b(?i:at)\s+[a-z0-9]+(?:\s+(?i:dot)\s+[a-z0-9]+)*\s+(?i:dot)\s+(?i:com|org|net|edu|gov|"
                          r"co\s+dot\s+uk|uk|ie|ca|au|nz|in|ph|za|ng|ke|sg|my|io|me|co)\b")
_LOCAL_WORD = re.compile(r"[A-Za-z0-9]+\Z")
_NOT_LOCAL = frozenset(str.split("""is was email e-mail mail address my his her their our your its it's at to from
    me send sent the a an and or on in for"""))
_SIGNS = frozenset(str.split("""first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"""))
_MONTH_SIGNS = frozenset(str.split("january february march april may june july august september october november "
                                   "december"))
_HOUR_SIGNS = frozenset(_HOUR.split("|"))
_DAY_SIGNS = frozenset(str.split("morning afternoon evening night tonight"))
_WEEKDAY_SIGNS = frozenset(w + s for w in _WEEKDAYS.split("|") for s in ("", "s"))


def spoken_candidates(text: str, words: frozenset[str], add: Add) -> None:
    """Every date and time of this module's rules in ``text``; ``words`` are its words in lower case. Each rule
    runs only where a word it needs is there (a speed gate, never a change in what is found)."""
    if not words.isdisjoint(_SIGNS) and " of the " in text.lower():
        for m in spoken_rx(ORDINAL_OF_ORDINAL).finditer(text):
            add(("date", m.start(), m.end()))
    if not words.isdisjoint(_MONTH_SIGNS):
        for m in spoken_rx(DAY_SAID_MONTH).finditer(text):
            add(("date", m.start(), m.end()))
    if " dot " in text.lower():
        if "at" in words:
            _said_emails(text, add)
        for m in spoken_rx(FILE_SAID).finditer(text):
            add(("id", m.start(), m.end()))
    if words.isdisjoint(_HOUR_SIGNS):
        return
    if not words.isdisjoint(_DAY_SIGNS):
        for m in spoken_rx(HOUR_OF_DAY).finditer(text):
            add(("time", m.start("t"), m.end("t")))
    if not words.isdisjoint(_WEEKDAY_SIGNS):
        for m in spoken_rx(WEEKDAY_HOUR).finditer(text):
            add(("time", m.start("t"), m.end("t")))


def _said_emails(text: str, add: Add) -> None:
    for m in spoken_rx(_DOMAIN_SAID).finditer(text):
        start, taken = m.start(), 0
        # back from "at" a word at a time, one space between ("my email daz dot ...": to the word that names it; a
        # comma or a stop ends it too)
        while taken < 6 and text[start - 1:start] == " ":
            word = _LOCAL_WORD.search(text, 0, start - 1)
            if word is None or word.group().casefold() in _NOT_LOCAL:
                break
            start, taken = word.start(), taken + 1
        if taken:
            add(("email", start, m.end()))

