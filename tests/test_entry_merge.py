"""Merging this editor's changes with a version saved elsewhere meanwhile: each side's changes kept, a field
both changed differently keeps this editor's value and is named; notes are never dropped."""

from __future__ import annotations

from dataclasses import replace

from healthviz_desktop.core.entry_merge import OTHER_NOTES, merge_entries
from healthviz_desktop.core.model import Dose, Observation
from tests.conftest import sample_entry


def _base():  # type: ignore[no-untyped-def]
    return sample_entry(notes="Dark room helped.", mood=5, revision=3, id=7)


def test_changes_on_different_fields_are_both_kept() -> None:
    base = _base()
    mine = replace(base, mood=3, tags=["work", "travel"])
    theirs = replace(base, energy=6, doses=[*base.doses, Dose("paracetamol", 1000.0, "mg")], revision=4)
    merged = merge_entries(base, mine, theirs)
    e = merged.entry
    assert (e.mood, e.energy, e.tags) == (3, 6, ["work", "travel"])
    assert [d.name for d in e.doses] == ["ibuprofen", "paracetamol"]
    assert e.revision == 4 and e.id == 7 and merged.both_changed == ()


def test_a_field_both_changed_differently_keeps_mine_and_is_named() -> None:
    base = _base()
    merged = merge_entries(base, replace(base, mood=2), replace(base, mood=8, revision=4))
    assert merged.entry.mood == 2 and merged.both_changed == ("mood",)
    same = merge_entries(base, replace(base, mood=2), replace(base, mood=2, revision=4))
    assert same.both_changed == ()


def test_notes_changed_on_both_sides_keep_both_texts() -> None:
    base = _base()
    merged = merge_entries(base, replace(base, notes="Mine: lay down an hour."),
                           replace(base, notes="Theirs: took a walk.", revision=4))
    assert merged.entry.notes == f"Mine: lay down an hour.\n\n{OTHER_NOTES}\nTheirs: took a walk."
    assert merged.both_changed == ("notes",)


def test_symptoms_merge_one_by_one() -> None:
    base = replace(_base(), observations=[Observation("migraine", 7, ["throbbing"]), Observation("nausea", 3)])
    mine = replace(base, observations=[Observation("Migraine", 5, ["throbbing"]), Observation("nausea", 3),
                                       Observation("fatigue", 4)])  # typed name: normalised before merging
    theirs = replace(base, observations=[Observation("migraine", 7, ["throbbing"])], revision=4)  # nausea out
    e = merge_entries(base, mine, theirs).entry
    assert [(o.symptom, o.severity) for o in e.observations] == [("migraine", 5), ("fatigue", 4)]
