"""What keeps a candidate identifier in the text: a clinical shape round it (a score, a dose, a lab value) or an
eponym it is part of ("Bell's palsy", "Crohn's"). Moved out of deidentify.py (round nineteen), unchanged."""

from __future__ import annotations

import re
from functools import lru_cache

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_cap_groups import PUNCT
from healthviz_desktop.core.prompting.vocabulary import listed_eponyms

_LETTER_RUN = re.compile(r"[^\W\d_]+")  # the words eponym_alone could start with, for its speed gate
_RATIO_SIGN = re.compile(r"1\s*:\s*\d")  # what every ratio and clinical duration holds


def clinical_spans(text: str) -> list[tuple[int, int]]:
    """Where the text reads as a clinical shape (a score, a dose, a lab value...), found once per text for every
    candidate to be checked against (the same spans as in a window round each candidate: every shape is short).
    Every clinical shape holds a digit: a text without one has none."""
    if not P.DIGITS.search(text):
        return []
    shapes = [P.SEVERITY, P.DOSE, P.LAB, P.DIMENSION]
    if _RATIO_SIGN.search(text):  # what every ratio and clinical duration holds: the rest need not be read
        shapes.append(P.RATIO)
    if "/7" in text or "/52" in text or "/12" in text:
        shapes.append(P.CLINICAL_DURATION)
    return [m.span() for rx in shapes for m in rx.finditer(text)] + (P.scale_score_spans(text) if "/" in text else [])


def window_words(window: str) -> frozenset[str]:
    """The runs of letters of a window, lower-cased: what the eponym gates look for an eponym's first word in."""
    return frozenset(_LETTER_RUN.findall(window.lower()))


def could_hold_eponym(window: str, words: frozenset[str], lex: P.Lexicon) -> bool:
    """False only where ``lex.eponym`` cannot match: ASCII text none of whose ``words`` is an eponym's first
    (deid_patterns._first_letters says why that is enough)."""
    return not window.isascii() or not lex.eponym_firsts.isdisjoint(words)


def eponym_shields(text: str, start: int, end: int, lo: int, hi: int, cat: str, lex: P.Lexicon) -> bool:
    """Whether an eponym in text[lo:hi] overlapping text[start:end] keeps that candidate in (``shields``). Each
    pattern is read only where the window's words hold a first word of it (``could_hold_eponym``; for
    ``lex.eponym_alone``, anywhere)."""
    window = text[lo:hi]
    words = window_words(window)
    if could_hold_eponym(window, words, lex) and any(
            start < m.end() and m.start() < end and shields(text, m, cat) for m in lex.eponym.finditer(text, lo, hi)):
        return True
    # an eponym of the listed ones before one of its nouns: always one ("Kennedy's disease", "Mohs surgery")
    for first in words & listed_eponyms().keys():
        if any(start < m.end() and m.start() < end for m in _listed_eponym(first).finditer(text, lo, hi)):
            return True
    return not lex.eponym_alone_firsts.isdisjoint(words) and any(
        start < m.end() and m.start() < end and shields(text, m, cat)
        for m in lex.eponym_alone.finditer(text, lo, hi))


@lru_cache(maxsize=2048)  # (one pattern per first word of the list: bounded by it)
def _listed_eponym(first: str) -> re.Pattern[str]:
    """The listed eponyms whose name starts with the run of letters ``first``, each before one of its nouns, with or
    without a possessive; a space or a hyphen inside either as written or the other way ("Brandt Daroff")."""

    def loose(phrase: str) -> str:
        return r"[\s\-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", phrase))

    alternatives = "|".join(rf"{loose(name)}(?:['’]s|['’]|s)?[\s\-]+(?:{'|'.join(loose(n) for n in nouns)})"
                            for name, nouns in listed_eponyms()[first])
    return re.compile(rf"\b(?:{alternatives})(?!\w)", re.IGNORECASE)


def shields(text: str, eponym: re.Match[str], cat: str) -> bool:
    """Whether an eponym keeps a name, place or private term that overlaps it from being removed.

    With a condition word it always does ("Bell's palsy", even with the private term "Bell"). A bare
    possessive ("Crohn's") shields only a guessed name or place, and not after a title or a given name:
    "Dr. Bell's nurse" and "John Smith's wife" are people. A private term the person listed wins over it."""
    lex = P.lexicon()
    words = eponym.group().split()
    if len(words) > 1 and words[-1].casefold() in lex.condition_words:
        return True
    if cat == "private":
        return False
    before = text[max(0, eponym.start() - 40):eponym.start()].split()
    prev = before[-1].strip(PUNCT).casefold() if before else ""
    return prev not in lex.titles and prev not in lex.first_names and prev not in lex.ambiguous_first_names
