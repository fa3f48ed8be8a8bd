"""Issue 15, round eleven: what was found before set K was written, pinned with its look-alikes.

The list of everyday words of other languages (foreign_words.txt, built from word frequencies) held 2,331 given names
that English text rarely meets ("Patrycja", "Nilgün", "Orsolya", "Annemieke"): such a name opening a sentence with no
verb after it went out as a word of another language. The build now takes out every given name of a per-country
list of first names unless it is an everyday word of its language and a rare name. All text here is made up."""
from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify
from healthviz_desktop.core.prompting.vocabulary import foreign_words


@pytest.mark.parametrize("name", ["Patrycja", "Nilgün", "Orsolya", "Annemieke", "Claudiu", "Tuula", "Sevim",
                                  "Gönül", "Zdenka", "Huyen"])
def test_given_names_of_other_countries_are_names_not_foreign_words(name):
    assert deidentify(f"{name} again.").text == "[NAME] again."
    assert deidentify(f"Dinner out, {name} again.").text == "Dinner out, [NAME] again."


@pytest.mark.parametrize("text", [
    "Ennen kuin nukuin, headache 4/10.",  # Finnish "before": a rare name, an everyday word
    "Kerana panas, pening sikit.",  # Malay "because"
    "Nhieu đau quá, headache 7/10.",  # Vietnamese "much"
])
def test_everyday_words_that_are_rare_names_stay_words(text):
    assert deidentify(text).text == text


def test_the_list_of_foreign_words_holds_no_common_given_name():
    words = foreign_words()
    assert {"patrycja", "nilgun", "orsolya", "annemieke", "sevgi", "tugba", "sinem"}.isdisjoint(words)
    assert {"ennen", "kerana", "hausarzt", "schmerzen"} <= words


@pytest.mark.parametrize("text", [
    "Tendinitis Aquiles, running too much.",
    "Me duele el Tendón de Aquiles hoy.",
    "Tendão de Aquiles inflamado.",
])
def test_the_achilles_tendon_in_spanish_and_portuguese_stays(text):
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Aquiles vino a casa.", "[NAME] vino a casa."),
    ("Saw Aquiles today about my tendon.", "Saw [NAME] today about my tendon."),
])
def test_aquiles_alone_is_a_name(text, expected):
    assert deidentify(text).text == expected
