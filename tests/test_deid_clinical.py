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
