"""Chains, shops, apps and the other everyday brands of data/vocabulary/brands.txt (issue 15, session twenty-seven):
no one's name where named in general ("bread from Tesco", "obsessed with Fortnite"), yet a place or an employer where
the words round them say which branch or whose work it is.

- A chain's name right before the street or the place it stands on or in: that branch ("the Tim Hortons on King St",
  "the Asda on Edward Street").
- A brand, of one word or several, right before a word of someone's work there, right after a word of work and
  "at" ("HR at Royal Mail", "trabajar en el Publix") or before what only an employer does to someone ("Gojek
  deactivated me"): their employer ("Royal Mail occupational health", "Marks & Spencer rota", "Tesco sick pay").
Plain code shared by the fast de-identifier and the reference one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from healthviz_desktop.core.prompting.vocabulary import COMMON_PROPER, fold, word_lists

Add = Callable[[tuple[str, int, int]], None]

_CHAIN_BEFORE = re.compile(r"(?P<b>(?<![\w'’\-])[A-Za-z][\w'’&\-]*(?:\s+[A-Z][\w'’&\-]*){0,2})\s+"
                           r"(?i:on|in|at|off|near)\s+(?:(?i:the)\s+)?\Z")
# the words of someone's work at a brand, right after its name
_AT_WORK = re.compile(r"(?P<b>(?<![\w'’\-])[A-Za-z][\w'’\-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w'’\-]*){0,2})\s+"
                      r"(?i:hr|payroll|occupational\s+health|occ\s+health|sick\s+pay|sick\s+policy|rota|uniform|"
                      r"canteen|staff\s+room|colleagues|team\s+leader|line\s+manager|store\s+manager|shift\s+manager|"
                      r"area\s+manager|duty\s+manager|depot|warehouse|shifts?)\b")
# ... or right after a word of work and "at", "for", "from" ("HR at Royal Mail", "my shift at Trader Joe's", "dos dias
# sin trabajar en el Publix"), or before what only an employer does to someone ("Gojek deactivated me")
_WORK_AT = re.compile(r"\b(?i:hr|payroll|occupational\s+health|occ\s+health|shifts?|job|jobs|work|works|worked|"
                      r"working|employed|manager|colleagues|off\s+sick|off\s+work|signed\s+off|trabajar|"
                      r"trabajando|trabajé|trabajo|trabalho|trabalhar|trabalhando)\s+(?i:at|for|from|en|na|no|em)\s+"
                      r"(?:(?i:the|el|la|o|a)\s+)?(?P<b>[A-Za-z][\w'’\-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w'’\-]*){0,2})")
_EMPLOYER_DEED = re.compile(r"(?P<b>(?<![\w'’\-])[A-Za-z][\w'’\-]*(?:\s+(?:&\s+|and\s+)?[A-Z][\w'’\-]*){0,2})\s+"
                            r"(?i:deactivated|suspended|sacked|fired|dismissed|hired|employs|docked|rostered|won['’]t\s+pay|"
                            r"doesn['’]t\s+pay|didn['’]t\s+pay)\b")
_WORK_AT_SIGNS = ("hr", "payroll", "health", "shift", "job", "work", "employed", "manager", "colleagues", "sick",
                  "signed", "trabaj", "trabalh")
_DEED_SIGNS = ("deactivated", "suspended", "sacked", "fired", "dismissed", "hired", "employs", "docked", "rostered",
               "pay")
_WORK_SIGNS = ("hr", "payroll", "health", "sick", "rota", "uniform", "canteen", "staff", "colleagues", "leader",
               "manager", "depot", "warehouse", "shift")


def branch_of_a_chain(text: str, found: list[tuple[str, int, int]], add: Add) -> None:
    """The chain before a street or a place found (``found``: what the other rules took), as its branch's name."""
    for cat, start, _end in list(found):
        if cat not in ("address", "place", "town", "name") or not text[start:start + 1].isupper():
            continue
        m = _CHAIN_BEFORE.search(text, max(0, start - 48), start)
        if m is not None:
            _add_brand(m.group("b"), m.start("b"), "place", add)


def brand_at_work(text: str, lower: str, add: Add) -> None:
    """A brand right before a word of someone's work there, as their employer."""
    if any(w in lower for w in _WORK_SIGNS):
        for m in _AT_WORK.finditer(text):
            _add_brand(m.group("b"), m.start("b"), "employer", add)
    if any(w in lower for w in _DEED_SIGNS):
        for m in _EMPLOYER_DEED.finditer(text):
            _add_brand(m.group("b"), m.start("b"), "employer", add)
    if any(w in lower for w in _WORK_AT_SIGNS):
        for m in _WORK_AT.finditer(text):
            _add_brand_opening(m.group("b"), m.start("b"), "employer", add)


def _add_brand(group: str, start: int, kind: str, add: Add) -> None:
    """The longest run of a brand's words ending ``group`` (which starts at ``start``), as ``kind``."""
    words = group.split()
    for k in range(len(words)):
        if _a_brand(words[k:]):
            first = start + len(" ".join(words[:k])) + (1 if k else 0)
            add((kind, first, start + len(group)))
            return


def _add_brand_opening(group: str, start: int, kind: str, add: Add) -> None:
    """The longest run of a brand's words opening ``group`` (which starts at ``start``), as ``kind``."""
    words = group.split()
    for k in range(len(words), 0, -1):
        if _a_brand(words[:k]):
            add((kind, start, start + len(" ".join(words[:k]))))
            return


def _a_brand(words: list[str]) -> bool:
    """Whether ``words`` are a brand's name, as listed or with a possessive ("Trader Joe's", "Tesco's")."""
    lists = word_lists()
    folded = [fold(w).replace("’", "'") for w in words]
    for names in (folded, [w.removesuffix("'s") for w in folded]):
        if " ".join(names) in _brand_phrases() or (len(names) == 1 and names[0] in lists.brands
                                                    and names[0] not in COMMON_PROPER):  # (not "NHS")
            return True
    return False


@lru_cache(maxsize=1)
def _brand_phrases() -> frozenset[str]:
    """The chains, products and titles of two words or more (data/vocabulary/brand_phrases.txt), as listed."""
    from healthviz_desktop.core.resources import read_text

    return frozenset(read_text("vocabulary/brand_phrases.txt").splitlines())
