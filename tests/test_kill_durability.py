"""SIGKILL a process while it writes, again and again: the journal stays intact and loses nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from healthviz_desktop.core.demo_data import generate_demo_entries
from healthviz_desktop.core.interchange_json import export_document
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.support.writer_process", *args], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_after_start(proc: subprocess.Popen[str], delay: float) -> list[str]:
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "start", proc.stderr.read() if proc.stderr else ""
    time.sleep(delay)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, -signal.SIGKILL), err
    return [line for line in out.splitlines() if line]


def _check(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # the search index agrees with the entries (no half-written entry)
        fts = conn.execute("SELECT count(*) FROM entry_fts").fetchone()[0]
        assert fts == conn.execute("SELECT count(*) FROM entry").fetchone()[0]
        return {r[0] for r in conn.execute("SELECT uid FROM entry")}
    finally:
        conn.close()


def test_twenty_kills_while_writing_lose_no_returned_entry(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    data_dir = tmp_path / "data"
    confirmed: set[str] = set()
    for round_no in range(20):
        proc = _spawn(str(data_dir), f"r{round_no}")
        confirmed.update(_kill_after_start(proc, rng.uniform(0.02, 0.6)))
        present = _check(data_dir / "journal.sqlite3")
        missing = confirmed - present
        assert not missing, f"round {round_no}: lost {sorted(missing)[:5]}"
    assert len(confirmed) > 20  # the writer really was writing when it was killed


def test_a_killed_import_is_all_or_nothing(tmp_path: Path) -> None:
    export = tmp_path / "big.json"
    entries = generate_demo_entries(4000, seed=5, end=date(2026, 1, 1))
    export.write_bytes(export_document(entries))
    # how long an import runs on this machine: the kills land at fractions of it, so at least one lands
    # mid-import on a fast machine and a slow one alike
    proc = _spawn(str(tmp_path / "whole"), "imp", "import", str(export))
    assert proc.stdout is not None and proc.stdout.readline().strip() == "start"
    started = time.monotonic()
    out, err = proc.communicate(timeout=120)
    seconds = time.monotonic() - started
    assert proc.returncode == 0 and out.split() == ["imported", str(len(entries))], err
    outcomes = set()
    for attempt, fraction in enumerate((0.15, 0.35, 0.55, 0.75)):
        data_dir = tmp_path / f"data{attempt}"
        proc = _spawn(str(data_dir), "imp", "import", str(export))
        lines = _kill_after_start(proc, fraction * seconds)
        present = _check(data_dir / "journal.sqlite3") if (data_dir / "journal.sqlite3").exists() else set()
        assert len(present) in (0, len(entries)), len(present)
        if any(line.startswith("imported") for line in lines):
            assert len(present) == len(entries)
        outcomes.add(len(present))
    assert 0 in outcomes  # at least one kill landed mid-import, and it left nothing half-done
