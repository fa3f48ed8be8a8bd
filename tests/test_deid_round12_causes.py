"""Issue 15, round twelve: what set L's looks found, each cause pinned in its general form with look-alikes that must
stay. All text here is made up (no sentence of a held-out entry): names, places and numbers are invented."""
from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify


def _gone(text: str, secret: str, terms: tuple[str, ...] = ()) -> None:
    out = deidentify(text, list(terms)).text
    assert secret not in out.replace("[", " ").replace("]", " ").split() and secret not in out, out


# Set L's first look (27 entries moved): Indigenous and Pacific peoples, young people online, health and shift
# workers. Each row: a made-up sentence of the same form, and the secret that must not go out.
@pytest.mark.parametrize(("text", "secret"), [
    ("Matariki 2025 at the marae, my knees were sore after.", "2025"),  # a Māori holiday with its year
    ("NAIDOC week 2023 on the oval, asthma flared.", "2023"),
    ("Orange Shirt Day 2024 walk, shins sore.", "2024"),
    ("Rang the clinic, they can see me Tuesday 11/19 @ 10.", "10"),  # an hour bare after a date
    ("Biopsy at the Royal 1445, all fine.", "1445"),  # a four-digit clock after what happens at it
    ("Flew to Palm Island for dialysis, tired.", "Palm"),  # an island, whatever its first word is
    ("Ferry to Thursday Island for the eye clinic.", "Thursday"),
    ("my band card 88-220417 (Kahnawake) expired, pharmacy fussed.", "Kahnawake"),  # the nation after a number
    ("band number 512, registry 7741200113 for the forms.", "512"),  # a number a nation gives
    ("Pasted: 'Pt: TAUTAHI M. DOB: 01/02/1960. Dx: COPD'", "TAUTAHI"),  # a portal's name in capitals
    ("Patient name: NGATA, Riria. Seen in clinic.", "NGATA"),
    ("Text: 'Appt for R****442K at the polyclinic.'", "442K"),  # a number masked the way a service masks it
    ("card ****7731 declined at the chemist", "7731"),
    ("streamed all night (kick.com/quietmoth) and my wrist is wrecked", "kick.com/quietmoth"),  # any host with a path
    ("vods at twitch.tv/mothlight_irl if you care, neck stiff", "twitch.tv/mothlight_irl"),
    ("saved it as Screenshot 2024-05-02 at 6.12.40 PM.png for the GP", "6.12.40"),  # a clock with seconds
    ("gogo is 94 and sharp. she ignores me but at 94 you get to.", "94"),  # an age found, said again bare
    ("Lola Nita (client ko, 95 na siya) asked about my cough", "95"),  # Tagalog's "is already 95"
    ("took 10mg at 7:30 and another at 11 so I could sit the exam", "11"),  # an hour after a dose
    ("elvanse at 7 and again at 12 for the double shift", "12"),
    ("shutdown around 4, couldn't speak, texted instead", "4"),
    ("sumatriptan at 0415 and it eased by 5ish", "5ish"),  # an hour said roughly
    ("worked 7p-7:30a on the ward, feet killing", "7p-7:30a"),  # a shift with a bare "a" and "p"
    ("duty sa ER kahapon 3-11 tapos nag-extend", "3-11"),  # a shift's hours where a shift is spoken of
    ("fourth long day in a row on 6C and my back is gone", "6C"),  # a ward after the words of a shift
    ("portering at the BRI 07:00-19:30, shins 6/10", "BRI"),  # an unknown acronym where someone works, timed
    ("PrEP refill at the clinic in Woodstock, mild nausea", "Woodstock"),  # a suburb after a place of care
    ("flu jab at the surgery in Gardens today", "Gardens"),  # one that is a word
    ("second shot at the Fenway-Howard clinic, arm sore", "Fenway-Howard"),  # two names joined before a clinic
    ("i cried in the Marlowes toilets after work", "Marlowes"),  # "in the" a place no list knows
    ("penn state please fix the counselling waitlist", "state"),  # a state's university, in lower case
    ("the DPD round again, neck 5/10", "DPD"),  # a courier's round
    ("worked nights at the Amazon fulfilment centre, feet numb", "Amazon"),
    ("carried patient Baba Tunde alone, back 7/10", "Tunde"),  # "Baba" as an elder is called
])
def test_round_twelve_first_look_causes(text, secret):
    _gone(text, secret)


def test_a_short_form_of_a_private_given_name_goes_where_it_reads_as_a_name():
    out = deidentify("gaming with kai and ro all night, ro's mic was broken", ["Rowan", "Kai"]).text
    assert " ro" not in out and "ro's" not in out, out
    # never an ordinary word or a title: "do" of Dorothy, "Dr" of Dren
    assert deidentify("Dorothy visited and do my physio after", ["Dorothy"]).text.endswith("and do my physio after")
    assert deidentify("my dermatologist Dr. Kelmendi said", ["Dren"]).text.startswith("my dermatologist Dr. ")


@pytest.mark.parametrize("text", [
    "pain was at 7 all day, then at 5 by evening",  # a level, not a time
    "took 2 paracetamol, pain 6 from 10",  # a score out of ten
    "covid round 2, fever 38.4",  # a round's number
    "round 3 of chemo next week",
    "worked 3-4 days this week, knee 5/10",  # a count of days
    "did 3-4 reps then stopped",
    "shift was fine, pain 3-8/10",  # a range of scores
    "flight 2015 was my first",  # a four-digit number that reads as a year
    "Surgery went ok, 1200 ml blood loss",  # a volume, not a clock
    "BP 94/60 and HR 94 this morning",  # readings, no age found
    "gran is 95 now. sats 95% and pulse 95.",  # the age goes, the readings stay
    "Islets of Langerhans were mentioned",  # (both taken out before round twelve)
    "Torres Strait Islander health check today",  # who the check is for
    "Aboriginal and Torres Strait Islander people",
    "appt at the clinic in January",  # a month after a place of care
    "In the Neurologie they took bloods",  # a word of another language after "in the"
    "by the Persian calendar it was 1402",
    "Guillain-Barre clinic review",  # an eponym before a clinic
    "Pt: COPD exacerbation, settled",  # a clinical word after a label
    "on 2 tabs a day now, dizzy",
])
def test_round_twelve_look_alikes_stay(text):
    out = deidentify(text).text
    for word in ("pain", "7", "6 from 10", "round 2", "round 3", "6p", "3-4", "3-8/10", "2015", "1200", "94/60",
                 "sats 95%", "Langerhans", "Torres Strait Islander", "January", "Neurologie", "Persian",
                 "Guillain-Barre", "COPD", "2 tabs"):
        if word in text:
            assert word in out, (word, out)


def test_the_bare_hour_rule_needs_something_done_at_a_time_of_day():
    assert deidentify("rated it at 7 after lunch").text == "rated it at 7 after lunch"
    assert "[DATE]" in deidentify("woke at 5 with my heart pounding").text
    # round three kept these as habits; the writers of sets E to L all mark such hours, so round twelve takes them
    # (readings keep theirs: "145/95 at 8" is a value, then the hour it was read at, which stays)
    # (session thirty: "sofa by 8," goes too, a bare hour ending its clause)
    assert deidentify("Woke at 6 with the stiffness, sofa by 8, bed by 9; 145/95 at 8, 131/86 at 6.").text == \
        "Woke at [DATE] with the stiffness, sofa by [DATE], bed by [DATE]; 145/95 at 8, 131/86 at 6."


# Set L's second look (32 entries moved): the account, the first four changed identifier-free entries and the next
# employers, dates, places and names of each writer.
@pytest.mark.parametrize(("text", "secret"), [
    ("Nurse flies in Thursday 1100. Fever 38.1 overnight.", "1100"),  # a four-digit clock after a weekday
    ("Dressing change Tues 1000, then rest", "1000"),
    ("Labour Weekend 2023, cut my hand on the fence wire", "2023"),  # a long weekend with its year
    ("mail to HC 72 Box 1184, Chinle AZ 86503 please", "1184"),  # a rural route's box
    ("mail to HC 72 Box 1184, Chinle AZ 86503 please", "Chinle"),  # the town before a state and ZIP
    # (session thirty: after a box's number the name rules take an unknown town too; a town that is a word needs this)
    ("mail to Box 1184, Sage AZ 86503 please", "Sage"),
    ("Tama from Pinecreek helped stack the hay, good kid", "Pinecreek"),  # a town after "from"
    ("ambulance base out of Fermoy, 19:00 to 07:00, reflux bad", "Fermoy"),  # after "out of"
    ("Took Kahurangi to the eye clinic, both eyes sticky", "Kahurangi"),  # someone taken somewhere
    ("the server knows me as fern.goblin so I vented there", "fern.goblin"),  # a handle after its cue
    ("couldn't do my wagamamas shift so swapped", "wagamamas"),  # an employer in lower case before a shift
    ("uni is QUT if the form asks, student id n1182234", "QUT"),  # the school a uni is said to be
    ("walked out of work till like 9, couldn't speak", "9"),  # "till" an hour
    ("meltdown at the Westfield at around 3, food court chaos", "3"),  # "at around" an hour
    ("nights. By 8 i was shaking", "8"),  # a sentence opening "By" an hour
    ("Sign on 1:50pm, finished 11ish, eyes cooked", "11ish"),  # an hour said roughly anywhere
    ("4/6 - Shift 0600-1430 on the 22 route", "4/6"),  # a day and month heading an entry
    ("WSHS said hgb 9.6 so iron tablets", "WSHS"),  # an acronym no list knows that speaks
    ("colonoscopy at UCSF Benioff next week", "Benioff"),  # an acronym and the name after it
    ("three nights at Memorial Hermann TMC, 7p-7a", "TMC"),  # an acronym after where someone works
    ("Barts and St Thomas staff number 30044121", "Barts"),  # a hospital joined to a saint's
    ("he is on nights at Foster Farms so I'm alone", "Farms"),  # a brand's other words after a shift's word
])
def test_round_twelve_second_look_causes(text, secret):
    _gone(text, secret)


def test_private_ordinary_words_read_as_names_in_a_bracket_of_whose_or_signing_a_note():
    out = deidentify("gamertag banned. storm (the real one, my housemate) made me toast", ["Storm"]).text
    assert "storm" not in out.casefold(), out
    assert deidentify("memory here, writing this at the bus stop", ["Memory Chinyama"]).text.startswith("[PRIVATE]")
    assert deidentify("storm (heavy rain) all day", ["Storm"]).text == "storm (heavy rain) all day"


@pytest.mark.parametrize("text", [
    "Ka pai today, puku pain settled",  # te reo Māori "good", "belly"
    "Brah my sciatica stay killing me",  # Hawaiʻi Pidgin
    "feeling better, fa'afetai le Atua. The cough is easing",  # Samoan "thank God"
    "Went to mahi for half a day, sat on the swiss ball.",  # "work"; the exercise ball
    "Missed my Biphentin dose this morning",  # a Canadian ADHD brand
    "BP 138/88 at the pyxis cuff lol. Need to do my CEUs.",  # the ward's cabinet; education units
    "Hangxiety through the roof, 8/10",
    "Max volume brown noise helped. Hope tomorrow is quieter.",  # "Hope" opening a sentence after a cue word
    "patrzę w sufit, może w końcu odeśpię",  # Polish "w" is "in", not "with"
    "Ivabradin from Post-COVID-Ambulanz, 5 mg.",  # a clinic's kind after "from", hyphenated
    "out of Hours doctor came at night",  # the out-of-hours service
    "7/10 - awful day, pain behind the eye",  # a score heading an entry, not a date
    "pain at 5ish all day, headache 4ish/10",  # levels said roughly
    "took Panadol to the office, took Nurofen back to the shop",  # a drug taken somewhere is a drug
    "my resus shift, then my night shift",  # parts of the ED, ordinary words
    "3 nights at Mum's, nights at Home",
])
def test_round_twelve_second_look_alikes_stay(text):
    assert deidentify(text).text == text


# A second reader's review of round twelve (its own made-up sentences; fixed before the round closed): what must stay.
@pytest.mark.parametrize("text", [
    "Worked from home, pain 3-7 all day.",  # a range of scores after a work word
    "Doing better, pain on a scale of 1-10 is about 4.",
    "Did 4-8 laps of the pool",
    "Took around 4 puffs of ventolin",  # counts after a word of time
    "Took around 2 paracetamol",
    "By 10 reps my knee was burning",
    "Dose increased by 5 on Monday.",  # an amount after "by"
    "pain fell by 4 points, then by 3 more",
    "Breathe in till 4, hold till 7, out till 8",  # 4-7-8 breathing
    "Bloods back, ferritin 1200 which is high.",  # a lab value, a volume, a price
    "Dialysis took off 1500 today",
    "Flight was 1800 dollars",
    "4/5 - decent sleep, mild headache",  # a score heading an entry
    "Third night on 2L of oxygen",  # litres, not a ward
    "Long day working on 5K training",
    "Back at school in Year 9",  # a year group, a subject, a season, a department
    "panic attack at school in Maths",
    "at the clinic at Christmas",
    "hospital in Outpatients today",
    "The CMHT called",  # services of care by their acronyms
    "CAMHS referred him",
    "HC 35 cm at the check",  # a baby's head circumference
    "my a&e shift, my hca job",
    "Dad is 95. Page 95 of the leaflet",  # the age goes, the page stays
    "PT: HEP done twice",  # physiotherapy, not a patient label
    "Patient: ANXIOUS about the scan",
    "Rough night.nausea/vomiting till morning",  # a missing space, not a web address
])
def test_what_the_review_of_round_twelve_found_stays(text):
    out = deidentify(text).text
    if text.startswith("Dad is 95"):
        assert out == "Dad is [AGE]. Page 95 of the leaflet", out
    else:
        assert out == text, out


def test_a_word_in_capitals_after_uni_is_is_no_school():
    assert "MEGA stressful" in deidentify("Uni is MEGA stressful this week").text
    assert "[SCHOOL]" in deidentify("uni is QUT if the form asks").text


def test_a_television_island_is_no_place():
    assert "[PLACE]" not in deidentify("Watched Love Island in bed").text
