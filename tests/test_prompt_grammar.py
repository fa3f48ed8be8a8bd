"""The metaphor grammar covers the whole catalogue and stays within the moderation-safe vocabulary."""

from __future__ import annotations

import re

import pytest

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import RELIEF_LEVELS
from healthviz_desktop.core.prompting.grammar import build_grammar, grammar
from healthviz_desktop.core.resources import load_toml

# words that trip video moderation or put people in the frame; the closing line may say "no people"
BANNED = {"blood", "bleeding", "wound", "wounds", "gore", "injury", "pain", "painful", "knife", "stab", "burn",
          "burned", "person", "people", "man", "woman", "child", "face", "faces", "body", "skull", "brain",
          "heart", "patient", "doctor", "suicide", "hurt", "kill", "dead", "death", "organ", "skin", "flesh"}


def test_every_catalogue_family_quality_area_and_trigger_has_a_mapping() -> None:
    g, cat = grammar(), catalogue()
    assert {s.family for s in cat.symptoms.values()} <= set(g.families)
    assert set(cat.qualities) <= set(g.qualities)
    assert {a.region for a in cat.areas.values()} <= set(g.regions)
    assert set(cat.triggers) <= set(g.triggers)
    assert set(RELIEF_LEVELS) <= set(g.relief)
    assert set(cat.severity_bands) | {"none"} <= set(g.palettes)


def test_style_presets_and_request_parameters() -> None:
    g = grammar()
    assert set(g.styles) == {"abstract_3d", "watercolour", "paper_cutout", "clay", "scientific_illustration"}
    assert g.allowed_seconds == (4, 8, 12)
    assert set(g.allowed_sizes) == {"1280x720", "720x1280", "1792x1024", "1024x1792"}
    assert g.version >= 1


def test_palettes_have_named_hex_colours() -> None:
    g = grammar()
    for band, colours in g.palettes.items():
        assert 3 <= len(colours) <= 4, band  # the family accent makes the fifth
        for c in colours:
            assert re.fullmatch(r"#[0-9a-f]{6}", c.hex) and c.name.strip()
    for fam in g.families.values():
        assert re.fullmatch(r"#[0-9a-f]{6}", fam.accent.hex)


def _values(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _values(v)]
    if isinstance(value, list):
        return [s for v in value for s in _values(v)]
    return []


def _motif_text() -> str:
    """Every phrase a motif can put into a prompt (keys are identifiers, not prompt words)."""
    raw = load_toml("metaphors.toml")
    sections = ("families", "qualities", "regions", "durations", "relief", "triggers", "arcs", "styles", "palettes")
    return " | ".join(s for name in sections for s in _values(raw[name])).casefold()


@pytest.mark.parametrize("word", sorted(BANNED))
def test_motif_vocabulary_has_no_moderation_or_people_words(word: str) -> None:
    assert not re.search(rf"\b{word}\b", _motif_text())


def test_synonyms_point_at_real_families_and_are_not_prompt_words() -> None:
    g = grammar()
    assert set(g.synonyms.values()) <= set(g.families)
    assert g.family_for_words("Grandpa's curse: queasy all day") == "nausea"
    assert g.family_for_words("Tuesday thing") is None
    # input-only words (synonyms) do not widen what a prompt may say
    assert "migraine" not in g.vocabulary and "queasy" in g.vocabulary  # "queasy" is a quality phrase word


def test_grammar_is_extensible_without_code() -> None:
    raw = load_toml("metaphors.toml")
    raw["families"]["headache"]["subject"] = "a lantern of amber light"
    raw["styles"]["ink"] = {"label": "Ink", "line": "ink wash animation", "lens": "flat", "lighting": "even"}
    g = build_grammar(raw)
    assert g.families["headache"].subject == "a lantern of amber light"
    assert "ink" in g.styles and "lantern" in g.vocabulary
