"""Issue 15, session thirty-one: what the de-identifier let through with the person's own terms set, each pinned in
its general form with the look-alikes that must stay.

- The given name of a person the user entered ("Grace Okafor", "Theo Marsh") that is also an ordinary word was
  matched only where it read as a name by its place in the sentence, never where a sentence opens: "Grace continues
  to have seizures at night.", "Theo (born 30+1) is up to 24ml." Written with its capital, it is now the name
  wherever it stands, when it is a first name the lexicon knows ("grace", "faith") or no English word at all
  ("theo", "rami", "naja": words of the medical list). Not an English word that is no first name ("Big Mike"), not
  the first word of a hospice, a school or a company ("Hope Hospice"), not in lower case ("by the grace of God"),
  not before a noun of time ("Summer mornings"), and, an English word, not before what makes it the word ("Hope to
  finish", "Jack of all trades").
- A dotted clock on the quarter hour said without "at" ("ward for 7.15", "Back home 21.00", "taxi comes 10.30
  tomorrow") went out: a dotted number is as often a lab value, so it is a clock only where no reading's word, test's
  code or acronym, medical or drug word stands among the three words before it ("HbA1c 7.45", "K 4.15", "Creatinine
  1.15", "Glycémie à jeun 1.45"), no unit after it ("walked 3.15 km") and its hour is no zero ("EpiPen 0.15").
- An hour written with "h" (or a Dutch "u" with its minutes) went out: "headache since 14h", "samedi 11h",
  "walk-in tomorrow 8h", "depuis 3h du matin", "Visiting 15h-17h", "donderdag 17u30", "Discharged 23h". It is a
  time after a word for when or a weekday, before "du matin", or past noon; never a length of time ("slept 7h",
  "every 4h", "in 3h", "a 14h double", "55ml/h x 18h", "stiffness lasting 2h in the morning", "fasting 16h"), nor
  units of insulin ("Lantus 14u").
- A place written in Chinese, Japanese or Korean script after "at", "to", "near" or "from" was taken out only
  before an end of phrase or a place's word: "Sifu at 油麻地 who cracked my neck", "to 広島赤十字 at dawn", "near
  마포 for acupuncture" went out. Now whatever follows; not a department ("from 정형외과", "to 内科") nor a centre's
  kind ("at 月子中心"), not two characters after "to" or "from" ("allergic to 花粉") nor a kind of place after "at"
  ("at 医院"), and not after "in" ("pain in 胸口 again").
- Given names that are everyday English words ("Favour", "Lucky", "Juniper", "Willow") went out where a person's
  context showed them: the de-identifier reads them as it reads "Grace" or "Hunter" (a name before what a person
  does), and the allowlist keeps them as the words they are ("so lucky", "willow bark tea").
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify
from tests.support.deid_checks import through


@pytest.mark.parametrize(("text", "terms", "secret"), [
    ("Grace continues to have seizures at night.", ["Grace Okafor"], "Grace"),
    ("Faith (me) - migraines twice this week.", ["Faith Brennigan"], "Faith"),
    ("Dawn + the new nurse on the ward today.", ["Dawn Pellow"], "Dawn"),
    ("Theo (born 30+1) is up to 24ml of milk.", ["Theo Marsh"], "Theo"),
    ("Rami filmed the whole seizure for the neuro.", ["Rami Khoury"], "Rami"),
    ("Naja 31+2 weeks, sugars fine.", ["Naja Lindqvist"], "Naja"),
    ("Grace on the phone again about the tablets.", ["Aunty Grace Mensah"], "Grace"),
    ("Appointment booked. Frank read the letter over my shoulder.", ["Frank Dobrowski"], "Frank"),
])
def test_a_given_name_entered_is_the_name_where_a_sentence_opens(text: str, terms: list[str], secret: str) -> None:
    assert through(text, [secret], terms) == []


def kept(text: str, terms: list[str], item: str) -> bool:
    return item in deidentify(text, terms).text


@pytest.mark.parametrize(("text", "terms", "item"), [
    ("Hope the new dose works better.", ["Hope Hospice"], "Hope"),
    ("Big relief after the nerve block.", ["Big Mike Tarrant"], "Big relief"),
    ("Summer mornings are the worst for my skin.", ["Summer Whitfield"], "Summer mornings"),
    ("Made it through by the grace of god, pain 6/10.", ["Grace Okafor"], "grace of god"),
    ("Will try the TENS machine again tonight.", ["Will Ellison"], "Will try"),
    ("Hope to finish the antibiotics by Friday.", ["Hope Tanaka"], "Hope to finish"),
    ("Hope remains, pain 6/10.", ["Hope Hospice"], "Hope remains"),
    ("Hope so, anyway.", ["Hope Tanaka"], "Hope so"),
    ("We said grace before dinner, pain 4/10.", ["Grace Okafor"], "said grace before"),
    ("Jack of all trades, master of none, and sore all over.", ["Jack Morrow"], "Jack of all"),
])
def test_a_word_that_is_no_given_name_entered_stays(text: str, terms: list[str], item: str) -> None:
    assert kept(text, terms, item)


@pytest.mark.parametrize(("text", "secret"), [
    ("Home from the ward for 7.15 again.", "7.15"),
    ("Back home 21.00, legs heavy.", "21.00"),
    ("Mum's taxi comes 10.30 tomorrow.", "10.30"),
    ("Physio moved to 11.15, knee sore.", "11.15"),
    ("Bus was late, got in 08.45 and the ankle had swollen.", "08.45"),
    ("Headache since 14h, ward for 7.15 anyway.", "7.15"),
])
def test_a_dotted_clock_on_the_quarter_hour_is_a_time(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("hba1c 7.45 again, class about carbs tonight", "hba1c 7.45"),
    ("Bloods back: K 4.15 fine.", "K 4.15"),
    ("Creatinine 1.15 stable.", "Creatinine 1.15"),
    ("Glycémie à jeun 1.45, un peu haute.", "jeun 1.45"),
    ("Walked 3.15 km with the poles.", "3.15 km"),
    ("Sugar 6.30 before lunch.", "6.30"),
    ("Used the junior pen, 0.15 dose.", "0.15"),
    ("INR was 2.5, target 2.00-3.00.", "2.00-3.00"),
])
def test_a_reading_on_the_quarter_stays(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Tension headache since 14h, worse now.", "14h"),
    ("Physio samedi 11h, knee 4/10.", "11h"),
    ("Walk-in tomorrow 8h if the fever stays.", "8h"),
    ("Réveillée à 3h du matin, douleur 7/10.", "3h"),
    ("Woke 3h du matin with the cramp.", "3h"),
    ("Visiting 15h-17h only.", "17h"),
    ("Afspraak donderdag 17u30 bij de fysio.", "17u30"),
    ("Discharged 23h, wheeze settled.", "23h"),
])
def test_an_hour_written_with_h_is_a_time(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Slept 7h straight for once.", "7h"),
    ("Paracetamol every 4h, fever down.", "4h"),
    ("Fell asleep after a 14h double, neck stiff.", "14h double"),
    ("Feed 55ml/h x 18h overnight.", "18h"),
    ("AS stiffness lasting 2h in the morning.", "2h"),
    ("Day 3 of fasting 16h, headache 5/10.", "16h"),
    ("Lantus 14u at bedtime.", "14u"),
    ("Holter for 24h from Monday.", "24h"),
    ("Pain eased 13h later.", "13h"),
])
def test_a_length_of_time_in_hours_stays(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Sifu at 油麻地 who cracked my neck, 6/10 after.", "油麻地"),
    ("Took mum to 広島赤十字 at dawn, BP 90/60.", "広島赤十字"),
    ("Acupuncture near 마포 for the back.", "마포"),
    ("Referred to 서울성모 내과 next week.", "서울성모"),
])
def test_a_place_in_cjk_script_after_at_or_to_is_a_place(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Referred to 정형외과 for the knee.", "정형외과"),
    ("Stayed at 月子中心 for a month, wound fine.", "月子中心"),
    ("Back from 内科, bloods fine.", "内科"),
    ("Tight pain in 胸口 again tonight.", "胸口"),
    ("Waited two hours at 医院 again.", "医院"),
    ("Allergic to 花粉 again, eyes 6/10.", "花粉"),
])
def test_a_department_or_a_body_part_in_cjk_script_stays(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Favour is helping me with the forms.", "Favour"),
    ("Juniper came out screaming, 3.4kg.", "Juniper"),
    ("Willow said the rash looks better.", "Willow"),
])
def test_a_given_name_that_is_a_word_doing_what_people_do_is_a_name(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_a_given_name_that_is_a_word_stays_the_word() -> None:
    from healthviz_desktop.core.prompting.composer import explainer_text

    assert "Lucky the pharmacy" in deidentify("Lucky the pharmacy was open late.").text
    for text in ("so lucky it was only a sprain", "willow bark tea helped a bit"):
        assert explainer_text(text)[0] == text
