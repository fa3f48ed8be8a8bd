"""Issue 15, round thirteen: what set M's looks found, each cause pinned in its general form with look-alikes that must
stay. All text here is made up (no sentence of a held-out entry): names, places and numbers are invented."""
from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify


def _gone(text: str, secret: str, terms: tuple[str, ...] = ()) -> None:
    out = deidentify(text, list(terms)).text
    assert secret not in out.replace("[", " ").replace("]", " ").split() and secret not in out, out


# Set M's first look (19 entries moved): mental health and neurodivergence; refugees and recent migrants writing
# English mixed with their languages; farming, fishing, mining, the forces and the trades.
@pytest.mark.parametrize(("text", "secret", "terms"), [
    ("Regimental number K27 604 118 on the form, hip 6/10.", "K27", ()),  # a service member's number in groups
    ("service no. is 50 332 871, knee brace arrived", "332", ()),
    ("Our creeler is the Morag Anne BF 77, back wrecked after hauling", "77", ()),  # a boat's port letters and number
    ("tractor YN 4417 wouldn't start, shoulder 5/10 from cranking", "4417", ()),
    ("Mum'll be 93 in October and still gardens", "93", ()),  # an age to come
    ("nana would have been 97 today, low mood", "97", ()),
    ("Koko (she's 92, 93 in the spring) lost her hearing aid", "93", ()),  # next year's age said just after
    ("picked Davo up for his bloods at 7", "Davo", ("David Pike",)),  # a short form made from a private given name
    ("bloods for jonno today, cloz level due", "jonno", ("Jonathan",)),
    ("davo knee bad again", "davo", ("David Pike",)),
    ("dropped Kezza at the bus, then physio", "Kezza", ("Kerry",)),
    ("Mum is going to be 93 in May", "93", ()),  # (the review of round thirteen: more ways to say an age to come)
    ("my husband would have been 91 today", "91", ()),
    ("Dad had a fall. 93 and still driving.", "93", ()),
    ("served with 42 Commando, knees shot", "42", ()),
    ("the McKenzie family came for tea", "McKenzie", ()),
    ("took Robbo to the ED, wrist swollen", "Robbo", ("Robert",)),
    ("at the surgery, 9.40 appt and the GP ran late", "9.40", ()),  # a dotted clock before what happens at it
    ("caught the 6.15 bus to the clinic", "6.15", ()),
])
def test_round_thirteen_first_look_causes(text, secret, terms):
    _gone(text, secret, terms)


# what the same writers mixed into English: the words stay
@pytest.mark.parametrize("text", [
    "Gorbu (stomach) pain after dinner, burning 6/10.",  # a word of another language, glossed by the writer
    "Tashlo (knee) both sides 5/10 after the stairs.",
    "Kebdi (stomach) again, and xew (sleep) very bad, 3 hours.",
    "Hooyo used hot oil on my back.",  # a family word of another language
    "Aabo says rest, so I rest.",
    "Khoda, sabr. Yekenyeley to God, the scan was clear.",  # thanks and God, said in passing
    "Nabad iyo caano, alhamdulillah, slept 6 hours.",
    "Спина again, lower back 5/10.",  # Ukrainian and Russian in their own letters at a sentence's start
    "Не спала. 2 hours only.",
    "Ibuprofen 400 from the Apotheke. Apteka closed Sunday.",
    "I walk to work most days, knees 3/10.",  # someone walking, not a street
    "Will walk tomorrow if the ankle allows.",
    "Then drive home slowly, dizzy.",
    "4/10 after 20 min - Will try the next step of the ladder tomorrow",  # "Will" after a dash opens a clause
    "the tractor had a flat, 3 hours in the cold",  # a vehicle's word with no plate after it
    "boat trip 2 hours, nausea 6/10",
    "HbA1c 7.45 class tonight about carbs",  # a lab value before an event's word
    "INR 2.30 appt next week",
    "her sugar will be 95 by lunch",  # a reading to come, not an age
])
def test_round_thirteen_first_look_alikes_stay(text):
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "name"), [
    ("Hemi (my son) rang about the appointment", "Hemi"),  # a gloss that says who: a name
    ("Ngozi (neighbour) brought soup", "Ngozi"),
    ("Tamsin (me) and the kids went to the pool", "Tamsin"),
    ("Siosaia (me) and the kids went to the pool", "Siosaia"),  # (a name no list knows: "Tamsin" is listed now)
    ("Then Oksana (tired) came over", "Oksana"),  # mid-sentence a capital names someone, whatever the gloss
    ("Bisi (new starter) covered my shift", "Bisi"),  # two plain words can describe a person: not a gloss
    ("Hooyo Amina came with the soup", "Amina"),  # a name after a family word of another language
    ("appt - Callum came with me", "Callum"),  # after a dash a name is still a name
])
def test_round_thirteen_names_stay_names(text, name):
    assert name not in deidentify(text).text


def test_a_short_form_that_is_an_ordinary_word_reads_as_a_name_only_where_one_stands():
    # "Bobby" of Robert is a name anywhere; "robs" would be an English word and must not go out of a sentence
    out = deidentify("the wind robs me of breath, Bobby says rest", ["Robert"]).text
    assert "robs me of breath" in out and "Bobby" not in out, out


# Set M's second look (32 entries moved): places, employers and schools, dates, names and changed identifier-free
# entries of each writer, the last vehicle and age over 89.
@pytest.mark.parametrize(("text", "secret", "terms"), [
    ("seen at the reception centre, room B-214. chest tight", "B-214", ()),  # a room, block or ward by its code
    ("my brother in the camp, block D-7, no news", "D-7", ()),
    ("Start on Ward K4 at the Royal on Monday", "K4", ()),
    ("Haven't driven past Station 22 since the fire", "22", ()),  # a station by its number
    ("Ringing ears, 2nd Bn 77th Inf, Helmand.", "77th", ()),  # a military unit
    ("5RAR reunion at the club, knees 6/10", "5RAR", ()),
    ("Visited the Okonjo family again, soup and rest.", "Okonjo", ()),  # a surname before a household's word
    ("Vet out to the Lazy J Ranch for the calves", "Lazy", ()),  # a ranch by its name
    ("Address for the oxygen people is 9 Ardbeg, Portree.", "Ardbeg", ()),  # an address without a street's word
    ("grew up in East LA, asthma since I was 4", "East", ()),  # a compass word and the place
    ("Zahnarzt in Bad Tölz, Termin Montag", "Tölz", ()),  # a German spa town
    ("call the RMC caseworker Dina on Monday", "RMC", ()),  # an acronym before a worker's word
    ("at JRC Family Support Centre they gave me a form", "Family", ()),  # an acronym and a centre's name
    ("check-in at UPMC Eastern Psych took ages", "Eastern", ()),  # an acronym and a hospital's name
    ("Out on the Mary Kate BF 311 since Sunday, back 7/10", "311", ()),  # a boat's port letters and number
    ("Harbour counselling service rang about the assessment", "Harbour", ()),  # a named counselling service
    ("screening at the health centre on 14-03, Mantoux 12mm", "14-03", ()),  # a day and month with a dash
    ("Next afspraak 21-02 om 10:30", "21-02", ()),
    ("GP wants to see him Dydd Llun 16eg at 9.30.", "16eg", ()),  # a Welsh ordinal day
    ("didn't get up until like two thirty", "two thirty", ()),  # a spoken clock after a filler
    ("seen by the crisis team around 4", "4", ()),  # an hour after being seen
    ("Dad (b. 1931) fell in the yard. 93 and stubborn as ever.", "93", ()),  # an age opening a sentence
])
def test_round_thirteen_second_look_causes(text, secret, terms):
    _gone(text, secret, terms)


@pytest.mark.parametrize("text", [
    "The MND support worker rang about the chair",  # a specialty before a worker's word
    "the DWP officer was rude",  # a national agency
    "the Fire Station was shut, Dairy Farm cafe open",  # ordinary words before a holding's word
    "the royal family were on TV",
    "Student counselling service was full",  # the kind of service, not its name
    "NHS talking therapy team called",
    "so I am on Vitamin B12 1000 µg now",  # a vitamin, not a boat's number
    "Fultium 2000 IU daily",  # a year-like dose with its unit
    "pain 3-05? score 12-03 today",  # a level's word before a dash
    "Iraq tour 05-06 still haunts me",  # two years, one after the other
    "Dad's HR 110. 95 and falling",  # a reading, not an age
    "Gran ok. 100 and counting",
    "HbA1c 7.45 class tonight",
])
def test_round_thirteen_second_look_alikes_stay(text):
    out = deidentify(text).text
    for word in ("MND", "DWP", "Fire Station", "Dairy Farm", "royal", "Student", "NHS", "B12 1000", "Fultium",
                 "2000", "3-05", "12-03", "05-06", "95", "100", "7.45"):
        if word in text:
            assert word in out, (word, out)


def test_a_product_before_a_year_is_a_place_where_someone_was():
    out = deidentify("tinnitus from the guns at Waiouru 1979-83, worse at night").text
    assert "Waiouru" not in out, out
    # (session thirty: after "at" a number is never a dose now; after "of" only the year's own rule tells)
    out = deidentify("tinnitus from the guns of Waiouru 1979-83, worse at night").text
    assert "Waiouru" not in out, out
    assert deidentify("took Lomotil x1 and Buspar 10 at night").text == "took Lomotil x1 and Buspar 10 at night"


# Set N's first look (26 entries moved, after set N was scored whole): the national number, phone, account and
# photo names let through, two ages over 89, and changed identifier-free entries of each writer.
@pytest.mark.parametrize(("text", "secret", "terms"), [
    ("the letter had my number wrong, it should end 4417 not 4471", "4417", ()),  # the last digits of a number
    ("Uploaded Scan 3 Apr.pdf to the group chat for the GP", "3", ()),  # a scan's name with spaces
    ("'Photo 21 Jun.jpg' shows the rash best", "21", ()),
    ("Lola in theatre since 9. Hip at 94?? the surgeon says she is strong", "94", ()),  # an age someone is surprised at
    ("ayaw kumain si lolo, 95 na daw", "95", ()),  # Tagalog's "is already 95, they say"
    ("Agent 6620 was kind, named Priya", "6620", ()),  # a call centre's agent by number
    ("gave them my mobile, oh seven nine double-oh four triple-six one", "double-oh", ()),  # a phone said in words
])
def test_round_thirteen_set_n_first_look_causes(text, secret, terms):
    _gone(text, secret, terms)


@pytest.mark.parametrize("text", [
    "Namaste diary. Dashain time so too much eating, Tihar soon.",  # festivals and a greeting
    "by God's grace no fever, nimco from Allah",  # God, by the names people call on
    "Lekker quiet day, coffee and stroopwafel",
    "surgeon sent CPT 58150 and the ICD code for the form",  # a procedure's code
    "CGM readings ran 160-240 all afternoon, ketones 0.4",  # a range of readings
    "counted one two three four five six seven eight. Oh well, calmer",  # counting, not a number said
    "the agent was rude and hung up",
    "Dad's sats at 91?? called 111",  # a reading someone is surprised at
])
def test_round_thirteen_set_n_look_alikes_stay(text):
    assert deidentify(text).text == text


# what the second reader of round thirteen found the new rules took out of ordinary text, or let through (its own
# made-up sentences; never a held-out entry)
@pytest.mark.parametrize("text", [
    "on Venlafaxine XL 75 daily, Metformin SR 500 with food",  # a drug's release letters are no boat's number
    "Vitamin D 1000 daily and Vitamin C 500",
    "3 vessel disease, LAD 90% blocked; PHQ 9 was 14",
    "nerve block L4 and facet joint block L5 last week",  # a spine's level after a block
    "Depot 150 every 12 weeks, Camp 4 on the trek, Bus Station 3",
    "the 3rd FA Cup round, plays in the 2nd Division",
    "The Syrian family next door brought food, the Polish girls too",
    "waited at the Nurses' Station, watching Clarkson's Farm",
    "moved to 1 Mirtazapine at night",
    "referred to Upper GI for the swallowing, in Bad Shape today",
    "Stroke support service rang, Dementia support service too",
    "BSL interpreter booked, ESOL volunteer came",
    "Paid £9.35 on the 3rd, £2.50 bus fare, Paid 12.40 taxi",
    "insulin ratio 1-08 at breakfast, won 3-01 on Saturday, size 10-02 jeans",
    "Harrison's 5ed and BNF 8fed on the shelf",
    "Seen by physio, pain now around 4.",
    "Mum should be 94 or above on oxygen",
    "she'll be 100 per cent fine",
    "Gran turns 99 on Friday, 100 more days till Christmas",
    "Dr said stage 2 saratan, Minum obat 2 jadi lebih baik",
    "kidney stone passed last night, heavy snow fell",
])
def test_what_the_review_of_round_thirteen_found_stays(text):
    out = deidentify(text, ["Stone", "Snow", "Veronica Lodge", "Bushra Khan"]).text
    for word in ("XL 75", "SR 500", "D 1000", "C 500", "3 vessel", "PHQ 9", "L4", "L5", "Depot 150", "Camp 4",
                 "Station 3", "3rd FA", "2nd Division", "Syrian", "Polish", "Nurses' Station",
                 "1 Mirtazapine", "Upper GI", "Bad Shape", "Stroke", "BSL", "ESOL", "9.35", "2.50",
                 "12.40", "1-08", "3-01", "10-02", "5ed", "8fed", "around 4", "94", "100 per", "100 more", "saratan",
                 "2 jadi", "stone passed", "snow fell"):
        if word in text:
            assert word in out, (word, out)


def test_ordinary_words_made_from_a_private_given_name_stay():
    out = deidentify("so tired and very sore, busy day", ["Veronica Lodge", "Bushra Khan"]).text
    assert out == "so tired and very sore, busy day", out
