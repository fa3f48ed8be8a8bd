"""Each cause of the held-out misses listed in issue 15, pinned: the person model, lower-case and
sentence-initial names, everyday date/time and number forms, over-redaction, the independent allowlist layer,
grammar words that are private terms, and provider settings. Synthetic text only."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from healthviz_desktop.core.model import Entry, Observation
from healthviz_desktop.core.prompting import outbound_check
from healthviz_desktop.core.prompting.allowlist import unlisted_words
from healthviz_desktop.core.prompting.composer import compose_explainer, compose_moment, explainer_text
from healthviz_desktop.core.prompting.deid_person import person_model
from healthviz_desktop.core.prompting.deidentify import deidentify
from healthviz_desktop.core.prompting.outbound_check import check_provider_settings, check_request


def clean(text: str, terms: list[str] | None = None) -> str:
    return deidentify(text, terms or []).text


# ---- private terms are a person model ---------------------------------------------------------------------

@pytest.mark.parametrize("written", ["Ysolde", "ysolde", "YSOLDE", "Dr Brackwater", "dr brackwater",
                                     "Brackwater's", "brackwaters", "Ysolde Brackwater", "Ysolde’s"])
def test_a_part_of_a_private_term_is_found_in_any_form(written: str) -> None:
    out = clean(f"then {written} rang back", ["Dr. Ysolde Brackwater"])
    assert "ysolde" not in out.casefold() and "brackwater" not in out.casefold(), out


def test_short_forms_of_given_names() -> None:
    assert clean("Ken had a bad day; will you ring Bill?", ["Kenneth Hollis", "William Ash"]) == \
        "[PRIVATE] had a bad day; will you ring [PRIVATE]?"


def test_short_forms_and_the_rest_of_a_name_around_a_private_term() -> None:
    terms = ["Adebayo", "Kevin Xu", "Pulse Fitness"]
    assert clean("Rang Ade. hotpot w jun and kev.", [*terms, "Jun Wang"]) == \
        "Rang [PRIVATE]. hotpot w [PRIVATE] and [PRIVATE]."
    for text in ("Back to Pulse Fitness Ashford.", "Pulse Fitness Ashford. Knee went."):
        out = clean(text, terms)
        assert "Pulse" not in out and "Ashford" not in out, out


def test_initials_of_a_long_private_term() -> None:
    assert clean("DNCC counselling hours", ["Del Norte Community College"]) == "[PRIVATE] counselling hours"


def test_short_forms_in_other_languages_and_weak_parts_in_context() -> None:
    terms = ["Katarzyna Nowak", "Bill Hartley", "Grace Kim"]
    assert clean("text from kasia. Bill next door helped. grace's mom too.", terms) == \
        "text from [PRIVATE]. [PRIVATE] next door helped. [PRIVATE]'s mom too."
    assert clean("sats 94 at rest, Sat 10 at 3", []) == "sats 94 at rest, [DATE] at [DATE]"  # round three: an hour


def test_a_possessive_without_its_apostrophe() -> None:
    assert clean("a card for brackwaters today", ["Ysolde Brackwater"]) == "a card for [PRIVATE] today"


def test_diacritics_either_way() -> None:
    assert clean("met Zoe and Ines today", ["Zoë", "Inês"]) == "met [PRIVATE] and [PRIVATE] today"
    assert clean("met Zoë today", ["Zoe"]) == "met [PRIVATE] today"


def test_an_ordinary_word_part_counts_only_where_it_reads_as_a_name() -> None:
    terms = ["Rose Long"]
    # (and, since round twelve, "ro": a given name's first two letters, a short form, where it reads as a name)
    assert person_model(("Rose Long",)).weak == frozenset({"rose", "long", "ro"})
    assert clean("a long day, the rose bush", terms) == "a long day, the rose bush"
    assert clean("saw Dr Long about it", terms) == "saw Dr [PRIVATE] about it"
    assert clean("then Long said no", terms) == "then [PRIVATE] said no"
    assert clean("met with long yesterday", terms) == "met with [PRIVATE] yesterday"


# ---- names in lower case, and an unfamiliar name starting a sentence ---------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("grandma edna came over", "grandma [NAME] came over"),
    ("drove to leeds again", "drove to [PLACE] again"),
    ("my husband tomas cooked", "my husband [NAME] cooked"),
    ("went for a walk with oswin", "went for a walk with [NAME]"),
    ("Callum and I walked.", "[NAME] and I walked."),
    ("went to st agnes hospital", "went to [PLACE]"),
    ("the agency on lord street", "the agency on [ADDRESS]"),
    ("down the road on main street", "down the road on main street"),
    ("Went to Mercy ER at noon.", "Went to [PLACE] ER at noon."),
    ("Bill from the pharmacy called.", "[NAME] from the pharmacy called."),
    ("Ọlá's naming ceremony.", "[NAME]'s naming ceremony."),
    ("A nurse called Blessing came.", "A nurse called [NAME] came."),
    ("Hope (my therapist) agrees.", "[NAME] (my therapist) agrees."),
    ("took him to the ER at Valley Regional.", "took him to the ER at [PLACE]."),
    ("ring the chemist on market street", "ring the chemist on [ADDRESS]"),
    ("Trying Tiger Balm tonight", "Trying Tiger Balm tonight"),
    ("zainab said try it", "[NAME] said try it"),
    ("The nurse on the day unit, Precious, was lovely.", "The nurse on the day unit, [NAME], was lovely."),
    ("New address: 1187 S. Maplewood St.", "New address: [ADDRESS]"),
    ("piotr rubbed my back", "[NAME] rubbed my back"),
    ("bestie sunny brought boba", "bestie [NAME] brought boba"),
])
def test_lower_case_and_sentence_initial_names(text: str, expected: str) -> None:
    assert clean(text) == expected


# ---- dates, times and numbers in everyday forms -------------------------------------------------------------

@pytest.mark.parametrize("text", ["seen on the 22nd.", "booked Wed 31st", "at 4:45 PM", "on 14.03. again",
                                  "since 9/18", "from 14-Mar", "at 2 o'clock", "call 555 0111",
                                  "he's 93 now", "Nan (94) fell", "age 91", "she's ninety-four", "photo IMG_2043.jpg",
                                  "car KX19 ABC", "NI number QQ 60 27 19 B", "my MBI is 4EK7-VN2-QP61",
                                  "username rgutierrez77", "the app (user rashid.r.1964)", "moved to 10/2.",
                                  "came at half eleven", "Hospital number on his card is CHR 0193 8847",
                                  "here it is, qq 81 44 29 c", "I'm 90 next birthday", "user ID khalilA_1988",
                                  "Username on their app is jcruz_ftw", "log in at patients.summitortho.test",
                                  "shot due the 14th", "nanu is 99", "Mrs. Jones (102!!)", "conduction test 12/07.",
                                  "lump on Weds 14th", "am 91 now and", "the app (user ysolde.r.1964)",
                                  "in the mini (ky21 gzp)", "their plate was X, ours is BNT 3390",
                                  "back at 10.15", "shes 95 now", "Woke 0512.", "card 6339 1042 7781 5520",
                                  "again 9/2 on the stairs", "appt is 9/12", "Nain is 96", "grandpa is 90 now",
                                  "VIN 1HGCM82633A004352"])
def test_everyday_forms_are_removed(text: str) -> None:
    out = clean(text)
    assert out != text and not any(ch.isdigit() for ch in out.replace("[", "").split()[-1]), out


@pytest.mark.parametrize("text", ["BP 141/93 then 128/82 at home", "took Nurtec and Ozempic", "Hgb was low",
                                  "pain 7/10, 2nd dose", "Post-op day 3", "fasting 6.1. Slept", "Norco 1 tab q6h",
                                  "used the Trelegy twice", "used the Zumbrex twice", "2 co-codamol 30/500",
                                  "Deep Heat patch at work",
                                  "Trying Tiger Balm tonight", "Took Lomotil x1", "sugars in the 180s-220s",
                                  "Mondays and Fridays", "PMDD-ish again", "Dymista spray 1 each",
                                  "Medtronic pump alarm", "for the nurse: Mon 142/88, Thu 136/82",
                                  "flow heavy af, outside rn", "Abril y mayo, always the worst",
                                  "temp 38.2 at the 1st check", "rated 3/5, 2/3 of a tab, 1/2 tab",
                                  "Epsom salts in the bath", "worse in heat (Uhthoff's)", "does tai chi",
                                  "did the 5-4-3-2-1 grounding", "Pre-bolused dinner",
                                  "Carb ratio 1:10, correction 1:40"])
def test_clinical_text_is_not_over_redacted(text: str) -> None:
    assert clean(text) == text


# ---- the allowlist is a layer of its own ------------------------------------------------------------------------

def _moment_prompt() -> str:
    entry = Entry(occurred_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
                  observations=[Observation("migraine", 7, ["throbbing"], "left_temple")])
    return compose_moment(entry).prompt


def test_an_edited_prompt_with_a_lower_case_note_is_blocked() -> None:
    cp = compose_moment(Entry(occurred_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
                              observations=[Observation("migraine", 7)]))
    edited = cp.with_prompt(cp.prompt + " grandma edna in leeds")
    texts = {f.text for f in edited.verdict.blocking}
    assert not edited.verdict.ok and {"edna", "leeds"} <= texts


def test_allowlist_blocks_what_the_de_identifier_misses(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the de-identifier's detector switched off, the allowlist alone still stops a name and a number."""
    monkeypatch.setattr(outbound_check, "find_identifiers", lambda text, terms=(), typed=True: [])
    prompt = _moment_prompt() + " Saw Okonkwo, ref 4481229."
    request = {"model": "sora-2", "prompt": prompt, "seconds": "8", "size": "1280x720"}
    assert check_request(request).ok  # without the allowlist nothing would stop it
    verdict = check_request(request, typed=True)
    assert not verdict.ok and {f.text for f in verdict.blocking} == {"Okonkwo", "4481229"}
    assert all(f.category == "unlisted" for f in verdict.blocking)


@pytest.mark.parametrize(("token", "held"), [("on market street", True), ("edna", True), ("Leeds", True),
                                             ("555 0111", True), ("07700 900123", True), ("12 34 56", True),
                                             ("KX19", True), ("22nd", True),
                                             ("4:45", True), ("9/18", True), ("IMG_2043.jpg", True),
                                             ("jo@example.org", True), ("4481229", True),
                                             ("sumatriptan", False), ("7/10", False), ("128/82", False),
                                             ("400mg", False), ("Crohn's", False), ("headache", False)])
def test_allowlist_tokens(token: str, held: bool) -> None:
    found = [u.text for u in unlisted_words(f"noted {token} today")]
    pieces = {token, token.rstrip("'"), *token.split()[-2:]}
    assert bool(set(found) & pieces) is held, found


def test_explainer_text_goes_through_both_layers() -> None:
    text, removed = explainer_text("Magnesium calms nerve signals; grandma edna swears by it (see zorvik), ref KX19. "
                                   "Ask Okonkwo.")
    assert text == "Magnesium calms nerve signals; grandma [NAME] swears by it (see [WORD]), ref [ID]. Ask [NAME]."
    assert [r.text for r in removed] == ["edna", "zorvik", "KX19", "Okonkwo"]
    cp = compose_explainer("Magnesium calms nerve signals. Okonkwo says so.")
    assert "Okonkwo" not in cp.prompt and cp.verdict.ok


# ---- a private term that is a grammar word never makes prompts unsendable ---------------------------------------

@pytest.mark.parametrize("term", ["Long", "White", "Glass", "Grey", "Frost", "Storm"])
def test_grammar_word_private_terms_have_an_alternative(term: str) -> None:
    entry = Entry(occurred_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
                  observations=[Observation("migraine", 7, ["throbbing"], "left_temple")])
    for style in ("abstract_3d", "watercolour", "clay", "scientific_illustration", "paper_cutout"):
        cp = compose_moment(entry, style=style, private_terms=[term])
        assert cp.verdict.ok, (term, style, cp.verdict.summary())


def test_an_alternative_never_says_another_private_term() -> None:
    """Found by the property test in round ten: "amber" became "honey gold" for someone called Amber and Honey."""
    entry = Entry(occurred_at=datetime(2026, 3, 4, 9, tzinfo=UTC),
                  observations=[Observation("abdominal_pain", 5, [], None)])
    cp = compose_moment(entry, style="abstract_3d", seconds=4, private_terms=["Amber", "Honey"])
    assert cp.verdict.ok
    assert not re.search(r"\b(?:amber|honey)\b", cp.prompt, re.IGNORECASE), cp.prompt


# ---- provider settings ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "model", "terms", "ok"), [
    ("https://api.example.com/v1", "sora-2", [], True),
    ("https://api.example.com/v1/jonah-whitfield", "sora-2", [], False),
    ("https://amara-quell.example.org/v1", "sora-2", ["Amara Quell"], False),
    ("https://api.example.com/u/4481229/v1", "sora-2", [], False),
    ("https://api.example.com/v1", "sora-edna", [], False),
    ("https://api.example.com/v1", "sora-2-quell", ["Amara Quell"], False),
    # a person called Sora can still use the spec's own model names (a property test found it: session sixteen)
    ("https://api.example.com/v1", "sora-2", ["Sora Tanaka"], True),
    ("https://api.example.com/v1", "sora-2-pro", ["SORA"], True),
    ("https://api.example.com/v1", "sora-tanaka", ["Sora Tanaka"], False),
])
def test_provider_settings_pass_the_check(url: str, model: str, terms: list[str], ok: bool) -> None:
    assert check_provider_settings(url, model, terms).ok is ok


@pytest.mark.parametrize("terms", [["Sora"], ["SORA"], ["Sora Tanaka"]])
def test_a_private_term_in_the_published_model_name_never_blocks_a_request(terms: list[str]) -> None:
    request = {"model": "sora-2", "prompt": "a calm pool under a pale sky", "seconds": "8", "size": "1280x720"}
    assert check_request(request, terms).ok
    assert not check_request({**request, "model": "sora-tanaka-2"}, ["Sora Tanaka"]).ok
