"""The reference de-identifier's runs of capitalised words and the organisations they name: the plain copy of
healthviz_desktop/core/prompting/deid_cap_groups.py and deid_org_groups.py that deid_reference_names.py reads names
from (split out of it in session twenty-nine, as the product's modules were)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from healthviz_desktop.core.prompting.vocabulary import key, word_lists
from tests.support import deid_reference_patterns as P

Add = Callable[[tuple[str, int, int]], None]
Word = tuple[str, int, int]
_JOINERS = {"of", "&", "de", "van", "von", "da", "del", "der", "du", "le", "la", "bin", "al", "di"}
_PUNCT = ".,;:!?\"'“”‘’()[]{}<>*•–—-"


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


def org_groups(groups: list[_Group], add: Add) -> None:
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
        if kind and not set(words[:-1]) <= lex.known_words | lex.org_suffixes | lex.school_words:
            add((kind, group.start, group.end))


def _org_kind(words: set[str], default: str) -> str:
    lex = P.lexicon()
    if words & lex.school_words:
        return "school"
    if words & lex.facility_words:
        return "place"
    if words & lex.org_suffixes:
        return "employer"
    return default


@dataclass(frozen=True)
class _Group:
    words: tuple[Word, ...]  # the capitalised words of the run, with their offsets
    start: int
    end: int
    prev: str  # the word before, casefolded ("" at the start)
    prev2: str
    sentence_start: bool
    joined_of: bool


def cap_groups(text: str) -> list[_Group]:
    """Runs of capitalised words ("Jonah Whitfield", "Bank of Avalon"), with the two words before them."""
    lex = P.lexicon()
    titles = lex.titles
    head = P.CAP.match(text)
    caps = [(head.group(), 0, head.end())] if head and _is_cap(head.group()) else []
    caps += [(m.group(1), m.start(1), m.end(1)) for m in P.CAP_AFTER.finditer(text) if _is_cap(m.group(1))
             and not (len(m.group(1)) == 1 and text[m.start(1) - 1] == "/")]  # "mg/L." (a unit, no initial)
    groups: list[_Group] = []
    i = 0
    while i < len(caps):
        j, joined_of = i + 1, False
        while j < len(caps):
            gap = text[caps[j - 1][2]:caps[j][1]]
            inner = gap.strip()
            if gap == " " or (gap == ". " and len(caps[j - 1][0]) == 1):
                j += 1
            elif inner.casefold() in _JOINERS and gap == f" {inner} " and j + 1 <= len(caps):
                joined_of = joined_of or inner.casefold() == "of"
                j += 1
            else:
                break
        if j == i + 1 and bare(caps[i][0]) in lex.plain_words:
            i = j  # fast path: a lone ordinary capitalised word ("The", "Beat") is never a name
            continue
        start = caps[i][1]
        before = text[max(0, start - 60):start]
        prevs = [w.strip(_PUNCT).casefold() for w in before.split()[-2:]]
        prev = prevs[-1] if prevs else ""
        prev2 = prevs[-2] if len(prevs) > 1 else ""
        stripped = before.rstrip()
        sentence_start = (not stripped or "\n" in before[len(stripped):] or stripped[-1] in ".!?:;•*–—\""
                          or stripped[-2:] == " -") \
            and (prev not in titles or (stripped[-1:] == "." and not joins_after_stop(prev, caps[i][0])))
        groups.append(_Group(tuple(caps[i:j]), start, caps[j - 1][2], prev, prev2, sentence_start, joined_of))
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


# the titles written short, which a full stop may follow inside a name ("Dr. Bell", "Prof. Ng")
TITLE_ABBREVIATIONS = frozenset(("dr", "fr", "mr", "mrs", "ms", "mx", "prof", "rev"))
# since round seventeen the short titles of the languages people mix in ("MUDr. Novák", "Dra. Paredes", "Mme. Roux",
# "Dott. Rossi"), and what a German doctor's title goes on with ("Dr. med. Katrin Vogel", "Dr. med. dent."): a full
# stop after them ends no sentence only before a word that can be a name ("Sra. Breakfast was late", "Dr. med.
# Review in 6 weeks" are sentences; "mgr", an English manager too, is none of them)
FOREIGN_TITLE_ABBREVIATIONS = frozenset(("mudr", "mddr", "mvdr", "phdr", "judr", "rndr", "dra", "sra", "srta", "mme",
                                         "mevr", "dhr", "dott"))
TITLE_TAILS = frozenset(("med", "dent", "vet", "univ"))


def joins_after_stop(title: str, word: str) -> bool:
    """Whether a title's full stop leaves ``word`` inside the name: after "Dr.", "Mrs." always; after a short title
    of another language or a doctor's title's tail, only a word that is no ordinary, known or drug word."""
    if title in TITLE_ABBREVIATIONS:
        return True
    if title not in FOREIGN_TITLE_ABBREVIATIONS and title not in TITLE_TAILS:
        return False
    w = key(word[:-2] if word.endswith(("'s", "’s")) else word)
    return not word_lists().is_plain_word(w) and w not in P.lexicon().known_words and w not in word_lists().drugs
