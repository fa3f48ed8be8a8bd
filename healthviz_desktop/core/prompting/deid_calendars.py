"""Round eight of issue 15: dates of other calendars and holidays that name a day, as people write them. Plain
code with no speed gates that change what it finds, called from deid_forms.py, so the fast de-identifier and
the reference one share it as it is.

- A holiday with its year names one day of one year, a date as much as "25 Dec 2023": "Christmas 2023",
  "Thanksgiving '22", "Eid al-Fitr 2024", "Diwali 2023", "Tết 2024", "Nowruz 1403", "Orthodox Easter 2023",
  "Ramadan 1445" (Hijri and Persian years too). A holiday alone ("after Thanksgiving", "Ramadan is hard") stays:
  the brief the held-out writers worked from, and Safe Harbor's year rule, make the year what dates it.
- The Islamic (Hijri) calendar: a day and a month ("14 Ramadan", "5 Shawwal 1445 AH", "1 Muharram"); a month
  and a Hijri year ("Rajab 1445"). The Persian (Solar Hijri) months likewise ("12 Farvardin 1403").
- Japan's eras: "R6.3.14", "H31.4.1", "S63/12/1"; "令和6年3月14日", "平成31年"; and the year in "2024年3月14日",
  which the day and month rule leaves behind.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Add = Callable[[tuple[str, int, int]], None]

# holidays people date things by, in the words they write them (lower case; a space or hyphen between words)
_HOLIDAYS = (
    r"christmas(?:\s+(?:eve|day))?|xmas|easter(?:\s+(?:sunday|monday|weekend))?|orthodox\s+(?:easter|christmas)|"
    r"good\s+friday|boxing\s+day|new\s+year'?s?(?:\s+(?:eve|day))?|nye|lunar\s+new\s+year|chinese\s+new\s+year|"
    r"thanksgiving|halloween|hallowe'en|valentine'?s(?:\s+day)?|mother'?s\s+day|father'?s\s+day|"
    r"st\.?\s+patrick'?s(?:\s+day)?|paddy'?s\s+day|anzac\s+day|australia\s+day|waitangi\s+day|canada\s+day|"
    r"independence\s+day|fourth\s+of\s+july|4th\s+of\s+july|july\s+4th|memorial\s+day|labou?r\s+day|"
    r"juneteenth|bonfire\s+night|guy\s+fawkes(?:\s+night)?|black\s+friday|carnival|carnaval|semana\s+santa|"
    r"d[ií]a\s+de\s+(?:los\s+)?muertos|day\s+of\s+the\s+dead|"
    r"eid(?:\s+(?:al|ul|el)[\s\-](?:fitr|adha|kabir|saghir))?|eid[\s\-](?:ul|al)[\s\-](?:fitr|adha)|bakri\s+eid|"
    r"ramadan|ramazan|ramzan|ramadhan|mawlid|ashura|hajj|"
    r"nowruz|norouz|navruz|yalda|"
    r"hanukkah|chanukah|passover|pesach|rosh\s+hashanah?|yom\s+kippur|purim|sukkot|"
    r"diwali|deepavali|holi|navratri|dussehra|durga\s+puja|onam|pongal|vaisakhi|baisakhi|raksha\s+bandhan|"
    r"t[eế]t|chuseok|seollal|obon|golden\s+week|songkran|vesak|hari\s+raya(?:\s+(?:puasa|haji|aidilfitri))?|"
    r"mid[\s\-]autumn(?:\s+festival)?|dragon\s+boat(?:\s+festival)?|qingming|kwanzaa")
# a year after it: four digits of this era, of the Hijri (13xx-14xx) or Persian (13xx-14xx) calendars, or "'23"
_YEAR = r"(?:(?:19|20)\d\d|1[34]\d\d|['‘’]\d\d)"
_HOLIDAY_YEAR = re.compile(rf"(?<![\w'’])(?i:{_HOLIDAYS})\s*,?\s+{_YEAR}(?:\s*(?i:AH|SH|H)\b)?(?![\w'’]|[.,]\d)")

_HIJRI_MONTHS = (
    r"muharram|safar|rabi['’]?\s*(?:al|ul|el)?[\s\-]?(?:awwal|thani|akhir|i{1,2})|rabiul[\s\-]?(?:awal|akhir)|"
    r"jumad[ae]?\s*(?:al|ul|el)?[\s\-]?(?:ula|oola|awwal|thani|akhirah?|i{1,2})|rajab|sha['’]?ban|shaaban|"
    r"ramadan|ramazan|ramzan|ramadhan|shawwal|syawal|dhu\s*(?:al|l)?[\s\-]?(?:qa['’]?dah|qi['’]?dah|hijjah)|"
    r"zul[\s\-]?(?:qadah|hijjah)")
_PERSIAN_MONTHS = r"farvardin|ordibehesht|khordad|mordad|amordad|shahrivar|aban|azar|bahman|esfand"
_SHORT_PERSIAN_MONTHS = r"tir|mehr|dey"  # words of other kinds too ("2 tir of water"): only with their year
# a day before a month of these calendars ("14 Ramadan", "5th of Shawwal"), with its year if one follows
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_CAL_DAY = re.compile(rf"(?<![\w.,/])(?:{_DAY})\s+(?:(?i:of)\s+)?(?:(?i:{_HIJRI_MONTHS}|{_PERSIAN_MONTHS})\b"
                      rf"(?:,?\s+1[34]\d\d\b(?:\s*(?i:AH|SH|H)\b)?)?|(?i:{_SHORT_PERSIAN_MONTHS}),?\s+1[34]\d\d\b"
                      rf"(?:\s*(?i:SH|H)\b)?)")
# a month of these calendars before its year ("Rajab 1445"; Persian month words that are English too only
# with a year of their own calendar: "Mehr 1402", never "tir" or "dey" alone)
_CAL_MONTH_YEAR = re.compile(rf"(?<![\w'’])(?i:{_HIJRI_MONTHS}|{_PERSIAN_MONTHS}|{_SHORT_PERSIAN_MONTHS})\s+1[34]\d\d\b"
                             rf"(?:\s*(?i:AH|SH|H)\b)?")
# Japan's eras: a letter (Reiwa, Heisei, Showa, Taisho) and year, month, day with dots or slashes; or in kanji
_ERA_DOTTED = re.compile(r"(?<![\w.])[RHST]\s?\d{1,2}[./](?:1[0-2]|0?[1-9])[./](?:[12]\d|3[01]|0?[1-9])\b(?![./]\d)")
_ERA_KANJI = re.compile(r"(?:令和|平成|昭和|大正)\s*(?:\d{1,2}|元)\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?")
_YEAR_KANJI = re.compile(r"(?<!\d)(?:19|20)\d\d\s*年(?=\s*\d{1,2}\s*月)")

# the words of the patterns above as deid_forms splits a text into words (letters only: "valentine's" is
# "valentine" and "s"); at least one is in every match
_GATE_WORDS = frozenset(str.split("""christmas xmas easter orthodox good boxing new nye lunar chinese thanksgiving
    halloween hallowe valentine valentines mother mothers father fathers patrick patricks paddy paddys anzac
    australia waitangi canada independence fourth july memorial labor labour juneteenth bonfire guy black carnival
    carnaval semana día dia day eid bakri ramadan ramazan ramzan ramadhan mawlid ashura hajj nowruz norouz navruz
    yalda hanukkah chanukah passover pesach rosh yom purim sukkot diwali deepavali holi navratri dussehra durga onam
    pongal vaisakhi baisakhi raksha tet tết chuseok seollal obon golden songkran vesak hari mid dragon qingming
    kwanzaa"""))
_CAL_WORDS = frozenset(str.split("""muharram safar rabi rabiul jumada jumadi jumad jumadal rajab sha shaban
    shaaban ramadan ramazan ramzan ramadhan shawwal syawal dhu zul farvardin ordibehesht khordad tir mordad amordad
    shahrivar mehr aban azar dey bahman esfand"""))


def calendar_candidates(text: str, words: frozenset[str], add: Add) -> None:
    """Every date of this module's rules in ``text`` (see the docstring); ``words`` are its words in lower case.
    Each pattern runs only where a cheap sign of what it needs is there: a speed gate, never a change in what is
    found."""
    if not any(c.isdigit() for c in text):
        return
    if not words.isdisjoint(_GATE_WORDS):
        for m in _HOLIDAY_YEAR.finditer(text):
            add(("date", m.start(), m.end()))
    if not words.isdisjoint(_CAL_WORDS):
        for rx in (_CAL_DAY, _CAL_MONTH_YEAR):
            for m in rx.finditer(text):
                add(("date", m.start(), m.end()))
    if "年" in text:
        for rx in (_ERA_KANJI, _YEAR_KANJI):
            for m in rx.finditer(text):
                add(("date", m.start(), m.end()))
    if "." in text or "/" in text:
        for m in _ERA_DOTTED.finditer(text):
            add(("date", m.start(), m.end()))
