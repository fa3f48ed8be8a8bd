"""Shared fixtures: a journal in a real SQLite file on disk, the CLI in-process and as a process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, Observation

REPO = Path(__file__).resolve().parents[1]
TZ = timezone(timedelta(hours=1))


def pytest_configure(config: pytest.Config) -> None:
    """Child processes get Ctrl+C as a terminal delivers it. A run started in the background of a shell without
    job control inherits SIGINT ignored, and an ignored signal stays ignored across exec: the kill tests'
    `healthviz render` children would then never see their SIGINT (found when .ci/run was started with `&`)."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def sample_entry(day: date = date(2026, 3, 2), hour: int = 9, **fields: Any) -> Entry:
    """A typical made-up entry at 09:15 (+01:00); any field can be overridden."""
    values: dict[str, Any] = {
        "occurred_at": datetime(day.year, day.month, day.day, hour, 15, tzinfo=TZ),
        "notes": "Dark room helped.",
        "observations": [Observation("migraine", 7, ["throbbing"], "temples", duration_minutes=180)],
        "doses": [Dose("ibuprofen", 400.0, "mg", relief="some")],
        "tags": ["work"],
        "triggers": ["poor sleep"],
        "mood": 5,
        "sleep_hours": 6.5,
    }
    values.update(fields)
    return Entry(**values)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "journal-data"


@pytest.fixture
def journal(data_dir: Path) -> Iterator[Journal]:
    j = Journal.open(data_dir)
    yield j
    j.close()


def run_healthviz(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point in a child process (exit codes, stderr, environment)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "healthviz_desktop", *args], input=stdin, capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=120, check=False)


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run a CLI command in-process against ``data_dir``."""
    from healthviz_desktop.cli import run

    def call(*args: str) -> CliResult:
        capsys.readouterr()
        try:
            code = run(["--data-dir", str(data_dir), *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return call


@pytest.fixture(scope="session")
def media() -> tuple[bytes, bytes]:
    """A real 4 s H.264 clip and its thumbnail for the fake video service, encoded once per run."""
    from tests.fake_videos_server import make_media

    return make_media(4)


@pytest.fixture
def fake(media: tuple[bytes, bytes]) -> Iterator[Any]:
    """The local fake ``/videos`` service on 127.0.0.1 (tests/fake_videos_server.py), stopped afterwards."""
    from tests.fake_videos_server import FakeVideos

    server = FakeVideos(*media).start()
    yield server
    server.stop()


@pytest.fixture
def fake_images() -> Iterator[Any]:
    """The local fake Images service on 127.0.0.1 (tests/fake_images_server.py): small pictures, so a clip
    drawn from one is quick; stopped afterwards."""
    from tests.fake_images_server import FakeImages

    server = FakeImages(picture_size=(192, 128)).start()
    yield server
    server.stop()
