"""Runs of capitalised words in free text ("Jonah Whitfield", "Bank of Avalon") with the words before them: what
deid_names.py reads as names, places and organisations, and deid_org_groups.py as employers and schools. Split out
of deid_names.py (session twenty-nine)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_run_context import joins_after_stop

Add = Callable[[tuple[str, int, int]], None]
Word = tuple[str, int, int]
PUNCT = ".,;:!?\"'“”‘’()[]{}<>*•–—-"
_JOINERS = {"of", "&", "de", "van", "von", "da", "del", "der", "du", "le", "la", "bin", "al", "di"}


@dataclass(frozen=True)
class CapGroup:
    words: tuple[Word, ...]  # the capitalised words of the run, with their offsets
    start: int
    end: int
    prev: str  # the word before, casefolded ("" at the start)
    prev2: str
    sentence_start: bool
    joined_of: bool


def cap_groups(text: str) -> list[CapGroup]:
    """Runs of capitalised words ("Jonah Whitfield", "Bank of Avalon"), with the two words before them."""
    lex = P.lexicon()
    titles, plain = lex.titles, lex.plain_words
    after_word = P.WORDISH.match
    caps: list[Word] = []
    append = caps.append
    for m in P.CAP.finditer(text):  # a capital that starts a word: at the start or after a non-word character
        s, e = m.span()
        if s and after_word(text, s - 1):
            continue
        w = m.group()
        if _is_cap(w) and not (len(w) == 1 and s and text[s - 1] == "/"):  # (a unit's "L" of "mg/L." is no initial)
            append((w, s, e))
    groups: list[CapGroup] = []
    i, total = 0, len(caps)
    while i < total:
        j, joined_of = i + 1, False
        while j < total:
            prev_word, _, prev_end = caps[j - 1]
            width = caps[j][1] - prev_end
            if width > 5:  # longer than " ", ". " or a joiner (at most three characters, even casefolded)
                break
            gap = text[prev_end:prev_end + width]
            if gap == " " or (gap == ". " and len(prev_word) == 1):
                j += 1
                continue
            inner = gap.strip()
            if inner.casefold() in _JOINERS and gap == f" {inner} ":
                joined_of = joined_of or inner.casefold() == "of"
                j += 1
            else:
                break
        if j == i + 1 and bare(caps[i][0]) in plain:
            i = j  # fast path: a lone ordinary capitalised word ("The", "Beat") is never a name
            continue
        start = caps[i][1]
        before = text[max(0, start - 60):start]
        prevs = [w.strip(PUNCT).casefold() for w in before.split()[-2:]]
        prev = prevs[-1] if prevs else ""
        prev2 = prevs[-2] if len(prevs) > 1 else ""
        stripped = before.rstrip()
        sentence_start = (not stripped or "\n" in before[len(stripped):] or stripped[-1] in ".!?:;•*–—\""
                          or stripped[-2:] == " -") \
            and (prev not in titles or (stripped[-1:] == "." and not joins_after_stop(prev, caps[i][0])))
        groups.append(CapGroup(tuple(caps[i:j]), start, caps[j - 1][2], prev, prev2, sentence_start, joined_of))
        i = j
    return groups


def _is_cap(word: str) -> bool:
    # "Jonah", "O'Neill", "Zoë"; not "MRI" or "I"
    return word[0].isupper() and (len(word) == 1 or not word.isupper()) and word != "I"


def bare(word: str) -> str:
    """Casefolded, without a possessive ("Jonah's" → "jonah")."""
    w = word.casefold()
    if w.endswith(("'s", "’s")):
        return w[:-2]
    return w[:-1] if w.endswith(("'", "’")) else w


def unpossessive(w: str) -> str:
    """``bare`` of a word that is already casefolded (the same steps after the casefold)."""
    if w.endswith(("'s", "’s")):
        return w[:-2]
    return w[:-1] if w.endswith(("'", "’")) else w
