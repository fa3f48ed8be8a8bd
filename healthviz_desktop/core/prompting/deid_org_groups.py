"""Organisations named by their own words (deid_names.py's capitalised runs): an employer, a school or a facility by
the word that ends its name ("Harlow Logistics Ltd", "Westmarch University", "St Agnes Hospital") or by a cue before
it ("works at ...", "studies at ..."). Split out of deid_names.py (session seventeen).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from healthviz_desktop.core.prompting import deid_patterns as P

if TYPE_CHECKING:
    from healthviz_desktop.core.prompting.deid_cap_groups import Add, CapGroup


def org_cues(text: str, add: Add, lo: int, hi: int) -> None:
    lex = P.lexicon()
    for m in lex.org_cue.finditer(text, lo, hi):
        org = _to_sentence_end(m.group("org"))
        words = {w.casefold() for w in P.WORD.findall(org)}
        if words <= lex.known_words:
            continue
        cue = m.group("cue").casefold()
        kind = _org_kind(words, "school" if re.search(r"stud|school|pupil|enrolled", cue) else "employer")
        add((kind, m.start("org"), m.start("org") + len(org.rstrip(".,;:'’-"))))


# session twenty-five: a workplace's name ends where its sentence does ("in sick to Millhaven Bakery. Light hurt"
# lost "Light"), not at a saint's, a mount's or a fort's dot ("St. Luke's Hospital")
_SENTENCE_END = re.compile(r"(?<=\w)\.\s+")
_SHORT_FORMS = frozenset(str.split("st mt ft dr"))


def _to_sentence_end(org: str) -> str:
    for stop in _SENTENCE_END.finditer(org):
        if org[:stop.start()].split()[-1].casefold() not in _SHORT_FORMS:
            return org[:stop.start()]
    return org


def org_groups(groups: list[CapGroup], add: Add) -> None:
    """ "Harlow Logistics Ltd", "Westmarch University", "University of Eastvale", "St Agnes Hospital" """
    lex = P.lexicon()
    for group in groups:
        words = [w.casefold().rstrip(".") for w, _, _ in group.words]
        if len(words) < 2:
            continue
        last = words[-1]
        kind = ""
        if last in lex.org_suffixes:
            kind = "employer"
        elif last in lex.school_words or (words[0] in ("university", "college") and group.joined_of):
            kind = "school"
        elif last in lex.facility_words or " ".join(words[-2:]) in lex.facility_words:
            kind = "place"
        if kind and not _org_plain_words().issuperset(words[:-1]):
            add((kind, group.start, group.end))


@lru_cache(maxsize=1)
def _org_plain_words() -> frozenset[str]:
    """The words an organisation's name may be made of without naming one ("Central Hospital"): built once (a union
    of these sets for every capitalised group cost more than the whole rule)."""
    lex = P.lexicon()
    return lex.known_words | lex.org_suffixes | lex.school_words


def _org_kind(words: set[str], default: str) -> str:
    lex = P.lexicon()
    if words & lex.school_words:
        return "school"
    if words & lex.facility_words:
        return "place"
    if words & lex.org_suffixes:
        return "employer"
    return default
