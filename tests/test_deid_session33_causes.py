"""Issue 15, session thirty-three: what the de-identifier changed in entries with no identifier, and what it let
through, each pinned in its general form with the look-alikes that must go on being read as before.

- A town whose name is an everyday word of another language went out as a place wherever it stood, in lower case
  too: "jugo de naranja" kept its juice, but "crema de hidrocortisona", "esguince grado 2", "una borsa calda",
  "nyeri 4/10" (Indonesian for pain; Nyeri is a Kenyan town) lost their clinical word. ``everyday_town_names.txt``
  (scripts/build_foreign_words.py) holds the towns of ``places.txt`` whose name is an everyday word of a language
  spoken in no country with a town of that name; in lower case such a word is a place only after "in", "from" or
  "near", as an uncommon English word is. Capitalised it is the town as before ("Went to Crema", "back in Nyeri").
- A host with a country domain of the languages people write from and no "www." went out whole
  ("fse.regione.lombardia.it", "saude.gov.br"): the top-level domains read were mostly English-speaking ones. Those
  that are words or abbreviations too ("it", "my", "no", Spanish "es" and "se", "pt") are read only after a host
  of two labels or more: "did it.it hurt", "dolor.se fue" are a missing space.
- A listed drug and its dose after a capitalised word of another language went out with that word as a two-word
  name, taking the dose's drug with it ("Toma Adiro 100", "Beriem Ketonal 50", "Пила Нурофен 400", "Le di Motrin
  7.5 ml"). A drug the lists know, no name, with a number after it, ends a name's run: it is no surname. The word
  before it is read as before ("Gave Mia Motrin 5 ml" still takes "Mia").
- A name in capitals inside an ordinary entry, as a pasted label, form or message writes it, went out whole
  ("Dear AMA SERWAA,", "Patient: JOHN SMITH DOB", "Paziente: GALLO ROSARIA", "CIPOLLA, GIANNA  AMOXICILLIN"): words
  in capitals read as acronyms. A run of two to four words in capitals that holds a name the lists know, or a word
  of five letters or more with two vowels no list knows, is read in sentence case first (deid_case.py). A run of
  acronyms and words stays as written ("NO ACUTE FINDINGS", "Dx: DM, HTN, CKD", "SpO2 95% RA, HR 98").
- Everyday clinical words of other languages went out as names where a capital stood on them ("Ból głowy od rana",
  "Tos seca, 5/10", "Kurzatmig bei 50 Metern", "Fièvre 38.5"): the lists of other languages' words leave out a word
  met in English text, one shaped like a town or a given name somewhere, and a compound too rare to be counted.
  ``clinical_words.txt`` (scripts/build_clinical_words.py, from ``scripts/clinical_sources/``) holds some 4,800
  symptoms, body parts, conditions, tests and treatments of 29 languages, and some 1,800 everyday English health
  words the English and medical lists lack ("Norovirus going round", "Nebuliser once", "dressed with a backslab"),
  read as medical words; not the words
  for a role, a place or a visit of care, which stand before a name ("Hebamme Katrin", "Puskesmas Tebet"), nor a
  first name or a town. Such a word after a comma is no product listed ("Mama Neema, presha yake 170/110"), nor
  is a capital after it a product's own word ("plastische chirurgie Erasmus MC").
- A drug the lists know went out as a name after "with" ("dressed with Mepilex", "treated with Lasix"): "with" is a
  name's cue. After any name's cue a listed drug no name list knows is a product, unless it is a first name too
  (``drug_given_names.txt``: "went to the shops with Allegra"). A drug written with a hyphen that the lists hold
  whole is read whole, not by its parts ("IV Solu-Medrol", "Adcal-D3").
- A given name that is an English word too, opening a sentence, went out before a symptom or a fall ("Justice
  wheezing bad at church", "Innocent fell from the tree", "Grace continues to have seizures"): only what a person
  says, does or thinks made it a name there. A person's symptom, fall or fit after it does too; not what a feeling
  or a season does ("Hope has faded", "Summer has been hard").
- In lower case only the word right after a title or a relation was taken: "dr kamal youssef changed the dose" kept
  "youssef", "dr. helen tsui" kept "tsui". A word no list knows right after a given name the lists know, after a
  title or relation, is the surname; not across a bracket ("Dr Pretorius (paed neuro)") nor before a number ("baby
  Jayden bili 14").
- A lower-case name no list knows went out before what a person does that the verb list lacked: "magda lost lots
  of blood", "dariush from the team texted", and a message signed at its start ("michal here.", "deniz here,
  tonsillitis again"). Not a drug before "here" mid-sentence ("we're all on doxy here, heat rash").
- A Singapore flat's block and a ship's cabin went out with their number ("her Blk 412 flat", "cabin 8217"): read now
  as a flat's or unit's number is.
- A part of a place the person entered, written in lower case after "in", "at" or "from" (with or without "the"),
  went out as a word: "heat index 104 in mobile today" with "Mobile" entered, "the bulk bill place in sale" with
  "Sale VIC", "art at the willows" with "The Willows Day Service". There it names the person's place; never a
  medical word, a facility's word, a kind of place or a common word of the term ("BP in the surgery" with
  "Fernhill Surgery", "from church" with "St Matthias church"), nor a word a noun of its own follows ("from the
  pain management course" with "Ashfield Pain Clinic", "at the day centre" with "The Willows Day Service"). A
  term's word written short or long is the term too ("PA Hospital" with "PA hosp" entered; "St"/"Saint",
  "Mt"/"Mount", "Uni"/"University"); an article is no part of one.
- "EpiPen Jr" went out as a name with its suffix: "Jr" after a drug the lists know is the product's line, as
  "Plus" or "Forte" is; after a name it stays one ("Martin Smith Jr", "Smith Jr came by").
- Eleven older mutations survived the first full check once this session's lists and the reading of capitals kept
  their examples by themselves. Each of their rules gets an example only it reads, below: made-up products
  ("Quenzadol", "Velmora"), a blood sugar's word no list holds ("Glikemija"), and the older rules of names in
  capitals called on their own.
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from healthviz_desktop.core.prompting.deid_cap_groups import Add
from healthviz_desktop.core.prompting.deid_pasted import pasted_candidates
from healthviz_desktop.core.prompting.deid_words import word_candidates
from healthviz_desktop.core.prompting.deidentify import deidentify
from healthviz_desktop.core.prompting.vocabulary import gazetteer, word_lists
from tests.support.deid_checks import through


@pytest.mark.parametrize(("text", "item"), [
    ("Me puse crema de hidrocortisona en los brazos.", "crema de hidrocortisona"),
    ("esguince de tobillo grado 2, hielo y reposo", "grado 2"),
    ("presa buscopan, poi una borsa calda sulla pancia", "borsa calda"),
    ("pergelangan kiri juga nyeri 4/10", "nyeri 4/10"),
])
def test_a_lower_case_town_that_is_an_everyday_word_of_another_language_is_that_word(text: str, item: str) -> None:
    assert item in deidentify(text).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Went to Crema for the weekend with the kids.", "Crema"),  # capitalised: the town
    ("back home in nyeri since monday, cough better", "nyeri"),  # after "in": the town
    ("my cousin drove up from grado yesterday", "grado"),
    ("Flew home to Nyeri, malaria test negative.", "Nyeri"),
    ("Fish factory on Senja, hands numb at night.", "Senja"),  # capitalised after "on": the island
    ("Took her to Nyeri Level 5 for the cough.", "Nyeri"),  # a hospital's town before its level
])
def test_the_same_towns_where_they_read_as_towns_still_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_the_everyday_town_list_holds_towns_only() -> None:
    gaz = gazetteer()
    assert {"crema", "grado", "borsa", "nyeri"} <= gaz.everyday <= gaz.places
    # a word spoken where the town is counts for nothing: its frequency there is the town's own
    assert not {"poznan", "roma", "napoli", "milano", "madrid"} & gaz.everyday


@pytest.mark.parametrize(("text", "secret"), [
    ("downloaded the report from fse.regione.lombardia.it today", "lombardia"),
    ("booked through saude.gov.br, slot next week", "saude"),
    ("results on portal.moh.my after 3 days", "portal.moh.my"),
    ("see citaprevia.sanidad.es for the form", "citaprevia"),
    ("logged in at meuportal.sns.pt again", "meuportal"),
])
def test_a_host_with_a_country_domain_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize("text", [
    "I did it.it hurt all night though",
    "pain in the arm.my legs are fine",
    "knee is better.no swelling today",
    "dolor de cabeza.se fue con el paracetamol",
    "slept badly.pt says the nights are worse",
])
def test_a_missing_space_before_an_english_word_is_no_host(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "item"), [
    ("Toma Adiro 100 cada día por la mañana.", "Adiro 100"),
    ("Beriem Ketonal 50 rano i wieczorem.", "Ketonal 50"),
    ("Пила Нурофен 400 вечером.", "Нурофен 400"),
    ("Le di Motrin 7.5 ml a las 3.", "Motrin 7.5 ml"),
])
def test_a_drug_and_its_dose_after_a_word_of_another_language_is_no_surname(text: str, item: str) -> None:
    assert item in deidentify(text).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Gave Mia Motrin 5 ml at bedtime.", "Mia"),
    ("Zandile Panadol 500 at night, still sore.", "Zandile"),
    ("Saw Priya Khanna 2 weeks ago about the rash.", "Khanna"),  # no drug: the surname as before
    ("Talked to Maria Allegra about the rota.", "Allegra"),  # a drug's name with no dose after it: a surname
])
def test_the_name_before_a_drug_still_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "secrets"), [
    ("Msg from the clinic: 'Dear AMA SERWAA, your appointment is on Monday.'", ["SERWAA"]),
    ("Pasted label: Patient: JOHN SMITH DOB 01/02/1950", ["JOHN", "SMITH"]),
    ("Copied from the portal: 'Paziente: GALLO ROSARIA — Referto: EEG normale'", ["GALLO", "ROSARIA"]),
    ("bottle says CIPOLLA, GIANNA  AMOXICILLIN 250MG/5ML", ["CIPOLLA", "GIANNA"]),
    ("Ordered by: RUTH ANN KOWALCZYK, NP. Labs fine otherwise.", ["KOWALCZYK", "RUTH"]),
])
def test_a_name_in_capitals_inside_an_ordinary_entry_goes(text: str, secrets: list[str]) -> None:
    assert through(text, secrets) == []


@pytest.mark.parametrize(("text", "items"), [
    ("MRI LEFT KNEE: NO ACUTE FINDINGS, mild effusion.", ["MRI LEFT KNEE", "NO ACUTE FINDINGS"]),
    ("Letter says Dx: type 2 DM, HTN, CKD stage 3.", ["DM, HTN, CKD stage 3"]),
    ("O: SpO2 95% RA, HR 98. A: ?CAP.", ["SpO2 95% RA, HR 98"]),
    ("He's GMFCS IV now, TNBC on her side of the family.", ["GMFCS IV", "TNBC"]),
])
def test_acronyms_and_words_in_capitals_stay(text: str, items: list[str]) -> None:
    out = deidentify(text).text
    assert [i for i in items if i not in out] == []


@pytest.mark.parametrize("text", [
    "Ból głowy od rana, 6/10.",
    "Tos seca, 5/10, peor de noche.",
    "Kurzatmig bei 50 Metern, Puls 110.",
    "Fièvre 38.5 ce soir.",
    "Кашель сухий 2 тижні.",
    "Blutbild morgen früh nüchtern.",
    "Norovirus doing the rounds at school.",
    "Nebuliser once overnight, sats 94.",
])
def test_a_clinical_word_of_another_language_with_a_capital_is_no_name(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("tumeenda zahanati na Mama Neema, presha yake 170/110.", "Neema"),
    ("Huisarts sent a referral to plastische chirurgie Erasmus MC last week.", "Erasmus"),
    ("32. SSW, BP 140/90. Hebamme Katrin kommt morgen.", "Katrin"),
    ("Puskesmas Tebet bilang TB paru, obat 6 bulan.", "Tebet"),
])
def test_names_beside_the_clinical_words_of_another_language_still_go(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_the_clinical_word_list_holds_no_name_town_or_word_of_care() -> None:
    clinical = word_lists().foreign_clinical
    assert {"ból", "tos", "kurzatmig", "blutbild"} <= clinical
    assert not {"hebamme", "puskesmas", "makati", "armen", "gota"} & clinical  # care, a town, two first names
    assert not [w for w in clinical if w in word_lists().names or w in word_lists().english]


@pytest.mark.parametrize("text", [
    "Skin tear on the forearm dressed with Mepilex.",
    "Treated with Lasix today, ankles better.",
    "IV Solu-Medrol given, then home.",
    "Adrenaline, Solu-Medrol. Discharged at midnight.",
])
def test_a_listed_drug_after_with_or_written_with_a_hyphen_is_a_product(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("went to the shops with Allegra, knee sore after", "Allegra"),  # a drug's name that is a first name too
    ("coffee with Tobi after the clinic", "Tobi"),
    ("went to the shops with Priya, knee sore after", "Priya"),
])
def test_a_first_name_after_with_still_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "secret"), [
    ("Justice wheezing bad at church youth group.", "Justice"),
    ("Innocent fell from the mango tree at school.", "Innocent"),
    ("Grace continues to have nocturnal seizures.", "Grace"),
    ("Prince vomited after the jollof.", "Prince"),
    ("Joy has a fever of 38.9 since noon.", "Joy"),
])
def test_a_word_name_opening_a_sentence_before_a_symptom_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize("text", [
    "Hope has faded a bit this week.",
    "Summer has been hard on the joints.",
    "Patience wearing thin with this cough.",
])
def test_a_word_name_opening_a_sentence_as_a_word_stays(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "secret"), [
    ("dr ben youssef changed bisoprolol to 2.5", "youssef"),
    ("family doc dr. helen tsui at the clinic said RSI", "tsui"),
    ("my cousin amelia voss drove me home", "voss"),
])
def test_the_lower_case_surname_after_a_titled_given_name_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "item"), [
    ("Notes for Dr Pretorius (paed neuro) for the review", "paed neuro"),
    ("Jaundice baby Jayden bili 14, feeding 2-3 hourly", "bili 14"),
    ("saw dr lee tomorrow about the rash", "tomorrow"),
])
def test_a_word_after_a_titled_name_that_is_no_surname_stays(text: str, item: str) -> None:
    assert item in deidentify(text).text


@pytest.mark.parametrize(("text", "secret"), [
    ("magda lost lots of blood, pph 1.2L", "magda"),
    ("dariush from the team texted me the drills", "dariush"),
    ("michal here. the baby came at 4am", "michal"),
    ("deniz here, tonsillitis again, swallowing is awful", "deniz"),
])
def test_a_lower_case_name_before_what_a_person_does_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


def test_a_drug_before_here_mid_sentence_stays() -> None:
    assert "doxy here" in deidentify("Camp life, we're all on doxy here, heat rash.").text


@pytest.mark.parametrize(("text", "secret"), [
    ("she fell at her Blk 412 flat, bruise on hip", "412"),
    ("he fell in the shower in cabin 8217 on the ship", "8217"),
])
def test_a_block_or_cabin_number_goes(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


@pytest.mark.parametrize(("text", "terms", "secret"), [
    ("heat index 104 in mobile today and my MS fatigue is no joke", ["Wade Landry", "Mobile"], "mobile"),
    ("might try the bulk bill place in sale", ["Sale VIC"], "sale"),
    ("I did art at the willows today, painted a horse", ["The Willows Day Service"], "willows"),
    ("Surgery at PA Hospital on Monday, hip", ["PA hosp"], "PA Hospital"),
])
def test_a_lower_case_part_of_a_place_term_after_in_or_at_goes(text: str, terms: list[str], secret: str) -> None:
    assert through(text, [secret], terms) == []


@pytest.mark.parametrize(("text", "terms", "item"), [
    ("BP 118/76 in the surgery, bloods fine", ["Fernhill Surgery"], "in the surgery"),
    ("stretching from the pain management course", ["Ashfield Pain Clinic"], "from the pain management"),
    ("art at the day centre today", ["The Willows Day Service"], "at the day centre"),
    ("Mrs Okonjo from church (St. Matthias) dropped off jollof", ["St Matthias church"], "from church"),
])
def test_the_kind_or_a_common_word_of_a_place_term_stays(text: str, terms: list[str], item: str) -> None:
    assert item in deidentify(text, terms).text


def test_jr_after_a_listed_drug_is_its_line() -> None:
    assert deidentify("Teacher gave the EpiPen Jr at lunch and called an ambulance.").text.count("EpiPen Jr") == 1


@pytest.mark.parametrize(("text", "secret"), [
    ("Saw Martin Smith Jr yesterday about the fence.", "Smith"),
    ("Smith Jr came by with soup.", "Smith"),
])
def test_jr_after_a_name_stays_a_name(text: str, secret: str) -> None:
    assert through(text, [secret]) == []


# --- older rules, each with an example only it reads (the first full check of session thirty-three) ---


def _found(finder: Callable[[str, Add], None], text: str) -> list[tuple[str, str]]:
    spans: list[tuple[str, int, int]] = []
    finder(text, spans.append)
    return [(kind, text[s:e]) for kind, s, e in spans]


def test_a_form_label_takes_a_surname_in_capitals_that_is_a_word() -> None:
    assert ("name", "BROWN SARAH") in _found(pasted_candidates, "PATIENT: BROWN SARAH  DOB 01/02/1950")


@pytest.mark.parametrize("text", ["PATIENT: BROWN SARAH DOB 01/02/1950", "Dear ZAKIAH RAHMAN, your appointment"])
def test_a_given_name_in_capitals_is_no_hospital_acronym(text: str) -> None:
    assert [kind for kind, _ in _found(word_candidates, text) if kind == "place"] == []


@pytest.mark.parametrize(("text", "item"), [
    ("nurse aiyo, so strict today", "nurse aiyo"),  # a word the lexicon knows after a role
    ("muchas gracias a la enfermera del turno", "gracias"),  # a lexicon word that is a town too, in lower case
    ("then Quenzadol for 5 days, rash settled", "Quenzadol for 5 days"),  # a product taken for days
    ("Velmora two pumps on each arm", "Velmora two pumps"),  # before a spoken count of it
    ("Inj Velmora 40 at night", "Velmora 40"),  # after a prescription's dosage form
    ("Glikemija natašte 5.45, malo visoko.", "5.45"),  # a blood sugar after a word for it no list holds
    ("Letter says Dx: HTN, CKD stage 3.", "HTN, CKD stage 3"),  # acronyms in capitals, no two-letter one
])
def test_older_rules_keep_what_only_they_read(text: str, item: str) -> None:
    assert item in deidentify(text).text
