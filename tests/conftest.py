"""Shared fixtures: a journal in a real SQLite file on disk, and the CLI run in-process or as a process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, Observation

REPO = Path(__file__).resolve().parent.parent
TZ = timezone(timedelta(hours=1))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "journal-data"


@pytest.fixture
def journal(data_dir: Path) -> Iterator[Journal]:
    j = Journal.open(data_dir)
    yield j
    j.close()


def sample_entry(day: date = date(2026, 3, 2), hour: int = 9, **overrides: object) -> Entry:
    values: dict[str, object] = {
        "occurred_at": datetime(day.year, day.month, day.day, hour, 15, tzinfo=TZ),
        "notes": "Dark room helped.",
        "tags": ["work"],
        "triggers": ["poor sleep"],
        "mood": 5,
        "sleep_hours": 6.5,
        "observations": [Observation("migraine", 7, ["throbbing"], "temples", duration_minutes=180)],
        "doses": [Dose("ibuprofen", 400.0, "mg", relief="some")],
    }
    values.update(overrides)
    return Entry(**values)  # type: ignore[arg-type]


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run ``healthviz --data-dir DATA ARGS`` in-process."""
    from healthviz_desktop.cli import run

    def invoke(*args: str) -> CliResult:
        try:
            code = run(["--data-dir", str(data_dir), *args])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke


def run_healthviz(*args: str, stdin: str | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The installed console script as a real process (for exit codes, stderr and start-up)."""
    env = {**os.environ, "PYTHONWARNINGS": "default"}
    return subprocess.run(
        [sys.executable, "-m", "healthviz_desktop", *args], input=stdin, capture_output=True, text=True,
        timeout=timeout, env=env, cwd=REPO,
    )
