"""The journal service on a real file: add, edit, trash and undo, list and search with filters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from healthviz_desktop.core.journal import EntryNotFound, Journal
from healthviz_desktop.core.model import Dose, Observation, ValidationFailed
from healthviz_desktop.core.query import JournalFilter
from tests.conftest import sample_entry


def test_add_then_get_returns_the_same_entry(journal: Journal) -> None:
    saved = journal.add(sample_entry())
    loaded = journal.get(saved.id)
    assert loaded.uid == saved.uid and loaded.occurred_at == saved.occurred_at
    assert loaded.occurred_at.utcoffset() == timedelta(hours=1)
    assert loaded.observations == saved.observations and loaded.doses == saved.doses
    assert (loaded.tags, loaded.triggers, loaded.mood, loaded.sleep_hours) == (["work"], ["poor sleep"], 5, 6.5)


def test_invalid_entries_are_refused_and_nothing_is_written(journal: Journal) -> None:
    with pytest.raises(ValidationFailed) as info:
        journal.add_many([sample_entry(), sample_entry(observations=[Observation("migraine", 11)])])
    assert "observations[0].severity" in str(info.value)
    assert journal.count() == 0


def test_edit_replaces_children_and_keeps_created_at(journal: Journal) -> None:
    saved = journal.add(sample_entry())
    saved.observations = [Observation("nausea", 3)]
    saved.doses = []
    saved.notes = "Better by noon."
    edited = journal.update(saved)
    assert [o.symptom for o in edited.observations] == ["nausea"] and edited.doses == []
    assert edited.created_at == journal.get(saved.id).created_at and edited.updated_at >= edited.created_at
    assert [h.entry_id for h in journal.search("noon")] == [saved.id]
    assert journal.search("dark room") == []  # the old notes left the index


def test_delete_moves_to_trash_and_undo_brings_it_back(journal: Journal) -> None:
    saved = journal.add(sample_entry())
    journal.delete(saved.id)
    assert journal.count() == 0 and journal.count(JournalFilter(only_deleted=True)) == 1
    with pytest.raises(EntryNotFound):
        journal.get(saved.id)
    assert journal.search("dark") == []
    journal.undelete(saved.id)
    assert journal.get(saved.id).notes == "Dark room helped."
    with pytest.raises(EntryNotFound):
        journal.delete(999)


def test_purge_erases_only_trashed_entries_and_ids_are_never_reused(journal: Journal) -> None:
    a, b = journal.add_many([sample_entry(), sample_entry(hour=10)])
    journal.delete(a.id)
    assert journal.purge([a.id, b.id]) == 1
    assert journal.count(JournalFilter(include_deleted=True)) == 1
    c = journal.add(sample_entry(hour=11))
    assert c.id > b.id


def test_list_is_newest_first_and_pages(journal: Journal) -> None:
    entries = [sample_entry(day=date(2026, 3, 1) + timedelta(days=n)) for n in range(30)]
    journal.add_many(entries)
    ids = journal.list_ids()
    days = [journal.get(i).day for i in ids]
    assert days == sorted(days, reverse=True)
    assert journal.list_ids(offset=10, limit=5) == ids[10:15]
    assert journal.count(JournalFilter(date_from=date(2026, 3, 10), date_to=date(2026, 3, 19))) == 10


def test_search_words_prefixes_diacritics_and_filters(journal: Journal) -> None:
    journal.add_many([
        sample_entry(notes="Headache after the café ☕", observations=[Observation("migraine", 8, ["throbbing"])]),
        sample_entry(hour=12, notes="Back stiff", observations=[Observation("lower_back_pain", 4)],
                     doses=[Dose("paracetamol", 1000.0)]),
        sample_entry(day=date(2026, 4, 1), notes="שלום עולם 🤕", observations=[Observation("migraine", 5)]),
    ])
    assert len(journal.search("cafe")) == 1 and len(journal.search("CAFÉ")) == 1
    assert len(journal.search("head")) == 1  # prefix
    assert len(journal.search("throbbing")) == 1  # symptom words are indexed
    assert len(journal.search("tylenol")) == 1  # medication aliases too
    assert len(journal.search("שלום")) == 1
    assert len(journal.search("", JournalFilter(symptom="Migraine"))) == 2
    assert len(journal.search("", JournalFilter(symptom="migraine", min_severity=6))) == 1
    assert len(journal.search("", JournalFilter(medication="acetaminophen"))) == 1
    assert len(journal.search("", JournalFilter(date_from=date(2026, 3, 15)))) == 1
    hit = journal.search("cafe")[0]
    assert "[café]" in hit.snippet and hit.summary == "Migraine 8/10" and hit.day == date(2026, 3, 2)


@pytest.mark.parametrize("query", ['"', "a OR", "NEAR(", "*", "col:x", "'); DROP TABLE entry; --", "^", "\u202e"])
def test_search_syntax_in_user_text_never_errors(journal: Journal, query: str) -> None:
    journal.add(sample_entry())
    journal.search(query)
    assert journal.count() == 1


def test_last_dose_and_known_labels_feed_the_editor(journal: Journal) -> None:
    journal.add_many([
        sample_entry(day=date(2026, 3, 1), doses=[Dose("ibuprofen", 200.0, "mg")]),
        sample_entry(day=date(2026, 3, 5), doses=[Dose("ibuprofen", 400.0, "mg")], triggers=["stress"]),
    ])
    last = journal.last_dose("Ibuprofen")
    assert last is not None and last.amount == 400.0
    assert journal.last_dose("nothing") is None
    assert set(journal.known_labels("trigger")) == {"poor sleep", "stress"}
    assert journal.known_medications() == ["ibuprofen"]
