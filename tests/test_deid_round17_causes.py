"""Round seventeen of issue 15 (session eighteen): what the tuning corpus's leaked identifiers taught, each generalised
past its entry (made-up text here): the short titles of other languages ("MUDr.", "Dra.", "Dott.ssa", "Dr. med."),
names in Chinese, Japanese and Korean letters after a person word or before a form of address, surnames in
capitals after a title, a writer saying who writes ("Kestrin here."), a workplace named before the word for it,
and clock times after the day they fall on or a word for when. Each test holds a form that must go and the
look-alike that must stay."""

from __future__ import annotations

import re

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify


def _out(text: str) -> str:
    return deidentify(text).text


@pytest.mark.parametrize("text, gone", [
    ("seen by MUDr. Brennock.", "Brennock"),
    ("MUDr. Novák", "Novák"),
    ("Dra. Paredes me vio", "Paredes"),
    ("la Dott.ssa Bianchi ha detto", "Bianchi"),
    ("Dott. Rossi", "Rossi"),
    ("Dr. med. Katrin Vogel, Praxis am Markt", "Vogel"),
    ("Dr. med. dent. Vogel", "Vogel"),
    ("Mme. Roux", "Roux"),
])
def test_a_short_title_of_another_language_names_the_word_after_it(text: str, gone: str) -> None:
    assert gone not in _out(text)


@pytest.mark.parametrize("text", [
    "took my med. Later the pain eased",  # a full stop after "med" that is no title's
    "Rang the mgr. Rest of shift was fine.",  # a manager, in English
    "Wasn't expecting the Sra. Breakfast was late.",  # a title, then a sentence
    "MUDr. Cough better.",
    "Saw the Dr. med. Review in 6 weeks.",
    "la Dott.ssa ha detto",  # the title alone: nothing after it is a name, "ssa" is its ending
])
def test_a_title_never_makes_a_word_of_itself_or_its_ending_a_name(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text, gone", [
    ("Dr. 黃志明 said extract", "黃志明"),
    ("dr 李 said", "李"),
    ("Boss 陳經理 said take 2 days.", "陳"),
    ("Patient: 高橋 健太 ( ).", "健太"),
    ("Husband 김준호 drove.", "준호"),
    ("Husband 김준호가 drove", "준호"),
    ("Baby 이서윤 feeding every 2h.", "서윤"),
    ("환자 이정민, 진단 담낭염", "이정민"),
    ("利用者 佐藤ハル 様, デイサービス", "佐藤"),
    ("患者 王小明 入院", "王小明"),
    ("王医生 said rest", "王"),
    ("今天王医生说没事", "王"),
    ("田中さんが来た", "田中"),
    ("김민수 씨가 왔다", "김민수"),
    ("이정민님 진료", "이정민"),
])
def test_a_name_in_chinese_japanese_or_korean_letters_goes_by_its_person_word(text: str, gone: str) -> None:
    assert gone not in _out(text)


@pytest.mark.parametrize("text", [
    "mom 高血压 again",  # her blood pressure: no given name has those characters
    "my son 발열 39",  # a fever: a Korean clinical word's ending
    "선생님 said 괜찮아",  # the teacher, the doctor: a role before the form of address
    "고객님 센터",
    "看護師さん優しい",
    "お母さんが来た",
    "날씨 추워",  # the weather: no surname before "씨"
    "마음씨 좋은",
    "任何医生都说",  # any doctor
    "我和医生说了",  # "and" is no surname
    "老公感冒了",
    # the second reader's everyday words after a person word or before a form of address
    "Husband 출근했어요 so I'm alone", "Mom 今天 feels a bit better", "Dad 고혈압 since years", "于是医生说要住院",
    "我向医生反映了", "本屋さん was crowded", "ご馳走様でした", "校長先生 called", "하느님 감사합니다",
    "이모부님이 병원에 데려다 주셨다", "조무사님 took my BP", "Baby 黄疸 levels still high", "Patient: 高龄, fall risk",
    "老公 今天 出差, I'm alone", "那位先生让座给我。",
])
def test_a_clinical_word_or_a_role_in_those_letters_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text, gone", [
    ("Patient Mr. CHEUNG, DOB", "CHEUNG"),
    ("seen by Dr SMITH today", "SMITH"),
    ("Dr. OKONJO said", "OKONJO"),
    ("Prof. MÜLLER said rest", "MÜLLER"),
    ("DR SMITH ADVISED REST", "SMITH"),
    ("Patient: NGUYEN VAN AN", "NGUYEN"),
    ("Patient: NGUYEN VAN AN", "AN"),
    ("Patient: ÅSTRÖM, Lars", "ÅSTRÖM"),
    ("PATIENT: BROWN SARAH, WARD 5", "BROWN"),
])
def test_a_surname_in_capitals_after_a_title_or_patient_goes(text: str, gone: str) -> None:
    assert not re.search(rf"(?<!\w){gone}(?!\w)", _out(text))


@pytest.mark.parametrize("text", ["Patient: ICU bed", "Pt: FALL RISK", "Patient: NAUSEA AND VOMITING",
                                  "Dr. NSAID", "Dr. FINALLY listened to me!", "Dr. HIGH DOSE steroids",
                                  "Mr. NBM from midnight.", "Pt: PEG FED", "Patient: HOME TOMORROW"])
def test_a_heading_or_a_clinical_word_in_capitals_stays(text: str) -> None:
    assert _out(text) == text


def test_a_word_that_joins_a_sentence_ends_a_surname_in_capitals() -> None:
    assert _out("Dr. SMITH AND Dr. JONES both agreed.") == "Dr. [NAME] AND Dr. [NAME] both agreed."


def test_a_surname_in_capitals_ends_at_the_form_s_next_field() -> None:
    assert _out("Mr. NGUYEN VAN AN DOB given") == "Mr. [NAME] DOB given"
    assert _out("Patient: NGUYEN VAN AN DOB given") == "Patient: [NAME] DOB given"  # (deid_pasted's label)


@pytest.mark.parametrize("text, gone", [("Rose here.", "Rose"), ("Hope here, checking in", "Hope"),
                                        ("OK so. Grace here - cough 7/10", "Grace")])
def test_a_writer_saying_who_writes_is_a_name(text: str, gone: str) -> None:
    assert gone not in _out(text)


@pytest.mark.parametrize("text", ["Mum here again, writing for him", "Pain here. 6/10", "Nobody here.",
                                  "Snow here. Didn't go out.", "Chaos here. Kids sick."])
def test_a_word_for_someone_or_something_here_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text", ["Zorvexa works for me", "this dose works for us", "Works for me!"])
def test_works_for_me_names_no_employer(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text, gone", [("they said come in tomorrow 9.40.", "9.40"),
                                        ("Saw GP today 9.40 then home", "9.40"),
                                        ("home by 0815 MTR", "0815"),
                                        ("meds before 0730, then the bus", "0730")])
def test_a_clock_after_its_day_or_a_word_for_when_goes(text: str, gone: str) -> None:
    assert gone not in _out(text)


@pytest.mark.parametrize("text", ["INR today 2.35", "review booked, INR today 2.35", "saw GP, LDL today 3.10",
                                  "Bus fare today 2.50, cheap", "Appt tomorrow 2.25 score on the PHQ",
                                  "Parking today 4.50, rip off.", "today 6.5 mmol", "since 2019 I have had it",
                                  "by 1200 kcal", "walked by 1000 steps", "colour temperature around 2200 K"])
def test_a_reading_a_year_or_a_value_after_those_words_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text, gone", [("Went to 林口長庚 rehab", "林口"), ("牙科 at 台北榮總 today", "台北")])
def test_a_taiwanese_hospital_by_its_group_s_short_name_goes(text: str, gone: str) -> None:
    assert gone not in _out(text)


@pytest.mark.parametrize("text", ["went to 医院 today", "went to 소아과 with the baby", "동네소아과 갔는데 사람 많았음",
                                  "今日は保育園を休んだ、熱38度", "talked to 医生 about the rash",
                                  "allergic to 花粉 again"])
def test_a_generic_place_word_in_those_letters_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text, gone", [("Con bé Bông (my daughter, 4) fever 39", "Bông"),
                                        ("Marama (colleague) covered my shift", "Marama"),
                                        ("Tobi (my son) has a cough", "Tobi")])
def test_a_word_before_a_bracket_saying_who_it_is_is_a_name(text: str, gone: str) -> None:
    assert gone not in _out(text)


@pytest.mark.parametrize("text", ["Sertraline (GP) upped to 100", "Lyrica (consultant, 2 weeks ago)",
                                  "took Ventolin (my inhaler) twice", "Mum (my rock) came",
                                  "Calpol (my son, 3) 5 ml at bedtime", "Fever (my daughter, 4) since yesterday",
                                  "Covid (colleague) so I tested too", "Weight (my son, 3) 14 kg"])
def test_a_drug_and_who_gave_it_or_a_family_word_before_a_bracket_stays(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text", ["Dinnae ken why my heid's sair.", "Nuff pain today.", "Howzit, knee still swollen.",
                                  "Sige, will take Biogesic.", "Likkle better today.", "Ayoyo my head."])
def test_an_everyday_word_of_a_regional_english_opening_a_sentence_stays(text: str) -> None:
    assert _out(text) == text


def test_no_regional_word_taken_as_no_name_is_a_name_the_lists_know() -> None:
    from healthviz_desktop.core.prompting import deid_patterns
    from healthviz_desktop.core.prompting.vocabulary import word_lists

    lex, lists = deid_patterns.lexicon(), word_lists()
    regional = {"dinnae", "heid", "nuff", "likkle", "pickney", "howzit", "sige", "talaga", "ayoyo", "eish"}
    assert regional <= lex.not_name
    assert not regional & (lists.names | lists.name_words | lex.first_names | lex.ambiguous_first_names)


# set Q's first look (22 entries moved to the tuning corpus, heldout/MOVED.md), each as its general form
@pytest.mark.parametrize("text, gone", [
    ("ts=1719806400 hr=54", "1719806400"),
    ('{"time": 1719806400123, "bg": 110}', "1719806400123"),
    ("vomiting since 4 in the morning", "4"),
    ("Doctor say fi come back clinic 14th.", "14th"),
    ("Week 12 visit for the trial today. Site 042 at the hospital", "042"),
    ("centro 55 no estudo", "55"),
    ("She 94 now an still sharp", "94"),
    ("阿嬤 is 94 and still asks", "94"),
    ("Grandpa Kimo turn 101 today!! Party", "101"),
    ("Aunty Lani already 96, stay in town.", "96"),
])
def test_set_q_s_first_look_forms_go(text: str, gone: str) -> None:
    assert not re.search(rf"(?<![\w/]){re.escape(gone)}(?![\w/])", _out(text))


@pytest.mark.parametrize("text", [
    "took 2 in the morning", "pain 3/10 at the appointment", "clinic 3rd floor", "back 2nd time",
    "study: injection site 12 red", "JMBG 1503998175021 on the form", "She 95% sats now", "he 92 bpm now",
    "She 96 out of 100 on the test", "Appointment 3/10 pain, much better", "Taking about 2 in the morning now",
    "Pain around 6 this morning on scale", "Appointment 4th in line, waiting ages", "Due 2nd booster",
    "Clinic 2nd and 4th Tuesday of month", "In the trial, the centre 27 km from home", "Her sats she 94 now on 2L",
    "She 94 today on the oximeter", "Sugar she 110 this morning", "eGFR she 92 now",
    "BP already 95 this morning", "Sats already 94 on air", "HR turn 120 when I stand",
])
def test_set_q_s_first_look_look_alikes_stay(text: str) -> None:
    out = _out(text)
    assert out == text or ("JMBG" in text and "[ID]" in out and "[DATE]" not in out)


def test_a_score_after_already_is_no_age() -> None:
    assert "95 on the test" in _out("Kimo already 95 on the test")  # (Kimo goes: a name opening a sentence)
