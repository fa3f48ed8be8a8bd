"""The digit clusters of a text and what the de-identifier finds in them (split out of deidentify.py): the
windows round clusters that could belong to an identifier, where the costly number patterns run; IDs (digits
with letters, long runs, user names with digits) and phone and fax numbers found in those windows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_said import not_an_id

Add = Callable[[tuple[str, int, int]], None]

_ORDINALS = ("st", "nd", "rd", "th")
# a blood pressure written without "BP" ("128/82", "141/93"): systolic over diastolic, never an ID
_BLOOD_PRESSURE = re.compile(r"(?:[7-9]\d|1\d\d|2[0-5]\d)/(?:[3-9]\d|1[0-5]\d)"
                             r"|\d{1,3}/\d{1,4}"  # a strength ("co-codamol 30/500"); dates are found as dates
                             r"|\d{2,3}s(?:-\d{2,3}s)?"  # "180s-220s"
                             r"|\d(?:-\d){2,}")  # "5-4-3-2-1" (a grounding exercise)


def merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching windows as one."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def digit_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around digit clusters that could be part of an identifier: three digits or
    more, two numbers joined by / . - (dates), a 90-149 number (an age), or an ordinal ("the 4th").
    A cluster is digit runs joined by at most three of ``P.JOIN``'s characters."""
    n = len(text)
    windows: list[tuple[int, int]] = []
    for m in P.DIGIT_CLUSTER.finditer(text):
        s, e = m.span()
        value = m.group()
        if value.isdigit():  # a single run (the joining characters are never digits)
            if not (e - s >= 3 or 90 <= int(value) <= 149 or text[e:e + 2].casefold() in _ORDINALS):
                continue
        else:
            digits = sum(map(len, P.DIGITS.findall(value)))
            dated = "/" in value or "." in value or "-" in value
            if not (digits >= 3 or (dated and digits >= 2) or text[e:e + 2].casefold() in _ORDINALS
                    or text[e:e + 1].isupper()):
                continue
        windows.append((max(0, s - 48), min(n, e + 24)))
    return merge(windows)


def number_ids(text: str, add: Add, lo: int, hi: int) -> None:
    known = P.lexicon().known_words
    for m in P.ID_TOKEN.finditer(text, lo, hi):
        token = m.group()
        digits = sum(ch.isdigit() for ch in token)
        letters = sum(ch.isalpha() for ch in token)
        if token.casefold() in known or _BLOOD_PRESSURE.fullmatch(token) or not_an_id(text, m.start(), token):
            continue
        if (letters == 0 and digits >= 5 and not re.fullmatch(r"1[89]\d\d|2[01]\d\d", token)) or (
                letters and digits >= 3 and len(token) >= 6) or re.fullmatch(r"[a-z]{4,}\d{2,}", token):
            add(("number", m.start(), m.end()))


def phones(text: str, add: Add, lo: int, hi: int) -> None:
    for m in P.PHONE.finditer(text, lo, hi):
        digits = sum(ch.isdigit() for ch in m.group())
        if 9 <= digits <= 15:
            before = text[max(0, m.start() - 16):m.start()]
            add(("fax" if P.FAX_CUE.search(before) else "phone", m.start(), m.end()))
