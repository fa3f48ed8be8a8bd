"""Issue 15, session thirty: what the de-identifier let through or took out that session twenty-nine's fresh clone
showed, each pinned in its general form with the look-alikes that must stay.

- A person's role written as a medical word ("sonographer", "phlebotomist", "hospitalist") before a capitalised word
  names that person, as a title does ("Sonographer Tamsin.", "the phlebotomist Okonkwo said"): the rule that keeps a
  product's own word after it ("Lemsip Max", "Tylenol PM") no longer reads a role as a product. A product whose name
  ends like a role ("Zolpimist") and a drug's class ("Agonist") are not roles.
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import pytest

from tests.support.deid_checks import lost, through


@pytest.mark.parametrize(("text", "secret"), [
    ("Sonographer Tamsin.", "Tamsin"),
    ("Sonographer Okonkwo.", "Okonkwo"),
    ("Sonographer Tamsin was kind about the gel.", "Tamsin"),
    ("Phlebotomist Okonkwo said my veins roll.", "Okonkwo"),
    ("Saw the phlebotomist Okonkwo today, two tries.", "Okonkwo"),
    ("Hospitalist Tamsin came by at 7.", "Tamsin"),
    ("The audiometrist Quillon did the hearing test.", "Quillon"),
    ("Neuropsychologist Dr Varnek next month.", "Varnek"),
])
def test_a_role_before_a_capital_names_a_person(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Lemsip Max at night.", "Max"),
    ("Tylenol PM helped a bit.", "PM"),
    ("Zolpimist Max? no such thing, took the spray.", "Max"),
    ("Started the dopamine agonist Quinvara last week.", "Quinvara"),
    ("Sonographer said the gallbladder looks fine.", "gallbladder"),
    ("Phlebotomist on Friday, fasting from 10pm.", "Friday"),
])
def test_a_product_word_and_a_role_before_ordinary_words_stay(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


def test_a_role_that_heads_a_line_names_no_one() -> None:
    # a role before a colon heads what it did: "Berg" is the balance test's name (held-out bodies, session thirty)
    assert lost("Physio: Berg balance 38/56, up from 31.", ["Berg balance 38/56"]) == []
