"""Word alternations written as a trie, so the regular-expression engine reads a keyword list quickly.

Python's engine tries the alternatives of ``(?:room|rm|apt|...)`` one after another at every position of the text;
written as ``(?:r(?:oom|m)|a(?:pt|...)...)`` it reads one letter and tries only the words that start with it. On
the de-identifier's long keyword lists this halves the cost of a pattern (``LAB``: 28 -> 15 us a note) and matches
exactly the same text: words with different first letters can never both match at one position, and words that
can (one is the other's prefix: "hb", "hba1c") are tried in the order the list gives them, which :func:`trie`
checks.
"""
from __future__ import annotations

import re
from collections.abc import Sequence


def trie(words: Sequence[str], *, ignore_case: bool = True, word_start: bool = False, space: str = " ") -> str:
    r"""A non-capturing group matching exactly what ``(?:w1|w2|...)`` matches, in the same order of preference.

    ``words`` are literal text (escaped here; a space is written as ``space``, e.g. ``r"\s+"``). ``ignore_case``
    must say whether the pattern is compiled case-insensitively. ``word_start=True`` matches what ``\b(?:w1|...)``
    matches, with the boundary checked after each word's first letter (``r(?<!\w.)oom``): a case-sensitive
    pattern that starts with such a trie lets the engine jump straight to its first letters. Raises ``ValueError``
    if the list puts a word before a longer word that starts with it in an order a trie cannot keep ("abc", "a",
    "ab": "a" before "ab" but "abc" before both) - reorder the list instead - or a word twice."""
    if not words or any(not w for w in words):
        raise ValueError("a trie needs non-empty words")
    # letter by letter, as the engine compares them (a letter folded alone: "ß" stays one letter)
    keys = [tuple(c.casefold() if ignore_case else c for c in w) for w in words]
    if len(set(keys)) != len(keys):
        raise ValueError(f"a word is listed twice: {words}")
    if word_start and not all(re.match(r"\w", w) for w in words):
        raise ValueError("word_start needs words that start with a letter or digit")
    order: list[int] = []
    body = _node(list(range(len(words))), 0, words, keys, order, space, word_start)
    _check_order(words, keys, order)
    return f"(?:{body})"


def _node(ids: list[int], depth: int, words: Sequence[str], keys: list[tuple[str, ...]], order: list[int],
          space: str, word_start: bool = False) -> str:
    """The alternation of the words ``ids`` from their ``depth``-th letter on; ``order`` gets them as tried."""
    groups: dict[str, list[int]] = {}
    for i in ids:  # first appearance decides a group's place; a word that ends here is a group of its own
        groups.setdefault(keys[i][depth] if len(keys[i]) > depth else "", []).append(i)
    parts = []
    for letter, members in groups.items():
        if not letter:
            order.extend(members)
            parts.append("")
            continue
        first = words[members[0]][depth]
        rest = _node(members, depth + 1, words, keys, order, space)
        head = space if first == " " else re.escape(first)
        if word_start:  # the character before the first letter is no word's: "\b" before it
            head += r"(?<!\w.)"
        parts.append(head + (rest if "|" not in rest else f"(?:{rest})"))
    return "|".join(parts)


def _check_order(words: Sequence[str], keys: list[tuple[str, ...]], order: list[int]) -> None:
    """Two words of which one starts the other may match at one position: the trie must try them as listed."""
    place = {i: n for n, i in enumerate(order)}
    for i, a in enumerate(keys):
        for j, b in enumerate(keys):
            if i < j and (b[:len(a)] == a or a[:len(b)] == b) and place[i] > place[j]:
                raise ValueError(f"{words[i]!r} and {words[j]!r}: a trie cannot keep this order (list the longer "
                                 "or the shorter first, the same way for every word they share)")
