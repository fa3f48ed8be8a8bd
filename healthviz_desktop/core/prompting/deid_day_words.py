"""Dates and clock times of Swahili, Indonesian, Malay and Tagalog, named by the word those languages put before the
number (issue 15, session twenty-one: a fresh reader's sentences in five languages mixed with English leaked 21 of
51 dates, most of them in these forms; each rule written as its general form; tests/test_deid_session21_causes.py).

- A day after the word for "date": "tarehe 9" (Swahili), "tgl 12", "tgl. 5", "tanggal 20" (Indonesian, Malay), and
  a Tagalog ordinal day "ika-12" (not "ika-3 na araw", the third day of something, nor "ika-2 dose").
- A day with a month of Swahili ("7 Julai", "12 Machi"), Malay ("12 Mac", "3 Ogos") or Tagalog after "ng" ("ika-3 ng
  Hunyo", "5 ng Marso").
- A clock time after the word for "o'clock": "jam 8 pagi", "pukul 7" (Indonesian, Malay: "jam" alone is the hour of
  a duration, "2 jam", so a bare "jam 8" needs the part of the day after it), "saa 2 asubuhi", "saa nane" (Swahili,
  in digits with the part of the day, or in words), "alas-7", "alas 7 ng umaga", "alas siyete" (Tagalog).
- A weekday of these languages and Portuguese right before such a day: "Sabtu tgl 20", "Biyernes, ika-12", "quarta
  dia 3" — the weekday goes with the date, as "Saturday the 20th" does.
- Session twenty-two: a weekday of any language the de-identifier reads right before a date any rule found, with a
  comma or a bracket between ("Senin, 4 Maret", "Kamis 8/2", "Jumatatu 11/3", "quarta (12/06)", "Martes, Oct 15"):
  the date goes out whole (take_weekdays, run on the chosen spans; a weekday alone, "on Monday", stays).

Plain code called from deid_forms.py, so the fast de-identifier and the reference one share it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.deid_calendars import _WEEKDAY_NAMES as WEEKDAY_NAMES
from healthviz_desktop.core.prompting.deid_times import WEEKDAYS

Add = Callable[[tuple[str, int, int]], None]

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# what a number after a day's word must not be followed by: a dose, a count, a reading
_NOT_AMOUNT = (r"(?![.,/:]\d|\s*(?:%|(?i:mg|mcg|ml|kg|g|x|kali|mara|beses|tablet|tab|tabs|butir|vidonge|hari|"
               r"siku|araw|minggu|wiki|linggo|bulan|mwezi|buwan|tahun|mwaka|taon|jam|saa|oras|cycle|dose)\b))")
# (after the word for "date" a number is the day, whatever follows: "tarehe 9 mwezi wa tatu", "tgl 12 jam 8")
_DAY_CUED = re.compile(rf"\b(?i:tarehe|tgl\.?|tanggal)\s*(?P<d>{_DAY})\b(?![.,]\d)"
                       # "ika-12": the twelfth (of the month), not "ika-3 na araw" (the third day of a fever)
                       rf"|\b(?P<o>(?i:ika)-?{_DAY})\b(?!\s+(?i:na|beses|araw|linggo|buwan|taon|dose|cycle)\b)"
                       rf"{_NOT_AMOUNT}")
_SWAHILI_MONTHS = "januari|februari|machi|aprili|mei|juni|julai|agosti|septemba|oktoba|novemba|desemba"
_MALAY_MONTHS = "mac|jun|julai|ogos|disember"
_TAGALOG_MONTHS = "enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre"
_DAY_MONTH = re.compile(rf"(?<![\w.,/]){_DAY}\s+(?i:{_SWAHILI_MONTHS}|{_MALAY_MONTHS})\b"
                        rf"|(?<![\w.,/]){_DAY}\s+(?i:ng)\s+(?i:{_TAGALOG_MONTHS})\b")
_PARTS_OF_DAY = "pagi|siang|sore|petang|malam|subuh|asubuhi|mchana|jioni|usiku|alfajiri"
_SWAHILI_HOURS = "moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|kumi(?:\\s+na\\s+(?:moja|mbili))?"
_TAGALOG_HOURS = "una|dos|tres|kuwatro|singko|sais|siyete|otso|nuwebe|diyes|onse|dose"
_CLOCK_CUED = re.compile(
    rf"\b(?i:jam|saa)\s+(?P<t>(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?)\s+(?i:{_PARTS_OF_DAY})\b"
    rf"|\b(?i:pukul)\s+(?P<p>(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?)\b(?![.,]\d)"
    rf"|\b(?i:saa)\s+(?P<s>(?i:{_SWAHILI_HOURS}))\b"
    # (with a space, only before the part of the day or as a Spanish-born number: English "alas 2 more nights")
    rf"|\b(?P<a>(?i:alas)(?:-(?:(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?|(?i:{_TAGALOG_HOURS}))|\s+(?:(?:1[0-2]|0?[1-9])"
    rf"(?:[:.][0-5]\d)?(?=\s+(?i:ng)\s+(?i:umaga|hapon|gabi|tanghali)\b)|(?i:{_TAGALOG_HOURS}))))\b(?![.,]\d)")
_WEEKDAYS = ("senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|isnin|khamis|jumaat|ahad|jumatatu|jumanne|jumatano|"
             "alhamisi|ijumaa|jumamosi|jumapili|lunes|martes|miyerkules|huwebes|biyernes|sabado|linggo|segunda|"
             "terça|terca|quarta|quinta|sexta|sábado|domingo")
_WEEKDAY_DAY = re.compile(rf"\b(?P<w>(?i:{_WEEKDAYS})(?:-(?i:feira))?),?\s+(?=(?i:tgl\.?|tanggal|tarehe|ika-?|dia|"
                          rf"d[ií]a)\s*{_DAY}\b)")
# any weekday the de-identifier reads (English, deid_times' and deid_calendars' languages and these), right before
# a date: a comma, a bracket or "-feira" between ("Kamis 8/2", "Senin, 4 Maret", "quarta (12/06)", "sexta-feira, 3/4")
_CLOCK_ONLY = re.compile(r"(?i:\d{3,4}|\d{1,2}(?:[:.h]\d\d)?(?:\s*(?:am|pm|a\.m\.|p\.m\.|h|hrs))?)")
_WEEKDAY_BEFORE = re.compile(
    rf"(?<![\w'’-])(?i:{_WEEKDAYS}|{WEEKDAYS}|{WEEKDAY_NAMES})(?:-(?i:feira))?\.?,?[ \t]*\(?[ \t]*\Z")
# a word of these (as deid_forms splits a text into lower-case words) is in every match of the patterns above
_DAY_SIGNS = frozenset(("tarehe", "tgl", "tanggal", "ika"))
_MONTH_SIGNS = frozenset((_SWAHILI_MONTHS + "|" + _MALAY_MONTHS + "|" + _TAGALOG_MONTHS).split("|"))
_CLOCK_SIGNS = frozenset(("jam", "saa", "pukul", "alas"))
_WEEKDAY_SIGNS = frozenset(_WEEKDAYS.replace("jum'at", "jum").split("|"))


def take_weekdays(text: str, chosen: list[tuple[str, int, int]]) -> None:
    """Each chosen date grows back over a weekday right before it ("Kamis [8/2]" → "[Kamis 8/2]"), unless that weekday
    is part of another chosen span (in place)."""
    for i, (cat, s, e) in enumerate(chosen):
        if cat not in ("date", "time") or s == 0 or _CLOCK_ONLY.fullmatch(text, s, e):
            continue  # (a weekday and an hour name no date: "Physio Monday 0830")
        m = _WEEKDAY_BEFORE.search(text, max(0, s - 24), s)
        if m and not any(j != i and cs < s and m.start() < ce for j, (_c, cs, ce) in enumerate(chosen)):
            closes = "(" in m.group() and text[e:e + 1] == ")"  # "quarta (12/06)": the bracket goes with it
            chosen[i] = (cat, m.start(), e + closes)


def day_word_candidates(text: str, words: frozenset[str], add: Add) -> None:
    """Every date and clock time of this module's forms in ``text``; ``words`` are its words in lower case. Each
    pattern runs only where one of its words is there (a speed gate, never a change in what is found)."""
    days = not words.isdisjoint(_DAY_SIGNS)
    if days:
        for m in _DAY_CUED.finditer(text):
            g = "d" if m.group("d") else "o"
            add(("date", m.start(g), m.end(g)))
    if (days or "dia" in words or "día" in words) and not words.isdisjoint(_WEEKDAY_SIGNS):
        for m in _WEEKDAY_DAY.finditer(text):
            add(("date", m.start("w"), m.end("w")))
    if not words.isdisjoint(_MONTH_SIGNS):
        for m in _DAY_MONTH.finditer(text):
            add(("date", m.start(), m.end()))
    if not words.isdisjoint(_CLOCK_SIGNS):
        for m in _CLOCK_CUED.finditer(text):
            g = next(k for k in ("t", "p", "s", "a") if m.group(k))
            add(("time", m.start(g), m.end(g)))
