"""Text written with combining marks ("Zoë" as "Zoe" + U+0308: pasted from a Mac's file names, typed with some
Vietnamese input methods) read as its composed form (NFC), with every span taken back to the text as written
(issue 15, round nineteen: "Żołądek" decomposed became "Ż[NAME]̨dek", and "Kadıköy'de" went through).

The word lists, the capital-word patterns and the month names are all written composed, so the rules read the
composed text; the spans found there are mapped back, so the output keeps the person's own characters around them.
The allowlist reads typed text the same way (allowlist.unlisted_words), so an explainer of such text is whole words.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar


class _Spanlike(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Spanlike)


def composed(text: str) -> tuple[str, list[int]] | None:
    """``text`` in NFC with, for each of its characters and its end, the offset in ``text`` it stands at; None when
    ``text`` is already composed (the usual case: nothing to map)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return None
    out: list[str] = []
    where: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        # the first character stands where the cluster starts; marks that did not compose stand at the cluster's end
        where.extend(i if k == 0 else max(i + 1, j - (len(piece) - k)) for k in range(len(piece)))
        i = j
    where.append(n)
    return "".join(out), where


def composed_terms(terms: Sequence[str]) -> Sequence[str]:
    """Private terms composed as the text is read ("Søren" typed with a combining stroke is still "Søren")."""
    if all(t.isascii() or unicodedata.is_normalized("NFC", t) for t in terms):
        return terms
    return tuple(unicodedata.normalize("NFC", t) for t in terms)


def find_composed(text: str, find: Callable[[str, list[tuple[int, int]]], Sequence[S]],
                  rebuild: Callable[[S, int, int, str], S], skip: Iterable[tuple[int, int]] = ()) -> list[S]:
    """``find(text, skip)``, read on the composed text when ``text`` has combining marks (``skip``, spans of ``text``
    another layer took out, are moved there too); ``rebuild(span, start, end, written)`` gives a span its place and
    its text as written. The de-identifier and the allowlist both read text so."""
    mapped = composed(text)
    if mapped is None:
        return list(find(text, list(skip)))
    nfc, where = mapped
    inside = [(bisect.bisect_left(where, a), bisect.bisect_left(where, b)) for a, b in skip]
    spans = []
    for s in find(nfc, inside):
        start, end = where[s.start], where[s.end]
        spans.append(rebuild(s, start, end, text[start:end]))
    return spans
