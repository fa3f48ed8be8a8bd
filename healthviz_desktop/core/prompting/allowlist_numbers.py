"""The allowlist's reading of numbers (core/prompting/allowlist.py uses it): which numbers in typed text can carry
an identifier (a day of the month, a clock time in words or digits, a date-like pair, a long number, several
numbers in a row, a room or a house number) and which cannot (a count, a score, a dose with its unit, a blood
pressure, a range)."""

from __future__ import annotations

import re

from healthviz_desktop.core.prompting.deid_times import LOCAL_AT_WORDS, WEEKDAYS
from healthviz_desktop.core.prompting.vocabulary import fold

_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?")
_UNITS = frozenset(str.split("""
mg mcg µg ug g kg ml l iu units unit u mmhg bpm % c f k kcal cal cm mm km m lb lbs kgs st oz mmol nmol pmol
mg/dl mmol/l ng/ml pg/ml miu/l x h hr hrs hour hours min mins minute minutes sec secs second seconds s
day days week weeks wk wks month months yr yrs year years steps step tablets tablet tabs tab capsules
capsule caps puffs puff drops drop sprays spray patches patch times time cups cup glasses glass pints pint
units doses dose sessions nights night percent degrees degree kilos kilo pounds pound miles mile km
"""))
_ATTACHED_UNIT = re.compile(r"(\d+(?:[.,]\d+)?)(mg|mcg|µg|ug|g|kg|ml|l|iu|mmhg|bpm|k|kcal|cm|mm|m|km|lbs?|oz|x|h|hrs?|"
                            r"mins?|s|%|mmol|st)", re.IGNORECASE)
# "x2" (a dose taken twice), "3x10" (sets of a exercise), "1-0-1" (a dosing schedule): counts, not identifiers
_COUNTS = re.compile(r"x\d{1,2}|\d{1,2}x\d{1,3}|[0-3](?:-[0-3]){2,3}", re.IGNORECASE)
# a reading after one of these is a measurement, not an age ("BP 128", "weight 135", "sugar 110")
_READINGS = frozenset(str.split("bp hr pulse glucose sugar sugars bg bs weight weighed sats spo2 temp systolic "
                                "diastolic fasting ldl hdl cholesterol platelets ferritin tsh rate reading readings "
                                "peak flow pef steps kg lbs"))
MONTHS_AND_DAYS = frozenset(str.split(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu "
    "thur thurs fri sat sun"))
# "at 11", "Wednesday at 2": a bare hour after one of these, with no unit, is a time of day
_HOUR_CUES = frozenset(("at", "by", "until", "till", "around"))  # and for "9h": "from", "às", "as"
_CLOCK_CUES = frozenset(str.split("at by from until till around about after before woke wake awake asleep bed up"))
# "at" in the languages people mix in (not "à": folded, it is the article "a", as in "a 2h nap"; the
# de-identifier reads "à 11h" in the text itself), the words of a day an appointment is set by, and the weekdays
# of the languages deid_times reads dates in
_LOCAL_CLOCK_CUES = (LOCAL_AT_WORDS - {"à"}) | {"las"}  # and Spanish "a las 11", "desde las 11"
_DAY_WORDS = frozenset(str.split("tmrw tmr tomorrow today tonight appt appointment"))
_OTHER_WEEKDAYS = frozenset(fold(w) for w in WEEKDAYS.split("|"))
# an hour said in words: "half past three", "quarter to 9", "half two", "seven o'clock"
_HOURS = frozenset(str.split("one two three four five six seven eight nine ten eleven twelve")) | frozenset(
    str(n) for n in range(1, 13))
_SPOKEN_PARTS = frozenset(str.split("half quarter five ten twenty"))
_OCLOCK = frozenset(("o'clock", "o’clock", "oclock"))
STREET_WORDS = frozenset(str.split("street road lane avenue close drive crescent terrace grove gardens boulevard "
                                    "rd ave way place square"))
_OTHER_STREET_WORDS = frozenset(str.split("boulevard rue rua calle avenida viale piazza plaza ulica straat strasse "
                                          "straße laan"))  # (not "via": "2x via the spacer", "15L via mask")
# a number after these places someone: "Room 14", "bed 4", "ward 7", "PS 161" (a New York public school), "P.S. 48"
_PLACING_WORDS = frozenset(str.split("room rm bed ward bay cubicle apt apartment flat suite ps p.s"))


def spoken_time(token: str, nxt: str, prev: str, prev2: str) -> str:
    """An hour said the way people say it: "half past three", "ten to 6", "half two", "seven o'clock"."""
    if len(token) > 6 or token.lower() not in _HOURS:  # the common case, decided before any folding
        return ""
    nxt = fold(nxt)
    if nxt in _OCLOCK or (prev in ("past", "to") and (prev2 in _SPOKEN_PARTS or (prev == "past" and prev2.isdigit()))):
        return "a time of day"
    if prev == "half" and nxt not in _UNITS and nxt not in ("a", "an", "hour", "hours", "of", "the"):
        return "a time of day"  # "half two": half past two, as said in Britain and Ireland
    return ""


def long_digit_runs(text: str, tokens: list[re.Match[str]]) -> set[int]:
    """Indexes of number tokens in a row (only spaces, dashes or dots between) with five digits or more in all."""
    marked: set[int] = set()
    i = 0
    while i < len(tokens):
        j = i
        while (j + 1 < len(tokens) and tokens[j].group()[-1:].isdigit() and tokens[j + 1].group()[:1].isdigit()
               and re.fullmatch(r"[\s.\-()]{1,3}", text[tokens[j].end():tokens[j + 1].start()])):
            j += 1
        if j > i and sum(c.isdigit() for t in tokens[i:j + 1] for c in t.group()) >= 5:
            marked.update(range(i, j + 1))
        i = j + 1
    return marked


def why_number(token: str, nxt: str, words: frozenset[str], prev: str = "") -> str:
    """Why a token with a digit is unlisted ("" when it passes): a day, a time, a long or date-like number."""
    folded = fold(token)
    if folded in words:
        return ""  # "b12", "covid-19", "spo2", "a1c"
    if (prev in MONTHS_AND_DAYS or prev in _OTHER_WEEKDAYS) and re.fullmatch(r"(?:[12]\d|3[01]|0?[1-9])", token):
        return "a day of the month"  # "March 3", "Tues 14", "viernes 29"
    if prev in _LOCAL_CLOCK_CUES and re.fullmatch(r"(?:[01]?\d|2[0-3])(?:[.:h][0-5]\d|h|u)?", folded):
        return "a time of day"  # "om 16.30", "ore 17.30", "kl. 19", "um 9"
    if prev in _DAY_WORDS and re.fullmatch(r"(?:1\d|2[0-3]|0?[1-9])\.[0-5]\d", token):
        return "a time of day"  # "GP tmrw 9.15", "come in tomorrow 9.40"
    if re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\dh", folded) and token[-1] == "H":
        return "a time of day"  # "0600H" (military time; "0600h" in lower case could be hours)
    if prev in _CLOCK_CUES and re.fullmatch(r"(?:[01]?\d|2[0-3])[.:][0-5]\d", token):
        return "a time of day"  # "at 10.15"
    with_unit = fold(nxt) in _UNITS
    if prev in _PLACING_WORDS and re.fullmatch(r"\d{1,4}[a-z]?", folded) and not with_unit:
        return "a number that places someone (a room, a bed, a school)"  # "Room 14", "PS 161", "bed 4"
    if fold(nxt) in STREET_WORDS | _OTHER_STREET_WORDS and re.fullmatch(r"\d{1,5}[a-h]?", folded):
        return "a house number"  # "155 boulevard de Stalingrad", "12 Elm Street"
    if prev in _HOUR_CUES and re.fullmatch(r"1[0-2]|0?[1-9]", token) and not with_unit and fold(nxt) not in (
            "am", "pm", "of", "out", "x"):
        return "a time of day"  # "at 11", "by 2" (not "at 5 mg", "at 6/10": one token)
    if _NUMBER.fullmatch(token):
        digits = sum(c.isdigit() for c in token.split(".")[0].split(",")[0]) if "," not in token else \
            sum(c.isdigit() for c in token.split(".")[0])
        if re.fullmatch(r"(?:[12]\d|3[01]|0?[1-9])\.(?:0[1-9]|1[0-2])", token) and not with_unit:
            return "a date-like pair of numbers"  # "14.03" (a measurement has a unit or one decimal)
        if re.fullmatch(r"9\d|1[0-4]\d", token) and not with_unit and prev not in _READINGS:
            return "a number that could be an age over 89"
        return "" if digits <= 3 or with_unit else "a long number"
    if prev in _HOUR_CUES | {"from", "às", "as"} and re.fullmatch(r"(?:[01]?\d|2[0-3])h(?:[0-5]\d)?", folded):
        return "a time of day"  # "at 9h", "around 16h" ("9h" alone is a duration)
    unit = _ATTACHED_UNIT.fullmatch(token)
    if (unit and len(unit.group(1)) <= 6) or _COUNTS.fullmatch(token):
        return ""  # "400mg", "5k", "3x", "10h", "x2", "1-0-1"
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", folded):
        return "a day of the month"
    if re.fullmatch(r"\d{1,2}(?::\d\d)?(?:am|pm)|\d{1,2}:\d\d(?::\d\d)?", folded):
        return "a time of day"
    pair = re.fullmatch(r"(\d{1,3})/(\d{1,3})", token)
    if pair:
        a, b = int(pair.group(1)), int(pair.group(2))
        if b == 10 or (a, b) == (24, 7) or (70 <= a <= 260 and 30 <= b <= 160 and a > b) or not (
                1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
            return ""  # a score out of ten, "24/7", a blood pressure, a strength ("30/500"): no day and month
        return "a date-like pair of numbers"
    span = re.fullmatch(r"(\d{1,3})-(\d{1,3})", token)
    if span and int(span.group(1)) < int(span.group(2)):
        return ""  # a range: "2-3 days"
    return "a number or code that could identify someone"
