"""Issue 15, round ten (set J's first look): the causes found, pinned with their look-alikes.

Everyday words of other languages that people mix into an English journal ("Tamam, tomorrow I drink more water",
"Daijoubu, daijoubu", "Ojalá que el Tempra haga algo", "Ladno, drank more water") were read as names at the start of
a sentence; brands of the Middle East, Latin America, Eastern Europe and East Asia were read as names; and a
surname that is also such a word went out after a title ("Dr Long"). All text here is made up."""
from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify


@pytest.mark.parametrize("text", [
    "Tamam, tomorrow I drink more water at sahur.",
    "Khalas, no more harissa this week.",
    "Beseder overall, sababa.",
    "Daijoubu, daijoubu, I keep telling myself. Mottainai to waste the onsen ticket.",
    "Gwaenchana... not really. Hagwon until late then self-study.",
    "Aiyo the itch 8/10, shiok after the cold shower lor.",
    "Nichego osobennogo today. Ladno, drank more water. Davai, tomorrow walk more.",
    "Pues, today was better. Ándale, I told myself. Ojalá que mañana sea mejor.",
    "Tudo bem hoje, mais ou menos. Tomei Dipirona 1g de manhã.",
    "Maman says no more yogurt at night, khob what can I do.",
])
def test_everyday_words_of_other_languages_are_no_names(text):
    assert deidentify(text).text == text


@pytest.mark.parametrize("brand", ["Optalgin", "Dipirona", "Tempra", "Tandrene", "Mydocalm", "Цитрамон", "Ketanov",
                                   "Loxonin", "Bufferin", "Elomet", "Dorflex"])
def test_brands_of_those_countries_stay(brand):
    text = f"Bad night. {brand} twice, then slept."
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("Saw Dr Long yesterday, new plan.", "Long"),  # a word the lists call no name, after a title: a surname
    ("Mrs Tudo rang about the dog.", "Tudo"),
    ("Dr Bueno said rest.", "Bueno"),  # a surname left off the list of words on purpose
    ("Manana came over with soup.", "Manana"),  # a Georgian given name, kept off the list ("mañana" is on it)
    ("Called Salah after Jummah.", "Salah"),  # a given name, kept off the list
])
def test_names_that_look_like_those_words_still_go(text, secret):
    out = deidentify(text).text
    assert secret not in out, out


def test_a_title_before_a_weekday_or_a_relation_starts_no_name():
    for text in ("Dr Monday 3pm", "Dr Mum said so"):
        assert deidentify(text).text.split()[:2] == text.split()[:2], text


# ---- set J's second look: the first leaks of each writer, generalised ----------------------------------------

@pytest.mark.parametrize(("text", "secrets"), [
    ("Ramazan Bayramı 2024 I will take off three days.", ["2024"]),
    ("Lebaran 2024 mudik, baby diare 4x sehari.", ["2024"]),
    ("Maslenitsa 2023 blini with the kids.", ["2023"]),
    ("fell asleep after 3点, woke early", ["3点"]),
    ("Headache since ۱۴۰۲/۱۲/۰۵, pressure behind forehead.", ["۱۴۰۲/۱۲/۰۵"]),
    ("Call back ٠٥٠ ٣٨١ ٢٢٧٦ after work.", ["٢٢٧٦"]),
    ("поликлиника, приём 14.02 в 9:40, полис не забыть.", ["14.02"]),
    ("La enfermera me ve el lunes a las 9.", ["9"]),
])
def test_holidays_clocks_and_digits_of_other_scripts_go(text, secrets):
    out = deidentify(text).text
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("glucose 5.6 в 8:00, fasting", "glucose 5.6 в"),  # a reading with another language's "at": no two-digit month
    ("um 2 Tabletten am Abend", "um 2 Tabletten"),  # a count after "um", not a clock
    ("a las 3 semanas del parto", "a las 3 semanas"),
    ("打点滴 2 bags today", "打点滴 2 bags today"),  # a drip, not an hour
    ("Vit D 1000 IU daily, steps 8400", "Vit D 1000 IU daily, steps 8400"),  # a dose is no plate
])
def test_their_look_alikes_stay(text, kept):
    assert kept in deidentify(text).text


@pytest.mark.parametrize(("text", "secrets"), [
    ("Dr. Wang (王建国) gave me herbal tea.", ["Wang", "王建国"]),
    ("Sota (颯太) fever 39.4 at night.", ["颯太"]),
    ("My brother Giorgi (Gio) will drive me Thursday.", ["Giorgi", "Gio"]),
    ("Halmeoni (Park Soon-ja, 93) wandered out again.", ["Park", "93"]),
    ("Bank (my husband) hurt his back lifting the motorbike.", ["Bank"]),
    ("my wife سلامة said go back to sleep", ["سلامة"]),
    ("Abu Mustafa gave me his cushion.", ["Mustafa", "Abu"]),
    ("Gave Seroquel per Dr. Abu Hanna this morning.", ["Abu", "Hanna"]),
    ("Physio at Daliyat al-Karmel on Thursday.", ["Karmel"]),
    ("Endocrinologist MUDr. Kováčová said wait.", ["Kováčová"]),
    ("Mbak Sri here, knee pain 6/10.", ["Sri"]),
    ("Mi papá Eusebio tiene 96 y hoy no quiso comer.", ["96"]),
    ("His boss at SCB gave 3 days sick leave.", ["SCB"]),
    ("Mi jefa en Bimbo ya sabe.", ["Bimbo"]),
    ("Suami nyetir balik B 1234 KJT kemarin.", ["1234", "KJT"]),
    ("Колата СА 4821 КН е за ремонт.", ["4821"]),
    ("Tuan says eat more pho lol", ["Tuan"]),  # a given name, though a Malay title too: no title
    ("Don came over with soup.", ["Don"]),
    ("Saw Dr. Tamam yesterday, new plan.", ["Tamam"]),  # after a title's full stop too
    ("Mrs. Tudo rang about the dog.", ["Tudo"]),
])
def test_names_ages_employers_and_plates_of_set_j_go(text, secrets):
    out = deidentify(text).text
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(("text", "terms", "secret"), [
    ("Ako nešto zatreba, javiti sestri Jeleni.", ["Jelena"], "Jeleni"),  # a case form of the term
    ("Dzwoniłam do Anny wczoraj.", ["Anna"], "Anny"),
    ("Byłam u Kamili.", ["Kamila"], "Kamili"),
])
def test_a_private_name_goes_in_its_case_forms(text, terms, secret):
    out = deidentify(text, terms).text
    # as the person's own term, not only as some name (round nineteen: the case forms left the list of other
    # languages' words, so the name rules alone now hide most of them)
    assert secret not in out and "[PRIVATE]" in out, out


@pytest.mark.parametrize(("text", "terms"), [
    ("very tired today", ["Vera"]),  # no case form is an ordinary word
    ("rosy cheeks after the walk", ["Rosa"]),
])
def test_no_case_form_is_an_ordinary_word(text, terms):
    assert deidentify(text, terms).text == text


@pytest.mark.parametrize(("text", "kept"), [
    ("Took Panadol (paracetamol) twice.", "Took Panadol (paracetamol) twice."),
    ("Dr Smith (GP) said rest.", "(GP) said rest."),
    ("Ibuprofen (Advil) 400mg.", "Ibuprofen (Advil) 400mg."),
    ("Saw the physio (Tuesday).", "Saw the physio (Tuesday)."),
    ("umm I think so", "umm I think so"),
    ("put it in the bin Tuesday", "put it in the bin Tuesday"),
    ("flew home, my mother 很累 today", "my mother 很累 today"),
    ("Giorgi will drive me", "will drive me"),  # a modal before a street word is a verb ("Will Drive" is no street)
    ("Dr. Appointment tomorrow, Dr. Monday", "Dr. Appointment tomorrow, Dr. Monday"),
])
def test_brackets_modals_and_fillers_that_name_no_one_stay(text, kept):
    assert kept in deidentify(text).text


def test_the_allowlist_reads_a_modal_before_a_street_word_as_a_verb_too():
    """Seen in the Compose explainer screenshot of round ten: "will drive me" went out as "[WORD] drive me"."""
    from healthviz_desktop.core.prompting.composer import explainer_text

    assert explainer_text("Giorgi will drive me, she may walk later.", [])[0] == \
        "[NAME] will drive me, she may walk later."
    assert "lord street" not in explainer_text("lives on lord street", [])[0]


# ---- set J's third look: more everyday words of the same speakers, and the names among such words -------------

@pytest.mark.parametrize("text", [
    "Geçmiş olsun, ma3lesh. Azizam, drink your tea.",
    "Hôm nay mệt quá, ngủ không được.",
    "Ладно, голова болит с утра. Блины на Масленицу.",
    "Boleh lah, tidur awal tonight.",
    "Myolgin twice, Aveeno on the rash, one Pepsi.",
    "Esto es normal? Nem sei.",
    "Muscle relaxant Myonal at night. Конкор 2,5 мг утром, Рентген в норме.",  # brands and words kept (keep items)
    "Hitna je došla za 40 min.",
])
def test_more_everyday_words_and_brands_are_no_names(text):
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("Nadezhda came round with soup.", "Nadezhda"),  # "hope" in Russian, and a given name: never on the list
    ("Надежда пришла вечером.", "Надежда"),
    ("Slava drove me to the clinic.", "Slava"),
    ("Called Sakura about the shift.", "Sakura"),
])
def test_names_that_are_also_such_words_still_go(text, secret):
    assert secret not in deidentify(text).text


# ---- set J's fourth look: places --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "secrets"), [
    ("Записалась к терапевту в поликлинику №220 на вторник.", ["220"]),
    ("Эндокринолог в 19-й поликлинике, приём утром.", ["19"]),
    ("Сімейний лікар на Салтівці, амбулаторія №5.", ["5"]),
    ("Clinic: Tanaka Naika, 3-12-5 Nishi-Shinjuku. Stay home.", ["3-12-5", "Nishi-Shinjuku"]),
    ("went to the urgent care on 180th, they gave me prednisone", ["180th"]),
    ("We are in the flat, Shabazi st 12 if the ambulance is needed.", ["Shabazi", "12"]),
    ("Took him to 日赤 in Nagoya, CT normal.", ["日赤"]),
    ("Follow up at 沙田 clinic next week.", ["沙田"]),
    ("so we went to BC Children's, waited 3 hours in emerg", ["Children's"]),
    ("KBC Sestre milosrdnice app made me register my face.", ["Sestre", "milosrdnice"]),
    ("Dad (Lo Pak-keung, 92) fell at the lift lobby.", ["Pak-keung", "92"]),
    ("Plate 名古屋 500 さ 12-34, police said stop driving.", ["12-34"]),
    # found in the review: the speed gates of the street rules missed these ("180th;", "St. 5", "Ave 12")
    ("the urgent care on 180th; they gave me prednisone", ["180th"]),
    ("We moved to Herzl St. 5 last spring.", ["Herzl", "5"]),
    ("Parking on Main Ave 12 was full.", ["12"]),
    ("CHU Nantes Monday, scan.", ["Nantes"]),
])
def test_places_of_set_j_go(text, secrets):
    out = deidentify(text).text
    for secret in secrets:
        assert secret not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("metformin 1-0-1 with meals, did the 5-4-3 grounding", "metformin 1-0-1 with meals, did the 5-4-3 grounding"),
    ("take 2-3 Tylenol, Children's Tylenol for the kids", "take 2-3 Tylenol, Children's Tylenol for the kids"),
    ("speech therapist (LSVT LOUD) wants 4x/week", "(LSVT LOUD)"),  # capitals in a bracket are no full name
    ("выпила 2 таблетки, сходила в поликлинику утром", "выпила 2 таблетки, сходила в поликлинику утром"),
    ("the OB Monday, CHU Monday appt", "the OB Monday, CHU Monday appt"),
    ("went to 运动 today", "went to 运动 today"),
    # seen on the tuning corpus while the round ran: a name ends at a word of English, a drug in a bracket is no name
    ("The MDL-arts at UMC Utrecht wants calprotectine.", "wants calprotectine."),
    ("Fiebersaft (Nurofen Junior) 5ml gave at night", "(Nurofen Junior) 5ml"),
])
def test_their_look_alikes_stay_too(text, kept):
    assert kept in deidentify(text).text


def test_a_dutch_given_name_that_is_a_portuguese_word_stays_a_name():
    """Set G (older) showed it: "sem" ("without") on the list let "Sem heeft me naar huis gebracht" through."""
    assert "Sem" not in deidentify("Sem heeft me naar huis gebracht.").text
