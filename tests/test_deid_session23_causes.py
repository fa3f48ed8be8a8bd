"""Issue 15, session twenty-three: everyday English the de-identifier over-redacted (the tuning corpus's lost keep
items and changed identifier-free entries, sets A–T), each fixed in its general form.

- "in the SI joint" went out as "in the [PLACE] joint": capitals after "in", "at", "to" or "from" were read as a
  place even before a joint, a ligament or a nerve.
- "Switched from Seretide to Trelegy" → "from [PLACE]": what a treatment changed from or to was read as a place
  after "from"/"to".
- "Lewy body hallucinations" → "[NAME] body": an eponym of a condition.
- "Matcha instead of coffee" → "[NAME] instead of coffee": a sentence that opens with a thing.
- "The pharmacy bill came to $85" → "The pharmacy [NAME] came": a given name that is an everyday word, right after
  a noun and its article, is the noun's own word (never after a person's noun: "the nurse pip says").
- "Maya's Medicaid ID" → "[NAME] ID": after a name's possessive the run went on over what the person has (a
  service, a drug, a condition); and "Jonah's Crohn's is bad" let "Jonah" out with the eponym.
- "gave me Keflex", "put her on Esmya": what a clinician gave was read as a name.
Recall, in the same forms:
- "girls from work - Sam, Bec and [NAME]": a list of names ending with a caught one kept its first members.
- "the social worker (heath, lovely bloke)": a name in brackets after a role written out.
- "Screenshot (412).png": the copy's number a computer adds in brackets kept a file's name whole.
- Recall, second look: ordinary given names opening a sentence before a deed in the past ("Wade found a guy",
  never "May saw", "Hope fell"), before an honorific ("Sunny bhai took me"), a word before a role in brackets
  ("Chase (trainer) made me"), and a capitalised word right beside a capitalised name or place kept, that no rule
  took ("at KPX Software": "Software" kept the employer's kind but also its name's other half; never "Hospital").
- From set U's 240 entries read (everyday English of the whole English-speaking world, written to stress names that
  are words): spoken dates ("June twenty fifth", "Thursday the twelfth", "eight p m"), names before an honorific
  ("Chitra akka") or a title alone in brackets ("Ivy (Nan)"); readings said in words were read as ages over 89
  ("blood sugar ... one hundred and sixty two", "one forty over ninety"); what a dose change names after an owner
  ("upped his Clenil", "used her Asmol"), a product for a number of days ("Solu-Medrol for 3 days"), a refill or a
  spoken count of it ("my Epilim refill", "Oestrogel two pumps"), food for a meal ("Banku for supper"); English
  family words the lexicon lacked ("Mi granddaughter Precious come"), an acronym someone came out of ("the QE"), and
  from the tuning corpus a four-digit clock before a shift read as a dose ("Endorsed to Jovelyn 1500 shift"); an hour
  before "tomorrow morning", "tonight" or "last night" ("dialysis at 7 tomorrow morning").
The allowlist (explainer text, an edited prompt): "Jan from church popped round" passed, a given name that is also a
month's short form opening a sentence before what a person does.
Sentences written for these tests; no personal data.
"""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.allowlist import unlisted_words
from healthviz_desktop.core.prompting.deidentify import deidentify
from tests.corpus.score_heldout import present

UNCHANGED = [
    "Little twinge in the SI joint after the walk.",
    "pain in the AC joint again, physio Thursday",
    "strapped to the MCP joints overnight",
    "Switched from Seretide to Trelegy, 1 puff daily.",
    "GP switched me from Yasmin to Dianette for the acne.",
    "weaned from Keppra over a month",
    "from Seretide onto Fostair, fewer puffs",
    "Dad had a bad night, Lewy body hallucinations again.",
    "Lewy bodies, the consultant thinks",
    "Matcha instead of coffee for a week.",
    "The pharmacy bill came to $85 even with insurance.",
    "my gas bill came and I cried",
    "Clinic at the station gave me Keflex and the nurse said rest.",
    "GP put her on Esmya for 3 months",
    "started me on Restoralax, two sachets",
    "my blood sugar this morning was one hundred and sixty two.",
    "blood pressure is one forty over ninety. the doctor wants a repeat",
    "blood pressure one fifty over ninety five. started the higher dose",
    "Nurse upped his Clenil. Back to school tomorrow.",
    "Used her Asmol. We're ok now.",
    "Solu-Medrol for 3 days.",
    "Went to the clinic for my Epilim refill, the queue was long.",
    "Went to the clinic for my Trevanex refill, the queue was long.",  # (a brand no list holds)
    "Discharged with EpiPen prescription and Telfast 180.",
    "Perimenopause they reckon. Oestrogel two pumps.",
    "Banku for supper.",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_clinical_words_products_and_nouns_stay(text: str) -> None:
    assert deidentify(text).text == text


GONE = [
    ("admitted in KKH last night", ["KKH"]),
    ("went to CHEO again for the bloods", ["CHEO"]),
    ("moved from Hartwell to Leeds in May", ["Hartwell", "Leeds"]),
    ("we switched from Leeds Teaching to Harrogate", ["Leeds", "Harrogate"]),
    ("drove to Harrogate for the scan", ["Harrogate"]),
    ("Meg from work drove me instead of Tom.", ["Meg", "Tom"]),
    ("the nurse pip says rest", ["pip"]),
    ("my mate tom said rest", ["tom"]),
    ("hair thinning at the temples. grace's mom had the same", ["grace"]),
    ("face like a hamster. jack drove me home", ["jack"]),
    ("Lewy was the one who drove me home", ["Lewy"]),
    ("Maya's Medicaid ID changed, new card.", ["Maya"]),
    ("Jonah's Crohn's is bad again", ["Jonah"]),
    ("Mum gave me Jonah's number", ["Jonah"]),
    ("Dad gave me Kemi's number", ["Kemi"]),
    ("the receptionist bill said to wait", ["bill"]),
    ("lunch with the girls from work - Sam, Bec and Tash. Nobody noticed.", ["Sam", "Bec", "Tash"]),
    ("Sam and Tash came round", ["Sam", "Tash"]),
    ("the social worker (heath, lovely bloke) says", ["heath"]),
    ("Saved my step count as Screenshot (412).png for the cardiologist", ["Screenshot", "(412).png"]),
    ("sent IMG_2041 (1).jpg to the GP", ["IMG_2041", "(1).jpg"]),
    ("Wade found a guy who can fit the rails.", ["Wade"]),
    ("Sunny bhai took me to the clinic.", ["Sunny"]),
    ("Chase (trainer) made me do rows.", ["Chase"]),
    ("Can't walk to the office at KPX Software. uric acid 8.9.", ["KPX", "Software"]),
    ("next Ocrevus infusion is June twenty fifth at eight a.m.", ["June", "twenty", "fifth", "eight"]),
    ("Physio on Thursday the twelfth.", ["Thursday", "twelfth"]),
    ("wheelchair appointment is on monday the fourteenth of october", ["monday", "fourteenth", "october"]),
    ("I took my Lyrica at eight and then again at eight p m.", ["p"]),
    ("it was May the second, I think", ["May", "second"]),
    ("Syndopa 110 daily. Chitra akka will come.", ["Chitra"]),
    ("Ivy (Nan) came out of hospital today.", ["Ivy"]),
    ("Gran is ninety five today", ["ninety", "five"]),
    ("took her Kemi to school", ["Kemi"]),
    ("Mi granddaughter Precious come look fi me.", ["Precious"]),
    ("my sis Kemi drove me to the clinic", ["Kemi"]),
    ("my sis kemi", ["kemi"]),
    ("stepson tobi is home", ["tobi"]),
    ("Nan came out of the QE today.", ["QE"]),
    ("c/o knee pain, Voltaren applied. Endorsed to Jovelyn 1500 shift.", ["Jovelyn", "1500"]),
    ("Ayah's dialysis at 7 tomorrow morning at the centre.", ["7"]),
    ("woke with chest pain at 3 last night", ["3"]),
]


@pytest.mark.parametrize(("text", "secrets"), GONE)
def test_places_and_names_beside_these_forms_still_go(text: str, secrets: list[str]) -> None:
    out = deidentify(text).text
    for secret in secrets:  # the held-out scorer's own test: the secret as a whole word, in any case
        assert not present(secret, out), out


@pytest.mark.parametrize(("text", "kept"), [
    ("From the app ordered Sporlac and Cyclopam, my ID", "Sporlac"),  # a list after "ordered" is no list of people
    ("From the app ordered Zelmorin and Quadrilax, my ID", "Zelmorin"),  # (brands no list holds: Cyclopam is known now)
    ("got 20% off the Allergex and Flomist.", "Allergex"),
    ("with Sam, Dad and Tash", "Dad"),
    ("Maya's Medicaid ID changed", "Medicaid"),
    ("Sarah's Bell's palsy is better", "Bell's"),
    ("Went to BNH Hospital, rapid strep positive", "Hospital"),
    ("May saw the worst of it.", "May"),
    ("Hope fell apart when the scan came back.", "Hope"),
    ("Ventolin (blue) helps", "Ventolin"),
    ("I may first try rest", "may"),
    ("Monday the first time I felt ok", "first"),
    ("we march first thing", "march"),
    ("ran out of the PPI again", "PPI"),
    ("Metformin 1500 daily with food", "Metformin"),
    ("took 2 tonight and slept", "2"),
])
def test_things_beside_these_names_stay(text: str, kept: str) -> None:
    out = deidentify(text).text
    assert kept in out.replace(",", " ").split(), out


@pytest.mark.parametrize(("text", "held"), [
    ("Jan from church popped round Tuesday.", "Jan"),
    ("Christian from work came by with soup.", "Christian"),
    ("Theo said the rash looks better.", "Theo"),
])
def test_the_allowlist_holds_a_given_name_opening_a_sentence(text: str, held: str) -> None:
    assert held in [u.text for u in unlisted_words(text)]


@pytest.mark.parametrize(("text", "word"), [("Jan to March was the worst stretch.", "Jan"),
                                          ("Star jumps made the knee worse.", "Star")])
def test_the_allowlist_passes_such_a_word_before_no_act(text: str, word: str) -> None:
    assert word not in [u.text for u in unlisted_words(text)]
