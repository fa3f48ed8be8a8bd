"""word_trie.trie: a keyword list written as a trie matches exactly what the plain alternation matches.

The de-identifier's long keyword patterns are written with it for speed (issue 15); a trie that matched one
character less, tried a shorter word first or lost the word boundary would let an identifier through or change
what is kept, so it is checked against the plain alternation on generated words and texts, and on the
de-identifier's own lists."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthviz_desktop.core.prompting import deid_orgs, deid_patterns
from healthviz_desktop.core.prompting.word_trie import trie

# a few letters, so that generated words share prefixes and texts hold them often
_WORDS = st.lists(st.text(alphabet="abAB.é ", min_size=1, max_size=4).filter(lambda w: w.strip() == w and w),
                  min_size=1, max_size=8, unique_by=str.casefold)
_TEXTS = st.text(alphabet="abAB.é -1", max_size=40)


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


def _matches(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


def _ordered(words: list[str]) -> bool:
    try:
        trie(words)
        trie(words, ignore_case=False)
    except ValueError:
        return False
    return True


@settings(max_examples=400, deadline=None)
@given(_WORDS, _TEXTS, st.sampled_from(["", r"\b", "1"]))
def test_a_trie_matches_what_the_alternation_matches_in_the_same_order(words, text, tail):
    if not _ordered(words):
        return  # a list the trie refuses (checked below)
    # the tail makes the order of preference show: a word is kept only if what follows it matches
    assert _matches(trie(words) + tail, text, re.IGNORECASE) == _matches(_plain(words) + tail, text, re.IGNORECASE)
    assert _matches(trie(words, ignore_case=False) + tail, text) == _matches(_plain(words) + tail, text)


@settings(max_examples=300, deadline=None)
@given(_WORDS.filter(lambda ws: all(re.match(r"\w", w) for w in ws)), _TEXTS)
def test_word_start_is_a_word_boundary_before_the_first_letter(words, text):
    if not _ordered(words):
        return
    assert _matches(trie(words, ignore_case=False, word_start=True), text) == _matches(r"\b" + _plain(words), text)


def test_a_shorter_word_first_is_tried_first_and_the_other_way_round():
    assert re.match(trie(["hb", "hba1c"]) + r"\b", "hba1c").group() == "hba1c"  # backtracks to the longer word
    assert re.match(trie(["hb", "hba1c"]), "hba1c").group() == "hb"
    assert re.match(trie(["hba1c", "hb"]), "hba1c").group() == "hba1c"


def test_an_order_no_trie_can_keep_is_refused():
    with pytest.raises(ValueError, match="cannot keep this order"):
        trie(["abc", "a", "ab"])  # "a" before "ab", but "abc" (which shares their path) before both
    with pytest.raises(ValueError, match="listed twice"):
        trie(["Room", "room"])
    with pytest.raises(ValueError):
        trie(["#tag"], word_start=True)


def test_a_space_is_written_as_asked_and_the_boundary_is_kept():
    rx = re.compile(trie(["Centro de Salud", "Clínica"], ignore_case=False, word_start=True, space=r"\s+"))
    assert rx.search("el Centro  de Salud").group() == "Centro  de Salud"
    assert rx.search("PoliClínica 3") is None  # inside a word: no boundary before "C"


@pytest.mark.parametrize(("rx", "hits", "misses"), [
    (deid_patterns.LAB, ["HbA1c 7.2", "hb 130", "SATS 94", "Vitamin D: 50", "blood pressure 150/90"],
     ["sAts 94", "rehab 2", "heartrate 80"]),
    # (the room rule reads its word behind the number: the word ends the text it is given)
    (deid_orgs._ROOM_WORD, ["room ", "Zimmer ", "apto #", "кв. ", "habitación ", "Ward "], ["bathroom ", "room 5"]),
    (deid_orgs._FACILITY_OF, ["Hospital del Mar", "Clínica 10", "Centro de Salud de Gracia"], ["hospital del mar"]),
])
def test_the_keyword_patterns_written_as_tries_still_read_their_words(rx, hits, misses):
    for text in hits:
        assert rx.search(text), text
    for text in misses:
        assert not rx.search(text), text


def test_a_room_number_is_found_with_its_word_and_no_unit_after_it():
    from healthviz_desktop.core.prompting.deidentify import deidentify

    assert deidentify("in room 12 since Monday").text == "in room [ADDRESS] since Monday"
    assert deidentify("Zimmer 214, then home").text == "Zimmer [ADDRESS], then home"
    assert deidentify("took room 5 mg").text == "took room 5 mg"
    assert deidentify("bathroom 3 times").text == "bathroom 3 times"
