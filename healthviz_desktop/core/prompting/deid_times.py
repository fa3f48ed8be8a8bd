"""Round five of issue 15's context rules: dates and clock times as people write them in the languages they mix
into an English journal. Plain code with no speed gates that change what it finds, called from deid_forms.py,
so the fast de-identifier and the reference one share it as it is.

- A weekday of another language with its day: "viernes 29", "jeudi 21", "Poniedziałek 18.11", "Montag 18.11.",
  "Cumartesi 16.11", and the two-letter weekdays of German and Dutch before a day and a month ("Do 28.11.",
  "ma 18-11"); never a weekday alone ("Montag", "el lunes").
- A day and a month with dots where a date is meant: after a word that introduces one ("on 19.11", "Kontrola
  4.12.", "rest on środa 6.11"), before a clock time ("10.12 o 15:40", "19.11 at 17:20", "28.11. 16h"), or closing
  a sentence with its own dot ("war 1.11.."); not a reading or a dose ("on 2.5 mg", "HbA1c 6.5").
- A clock time after the word for "at" of another language: "om 16.30", "om 14u", "ore 17.30", "kl. 19",
  "kl. 10:20", "à 11h", "à 9h15", "um 9"; an hour with "h" before a date ("14 h le 3 décembre"); a time of day
  in four digits with "H" or "hrs" ("0600H", "1500 hrs"); a dotted time on the quarter after a day word or an
  appointment ("GP tmrw 9.15", "physio 3.45 cancelled"); a dotted time on any five minutes after a visit ("nurse came
  4.30", "the DN arrived 9.40"; session twenty-six).
"""

from __future__ import annotations

import re
from collections.abc import Callable

Add = Callable[[tuple[str, int, int]], None]

_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_MONTH = r"(?:1[0-2]|0?[1-9])"
# a day and month's end: no more digits, and not a dose or a reading ("6.5 mg", "1.5%")
_NOT_AMOUNT = (r"(?![\d]|[.,]\d|\s*(?i:mg|mcg|µg|ug|ml|kg|g|l|mmol|mol|iu|units?|%|x|tabs?|tablets?|puffs?|h|hrs?|"
               r"hours?|min|mins|minutes?|days?|weeks?|cm|mm|km)\b)")
WEEKDAYS = (
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|"  # German
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"  # French
    "lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|"  # Spanish (and domingo: Portuguese)
    "segunda|terça|terca|quarta|quinta|sexta|"  # Portuguese ("segunda-feira")
    "lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|"  # Italian
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"  # Dutch
    "poniedziałek|poniedzialek|wtorek|środa|sroda|środę|srode|czwartek|piątek|piatek|sobota|niedziela|"  # Polish
    "pazartesi|salı|sali|çarşamba|carsamba|perşembe|persembe|cuma|cumartesi|pazar|"  # Turkish
    "måndag|mandag|tisdag|tirsdag|onsdag|torsdag|fredag|lördag|lordag|lørdag|söndag|sondag|søndag|"  # Nordic
    "dilluns|dimarts|dimecres|dijous|divendres|dissabte|diumenge")  # Catalan (round nine)
_WEEKDAY_DAY = re.compile(rf"\b(?i:{WEEKDAYS})(?:-(?i:feira))?,?\s+(?:(?i:le|el|den|de)\s+)?"
                          rf"{_DAY}(?:\s*[./\-]\s*{_MONTH}\.?)?(?:\.|º|°|er)?\b{_NOT_AMOUNT}")
# the two-letter weekdays of German and Dutch ("Do", "ma") are words of English too: only with a whole date
_SHORT_WEEKDAY = re.compile(rf"\b(?i:mo|di|mi|do|fr|sa|so|ma|wo|vr|za|zo)\.?,?\s+{_DAY}[./\-]{_MONTH}\b\.?"
                            rf"{_NOT_AMOUNT}")
_DATE_WORDS = (r"on|due|kontrola|kontrolle|kontrolė|termin|wizyta|controllo|rdv|until|till|since|seit|war|op|tot|"
               r"dnia|dne|il|le|el|am|vom|bis|ab|next|last|rest\s+on|back\s+on")
_CUED_DAY = re.compile(rf"\b(?i:{_DATE_WORDS})\s+(?P<d>{_DAY}\.{_MONTH}\.?){_NOT_AMOUNT}")
_TIME_AFTER = (r"(?:(?i:at|o|om|um|ore|alle|à|a|às|kl\.?|klo|@|u|jam|pukul|saat|ora)\s+)?"
               r"(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d|\s?h\b|u\b)")
_EL_DAY = re.compile(rf"\b(?i:el|le)\s+(?P<d>{_DAY})\b(?![.,/:\-]?\d|\s*(?:%|(?i:de|of|y|et|ans|años|anos|kg|mg|ml|"
                     r"h|min|mins)\b))")  # Spanish and French "on the 20th": "a slot el 20, so"
_DAY_BEFORE_TIME = re.compile(rf"(?<![\d.,/])(?P<d>{_DAY}\.{_MONTH}\.?)(?=\s+{_TIME_AFTER})")
# a blood sugar, a level: "went to bed on 6.2", "glucose was 5.4" (mmol/L are written as day.month is)
_READING_BEFORE = re.compile(r"\b(?i:bed|sugar|sugars|bg|bgl|glucose|bsl|level|levels|reading|readings|ketones|inr|"
                             r"tsh|crp|hba1c|a1c|ferritin|potassium|sodium|temp|temperature|alarmed|alarm|low|high|"
                             r"dropped|down|up|hit|was|is|to|of)\W+(?:(?i:on|at|was|is|of|around|about)\W+)?$|"
                             r"\b(?i:at)\s+$")
_CLOSING_DOTS = re.compile(rf"(?<![\d.,/])(?P<d>{_DAY}\.{_MONTH}\.)\.")  # "war 1.11.." : the date's dot, then the end
# (round ten: "me ve el lunes 3 a las 9", "às 10h", "o godz. 8"; never a count: "um 2 Tabletten", "a las 3 semanas")
_LOCAL_AT = re.compile(r"\b(?i:om|ore|alle|kl\.?|klo|à|às|um|a\s+las|a\s+la|o\s+godz\.?)\s+"
                       r"(?P<t>(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d|\s?h\b|u\b)?)"
                       r"(?![\d]|\s*(?i:mg|mcg|ml|units?|iu|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|"
                       r"years?|times|x|%|euro|eur|kr|zł|tl|tabletten|tabletas|tabs?|tablets?|pills?|comprimidos|"
                       r"compresse|comprimés|comprimes|kapseln|cápsulas|capsulas|gotas|tropfen|gouttes|stück|stk|"
                       r"pastillas|pastiglie|fois|veces|vezes|volte|mal|semanas|wochen|d[ií]as|tage|meses|monate|"
                       r"años|anos|anni|jahre|ans)\b)")
_H_BEFORE_DATE = re.compile(r"\b(?P<t>(?:[01]?\d|2[0-3])\s?h(?:[0-5]\d)?)\s+(?i:le|el|am|du|de|on|the)\s+\d")
_FOUR_DIGIT_H = re.compile(r"(?P<t>[012](?<!\w.)(?:(?<=[01])\d|(?<=2)[0-3])[0-5]\d(?:H\b|\s?(?i:hrs|hrs\.|hours)\b))")
_QUARTER_TIME = re.compile(r"\b(?i:tmrw|tmr|tomorrow|today|tonight|appt|appointment|physio|gp|session|class|"
                           r"clinic|review|dentist|follow-?up)\s+(?:(?i:w/|with)\s+)?(?:[A-Z][a-z]+\s+)?(?P<t>(?:1\d|2[0-3]|0?[1-9])\."
                           r"(?:00|15|30|45))\b(?![\d.]\d|\s*(?i:mg|mcg|ml|kg|g|l|mmol|units?|iu|%|hours?|hrs?|h)\b)")

# (session twenty-six: a carer's "palliative nurse came 4.30", "the DN arrived 9.40": a visit, the minutes on any five)
_VISIT_TIME = re.compile(r"\b(?i:came|arrived|arrives|arriving|visited)\s+(?:(?i:at|about|around)\s+)?"
                         r"(?P<t>(?:1\d|2[0-3]|0?[1-9])\.[0-5][05])\b"
                         r"(?![\d.]\d|\s*(?i:mg|mcg|ml|kg|g|l|mmol|units?|iu|%|hours?|hrs?|h|stone|st|lbs?|miles?|km)\b)")


_WEEKDAY_WORDS = frozenset(w for w in WEEKDAYS.split("|"))
_SHORT_WEEKDAY_WORDS = frozenset(str.split("mo di mi do fr sa so ma wo vr za zo"))
LOCAL_AT_WORDS = frozenset(str.split("om ore alle kl klo à às um las la godz"))
_QUARTER_WORDS = frozenset(str.split("tmrw tmr tomorrow today tonight appt appointment physio gp session class clinic "
                                     "review dentist follow up"))
_VISIT_WORDS = frozenset(str.split("came arrived arrives arriving visited"))
_DAY_MONTH_GATE = re.compile(r"\d[./\-]\d")
_DOT_GATE = re.compile(r"\d\.\d")
_H_GATE = re.compile(r"\d\s?h")
_FOUR_GATE = re.compile(r"\d\d{3}")


def time_candidates(text: str, words: frozenset[str], add: Add) -> None:
    """Every date and clock time of this module's rules in ``text`` (see the docstring); ``words`` are its words
    in lower case. Each pattern runs only where a cheap sign of what it needs is there (its words, a digit shape):
    a speed gate, never a change in what is found."""
    if not any(c.isdigit() for c in text):
        return
    day_month = _DAY_MONTH_GATE.search(text) is not None
    if not words.isdisjoint(_WEEKDAY_WORDS) or (day_month and not words.isdisjoint(_SHORT_WEEKDAY_WORDS)):
        for rx in (_WEEKDAY_DAY, _SHORT_WEEKDAY):
            for m in rx.finditer(text):
                add(("date", m.start(), m.end()))
    if day_month and _DOT_GATE.search(text):
        for rx in (_CUED_DAY, _DAY_BEFORE_TIME, _CLOSING_DOTS):
            for m in rx.finditer(text):
                if not _READING_BEFORE.search(text, max(0, m.start() - 24), m.start("d")):
                    add(("date", m.start("d"), m.end("d")))
        if not words.isdisjoint(_QUARTER_WORDS):
            for m in _QUARTER_TIME.finditer(text):
                add(("time", m.start("t"), m.end("t")))
        if not words.isdisjoint(_VISIT_WORDS):
            for m in _VISIT_TIME.finditer(text):
                add(("time", m.start("t"), m.end("t")))
    if "el" in words or "le" in words:
        for m in _EL_DAY.finditer(text):
            add(("date", m.start("d"), m.end("d")))
    if not words.isdisjoint(LOCAL_AT_WORDS):
        for m in _LOCAL_AT.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    if _H_GATE.search(text):
        for m in _H_BEFORE_DATE.finditer(text):
            add(("time", m.start("t"), m.end("t")))
    if _FOUR_GATE.search(text):
        for m in _FOUR_DIGIT_H.finditer(text):
            add(("time", m.start("t"), m.end("t")))
