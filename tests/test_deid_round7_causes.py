"""Issue 15, round seven: causes of misses found in the tuning corpus and in the 26 entries of held-out set G moved
to it to be looked at (the fourteen with a miss of a structured kind or an age over 89, twelve changed PHI-free
entries), pinned in general terms. Identifiers: a phone's extension, the word for a phone or a code in other
languages, an IBAN, a clinic's letters before its number, a code of capitals and slashes, groups of digits in a
row, a date found in two overlapping pieces, ages with the word for years or turning in other languages, "pani",
"Herr" and the other Mr and Mrs, a facility's name after the word for it, a Polish street and its number, a US
street with a direction and an ordinal, a name before "my partner". Over-redaction: an amount of a product ("2
puffs of Asmol"), a dose by its time ("the afternoon Sinemet"), a noun after "my" in other languages ("mi
esposa"), "Grace of God", "Preventer", everyday words of other languages seldom written (from wordfreq, never met
in English text). Every text is made up."""

from __future__ import annotations

import re

import pytest

from healthviz_desktop.core.prompting.allowlist import unlisted_words
from healthviz_desktop.core.prompting.composer import explainer_text
from healthviz_desktop.core.prompting.deidentify import deidentify
from tests.support import deid_reference as REF


@pytest.mark.parametrize("text, name", [
    ("Hemi says I'm snappier lately.", "Hemi"),  # a word only the medical lists know, before what a person does
    ("Ola massaged my hands after dinner.", "Ola"),
    ("Tobi rang about the lift home.", "Tobi"),  # a drug's brand too, but a drug does not ring
])
def test_a_medical_list_word_before_what_a_person_does_is_held(text: str, name: str) -> None:
    assert name in [u.text for u in unlisted_words(text)]
    assert name not in explainer_text(text)[0]


@pytest.mark.parametrize("text", [
    "Ferritin came back at 14 so that explains it.",  # a result comes back
    "Physio says keep going with the stretches.",  # roles and services speak too
    "Nephrologist wants to adjust my dry weight.",
    "Cardiology said the echo was fine.",
    "Tobi helped my chest a bit.",  # a drug helps
])
def test_a_medical_word_before_a_verb_it_can_do_stays(text: str) -> None:
    first = text.split()[0]
    assert first not in [u.text for u in unlisted_words(text)]


@pytest.mark.parametrize("text, secret", [
    ("Rang the ward on 09 388 4720 ext 6613, she said wait.", "6613"),  # a phone's extension
    ("Called 555-0188 x42 about the forms.", "42"),
    ("Faxnummer 0221 8841920-11 for the Krankmeldung.", "0221"),  # the word for a fax, all its groups
    ("telefon 601 772 430 for results", "601"),
    ("e-skierowanie, kod 4821, pacjent", "4821"),  # the word for a code, in other languages
    ("el código 77310 del laboratorio", "77310"),
    ("Refund to my account FR76 3000 4028 3700 0100 4821 913. Good.", "FR76"),  # an IBAN, whole
    ("Refund to my account FR76 3000 4028 3700 0100 4821 913. Good.", "913"),
    ("Refund to my account NL91 ABNA 0417 1643 00 today.", "NL91"),
    ("Paid into DE89 3704 0044 0532 0130 00 today.", "DE89"),
    ("His clinic card ZKH 40712 was in the bag.", "ZKH"),  # a clinic's letters before its number
    ("The nurse checks my card TB/KTH/0912 each week.", "TB/KTH/0912"),
    ("medical aid is Discovery 7718 2290 if they ask", "7718"),  # groups of digits in a row
    ("Booked her in for Thursday 9 Oct, fasting.", "Oct"),  # a date found in two overlapping pieces
    ("Dziadek ma 94 lata i słabo słyszy.", "94"),  # an age with the word for years
    ("Oma wordt 92 volgende maand.", "92"),  # ... or after the word for turning
    ("La nonna compie 97 a maggio.", "97"),
    ("Pielęgniarka pani Bożena przyjdzie jutro.", "Bożena"),  # Mrs in other languages
    ("Went to Hospital Yenimahalle for the scan.", "Yenimahalle"),  # a facility's name after its word
    ("Apteka at Marszałkowska 140 had it.", "140"),  # a Polish street and its number
    ("The supplier is at 7710 NW 12th Ave, Doral.", "12th"),  # a US street with a direction and an ordinal
    ("Kasia my partner drove me in.", "Kasia"),  # a name before "my partner"
    ("el fax de la doctora Benítez es nuevo", "Benítez"),  # a doctor's title in another language
])
def test_round_seven_identifiers_are_removed(text: str, secret: str) -> None:
    for deid in (deidentify, REF.deidentify):
        out = deid(text).text
        assert re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", out, re.IGNORECASE) is None, out


@pytest.mark.parametrize("text", [
    "Gave him 2 puffs of Asmol through the spacer.",  # an amount of a product
    "Started a course of Augmentin today.",
    "I gave the afternoon Sinemet a bit late.",  # a dose by when it is taken
    "Mi esposa says go to urgent care.",  # a noun after "my" in another language
    "Grace of God I finished the marking.",
    "Preventer is Flixotide 250, need a new one.",
    "Migräne dritter Tag, Übelkeit weg.",  # everyday words of other languages seldom written
    "Hooikoorts en astma samen vandaag.",
    "Metformin XR 1000 with dinner, Glucophage SR 500 at night.",  # a product line's letters, not a clinic's
    "steps 8400 9200 this week, HR 112 118 121 on the walk",  # readings in a row
    "pani Kowalska 10 min late",  # a surname shaped like a street, before a count: no address
])
def test_round_seven_look_alikes_survive(text: str) -> None:
    for deid in (deidentify, REF.deidentify):
        out = deid(text).text
        kept = [w for w in ("Asmol", "Augmentin", "Sinemet", "esposa", "Grace", "Preventer", "Übelkeit", "Hooikoorts",
                            "XR 1000", "SR 500", "8400 9200", "10 min") if w in text]
        assert all(w in out for w in kept), out


@pytest.mark.parametrize("text, terms, held", [
    ("Gift dropped me at the clinic.", ["Gift Ndlovu"], "Gift"),  # a private term that is a word, doing something
    ("tablets done. hope is exhausted from the night.", ["Hope"], "hope"),  # ... in lower case opening a sentence
    ("Daughter here, Room 14, all fine.", [], "14"),  # a number that places someone
    ("note for the teacher at PS 161 today", [], "161"),
    ("rdv at the clinic, 155 boulevard de Stalingrad", [], "155"),  # a house number before the street's word
    ("come in tomorrow 9.40 for bloods", [], "9.40"),  # a clock time after a day word
    ("Migraña desde las 11, en clase.", [], "11"),  # after "las"
    ("Dr. Sengupta on Saturday, AMRI Salt Lake.", ["AMRI"], "Lake"),  # the rest of a name taken out
    ("in the Hospital del Mar they said no", [], "Mar"),  # (the de-identifier's facility rule takes it whole)
])
def test_the_allowlist_holds_round_seven_identifiers(text: str, terms: list[str], held: str) -> None:
    out = explainer_text(text, terms)[0]
    assert re.search(rf"(?<![\w.]){re.escape(held)}(?![\w])", out) is None, out


@pytest.mark.parametrize("text, terms, kept", [
    ("I hope it helps, I will try.", ["Hope", "Will"], "will try"),  # the verb, not the private term
    ("Dialysis day today, 3.5h run.", ["Eastside Dialysis"], "Dialysis"),  # a generic word of a term, not acting
    ("Pastor rang about the lift.", ["Pastor Mike Olu"], "Pastor"),  # a title in a private term
    ("Took 2x via the spacer, 15L via mask.", [], "2x via"),  # "via" is no street
    ("then the Gaviscon after food", [], "Gaviscon"),  # a drug beside an unknown word
    ("Keppra 500 bd, bed by 10 most nights", [], "500 bd"),
])
def test_the_allowlist_keeps_round_seven_look_alikes(text: str, terms: list[str], kept: str) -> None:
    assert kept in explainer_text(text, terms)[0]



def test_a_word_beside_a_number_taken_out_does_not_block_the_explainer() -> None:
    """Found by looking at the Compose window: "Room [NUMBER]" in the composed explainer was blocked as if "Room"
    were the rest of a name, so the person could not send it; only a name's placeholder makes a neighbour suspect."""
    from healthviz_desktop.core.prompting.composer import compose_explainer

    cp = compose_explainer("Gift dropped me at Westmead Hospital, Room 14, for the scan.",
                           private_terms=["Gift Ndlovu", "Westmead Hospital"])
    assert "Room [" in cp.prompt  # the room's number taken out ("[ADDRESS]" since the room rule), "Room" kept
    assert [f.text for f in cp.verdict.blocking] == [], cp.verdict.blocking


@pytest.mark.parametrize("text, secret", [
    ("note for the teacher at PS 161 about the inhaler", "161"),  # a New York public school by its number
    ("Escuela P.S. 48 sent him home early.", "48"),
    ("finals at U of M this week, POTS awful", "M"),  # a university shortened
    ("Missed the UCL lecture, 4/10 by noon.", "UCL"),  # an acronym before what a school has
    ("after 11 hrs on Uber my back is gone", "Uber"),  # a brand worked for in shifts
    ("lifting boxes at the Amazon warehouse all night", "Amazon"),
    ("foodpanda rider ID needed for the leave form", "foodpanda"),  # a word no list knows before the job
    ("Father Byrne from Our Lady's brought communion.", "Lady's"),  # a parish
    ("Mum is in Room 14 on the second floor.", "14"),  # a room's number
    ("they shipped it to 4417 Avenue B yesterday", "4417"),  # a street that is a letter
    ("the neurologist at the Hospital del Mar said no driving", "Mar"),  # a facility named its language's way
    ("colonoscopy at the Praxis am Stadtpark next week", "Stadtpark"),
    ("took me to the Clínica 10 in the end", "10"),
    ("rdv at 155 boulevard de Stalingrad at noon", "155"),  # the house number before the street's word
    ("dentist at Vesterbrogade 184, 2200 on Friday", "2200"),  # a postcode after a numbered street
    ("the pharmacy on the Turnhoutsebaan had it", "Turnhoutsebaan"),  # a Flemish street
])
def test_round_seven_workplaces_and_schools_are_removed(text: str, secret: str) -> None:
    for deid in (deidentify, REF.deidentify):
        out = deid(text).text
        assert re.search(rf"(?<![\w.]){re.escape(secret)}(?![\w])", out) is None, out


@pytest.mark.parametrize("text", [
    "ICU shift again, back 6/10.", "the GP office rang about bloods", "hours on Tuesday were long",
    "my shift on the ward ran over", "the bike rider was rude", "MS 12 years now, fatigue 5/10",
    "Lyrica 75 bd. Trying to sleep more.", "2x via the spacer, then rinse", "the room 22 degrees at night",
    "felt flat 3 days running",
])
def test_round_seven_workplace_look_alikes_survive(text: str) -> None:
    for deid in (deidentify, REF.deidentify):
        assert deid(text).text == text


@pytest.mark.parametrize("text, name", [
    ("Hemi says I'm snappier lately.", "Hemi"),  # a word only the medical lists know, doing what a person does
    ("Ade drove, I was in no state.", "Ade"),
    ("Bram hoovered the whole flat.", "Bram"),
    ("Psychologist Rami online Thursday.", "Rami"),  # a name after a role written the way "Dr" is
])
def test_round_seven_names_the_medical_lists_shielded(text: str, name: str) -> None:
    for deid in (deidentify, REF.deidentify):
        assert name not in deid(text).text


@pytest.mark.parametrize("text", ["Physio says keep going.", "Cardiology said it was fine.", "Tobi helped my chest.",
                                  "Ferritin came back at 14.", "Tired says it all really."])
def test_round_seven_medical_words_that_act_stay(text: str) -> None:
    for deid in (deidentify, REF.deidentify):
        assert deid(text).text == text
