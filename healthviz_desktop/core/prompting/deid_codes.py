"""Codes people are asked for or carry, in any text (issue 15, round six, from the tuning corpus): the last four
digits an office asks for ("my last-4 is 9021"), a code after the word for one ("Sensor code 5819", "PIN 0912"), a
card of capitals and groups of digits ("RAMQ: TREG 5208 1419"), a Discord tag ("raindrop#4410"), a handle after the
word for one ("my channel is lowbatteryliv", "IGN: xXdrakeXx") and a vehicle's plate within a few words after the
word for a vehicle ("her car NDB 4821", "patente KL·RT·47"). Each goes out as an ID. Plain code with speed gates
that never change what is found, shared as it is by the fast de-identifier and the reference one
(tests/support/deid_reference.py), as deid_cued.py is.
"""

from __future__ import annotations

import re

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_cued import READING_WORDS, Add
from healthviz_desktop.core.prompting.vocabulary import word_lists

# "my last-4 is 9021", "my last four (3377)", "last 4 of my SSN: 1234": the digits an office asks for
_LAST_FOUR = re.compile(
    r"\b(?i:last)[\s\-]*(?:4|four)\b(?:\s+(?i:digits?|numbers?))?(?:\s+(?i:of|on|from)\s+(?:(?i:my|the|his|her|our|their)"
    r"\s+)?(?i:ssn|ss#?|social(?:\s+security)?(?:\s+number)?|sin|card|account|acct|number|nhs\s+number|id))?"
    r"[\s:,(#\-]*(?:(?:(?i:it|that|they)\s+)?(?i:is|are|was|were|=)\s*)?[\s:(#]*(?P<d>\d{4})\b(?![.,/\-]\d)")
# "Sensor code 5819", "door code: 4471", "PIN 0912": a code of four digits or more after the word for one
_CODE_NUMBER = re.compile(r"\b(?i:code|codes|pin|passcode)\b[\s:#]*(?:(?i:is|was|=)\s*)?(?P<d>\d{4,})\b(?![.,/\-]\d)")
# "RAMQ: TREG 5208 1419", "CPC-DQC 0047 7192": a code of capitals, then groups of four digits or more (a card)
_CAPS_GROUPS = re.compile(r"\b[A-Z]{2,6}(?:-[A-Z]{2,6})?\s+\d{4,6}(?:\s\d{4,6})+\b(?![.,/\-]\d)")
# "raindrop#4410": a Discord tag, a name and four digits after a hash
_HASH_TAG = re.compile(r"(?<![\w#])[A-Za-z0-9_.]{2,32}#\d{4}\b")
# "my channel is lowbatteryliv", "IGN: xXdrakeXx", "discord username kopi_0": a handle after the word for one
_HANDLE = re.compile(
    r"\b(?i:channel|handle|username|user\s+name|usernames|gamertag|gamer\s+tag|ign|twitch|insta|instagram|tiktok|"
    r"snapchat|discord|reddit|steam|psn|xbox\s+live|telegram)\b(?:\s+(?i:name|id|tag|handle|username)){0,2}"
    r"(?P<link>\s+(?i:is|was)\s+|\s*[:=]\s*|\s+@|\s+)(?P<h>[A-Za-z0-9][A-Za-z0-9_.]{2,31})\b")
_HANDLE_SIGNS = ("channel", "handle", "user", "gamer", "ign", "twitch", "insta", "tiktok", "snapchat", "discord",
                 "reddit", "steam", "psn", "xbox", "telegram")
_GROUPS_OF_FOUR = re.compile(r"\d{4} \d{4}")

# "her car NDB 4821", "rental car 2PLK 918", "his car is the grey honda RTY 7741", "the car (CB 42 QX)", "patente
# KL·RT·47", "motorbike 60-B2 119.84": a plate's code (groups of capitals and digits, at least one of each) within a
# few words after a word for a vehicle or its plate, in the same sentence
_VEHICLE = re.compile(r"\b(?i:car|cars|van|truck|ute|suv|motorbike|motorcycle|moped|scooter|vehicle|rental|plate|"
                      r"plates|rego|patente|matr[ií]cula|kenteken|kennzeichen|nummernschild|plaque|targa|placa)\b"
                      r"(?P<gap>(?:[\s,:#(]+(?!\d)[\w'’]+){0,5}?)[\s,:#(]+"
                      r"(?P<p>[A-Z0-9가-힣]{1,5}(?:[ \-·.][A-Z0-9가-힣]{1,5}){0,3})(?![\w.·\-/][\w가-힣])"
                      r"(?!\s*(?i:iu|mg|mcg|ml|units?|kg|lbs?|km|miles?|mph|kph|mins?|minutes|hours?|hrs?)\b)")
_VEHICLE_SIGNS = ("car", "van", "truck", "ute", "suv", "moto", "moped", "scooter", "vehicle", "rental", "plate",
                  "rego", "patente", "matr", "kenteken", "kennzeichen", "nummernschild", "plaque", "targa", "placa")
# letters that make a number a reading, a time or a unit, not a plate ("at 5 PM", "car 2 KM away")
_NOT_PLATE_LETTERS = frozenset(str.split("am pm km mph kph kmh mi mg ml h hr hrs min mins x"))
_UNIT_LETTERS = frozenset(str.split("iu mg mcg ml kg lb lbs mmhg bpm mmol"))  # "D3 2000 IU": a dose, not a plate
_FOUR_DIGITS = re.compile(r"\d{4}")


def code_candidates(text: str, add: Add) -> None:
    """Every code of this module's rules in ``text``."""
    lists = word_lists()
    lower = text.lower()
    for m in _HANDLE.finditer(text) if any(w in lower for w in _HANDLE_SIGNS) else ():
        h = m.group("h")
        # a handle that is letters alone only after "is", ":" or "@" ("username niya" is Tagalog's "his")
        linked = m.group("link").strip() != "" or not h.isalpha()
        if linked and not (h.isalpha() and (lists.is_word(h.lower()) or h.lower() in P.lexicon().not_name)):
            add(("code", m.start("h"), m.end("h")))  # a handle: not "my insta is down"
    if _FOUR_DIGITS.search(text):  # an SSN's last four, a code, a Discord tag, a card of capitals and groups
        for rx, sign in ((_LAST_FOUR, "last"), (_CODE_NUMBER, "code"), (_CODE_NUMBER, "pin"), (_HASH_TAG, "#")):
            if sign in lower:
                for m in rx.finditer(text):
                    g = "d" if "d" in rx.groupindex else 0
                    add(("code", m.start(g), m.end(g)))
        if _GROUPS_OF_FOUR.search(text):
            for m in _CAPS_GROUPS.finditer(text):
                letters = m.group().split()[0].lower()
                if letters not in READING_WORDS and not lists.is_word(letters):  # not "HR 1200 1300"
                    add(("code", m.start(), m.end()))
    if any(w in lower for w in _VEHICLE_SIGNS):
        for m in _VEHICLE.finditer(text):
            if _plate(m.group("p")) and "." not in m.group("gap"):
                add(("code", m.start("p"), m.end("p")))


def _plate(code: str) -> bool:
    """A plate's shape: five characters or more, digits and letters both, the letters no unit or clock word."""
    letters = re.findall(r"[^\W\d_]+", code)
    known = word_lists()
    if any(re.search(r"\d", t) and re.search(r"[^\W\d_]", t) and (known.is_word(t.lower())
                                                                or t.lower() in known.medical)
           for t in re.split(r"[ \-·.]", code)):
        return False  # "B12 1000", "D3 2000": a vitamin and its dose
    if any(w.lower() in _UNIT_LETTERS or w.lower() in READING_WORDS for w in letters):
        return False  # "D3 2000 IU", "BP 120": a dose or a reading
    return len(re.sub(r"[ \-·.]", "", code)) >= 4 and any(c.isdigit() for c in code) and bool(letters) \
        and not all(w.lower() in _NOT_PLATE_LETTERS for w in letters)
