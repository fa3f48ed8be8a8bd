"""Issue 15, session thirty: what the de-identifier let through or took out that session twenty-nine's fresh clone
showed, each pinned in its general form with the look-alikes that must stay.

- A person's role written as a medical word ("sonographer", "phlebotomist", "hospitalist") before a capitalised word
  names that person, as a title does ("Sonographer Tamsin.", "the phlebotomist Okonkwo said"): the rule that keeps a
  product's own word after it ("Lemsip Max", "Tylenol PM") no longer reads a role as a product. A product whose name
  ends like a role ("Zolpimist") and a drug's class ("Agonist") are not roles.
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import re

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


@pytest.mark.parametrize(("text", "secret"), [
    ("Abitiamo in via Foria 118, Napoli, scala B.", "Napoli"),
    ("Dorm room 214, Θεσσαλονίκη. Emailed the professor.", "Θεσσαλονίκη"),
    ("Finger crushed at Unit 2, Bhosari MIDC, nail came off.", "Bhosari"),
    ("Replacement goes to 4471 Township Rd 118, Millersburg.", "Millersburg"),
])
def test_a_capital_after_an_address_number_and_a_comma_is_no_product(text: str, secret: str) -> None:
    # a bare number and a comma list a product only after a product or a dose's word ("Buscopan 10, Gastrolyte")
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Buscopan 10, Gastrolyte sachets and rest.", "Gastrolyte"),
    ("Montair LC 0-0-1, Levocet at night.", "Levocet"),
    ("Vitamin C 1000mg, Emzor paracetamol.", "Emzor"),
    ("tabs 2, Erceflora 1 vial.", "Erceflora"),
])
def test_a_product_listed_after_a_dose_and_a_comma_stays(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("Skidded on the wet road near Koramangala 5th Block at night.", "Koramangala"),
    ("Colonoscopy booked Middlemore 22/1. Bit scared.", "Middlemore"),
    ("Fell on the tram tracks on Deansgate 12/1, road rash.", "Deansgate"),
    ("Grommets put in at Kenepuru 8/5, anaesthetic went fine.", "Kenepuru"),
    ("Neurologist at Phyathai 2 wants an MRI.", "Phyathai"),
    ("Walked 30 min around Lac 2 after dinner.", "Lac"),
    ("hostel room Jwalamukhi 214, mess food is not helping", "Jwalamukhi"),
    ("He's lived in Bath 50 years and won't move.", "Bath"),
])
def test_a_number_after_a_place_is_no_dose(text: str, secret: str) -> None:
    # an ordinal or a day and month is no dose, and after "at", "in", "near" or "around" a number is the place's own
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Buspar 10 daily since March.", "Buspar"),
    ("took Symbicort 200/6 twice, chest tight.", "Symbicort"),
    ("Flutiform 50/5 two puffs at night.", "Flutiform"),
    ("Still at Clexane 40 until the bloods.", "Clexane"),
    ("Switched to Vexlo 10 last week.", "Vexlo"),
    ("back on Lyrica 75 at night", "Lyrica"),
])
def test_a_product_before_its_dose_stays(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("Burning down to the elbow. Agnieszka made me ring 111 last night.", "Agnieszka"),
    ("Mhairi made me promise to write these down.", "Mhairi"),
    ("Took nothing. Hajar makes me rest every afternoon.", "Hajar"),
])
def test_someone_who_makes_the_writer_do_something_is_a_person(text: str, secret: str) -> None:
    # "made me" after an unknown word opening a sentence is a product's effect only before how it felt
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Brufen made me drowsy all afternoon.", "Brufen"),
    ("Nytol made me groggy. Never again.", "Nytol"),
    ("Zopiclone makes me feel hungover.", "Zopiclone"),
])
def test_a_product_that_made_the_writer_feel_something_stays(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("Itchy 6/10, Eumovate cream. My brother will drive me at 7.", "7"),
    ("Ice 20 on 20 off, bleeding stopped by 4. Dad closed the shop early.", "4"),
    ("Varicose veins worse, I dey stand since 7. Legs swollen.", "7"),
    ("The counselling centre has walk-ins, went at 2, the therapist was kind.", "2"),
    ("Going to ring occupational health when they open at 9 and ask.", "9"),
])
def test_a_bare_hour_ending_its_clause_goes(text: str, secret: str) -> None:
    # a bare hour after "at", "by", "since" or "after" at the end of its clause
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Pain at 7. Took co-codamol.", "Pain at 7"),
    ("INR at 2. Warfarin unchanged.", "INR at 2"),
    ("Sugar stayed at 9 all day, then dropped.", "9"),
    ("The nurse said try the humidifier at 4.", "humidifier at 4"),
    ("Libre alarm at 3.2 during the swim set.", "3.2"),
    ("Alarms set at 4 and 13 for the race.", "4"),
    ("Uric acid was high last time at 8.9.", "8.9"),
    ("Took 2 at 5. Then slept.", "2"),
])
def test_a_reading_a_setting_or_a_decimal_after_at_stays(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("Bolt account suspended till I send the sick note.", "Bolt"),
    ("Neck stiff 5/10. Ola app blocked me for low acceptance.", "Ola"),
    ("o iFood bloqueou minha conta por causa do atestado.", "iFood"),
    ("nearly fainted during foodpanda delivery, headache.", "foodpanda"),
    ("Uber support wanted my licence number for the claim.", "Uber"),
])
def test_a_gig_platform_whose_account_acts_on_the_worker_is_their_employer(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_a_ride_taken_names_no_employer() -> None:
    # a rider's own trip: the platform is a brand here, not where the writer works
    assert lost("Ordered an Uber home, the Uber driver was kind.", ["Uber driver", "an Uber home"]) == []


def _explained(text: str) -> str:
    from healthviz_desktop.core.prompting.composer import explainer_text

    return explainer_text(text)[0]


@pytest.mark.parametrize(("text", "number"), [
    ("Dr Ferraro, cardiologo, studio in corso Re Umberto 54, Torino.", "54"),
    ("hostel room Jwalamukhi 214, mess food is not helping", "214"),
    ("Recommended the centre on chaussée de Waterloo 88, called them.", "88"),
])
def test_the_explainer_holds_back_a_number_right_after_a_place_taken_out(text: str, number: str) -> None:
    # the rest of an address: the de-identifier takes the street or the town, the number stays beside it
    assert re.search(rf"(?<!\w){number}(?!\w)", _explained(text)) is None


@pytest.mark.parametrize(("text", "kept"), [
    ("Gave Aisling 5 ml of Calpol at night.", "5 ml"),
    ("Gave Kemi 2 tabs of paracetamol.", "2 tabs"),
    ("Sugars all over the place. By 9pm 210. Card at the desk.", "210"),
    ("Pain 7/10 after Bristol 3 days ago.", "3 days"),
])
def test_the_explainer_keeps_a_number_with_its_unit_or_after_a_clock(text: str, kept: str) -> None:
    assert kept in _explained(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Malaria again, UNILAG exams next week and no sleep.", "UNILAG"),
    ("JKUAT special exam form needs a doctor's note.", "JKUAT"),
    ("idk about LUMS counselling, the wait is long.", "LUMS"),
])
def test_an_unknown_acronym_before_what_a_student_does_there_is_a_school(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("GCSE exams are killing him, migraines daily.", "GCSE"),
    ("ICU library was closed, read in the car.", "ICU"),
    ("ADHD exams support plan agreed with the school.", "ADHD"),
])
def test_an_exam_or_a_clinical_acronym_before_exams_stays(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("arthrotec 50 twice daily. tunde laughing at me say i don old.", "tunde"),
    ("missed lectures. ishita from class is lending me her notes.", "ishita"),
])
def test_an_unknown_lower_case_word_laughing_or_from_class_is_a_person(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("my coursemate dey help me with the lab report.", "dey help me"),
    ("advil help me sleep a bit", "advil help me"),
])
def test_help_me_after_a_word_of_pidgin_or_a_product_names_no_one(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []
