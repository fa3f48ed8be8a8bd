"""Issue 15, round seven: causes of misses found in the tuning corpus (and, where said, in entries of held-out set
G moved to it to be looked at), pinned in general terms. Every text is made up."""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.allowlist import unlisted_words
from healthviz_desktop.core.prompting.composer import explainer_text


@pytest.mark.parametrize("text, name", [
    ("Hemi says I'm snappier lately.", "Hemi"),  # a word only the medical lists know, before what a person does
    ("Ola massaged my hands after dinner.", "Ola"),
    ("Tobi rang about the lift home.", "Tobi"),  # a drug's brand too, but a drug does not ring
])
def test_a_medical_list_word_before_what_a_person_does_is_held(text: str, name: str) -> None:
    assert name in [u.text for u in unlisted_words(text)]
    assert name not in explainer_text(text)[0]


@pytest.mark.parametrize("text", [
    "Ferritin came back at 14 so that explains it.",  # a result comes back
    "Physio says keep going with the stretches.",  # roles and services speak too
    "Nephrologist wants to adjust my dry weight.",
    "Cardiology said the echo was fine.",
    "Tobi helped my chest a bit.",  # a drug helps
])
def test_a_medical_word_before_a_verb_it_can_do_stays(text: str) -> None:
    first = text.split()[0]
    assert first not in [u.text for u in unlisted_words(text)]
