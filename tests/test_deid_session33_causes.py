"""Issue 15, session thirty-three: what the de-identifier changed in entries with no identifier, and what it let
through, each pinned in its general form with the look-alikes that must go on being read as before.

- A town whose name is an everyday word of another language went out as a place wherever it stood, in lower case
  too: "jugo de naranja" kept its juice, but "crema de hidrocortisona", "esguince grado 2", "una borsa calda",
  "nyeri 4/10" (Indonesian for pain; Nyeri is a Kenyan town) lost their clinical word. ``everyday_town_names.txt``
  (scripts/build_foreign_words.py) holds the towns of ``places.txt`` whose name is an everyday word of a language
  spoken in no country with a town of that name; in lower case such a word is a place only after "in", "from" or
  "near", as an uncommon English word is. Capitalised it is the town as before ("Went to Crema", "back in Nyeri").
- A host with a country domain of the languages people write from and no "www." went out whole
  ("fse.regione.lombardia.it", "saude.gov.br"): the top-level domains read were mostly English-speaking ones. Those
  that are English words too ("it", "my", "at", "no") are read only after a host of two labels or more: "did
  it.it hurt" is a missing space.
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify
from healthviz_desktop.core.prompting.vocabulary import gazetteer
from tests.support.deid_checks import through


@pytest.mark.parametrize(("text", "item"), [
    ("Me puse crema de hidrocortisona en los brazos.", "crema de hidrocortisona"),
    ("esguince de tobillo grado 2, hielo y reposo", "grado 2"),
    ("presa buscopan, poi una borsa calda sulla pancia", "borsa calda"),
    ("pergelangan kiri juga nyeri 4/10", "nyeri 4/10"),
])
def test_a_lower_case_town_that_is_an_everyday_word_of_another_language_is_that_word(text: str, item: str) -> None:
    assert item in deidentify(text).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Went to Crema for the weekend with the kids.", "Crema"),  # capitalised: the town
    ("back home in nyeri since monday, cough better", "nyeri"),  # after "in": the town
    ("my cousin drove up from grado yesterday", "grado"),
    ("Flew home to Nyeri, malaria test negative.", "Nyeri"),
])
def test_the_same_towns_where_they_read_as_towns_still_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_the_everyday_town_list_holds_towns_only() -> None:
    gaz = gazetteer()
    assert {"crema", "grado", "borsa", "nyeri"} <= gaz.everyday <= gaz.places
    # a word spoken where the town is counts for nothing: its frequency there is the town's own
    assert not {"poznan", "roma", "napoli", "milano", "madrid"} & gaz.everyday


@pytest.mark.parametrize(("text", "secret"), [
    ("downloaded the report from fse.regione.lombardia.it today", "lombardia"),
    ("booked through saude.gov.br, slot next week", "saude"),
    ("results on portal.moh.my after 3 days", "portal.moh.my"),
    ("see mi-salud.es for the form", "mi-salud"),
])
def test_a_host_with_a_country_domain_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize("text", [
    "I did it.it hurt all night though",
    "pain in the arm.my legs are fine",
    "knee is better.no swelling today",
])
def test_a_missing_space_before_an_english_word_is_no_host(text: str) -> None:
    assert deidentify(text).text == text
