"""Shared helpers for the pytest-qt window tests: a journal on disk, made-up entries, a ready window."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.settings import Settings, save_settings
from healthviz_desktop.ui.journal_model import journal_today

TZ = timezone(timedelta(hours=1))

# The offscreen platform has no window system: it says so for every top-level widget with a layout
# (size hints) and for completer popups (raise, keyboard grab). These few messages describe the test
# platform, not our code; every other warning still fails the test.
OFFSCREEN_ONLY = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints\(\)|raise\(\)|grabbing the keyboard)$")


def make_entries(days: int, per_day: int = 2, end: date | None = None) -> list[Entry]:
    """Made-up entries, newest day = ``end``: alternating migraine/back pain, some with ibuprofen."""
    # the journal's yesterday: until 04:00 the journal day is still the calendar's yesterday, so a run just after
    # midnight would otherwise make its newest entries "Today"
    end = end or journal_today() - timedelta(days=1)
    out = []
    for n in range(days):
        day = end - timedelta(days=n)
        for k in range(per_day):
            when = datetime(day.year, day.month, day.day, 9 + 6 * k, 15, tzinfo=TZ)
            sym = "migraine" if (n + k) % 2 == 0 else "lower_back_pain"
            out.append(Entry(
                occurred_at=when, notes=f"made-up note {n}-{k}" + (" walked the dog" if n % 5 == 0 else ""),
                observations=[Observation(sym, (n + k) % 11, ["throbbing"] if sym == "migraine" else [])],
                doses=[Dose("ibuprofen", 400, "mg")] if n % 3 == 0 else [],
                triggers=["stress"] if n % 4 == 0 else [], tags=["work"] if k else [],
            ))
    return out


def seed_journal(root: Path, entries: list[Entry], settings: Settings | None = None) -> None:
    journal = Journal.open(root)
    if entries:
        journal.add_many(entries)
    journal.close()
    save_settings(root / "settings.json", settings or Settings(first_run_done=True, backup_interval="off"))


def open_window(qtbot: Any, root: Path) -> Any:
    """The real main window on the journal at ``root``, shown, once the journal is open for writing."""
    from PySide6.QtWidgets import QApplication

    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.settings import load_settings
    from healthviz_desktop.ui.main_window import MainWindow
    from healthviz_desktop.ui.theme import apply_appearance

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = DataPaths.at(root)
    settings = load_settings(paths.settings)
    apply_appearance(app, settings.appearance)
    window = MainWindow(paths, settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.journal_ready, timeout=20_000):
        window.open_journal()
    return window


@contextmanager
def seeded_window(qtbot: Any, root: Path, days: int = 20, settings: Settings | None = None) -> Iterator[Any]:
    """A window on a journal of ``days`` days of made-up entries (two a day), closed afterwards."""
    seed_journal(root, make_entries(days), settings)
    window = open_window(qtbot, root)
    try:
        yield window
    finally:
        window.close()


def entry_rows(window: Any) -> list[int]:
    """The list rows that are entries (not day headers)."""
    from healthviz_desktop.ui.journal_model import KindRole

    m = window.model
    return [r for r in range(m.rowCount()) if m.index(r, 0).data(KindRole) == "entry"]
