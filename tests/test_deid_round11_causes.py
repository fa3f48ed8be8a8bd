"""Issue 15, round eleven: what was found before set K was written, pinned with its look-alikes.

The list of everyday words of other languages (foreign_words.txt, built from word frequencies) held 2,331 given names
that English text rarely meets ("Patrycja", "Nilgün", "Orsolya", "Annemieke"): such a name opening a sentence with no
verb after it went out as a word of another language. The build now takes out every given name of a per-country
list of first names unless it is an everyday word of its language and a rare name. All text here is made up."""
from __future__ import annotations

import re

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


# Set K's first look (22 entries moved): numbers that must never go out, plates and ages of East and West Africa and
# South Asia, and identifier-free entries written in Swahili, Hindi, Pidgin, text-speak and a pump user's shorthand.
@pytest.mark.parametrize(("text", "secret"), [
    ("Empire BCBS member ID YLJ904417322, group 7710. Ma is driving.", "7710"),  # a plan's group number
    ("Paid the lab by UPI to srl.lab@icici for the lipid profile.", "srl.lab@icici"),  # a payment address
    ("Paid through GPay to physio.rao@okhdfcbank, 6 sessions.", "physio.rao@okhdfcbank"),
    ("ENT OPD, ticket 5523. He wants the card.", "5523"),  # an outpatient ticket
    ("TB number ZNZ/TB/25/0419.", "ZNZ/TB/25/0419"),  # capitals, a year and a number joined by slashes
    ("File no. NTH 08823.", "NTH"),  # capitals that happen to be a word, after the word for a number
    ("Drove to Nakuru in the KCD 482M, headache 6/10.", "KCD"),  # Kenya
    ("Drove back in the Land Cruiser T 482 DKL to town.", "DKL"),  # Tanzania
    ("Went in the Corolla, GWA 715 KL, to the clinic.", "GWA"),  # Nigeria
    ("my bus AWK 482 XY dey workshop so I enter keke.", "AWK"),
    ("Ma moto CE 218 KL dey police station.", "CE"),  # Cameroon, after the word for a motorbike
    ("Mrs. Pruitt (my client, 96) fell asleep in the chair.", "96"),  # an age at the end of a bracket of whose
    ("Iya agba is 97 and refused food today.", "97"),  # Yoruba "grandmother"
])
def test_numbers_plates_and_ages_of_set_k_go(text, secret):
    out = deidentify(text).text
    assert secret not in out.replace("[", " ").replace("]", " ").split(" ") and secret not in out


@pytest.mark.parametrize("text", [
    "my support group 2024 meets on Thursdays.",  # a group without a plan's words
    "Metformin XR 500 daily, HbA1c 7.2.",
    "Took it (my BP, 95) fine",  # a reading's word before the number
    "Bolus ratio 1:10 breakfast, 1:12 lunch.",  # the list a ratio opens: no times
    "still draining a bit, seton in place.",  # a fistula's drain
    "mum's adobo, too salty",  # what a relation has, after the possessive
    "all week fr, 5 outta 10 when I stand",  # text-speak, not a title
    "Took Vitamin C 1000mg, Emzor paracetamol 2 tabs.",  # a maker's brand after a dose
    "Kichwa inauma tangu asubuhi, dawa haisaidii.",  # Swahili
    "Bohat thakawat. Aaj bukhar bhi tha.",  # Hindi and Urdu
    "Abeg, wahala too much, body dey pain me.",  # Nigerian Pidgin
    "Deadass the pain 8/10 lowkey.",  # American text-speak
    "68% in range per Clarity, HbA1c 7.1.",  # a health app quoted
])
def test_look_alikes_of_set_k_stay(text):
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Admitted to St. Patrick's on Monday.", "Admitted to [PLACE] on Monday."),  # the hospital stays a place
    ("Surgery 4/9 at Seton.", "Surgery [DATE] at [PLACE]."),  # the hospital
    ("my friend, nia, came", "my friend, [NAME], came"),  # a relation across a comma still names
    # (session thirty: the bare hour ending the clause goes too, as "at 9am" always has)
    ("Gave Kemi paracetamol at 9", "Gave [NAME] paracetamol at [DATE]"),
    ("Nne is 92 this year.", "Nne is [AGE] this year."),
    ("email me at a.b@example.com", "email me at [EMAIL]"),  # an e-mail stays an e-mail, not a payment address
    # a ward's number goes as a room's does (round eight), the word stays and is no employer (round seven's
    # look-alike "my shift on Ward 4" now reads "on the ward")
    ("my shift on Ward 4 ran over", "my shift on Ward [ADDRESS] ran over"),
    ("Asante came by with soup.", "[NAME] came by with soup."),  # "asante" is also a surname: not on the list
    # (what the review of round eleven found its first rules letting through: each stays a name)
    ("mum's chiamaka said hi", "mum's [NAME] said hi"),  # a name after a possessive, doing what a person does
    ("it's chiamaka's birthday", "it's [NAME]'s birthday"),
    ("mum said that chiamaka was coming", "mum said that [NAME] was coming"),  # "that" is no article
    ("glad chiamaka is 1.5 now and walking", "glad [NAME] is 1.5 now and walking"),  # a child's age, no reading
    ("Saw Dey at the clinic today.", "Saw [NAME] at the clinic today."),  # a Bengali surname, not Pidgin's "dey"
    ("Nurse Iya was lovely.", "Nurse [NAME] was lovely."),
    ("Appointment with Mere Parata.", "Appointment with [NAME]."),  # a Māori given name, not Hindi's "mere"
    ("Dr Rao said mine is 95", "Dr [NAME] said mine is 95"),  # a reading, no age
])
def test_what_set_k_showed_stays_caught(text, expected):
    assert deidentify(text).text == expected


# Set K's second look (28 entries moved): places, dates, employers and a name let through.
@pytest.mark.parametrize(("text", "secret"), [
    ("Post address for the form: 14 Church View, Tralee.", "Church"),  # a terrace's name with its number
    ("Our flat at House 41, Road 27, Dhanmondi. Drinking ORS.", "41"),  # the parts of an address in South Asia
    ("age 78, H.No. 1142, Sector 31, Noida. Chest pain on walking.", "1142"),
    ("Our home in Model Town, 45-C block.", "45-C"),
    ("pharmacy at the walgreens on s state st. my bf brought juice", "state"),  # a direction before the street
    ("now on Ward 32 (Gastro) since Saturday.", "32"),  # a ward's number
    ("Infusion day, Clinic 6. Parking app wanted the reg.", "6"),
    ("2x tylenol 500 @ 0730. slept 0900-1400 only.", "0900"),  # a range of clock times, after another time
    ("They want me at wound care 12/2. My cousin drives.", "12/2"),  # a day and month written as a score is not
    ("Thanksgiving Day 2024 was a mess at work.", "Thanksgiving"),
    ("Headache since Meskerem 17, light hurts.", "Meskerem"),  # the Ethiopian calendar
    ("Stomach pain since Tir 5, 2017 (by our calendar).", "Tir"),
    ("Counsellor said next pickup is the 3rd instant.", "3rd"),
    ("Been driving DoorDash 9hrs a day and my wrist hurts.", "DoorDash"),  # the platform someone drives for
    ("Sciatica again after 11 hours driving Uber.", "Uber"),
    ("Ma soeur Princess di help me cook.", "Princess"),  # a French family word before a name
])
def test_what_set_k_let_through_goes(text, secret):
    out = deidentify(text).text
    assert not re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", out), out


@pytest.mark.parametrize("text", [
    "walked in the park after lunch, a great view of the hills",  # no number: no street
    "AV Block 2, then a pacemaker.",  # a heart's block, not an address
    "pain clinic 2x a month",  # a count, not a clinic's number
    "steps 1200-1500 steps",  # a range of a count
    "pain 2/5 today, mood 3/8",  # scores
    "Ter 3 doses a day",
    "ordered an Uber to the ER",  # the app, not an employer
    # (what the review of round eleven found its first rules taking out)
    "Took 10mg@bedtime",  # no payment spoken of: no payment address
    "no SVT 180 since Tuesday",  # "no" is no word for a number without its dot
    "ESR 110 MM today, BNP 450 PG",  # a lab value's units, no plate
    "KCL 600M tabs",
    "the Phase 3, double-blind trial",  # a trial's phase, no address
    "Had 2 instant coffees",
    "Clinic 4 visits this month",
    "(my morning reading, 98)",
    "Sent money 10 000 000 for the surgery",  # an amount, no phone
    "Sent money 10 000 000 for the surgery in 2024",  # (with four digits elsewhere: one rule reads both)
    "Clarity 14 Day View",  # a number of days, no house number
    "Pressão 12/8 hoje",  # Brazil's 120/80
])
def test_look_alikes_of_the_second_look_stay(text):
    assert deidentify(text).text == text


# Set K's third look (16 entries moved): a phone, an age, names of private terms that are ordinary words, and
# identifier-free entries.
@pytest.mark.parametrize(("text", "terms", "secret"), [
    ("a payé par Orange Money 6 77 45 21 98. Courbatures 7/10.", [], "77"),  # a mobile-money number in small groups
    ("Mother Hattie at church is 90 and she reads every day.", [], "90"),  # an age said of a named person
    ("Perfusion à la Clinique de l'Aéroport hier.", [], "Aéroport"),  # a French facility with an elided article
    ("Happy took me to the hospital because the BP was up.", ["Happy Phiri"], "Happy"),  # a term's ordinary part
    ("pinky dropped me at the fracture clinic.", ["Pinky"], "pinky"),  # doing what a person does
])
def test_what_the_third_look_found_goes(text, terms, secret):
    out = deidentify(text, terms).text
    assert not re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", out), out


@pytest.mark.parametrize(("text", "terms"), [
    ("like the neumólogo said. SpO2 94%", []),  # a noun of another language after an article
    ("Pacing Points used 11/12 per day average.", []),  # a fraction of a day, no date
    ("20 min walk after Asr.", []),  # a daily prayer
    ("my pinky made the splint slip", ["Pinky"]),  # the finger, after "my"
    ("Dad's BP is 95 today", []),  # a reading, no age
])
def test_look_alikes_of_the_third_look_stay(text, terms):
    assert deidentify(text, terms).text == text


def test_an_irish_surname_after_an_is_still_a_name():
    assert "tSaoi" not in deidentify("Dr. Mac an tSaoi wants to step up to Stelara.").text
