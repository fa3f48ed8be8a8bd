"""The allowlist's reading of numbers (core/prompting/allowlist.py uses it): which numbers in typed text can carry
an identifier (a day of the month, a clock time in words or digits, a date-like pair, a long number, several
numbers in a row, a room or a house number) and which cannot (a count, a score, a dose with its unit, a blood
pressure, a range)."""

from __future__ import annotations

import re

from healthviz_desktop.core.prompting.deid_times import LOCAL_AT_WORDS, WEEKDAYS
from healthviz_desktop.core.prompting.vocabulary import fold, word_lists

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
                                "peak flow pef steps kg lbs hba1c a1c inr crp esr egfr psa hb hgb alt ast ggt alp t3 "
                                "t4 ft3 ft4 gcs apgar gleason gad-7 gad7 phq-9 phq9 rr height bmi mcv wcc wbc plt na "
                                "urea creatinine bilirubin albumin fev1 fvc sao2 ketones ketone lactate"))
# a bare number after one of these is a score, a reading or a step, not a day of the month or a house: "pain 7",
# "level 3", "type 2", "day 3 of the cycle", "Beat 1" (the composer's own beats)
_SCORED = _READINGS | frozenset(str.split("pain severity level score scored rated rating grade stage type phase beat "
                                          "step day week cycle round sets reps"))
# medical words that are places: a number beside them places someone ("clinic 4", "surgery 12", "theatre 3")
_CARE_SITES = frozenset(str.split("clinic clinics surgery hospital hospitals ward wards unit units practice centre "
                                  "center department dept theatre theater bay room appointment appt pharmacy"))
# a day and month after these: "on 3/10", "since 4/10"
_DATE_CUES = frozenset(str.split("on since from until till by before after of dated"))
_RANGE_JOINERS = frozenset(("to", "or", "and"))
# a bare number after these places someone or something they use: "stop 42", "bus 7", "number 12", "gate 3"
_PLACE_CUES = frozenset(str.split("bus stop route line platform gate terminal pier berth exit junction flat apt "
                                  "apartment house door number no unit block lot plot site building floor "
                                  "theatre theater"))
# words a day of the month stands after or before ("on the 14", "the 14 at", "from 14 till"): never a count's
_DATE_WORDS = frozenset(str.split("on the at by from until till since before after in to around about approx near "
                                  "every next last this that of i we he she they it and or but so then when if as is "
                                  "was were be am pm with for"))
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


def spoken_time(token: str, nxt: str, prev: str, prev2: str, after: str = "") -> str:
    """An hour said the way people say it: "half past three", "ten to 6", "half two", "seven o'clock", "didn't turn
    up at eight, so" (``after``: the character right after the token)."""
    if len(token) > 6 or token.lower() not in _HOURS:  # the common case, decided before any folding
        return ""
    nxt = fold(nxt)
    if nxt in _OCLOCK or (prev in ("past", "to") and (prev2 in _SPOKEN_PARTS or (prev == "past" and prev2.isdigit()))):
        return "a time of day"
    if prev == "half" and nxt not in _UNITS and nxt not in ("a", "an", "hour", "hours", "of", "the"):
        return "a time of day"  # "half two": half past two, as said in Britain and Ireland
    cued = prev in _WORD_HOUR_CUES or (prev == "by" and prev2 in _BY_WHERE)
    if cued and token.isalpha() and token.lower() != "one" \
            and prev2 not in _NOT_BEFORE_AN_HOUR and prev2 not in word_lists().medical and (
            not nxt or nxt in _CLAUSE_GOES_ON or after in ",.;:!?)"):
        return "a time of day"  # "didn't turn up at eight, so I" (not "at one point", "at eight weeks")
    return ""


# session seventeen: an hour said as a word after a cue, where the clause goes on ("at eight, so", "by ten and"), not
# a noun ("at eight weeks"); "by" only after where someone is by then ("in bed by ten", not "dropped by two"); never
# after a symptom, a reading or a change ("pain at eight, so", "sugar at nine", "peaked at nine": a score)
# a clock hour "14h" after these (or a weekday, or before "du matin", "sáng"), not hours counted
_HOUR_FROM = frozenset(str.split("since till until to from depuis des vers desde hasta ate bis ab seit um started"))
_OF_THE_DAY = frozenset(str.split("du da de del sang chieu toi"))
_HOURS_LAST = frozenset(str.split("""for every each q x slept sleep sleeping fasted fasting fast lasted lasting took
    over last in only about approx nearly almost another extra a"""))
_HOURS_OF = frozenset(str.split("""shift shifts double doubles day days night nights each per fast flight flight drive
    journey straight total sleep trip run block"""))  # "13h shift", "14h each way", "a 14h double"
_WORD_HOUR_CUES = frozenset(str.split("at until till around before after since"))
_BY_WHERE = frozenset(str.split("bed home back up done there ready asleep out"))
_NOT_BEFORE_AN_HOUR = frozenset(str.split("""pain score level sugar bg bs glucose weight fatigue anxiety nausea mood
    energy stress temp peaked dropped reduced increased went was is stayed stuck hovering sitting rated from to"""))
_CLAUSE_GOES_ON = frozenset(str.split("""am pm ish tonight today tomorrow this that and or then when so but because
    i we he she they you it my his her our their in on with to for as if until"""))


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


def why_number(token: str, nxt: str, words: frozenset[str], prev: str = "", after: tuple[str, ...] = (),
               prev2: str = "") -> str:
    """Why a token with a digit is unlisted ("" when it passes): a day, a time, a long or date-like number, or a
    number with no unit. ``after`` holds the (folded) tokens after ``nxt``, ``prev2`` the one before ``prev``."""
    folded = fold(token)
    if folded in words:
        return ""  # "b12", "covid-19", "spo2", "a1c"
    if re.fullmatch(r"[23]?1st", folded) and prev not in _READINGS:
        return "a day of the month"  # "21st" (before "st" is read as stone: "weight 21st", "14st" stay)
    if fold(nxt) in MONTHS_AND_DAYS and re.fullmatch(r"(?:[12]\d|3[01]|0?[1-9])", token):
        return "a day of the month"  # "3 March", "14 Nov"
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
        clock = re.fullmatch(r"([01]?\d|2[0-3])\.[0-5]\d", token)
        if clock and not with_unit and not _reading(prev) and (
                int(clock.group(1)) >= 10 or prev in _CLOCK_CUES or len(clock.group(1)) == 2
                or fold(nxt) in _WEEKDAYS or fold(nxt) in _OTHER_WEEKDAYS or fold(nxt) in _DAY_WORDS):
            # (session twenty-nine: "09.00", and before its day: "9.15 Thurs", "8.30 tomorrow")
            return "a time of day (or a reading with no unit?)"  # "12.30", "9.45" (not "INR 2.35", "5.25 mmol")
        if re.fullmatch(r"9\d|1[0-4]\d", token) and not with_unit and prev not in _READINGS:
            return "a number that could be an age over 89"
        if digits > 3 and not with_unit:
            return "a long number"
        if with_unit or not token.isdigit():
            return ""
        if prev in _PLACE_CUES or fold(nxt) in ("bus", "tram", "route"):
            return "a number that places someone (a bus, a stop, a house, a gate?)"  # "stop 42", "the 42 bus"
        if int(token) > 31 or _counted(token, fold(nxt), prev, after, prev2):
            return ""  # no day of a month ("eGFR 62", "Height 165"), or a count, a score, a reading
        return "a number with no unit (a day of the month?)"
    if prev in _HOUR_CUES | {"from", "às", "as"} and re.fullmatch(r"(?:[01]?\d|2[0-3])h(?:[0-5]\d)?", folded):
        return "a time of day"  # "at 9h", "around 16h" ("9h" alone is a duration)
    if re.fullmatch(r"(?:[01]?\d|2[0-3])h", folded) and prev in _DAY_WORDS | {"rdv", "rendez-vous", "rv"}:
        return "a time of day"  # "rendez-vous 9h", "appt 14h" ("2h after food", "slept 9h": hours)
    hour = re.fullmatch(r"([01]?\d|2[0-3])h(?:[0-5]\d)?", folded)
    if hour and prev not in _HOURS_LAST and fold(nxt) not in _HOURS_OF and (
            prev in _HOUR_FROM or prev in _WEEKDAYS or prev in _OTHER_WEEKDAYS or fold(nxt) in _OF_THE_DAY
            or int(hour.group(1)) >= 13):
        # session twenty-nine: "since 14h", "samedi 11h", "3h du matin", "started 23h" (an afternoon's or an
        # evening's hour is written so far more often than hours of something: "slept 14h", "fasted 16h" stay)
        return "a time of day"
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
        if b == 10 and a <= 10 and prev in _DATE_CUES:
            return "a date-like pair of numbers"  # "on 3/10" (3 October), not "pain 3/10"
        if b == 10 or (a, b) == (24, 7) or (70 <= a <= 260 and 30 <= b <= 160 and a > b) or not (
                1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
            return ""  # a score out of ten, "24/7", a blood pressure, a strength ("30/500"): no day and month
        return "a date-like pair of numbers"
    span = re.fullmatch(r"(\d{1,3})-(\d{1,3})", token)
    if span and int(span.group(1)) < int(span.group(2)) and (fold(nxt) in _UNITS or prev in _SCORED):
        return ""  # a range: "2-3 days", "pain 4-5" (not "12-14": days of a month?)
    return "a number or code that could identify someone"


def _counted(token: str, nxt: str, prev: str, after: tuple[str, ...], prev2: str) -> bool:
    """Whether a bare whole number of a month's days (1 to 31, no unit of its own) is still plainly no day of the month:
    a score or a reading ("pain 7", "7 out of 10", "Ibuprofen 400", "GCS 15"), a count ("1 fall", "2 coffees", "2 of
    them"), a labelled value ("mood 3, sleep 2", "wet 6"), the first number of a range whose second has a unit ("2 to
    3 days", "0–3 s"). Only numbers with a unit pass unconditionally (issue 15): a day of the month alone is an element
    of a date, written after "on", "the", "from" or before "at", "till" ("on the 14", "from 14 till 16")."""
    lists = word_lists()
    if prev in _SCORED or prev == "of" or _scored_after((nxt, *after)):
        return True  # ("of": "out of 10", "2 of 3"; "7 on a scale of ten")
    if prev == "over" and prev2.isdigit() and 30 <= int(token) <= 160:
        return True  # a blood pressure said in words: "128 over 84"
    pair_before = prev in ("to", "or") and prev2.isdigit() and int(prev2) <= 10
    pair_after = nxt in ("to", "or") and after[:1] and after[0].isdigit() and int(after[0]) <= 10 and (
        after[1:2] == () or after[1] not in MONTHS_AND_DAYS)
    if int(token) <= 10 and (pair_before or pair_after):
        return True  # two scores out of ten: "from 5 to 7", "2 or 3" (not "3 and 4", nor "from 3 to 4 March")
    if nxt in _RANGE_JOINERS and after[:1] and after[0][:1].isdigit() and (
            re.fullmatch(r"\d+\.\d+", after[0]) or _scored_after(after[1:]) or after[1:2] in [(u,) for u in _UNITS]):
        return True  # the other end of a range is a measurement, a score or has a unit: "from 3 to 1 on a scale"
    if nxt[:1].isdigit() and after and after[0] in _UNITS:
        return True  # "0–3 s", "2 - 3 days"
    if _reading(prev) or prev in lists.drugs or nxt in lists.drugs or (nxt in lists.medical and nxt not in _CARE_SITES):
        return True  # a reading or a dose ("eGFR 45", "Ibuprofen 400"), a count of something medical ("2 paracetamol")
    if nxt == "of" and after[:1] and after[0] not in MONTHS_AND_DAYS:
        return True  # "2 of them", "dose 2 of the vaccine" (not "the 14 of March")
    if nxt and nxt not in _DATE_WORDS and nxt not in MONTHS_AND_DAYS and nxt.isalpha() and nxt in lists.english:
        return True  # a count of something: "1 fall", "2 coffees", "33 bright stars"
    # a labelled value: "mood 3", "wet 6", "lost 3" (not "on 14", "the 14", "Tuesday 14")
    return bool(prev) and prev.isalpha() and prev not in _DATE_WORDS and prev not in MONTHS_AND_DAYS and \
        prev in lists.english


# the months that are no other word ("June" and "April" are names too: held all the same), the ones that are ("may",
# "march"; "dec" for decreased), and the weekdays (alone, "on Monday", they name no date)
_WEEKDAYS = frozenset(str.split("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
                                "thurs fri sat sun"))
_DAY_LIKE = re.compile(r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?")
_DATE_ONLY = MONTHS_AND_DAYS - _WEEKDAYS - frozenset(str.split("may march mar jan sep dec"))


def date_word(word: str, folded: str, nxt: str, prev: str, sentence_start: bool, acts: bool = False) -> str:
    """Why a word is held back as part of a date ("" when it is not one): a month ("in June", "since August"; an
    element of a date under Safe Harbor, and "June" is a name too), or a month or weekday next to a number ("may 3",
    "Tue 14"). A month that is also a word ("may", "march") only with a capital where no sentence starts, or opening
    a sentence before what a person does ("May said", "Jan is": names). A weekday alone ("on Monday") names no date.
    (Holidays: ``unlisted_words``.)"""
    if folded not in MONTHS_AND_DAYS or (word.isupper() and len(word) > 1):
        return ""  # (in capitals an abbreviation: "OCT scan", "MAR chart")
    if _DAY_LIKE.fullmatch(nxt) or _DAY_LIKE.fullmatch(prev):
        return "a month or a weekday beside a number (a date)"  # "may 3", "14 Oct" (not "sat 88%", "Wed 3x")
    if folded in _WEEKDAYS:
        return ""
    if folded in _DATE_ONLY or (word[:1].isupper() and (not sentence_start or acts)):
        return "a month (part of a date)"
    return ""


def _reading(prev: str) -> bool:
    """Whether a number after ``prev`` reads as a measurement: a reading's or a medical word ("INR 2.35")."""
    return prev in _READINGS or (prev in word_lists().medical and prev not in _CARE_SITES)


def _scored_after(words: tuple[str, ...]) -> bool:
    """Whether these words make the number before them a score: "out of 10", "on a scale of ten"."""
    return words[:1] == ("out",) or words[:3] == ("on", "a", "scale")


# session thirty: a bare number right after a name or place the other layer took out is the rest of it, a house, a
# room or a street's number ("[PLACE] 54,", "[NAME] 214", "Phyathai 2"); not one with its unit or count after it
# ("[NAME] 75 mg", "[NAME] 2 tabs"), nor a reading's value after a kept word
_BARE_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?")


def number_beside_place(text: str, start: int, end: int, named: list[tuple[int, int]], nxt: str) -> str:
    """Why the bare number at ``start:end`` is held back: right after (on its line) a span taken out that has a
    letter, and no unit or count after it."""
    if not _BARE_NUMBER.fullmatch(text[start:end]) or fold(nxt) in _UNITS or _ATTACHED_UNIT.fullmatch(text[start:end]):
        return ""
    if text[end:end + 1] in ("/", ":", ".", "-") and text[end + 1:end + 2].isdigit():
        return ""  # a score, a clock or a decimal: read as such elsewhere
    for a, b in named:  # (a span that starts with a letter: a name or a place, not a clock, "By 9pm 210")
        if 0 < start - b <= 2 and text[b:start].isspace() and "\n" not in text[b:start] and text[a:a + 1].isalpha():
            return "a number right after a name or place taken out (a house, room or street number?)"
    return ""
