"""Issue 15, round two: each cause of a miss found on the first round's sets (now tuning data) is pinned here, in
general terms: ordinary-word names and places in lower case, lower-case organisations, ages over 89 in new forms,
over-redacted products, the allowlist's hold on name words and capitals, and the grammar-only fast path of the
outbound check. Every text is made up for the test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from healthviz_desktop.core.model import Entry, Observation
from healthviz_desktop.core.prompting.allowlist import unlisted_words
from healthviz_desktop.core.prompting.composer import compose_moment, explainer_text
from healthviz_desktop.core.prompting.deidentify import deidentify, find_identifiers
from healthviz_desktop.core.prompting.grammar import grammar
from healthviz_desktop.core.prompting.outbound_check import check_request
from tests.support import deid_reference as REF


def _gone(text: str, secret: str) -> str:
    out = deidentify(text).text
    assert secret not in out.split() and secret not in out, out
    return out


@pytest.mark.parametrize(("text", "secret", "placeholder"), [
    ("saw rose today, she looks well", "rose", "[NAME]"),  # a verb of meeting before a word that is a given name
    ("grace says journaling helps", "grace", "[NAME]"),  # a verb of speaking after it
    ("bill says i should go to urgent care", "bill", "[NAME]"),
    ("cheers lee, see you monday", "lee", "[NAME]"),  # a sign-off
    ("my friend nia says ask about it", "nia", "[NAME]"),  # a medical list's stray entry after a relation
    ("ayo n i went to the clinic together", "ayo", "[NAME]"),  # "X and I"
    ("kemi's email is in my phone", "kemi", "[NAME]"),  # an unknown word with a possessive
    ("ravi uncle says its the heat", "ravi", "[NAME]"),  # an honorific after a name
    ("gethin covered my first break", "gethin", "[NAME]"),  # a person's verb after an unknown word
    ("drove up from limerick with soup", "limerick", "[PLACE]"),  # a name word after from/in/near
    ("kids are at gran's in llandudno", "llandudno", "[PLACE]"),  # an unknown word after in/at
    ("back in work at tesco llandudno after 2 wks", "tesco", "[EMPLOYER]"),  # after a work word
    ("closed at wingstop, feet killing me", "wingstop", "[EMPLOYER]"),
    ("my wrist went again at the amazon warehouse", "amazon", "[EMPLOYER]"),  # before a workplace word
    ("Long day at the Samsung plant again", "Samsung", "[EMPLOYER]"),
    ("they said take him to city hospital, we waited", "city", "[PLACE]"),  # a facility word with no article
    ("they took him to county hospital overnight", "county", "[PLACE]"),
    ("did a double shift at greggs again", "greggs", "[EMPLOYER]"),
    ("follow-up at mass general on friday", "mass", "[PLACE]"),  # a facility pair
    ("amputation at the royal derby. the nurse", "derby", "[PLACE]"),
    ("ENT at the Mater on Monday", "Mater", "[PLACE]"),  # at/to/from the + a lone capitalised word
    ("Scan is at the Spire next week", "Spire", "[PLACE]"),
    ("Ken had one of his bad days.", "Ken", "[NAME]"),  # a name word starting a sentence, then a person's verb
    ("Frank's snoring is unreal.", "Frank", "[NAME]"),  # ... with a possessive
    ("Blessing brought pepper soup round.", "Blessing", "[NAME]"),  # a given name that is an ordinary word
    ("Cyclizine prescribed. Kavitha and I walked.", "Kavitha", "[NAME]"),  # not a product word after a drug
    ("nana edna is 98 and had her hearing aids in", "98", "[AGE]"),  # a relation, a name, is, an age
    ("Nain, 97 and still bossing everyone", "97", "[AGE]"),  # a name set off by a comma before an age
    ("Abuela cumplió 100 hoy", "100", "[AGE]"),  # "turned", in Spanish
    ("Third night in a row, 7p-7a, and I feel it", "7p-7a", "[DATE]"),  # a shift in shorthand
    ("drove me to the clinic on 4th & Vine, the free one", "Vine", "[ADDRESS]"),  # a street corner
    ("urgent care on Route 50 saw me", "Route 50", "[ADDRESS]"),  # a numbered road
    ("stuck on the M25 again", "M25", "[ADDRESS]"),
    ("new one is 8KQ7DX (had to type it twice)", "8KQ7DX", "[ID]"),  # a device code of capitals and digits
    ("Appt w/ Dr. Castellanos Tue 9/24 for results", "Castellanos", "[NAME]"),  # a run ends at a word of time
    ("Stroke clinic at Ysbyty Gwynedd Thursday 11:15.", "Gwynedd", "[PLACE]"),
    ("Sunny (Dad, everyone calls him that) got his jab", "Sunny", "[NAME]"),  # a relation in brackets
    ("snapped at huw over nothing", "huw", "[NAME]"),  # a verb that takes "at" a person
    ("the gp, dr lloyd-jones, said wait", "lloyd-jones", "[NAME]"),  # a hyphenated surname after a title
    ("snoring that shakes the house (per Dev).", "Dev", "[NAME]"),  # "per"
    ("Took Yasmin's car to her chemo", "Yasmin", "[NAME]"),  # a possessive is no product after "took"
    # from held-out set C's moved entries (tests/corpus/heldout/MOVED.md), in general terms
    ("I was by Dr. Weber am 3.4. and she", "3.4.", "[DATE]"),  # day.month. in one digit after a cue
    ("from 5.5. until 8.5. three days", "8.5.", "[DATE]"),
    ("the long drive up to coffs. 6/10", "coffs", "[PLACE]"),  # a trip "up to" an unknown word
    ("physio (tom) wants me doing it", "tom", "[NAME]"),  # a name in brackets after a relation
    ("hope (my midwife, yes) said", "hope", "[NAME]"),  # a name before "(my ...)"
    ("texted miss dale at the kindy", "dale", "[NAME]"),  # a name word after a title in lower case
    ("My office (Cognizant) approved it", "Cognizant", "[EMPLOYER]"),  # an employer in brackets
    ("Mr Lee from no. 14 brought her back", "14", "[ADDRESS]"),  # a house number
    ("rego on the ute (EBX-47K) due", "EBX-47K", "[ID]"),  # "rego", a plate with a hyphen
    ("the plate of the car I ride in — CKRT 419, that's it", "CKRT 419", "[ID]"),  # four letters, three digits
    ("Mum (95 in a fortnight) is in the home", "95", "[AGE]"),  # an age in brackets, said when it comes
    ("Dadaji 94 saal ke hain", "94", "[AGE]"),  # years in Hindi
    ("Kamala (mum) is 92 and", "92", "[AGE]"),  # a relation in brackets, then is and the age
    ("Pharmacy at Shoppers needs my card", "Shoppers", "[PLACE]"),  # a capital mid-sentence after "at"
    ("Saw the neuro at CHEO, she thinks", "CHEO", "[PLACE]"),  # an acronym no list knows, where one goes
    ("wanted to drive me to the Jewish General but", "Jewish General", "[PLACE]"),  # a hospital by what it is
    ("Booking appointment moved to the 19th with the midwives", "19th", "[DATE]"),  # a day ordinal ending a phrase
    ("checkup is 3월 20일 at 8:30", "3월 20일", "[DATE]"),  # a date in Korean
    ("The wifi in the Mater hospital blocked my login", "Mater", "[PLACE]"),  # a capital before a hospital word
    ("the injuries unit at Bishop Auckland in the morning", "Bishop Auckland", "[PLACE]"),  # a place, not a product
    ("Since dia 18 I have the tooth pain", "18", "[DATE]"),  # the day in Portuguese
    ("GP appt at the centre 3/4 at 9.40, fine", "3/4", "[DATE]"),  # a day and a month before a time
])
def test_a_round_two_cause_is_found(text: str, secret: str, placeholder: str) -> None:
    out = _gone(text, secret)
    assert placeholder in out


@pytest.mark.parametrize("text", [
    "Nytol for sleep, groggy in the morning.",  # a product starting a sentence, then how it is used
    "Strepsils for the throat. Lacri-Lube at night.",
    "Nearly took a Lemsip Max too close to the paracetamol.",  # a product's own word after it
    "Light box 30 min each morning, 10,000 lux.",  # a gazetteer name right after a number is a unit
    "Went to the Pharmacy, then to the Gym.",  # a word for any such place
    "Up at dawn again. BP 178 at wake.",  # an ordinary word after "at"
    "Sats, 95, fine after the walk.",  # a reading, not an age
    "Queued at the post office, I hope it helps, I will go.",
    "BP rose again after lunch; the main hospital was busy.",
    "Monofilament test at home, cannot feel the big toe.",
    "HBA1C 48, SPF50 daily, B12 1000mcg.",  # codes of capitals and digits that are clinical
    "Wed 151/90 (after a row with the neighbour), Thu 136/82.",  # a relation before brackets close
    "Braxton Hicks on and off all evening.",  # an eponym of two words
    "Glucosamine, fish oil, Pamol 1g x2.",  # a product listed with others
    "hayfever is bad, i miss work so much, took 2.5. then slept, INR 2.5. ok",
    "Called the nurse line, then the MS unit; the duty doctor mobile rang.",  # a work title before a name word
    "Flu again. Corenza C at night, Med-Lemon in the day, Betapyn for the headache.",  # how a product is used
    "Took Diatabs 2 caps and Erceflora. Drinking Hydrite.",  # a product listed after a dose, after a drinking verb
    "Take Pancold A syrup. Dolo 650 one tab, then Saridon when not going.",  # a name and a letter; "then" a product
    "Sundowning again from about teatime. Pilates reformer class was too much.",  # opening with a doing word
    "Kal se khansi aur gala kharab. Thoda fever 99.8.",  # Hinglish words
    "the Eye hospital, then the Children's hospital",  # hospitals named by what they are
    "Dermovate then back to Eumovate, Epaderm as soap substitute. Strepsils, Salamol when needed. AFib, two UTIs.",
    "Rh negative, so the Anti-D jab; then the doppler and sore abs.",  # clinical words
    "Bed by ten, fasting sugar 6.2. on waking, the 2nd dose at the 3rd visit was fine.",  # readings, no dates
    "Then my sister set up the app; the dentist (root canal) was fine.",  # a bracket that goes on
])
def test_clinical_and_everyday_text_is_left_alone(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize(("text", "word"), [
    ("neuro at the heath tomorrow", "heath"),  # a name word in lower case, held in any case
    ("saw grace at lunch", "grace"),
    ("scan is at the Spire next week", "Spire"),  # a capital where no sentence starts
    ("sent to the pharmacy at 3rd and Market", "Market"),
    ("urgent care on Route 50 saw me", "Route"),
    ("Will's mom called", "Will"),
    ("i hope it helps", "hope"),  # the cost: a given name that is an ordinary word is held in any case
    ("the heath was busy", "heath"),  # a name word after "the" is still held
    ("we drove to limerick", "limerick"),
    ("she is 97 now", "97"),  # a number that could be an age, with no reading word before it
    ("seen on 9/18", "9/18"),  # a day and a month
])
def test_the_allowlist_holds_back_names_that_are_ordinary_words(text: str, word: str) -> None:
    assert word in [u.text.rstrip("'’s") if u.text.endswith("'s") else u.text for u in unlisted_words(text)]


@pytest.mark.parametrize("text", [
    "I will take 30 min off and rest.",  # "will" the verb, a unit after a number
    "Took Tylenol on Monday, then Ibuprofen.",  # drug names and days with a capital
    "A violet glow, my arm and my colon ache.",  # a grammar word, medical terms that are name words
    "Co-codamol 30/500 x2, 1-0-1, drank 2.5L, squats 3x10.",  # strengths, counts, schedules, units
    "A hill walk, BP 128 over 84, weight 135.",  # an indefinite article; readings, not ages
    "Effects take weeks to help, the park was quiet.",  # name words among the most frequent words
])
def test_the_allowlist_lets_ordinary_text_through(text: str) -> None:
    assert unlisted_words(text) == []


def test_an_explainer_replaces_and_an_edited_prompt_blocks_a_lower_case_place() -> None:
    clean, removed = explainer_text("Neuro at the heath tomorrow, pain 6/10.")
    assert "heath" not in clean and "[WORD]" in clean and "6/10" in clean
    assert any(r.text == "heath" and "name or place" in r.reason for r in removed)
    base = compose_moment(_entry())
    edited = base.with_prompt(base.prompt + "\nneuro at the heath tomorrow")
    assert not edited.verdict.ok
    assert any(f.text == "heath" and f.category == "unlisted" for f in edited.verdict.blocking)


def _entry() -> Entry:

    return Entry(occurred_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
                 observations=[Observation("migraine", 7, ["throbbing"], "left_temple")])


def test_a_grammar_only_prompt_skips_only_rules_that_never_fire_on_it() -> None:
    """The outbound check reads a prompt made of the grammar's words alone without the typed-word rules: on every
    composed prompt that gives the same spans as reading it as typed text, with and without private terms that
    are grammar words, in the fast detector and the reference alike."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.bench_prompt import synthetic_entries

    vocab = grammar().vocabulary
    for i, entry in enumerate(synthetic_entries(300, seed=21)):
        terms = (["Amber Long"], ["Rose"], [])[i % 3]
        prompt = compose_moment(entry, style=sorted(grammar().styles)[i % len(grammar().styles)],
                                private_terms=terms).prompt
        fast = find_identifiers(prompt, terms, typed=False)
        assert fast == find_identifiers(prompt, terms)
        assert [(s.category, s.start, s.end) for s in fast] == [
            (s.category, s.start, s.end) for s in REF.find_identifiers(prompt, terms, typed=False)]
        request = {"model": "sora-2", "prompt": prompt, "seconds": "8", "size": "1280x720"}
        assert check_request(request, terms, vocabulary=vocab) == check_request(request, terms, vocabulary=vocab,
                                                                               typed=False)


def test_an_edited_prompt_is_read_as_typed_text() -> None:
    """A name from the grammar's own words in a prompt the person edited is still found: the fast path is only for
    prompts the app wrote."""
    base = compose_moment(_entry())
    edited = base.with_prompt(base.prompt + "\nsaw rose at lunch")
    assert any(f.text == "rose" and f.category == "name" for f in edited.verdict.blocking)
    # every word of this edit is a grammar word: still read as typed text ("Rose" with a capital mid-sentence)
    vetted = base.with_prompt(base.prompt + " A glow of Rose light.")
    assert any(f.text == "Rose" and f.category == "name" for f in vetted.verdict.blocking)


def test_a_private_term_that_is_a_common_word_counts_only_as_a_name() -> None:
    """Someone called "An" (or "Añ", "an" once its accent is gone): found where it reads as a name, and the
    prompts the app writes, full of the article "an", can still be sent (found by the property tests)."""
    assert compose_moment(_entry(), private_terms=["AÑ"]).verdict.ok
    assert compose_moment(_entry(), private_terms=["An"]).verdict.ok
    assert "An" not in deidentify("Saw An today, an odd day.", ["An"]).text.split()
    assert deidentify("an odd day", ["An"]).text == "an odd day"


def test_a_word_and_two_digits_match_the_reference() -> None:
    """ "palsy93": the fast detector's digit window gate let four letters and two digits through unread."""
    text = "Bell's palsy93 years old "
    assert [(s.category, s.text) for s in find_identifiers(text)] == [
        (s.category, s.text) for s in REF.find_identifiers(text)] == [("id", "palsy93")]


def test_letters_that_lower_to_two_do_not_shift_the_signs() -> None:
    """ "İ" lowers to two characters in str.lower(): the fast detector's signs are read on a copy lowered one
    character for one, so dates after it are still found where the reference finds them."""
    text = "İİİİİİ Wed 31st, on the 22nd, at 4:45 pm, ſt 555 0111, İd 7p-7a"
    assert [(s.category, s.start, s.end) for s in find_identifiers(text)] == [
        (s.category, s.start, s.end) for s in REF.find_identifiers(text)]
    assert len(find_identifiers(text)) >= 4
