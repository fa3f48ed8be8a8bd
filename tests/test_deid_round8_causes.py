"""Issue 15, round eight: dates of other calendars and holidays that name a day (core/prompting/deid_calendars.py),
pinned in general terms. A holiday with its year is a date ("Christmas 2023"), alone it is not; a day of a Hijri
or Persian month, such a month with its year; Japan's era dates and the year of a "年 月 日" date. Every text is
made up."""

from __future__ import annotations

import re

import pytest

from healthviz_desktop.core.prompting.composer import explainer_text
from healthviz_desktop.core.prompting.deidentify import deidentify
from tests.support import deid_reference as REF


@pytest.mark.parametrize("text, date", [
    ("Christmas 2023 was the worst flare yet.", "Christmas 2023"),
    ("since Christmas Eve 2022 the cough", "Christmas Eve 2022"),
    ("Thanksgiving '22 I ended up in urgent care", "Thanksgiving '22"),
    ("Thanksgiving ‘22 I ended up in urgent care", "Thanksgiving ‘22"),  # a left quote typed for the apostrophe
    ("Eid al-Fitr 2024 at my aunt's, ate too much", "Eid al-Fitr 2024"),
    ("Nowruz 1403 dinner, reflux after", "Nowruz 1403"),  # a year of the Persian calendar
    ("since Orthodox Easter 2023 the knee", "Orthodox Easter 2023"),
    ("Lunar New Year 2024 in the hospital", "Lunar New Year 2024"),
    ("Tết 2024 was quiet", "Tết 2024"),
    ("Diwali 2023, migraine from the smoke", "Diwali 2023"),
    ("St. Patrick's Day 2024 parade", "St. Patrick's Day 2024"),
    ("the 4th of July 2023 fireworks set the dog off", "4th of July 2023"),
    ("Ramadan 1445 fasting headaches", "Ramadan 1445"),
])
def test_a_holiday_with_its_year_is_a_date(text: str, date: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text, explainer_text(text)[0]):
        assert date not in out and "[DATE]" in out, out


@pytest.mark.parametrize("text", [
    "after Thanksgiving the sugar was all over the place",
    "Ramadan is hard, fasting 14 hours with the tablets",
    "Christmas Day was fine, no headache",
    "easter egg hunt with the kids, knee sore after",
    "Easter 2000 steps only, the hip",  # a count after it, not a year
])
def test_a_holiday_alone_or_before_a_count_stays(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize("text, date", [
    ("fasting since 14 Ramadan 1445, dizzy", "14 Ramadan 1445"),
    ("appointment on 5 Shawwal 1445 AH", "5 Shawwal 1445 AH"),
    ("the 3rd of Ramadan the migraine", "3rd of Ramadan"),
    ("scan booked for 12 Farvardin 1403", "12 Farvardin 1403"),
    ("since Rajab 1445 the tremor", "Rajab 1445"),
    ("Mehr 1402 was when it started", "Mehr 1402"),
    ("on 3 Tir 1402 the first fit", "3 Tir 1402"),
])
def test_a_day_or_year_of_the_hijri_and_persian_calendars_is_a_date(text: str, date: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text):
        assert date not in out and "[DATE]" in out, out


@pytest.mark.parametrize("text", [
    "the mehr tea again, 2 cups",  # a Persian month word without a day or a year
    "took 2 tir of water",
    "my safar bag for 3 days",
])
def test_a_calendar_month_word_without_a_day_or_year_is_no_date(text: str) -> None:
    assert "[DATE]" not in deidentify(text).text


@pytest.mark.parametrize("text, gone", [
    ("born R6.3.14, checkup next week", "R6.3.14"),
    ("H31.4.1 was when the rash started", "H31.4.1"),
    ("S63/12/1 my mother's surgery", "S63/12/1"),
    ("checkup 令和6年3月14日 at the clinic", "令和6年3月14日"),
    ("平成31年 was the first attack", "平成31年"),
    ("seen 2024年3月14日", "2024"),  # the year the day-and-month rule left behind
])
def test_japanese_era_dates_and_a_kanji_year_are_dates(text: str, gone: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text):
        assert gone not in out and "[DATE]" in out, out


@pytest.mark.parametrize("text", [
    "T3 1.2, T4 14.5, TSH 2.1",  # thyroid results: a letter and numbers, not an era date
    "2024年 was a hard year",  # a year alone
    "H2 blocker 1.5 tabs",
])
def test_results_and_a_year_alone_are_no_era_date(text: str) -> None:
    assert "[DATE]" not in deidentify(text).text


# ---- from set H's moved entries (MOVED.md, round eight), in general terms ----------------------------------------

@pytest.mark.parametrize("text, age", [
    ("grandma 93 fell again near the bed", "93"),  # a family word right before an age over 89
    ("dedushka 93 fell again", "93"),
    ("奶奶 93 now at the care home", "93"),
    ("Мама 90 лет сегодня, swollen ankles", "90"),
    ("Eyang Kakung (91 thn) kontrol ke poli", "91"),  # and the word for years of more languages
    ("Vecmamma (Lyubov Ivanovna), 96, stopped eating", "96"),  # an age set off by commas after a name
    ("Grandpa Joe, 93, passed out at church", "93"),
])
def test_round_eight_ages_are_removed(text: str, age: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text):
        assert re.search(rf"\b{age}\b", out) is None and "[AGE]" in out, out


@pytest.mark.parametrize("text", [
    "Baby measuring on the 90th centile for the belly",  # an ordinal, not an age
    "MA 102 quiz tomorrow and I have not studied",  # a course code
    "mum 95 sats on the finger probe",  # a reading after a family word
    "my mum 92kg now",
    "HR 88, 96, 102 on the walk",  # a list of readings
    "nan 120/80 this morning",
])
def test_round_eight_age_look_alikes_stay(text: str) -> None:
    assert "[AGE]" not in deidentify(text).text


@pytest.mark.parametrize("text, secret", [
    ("Gave my RUT 15.882.431-K for the bono.", "15.882.431-K"),  # a national number in dotted groups
    ("Her DNI 12.604.338 and the OSDE number", "12.604.338"),
    ("Cédula 1.020.447.893, EPS afiliado", "1.020.447.893"),
    ("Called occ health ext 4471 about the bloods", "4471"),  # an extension alone
    ("Vet bill on the CareCredit card ending 4418.", "4418"),  # the last digits a card is known by
    ("account ending in 0917 was charged", "0917"),
    ("Use your login marqwill to view it", "marqwill"),  # a login no word list knows
    ("my snap is kayy.bby22 if ur reading this", "kayy.bby22"),
    ("venmo @kay-brooks-7 for the copay", "kay-brooks-7"),
    ("保険証 記号 2108 番号 44731", "2108"),  # the number after the word for one in Japanese
])
def test_round_eight_codes_are_removed(text: str, secret: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text, explainer_text(text)[0]):
        assert secret not in out, out


@pytest.mark.parametrize("text", [
    "paid $1.250.000 for the MRI",  # an amount of money
    "walked 1.250.000 steps this year lol",
    "hair extension 300 dollars",
    "the week ending 2024 was rough",
    "my login is broken again",
    "username niya",  # Tagalog's "his" after the word, not a handle
])
def test_round_eight_code_look_alikes_stay(text: str) -> None:
    assert "[ID]" not in deidentify(text).text


@pytest.mark.parametrize("text, gone", [
    ("Oma sesak napas lagi jam 04.15, SpO2 89%", "04.15"),  # the word for "at" of more languages
    ("Oma sesak napas lagi jam 04.20, SpO2 89%", "04.20"),  # (off the quarter hour: this rule alone, session 31)
    ("Dentist hari Minggu 10.00. Gusi bengkak.", "10.00"),  # a dotted time after a weekday
    ("rebooked Fri 12 July, 11.15. Lump bigger", "11.15"),  # ... or after a date
    ("next appt 4.5 (Fri) 18:30", "4.5"),  # a day and a month before a weekday in brackets
    ("uputila na RTG pluća 21.2. u 7:45", "21.2"),
    ("pregled 12. marta u 9h. Sin kaže", "marta"),  # a month of another language
    ("Randevu 14 Mart 10:40. Göz kontrolü", "Mart"),
    ("takim 7 maj ora 11:30", "maj"),
    ("Next visit 20 رمضان 1445.", "1445"),
    ("Consulta hoje 9h, BP 150/95", "9h"),
    ("an opening on the twenty second at three forty so I took it", "twenty second"),  # said in words
    ("an opening on the twenty second at three forty so I took it", "three forty"),
    ("the twenty-first of June was the last one", "twenty-first"),
    ("at seven oclock the pain came back", "seven"),
])
def test_round_eight_dates_and_times_are_removed(text: str, gone: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text, explainer_text(text)[0]):
        assert gone not in out, out


@pytest.mark.parametrize("text", [
    "took 2 tabs at 7.5 mg",
    "INR 2.15 Fri",
    "Fri 2.5 mg of the melatonin",
    # no minutes, no "h": no time ("jam 2 pagi", 2 in the morning, is one since session twenty-one, as "2am" is)
    "u 2 lol, tidur 2 jam",
    "on the second day of the flare",  # a plain ordinal
    "by the fifteenth time I gave up",
])
def test_round_eight_time_look_alikes_stay(text: str) -> None:
    assert "[DATE]" not in deidentify(text).text


@pytest.mark.parametrize("text, name", [
    ("rain (my roommate, yes her name is rain) made me drink water", "rain"),
    ("(lucky, we call her lucky because she came after 2 losses)", "lucky"),  # every time the text writes it
    ("the dog's name is Biscuit and he sleeps on my feet", "Biscuit"),
])
def test_a_name_the_text_says_is_one_is_removed_everywhere(text: str, name: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text, explainer_text(text)[0]):
        assert re.search(rf"\b{name}\b", out, re.IGNORECASE) is None, out


@pytest.mark.parametrize("text", [
    "his name is on the list for the op",
    "we call him when it flares",
    "I called it dopamax at work lol",  # a thing called so
])
def test_naming_look_alikes_stay(text: str) -> None:
    assert "[NAME]" not in deidentify(text).text


@pytest.mark.parametrize("text, terms, secret", [
    ("come in to the branch on Herzl 45 Bat Yam", ["Bat-Yam"], "45"),  # a house number after its street
    ("Green Lanes Surgery, 320 Green Lanes N4.", ["Green Lanes"], "320"),  # ... or before it
    ("Repeat prescription posted to me at 14 Cois Cuain, Salthill", [], "14"),
    ("apt on Main St #14. Youngest wheezing", [], "14"),
    ("records from поликлиника №12 in Novosibirsk", [], "12"),  # a numbered polyclinic, school, clinic
    ("School 155 director unhappy about sick leave", [], "155"),
    ("IMSS UMF 28 in Guadalajara for my sugar", [], "28"),
    ("Dobrobut clinic on вул. Богдана Хмельницького 16 said rest", [], "16"),  # a Cyrillic street
    ("Личен лекар, ул. Шипка 22, утре", [], "Шипка"),
    ("Gesundheitsamt, Gustav-Mahler-Str. 3.", [], "Gustav-Mahler-Str"),
    ("the new apartment at Cra 43A #18-95, apto 1102", [], "18-95"),  # a Colombian address and a flat
    ("the new apartment at Cra 43A #18-95, apto 1102", [], "1102"),
    ("Klinik Bad Orb, Zimmer 214.", [], "214"),  # a room in another language
    ("the clinic on вул. Шевченка 16, kv. 4. Lola stayed home", [], "4"),  # a flat written short
    ("ул. Ленина 5, кв. 12, второй этаж", [], "12"),
    ("Green Lanes Surgery, 320 Green Lanes N4. Please arrive early", ["Green Lanes"], "N4"),  # a postcode district
    ("moved to 5 Hill Street, SW1A 2AA last month", [], "2AA"),
    ("Psychiatrist appt in Daegu at 마음편한의원, Dr Kwak", [], "마음편한의원"),  # a clinic named in Korean
    ("Psychiatrist appt in Daegu, 마음편한의원 on Friday", [], "마음편한의원"),  # (no "at": this rule alone)
    ("В 119 СУ ще ме замести колежката", [], "119"),  # a school's number before its abbreviation
    ("Called the FHCSD pharmacy to refill", [], "FHCSD"),  # an unknown acronym before a place of care
    ("posted to me at 14 Cois Cuain, Salthill, H91 X2K7.", [], "X2K7"),  # an Eircode
])
def test_round_eight_addresses_go_with_their_numbers(text: str, terms: list[str], secret: str) -> None:
    for out in (deidentify(text, terms).text, REF.deidentify(text, terms).text, explainer_text(text, terms)[0]):
        assert re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", out) is None, out


@pytest.mark.parametrize("text, kept", [
    ("went to Boots 3 times this week", "3 times"),  # a count after a place
    ("seen at St Marys 2 weeks ago", "2 weeks"),
    ("Migren. Parol 500 then metoclopramide", "500"),  # a product read as a place keeps its dose
    ("at 14 Nadia started walking", "14"),  # an age before a name
    ("BP 120 H91 was the reading", "120"),
    ("lives at 12 Oak Road B12 shots monthly", "B12"),  # a vitamin after an address, not a postcode
    ("the NHS clinic was fine, GP surgery too", "NHS"),
])
def test_round_eight_numbers_beside_places_that_are_no_address_stay(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize("text, org", [
    ("L4 na 3 dni do pracy (Allegro). Telefon przychodni", "Allegro"),  # in brackets after the word for work
    ("the TfL HR lady was nice about it", "TfL"),  # an acronym before its HR or rep
])
def test_round_eight_employers_are_removed(text: str, org: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text):
        assert org not in out and "[EMPLOYER]" in out, out


@pytest.mark.parametrize("text", ["GP HR was fine", "NHS payroll messed up my pay", "ED rep came round"])
def test_clinical_acronyms_before_hr_stay(text: str) -> None:
    assert "[EMPLOYER]" not in deidentify(text).text


# ---- over-redaction, from set H's identifier-free entries that changed (third look) and the tuning corpus --------

@pytest.mark.parametrize("text", [
    "ginger tea my mum recommended on WeChat. If still nothing by next week",  # an app people name
    "papaya leaf juice (mak insisted). Panadol only",  # a family word of another language
    "pms again bloated moody crying",  # an abbreviation the name list had
    "Nexium 40mg. Mashallah the lentil soup was good. Inshallah better tomorrow.",  # words of faith
    "Smecta 3 sachets, Linex. No fever, 36.9",  # brands of other countries the drug lists lack
    "took Citramon one tablet and later Pentalgin, blood pressure 135/88",
    "I take Maxalt 10mg and Dramamine, sleep 3 hours",
    "gonna ask the school nurse abt it tmrw",  # text-speak
    "Pt = me lol. 3/7 hx sore throat, odynophagia",  # three days, in clinical shorthand
    "widal +ve, cipro 500 bd x 7/7, rest",  # a seven-day course
])
def test_round_eight_identifier_free_text_is_left_alone(text: str) -> None:
    assert deidentify(text).text == text
    assert REF.deidentify(text).text == text


@pytest.mark.parametrize("text, gone", [
    ("appt on 3/7 at the clinic", "3/7"),  # a day and a month, not a duration
    ("Arjun from my team at Grab sent fruit", "Grab"),  # an app someone works for is still their employer
    ("diabetes clinic at BC Women's next week", "BC"),  # "bc" is no text-speak here
])
def test_round_eight_look_alikes_of_what_is_left_alone_still_go(text: str, gone: str) -> None:
    assert re.search(rf"\b{re.escape(gone)}\b", deidentify(text).text) is None
