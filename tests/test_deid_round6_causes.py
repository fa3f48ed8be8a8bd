"""Issue 15, round six: each cause of a miss found on sixteen entries of held-out set F (moved to the tuning corpus
to be looked at: the ten with a miss of a structured kind or an age over 89, six PHI-free entries that were
changed) is pinned here in general terms. Identifiers: the last four digits an office asks for, a code after the
word for one, a card of capitals and groups of digits, a handle and a Discord tag, an age written "Ma's 94" or
"Umma's 90th" or after a family word of more languages. Over-redaction: a word opening the sentence after a title
written out and a full stop ("eye doctor. Macular..."), eponyms used alone ("Achilles", "Holter"), holidays, what a
product is for in other languages, a town's name as a count's unit, sleep in other languages before a duration,
and a private term that is an ordinary word opening a sentence before a noun of time. Then, from misses in the
tuning corpus alone (set F was only scored): a vehicle's plate after the word for a vehicle, an employer after
calling in sick, an employer in lower case in brackets after "work", the rest of a name past another
identifier, a saint's name with its full stop, someone who "helped with" or "cries", a doctor's title in other
languages and a surname's particles; and, read as names or dates before, the herb and the holiday of St John and
St Patrick, an insulin ratio, an outing ("Morning walk"), a specialty, a scale named after a town, holidays and a
private term "Will" as the modal. Every text is made up."""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.deidentify import deidentify, find_identifiers
from tests.support import deid_reference as REF


@pytest.mark.parametrize(("text", "secret"), [
    ("Pharmacy wanted my last-4, it is 9021 as always", "9021"),  # the last four digits an office asks for
    ("my last-4 is 4410 if anyone asks", "4410"),
    ("She needs my last four (3377) and a bill", "3377"),
    ("gave the last 4 of my SSN: 5186 over the phone", "5186"),
    ("Libre keeps dropping out. Sensor code 5819, serial written down", "5819"),  # a code after the word for one
    ("the door code is 44721 for the night nurse", "44721"),
    ("Ma carte RAMQ: TREG 5208 1419, they typed it wrong", "5208 1419"),  # a card of capitals and digit groups
    ("badge for the depot says CPC-DQC 0047 7192 so renew it", "0047"),
    ("told the clinic my channel is lowbatteryliv for the videos", "lowbatteryliv"),  # a handle after its word
    ("IGN: xXdrake99Xx, add me lol", "xXdrake99Xx"),
    ("my discord username kopi_0 if u want", "kopi_0"),
    ("pinged the group (raindrop#4410 yung username niya) about rest", "raindrop#4410"),  # a Discord tag
    ("Ma's 94 and she finally let me take her", "94"),  # an age over 89 with "is" written "'s"
    ("Dad's 96, bless him, and still gardening", "96"),
    ("Nana's 91st is on Sunday so a big lunch", "91st"),  # a birthday's ordinal after a possessive
    ("Meenakshi paati is 90 and takes thyroxine too", "90"),  # a family word of another language
    ("my umma is 93 now, sharp as anything", "93"),
])
def test_round_six_identifiers_are_removed(text: str, secret: str) -> None:
    out = deidentify(text).text
    assert secret not in out, out
    assert [s.text for s in find_identifiers(text)] == [s.text for s in REF.find_identifiers(text)]


@pytest.mark.parametrize("text", [
    "We went to the eye doctor. Macular degeneration, the wet kind.",  # a title written out, then a full stop
    "Asked the nurse. Leg ulcer weeping a lot today.",
    "Mentioned it to the doctor. Achy all over since.",
    "heel pain still there, Achilles especially on stairs",  # eponyms used on their own
    "Holter on for 14 days. Did the Valsalva twice, then the Epley.",
    "Ramzan is coming so I need to plan meds around sehri and iftar. Holi next week.",  # holidays
    "omeprazol 20mg em jejum, Luftal pra gases",  # what a product is for, in other languages
    "Doliprane pour la douleur, Buscapina para el dolor",
    "Fitbit: 5.120 passos, FC repouso 71",  # a town's name as a count's unit
    "sono 5h10, dormi mal. sueño 6h30 ayer",  # sleep in other languages before a duration
    "HR 1200 1300 steps, BP's 95 today",  # readings are no card and no age
    "Film's 95 minutes long, my sugar's 98 and fine",
    "the channel is great, my twitch stream was fun",  # words after a handle's word are no handle
    "only the last 4 days were bad, code 3 on the ward",
])
def test_round_six_look_alikes_survive(text: str) -> None:
    found = [(s.category, s.text) for s in find_identifiers(text)]
    assert [f for f in found if f[0] not in ("private",)] == [], found
    assert [s.text for s in find_identifiers(text)] == [s.text for s in REF.find_identifiers(text)]


def test_a_title_written_short_still_names_who_follows() -> None:
    """The full stop after "Dr." or "Prof." belongs to the title: the next word is still a name."""
    out = deidentify("Saw Dr. Bell and Prof. Ng about it today.").text
    assert "Bell" not in out and "Ng" not in out, out


@pytest.mark.parametrize(("text", "kept"), [
    ("Sunny morning for once and I managed a walk.", True),  # an ordinary word before a noun of time
    ("Sunny day outside but mood zero.", True),
    ("Sunny said she would drive me.", False),  # the same word doing something is the person
    ("Sunny and I went to the beach.", False),
    ("Will try the TENS machine again tonight.", True),  # a modal before a verb
    ("Will said he would drive.", False),
])
def test_a_private_term_that_is_a_word_opening_a_sentence(text: str, kept: bool) -> None:
    out = deidentify(text, ["Tom", "Sunny", "Will"]).text
    word = text.split()[0]
    assert (word in out) is kept, out


@pytest.mark.parametrize(("text", "secret"), [
    ("her car NDB 4821 blocked the drive again", "4821"),  # a plate within a few words after a vehicle word
    ("flew in, rental car 2PLK 918, HR 110 all day", "2PLK"),
    ("his car is the grey honda RTY 7741 if you see it", "7741"),
    ("left the car (CB 42 QX) in the hospital car park", "CB 42 QX"),
    ("car's in the shop, patente KL·RT·47 still not fixed", "KL·RT·47"),
    ("my motorbike 60-B2 119.84 stays at work", "119.84"),
    ("her car 07 ABC 482 hot like an oven", "07 ABC 482"),
    ("My car number 12가 3456, the other driver will call", "3456"),
    ("called in sick to tesco again, migraine 8/10", "tesco"),  # an employer after calling in sick
    ("rang in sick to brindlecombe foods, line manager grumpy", "brindlecombe"),
    ("Called in sick to Tarrow & Finch LLP. Dizzy.", "Finch"),  # joined with "&"
    ("work (hollowell) have been decent about it", "hollowell"),  # a word no list knows, in brackets
    ("chemo day 2 at st vincents darlinghurst, nausea 5/10", "vincents"),  # a name's rest past a place
    ("Sprained my wrist outside St. Olavs. Cast for 4 weeks.", "Olavs"),  # a saint's name past its full stop
    ("Nurse at St. Luke's BGC said bronchitis", "BGC"),  # and the acronym after it
    ("Forms done. Noor helped with the app set up.", "Noor"),  # someone who helped with something
    ("Nasima cries every time, bless her", "Nasima"),
    ("Tandarts Verstraeten on Friday, bring the x-rays", "Verstraeten"),  # a doctor's title in another language
    ("Huisarts dr. de Wit thinks it is dust mites", "Wit"),  # a surname's particle after the title
    ("Dr van der Merwe says the neuropathy is diabetic", "Merwe"),
])
def test_tuning_corpus_identifiers_are_removed(text: str, secret: str) -> None:
    out = deidentify(text).text
    assert secret not in out, out
    assert [s.text for s in find_identifiers(text)] == [s.text for s in REF.find_identifiers(text)]


@pytest.mark.parametrize("text", [
    "in the car took B12 1000 daily and D3 2000 IU",  # a vitamin and its dose are no plate
    "drove the car 20 mins to the GP, van parked 2 KM away",
    "my car died. MRI 3T scan at the clinic",  # a plate stays in the sentence of its vehicle
    "work (from home) today, called in sick to work tomorrow",  # ordinary words after the cues
    "Off sick from the ward with my back again",
    "the car park was full, BP 120/80 anyway",
    "St John's wort 300mg daily, then the St Patrick's Day parade",  # a herb and a holiday
    "Nytol helped me sleep. Buscopan helped with the cramps.",  # products that help
    "Lantus 18u, Novolog 1:12. Morning walk 40 min.",  # an insulin ratio is no time; an outing is no street
    "Kid's gastro day 2. Snoring, dry mouth. Epworth score 15.",  # a specialty; a scale named after a town
    "Psiquiatra said taper slow. Hausarzt says NSAIDs. The médico de cabecera at the centro.",  # roles, not names
    "reactive hypoglycemia says Hausarzt. Small meals.",  # a title written out, then a full stop
    "Tết prep all day. Chuseok traffic 6 hours in the car.",  # holidays
])
def test_tuning_corpus_look_alikes_survive(text: str) -> None:
    found = [(s.category, s.text) for s in find_identifiers(text)]
    assert found == [], found
    assert [s.text for s in find_identifiers(text)] == [s.text for s in REF.find_identifiers(text)]
