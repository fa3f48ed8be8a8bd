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


def test_a_flagged_part_of_an_edited_prompt_goes_whole_when_flags_overlap() -> None:
    """What an edited prompt sends once the person deletes every flagged character: an unlisted word inside a
    flagged address must not leave the address' number behind (session twenty-one: "Al" and "Al Quoz street 24")."""
    from healthviz_desktop.core.prompting.allowlist import restrict
    from tests.corpus.score_heldout import _union

    text = "Camp in Al Quoz street 24. Rest."
    flags = [(8, 10), (8, 25), (11, 15)]  # "Al", the address, "Quoz"
    assert restrict(text, _union(flags)) == "Camp in [X]. Rest."
    assert _union([(0, 2), (5, 7)]) == [(0, 2, "[X]"), (5, 7, "[X]")]
