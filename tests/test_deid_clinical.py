"""Clinical text that looks like an identifier survives de-identification; placeholders are stable."""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify, find_identifiers

CLINICAL = [
    "Bell's palsy", "Crohn's", "Parkinson's", "Graves'", "Graves' disease", "Hashimoto's thyroiditis",
    "Ménière's disease", "Lyme disease", "Raynaud's", "Down syndrome", "Epstein-Barr virus", "Achilles tendon",
    "7/10", "10/10", "3 out of 10", "BP 128/82", "TSH 4.2", "HbA1c 6.1%", "SpO2 97%", "HR 88 bpm", "INR 2.4",
    "eGFR 85", "sumatriptan 50 mg", "Sumatriptan", "ibuprofen 400 mg", "Vitamin D 50000 IU", "B12",
    "magnesium 400 mg", "propranolol 40 mg", "Tylenol", "COVID-19", "6 hours", "45 minutes", "temperature 38.2",
    "Omega-3", "the left temple", "2 tablets",
]


@pytest.mark.parametrize("term", CLINICAL)
def test_clinical_look_alikes_survive(term: str) -> None:
    for text in (f"{term} today.", f"Noted {term} after lunch.", f"Since then, {term} again."):
        assert term in deidentify(text).text, (text, find_identifiers(text))


def test_private_term_does_not_eat_an_eponym() -> None:
    out = deidentify("Dr. Bell thinks it is Bell's palsy, not Bell palsy.", ["Bell"]).text
    assert out == "Dr. [PRIVATE] thinks it is Bell's palsy, not Bell palsy."


def test_placeholders_and_offsets() -> None:
    text = "Saw Dr. Okafor on 4 March 2026 at 12 Quarry Lane; call 555-010-2233."
    result = deidentify(text)
    assert result.text == "Saw Dr. [NAME] on [DATE] at [ADDRESS]; call [PHONE]."
    for span in result.spans:
        assert text[span.start:span.end] == span.text
    assert deidentify(result.text).text == result.text  # placeholders are left alone
    assert [s.category for s in result.spans] == ["name", "date", "address", "phone"]


def test_ages_up_to_89_and_bare_years_are_kept() -> None:
    assert deidentify("Dad is 67 years old; symptoms since 2019.").text == "Dad is 67 years old; symptoms since 2019."
    assert deidentify("Grandma is 91 years old.").text == "Grandma is [AGE]."


def test_empty_and_plain_text() -> None:
    assert deidentify("").text == ""
    plain = "the headache eased after a dark room and water"
    assert deidentify(plain).text == plain


@pytest.mark.parametrize(("text", "expected", "terms"), [
    # an eponym's possessive after a title or a given name is a person, not a condition
    ("Dr. Bell's nurse took bloods.", "Dr. [NAME]'s nurse took bloods.", []),
    ("Dr. Bell's nurse took bloods.", "Dr. [PRIVATE]'s nurse took bloods.", ["Bell"]),
    ("Met John Smith's wife.", "Met [NAME]'s wife.", []),
    ("Mrs Baker's cat was ill.", "Mrs [NAME]'s cat was ill.", []),
    ("Mr Parkinson's dog barked.", "Mr [PRIVATE]'s dog barked.", ["Parkinson"]),
    # a listed private term wins over a bare eponym, never over one with a condition word
    ("Barrett's office called about Barrett's oesophagus.", "[PRIVATE]'s office called about Barrett's oesophagus.",
     ["Barrett"]),
    # and the conditions themselves stay, after a relation too
    ("My mum's Crohn's is worse and Dad's Parkinson's too.",
     "My mum's Crohn's is worse and Dad's Parkinson's too.", []),
])
def test_possessive_names_that_are_also_eponyms(text: str, expected: str, terms: list[str]) -> None:
    assert deidentify(text, terms).text == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Grandad is 93 and still gardens.", "Grandad is [AGE] and still gardens."),
    ("My grandmother, 94, lives alone.", "My grandmother, [AGE], lives alone."),
    ("Nana is ninety-one this spring.", "Nana is [AGE] this spring."),
    ("Grandpa Jonah is ninety-four now.", "Grandpa [NAME] is [AGE] now."),
    # a person word before a measurement is not an age
    ("She is 95 kg; my nurse, 95 minutes late; HR is 95, sats 94%.",
     "She is 95 kg; my nurse, 95 minutes late; HR is 95, sats 94%."),
])
def test_ages_over_89_after_a_person_word(text: str, expected: str) -> None:
    assert deidentify(text).text == expected


@pytest.mark.parametrize(("term", "written"), [
    ("O'Neill", "O’Neill"), ("O’Neill", "O'Neill"), ("St Agnes", "St. Agnes"), ("St. Agnes", "St Agnes"),
    ("Mary-Jane", "Mary Jane"), ("Mary Jane", "mary-jane"), ("Anna  Marsh", "Anna\nMarsh"),
])
def test_private_terms_match_whatever_the_punctuation_between_their_words(term: str, written: str) -> None:
    assert deidentify(f"Saw {written} today.", [term]).text == "Saw [PRIVATE] today."


def test_private_terms_stay_whole_words() -> None:
    out = deidentify("Annabel brought an annex; Ann did not.", ["Ann"]).text
    assert out == "[NAME] brought an annex; [PRIVATE] did not."  # a name, but not the private term "Ann"


def test_a_birth_year_goes_but_other_years_stay() -> None:
    text = "Dad was born 1931; I was b. 1984. Migraines since 2019, worse in 2026."
    assert deidentify(text).text == "Dad was born [DATE]; I was b. [DATE]. Migraines since 2019, worse in 2026."
