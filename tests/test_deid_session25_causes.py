"""Issue 15, session twenty-five: identifiers the held-out bodies still let through, each fixed in its general form.

- A town or a name the proper-noun list holds, standing alone as a sentence ("Chicago. Insurance from work
  finally.", "Yuma. BP this morning 148/91") was read as a product named in passing ("Nurtec. Helped."): a word the
  list of names and places holds is now no product there.
- A workplace after "works" with when or how long between ("works nights at Coles", "I work late at Tesco Extra")
  or after a sick day called in ("had to call in sick to Woolies"); and a workplace's name after such a cue ends
  where its sentence does ("in sick to Millhaven Bakery. Light hurt" took "Light" with it); and the workplace named
  before its hub or who is in charge there ("the UPS hub", "G4S supervisor", "Deloitte HR"; not "Case manager").
- Clock times of a care log, four digits after a dose given or what the log records at a time ("Panadol given
  1830", "2 tabs 1230", "bowels opened 2100", "report time 0540", "advice received 0412 UTC"), never a dose or an
  amount ("given 1000 units"); and a clock time followed by a colon ("measured again 19:00: 150/95").
- Airports by their codes where a flight is spoken of ("Flew SFO → SIN", "after the ICN–JFK turnaround", "the DXB
  layover", "a LHR-HND-LHR trip"), not clinical acronyms joined by a dash ("CBT-DBT") nor a reference's letters.
- A hospital's acronym before the town it stands in ("SPMC Davao", "CMC Ludhiana"), not a test's ("MRI") nor a
  worker's ("PSW Gloria", "my TL Jericho").
- From set W's 240 entries read (reflective, dictated and quick phone-typed entries): dates and clock times said
  aloud ("fourth of the eleventh nineteen thirty two", "twelve march two thousand twenty five", "at seven in the
  morning", "tuesdays at seven", "Thursday the ninth at eight"), an e-mail address said aloud ("daz dot kowalski at
  gmail dot com"), numbers read out a digit at a time ("plate number C K R L two one five"), a clock time after
  "Sat" read as an oxygen saturation ("sat 2pm"), a name after "w/", a doctor in lower case ("doctor wolf said"),
  a person who did not do something ("Paddy didn't know me") or would have been an age ("Summer would have been
  16"), and a hospital's acronym of six or seven capitals ("at NIMHANS"); and chemotherapy regimens kept
  ("back to FOLFOX"); from the one never-read entry moved after scoring (an account, a kind that must be 0): the
  last digits of an account said as words ("account ending four four seven one"), the same digits written out again
  ("no it's 4471"), and a day's ordinal under ten ending a clause after "on the" ("on the fifth"); and text With
  Every Word Capitalised, as some voice typing writes it, lost its ordinary words as names ("Today [NAME] Thirty
  Over Eighty Five"): such a text is read with its ordinary words in lower case; and a text written in capitals is
  read in sentence case, so a town or a name no list knows reads as one ("WENT TO WESTMEAD").
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify
from tests.corpus.score_heldout import present
from tests.support.deid_checks import through


@pytest.mark.parametrize(("text", "secret"), [
    ("Chicago. Insurance from work finally kicked in.", "Chicago"),
    ("Yuma. BP this morning 148/91, higher than at home.", "Yuma"),
    ("Day 3. Edinburgh. Knee sore after the walk.", "Edinburgh"),
])
def test_a_place_or_name_standing_alone_as_a_sentence_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Ibuprofen. Then slept till noon.", "Ibuprofen"),
    ("Nurtec. Helped within the hour.", "Nurtec"),
    ("Zolvarex. Helped within the hour.", "Zolvarex"),  # (a brand no list holds)
    ("Migraleve. Then slept for two hours.", "Migraleve"),
    ("Berocca. Still flat by lunch.", "Berocca"),
    ("Tired. Slept most of the afternoon.", "Tired"),
])
def test_a_product_or_word_standing_alone_as_a_sentence_stays(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Husband works nights at Coles, he came home at 9.", "Coles"),
    ("I work late at Tesco Extra on Thursdays.", "Tesco"),
    ("Had to call in sick to Woolies, my team leader was fine.", "Woolies"),
    ("G4S supervisor Mr Lim said ok for a half day.", "G4S"),
    ("Peak season at the UPS hub, right shoulder clicking.", "UPS"),
    ("Deloitte HR emailed about the phased return.", "Deloitte"),
])
def test_a_workplace_after_when_someone_works_or_a_sick_day_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Called in sick to work again, migraine 7/10.", "work"),
    ("Called in sick to Millhaven Bakery. Light hurt my eyes all day.", "Light hurt"),
    ("I work at Grange Farm Shop. Nausea 6/10 by lunch.", "Nausea 6/10"),
    ("Works nights at the hospital, sleep is a mess.", "hospital"),
    ("Case manager rang about the care package.", "Case manager"),
    ("NHS HR sent the form for the phased return.", "NHS HR"),
    ("Carer agency cancelled again, Mum stuck in bed.", "Carer agency"),
])
def test_a_sick_day_or_a_workplace_in_general_stays(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Panadol Osteo given 1830. Discussed falls risk.", "1830"),
    ("c/o headache 3/10, gave panadol 2 tabs 1230. Skin fine.", "1230"),
    ("Bowels opened 2100 type 4.", "2100"),
    ("Next report time 0540 Thurs and rostering won't swap.", "0540"),
    ("TMAS advice received 0412 UTC, started antibiotics.", "0412"),
    ("BP measured again 19:00: 150/95.", "19:00"),
])
def test_a_care_logs_clock_times_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Vitamin D given 1000 units weekly.", "1000 units"),
    ("Received 1500 ml of fluids overnight.", "1500 ml"),
    ("Gave 2 tabs 500mg, pain eased.", "500mg"),
    ("Ratio 1:10 at breakfast.", "1:10"),
])
def test_doses_and_amounts_after_those_words_stay(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("Back from a LHR-HND-LHR trip, body clock wrecked.", ["LHR", "HND"]),
    ("Flew SFO → SIN overnight, forgot to change the pump clock.", ["SFO", "SIN"]),
    ("Back pain after the ICN–JFK turnaround, 14h each way.", ["ICN", "JFK"]),
    ("Renal colic on the DXB layover, 4mm stone.", ["DXB"]),
    ("LAX layover: cut my finger on a bottle.", ["LAX"]),
    ("Calf swollen after the SYD run, ultrasound booked.", ["SYD"]),
])
def test_airports_where_a_flight_is_spoken_of_go(text: str, secrets: list[str]) -> None:
    assert through(text, secrets) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("CBT-DBT combined programme, trip to group was hard.", "CBT-DBT"),
    ("DVT leg still swollen, calf 2cm bigger.", "DVT"),
    ("ICU transit was smooth, then the ward.", "ICU"),
    ("Flew home, GAD-7 score 12 on landing.", "GAD-7"),
])
def test_clinical_acronyms_beside_flight_words_stay(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("Confinement: SPMC Davao, pneumonia, 5 days.", ["SPMC", "Davao"]),
    ("CMC Ludhiana doctor did the ultrasound, 8mm stone.", ["CMC", "Ludhiana"]),
    ("KCMC Moshi did the scan, 8mm stone.", ["KCMC", "Moshi"]),
    ("UMC Utrecht called back about the results.", ["UMC", "Utrecht"]),
])
def test_a_hospitals_acronym_before_its_town_goes(text: str, secrets: list[str]) -> None:
    assert through(text, secrets) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("MRI Ludhiana was booked out, went elsewhere.", "MRI"),
    ("ECG Davao trip showed sinus rhythm.", "ECG"),
    ("PSW Gloria morning and evening, pressure areas fine.", "PSW"),
    ("Told my TL Jericho I would go home early.", "TL"),
])
def test_a_tests_acronym_before_a_town_stays(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("Mother's date of birth is fourth of the eleventh nineteen thirty two so she qualifies.",
     ["fourth", "eleventh", "thirty"]),
    ("His next review is on the third of the fourth with the renal team.", ["third", "fourth"]),
    ("Session is on twelve march two thousand twenty five in the evening.", ["twelve", "march"]),
    ("Nerve ablation on the nineteenth at seven in the morning, nothing to eat after midnight.", ["seven"]),
    ("After ECT number seven on Thursday the ninth at eight my memory is patchy.", ["ninth", "eight"]),
    ("The support group is tuesdays at seven, she said she'll come.", ["seven"]),
    ("Taxi comes at seven in the morning so set two alarms.", ["seven"]),
    ("sched w/ the GP sat 9am, ask re meds.", ["9am"]),
    ("Party at the club sat 2pm, social anxiety already.", ["2pm"]),
    ("Surgery re sick note. Dr Okafor off til 12th.", ["12th"]),
    ("Lithium level 1.1, too high?? recheck 19th.", ["19th"]),
    ("Uncle's hospital visit 4.30. Anxiety 6/10.", ["4.30"]),
    ("Uncle's hospital visit 4.20. Anxiety 6/10.", ["4.20"]),  # (off the quarter hour: this rule alone)
])
def test_dates_and_hours_said_aloud_go(text: str, secrets: list[str]) -> None:
    assert through(text, secrets) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Only a third of the way through the course of tablets.", "third of the way"),
    ("One may argue the sertraline helps, five may not.", "One may argue"),
    ("Pain at seven out of ten by lunch.", "seven out of ten"),
    ("Monday at eight weeks pregnant, nausea 6/10.", "eight weeks"),
    ("Sat 92 on air, 96 with oxygen.", "Sat 92"),
    ("Fasting til 2nd dose, then review 2nd trimester.", "2nd dose"),
    ("Review 2nd trimester scan with the midwife.", "2nd trimester"),
    ("Visit 2.5 hours long, session 1.25 mg.", "1.25 mg"),
    ("She put me up to one hundred and fifty of the sertraline.", "one hundred and fifty"),
    ("Sugar level this morning one hundred and ninety after food.", "one hundred and ninety"),
])
def test_counts_scores_and_readings_said_aloud_stay(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("The portal login is my email daz dot kowalski eighty one at gmail dot com and the password.",
     ["daz", "kowalski"]),
    ("Send it to kez underscore b at outlook dot co dot uk please.", ["kez"]),
    ("The cop wanted my plate number C K R L two one five and I panicked.", ["C K R L two one five"]),
    ("The locker code is seven three nine one, don't forget.", ["seven three nine one"]),
    ("Text me on nine one seven four four two eight eight one nine.", ["nine one seven four"]),
    ("Sent the photo, I M G underscore four four eight one dot jpeg, to the nurse.", ["I M G underscore"]),
])
def test_addresses_and_numbers_said_aloud_go(text: str, secrets: list[str]) -> None:
    assert through(text, secrets) == []


def test_a_number_said_with_oh_or_double_still_goes_without_a_cue() -> None:
    """Round thirteen's rule, which the word for calling now also finds: pinned here without one."""
    assert through("Jotted down oh seven nine double-oh four triple-six one for later.", ["double-oh"]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("I was at home dot com addict all weekend.", "I was at home"),
    ("Breathe in for one two three four and out for six.", "one two three four"),
    ("I counted one two three four five six sheep.", "one two three four five six"),
    ("Call me, I counted one two three four five six seven eight to calm down.", "one two three four five six"),
])
def test_counting_and_words_round_at_and_dot_stay(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "secret"), [
    ("CBT w/ Gemma tomorrow, bring worksheet.", "Gemma"),
    ("My therapist doctor wolf said to journal when the flashbacks hit.", "wolf"),
    ("Paddy didn't know me this morning.", "Paddy"),
    ("Summer would have been 16 today.", "Summer"),
    ("Dr Rao at NIMHANS said the word combined-type.", "NIMHANS"),
])
def test_names_and_places_of_reflective_entries_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("Went w/ Tylenol and water, slept.", "Tylenol"),
    ("The doctor just said rest and fluids.", "just said"),
    ("Hope didn't last long, low again by noon.", "Hope"),
    ("Went back to WORK today, shattered.", "WORK"),
    ("Back to FOLFOX next week, cycle 4.", "FOLFOX"),
])
def test_products_words_and_regimens_beside_those_cues_stay(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "kept"), [
    ("Today Sugar Reading Was One Forty Two Fasting And BP One Thirty Over Eighty Five", "One Thirty Over Eighty"),
    ("Only Slept Four Hours Since Last Week And The Escitalopram Ten Is Not Helping Yet", "Escitalopram Ten"),
    ("Grocery List Eggs Bread Milk And The Celebration Of Life Is Saturday", "Celebration Of Life"),
])
def test_ordinary_words_of_a_text_in_title_case_stay(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "secret"), [
    ("Appointment With Doctor Bishop At The Pain Management Programme On Tuesday", "Bishop"),
    ("Called Priya About The Refill She Said Come Tomorrow", "Priya"),
    ("Walked To Glenfield Park With The Dog Felt Calmer After", "Glenfield"),
])
def test_names_and_places_of_a_text_in_title_case_still_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("PAIN 7/10 SINCE LUNCH, RIGHT LOWER SIDE. AUNTY SAID APPENDIX. WENT TO WESTMEAD", "WESTMEAD"),
    ("PREGNANT 34 WEEKS. HEADACHE + SWOLLEN FACE. HUSBAND OBINNA DROVE ME TO TRIAGE", "OBINNA"),
    ("Patient: FAIZAL BIN OSMAN DOB Hidden Ward Bed Consultant Review Pending", "OSMAN"),
])
def test_a_town_or_a_name_in_a_text_written_in_capitals_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("BACK PAIN 8/10 AGAIN. VA STILL HASNT APPROVED THE MRI. ICE 20 MIN, 2 ALEVE", "ALEVE"),
    ("GRABE ANG SAKIT NG TIYAN KO SINCE LUNCH, 7/10, TOOK BUSCOPAN AT NOON", "NG TIYAN KO"),
])
def test_words_drugs_and_acronyms_in_a_text_written_in_capitals_stay(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)


@pytest.mark.parametrize(("text", "secrets"), [
    ("The direct debit comes out of account ending four four seven one no it's 4471 on the fifth.",
     ["four four seven one", "4471", "fifth"]),
    ("Card ends in oh nine one two, cancel it.", ["oh nine one two"]),
    ("See you on the third at ten for the review.", ["third"]),
])
def test_last_digits_said_aloud_and_a_short_ordinal_day_go(text: str, secrets: list[str]) -> None:
    assert through(text, secrets) == []


@pytest.mark.parametrize(("text", "kept"), [
    ("The week ending one two three four was a blur.", "one two three four"),
    ("On the second try it worked, on the first day it didn't.", "second try"),
    ("On the first day of the course I slept badly.", "first day"),
])
def test_counting_and_ordinals_that_count_stay(text: str, kept: str) -> None:
    assert present(kept, deidentify(text).text)
