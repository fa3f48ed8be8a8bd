"""Entry revisions: a save made against a version another window or command has changed (or trashed) since
is refused and writes nothing; the journal's change counter tells other processes' writes from one's own."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

import healthviz_desktop.core.migrations as migrations
from healthviz_desktop.core.journal import CHANGE_COUNTER, EditConflict, EntryNotFound, Journal
from healthviz_desktop.core.paths import DataPaths
from tests.conftest import sample_entry


def test_each_save_counts_a_revision(journal: Journal) -> None:
    saved = journal.add(sample_entry())
    assert saved.revision == 1 and journal.get(saved.id).revision == 1  # type: ignore[arg-type]
    again = journal.update(replace(journal.get(saved.id), mood=2))  # type: ignore[arg-type]
    assert again.revision == 2 and again.mood == 2


def test_a_save_against_an_older_revision_is_refused_and_writes_nothing(data_dir: Path) -> None:
    first, second = Journal.open(data_dir), Journal.open(data_dir)  # two windows on one journal
    try:
        entry_id = first.add(sample_entry()).id
        assert entry_id is not None
        mine, theirs = first.get(entry_id), second.get(entry_id)  # both editors open on revision 1
        second.update(replace(theirs, notes="saved first, in the other window"))
        with pytest.raises(EditConflict) as caught:
            first.update(replace(mine, notes="saved second, in this window"))
        conflict = caught.value
        assert conflict.entry_id == entry_id and not conflict.trashed
        assert conflict.theirs.notes == "saved first, in the other window" and conflict.theirs.revision == 2
        assert conflict.mine.notes == "saved second, in this window"
        assert f"Entry {entry_id} was changed by another window or command" in str(conflict)
        assert first.get(entry_id).notes == "saved first, in the other window"  # the first save is not lost
        # keep mine: the person saw both and chose; the save is made against the version now stored
        kept = first.update(replace(conflict.mine, revision=conflict.theirs.revision))
        assert kept.notes == "saved second, in this window" and kept.revision == 3
    finally:
        first.close()
        second.close()


def test_an_entry_trashed_meanwhile_is_not_revived_silently(journal: Journal) -> None:
    entry_id = journal.add(sample_entry()).id
    assert entry_id is not None
    mine = journal.get(entry_id)
    journal.delete(entry_id)
    with pytest.raises(EditConflict) as caught:
        journal.update(replace(mine, notes="edited while another window trashed it"))
    assert caught.value.trashed and "moved to the trash" in str(caught.value)
    assert journal.get_many([entry_id]) == []
    revived = journal.update(replace(mine, notes="restored with my changes"), revive=True)
    assert revived.notes == "restored with my changes" and journal.search("restored")[0].entry_id == entry_id
    journal.delete(entry_id)
    journal.purge([entry_id])
    with pytest.raises(EntryNotFound):
        journal.update(replace(mine, notes="gone for good"))


def test_the_change_counter_counts_entry_writes_and_knows_its_own(data_dir: Path) -> None:
    journal, other = Journal.open(data_dir), Journal.open(data_dir)
    try:
        def counter() -> int:
            with journal.raw() as raw:
                return int(raw.execute("SELECT value FROM meta WHERE key = ?", (CHANGE_COUNTER,)).fetchone()[0])

        saved = journal.add(sample_entry())
        assert saved.id is not None
        journal.delete(saved.id)
        journal.undelete(saved.id)
        assert counter() == 3 and journal.db.own_changes == {1, 2, 3}
        other.update(replace(other.get(saved.id), mood=1))
        assert counter() == 4 and other.db.own_changes == {4} and 4 not in journal.db.own_changes
        with pytest.raises(EditConflict):
            journal.update(replace(saved, mood=9))  # refused: rolled back, not counted
        assert counter() == 4 and 5 not in journal.db.own_changes
    finally:
        journal.close()
        other.close()


def test_a_journal_from_before_revisions_is_migrated_with_revision_one(data_dir: Path) -> None:
    paths = DataPaths.at(data_dir).ensure()
    conn = sqlite3.connect(paths.database)
    conn.isolation_level = None
    for step in migrations.STEPS:
        if step.version <= 3:  # a journal as the released version 3 (issue 9's clip delivery) left it
            migrations.apply_step(conn, step)
    conn.execute("INSERT INTO entry (uid, occurred_at, occurred_utc, utc_offset_minutes, day, search_key, notes,"
                 " created_at, updated_at) VALUES ('old-1', '2026-10-01T08:00:00+00:00', '2026-10-01T08:00:00Z',"
                 " 0, '2026-10-01', 1, 'written before revisions', '2026-10-01T08:00:00Z', '2026-10-01T08:00:00Z')")
    conn.close()
    old = Journal.open(data_dir)  # migrates (with a pre-migration backup)
    try:
        kept = old.get(1)
        assert (kept.notes, kept.revision, kept.demo) == ("written before revisions", 1, False)
        assert old.update(replace(kept, mood=4)).revision == 2  # the migrated revision is one a save can match
        saved = old.add(sample_entry())
        assert saved.id is not None and old.get(saved.id).revision == 1 and not old.get(saved.id).demo
        assert old.db.schema_version() == migrations.SCHEMA_VERSION >= 5
    finally:
        old.close()


def test_migration_steps_are_numbered_one_after_another() -> None:
    # Two branches that each append a step must not both ship "step 3": the merge renumbers one of them.
    assert [s.version for s in migrations.STEPS] == list(range(1, len(migrations.STEPS) + 1))
