"""The de-identifier's speed gates (session sixteen): each is a cheap sign that a costly pattern could match, and
must be a necessary condition of it. A gate that missed one form of a match would let that identifier through
with nothing else changed, so each gate is held to every match its pattern finds, over examples written for each
form (in capitals, with the letters re.IGNORECASE folds from other characters) and over the project's corpus.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from healthviz_desktop.core.prompting import deid_context as C
from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deid_shields import could_hold_eponym, window_words
from healthviz_desktop.core.prompting.deid_signals import low
from healthviz_desktop.core.prompting.deidentify import deidentify

CORPUS = Path(__file__).parent / "corpus" / "deid_corpus.jsonl"

# at least one example for each pattern the gates guard, in the forms a person writes it
AGE_EXAMPLES = [
    "She is 93 years old", "94 yrs old now", "NINETY-ONE YEARS OF AGE", "he's 92 yo", "Grandad, 95 y/o,", "96 Y.O.",
    "aged 97", "Age: 98", "AGE IS 99", "she turned 100", "TURNS 101", "turning ninety-two", "his 100th birthday",
    "her 95TH BIRTHDAY", "in her nineties", "IN HIS 90s", "in their hundreds", "a 94-year-old",
    "A NINETY-FOUR YEAR OLD",
    "Grandad is 93", "my grandmother, 94, lives alone", "Nana Ellis is ninety-one", "MUM WAS NOW 97",
    "she's 93", "SHE'S 93", "ſhe's 93", "hes 95", "who's 96", "(94)", "(95 in a fortnight)", "(96 next month)",
    "Nain is 96", "[NAME] was 97", "is 90 now", "WAS 91 TODAY", "am 92 this year", "are 93 in may", "age 91", "AGES 92",
    "95 next birthday", "96 THIS SPRING", "I'm 92", "i’m 93", "im 94", "I AM 95", "i was 96", "I turned 97",
    "97 years", "98 yrs", "99 saal", "100 años", "101 Jahre", "102 anni", "103 lat", "95ans",
    "nana edna is 98", "NONNA ROSA WAS 99", "tía Carmen turned 100", "abuela is 101", "neighbour Mr Lee is 96",
    "cumplió 100", "CUMPLE 95",
]


def _texts() -> list[str]:
    corpus = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return AGE_EXAMPLES + corpus


def _gated(rx: re.Pattern[str], signs: tuple[str, ...], texts: list[str]) -> list[str]:
    """The texts where ``rx`` finds a match that a window of exactly that match's text would gate out."""
    missed = []
    for text in texts:
        for m in rx.finditer(text):
            if not any(sign in low(m.group()) for sign in signs):
                missed.append(m.group())
    return missed


# (zip strict: a pattern added without its signs fails the collection)
_PATTERNS = zip(P.AGE_PATTERNS, P.AGE_PATTERN_SIGNS, strict=True)
_FORMS = zip(C.AGE_FORMS, C._AGE_FORM_SIGNS, strict=True)
GATED = [*((f"AGE_PATTERNS[{k}]", rx, signs) for k, (rx, signs) in enumerate(_PATTERNS)),
         *((f"AGE_FORMS[{k}]", rx, signs) for k, (rx, signs) in enumerate(_FORMS))]


@pytest.mark.parametrize("name, rx, signs", GATED, ids=[g[0] for g in GATED])
def test_each_age_pattern_and_form_holds_one_of_its_signs(name: str, rx: re.Pattern[str],
                                                          signs: tuple[str, ...]) -> None:
    assert any(rx.search(t) for t in AGE_EXAMPLES), f"no example for {name}: the test would prove nothing"
    assert _gated(rx, signs, _texts()) == []


def test_the_person_age_gate_passes_every_person_age() -> None:
    rx = P.lexicon().person_age
    texts = _texts()
    matches = [m.group() for t in texts for m in rx.finditer(t)]
    assert len(matches) >= 3
    assert [g for g in matches if not P.PERSON_AGE_GATE.search(g)] == []


def test_the_eponym_gate_passes_every_eponym_in_its_window() -> None:
    lex = P.lexicon()
    examples = ["Bell's palsy", "BELL'S PALSY", "still's disease", "Down syndrome", "DOWN'S", "Crohn’s flare",
                "Raynaud phenomenon", "Ehlers-Danlos", "Guillain-Barré syndrome", "Achilles tendon"]
    matches = [m.group() for t in examples + _texts() for m in lex.eponym.finditer(t)]
    assert len(matches) >= len(examples)
    assert [g for g in matches if not could_hold_eponym(g, window_words(g), lex)] == []
    # and a window of ordinary words is read no further
    ordinary = "saw the nurse about my knee"
    assert not could_hold_eponym(ordinary, window_words(ordinary), lex)


@pytest.mark.parametrize("text, kept, gone", [
    ("Grandad is 93 and still sharp. BP 120/80, 100 mg aspirin.", ["120/80", "100 mg"], ["93"]),
    ("Nain, in her nineties, came for tea; 95 yrs old on Sunday.", ["tea"], ["95"]),
    ("Mr Lee's Bell's palsy is better; Dr Still's patient list is long.", ["Bell's palsy"], []),
])
def test_gated_rules_still_find_and_keep(text: str, kept: list[str], gone: list[str]) -> None:
    out = deidentify(text).text
    for piece in kept:
        assert piece in out
    for piece in gone:
        assert piece not in out

