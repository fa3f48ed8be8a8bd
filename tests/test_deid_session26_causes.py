"""Issue 15, session twenty-six: identifiers the held-out bodies and set X's logs still let through, each fixed in its
general form.

- A sentence dictated With Every Word Capitalised inside an ordinary entry ("…said journal it. Today Dr Ruiz BP One
  Thirty Over Eighty Five Mother Is Tired.") is read with its ordinary words in lower case, as a whole text in
  Title Case was; a pasted letter's line of names and places ("Eating Disorder Service, St Finbarr's Hospital,
  Douglas Road, Cork") has none of prose's small words and is read as written.
- The capitalised word that opens a name or a place the rules found, mid-sentence, even a word the lexicon knows
  ("at Good Samaritan", "Central Middlesex", "Sharp Grossmont ER"); never a title, a relation, a role or a weekday.
- From set X's 240 entries read (older people's, carers' and families' logs): a log's series of bare clock times
  ("1100 walk … 1400 nap … 1800") and of day-and-month pairs ("1/3 8.9 … 2/3 9.3 … 3/3 14.6"), ordinals opening
  a log's lines ("3rd — Dad collapsed"), a weekday with its hour ("Tuesdays at 9", "Thursday 10ish", "Fri – 10.15")
  or its date ("Tue 9/10 AM"), an hour to an hour ("home help 9 till 10"), a visit's dotted time ("nurse came
  4.30", "the DN arrived 9.40"), a night's care ("pad changed 0300"), an event's hour ("Party … at 3"), a given
  name that is a medical abbreviation too, doing what people do ("Theo came by"), a hospital's acronym before its
  emergency department ("RPA emergency"), the writer's own age to come ("I'll be 94 on the 2nd") and an age
  worked out ("making her 95"), a key safe's code ("Key safe 8820", "code changed to 4471"); from the one
  never-read entry moved after scoring (an account, a kind that must be 0): a polyclinic's queue number ("Queue
  no. 2093", "Queue number A2147"). And two things kept: a reading's decimals before the next line's date ("Jan 2
  9.4\\nJan 3" took the "4" as "4 Jan"), and a word ending its line before the next line's date (the allowlist read
  "AFib" as the rest of a name).
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.composer import explainer_text
from healthviz_desktop.core.prompting.deid_case import title_case_read
from healthviz_desktop.core.prompting.deidentify import deidentify
from tests.support.deid_checks import lost, through


def test_a_title_case_sentence_inside_an_ordinary_entry_is_read_in_lower_case() -> None:
    text = "my therapist said journal it. Today Dr Ruiz BP One Thirty Over Eighty Five Mother Is Tired. ok"
    read = title_case_read(text)
    assert read == "my therapist said journal it. today Dr Ruiz BP one thirty over eighty five mother is tired. ok"
    assert len(read) == len(text)
    out = deidentify(text).text
    assert "Ruiz" not in out and "Thirty Over Eighty Five" in out  # (the words come back as written)


@pytest.mark.parametrize("text", [
    "pasting from the letter: 'Appointment: Eating Disorder Service, St Finbarr's Hospital, Douglas Road, Cork, "
    "Thursday 14 March.' ok. its real now.",
    "Daily care summary. Resident: Mr Leung Kam Fai, Peninsula Gardens Care Community. Mood: content.",
    "I went to Royal Prince Alfred Hospital today. Long wait.",
])
def test_a_line_of_names_and_places_is_no_dictated_sentence(text: str) -> None:
    assert title_case_read(text) is text


@pytest.mark.parametrize(("text", "secret"), [
    ("Hospice intake: Mom's chart at Good Samaritan is ready, they faxed the DNR.", "Good"),
    ("Took naproxen. GP said book the podiatrist at Central Middlesex next week.", "Central"),
    ("She is 88, chest infection; the ambulance took her to Sharp Grossmont ER overnight.", "Sharp"),
])
def test_the_word_that_opens_a_name_goes_with_it(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("on Monday Sarah came round with soup", "Monday"),
    ("went with Aunty Bisi to the market", "Aunty"),
    ("saw Nurse Okafor about the dressing", "Nurse"),
    ("then Dr Mwangi changed the dose", "Dr"),
])
def test_a_weekday_a_relation_a_role_or_a_title_before_a_name_stays(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secrets"), [
    ("blood results ok\n1100 walk to the shops\n1400 nap\n1800 knee pain 6/10", ["1100", "1400", "1800"]),
    ("0300 pad changed\n0710 up for the loo", ["0300", "0710"]),
    ("Mum's sugar 1/3 8.9 before breakfast 2/3 9.3 3/3 14.6 after the party", ["1/3", "2/3", "3/3"]),
    ("Date | AM wt | BP\n3/4 | 182.4 | 134/78\n3/5 | 183.0 | 140/82\n3/6 | 185.6 | 146/90", ["3/4", "3/5", "3/6"]),
    ("Log re Dad\n3rd — collapsed at the centre\n5th — moved to the ward, low sodium\n8th — home",
     ["3rd", "5th", "8th"]),
])
def test_a_logs_series_of_bare_dates_and_clocks_goes(text: str, secrets: list[str]) -> None:
    assert through(text, secrets) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("born 1932, married 1955, widowed 2010, still sharp", ["1955", "2010"]),
    ("steps 1100, 1400, 1800 this week, better", ["1100", "1400", "1800"]),
    ("pain 2/10 then 4/10 then 6/10 by night", ["2/10", "4/10", "6/10"]),
    ("ate 1/2 a sandwich and 1/3 of the soup", ["1/2", "1/3"]),
    ("metformin 1000 bid, 0600 reading 142", ["metformin 1000 bid"]),
])
def test_counts_years_and_scores_in_a_row_stay(text: str, kept: list[str]) -> None:
    assert lost(text, kept) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("Physio at home Tuesdays 11", "11"),
    ("Nurse dresses the leg Tuesdays at 9.", "9"),
    ("OT coming Thursday 10ish with the kettle tipper", "10ish"),
    ("Fri – 10.15 podiatrist, toenails", "10.15"),
    ("Father will come Sunday after 11 Mass.", "11"),
    ("Tue 9/10 AM BP 141/84, ECG normal", "9/10"),
    ("home help 9 till 10, meals on wheels didn't come", "9"),
    ("couldnt sleep, lay there from 11 till like 4 thinking", "11"),
])
def test_a_weekday_with_its_hour_or_date_and_an_hour_to_an_hour_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Monday at 3 tablets, Tuesday at 2", "3 tablets"),
    ("on Thursdays 2 carers come, on Fridays 1", "Thursdays 2 carers"),
    ("Mon 4/10. Tue 6/10. Wed 2/10. Nothing new.", "4/10"),
    ("Mood score 3/10 Monday, 5/10 today", "5/10"),
    ("days 3 till 5 were the worst of the cycle", "days 3 till 5"),
])
def test_a_weekdays_count_or_score_stays(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("Mam's breathing bad, palliative nurse came 4.30. Morphine driver started.", "4.30"),
    ("Colles fracture, cast on. The DN arrived 9.40, dressing done", "9.40"),
    ("Night: pad changed 2130 and he settled, no more calls.", "2130"),
    # (session thirty: "at 3" ending its clause goes by another rule now; this hour goes only as the event's)
    ("Party at the community room at 3 with the cousins. Her hearing aids need batteries.", "3"),
])
def test_a_visits_dotted_time_a_nights_care_and_an_events_hour_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("blood test 5.20 mmol, came 2.5 stone lighter", "5.20 mmol"),
    ("dr changed metformin to 1000 x2 with food", "1000 x2"),
    ("pad changed 3 times overnight", "3 times"),
    ("Mummy's sugar\nJan 2 9.4\nJan 3 12.8 — too much cake", "9.4"),
])
def test_readings_and_doses_beside_those_cues_stay(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("Shower, eggs, Sinemet on time. Theo came by after work, fixed the grab bar.", "Theo"),
    ("fall in garden\nRPA emergency, CT head ok, 8 stitches", "RPA"),
    ("took him to KGH A&E at night", "KGH"),
    ("I'll be 94 on the 2nd. Jean wants a do at the club.", "94"),
    ("I will be 99 come spring. Bladder trouble again.", "99"),
    ("Mom was born in May, making her 95. She couldn't hear the cake song.", "95"),
    ("Bed sore on bottom, cream on. Key safe 8820, back door sticks", "8820"),
    ("next visit Mon, code changed to 4471 — Ann has it", "4471"),
    ("Mummy's polyclinic\nQueue no. 2093\nBP 150/88, weight 48kg", "2093"),
    ("foot screening Queue number A2147 at pharmacy, waited 1 hour", "A2147"),
])
def test_set_xs_names_places_ages_and_codes_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Troponin came back normal, such a relief", "Troponin"),
    ("MRI emergency slot on Friday", "MRI"),
    ("I'll be 90 minutes late to the clinic", "90 minutes"),
    ("I'll be 95% sure by then", "95%"),
    ("the ICD code F3210 on the form", "F3210"),
    ("in the queue 2 hours, queue for 45 people", "2 hours"),
])
def test_look_alikes_of_those_stay(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


def test_a_word_ending_its_line_before_a_date_is_no_part_of_a_name_in_the_explainer() -> None:
    text = "BP 150/90, ECG possible AFib\nTue 9/10 AM BP 141/84, ECG normal"
    out = explainer_text(text, [])[0]
    assert "AFib" in out and "9/10" not in out


@pytest.mark.parametrize(("text", "secret"), [
    ("Taxi for the eye injection — Acorn Taxis, pick up at 9", "Acorn"),
    ("Bro drove us - UHWI kept her overnight, irregular heartbeat", "UHWI"),
    ("Baba sits at the baraza in Old Town every evening with the other mzees.", "Old"),
    ("Went to the clinic at Long Beach for my kidney numbers.", "Long"),
    ("Dr. Haskins' office at Banner Sun City West says come in.", "West"),
    ("Catapres under the tongue, 140/85. Tita Baby said stop the patis.", "Baby"),
    ("Kuya Boy drove us to the ER.", "Boy"),
])
def test_trades_acronyms_that_keep_someone_settlements_and_pet_names_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("ICU kept her two nights, then the ward", "ICU kept her"),
    ("auntie baby shower on Sunday", "baby shower"),
    ("Baby slept badly so my auntie baby sat him all day", "auntie baby sat"),
    ("in Good Health clinic for the bloods", "Good Health"),
    ("my Tita said rest", "Tita said"),
])
def test_their_look_alikes_stay(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("Gran is a menace with the walker. She'll be 94 in January and still sharp.", "January"),
    ("He'll be 95 in June and the letter from the palace is coming.", "June"),
    ("Mum 93 in March and she says she has earned a bed that goes up.", "March"),
])
def test_the_month_a_birthday_past_89_falls_in_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("she will be 94 in may be ninety five", "in may be"),
    ("sats 94 in January were lower", "January"),
])
def test_a_month_after_no_age_or_a_may_that_is_a_verb_stays(text: str, kept: str) -> None:
    assert lost(text, [kept]) == []
