"""Issue 15, round fourteen: the months that are people's names ("May", "June", "April", "August") go where the
sentence makes them a person, and stay where they date something. All text here is made up."""
from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify


@pytest.mark.parametrize(("text", "secret"), [
    ("My aunt June came round with soup.", "June"),
    ("Nan May rang today about the tablets.", "May"),
    ("Mrs April said the rash looks better.", "April"),
    ("Carer June did my meds at lunch.", "June"),
    ("June said I look pale.", "June"),
    ("Told April about the rash.", "April"),
    ("June and I walked to the end of the road.", "June"),
    ("August's husband drove me to the clinic.", "August"),
    ("my neighbour May popped in after tea", "May"),
])
def test_a_month_that_is_a_person_goes(text: str, secret: str) -> None:
    out = deidentify(text).text
    assert secret not in out, out
    assert "[NAME]" in out


@pytest.mark.parametrize("text", [
    "Since June no proper sleep.",
    "Last May was the worst month.",
    "In early June it eased a bit.",
    "Every April the hay fever starts.",
    "June was hot and the swelling got worse.",
    "May be the new tablets. Will see.",
    "August came and went, still dizzy.",
    "The nurse said April or May for the scan.",
    "Told the GP in June about the rash.",
    "Been on it since May and I feel better.",  # the second reader's look-alikes
    "August brought the heat rash back.",
    "April helped, the pollen was lower.",
])
def test_a_month_that_dates_something_stays(text: str) -> None:
    assert deidentify(text).text == text


def test_a_month_with_a_day_after_a_contact_word_is_a_date() -> None:
    assert deidentify("Rang May 3rd about it.").text == "Rang [DATE] about it."


@pytest.mark.parametrize(("text", "secret"), [
    ("Nurse Ama came at nine. Then Ama left before lunch.", "Ama"),
    ("My sister Ngozi rang. Ngozi's kids are sick again.", "Ngozi"),
    ("Saw Dr Okafor today. okafor says rest and fluids.", "okafor"),  # a surname the lists know, in lower case
    ("My aunt Rose came round. Rose brought soup.", "Rose"),
    ("We moved to Cabramatta in spring. Cabramatta pharmacy had the cream.", "Cabramatta"),
])
def test_a_name_found_once_goes_wherever_it_is_said_again(text: str, secret: str) -> None:
    out = deidentify(text).text
    assert secret not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("My aunt Rose came round. She brought the rose cuttings.", "rose cuttings"),  # the ordinary word
    ("Nurse Ama came at nine. Left AMA in the end, too tired.", "AMA"),  # against medical advice
    ("Auntie Dawa rang. Took my dawa at eight.", "my dawa"),  # a word of another language in lower case
    ("Dr Black said rest. Black stools again.", "Black stools"),  # the capital is the sentence's (the review)
    ("Nurse Mai came at nine. Had a mai tai later.", "mai tai"),
])
def test_a_name_said_again_spares_the_ordinary_word(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


def test_a_date_around_a_private_term_goes_out_whole() -> None:
    """Someone called May: the private term "May" inside "14 May 2024" took the date's place and left its day and
    year behind."""
    out = deidentify("Booked the scan for 14 May 2024 at the hospital.", ["May Chen"]).text
    assert out == "Booked the scan for [DATE] at the hospital."


def test_the_rest_of_a_name_past_a_private_term_goes_around_a_place() -> None:
    """The rest of a name past a private term ("Văn Minh" past "Dr Trần") went out when a place cut into it."""
    out = deidentify("Saw Dr Trần Văn Minh Bankstown clinic today.", ["Dr Tran"]).text
    assert "Văn" not in out and "Minh" not in out, out


# ---- set O's first look (the entries losing the most keep items) ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Ryles tube changed today, 8 Fr, 45 cm mark at the nostril.",
    "Ryle's tube out after lunch.",
    "Feeds 120ml every 3 hours, Similac then 20ml water flush.",
    "Feeds Pediasure Peptide 1.0 at 60ml/hr overnight, Neocate in the day.",
    "Half unit increments on the pen, ratio 1:25 at breakfast, 1:20 rest of day.",
])
def test_set_o_first_look_clinical_text_stays(text: str) -> None:
    assert deidentify(text).text == text


def test_a_units_letter_is_no_initial() -> None:
    """ "24 mg/L. Kemi says": the "L" of the unit was read as an initial and taken out with the name after it."""
    out = deidentify("CRP 24 mg/L. Kemi says it is fine.").text
    assert out == "CRP 24 mg/L. [NAME] says it is fine."


def test_a_time_after_a_ratio_list_is_still_a_time() -> None:
    out = deidentify("ratio 1:10 breakfast, appt at 1:30 tomorrow").text
    assert out == "ratio 1:10 breakfast, appt at [DATE] tomorrow"
