"""Reference copy of healthviz_desktop/core/prompting/deid_context.py for tests/support/deid_reference.py:
a change in what is found is made in both. The de-identifier's context rules (issue 15), on top of
deid_names.py and deidentify.py:

- (the person model is in deid_reference_person.py, the copy of deid_person.py);
- names from the shipped word lists: a gazetteer name in any case ("edna", "leeds"), an unknown word after a
  kinship word, a title or a cue ("my husband tomas", "with jonah", "called priya");
- everyday date and time forms ("Wed 31st", "the 22nd,", "4:45 PM", "14.03.", "9/18", "14-Mar"), ages over 89
  ("he's 93", "(94)", "age 91"), local phone numbers with a space ("555 0111"), camera file names
  ("IMG_2043.jpg"), UK number plates and VINs.

Plain code on purpose: tests/support/deid_reference_context.py is its copy for the reference detector.
"""

from __future__ import annotations

import re

from healthviz_desktop.core.prompting.vocabulary import word_lists
from tests.support import deid_reference_patterns as P
from tests.support.deid_reference_person import Add, bare_word

# "9/2", "9/12", "09/05" (DATE_FORMS below); never after the word for a blood pressure, "Pressão 12/8" is Brazil's
# way of writing 120/80 (round eleven: read after the match, _READING_BEFORE, so the regex scans for a digit alone)
_DAY_SLASH_MONTH = re.compile(
    r"(?<![\d./\-])(?:(?:0[1-9]|[12]\d|3[01]|[1-9])/0[1-9]|0[1-9]/1[0-2]|(?:[12]\d|3[01]|[1-9])/(?:1[12]|[79])|"
    # (a score's shape "2/5" only with one digit before the slash: "12/2" is a date; round eleven)
    r"(?:[12]\d|3[01]|[2-9])/(?:[1-8])"
    r"(?<!(?<!\d)[2-8]/[2-8](?<=(?:2/[2-8]|3/[3-8]|4/[4-8]|5/[5-8]|6/[6-8]|7/[78]|8/8))))"
    r"(?![\d/]|\.\d|\s*(?:/|out of|of\b|per\b|a\s+day\b|each\b))")
# a reading's word before a pair of numbers: a blood pressure ("Pressão 12/8" is Brazil's way of writing 120/80,
# "Tension 14/9" France's), eyesight ("vision 6/12"), a ratio ("carb ratio 1:15"), or what a result went up or down
# from ("up from 7.2.") (session twenty-nine: all but the blood pressure's words were read as a date)
_READING_BEFORE = re.compile(r"\b(?i:bp|pa|pressão|pressao|pressure|tension|tensão|tensao|tensión|presión|presion|"
                             r"pressione|eyes?|vision|acuity|ratio|count|(?:up|down|rose|fell|dropped)\s+from)"
                             r"(?:\s+to)?\s\Z")

DATE_FORMS = (
    # a weekday and a day: "Wed 31st", "Tuesday the 3rd", "Fri 14"
    re.compile(r"\b(?i:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?i:day|nesday|sday|rsday|urday)?\.?,?\s+"
               # (with its month after a slash or a dot: "Monday 3/4" went out as "[DATE]/4"; session twenty-two)
               r"(?i:the\s+)?\(?(?:[12]\d|3[01]|0?[1-9])"
               r"(?:(?i:st|nd|rd|th)|[/.](?:1[0-2]|0?[1-9])(?:[/.](?:\d{4}|\d\d))?)?"
               r"(?:\)|\b)(?!\s+(?i:more|days?|weeks?|hours?|hrs?|"
               r"mins?|minutes?|times|mg|ml|x)\b)"),
    # a day ordinal that ends a phrase or follows a date cue: "on the 22nd.", "since the 3rd,", "by 4th"
    re.compile(r"\b(?i:on|since|until|till|from|by|before|after)\s+(?:(?i:the)\s+)?"
               r"(?P<d>(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th))\b(?!\s+(?:(?i:and)|&)\s+[A-Z][a-z])"),
    # session twenty-five (set W): after "til" and a check's or a visit's word ("off til 12th", "recheck 19th"), not
    # before what the ordinal counts ("til 2nd dose", "review 2nd trimester")
    re.compile(r"\b(?i:til|recheck|re-check|review|repeat|appt|appointment|bloods|follow-up|f/u)\s+(?:(?i:the)\s+)?"
               r"(?P<d>(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th))\b(?!\s*(?:(?i:and)|&)\s+[A-Z][a-z]|\s+(?i:dose|doses|"
               r"time|times|opinion|trimester|cycle|round|week|day|month|year|line|attempt|try|visit|degree|floor|"
               r"child|baby|shot|jab|injection|infusion|session|one|set|course|batch|booster|vaccine|in)\b)"),
    # a time of day: "4:45 PM", "16:30", "4pm", "7 a.m."
    re.compile(r"(?<![\d:/.])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*(?i:am|pm|a\.m\.|p\.m\.))?(?!\d|:\d)"
               r"|\b(?:1[0-2]|0?[1-9])(?:[.:][0-5]\d)?\s*(?i:am|pm|a\.m\.|p\.m\.)(?!\w)"),
    # a 24-hour time in four digits after a cue: "woke 0512", "bed at 2330"
    re.compile(r"\b(?i:woke|up|asleep|bed|awake|alarm)\s+(?:(?i:at)\s+)?(?P<d>(?:[01]\d|2[0-3])[0-5]\d)\b"
               r"(?!\s*(?i:mg|mcg|ml|iu|units|steps|kcal|cal|k)\b)"),
    # "at 10.15"
    re.compile(r"\b(?i:at|by|from|until|till|around|about|after|before)\s+(?P<d>(?:[01]?\d|2[0-3])\.[0-5]\d)\b(?!\.\d)"),
    # day.month. with its closing dot, or day-month that cannot be anything else: "14.03.", "9/18", "18/9"
    re.compile(r"(?<![\d.,/])(?:[12]\d|3[01]|0[1-9])\.(?:1[0-2]|0[1-9])\.(?![\d])"),
    re.compile(r"\b(?:1[0-2]|0?[1-9])\s*o['’]clock\b", re.IGNORECASE),  # "2 o'clock"
    re.compile(r"(?<![\d./\-])(?:(?:1[0-2]|0?[1-9])/(?:1[3-9]|2\d|3[01])|(?:1[3-9]|2\d|3[01])/(?:1[0-2]|0?[1-9]))"
               r"(?![\d/]|\.\d|\s*(?:/|out of|of\b|per\b|a\s+day\b|each\b))"),
    # "9/2", "9/12", "09/05": a day and a month, not a score "3/5" or a fraction "2/3" (nor "7/10": kept as a score)
    _DAY_SLASH_MONTH,
    # "14-Mar", "3-march-2026", "Mar-14"
    re.compile(rf"\b(?:[12]\d|3[01]|0?[1-9])-(?i:{P.MONTHS})\b(?:-(?:\d{{4}}|\d{{2}}))?"
               rf"|\b(?i:{P.MONTHS})-(?:[12]\d|3[01]|0?[1-9])\b"),
    # day.month. in one digit after a cue: "am 3.4.", "from 5.5. until 8.5." (a dose "2.5." has no cue)
    re.compile(r"\b(?i:am|vom|bis|ab|seit|from|until|till|since)\s+"
               r"(?P<d>(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.)(?!\d)"),
    # a shift in shorthand: "7p-7a", "11p–7a"
    re.compile(r"\b(?:1[0-2]|0?[1-9])[ap]\s*[-–]\s*(?:1[0-2]|0?[1-9])[ap]\b"),
    # "moved to the 19th with ...", "the 3rd." (not "the 3rd time", "the 2nd dose"): a day ordinal that ends a phrase
    re.compile(r"\b(?i:the)\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th))\b(?=\s*(?:[.,;:!?)]|$)|\s+(?i:with|at|for|"
               rf"so|when|but|or|before|after|of\s+(?:{P.MONTHS}))\b)"),
    # a date in Korean, Japanese or Chinese: "3월 20일", "3月20日"
    re.compile(r"(?P<d>(?:1[0-2]|0?[1-9])[월月]\s*(?:[12]\d|3[01]|0?[1-9])\s*[일日])"),
    # "dia 18", "día 3": the day in Portuguese or Spanish
    re.compile(r"\b(?i:d[ií]a)\s(?P<d>(?:[12]\d|3[01]|0?[1-9]))\b(?!\s*(?:%|/|mm|\.\d))"),
    # a time with "h": "at 11h", "às 9h30"
    re.compile(r"\b(?i:at|às|as|um|vers|a\s+las)\s+(?P<d>(?:[01]?\d|2[0-3])h(?:[0-5]\d)?)\b"),
    # a day and a month before a time: "3/4 at 9.40"
    re.compile(r"(?<![\d./\-])(?P<d>(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9]))(?=\s+(?i:at|@)\s+(?:[01]?\d|2[0-3])"
               r"(?:[.:][0-5]\d|\s*(?i:am|pm)))"),
)
AGE_FORMS = (
    re.compile(r"\b(?:(?i:he|she|they|who|mum|mom|dad|nan|gran|grandma|grandpa|grandad)(?:['’]s|['’]re|\s+is|\s+was"
               r"|\s+turned|\s+turns)|(?i:hes|shes))\s+(?:(?i:now|nearly|almost|just)\s+)?(?P<d>9\d|1[0-4]\d)"
               r"(?!\w|[.,]\d|\s*(?:%|/|°|(?i:mg|kg|lbs?|bpm|mmhg|cm|mm|ml|mins?|minutes|hours?|days?|percent)\b))"),
    re.compile(r"\((?P<d>9\d|1[0-4]\d)\s*[!?.]*\)"),
    # "(95 in a fortnight)", "(94 next month)": an age in brackets, said when it comes
    re.compile(r"\((?P<d>9\d|1[0-4]\d)\s+(?i:in|next|this|on|soon|tomorrow|today|now|last|since)\b"),
    # "Nain is 96", "is 90 now": a capitalised name or "is ... now" before a 90-149 number
    re.compile(r"\b(?-i:[A-Z][a-z][\w'’]*|\[(?:NAME|PRIVATE)\])\s+(?:is|was|turned|turns)\s+(?:(?i:now|nearly|almost|just)\s+)?"
               r"(?P<d>9\d|1[0-4]\d)\b(?!\s*(?:%|/|°|\.\d|(?i:mg|kg|lbs?|bpm|mmhg|cm|mm|ml|mins?|minutes|hours?|days?|percent)\b))"),
    re.compile(r"\b(?i:is|was|am|are)\s+(?P<d>9\d|1[0-4]\d)\s+(?i:now|today|this\s+year|next|in\s+(?:may|june|july))\b"),
    re.compile(r"\b(?i:age|aged|ages)\s+(?P<d>9\d|1[0-4]\d)\b"),
    re.compile(r"\b(?P<d>9\d|1[0-4]\d)\s+(?i:next|this)\s+(?i:birthday|month|year|week|spring|summer|autumn|fall|winter)\b"),
    re.compile(r"\b(?i:i['’]m|im|i\s+am|i\s+was|i\s+turned|i\s+turn)\s+(?:(?i:now|nearly|almost|just)\s+)?(?P<d>9\d|1[0-4]\d)\b"
               r"(?!\s*(?:%|/|°|\.\d|(?i:mg|kg|lbs?|bpm|mmhg|cm|mm|ml|mins?|minutes|hours?|days?|percent)\b))"),
    re.compile(r"\b(?P<d>9\d|1[0-4]\d)\s*(?i:yrs?|years?|saal|sal|años|anos|ans|jahre|jahren|anni|lat)\b"
               r"(?!\s*(?i:ago|since|later|before|pehle))"),
    # a relation, up to two words (a name in any case), then is/was/turned and the age: "nana edna is 98"
    re.compile(r"\b(?i:nana|nan|nanna|gran|granny|grandma|grandmother|grandad|granddad|grandfather|grandpa|gramps|"
               r"mum|mom|mother|dad|father|aunt|auntie|aunty|uncle|neighbour|neighbor|abuela|abuelo|nain|taid|oma|"
               r"opa|babcia|dziadek|nonna|nonno|tia|tía|tio|tío)(?:['’]s)?\)?(?:\s+[A-Za-z][\w'’\-]*){0,2}?\s+"
               r"(?i:is|was|turned|turns|turning)\s+(?:(?i:now|nearly|almost|just)\s+)?(?P<d>9\d|1[0-4]\d)\b"
               r"(?!\s*(?:%|/|°|\.\d|(?i:mg|kg|lbs?|bpm|mmhg|cm|mm|ml|mins?|minutes|hours?|days?|percent)\b))"),
    # "cumplió 100", "cumple 95": turned, in Spanish
    re.compile(r"\b(?i:cumpli[óo]|cumple|cumplirá|cumplira)\s+(?P<d>9\d|1[0-4]\d)\b"),
)
# a house number: "Mr Lee from no. 14", "at number 22"
HOUSE_NUMBER = re.compile(r"\b(?i:from|at|to|in|of|next\s+door\s+at)\s+(?P<d>(?i:no\.?|number)\s*\d{1,4}[a-z]?)\b")
# a numbered road ("on Route 50", "the I-95", "off the A38") and a street corner ("at 3rd and Market")
ROAD = re.compile(r"\b(?i:route|rte|highway|hwy|interstate|state\s+route|county\s+road)\s+\d{1,4}\b|\bI-\d{1,3}\b"
                  r"|\b(?i:the|on|off|via|down|up|along)\s+(?P<d>[AM]\d{1,4})\b")
CORNER = re.compile(r"\b\d{1,3}(?i:st|nd|rd|th)\s+(?:(?i:and)|&)\s+[A-Z][a-z]+\b")
# a code of capitals and digits in turn, as a device shows it: "8KQ7DX" (not "HBA1C", "SPF50")
MIXED_CODE = re.compile(r"\b(?=[A-Z0-9]{5,12}\b)(?:[A-Z]+\d+|\d+[A-Z]+){2,}[A-Z0-9]*\b")
# a name set off by a comma before an age: "Nain, 97 and still bossing everyone", "Pop, 94, ..." (the word must be
# no word the lists know: "Sats, 95," is a reading)
NAMED_AGE = re.compile(r"\b(?P<w>[A-Z][a-z][\w'’]*),\s+(?P<d>9\d|1[0-4]\d)(?=\s*(?:,|\)|(?:and|now|this|next|years?|"
                       r"yrs?|yo|still|today)\b))")
# an age in words standing on its own ("She's ninety-four", "Pop, ninety-one,"): not a measurement
READING_BEFORE_WORDS = re.compile(r"\b(?i:over|sugars?|glucose|pressure|bp|readings?|pulse|hr|levels?|weight|"
                                  r"weighs?|spo2|sats?|oxygen)\b(?:\s+[\w'’]+){0,3}\s+$")
WORD_AGE = re.compile(rf"\b(?<!hundred\s)(?<!hundred\sand\s)(?<!hundred-and-)(?P<d>{P._AGE_WORD})\b"
                      r"(?![\s\-]*(?:minutes?|mins?|seconds?|secs?|percent|per\s*cent|%|"
                      r"pounds?|lbs?|kg|kilos?|mg|ml|steps|days?|hours?|weeks?|times|degrees|bpm|beats|over|/|"
                      # (session twenty-five: a number past any age, "one hundred and fifty" of a dose, "one hundred
                      # and ninety" of a sugar reading)
                      r"(?:and[\s\-]+)?(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                      r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)))",
                      re.IGNORECASE)
# a UK National Insurance number ("QQ 60 27 19 B") and upper-case codes in hyphenated groups ("4EK7-VN2-QP61")
NI_NUMBER = re.compile(r"\b[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]\b")
# a number named a few words before it: "Hospital number on his card is CHR 0193 8847"
NAMED_NUMBER = re.compile(r"\b(?i:number|no\.|num|id|code|ref|reference)\b[^.\n]{0,30}?\b(?i:is|was)\b:?\s*"
                          r"(?P<d>(?:[A-Z]{1,4}[\s\-]?)?\d{2,}(?:[\s\-]\d{2,}){0,4})(?!\w)")
# a handle or user name with an underscore: "jcruz_ftw", "khalilA_1988"
HANDLE = re.compile(r"(?<![\w@.])[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+(?![\w@])")
GROUPED_CODE = re.compile(r"\b(?=(?:[A-Z-]*\d){3})(?=(?:[0-9-]*[A-Z]){2})[A-Z0-9]{2,}(?:-[A-Z0-9]{2,}){1,4}\b")
# "half eleven", "quarter past two": a time in words
WORD_TIME = re.compile(r"\b(?i:half|quarter\s+past|quarter\s+to|half\s+past)\s+(?i:one|two|three|four|five|six|seven|"
                       r"eight|nine|ten|eleven|twelve|\d{1,2})\b")
CARD_NUMBER = re.compile(r"(?<![\d\-])\d{4}(?:[\s\-]\d{4}){2,4}(?![\d\-])")
PHONE_LOCAL = re.compile(r"(?<![\w/.\-])\d{3}[\s.\-]\d{4}(?![\w/]|[.\-]\d)")
FILE_NAME = re.compile(r"(?<![\w.])[\w\-]+\.(?i:jpe?g|png|heic|heif|gif|bmp|tiff?|webp|mov|mp4|dng|raw|pdf)\b"
                       r"|\b(?:IMG|DSC|DSCN|DCIM|PXL|VID|MVIMG|PHOTO|Screenshot|WhatsApp Image)[_\- ][\w\-]+",
                       re.IGNORECASE)
PLATE = re.compile(r"\b(?i:[a-z]{2}\d{2}\s?[a-z]{3})\b|\b[A-HJ-NPR-Z0-9]{17}\b")
# a plate named a few words before it: "their plate was ..., ours is BNT 3390"
CUED_PLATE = re.compile(r"\b(?i:plate|plates|reg|rego|registration|tag|tags|number\s+plate|ours|mine|theirs)\b"
                        r"[^.\n]{0,40}?\b(?P<d>[A-Z]{1,4}[\s\-]?\d{2,4}(?:[\s\-]?[A-Z]{1,3})?|\d[A-Z]{3}\d{3})\b")


def form_candidates(text: str, add: Add) -> None:
    """Dates, times, ages, local phone numbers, file names and plates in their everyday forms."""
    if any(ch.isdigit() for ch in text):
        for rx in DATE_FORMS:
            for m in rx.finditer(text):
                g = "d" if "d" in rx.groupindex else 0
                if _READING_BEFORE.search(text[:m.start(g)]):
                    continue
                add(("date", m.start(g), m.end(g)))
        for rx in AGE_FORMS:
            for m in rx.finditer(text):
                add(("age", m.start("d"), m.end("d")))
        _named_ages(text, add)
        for m in ROAD.finditer(text):
            g = "d" if m.group("d") else 0
            add(("address", m.start(g), m.end(g)))
        for m in CORNER.finditer(text):
            add(("address", m.start(), m.end()))
        _mixed_codes(text, add)
        for m in HOUSE_NUMBER.finditer(text):
            add(("address", m.start("d"), m.end("d")))
        for m in PHONE_LOCAL.finditer(text):
            add(("phone", m.start(), m.end()))
        for rx in (NI_NUMBER, GROUPED_CODE, CARD_NUMBER):
            for m in rx.finditer(text):
                add(("id", m.start(), m.end()))
        for m in CUED_PLATE.finditer(text):
            add(("id", m.start("d"), m.end("d")))
        for m in NAMED_NUMBER.finditer(text):
            if sum(c.isdigit() for c in m.group("d")) >= 4:
                add(("id", m.start("d"), m.end("d")))
        for m in PLATE.finditer(text):
            v = m.group()
            if sum(c.isdigit() for c in v) >= 2 and sum(c.isalpha() for c in v) >= 2:
                add(("id", m.start(), m.end()))
    else:
        for m in DATE_FORMS[-1].finditer(text):
            add(("date", m.start(), m.end()))
    known = P.lexicon().known_words
    for m in EMERGENCY.finditer(text):
        first = m.group(1).split()[0].casefold()
        if first not in known and first not in P.lexicon().not_name:
            add(("place", m.start(), m.end()))
    lower = text.casefold()
    for m in re.finditer(r"(?<![\d./\-])(?P<c>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))\s?-\s?"
                         r"(?P<d>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\d/]|\.\d)", text):
        (a, b), (c, d) = ([int(x) for x in v.split("/")] for v in (m.group("c"), m.group("d")))
        if not (b == d and a <= b and c <= d):
            add(("date", m.start("c"), m.end("c")))
            add(("date", m.start("d"), m.end("d")))
    if "half" in lower or "quarter" in lower:
        for m in WORD_TIME.finditer(text):
            add(("date", m.start(), m.end()))
    if "ninet" in lower or "hundred" in lower:
        for m in WORD_AGE.finditer(text):
            if not READING_BEFORE_WORDS.search(text, max(0, m.start() - 48), m.start()):
                add(("age", m.start("d"), m.end("d")))
    if "." in text or "_" in text or " " in text:
        for m in FILE_NAME.finditer(text):
            add(("id", m.start(), m.end()))
    for m in HANDLE.finditer(text):
        add(("id", m.start(), m.end()))


# a hospital named before its emergency department: "Mercy ER", "St Luke's A&E"
EMERGENCY = re.compile(r"\b((?:[A-Z][\w'’]+\s+){1,3})(?:ER|A&E|ED|Urgent Care)\b")


def _named_ages(text: str, add: Add) -> None:
    lists, lex = word_lists(), P.lexicon()
    for m in NAMED_AGE.finditer(text):
        w = bare_word(m.group("w")).casefold()
        if w not in lex.known_words and not lists.is_plain_word(w):
            add(("age", m.start("d"), m.end("d")))


def _mixed_codes(text: str, add: Add) -> None:
    lists = word_lists()
    for m in MIXED_CODE.finditer(text):
        v = m.group()
        f = v.casefold()
        if sum(c.isdigit() for c in v) >= 2 and sum(c.isalpha() for c in v) >= 2 and f not in lists.medical \
                and f not in P.lexicon().known_words:
            add(("id", m.start(), m.end()))
