"""Issue 15, session thirty-two: what the de-identifier changed in entries with no identifier, and what it let
through, each pinned in its general form with the look-alikes that must go on being read as before.

- A sentence that opens with a short everyday word of another language ("Un poco mejor hoy", "Ya me siento mejor",
  "Nie mogę spać", "Che mal di testa", "Δεν κοιμήθηκα") lost that word as a name: the lists of words of other
  languages leave out every word under four letters. ``foreign_short_words.txt`` (scripts/build_foreign_short_words.py)
  holds the two- and three-letter words those languages write most, spelled as they spell them; a sentence's first
  word that is one of them is that language's word. Not before what a person does ("Ya said"), not mid-sentence, and
  not spelled otherwise ("Lê fever 38.5": no French "le").
- A part of a term the person entered, written in lower case, went out where the sentence showed a person: joined
  by "and" or "&" to another term's name ("tia and jasmin came round", "hunter & mason"), before a negated verb
  ("grace wouldn't settle"), after a role's word ("my key worker amir") or after Tagalog's personal article ("si
  mark naiwan sa bahay"). Each now reads as the name. Not a modal after a role's word before its verb ("the nurse
  will call", which was taken out before as "Nurse Will"), not the word after a determiner ("my hope wasn't
  enough"), and not the word joined to an ordinary word ("long and winding").
- Brands of medicines and health products sold outside the United States went out as names, and so did the
  entries' clinical terms with them ("Mepilex dressing changed", "Mum says Hydralyte works", "Гевискон после еды"):
  the drug lists hold DrugBank's and MeSH's brands, mostly American. ``brands.txt`` (scripts/build_brands.py, from
  ``scripts/brand_sources/``) holds the first word of some 4,500 brands of 25 markets, minus every word the English,
  medical, name and place lists or the people's-name lists know; it is read as ``other_drugs.txt`` is. A brand that
  is a given name is left out and stays a name ("Yasmin rang").
- Medical eponyms the lexicon's 134 did not hold went out as names ("Kennedy's disease", "Mohs surgery", "Webster
  pack"). ``eponym_nouns.txt`` (scripts/build_eponyms.py, from ``scripts/eponym_sources/``) holds some 1,100 with
  the nouns they are used with; one keeps its name only before one of them ("Kennedy's mum rang" is a person), never
  a weak noun for a name that is a given name too ("Allen's test results"), and never a place of care ("Mayo
  Clinic Phoenix" is a place).
- A lower-case medical word after a title or a relation was read as a name even across a sentence's end: "go
  doctor. doxycycline? no fever", "Rang the nurse. amoxicillin made it worse". A title's own dot ends no sentence:
  "saw dr. smith" still takes "smith".
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from healthviz_desktop.core.prompting import deid_patterns as P
from healthviz_desktop.core.prompting.deidentify import deidentify
from healthviz_desktop.core.prompting.vocabulary import (
    _words,
    fold,
    foreign_short_words,
    gazetteer,
    listed_eponyms,
    word_lists,
)
from tests.support.deid_checks import through


@pytest.mark.parametrize("text", [
    "Un poco mejor hoy, 4/10.",
    "Ya me siento mejor después del ibuprofeno.",
    "Si duele mucho, llamo al médico.",
    "Nie mogę spać w nocy, knee 6/10.",
    "Che mal di testa oggi.",
    "Δεν κοιμήθηκα καλά, πονοκέφαλος 7/10.",
    "Za tydzień kontrola u ortopedy.",
    "Het gaat beter vandaag.",
])
def test_a_sentence_opening_with_a_short_word_of_another_language_is_left_alone(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("Ya said the scan was fine.", "Ya"),  # before what a person does: a name as before
    ("Noé fever 38.5 since noon.", "Noé"),  # (the Norwegian "noe" is left off the list: Noe is a given name too)
    ("Lê fever 38.5 since noon.", "Lê"),  # the French article is "le": a Vietnamese surname spelled otherwise
    ("Went for coffee with Un after the clinic.", "Un"),  # mid-sentence: a capital names someone
])
def test_a_short_word_that_reads_as_a_name_still_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_the_short_word_list_holds_no_word_of_the_english_lists_and_no_name_but_the_commonest() -> None:
    short = foreign_short_words()
    assert {"un", "ya", "nie", "che", "δεν", "het"} <= short
    assert all(2 <= len(w) <= 3 and w == w.casefold() for w in short)
    # (the clinical words of other languages, session thirty-three, share a few: Catalan "peu", Vietnamese "đau")
    full = word_lists()
    lists, lexicon = replace(full, medical=full.medical - full.foreign_clinical), P.lexicon()
    assert not [w for w in short if lists.is_word(fold(w)) or lists.is_word(w)]
    assert not short & {fold(n) for n in lexicon.first_names | lexicon.ambiguous_first_names}


@pytest.mark.parametrize(("text", "terms", "secret"), [
    ("tia and jasmin came round with pizza", ["Tia", "Jasmin"], "tia"),
    ("hunter & mason fought over the xbox", ["Hunter", "Mason"], "hunter"),
    ("grace wouldn't settle, teething + temp 37.9", ["Grace"], "grace"),
    ("swimming with my key worker amir, knee hurt after", ["Amir Rahimi"], "amir"),
    ("si mark naiwan sa bahay with lola", ["Mark", "PCMC"], "mark"),
    ("rose and chidi went to the shops for me", ["Rose Okafor", "Chidi Okafor"], "rose"),
])
def test_a_lower_case_part_of_a_term_goes_where_the_sentence_shows_a_person(
        text: str, terms: list[str], secret: str) -> None:
    assert through(text, [secret], terms) == []


@pytest.mark.parametrize(("text", "terms", "item"), [
    ("the nurse will call tomorrow about the bloods", ["Will Ellison"], "nurse will call"),
    ("my hope wasn't enough, pain 7/10", ["Hope Tanaka"], "hope wasn't"),
    ("long and winding road to recovery", ["Rose Long", "Dan Reid"], "long and winding"),
    ("mark the calendar and jasmin tea at night", ["Jasmin"], "mark the calendar"),
])
def test_the_same_words_that_read_as_words_stay(text: str, terms: list[str], item: str) -> None:
    assert item in deidentify(text, terms).text


@pytest.mark.parametrize("text", [
    "Mepilex dressing changed on the heel.",
    "Buscapina y a dormir.",
    "Гевискон после еды, изжога меньше.",
    "Lonart finished, fever gone.",
    "Sudocrem on the nappy rash.",
    "Mum says Hydralyte works better than water.",
    "Pharmacist recommended Diprobase and Hydromol.",
    "Kept down some Hydralyte, then Ultracet.",
])
def test_a_brand_sold_outside_the_united_states_is_a_product(text: str) -> None:
    assert deidentify(text).text == text


def test_a_brand_that_is_a_given_name_stays_a_name() -> None:
    assert through("Yasmin rang about the results.", ["Yasmin"]) == []


def test_the_brand_list_holds_no_word_of_the_english_name_or_place_lists() -> None:
    brands = _words("brands.txt")
    assert {"augmentin", "mepilex", "hydralyte", "panadeine", "гевискон"} <= brands
    lists, lexicon = word_lists(), P.lexicon()
    assert not brands & (lists.english | lists.names | lists.name_words | gazetteer().places)
    assert not brands & (lexicon.first_names | lexicon.ambiguous_first_names)
    assert all(sum(c.isalpha() for c in w) >= 5 for w in brands)


@pytest.mark.parametrize(("text", "kept"), [
    ("Dad has Kennedy's disease, his legs are weaker.", "Kennedy's disease"),
    ("Mohs surgery on my nose next week.", "Mohs surgery"),
    ("Pharmacist set up a Webster pack for mum.", "Webster pack"),
    ("Baby starts Ponseti casting on Monday.", "Ponseti casting"),
    ("Sleep clinic did the Epworth sleepiness scale.", "Epworth sleepiness scale"),
])
def test_a_listed_eponym_before_its_noun_stays(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Kennedy's mum rang about the results.", "Kennedy"),  # no noun of the eponym: a person
    ("Allen's test results came back fine.", "Allen"),  # a given name: not before a weak noun
    ("The DME at Mayo Clinic Phoenix wants the mask back.", "Phoenix"),  # a place of care is a place
])
def test_the_same_names_elsewhere_still_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_the_eponym_list_holds_no_place_of_care_and_no_weak_noun_for_a_given_name() -> None:
    eponyms = {name: nouns for entries in listed_eponyms().values() for name, nouns in entries}
    assert len(eponyms) > 1000 and "colles" in eponyms and "fracture" in eponyms["colles"]
    assert not [n for nouns in eponyms.values() for n in nouns if n in ("clinic", "hospital", "centre", "center")]
    assert "allen" not in eponyms or "test" not in eponyms["allen"]


@pytest.mark.parametrize(("text", "kept"), [
    ("she says lyme maybe, go doctor. doxycycline? no fever", "doxycycline"),
    ("Rang the nurse. amoxicillin made it worse", "amoxicillin"),
])
def test_a_word_after_a_title_that_ends_a_sentence_is_no_name(text: str, kept: str) -> None:
    assert kept in deidentify(text).text


def test_a_title_written_with_its_dot_still_names() -> None:
    assert through("saw dr. smith about the rash", ["smith"]) == []
