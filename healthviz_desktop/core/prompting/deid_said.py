"""Round thirteen of issue 15 (set N's first look): a phone number said in words, as people write down what they read
out on a call ("gave her my mobile again, oh seven seven double-oh nine double-oh five one two"). Plain code called
from deid_cued.py, so the fast de-identifier and the reference one share it as it is.

A run of digit words ("oh", "zero", "one" … "nine", "double five", "triple-oh") that stands for seven digits or more
is a number someone can be reached or found by; counting ("one two three four") is rarely that long, and a score or a
dose is never said digit by digit.

And the other way, numbers said that are no one's: a procedure's code after "CPT" ("CPT 58662"), a range of readings
after a reading's word ("CGM readings ran 180-250"), which the rule of five digits or more took for an ID.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

Add = Callable[[tuple[str, int, int]], None]

_DIGIT = r"(?:oh|o|zero|nought|nil|one|two|three|four|five|six|seven|eight|nine)"
_SAID_DIGIT = rf"(?:(?:double|triple)[\s\-]?{_DIGIT}|{_DIGIT})"
_SAID_NUMBER = re.compile(rf"(?<![\w\-])(?i:{_SAID_DIGIT}(?:[\s,\-]+{_SAID_DIGIT}){{4,}})(?![\w\-])")
_GATE = re.compile(r"(?i:\b(?:oh|zero|double|triple|nought)\b)")
_PHONE_WORDS = re.compile(r"(?i:\b(?:text|call|ring|phone|mobile|cell|whatsapp|number)\b)")
_PHONE_BEFORE = re.compile(r"\b(?i:text|call|ring|phone|mobile|cell|whatsapp|number)\b[^.!?\n\d]{0,24}\Z")


def _digits(run: str) -> int:
    """How many digits a run of digit words stands for ("double-oh" is two)."""
    count = 0
    for word in re.findall(r"[a-z]+", run.lower()):
        if word == "double":
            count += 1  # the digit after it counts the other
        elif word == "triple":
            count += 2
        else:
            count += 1
    return count


def said_candidates(text: str, add: Add) -> None:
    """A phone number said in words: seven digits or more, with an "oh", "zero", "double" or "triple" in it (the
    words a number read out has and counting does not); an ID said in words after the word for it; a case number's
    chain of digit groups; a phone's extension (session seventeen)."""
    if _TWO_DIGIT_WORDS.search(text) and _ID_CUE_GATE.search(text):  # (the first: rare, and cheap to look for)
        for m in _SAID_ID.finditer(text):
            start, end = m.span("run")
            while (lone := _LONE_LETTER_END.search(text, start, end)) and _WORD_NEXT.match(text, end):
                end = lone.start()  # "...nine one a day": the "a" is the next word's
            if _said_id(text[start:end]):
                add(("id", start, end))
    if _CHAIN_SIGN.search(text):  # (four digits then a dot or a dash: what every chain starts with; cheap to find)
        for m in _DIGIT_CHAIN.finditer(text):
            if len(m.group("first")) >= 5 or ("." in m.group() and "-" in m.group()):
                add(("id", m.start(), m.end()))
    for m in _EXTENSION.finditer(text) if any(k in text for k in _EXTENSION_SIGNS) else ():
        add(("phone", m.start("n"), m.end("n")))
    if _PHONE_WORDS.search(text) and _TWO_DIGIT_WORDS.search(text):
        _cued_phones(text, add)
    if not _GATE.search(text):
        return
    for m in _SAID_NUMBER.finditer(text):
        if _digits(m.group()) >= 7 and _GATE.search(m.group()):
            add(("phone", m.start(), m.end()))


def _cued_phones(text: str, add: Add) -> None:
    """Session twenty-five (set W, dictated): a phone number said in plain digit words after the word for calling
    ("text me on nine one seven four four two eight eight one nine"), no "oh" or "double" needed; never counting."""
    for m in _SAID_NUMBER.finditer(text):
        if _digits(m.group()) >= 7 and _PHONE_BEFORE.search(text, max(0, m.start() - 32), m.start()) \
                and _said_id(m.group()):
            add(("phone", m.start(), m.end()))


# session seventeen (set P's moved entries, dictated): an ID said in words right after the word for it, letters, digits
# and dashes as they are read out ("my job number is w c four four nine one", "my pps number is seven seven four one
# two three eight w a", "health card number is four five two one dash three three eight"): four digit words or more,
# no "oh" or "double" needed, since the cue says what follows is a number
_SAID_DIGIT_WORD = rf"{_DIGIT}|double|triple"
_SAID_ITEM = rf"(?:(?:double|triple)[\s\-]?{_DIGIT}|{_DIGIT}|[a-z]|dash|hyphen|slash|stroke)"
_ID_WORDS = (r"(?:(?:job|claim|case|reference|ref|account|member|membership|policy|card|health\s+card|nhs|pps|"
             r"medicare|patient|booking|customer|client|file|ticket|id|tracking|order|claimant|plate|registration|"
             r"reg)\s+(?:number|no|num)|"
             # session twenty-five (set W, dictated): a code that opens something and a plate read out ("the locker
             # code is seven three nine one", "plate number C K R L two one five")
             r"(?:locker|door|gate|key\s*safe|keysafe|alarm|access|entry|pin)\s+code|pin|"
             r"reference|ref|social(?:\s+security(?:\s+number)?)?|ssn|pps|nino|sin|id)")
# (items joined by spaces or a hyphen, never across a comma or a spaced dash: "claim number is four four one nine two,
# two paracetamol" ends at "two,"; a cue with its colon, "NHS number: four eight five...", or "no.")
_SAID_ID = re.compile(rf"(?i:\b{_ID_WORDS}(?:\s*:\s*|\.\s+|\s+(?:is\s+|was\s+|are\s+|:\s*)?))"
                      rf"(?P<run>(?i:{_SAID_ITEM}(?:(?:\s+|-){_SAID_ITEM}){{3,}}))(?![\w\-])")
_LONE_LETTER_END = re.compile(r"\s+[a-zA-Z]$")
_WORD_NEXT = re.compile(r"\s+[a-zA-Z]")
_DIGIT_VALUE = {w: i for i, w in enumerate(str.split("zero one two three four five six seven eight nine"))}


def _said_id(run: str) -> bool:
    """Four digit words or more, and no counting: "one two three four", "four five six seven days" go up by one."""
    words = re.findall(r"[a-z]+", run.lower())
    said = sum(1 for w in words if re.fullmatch(_SAID_DIGIT_WORD, w))
    # (three with letters spelled among them, as a plate is read: "C K R L two one five")
    if said < 4 and not (said >= 3 and sum(len(w) == 1 for w in words) >= 2):
        return False
    values = [_DIGIT_VALUE[w] for w in words if w in _DIGIT_VALUE]
    return not (len(values) == len(words) and all(b == a + 1 for a, b in pairwise(values)))


# two digit words in a row, the first read by its last letters (a case-sensitive pattern with no word boundary to
# check at every position: a quarter of the cost): what an ID said in words holds here, and most entries do not
_TWO_DIGIT_WORDS = re.compile(r"(?:ne|wo|ree|our|ive|ix|ven|ght|ero|oh|ble|ple|il|NE|WO|REE|OUR|IVE|IX|VEN|GHT|ERO|OH|"
                              rf"BLE|PLE|IL)[ \-](?i:{_DIGIT}|double|triple)\b")
_EXTENSION_SIGNS = ("ext", "Ext", "EXT", "loc", "Loc", "LOC", " x", " X")
_ID_CUE_GATE = re.compile(r"(?i:\b(?:number|no|num|reference|ref|social|ssn|pps|nino|sin|id|code|pin)\b)")
# a case or process number's chain of digit groups ("0001287-44.2023.5.01.0042"): read whole, not as a date inside it
# (its first group of five digits or more, or both dots and dashes: never a firmware's "1012.3.4.5" or readings
# "4500.4700.4300.4800")
_CHAIN_SIGN = re.compile(r"\d\d\d\d[.\-]\d")
_DIGIT_CHAIN = re.compile(r"(?<![\w.\-])(?P<first>\d{4,})(?:[.\-]\d{1,4}){3,}(?![\w]|[.\-]\d)")
# a phone's extension said after it ("8832-9100 local 2271", "ext. 4410")
# (only after groups of three or four digits, as a phone's are: never readings, "BP 128 84 72 local 130")
_EXTENSION = re.compile(r"(?<![\d.])\d{3,4}(?:[\s.\-]\d{3,4}){1,3}\s+(?i:local|loc\.|ext\.?|extension|x)\s*"
                        r"(?P<n>\d{2,6})\b")


_CODE_BEFORE = re.compile(r"\b(?:CPT|HCPCS|(?i:cpt\s+code|procedure\s+code|billing\s+code))\s*[:#]?\s*\Z")
_RANGE = re.compile(r"\d{2,3}\s?[-–]\s?\d{2,3}")
_READINGS_BEFORE = re.compile(r"\b(?i:readings?|sugars?|glucose|bgs?|cgm|levels?|hr|heart\s+rate|pulse|bp|sats|"
                              r"numbers|values?)\b[^.!?\n\d]{0,16}\Z")


# session twenty-four (set V, pasted lab results): a reference range, low to high, in brackets right after the value
# it frames or after "normal" or "range" ("Ferritin 9 ug/L (15-200)", "Platelets 142 x10^9/L (150-400)", "normal
# range 150-400"; not after "ref", a reference number's cue: "appt ref 4471-9921")
_LAB_RANGE = re.compile(r"(?P<a>0|[1-9]\d{0,2})\s?[-–]\s?(?P<b>[1-9]\d{0,3})")
_RANGE_FRAME_BEFORE = re.compile(r"(?:\d[^()\n]{0,20}\(\s*|\b(?i:normal|range)[:.\s]*)\Z")


def not_an_id(text: str, start: int, token: str) -> bool:
    """A run of digits that names no one: a procedure's code after "CPT", a range of readings after a reading's
    word (round thirteen), a lab result's reference range (session twenty-four)."""
    before = text[max(0, start - 24):start]
    if token.isdigit() and len(token) == 5 and _CODE_BEFORE.search(before):
        return True
    lab = _LAB_RANGE.fullmatch(token)
    if lab is not None and int(lab.group("a")) < int(lab.group("b")) and _RANGE_FRAME_BEFORE.search(before):
        return True
    return _RANGE.fullmatch(token) is not None and _READINGS_BEFORE.search(before) is not None
