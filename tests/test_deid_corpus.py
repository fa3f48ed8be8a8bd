"""Leak and keep rates of the de-identifier on the synthetic corpus with planted identifiers of every
HIPAA Safe Harbor kind that occurs in text (tests/corpus/). The thresholds sit just above what we measure,
so a regression fails here; docs/privacy.md quotes the figures."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).parent / "corpus"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


EVAL = _module("evaluate")


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return EVAL.load()  # type: ignore[no-any-return]


def test_corpus_is_the_generators_output_and_covers_every_category(tmp_path: Path,
                                                                  records: list[dict[str, Any]]) -> None:
    gen = _module("make_corpus")
    gen.OUT = tmp_path / "corpus.jsonl"
    gen.main()
    assert gen.OUT.read_text(encoding="utf-8") == (HERE / "deid_corpus.jsonl").read_text(encoding="utf-8")
    cats = {p["category"] for r in records for p in r["planted"]}
    assert cats == set(gen.CATEGORIES)
    for r in records:
        for p in r["planted"]:
            assert r["text"][p["start"]:p["end"]] == p["text"]


def test_leak_and_keep_rates_without_private_terms(records: list[dict[str, Any]]) -> None:
    r = EVAL.evaluate(records, use_private_terms=False)
    assert r["planted"] >= 700
    assert r["leak_rate"] <= 0.015, r["leak_examples"]
    assert r["keep_rate"] >= 0.995, r["lost_keeps"]
    assert r["word_keep_rate"] >= 0.99
    structured = {"date", "age", "phone", "fax", "email", "url", "ip", "ssn", "mrn", "health_plan", "account",
                  "license", "vehicle", "device", "biometric", "other_id", "address", "zip", "employer", "school"}
    assert all(r["by_category"][c][1] == 0 for c in structured), r["by_category"]


def test_private_terms_close_the_remaining_leaks(records: list[dict[str, Any]]) -> None:
    r = EVAL.evaluate(records, use_private_terms=True)
    assert r["leaked"] == 0, r["leak_examples"]
    assert r["keep_rate"] >= 0.995, r["lost_keeps"]
    assert r["check_block_rate"] == 1.0


def test_corpus_lines_are_valid_jsonl() -> None:
    for line in (HERE / "deid_corpus.jsonl").read_text(encoding="utf-8").splitlines():
        assert set(json.loads(line)) == {"id", "text", "planted", "keep", "private_terms"}
