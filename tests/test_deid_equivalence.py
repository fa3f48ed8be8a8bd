"""The de-identifier is tuned for speed; what it finds must never change. Every test here runs the shipped
``find_identifiers`` against a frozen copy of the implementation it replaced (tests/support/deid_reference.py)
and, independently of that copy, against golden spans captured from it (tests/corpus/deid_golden.json):
the corpus, thousands of composed prompts (with identifiers spliced in), and generated text mixing names,
cue words, digits, punctuation, unicode and newlines. Equal means the same category, start, end and text
for every span, in the same order."""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthviz_desktop.core.prompting import deidentify as NEW
from healthviz_desktop.core.prompting import outbound_check as OUT
from healthviz_desktop.core.prompting.composer import compose_moment, compose_trend
from healthviz_desktop.core.prompting.grammar import grammar
from healthviz_desktop.core.resources import load_toml
from tests.support import deid_reference as REF

HERE = Path(__file__).parent / "corpus"
GOLDEN = HERE / "deid_golden.json"
RECORDS = [json.loads(line) for line in (HERE / "deid_corpus.jsonl").read_text(encoding="utf-8").splitlines()
           if line.strip()]
SpanRow = list[Any]


def spans(module: Any, text: str, terms: Sequence[str] = ()) -> list[SpanRow]:
    return [[s.category, s.start, s.end, s.text] for s in module.find_identifiers(text, terms)]


def assert_same(text: str, terms: Sequence[str] = ()) -> None:
    new, ref = spans(NEW, text, terms), spans(REF, text, terms)
    assert new == ref, f"spans differ for {text!r} with terms {list(terms)!r}"


def corpus_variants() -> list[tuple[str, list[str]]]:
    """Each note as is, re-cased, re-wrapped, and run together with its neighbour; with and without terms."""
    out: list[tuple[str, list[str]]] = []
    for i, rec in enumerate(RECORDS):
        text, nxt = rec["text"], RECORDS[(i + 1) % len(RECORDS)]["text"]
        for variant in (text, text.upper(), text.lower(), text.replace(". ", ".\n"), text.replace(" ", "  "),
                        f"{text} {nxt}", f"{text}\n\n{nxt}", text.replace(",", "")):
            out.append((variant, []))
            out.append((variant, rec["private_terms"]))
    return out


@cache
def composed_prompts(count: int) -> tuple[str, ...]:
    """Moment prompts in every style and trend prompts, as the benchmark composes them."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.bench_prompt import synthetic_entries

    entries = synthetic_entries(count, seed=11)
    prompts = []
    for i, style in enumerate(grammar().styles):
        seconds = (4, 8, 12)[i % 3]
        prompts += [compose_moment(e, style=style, seconds=seconds).prompt for e in entries[i::5]]
    for d in range(0, min(90, count * 10 // 24 - 2), 6):  # entries come every ten hours
        for style in ("abstract_3d", "watercolour"):
            prompts.append(compose_trend(entries, date(2026, 1, 1) + timedelta(days=d),
                                         date(2026, 1, 28) + timedelta(days=d), style=style).prompt)
    return tuple(prompts)


def spliced(prompts: Sequence[str], seed: int) -> list[tuple[str, list[str]]]:
    """Prompts with a corpus note dropped in at a random place (mid-word too), so identifiers sit among
    the long prompt's own words, digits and line breaks."""
    r = random.Random(seed)
    out = []
    for p in prompts:
        rec = r.choice(RECORDS)
        at = r.randrange(len(p) + 1)
        sep = r.choice(["", " ", "\n", ". ", ", "])
        out.append((p[:at] + sep + rec["text"] + sep + p[at:], r.choice([[], rec["private_terms"]])))
    return out


def test_tuning_texts_match_reference() -> None:
    for rec in tuning_records():
        assert_same(rec["text"])
        assert_same(rec["text"], rec["private_terms"])
        assert_same(rec["text"].lower(), rec["private_terms"])


def test_corpus_variants_match_reference() -> None:
    cases = corpus_variants()
    assert len(cases) == 16 * len(RECORDS)
    for text, terms in cases:
        assert_same(text, terms)


def test_composed_prompts_match_reference() -> None:
    prompts = composed_prompts(2000)
    assert len(prompts) > 2000
    for p in prompts:
        assert_same(p)
        assert_same(p, ["Oakridge", "Sue", "Harlow"])
    for text, terms in spliced(prompts, seed=5):
        assert_same(text, terms)


def tuning_records() -> list[dict[str, Any]]:
    """Rounds one and two's held-out sets and the entries moved out of them, tuning data now (tests/corpus/tuning/):
    real-sounding text the rules were tuned on."""
    return [json.loads(line) for path in sorted((HERE / "tuning").glob("round*_*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def golden_cases() -> list[tuple[str, list[str]]]:
    cases = [(rec["text"], []) for rec in RECORDS] + [(rec["text"], rec["private_terms"]) for rec in RECORDS]
    tuning = tuning_records()
    cases += [(rec["text"], []) for rec in tuning] + [(rec["text"], rec["private_terms"]) for rec in tuning]
    return cases + spliced(composed_prompts(100)[:60], seed=7)


def test_golden_spans() -> None:
    """Independent of the frozen copy: spans captured from the original code (regenerate only on purpose,
    with ``python -m tests.test_deid_equivalence --regenerate``, after a reviewed change in what is found)."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden) >= 1950
    for case in golden:
        assert spans(NEW, case["text"], case["terms"]) == case["spans"], case["text"]


# ---- generated text ---------------------------------------------------------------------------------

_LEX = load_toml("deid_lexicon.toml")
_VOCAB = sorted({w for key in ("titles", "relations", "name_cues", "place_cues", "street_suffixes", "org_suffixes",
                               "school_words", "facility_words", "id_cues", "first_names", "ambiguous_first_names",
                               "eponyms", "condition_words", "place_prefixes", "not_names")
                 for w in _LEX[key]})
_PIECES = ["Dr.", "Mr", "St", "of", "&", "van", "de", "the", "at", "in", "on", "since", "fax", "Fax:", "MRN:", "#",
           "7/10", "BP 128/82", "TSH 4.2", "400 mg", "03/04/2026", "2026-03-04", "4th", "the 9th", "555-010-2233",
           "+44 20 7946 0958", "jo@example.org", "www.x.io", "http://a.b/c", "192.168.0.1", "fe80::1",
           "a1:b2:c3:d4:e5:f6", "123-45-6789", "SW1A 1AA", "NY 10001", "Apt 3B", "P.O. Box 12", "93 years old",
           "aged 95", "ninety-one", "March/April 4", "mrn's", "(MRN)", "ﬆ", "ß", "\u212a", "İ", "ſt", "\u0345", "٣٤٥",
           "²", "½", "\u00a0", "\u2028", "\x1c", "Ǆ", "ǅ",
           "Bell's palsy", "Graves'", "Jonah's", "O'Neill", "Zoë", "Ærøskøbing", "Ελένη", "Иван", "MRI", "I", "A", "B.",
           "AB12CD34", "X-99-7", "1984", "12", "3", "99", "110", "1/2", "3.5", "(", ")", "-", "—", "…", "“", "”", "•",
           "’s", "'", ".", ",", ";", ":", "!", "?", "\n", "\n\n", "\t", "  ", "[NAME]", "[DATE]", "1280x720"]
_cased = st.sampled_from(_VOCAB).flatmap(lambda w: st.sampled_from([w, w.title(), w.upper(), w.capitalize()]))
_token = st.one_of(_cased, st.sampled_from(_PIECES), st.integers(0, 10**9).map(str),
                   st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), min_size=1, max_size=6))
_sep = st.sampled_from([" ", " ", " ", "", "\n", ", ", ". ", "-", "/", ":"])
_soup = st.lists(st.tuples(_token, _sep), max_size=40).map(lambda ts: "".join(t + s for t, s in ts))
_terms = st.lists(st.one_of(_cased, st.sampled_from(["Jonah Whitfield", "Oakridge", "  ", "Ellis  Marsh", "O'Neill"]),
                            st.text(min_size=1, max_size=8)), max_size=3)
_raw = st.text(alphabet=st.sampled_from(list("Aa Bb Zz0189/.-:@'’,()\n#+ÉéΩω_&ﬆİ٣²\u00a0")), max_size=120)
_cap_word = st.one_of(_cased.map(str.title), st.sampled_from(["O'Neill", "Zoë", "Ελένη", "Jonah's", "A", "B", "MRI"]))
_joint = st.sampled_from([" ", " ", ". ", " of ", " van ", " de ", " & ", " VAN ", " Der ", "  ", " von  ", ", ", "\n",
                          " bin ", " and ", "-", " at ", " in ", " near "])
_cap_runs = st.lists(st.tuples(_cap_word, _joint), max_size=14).map(lambda ts: "".join(w + j for w, j in ts))
_SETTINGS = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_soup, _terms)
def test_generated_text_matches_reference(text: str, terms: list[str]) -> None:
    assert_same(text, terms)


@_SETTINGS
@given(_cap_runs, _terms)
def test_capitalised_runs_match_reference(text: str, terms: list[str]) -> None:
    assert_same(text, terms)


@_SETTINGS
@given(_raw, _terms)
def test_raw_characters_match_reference(text: str, terms: list[str]) -> None:
    assert_same(text, terms)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_soup, st.integers(0, 10**6))
def test_soup_inside_prompts_matches_reference(text: str, seed: int) -> None:
    prompts = composed_prompts(50)
    prompt = prompts[seed % len(prompts)]
    at = seed % (len(prompt) + 1)
    assert_same(prompt[:at] + text + prompt[at:])



@pytest.mark.parametrize("text", ["", " ", "\n", "A", "I", "'", "’s", "Dr.", "Mr Ellis", "1", "123", "99 yo",
                                  "St. Agnes Hospital", "University of Eastvale",
                                  "Ludwig van Beethoven met Ana de la Cruz", "x" * 5000, "Ab " * 2000,
                                  "\n" * 20000 + "3/4 - shift"])
def test_edge_cases_match_reference(text: str) -> None:
    assert_same(text)
    assert_same(text, ["Ab", "x"])


if __name__ == "__main__" and "--regenerate" in sys.argv:
    rows = [{"text": t, "terms": terms, "spans": spans(REF, t, terms)} for t, terms in golden_cases()]
    GOLDEN.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(rows)} golden cases written to {GOLDEN}")


# ---- the outbound check's vocabulary test ---------------------------------------------------------------

_ODD = ["\u017f", "\u212a", "\u0130", "\ufb06", "\ud800", "é", "–", "’"]  # ſ, Kelvin K, İ, ﬆ, a lone surrogate
_VOCAB_TEXT = st.text(alphabet=st.one_of(st.sampled_from([*"abcXYZ \n-'", *_ODD]), st.characters()), max_size=60)


@settings(max_examples=1500, deadline=None)
@given(_VOCAB_TEXT, st.lists(st.sampled_from(["abc", "xyz", "a", "b", "c", "x", "ab", "é", "st", "k"]), max_size=6))
def test_vocabulary_shortcut_matches_the_word_by_word_test(text: str, vocab: list[str]) -> None:
    """``_all_in`` (bytes, in C) says yes exactly when every ``[A-Za-z]+`` word, casefolded, is in the vocabulary."""
    vocabulary = frozenset(vocab)
    expected = all(w.casefold() in vocabulary for w in OUT._VOCAB_WORD.findall(text))
    assert OUT._all_in(text, vocabulary) is expected


def test_vocabulary_verdicts_on_composed_prompts_are_unchanged() -> None:
    """Composed prompts pass; a prompt with words from outside the grammar is flagged at the same places."""
    vocab = grammar().vocabulary
    for p in composed_prompts(50):
        assert OUT._all_in(p, vocab)
        edited = p.replace("glass", "Glasß Jonah’s", 1) + " Résumé at Oakridge"
        outside = {w for w in OUT._VOCAB_WORD.findall(edited) if w.casefold() not in vocab}
        verdict = OUT.check_request({"model": "sora-2", "prompt": edited, "seconds": "8", "size": "1280x720"},
                                    vocabulary=vocab, vocabulary_blocks=False)
        flagged = {f.text for f in verdict.findings if f.category == "vocabulary"}
        assert outside and flagged <= outside and not OUT._all_in(edited, vocab)
