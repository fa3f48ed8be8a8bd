"""Reference copy of healthviz_desktop/core/prompting/deid_patterns.py for tests/support/deid_reference.py (the
plain detector the optimised one must equal): a change in what is found is made in both, as that module says."""


from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from healthviz_desktop.core.resources import load_toml

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
_ORD = r"(?:st|nd|rd|th)"
_DAY = rf"(?:[12]\d|3[01]|0?[1-9]){_ORD}?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"

_TLDS = ("com|org|net|edu|gov|io|co|uk|de|fr|nl|info|biz|me|health|app|ly|us|ca|au|nz|ie|in|eu|dev|ai|care|clinic|med|"
         "test|example|online|xyz|portal|tv|gg|fm|ee|be|link|site|social|blog|page|chat|art|"
         "br|pl|dk|fi|jp|cn|kr|sg|za|mx|gr|ru|ua|hu|cz|ro|gh|pk|lk|vn")
_WORD_TLDS = "it|my|at|no|es|pt|se|sa|ph|np|th|ar|tr|ch|ng|ke|cl|il|ae"  # only after a host of two labels or more
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]"
    rf"|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*\.(?:{_TLDS})\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
    rf"|\b[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)+\.(?:{_WORD_TLDS})\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
    # round twelve (set L's first look: "twitch.tv/someone"): a host of any top-level domain with a path after it
    # (the host read whole, possessively, its last label then checked behind: linear on long dotted text)
    # (of two or three letters: "night.nausea/vomiting" and "awful.pain/fatigue" are a missing space)
    r"|\b[a-z0-9][a-z0-9\-]*+(?:\.[a-z0-9\-]++)++(?:(?<=\.[a-z]{2})|(?<=\.[a-z]{3}))/[a-z0-9_~@\-][^\s<>\"']*[^\s<>\"'.,;:!?)\]]",
    re.IGNORECASE)
IPV4 = re.compile(r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w.]*\d)")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])", re.IGNORECASE)
MAC = re.compile(r"\b(?:[0-9a-f]{2}[:\-]){5}[0-9a-f]{2}\b", re.IGNORECASE)
SSN = re.compile(r"\b\d{3}[- ]\d{2}[- ]\d{4}\b")
PHONE = re.compile(r"(?<![\w/.\-])(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{1,5}\)[\s.\-]?)?\d{2,5}(?:[\s.\-]\d{2,6}){1,4}(?![\w/])"
                   r"|(?<![\w/.\-])\+\d{9,14}\b|(?<![\w/.\-])0\d{9,10}\b")
FAX_CUE = re.compile(r"\bfax\b[\s:.#-]*(?:no\.?|number)?[\s:.#-]*$", re.IGNORECASE)

_DATE_LIST = (
    # ISO and year-first: 2026-03-04, 2026/3/4, with an optional time
    re.compile(rf"\b{_YEAR}[\-/.](?:0?[1-9]|1[0-2])[\-/.](?:[12]\d|3[01]|0?[1-9])"
               r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?\b"),
    # 04/03/2026, 4.3.26, 3-4-2026 (day and month in either order)
    re.compile(r"(?<![\d/.\-])(?:[12]\d|3[01]|0?[1-9])[/.\-](?:[12]\d|3[01]|0?[1-9])[/.\-](?:\d{4}|\d{2})(?![\d/.\-]*\d)"),
    # 4 March 2026, 4th of March, March 4th, 2026, Mar 4, March 2026, March '26
    # (not a reading's decimals on the line before: "Jan 2 9.4\nJan 3" is no "4 Jan"; session twenty-six)
    re.compile(rf"\b(?<!\d[.,])(?:{_DAY}[^\S\n]+(?:of\s+)?)(?:{MONTHS})\b\.?(?:,?\s+(?:{_YEAR}|'\d\d))?",
               re.IGNORECASE),
    re.compile(rf"\b(?:{MONTHS})\.?\s+{_DAY}\b(?:,?\s+(?:{_YEAR}|'\d\d))?", re.IGNORECASE),
    re.compile(rf"\b(?:{MONTHS})\.?,?\s+(?:{_YEAR}|'\d\d)\b", re.IGNORECASE),
    # (a month on its own, "since March", "in early May", is no date: round three's writers, like the people they
    # wrote for, use it as they use "every March"; a month with a day or a year is found above)
    # "on 3/4", "since 12/11" (two parts need a cue: "7/10" alone is a score)
    re.compile(r"\b(?i:on|since|until|till|from|by|before|after|dated|born|to|for|til) "
               r"(?P<d>(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9]|[12]\d|3[01]))\b"
               r"(?!\s*(?:/|out of|of\b|\.\d|(?i:mg|tabs?|tablets?|doses?|days?|weeks?)\b))"),
    # "the 9th", "the 9th of", "the 9th at 3": not "the 1st check", "the 3rd time"
    re.compile(rf"\bthe\s+(?:[12]\d|3[01]|0?[1-9]){_ORD}\b(?!\s+(?!(?:of|at|in|on|and|when|for|to|till|until|or|so|"
               r"but|we|i|was|is|which|because)\b)[a-z])", re.IGNORECASE),
)

# the de-identifier runs numeric patterns only near digits and month-name ones only when a month is there
NUMERIC_DATES = tuple(_DATE_LIST[i] for i in (0, 1, 5, 6))
MONTH_DATES = tuple(_DATE_LIST[i] for i in (2, 3, 4))
# A birth year alone narrows who someone is (and can say they are over 89): "born 1931", "b. 1947"
BIRTH_YEAR = re.compile(r"\b(?:born|b\.)\s+(?:in\s+)?(?P<d>(?:18|19|20)\d\d)(?!\d)", re.IGNORECASE)
MONTH_WORDS = frozenset(MONTHS.split("|"))
DIGITS = re.compile(r"\d+")
JOIN = re.compile(r"[\s.\-/()+:]{1,3}")
TLD_GATE = re.compile(rf"\.(?:{_TLDS}|{_WORD_TLDS})\b"
                      r"|\.[a-z]{2,3}/[a-z0-9_~@\-]",
                      re.IGNORECASE)
HEX_COLON_GATE = re.compile(r":[0-9a-fA-F]{0,4}:")
UNIT_WORDS = frozenset(("apt", "apartment", "flat", "unit", "suite", "ste", "box", "p", "po", "blk", "cabin"))

_AGE_NUM = r"(?:9\d|1[0-4]\d)"
_AGE_WORD = r"(?:ninety|one hundred|a hundred)(?:[\s\-](?:and[\s\-])?(?:one|two|three|four|five|six|seven|eight|nine))?"
AGE_PATTERNS = (
    re.compile(rf"\b(?:{_AGE_NUM}|{_AGE_WORD})[\s\-]*(?:years?|yrs?)[\s\-]*(?:old|of age)\b", re.IGNORECASE),
    re.compile(rf"\b{_AGE_NUM}\s*(?:y/?o|yo|y\.o\.)(?!\w)", re.IGNORECASE),
    re.compile(rf"\b(?:aged?|age:|age is|turned|turns|turning)\s*(?:{_AGE_NUM}\b|{_AGE_WORD})", re.IGNORECASE),
    re.compile(rf"\b{_AGE_NUM}(?:st|nd|rd|th)\s+birthday\b", re.IGNORECASE),
    re.compile(r"\b(?:in\s+(?:his|her|their|my)\s+)(?:90s|nineties|100s|hundreds)\b", re.IGNORECASE),
    re.compile(rf"\b(?:{_AGE_WORD}|{_AGE_NUM})[\s\-]year[\s\-]old\b", re.IGNORECASE),
)

POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
STATE_ZIP = re.compile(r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")
PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d+\b", re.IGNORECASE)
# (session thirty-three: a Singapore flat's block, "Blk 412", and a ship's cabin, "cabin 8217")
UNIT = re.compile(r"\b(?:apt|apartment|flat|unit|suite|ste|blk|cabin)\.?\s*#?\s*\d+[A-Za-z]?\b", re.IGNORECASE)

# clinical shapes that look like identifiers and must survive
SEVERITY = re.compile(r"\b(?:10|\d)(?:\.\d)?\s*(?:/\s*10|out of (?:10|ten))\b", re.IGNORECASE)
DOSE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|kg|ml|mL|l|IU|iu|units?|tablets?|tabs?|capsules?|caps?|"
                  r"drops?|puffs?|sprays?|patch(?:es)?|%|mmHg|bpm|mg/dL|mmol/L|mIU/L|ng/mL|pg/mL|nmol/L|"
                  r"µmol/L|°[CF]|lbs?|hours?|hrs?|h|minutes?|mins?|days?|weeks?|steps|cups?|glasses)(?![\w])")
LAB = re.compile(r"\b(?<!(?-i:[A-Z0-9])-)(?:BP|HR|RR|TSH|T3|T4|FT4|FT3|HbA1c|A1c|LDL|HDL|CRP|ESR|INR|eGFR|ALT|AST|"
                 r"Hb|Hgb|WBC|RBC|"
                 r"SpO2|(?-i:sats?|Sats|SATS?)|O2|glucose|ferritin|B12|vitamin D|potassium|sodium|creatinine|"
                 r"cholesterol|"
                 r"temp(?:erature)?|pulse|weight|BMI|PSA|ANA|heart rate|blood pressure|sugar|level)"
                 # (never a clock time: "Sat 9am", "sat 2pm" is Saturday's; session twenty-five)
                 r"\s*(?:of|was|is|at|:|=|-)?\s*\d++(?:[.,]\d+)?(?:\s*/\s*\d+(?:[.,]\d+)?)?"
                 r"(?!-\d{4}|(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w))",
                 re.IGNORECASE)
# insulin and other ratios: "carb ratio 1:10", "correction 1:40", and the list it opens ("ratio 1:10 breakfast, 1:12
# lunch": round eleven; "ratio 1:25 at breakfast, 1:20 rest of day": round fourteen) (not a time), on its own line
# (a log's "4.5u NovoRapid" ends its line before the next line's "1:45 pre-match 8.2": session twenty-seven)
RATIO = re.compile(r"\b(?:ratio|ratios|correction|factor|icr|isf|i:c|novolog|novorapid|humalog|fiasp|apidra|lyumjev|"
                   r"admelog|lispro|aspart|glulisine|insulin|bolus)[^\S\n]*(?:of|is|=|:)?[^\S\n]*1\s*:\s*\d+"
                   r"(?:\s+(?!and\b)[a-z]{2,12}){0,3}"
                   r"(?:\s*(?:,|;|/|and)\s*1\s*:\s*\d+(?:\s+(?!and\b)[a-z]{2,12}){0,3})*", re.IGNORECASE)
# session seventeen: a test's or a scale's score out of its maximum ("Beighton was 7/9", "MoCA again - 12/30", "PHQ-9
# 14/27"): a score, not a date
TEST_SCORE = re.compile(r"\b(?:moca|mmse|phq(?:-?9)?|gad(?:-?7)?|epworth|ess|beighton|edss|hads|midas|hit-?6|isi|"
                        r"eat-?26|odi|ipss|das-?28|basdai|k10|dass(?:-?21)?|acq|apgar|gcs|glasgow)\b"
                        r"[^\d\n]{0,16}?\d{1,3}\s*/\s*\d{1,3}\b", re.IGNORECASE)
DIMENSION = re.compile(r"\b\d{2,5}x\d{2,5}\b")
# clinical shorthand for a duration: "3/7 hx sore throat" (three days), "cipro 500 bd x 7/7" (a seven-day course),
# "2/52 ago" (two weeks): sevenths of a week, fifty-seconds of a year, twelfths of a year, not a date
CLINICAL_DURATION = re.compile(r"\bx\s*\d{1,2}/(?:7|52|12)\b"
                               r"|\b\d{1,2}/(?:7|52|12)(?=\s*(?i:hx|h/o|history|ago|duration|sx)\b)")

ID_TOKEN = re.compile(r"(?<![\w\-])(?=[A-Za-z\-]*\d)[A-Za-z0-9]+(?:[\-/][A-Za-z0-9]+)*(?![\w])")
WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
# capitalised words in Latin, Greek and Cyrillic scripts (the filter in code checks isupper())
# (no look-behind: it would slow the scan several times; the code checks the character before)
CAP = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿΑ-ΩЀ-ЯѠ-ӿԱ-Ֆ][\w\u0300-\u036f'’\-]*")
ADDED_CAPITAL = re.compile(r"[ƀ-ɏѠ-ӿԱ-Ֆ]")  # session nineteen's capitals (see deid_patterns)
# group 1, after a non-word character (combining marks are inside a word)
CAP_AFTER = re.compile(r"[^\w\u0300-\u036f'’\-]([A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿΑ-ΩЀ-ЯѠ-ӿԱ-Ֆ][\w\u0300-\u036f'’\-]*)")
ORG_CUE_WORDS = frozenset((
    "work", "works", "worked", "working", "employed", "job", "shift", "shifts", "internship", "placement",
    "manager", "engineer", "nurse", "cashier", "driver", "clerk", "teacher", "lecturer", "student", "pupil",
    "volunteer", "study", "studies", "studied", "studying", "enrolled", "go", "goes", "went", "fired", "laid",
    "quit", "sick"))


@dataclass(frozen=True)
class Lexicon:
    titles: frozenset[str]
    relations: frozenset[str]
    name_cues: frozenset[str]
    place_cues: frozenset[str]
    place_prefixes: frozenset[str]
    street_suffixes: frozenset[str]
    org_suffixes: frozenset[str]
    school_words: frozenset[str]
    facility_words: frozenset[str]
    first_names: frozenset[str]
    ambiguous_first_names: frozenset[str]
    word_given_names: frozenset[str]
    known_words: frozenset[str]  # capitalised, but never a name on their own
    eponym: re.Pattern[str]
    eponym_alone: re.Pattern[str]  # "Ehlers-Danlos", "Bristol 6": clinical without a possessive or a condition word
    eponym_alone_firsts: frozenset[str]  # the first words eponym_alone can start with, casefolded
    condition_words: frozenset[str]  # what makes an eponym clinical on its own ("Bell's palsy")
    person_age: re.Pattern[str]  # an age after a person word ("Grandad is 93"), group d
    id_cue: re.Pattern[str]
    org_cue: re.Pattern[str]
    street: re.Pattern[str]
    not_name: frozenset[str]  # words that do not start or continue a name run on their own
    plain_words: frozenset[str]  # known words that cannot start a name on their own (fast path)
    id_cue_words: frozenset[str]  # first words of the cues: where to look for id_cue
    org_cue_words: frozenset[str]


def _words(raw: list[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in raw)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# (a number of days, weeks or hours is no house number: "Clarity 14 Day View", "the 2 Hour Walk"; round eleven)
_TIME_UNITS = "(?:Days?|Weeks?|Months?|Hours?|Minutes?|Years?|Nights?|DAYS?|WEEKS?|HOURS?)"
# a street's name never starts with a pronoun, a modal or a word of time and its word in lower case: "I walk to
# work", "Will walk tomorrow", "Then drive home" are someone walking; "May Road", "Still Lane" are streets (round
# thirteen and its review)
_NOT_A_STREET_START = ("(?:I|We|You|They|He|She|It|Will|Would|Can|Could|Should|Must|May|Might|Shall|Did|Do|Does|Then|"
                       "Cannot|Can['’]t|Cant|Won['’]t|Wont|Don['’]t|Dont|Didn['’]t|Didnt|Need|Needs|Want|Wants|Try|"
                       "Going|Gonna|And|But|So|Also|Just|Still|To|Or|Not|Never|Always|Usually|Often|Sometimes|Later|"
                       "Today|Tomorrow|Yesterday|Tonight|Had|Have|Has|Was|Were|Let['’]s|Lets)")
_NUMBERED_STREET_WORDS = ["view", "heights", "rise", "vale", "park", "green", "gate", "meadows", "lawns", "manor",
                          "downs", "estate"]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_toml("deid_lexicon.toml")
    cat = load_toml("catalogue.toml")
    known: set[str] = {w.casefold() for w in raw["not_names"] + raw["clinical_words"] + raw["common_words"]}
    for section in ("symptoms", "qualities", "areas", "medications", "medication_classes"):
        for key, item in cat[section].items():
            known.update(WORD.findall(key.replace("_", " ").casefold()))
            text = " ".join([item["label"], *item.get("aliases", [])])
            known.update(w.casefold() for w in WORD.findall(text))
    known.update(m for m in MONTHS.split("|"))
    ambiguous = _words(raw["ambiguous_first_names"]) | _words(raw["word_given_names"])
    eponym = re.compile(
        rf"\b(?:{_alt(raw['eponyms'])})(?:(?:['’]s|['’])(?:\s+(?:{_alt(raw['condition_words'])}))?"
        rf"|\s+(?:{_alt(raw['condition_words'])}))(?!\w)", re.IGNORECASE)
    # an eponym of two names ("Ehlers-Danlos", "Guillain-Barré") is one on its own; so is the stool scale ("Bristol 6")
    several = [e for e in raw["eponyms"] if "-" in e or " " in e]
    eponym_alone = re.compile(rf"\b(?:{_alt(several)})(?!\w)"
                              r"|\bbristol(?:\s+(?:type|scale|stool|chart))?\s+(?:type\s+)?[1-7](?![\d/]|[.,]\d)",
                              re.IGNORECASE)
    id_cue = re.compile(
        rf"\b(?:{_alt(raw['id_cues'])})\b\.?\s*(?:#|:|is|was|=|number|no\.?)?\s*(?:#|:)?\s*"
        r"(?P<value>[A-Za-z0-9](?:[A-Za-z0-9\-/._]*[A-Za-z0-9])?"
        r"(?:[ \-](?:[A-Za-z0-9]*\d[A-Za-z0-9]*|(?-i:[A-Z]{2,4})\b)){0,3})",
        re.IGNORECASE)
    org_cue = re.compile(
        # (session twenty-five: with when or how long between, "works nights at Coles", "I work late at Tesco
        # Extra"; and who is told of a sick day, "had to call in sick to Woolies")
        r"\b(?P<cue>work(?:s|ed|ing)?\s+(?:(?:nights|days|lates|late|earlies|evenings|weekends|shifts|nightshift|"
        r"part[\s\-]time|full[\s\-]time|there|still|now|casually)\s+)?(?:at|for)|employed\s+(?:at|by)|"
        r"(?<=\bin\s)sick\s+(?:to|at)|(?:job|shift|shifts|internship|placement)\s+at|"
        r"(?:manager|engineer|nurse|cashier|driver|clerk|teacher|lecturer|student|pupil|volunteer)\s+at|"
        r"stud(?:y|ies|ied|ying)\s+at|enrolled\s+at|(?:go|goes|went)\s+to\s+school\s+at|"
        r"(?:fired|laid off|quit)\s+(?:from|at))\s+(?:the\s+)?"
        r"(?P<org>[A-Z][\w'’&.\-]*(?:\s+(?:of|&|and|for|the)?\s*[A-Z][\w'’&.\-]*){0,5})")
    # with a house number any suffix will do; without one, only whole words ("Maple Road", not "Met Dr");
    # and with one, the words of an estate's or a terrace's name ("14 Church View", "3 Oak Park": round eleven)
    full = [w for w in raw["street_suffixes"] if len(w) > 3]
    numbered = raw["street_suffixes"] + _NUMBERED_STREET_WORDS
    street = re.compile(
        rf"(?:\b\d{{1,5}}[A-Za-z]?\s+(?:(?:[NSEW]|NE|NW|SE|SW)\.?\s+)?(?:(?!{_TIME_UNITS}\b)(?:[A-Z][\w'’\-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,3}}"
        rf"(?i:{_alt(numbered)})"
        # (not "Morning walk", "Long drive": a time or a kind of outing before a street's word)
        rf"|\b(?!(?i:morning|evening|afternoon|night|daily|early|late|long|short|slow|brisk|quick|dog|beach|nature|"
        rf"sunday|weekend|short)\s)(?!{_NOT_A_STREET_START}\s+(?:[A-Z][\w'’\-]*\s+){{0,2}}(?:{_alt(full)})\b)"
        rf"(?:[A-Z][\w'’\-]*\s+){{1,3}}(?i:{_alt(full)}))\b\.?"
        r"(?:,?\s+(?i:apt|apartment|flat|unit|suite)\.?\s*#?\s*\d+[A-Za-z]?)?")
    # "Grandad is 93", "my grandmother, 94,", "Nana Ellis is ninety-one": a person word, up to two
    # capitalised names, "is"/"was" or a comma, then a 90-149 number or its words; not a measurement after it
    person = sorted(set(raw["relations"]) | set(raw["titles"]) | {"he", "she"}, key=len, reverse=True)
    person_age = re.compile(
        rf"\b(?:{_alt(person)})(?:['’]s)?(?:\s+(?-i:[A-Z][\w'’\-]*)){{0,2}}(?:\s+(?:is|was)(?:\s+now)?|\s*,)\s+"
        rf"(?P<d>{_AGE_NUM}|{_AGE_WORD})(?!\w|[.,/]\d|\s*(?:%|/|°|(?:mg|mcg|kg|lbs?|bpm|mmhg|cm|mm|ml|mins?|minutes|"
        r"hours?|hrs?|days?|seconds?|secs?)\b))", re.IGNORECASE)
    return Lexicon(
        titles=_words(raw["titles"]), relations=_words(raw["relations"]), name_cues=_words(raw["name_cues"]),
        place_cues=_words(raw["place_cues"]), place_prefixes=_words(raw["place_prefixes"]),
        street_suffixes=_words(numbered), org_suffixes=_words(raw["org_suffixes"]),
        school_words=_words(raw["school_words"]), facility_words=_words(raw["facility_words"]),
        first_names=_words(raw["first_names"]) - ambiguous, ambiguous_first_names=ambiguous,
        word_given_names=_words(raw["word_given_names"]),
        known_words=frozenset(known), eponym=eponym, eponym_alone=eponym_alone,
        eponym_alone_firsts=frozenset(re.split(r"[\s\-]", e.casefold())[0] for e in several) | {"bristol"},
        condition_words=_words(raw["condition_words"]),
        person_age=person_age, id_cue=id_cue, org_cue=org_cue, street=street,
        id_cue_words=frozenset(w for w in WORD.findall(" ".join(c.split()[0] for c in raw["id_cues"]).casefold())
                               if len(w) > 1),
        org_cue_words=ORG_CUE_WORDS,
        not_name=frozenset(known) | _words(raw["titles"]) | _words(raw["relations"]) | _words(raw["name_cues"])
        | _words(raw["place_cues"]),
        plain_words=frozenset(known) - _words(raw["titles"]) - _words(raw["relations"]) - _words(raw["first_names"])
        - ambiguous - _words(raw["place_prefixes"]),
    )


_NOT_ALNUM = re.compile(r"[\W_]+")
_SEPARATED = re.compile(r"([\W_]+)")
_EDGE = " \t\n\r\f\v.,;:!?\"'’“”()[]{}<>*&-"  # what a term may start or end with that is not part of it
_TERM_GAP = r"[\s.'’\-]*"  # what may stand between a private term's words: "O'Neill", "O’Neill", "St. Agnes"


def term_key(text: str) -> str:
    """Letters and digits only, casefolded: what a text must contain for a private term to be in it."""
    return _NOT_ALNUM.sub("", text.casefold())


@lru_cache(maxsize=64)
def private_term_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for the person's private terms: whole words, any case; between the term's words any spaces,
    dots, apostrophes or hyphens, so "O'Neill" finds "O’Neill" and "St Agnes" finds "St. Agnes"; a
    possessive stays outside the match. Longest first so "Anna Marsh" wins over "Anna"."""
    alts = {_term_regex(t) for t in terms if term_key(t)}
    if not alts:
        return None
    alt = "|".join(sorted(alts, key=lambda a: (len(a), a), reverse=True))
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])", re.IGNORECASE)


def _term_regex(term: str) -> str:
    """A term's words, escaped, with a flexible gap between them; any other mark it has between two words
    ("Tarrow & Finch") must be there too, with any spacing around it."""
    pieces = _SEPARATED.split(term.strip(_EDGE))
    out = [re.escape(pieces[0])]
    for sep, word in zip(pieces[1::2], pieces[2::2], strict=True):
        marks = "".join(c for c in sep if not c.isspace() and c not in ".'’-")
        out.append(f"{_TERM_GAP}{re.escape(marks)}{_TERM_GAP}" if marks else _TERM_GAP)
        out.append(re.escape(word))
    return "".join(out)
