"""Round fifteen of issue 15 (session sixteen): what set O's moved entries taught, each generalised past its entry
(made-up text here, never the held-out entry's): a forum's user name, a plate in another script, the age of the
person a carer looks after, an age that opens an entry "and still" doing something, a contraceptive device and
what is done with it. Each test holds a form that must go and the look-alike that must stay."""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify


def _out(text: str) -> str:
    return deidentify(text).text


@pytest.mark.parametrize("text, gone", [
    ("Asked the group as u/sleeplessinleith and got twenty replies.", "sleeplessinleith"),
    ("A nurse who posts as /u/Night_Owl_RN said to try it.", "Night_Owl_RN"),
])
def test_a_forums_user_name_goes(text: str, gone: str) -> None:
    assert gone not in _out(text)


@pytest.mark.parametrize("text", [
    "Posted in r/migraine, lots of kind replies.",
    "Basal total 18.4 u/day, correction 1:40.",
    "Started at 0.5 u/kg as the team said.",
    "Posted my numbers on the thread: basal u/day is about 18.",
    "A user on the forum said 0.5 u/kg/day is usual.",
    "ratio u/10g carbs changed today",
    "had an u/sound of my kidneys, all clear",
])
def test_a_forum_and_a_doses_unit_stay(text: str) -> None:
    assert _out(text) == text


# the second reader's look-alikes (session sixteen): what the first version of these rules took and must not
@pytest.mark.parametrize("text", [
    "cholesterol 180-200 last few years",
    "LDL 130-145 on no statin, Hb 98-102 since the bleed",
    "blood-sugar 12/4 no wait 12.4",
    "had a plate of 炒饭 12 dumplings too",
    "growth plate fracture, 12–14 weeks in a cast",
    "the boy I support is 95th centile for height",
    "Counting my coughs today. 97 and still coughing",
    "PICC LINE: 4Fr double lumen",
    "LINE: 20mg am, 10mg pm",
    "order no. 5566123 2 or 3 weeks delivery",
])
def test_look_alikes_of_the_new_rules_stay(text: str) -> None:
    out = _out(text)
    for piece in ("180-200", "130-145", "98-102", "12/4", "炒饭 12", "12–14", "95th", "97 and", "4Fr", "20mg",
                  "2 or 3"):
        if piece in text:
            assert piece in out, out


@pytest.mark.parametrize("text, gone", [
    ("Hired scooter, plate ขก 2381 ภูเก็ต, scratched the side.", "2381"),
    ("Their car, plate К482ТР 99, backed into the bins.", "К482ТР"),
])
def test_a_plate_in_another_script_goes(text: str, gone: str) -> None:
    assert gone not in _out(text)


def test_a_plate_of_food_stays() -> None:
    text = "Ate a plate of ข้าวผัด 20 minutes before the tablets."
    assert "ข้าวผัด 20 minutes" in _out(text)


@pytest.mark.parametrize("text", [
    "Back ache again, the lady I care for is 97 and needs lifting.",
    "My client is 94 and sharp as a tack.",
    "The gentleman we look after turned 101 on Sunday.",
])
def test_the_age_of_someone_cared_for_goes(text: str) -> None:
    out = _out(text)
    assert "[AGE]" in out and not any(n in out for n in ("97", "94", "101"))


@pytest.mark.parametrize("text", [
    "The man I care for is 95 on room air today.",
    "The lady I look after is 96% on two litres.",
])
def test_a_reading_of_someone_cared_for_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text, age", [
    ("93 and still walking to the shops every morning. Knees sore.", "93"),
    ("Dad came for lunch. 95 and still driving, which worries me.", "95"),
])
def test_an_age_opening_an_entry_and_still_doing_goes(text: str, age: str) -> None:
    assert age not in _out(text)


@pytest.mark.parametrize("text", [
    "HR 110 and still climbing after the stairs.",
    "Sats dipped overnight. 95 and still sitting there at nine.",
    "Sugar was high. 101 and still rising at lunch.",
    "Pulse was racing on the treadmill. 98 and still walking uphill.",
])
def test_a_reading_and_still_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text", [
    "Clinic suggests Mirena removal before the next cycle.",
    "Plan: a short protocol with Mirena removal first.",
    "Cramps eased with Kyleena removal last week.",
    "Nexplanon insertion booked for Tuesday.",
    "Told them about my Paragard and the cramps.",
])
def test_a_contraceptive_device_stays(text: str) -> None:
    out = _out(text)
    for device in ("Mirena", "Kyleena", "Nexplanon", "Paragard"):
        if device in text:
            assert device in out


@pytest.mark.parametrize("text, name", [
    ("Talked it over with Jane, implant talk can wait.", "Jane"),
    ("Asked Kate refill the water jug.", "Kate"),
    ("Coffee with Allegra and her mum after physio.", "Allegra"),
    ("Skyla rang about the appointment.", "Skyla"),
    ("Liletta Brown dropped off soup.", "Liletta"),
])
def test_a_person_before_a_device_word_still_goes(text: str, name: str) -> None:
    assert name not in _out(text)


@pytest.mark.parametrize("text, gone", [
    ("For the form: my licence number is K5521-60317-40826, expires soon.", "60317"),
    ("Work signed me off, ref QA-HR-20931, back Monday.", "20931"),
    ("Their RAMQ numbers: TREM 0411 2290 and TREL 0812 7745.", "TREM"),
    ("RAMQ card BOUC 7702 3318 expires in March.", "BOUC"),
    ("Tarjeta sanitaria LUGO 220981 4 5512. Turnos de noche.", "5512"),
    ("CDL # R771-2209-3384 renewed after the physical.", "3384"),
    ("Client no. KRH/ART/2291. Refill in a month.", "2291"),
    ("medallion 4M17 goes for inspection Friday.", "4M17"),
    ("Патент 50 7719031, полиса нет.", "7719031"),
    ("My summoner name is xXRiceCakeQueenXx lol.", "RiceCake"),
    ("LINE: kiki.tpe.1988 if you need a ride.", "kiki"),
])
def test_numbers_and_handles_named_as_such_go(text: str, gone: str) -> None:
    assert gone not in _out(text)


@pytest.mark.parametrize("text", [
    "HR 72, BP 120/80, T4 12.5, TSH 2.1 at the check.",
    "BP 120/80-ish this morning, HR 72-ish.",
    "NHS number on the letter, PESEL on the other form.",
    "Second line: take 2 tabs with food.",
])
def test_readings_and_the_names_of_numbers_stay(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text, name, number", [
    ("Pharmacy code 1234, PESEL 85031204567. Collected it.", "PESEL", "85031204567"),
    ("Went to the hospital. CNP 1850312456789.", "CNP", "1850312456789"),
    ("Her DNI 12.604.338 and the insurance card.", "DNI", "12.604.338"),
])
def test_the_name_of_a_number_stays_when_the_number_goes(text: str, name: str, number: str) -> None:
    out = _out(text)
    assert name in out and number not in out
