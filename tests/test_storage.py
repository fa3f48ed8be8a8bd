"""The SQLite file: pragmas, permissions, migrations, the too-new guard, unreadable files."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel

import healthviz_desktop.core.migrations as migrations
import healthviz_desktop.core.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from healthviz_desktop.core.backups import list_backups
from healthviz_desktop.core.database import Database, DatabaseTooNew, DatabaseUnreadable, NotAJournal
from healthviz_desktop.core.journal import DuplicateEntry, Journal
from healthviz_desktop.core.paths import DataPaths
from tests.conftest import run_healthviz, sample_entry
from tests.support.tiny_disk import mounted_tmpfs


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_are_what_the_design_says(journal: Journal) -> None:
    with journal.db.raw() as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert raw.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION


def test_data_directory_is_0700_and_every_file_0600(journal: Journal) -> None:
    journal.add(sample_entry())
    root = journal.paths.root
    assert root.stat().st_mode & 0o777 == 0o700
    files = [p for p in root.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"journal.sqlite3", "journal.sqlite3-wal"}
    assert {p.name: oct(p.stat().st_mode & 0o777) for p in files} == {p.name: "0o600" for p in files}


def test_a_loose_existing_directory_is_tightened(tmp_path: Path) -> None:
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    Journal.open(loose).close()
    assert loose.stat().st_mode & 0o777 == 0o700


def test_a_busy_folder_pointed_at_keeps_its_mode_and_the_journal_is_private_anyway(tmp_path: Path) -> None:
    shared = tmp_path / "shared"  # someone's home, /tmp or a shared drive given as --data-dir
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    (shared / "other.txt").write_text("not ours", encoding="utf-8")
    Journal.open(shared).close()
    assert shared.stat().st_mode & 0o777 == 0o755
    assert (shared / "journal.sqlite3").stat().st_mode & 0o777 == 0o600
    assert (shared / "backups").stat().st_mode & 0o777 == 0o700
    Journal.open(shared).close()  # and keeps it on every later open
    assert shared.stat().st_mode & 0o777 == 0o755
    (shared / "other.txt").unlink()
    (shared / "clips_holiday").mkdir()  # a name that only starts like one of ours is not ours
    Journal.open(shared).close()
    assert shared.stat().st_mode & 0o777 == 0o755
    (shared / "clips_holiday").rmdir()  # only HealthViz's files left: now it is the journal's folder
    Journal.open(shared).close()
    assert shared.stat().st_mode & 0o777 == 0o700


def test_sqlmodel_tables_mirror_the_migrated_schema(journal: Journal) -> None:
    from healthviz_desktop.core.entry_rows import TABLE_COLUMNS

    with journal.db.raw() as raw:
        real = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        declared = {t.name for t in SQLModel.metadata.sorted_tables}
        # every table of ours is declared (FTS shadow tables and sqlite_sequence are SQLite's own)
        assert {t for t in real if not t.startswith(("entry_fts", "sqlite_"))} == declared
        for table in SQLModel.metadata.sorted_tables:
            columns = [r[1] for r in raw.execute(f"PRAGMA table_info({table.name})")]
            assert columns == [c.name for c in table.columns], table.name
            if table.name in TABLE_COLUMNS:  # the fast readers' column lists agree too
                assert list(TABLE_COLUMNS[table.name]) == columns, table.name


def test_a_database_newer_than_the_app_is_refused_untouched(data_dir: Path) -> None:
    Journal.open(data_dir).close()
    db = DataPaths.at(data_dir).database
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    conn.close()
    before = _sha(db)
    with pytest.raises(DatabaseTooNew):
        Database.open(DataPaths.at(data_dir))
    assert _sha(db) == before
    proc = run_healthviz("--data-dir", str(data_dir), "entry", "list")
    assert proc.returncode == 3
    assert "newer version of HealthViz" in proc.stderr and "Traceback" not in proc.stderr
    assert _sha(db) == before


def test_a_file_that_is_not_a_database_is_refused_untouched(data_dir: Path) -> None:
    paths = DataPaths.at(data_dir).ensure()
    paths.database.write_bytes(b"this is not sqlite" * 100)
    before = _sha(paths.database)
    with pytest.raises(DatabaseUnreadable):
        Database.open(paths)
    proc = run_healthviz("--data-dir", str(data_dir), "info")
    assert proc.returncode == 4 and "not a readable HealthViz journal" in proc.stderr
    assert _sha(paths.database) == before


def _an_app_one_schema_newer(monkeypatch: pytest.MonkeyPatch) -> migrations.Step:
    """Pretend this version of the app has one more migration step than the journal on disk."""

    def _pin_entries(conn: sqlite3.Connection) -> None:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(entry)")]
        if "pinned" not in columns:
            conn.execute("ALTER TABLE entry ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")

    extra = migrations.Step(migrations.SCHEMA_VERSION + 1, "test: pin entries", _pin_entries)
    # Only the list of steps and the version it ends at: the app's own pending_steps and migrate() choose
    # and run the steps (tests/test_migrations.py upgrades real older journals with them).
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, extra))
    import healthviz_desktop.core.database as database

    monkeypatch.setattr(database, "SCHEMA_VERSION", extra.version)
    return extra


def _user_version(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_migrating_an_older_journal_backs_it_up_first(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = Journal.open(data_dir)
    journal.add(sample_entry())
    journal.close()
    extra = _an_app_one_schema_newer(monkeypatch)
    Journal.open(data_dir).close()
    paths = DataPaths.at(data_dir)
    old_version = extra.version - 1
    copies = [b for b in list_backups(paths) if b.reason == f"pre-migration-v{old_version}"]
    assert len(copies) == 1
    assert [p.name for p in paths.backups.iterdir()] == [copies[0].path.name]  # no temporary file left
    assert copies[0].path.read_bytes()[18:20] == b"\x01\x01"  # a rollback-journal file, not WAL
    conn = sqlite3.connect(copies[0].path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert conn.execute("SELECT count(*) FROM entry").fetchone()[0] == 1
    conn.close()
    conn = sqlite3.connect(paths.database)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == extra.version
    conn.close()


class _DiskFillsDuringCopy(sqlite3.Connection):
    """A connection whose backup-API copy fails after its first page, as on a disk that fills up."""

    def backup(self, target: sqlite3.Connection, **_: object) -> None:
        def fail(_status: int, _remaining: int, _total: int) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        super().backup(target, pages=1, progress=fail)


def test_a_failed_pre_migration_copy_leaves_no_backup_and_migrates_nothing(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = Journal.open(data_dir)
    journal.add(sample_entry())
    journal.close()
    paths = DataPaths.at(data_dir)
    version = _user_version(paths.database)
    _an_app_one_schema_newer(monkeypatch)
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: real_connect(*a, factory=_DiskFillsDuringCopy, **k))
    with pytest.raises(OSError, match="No space left"):
        Database.open(paths)
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    # Nothing under a backup's name (a half-written copy would look like a good one), no temporary file.
    assert list(paths.backups.iterdir()) == []
    assert _user_version(paths.database) == version  # the migration did not start without its copy
    assert Journal.open(data_dir).count() == 1


def test_a_sqlite_file_of_another_program_is_refused_untouched(data_dir: Path) -> None:
    paths = DataPaths.at(data_dir).ensure()
    conn = sqlite3.connect(paths.database)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()
    before = _sha(paths.database)
    with pytest.raises(NotAJournal, match=r"not a HealthViz journal \(it holds recipes and no HealthViz schema"):
        Database.open(paths)
    proc = run_healthviz("--data-dir", str(data_dir), "entry", "list")
    assert proc.returncode == 4 and "of some other program, not a HealthViz journal" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert _sha(paths.database) == before and list(paths.backups.iterdir()) == []


def test_a_duplicate_uid_is_refused_whole_and_named(journal: Journal) -> None:
    journal.add(sample_entry(uid="made-up-1"))
    before = [(e.id, e.uid) for e in journal.all_entries()]
    with pytest.raises(DuplicateEntry, match="uid made-up-1 is already in this journal, so nothing was saved"):
        journal.add_many([sample_entry(uid="made-up-2"), sample_entry(uid="made-up-1"), sample_entry()])
    with pytest.raises(DuplicateEntry, match="uid made-up-3 is given to more than one of the entries being saved"):
        journal.add_many([sample_entry(uid="made-up-3"), sample_entry(uid="made-up-3")], skip_existing=True)
    assert [(e.id, e.uid) for e in journal.all_entries()] == before  # all or nothing
    saved = journal.add_many([sample_entry(uid="made-up-1"), sample_entry(uid="made-up-4")], skip_existing=True)
    assert [e.uid for e in saved] == ["made-up-4"] and journal.count() == 2


def test_concurrent_writers_queue_instead_of_failing(data_dir: Path) -> None:
    """One writer at a time: three processes saving at once all succeed, nothing is lost."""
    import subprocess
    import sys

    from tests.conftest import REPO

    Journal.open(data_dir).close()
    script = (
        "import sys\n"
        "from tests.conftest import sample_entry\n"
        "from healthviz_desktop.core.journal import Journal\n"
        "j = Journal.open(sys.argv[1])\n"
        "for n in range(40):\n"
        "    j.add(sample_entry(hour=n % 24, uid=f'{sys.argv[2]}-{n}'))\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(data_dir), f"w{i}"], cwd=REPO,
                              stderr=subprocess.PIPE, text=True) for i in range(3)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    journal = Journal.open(data_dir)
    assert journal.count() == 120
    journal.close()


@pytest.fixture
def tiny_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 512 KiB filesystem of our own (tmpfs), to fill up for real."""
    with mounted_tmpfs(tmp_path / "tiny") as mount:
        yield mount


def test_a_full_disk_is_a_clear_message_and_loses_nothing(tiny_disk: Path) -> None:
    data = tiny_disk / "journal"
    first = run_healthviz("--data-dir", str(data), "entry", "add", "--symptom", "migraine severity=6",
                          "--notes", "before the disk filled up")
    assert first.returncode == 0, first.stderr
    full = run_healthviz("--data-dir", str(data), "demo-data", "--days", "600")
    assert full.returncode == 1
    assert "disk is full, so nothing was saved" in full.stderr and "Traceback" not in full.stderr
    shown = run_healthviz("--data-dir", str(data), "entry", "show", "1", "--json")
    assert shown.returncode == 0 and "before the disk filled up" in shown.stdout
    info = run_healthviz("--data-dir", str(data), "info", "--json")
    assert '"entries": 1' in info.stdout
    conn = sqlite3.connect(data / "journal.sqlite3")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
