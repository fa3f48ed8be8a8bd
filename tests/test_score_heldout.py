"""The held-out scorer's rule for a leak (tests/corpus/score_heldout.py): a secret surviving as a whole word, in any
case; a placeholder the firewall wrote is never the secret ("Holy Name" -> "[PLACE]", the secret "Name")."""

from __future__ import annotations

from tests.corpus.score_heldout import present


def test_a_secret_that_survives_is_present() -> None:
    assert present("Okafor", "saw dr okafor today")
    assert present("4471", "ext 4471 re bloods")


def test_a_secret_inside_a_longer_word_or_a_placeholder_is_not() -> None:
    assert not present("Ana", "a banana and Anastasia")
    assert not present("Name", "Neuro Dr. [NAME] at [PLACE] says")
    assert not present("Place", "went to [PLACE]")
    assert present("Name", "at Holy Name [PLACE]")  # the word itself still counts
