"""Round twelve of issue 15 (set L's first look): places said the everyday way that the earlier rules left, each
written as the general form it is. Plain code called from deid_cued.py, so the fast de-identifier and the reference
one share it as it is.

- "Thursday Island", "Palm Island", "Isle of Skye": an island's name, whatever its first word is (a weekday, a tree).
- "the clinic in Observatory", "the marae at Waitara": a capitalised word after a place of care or gathering and
  "in"/"at"/"near", even when it is an ordinary word (a suburb called Observatory, a town called Hope).
- "at the LGI 14:00-22:30": an acronym no list knows where someone goes, with the time they are there.
- "3rd long day in a row on 7B": a ward's number and letter after the words of a shift.
- "the Callen-Lorde clinic": two capitalised names joined by a hyphen before a place of care.
- "ohio state", "Penn State": a state's university, in any case.
- "my tribal ID is 04-117392 (Rosebud)": the nation, reserve or band in brackets right after a person's number.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from healthviz_desktop.core.prompting.deid_patterns import MONTH_WORDS
from healthviz_desktop.core.prompting.vocabulary import fold, word_lists
from healthviz_desktop.core.prompting.word_trie import trie

Add = Callable[[tuple[str, int, int]], None]

_CAP = r"[A-Z][a-z][\w'’\-]*+"
_ISLAND = re.compile(rf"\b(?P<p>(?:{_CAP}\s+){{1,2}}(?:Island|Islands|Isle|Atoll)\b(?!\s*(?i:fever|of\s+reil))"
                     rf"|Isle\s+of\s+{_CAP})")
_GATHERING = [*str.split("clinic hospital surgery pharmacy chemist practice centre center hospice marae church mosque "
                         "temple shelter school office"),
              "health centre", "health center", "medical centre", "medical center"]
# (the place words as a trie that checks the word's start after its first letter: the engine jumps to those letters)
_FACILITY_IN = re.compile("(?i:" + trie(_GATHERING, ignore_case=True, word_start=True, space=r"\s+")
                          + rf")\s+(?i:in|at|near)\s+(?P<p>{_CAP}(?:\s+{_CAP})?)")
_ACRONYM_GATE = re.compile(r"[A-Z]{2}\s+\d")
_FACILITY_GATE = re.compile(r"(?i:in|at|near)\s+[A-Z][a-z]")
_ACRONYM_AT_TIME = re.compile(r"\b(?i:at|to|from|in)\s+(?:(?i:the)\s+)?(?P<a>[A-Z]{2,5})\s+"
                              r"(?=(?:[01]?\d|2[0-3])[:.][0-5]\d|(?:[01]\d|2[0-3])[0-5]\d\b)")
_SHIFT_BEFORE = re.compile(r"\b(?i:day|days|shift|shifts|night|nights|row|working|worked|work|floated|float|"
                           r"placement|rotation|lates|earlies|long\s+day|long\s+days)\b[^.!?\n]{0,20}$")
_WARD_ON = re.compile(r"\b(?i:on)\s+(?P<p>\d{1,2}[A-Z]\d?)\b(?![\w/.\-]|\s*(?i:mg|ml|units?)\b)")
_HYPHEN_FACILITY = re.compile(r"\b(?P<p>[A-Z][a-z]+-[A-Z][a-z]+)\s+(?i:clinic|centre|center|hospital|health|"
                              r"practice|surgery|house|hall)\b")
_STATE_UNI = re.compile(r"\b(?P<p>(?i:ohio|penn|michigan|florida|arizona|iowa|kansas|oklahoma|oregon|washington|"
                        r"colorado|mississippi|georgia|boise|kent|ball|portland|wayne|weber|utah|montana|texas|"
                        r"louisiana|appalachian|sacramento|cleveland|wichita|illinois|indiana|missouri|fresno|"
                        r"san\s+diego|san\s+jose|north\s+carolina|new\s+mexico|morgan|norfolk|tennessee|alabama)"
                        r"\s+(?i:state)(?:\s+(?i:uni|university|u))?)\b")
# (the number read from its first digit, each group whole: linear on any run of digits)
_BRACKET_AFTER_NUMBER = re.compile(r"(?<![\w\-/])(?P<n>\d++(?:[\-/ ]\d++)*+)\s*\("
                                   r"(?P<p>[A-Z][a-z][\w'’\-]*+(?:\s+[A-Z][a-z][\w'’\-]*+){0,2})\)")
_NOT_PLACES = frozenset(str.split("""the a an my our your his her their this that town person private public general
    main local new old same other next last first monday tuesday wednesday thursday friday saturday sunday"""))


def _plain(word: str) -> bool:
    """A word that names no place here: a month, a weekday, a clinical word or one of the small words."""
    f = fold(word)
    return f in _NOT_PLACES or f in MONTH_WORDS or f in word_lists().medical


def place_candidates(text: str, add: Add) -> None:
    """Every place of this module's rules in ``text`` (see the docstring)."""
    from healthviz_desktop.core.prompting.deid_words import _unknown_acronym

    if "Isl" in text:
        for m in _ISLAND.finditer(text):
            add(("place", m.start("p"), m.end("p")))
    for m in _FACILITY_IN.finditer(text) if _FACILITY_GATE.search(text) else ():
        if not _plain(m.group("p").split()[0]):
            add(("place", m.start("p"), m.end("p")))
    for m in _ACRONYM_AT_TIME.finditer(text) if _ACRONYM_GATE.search(text) else ():
        if _unknown_acronym(m.group("a")):
            add(("place", m.start("a"), m.end("a")))
    if " on " in text:
        for m in _WARD_ON.finditer(text):
            if _SHIFT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                add(("place", m.start("p"), m.end("p")))
    if "-" in text:
        for m in _HYPHEN_FACILITY.finditer(text):
            if not any(fold(part) in word_lists().medical for part in m.group("p").split("-")):
                add(("place", m.start("p"), m.end("p")))
    if "tate" in text:
        for m in _STATE_UNI.finditer(text):
            add(("school", m.start("p"), m.end("p")))
    if "(" in text:
        for m in _BRACKET_AFTER_NUMBER.finditer(text):
            if sum(c.isdigit() for c in m.group("n")) >= 5 and not _plain(m.group("p").split()[0]):
                add(("place", m.start("p"), m.end("p")))
