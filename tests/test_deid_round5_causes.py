"""Issue 15, round five: each cause of a miss found on round four's set E (tests/corpus/tuning/round4_*.jsonl,
tuning data since set F replaced it) is pinned here in general terms: dates and clock times written the way of
other languages, given names that are ordinary words doing something at the start of a sentence, and the
over-redaction of products named by how they are taken and of eponyms named by their test or sign, and (from
twelve PHI-free entries of set F that were changed, moved to the tuning corpus to be looked at) products after a
count, articles and months of other languages. Every text is made up for the test."""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.allowlist import unlisted_words
from healthviz_desktop.core.prompting.deidentify import deidentify, find_identifiers
from tests.support import deid_reference as REF


@pytest.mark.parametrize(("text", "secret"), [
    ("the Taller says the car is ready viernes 29.", "viernes 29"),  # a weekday of another language and its day
    ("RDV chez l'ORL jeudi 21 à 9h15, enfin", "jeudi 21"),
    ("Poniedziałek 18.11: woke with my heart pounding", "18.11"),
    ("HNO on Montag 18.11. um 9, by train", "18.11"),
    ("going on Cumartesi 16.11 instead", "16.11"),
    ("next one is Do 28.11. 16h with the same doctor", "28.11"),  # a two-letter weekday with a whole date
    ("binnengekomen ma 18-11 in the night", "18-11"),
    ("rest of the box on środa 6.11.", "6.11"),  # a day and a month with dots after a word that starts a date
    ("dr Zielińska on 19.11 at 17:20", "19.11"),
    ("Ortopeda 10.12 o 15:40, bring the scans", "10.12"),  # ... or before a clock time
    ("Next HbA1c check 2.12..", "2.12."),  # ... or closing a sentence with its own dot
    ("only had a slot el 20, so urgencias it was", "el 20"),  # "on the 20th" in Spanish
    ("Fysio next week, om 16.30 after work", "16.30"),  # a clock time after another language's "at"
    ("Controllo giovedì ore 17.30", "17.30"),
    ("Sensor replaced, kl. 19 exactly", "kl. 19"),
    ("Dermatoloog at UZ om 14u", "14u"),
    ("Rendez-vous à 11h pour le contrôle", "11h"),
    ("Rendez-vous 14 h le 3 décembre", "14 h"),  # an hour before a date
    ("Next duty Nov 30 0600H", "0600H"),  # a time of day in four digits with H or hrs
    ("report at 1500 hrs to the ward", "1500"),
    ("GP tmrw 9.15, fasting bloods", "9.15"),  # a dotted time on the quarter after a day word
    ("physio w/ Tariq 3.45 cancelled", "3.45"),
    ("POTS so bad. Hunter pushed me round the shops.", "Hunter"),  # a given name that is a word, doing something
    ("Faith stayed w me the whole time", "Faith"),
    ("Sunny and i went to the beach and i paid for it", "Sunny"),
    ("Wade thinks i should go to urgent care", "Wade"),
    ("Dawn and Skye and i watched a film", "Dawn"),
])
def test_round_five_identifiers_are_removed(text: str, secret: str) -> None:
    out = deidentify(text).text
    assert secret not in out, out
    assert [s.text for s in find_identifiers(text)] == [s.text for s in REF.find_identifiers(text)]


@pytest.mark.parametrize("text", [
    "went to bed on 6.2, woke on 7.8 mmol",  # blood sugars with dots are no dates
    "tryptase 5.1 (down from 9.8) since starting cromolyn",
    "on 2.5 mg now, HbA1c 6.5",  # a dose and a reading after the words that start a date
    "Hope faded by the afternoon. Dawn broke grey. Rose slightly at noon.",  # a mood, the weather, a reading
    "Sunny morning, so a walk. Grace period on the insurance ends soon.",
    "Buscopan 10 mg x3, Gastrolyte, plain toast.",  # a product listed after a dose
    "Dolo 650 SOS, Montair LC 0-0-1, Levocet at night.",
    "Asthavent PRN x4. Digene after meals. Myfembree day 40 and still bleeding.",  # how a product is taken
    "Hydralyte jelly went down well. Calamansi juice, warm.",  # a product's form after its name
    "Epworth score 15. Heberden nodes on two fingers. Amsler grid check daily.",  # eponyms and their tests
    "McKenzie press-ups x10 every 2h",
    "Tried Buscopan 10mg x3 and Colpermin, bit better.",  # a product listed after a count
    "took 2 Feminax n a Naproxen 250",  # a count of a product
    "Stemetil for the sickness. Cefaly device 20 min session helped.",  # what it is for; a device
    "no rescue inhaler since Sat. 5 more days then down to 30.",  # a weekday, then a count of days
    "demain physio le matin, on verra",  # an article of another language after a role
    "März is always bad for me. Kontrolle am Montag.",  # a month and a weekday of another language
])
def test_round_five_look_alikes_survive(text: str) -> None:
    found = [(s.category, s.text) for s in find_identifiers(text)]
    assert [f for f in found if f[0] in ("name", "date", "time")] == [], found
    assert [s.text for s in find_identifiers(text)] == [s.text for s in REF.find_identifiers(text)]


@pytest.mark.parametrize(("text", "held"), [
    ("physio om 16.30", "16.30"),  # the allowlist, on its own, holds the clock times of other languages
    ("controllo ore 17.30", "17.30"),
    ("sensor kl. 19", "19"),
    ("Termin um 9", "9"),
    ("dentist viernes 29", "29"),  # a day after a weekday of another language
    ("GP tmrw 9.15", "9.15"),  # a dotted time on the quarter after a day word
    ("Next duty 0600H", "0600H"),  # military time
])
def test_allowlist_holds_times_of_other_languages(text: str, held: str) -> None:
    assert held in [u.text for u in unlisted_words(text)]


@pytest.mark.parametrize("text", ["a 5 mg dose", "paid for it with a 2h nap", "slept 7h", "INR 2.30 today",
                                  "HbA1c 6.45"])
def test_allowlist_lets_doses_durations_and_readings_through(text: str) -> None:
    assert [u.text for u in unlisted_words(text) if any(c.isdigit() for c in u.text)] == []


def test_a_reading_before_a_clock_time_stays_where_the_time_goes() -> None:
    """A blood sugar written with a dot, right before a time, has a date's shape ("2.9 at 3:10am" as "10.12 o
    15:40"): the reading stays, the time goes."""
    out = deidentify("Dexcom alarmed at 2.9 at 3:10am, jelly beans").text
    assert "2.9" in out and "3:10am" not in out, out
