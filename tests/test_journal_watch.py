"""An open window learns that another process changed the journal: the change counter and data_version
(core/journal_watch.py), the Qt signal (ui/journal_watch.py), and a real window refreshing its list while
the CLI writes."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.journal_watch import ChangeProbe
from healthviz_desktop.core.paths import DataPaths
from tests.conftest import REPO, sample_entry
from tests.ui_helpers import OFFSCREEN_ONLY, make_entries, open_window, seed_journal


def test_the_probe_reports_other_writers_and_not_its_own(data_dir: Path) -> None:
    mine, other = Journal.open(data_dir), Journal.open(data_dir)
    probe = ChangeProbe(DataPaths.at(data_dir))
    probe.ignore_writes_of(mine.db.own_changes)
    try:
        assert probe.poll() is False  # the first poll only looks
        saved = mine.add(sample_entry())
        assert probe.poll() is False  # our own save: the window refreshed itself already
        other.update(replace(other.get(saved.id), mood=1))  # type: ignore[arg-type]
        assert probe.poll() is True and probe.poll() is False  # reported once
        with other.db.write() as conn:  # a write that changes no entry (a clip job's progress, say)
            conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('unrelated', 'x')")
        assert probe.poll() is False
        mine.delete(saved.id)  # type: ignore[arg-type]
        other.undelete(saved.id)  # type: ignore[arg-type]
        assert probe.poll() is True  # one of the two was another's
        proc = subprocess.run([sys.executable, "-m", "healthviz_desktop", "--data-dir", str(data_dir), "entry",
                               "add", "--notes", "from a script"], cwd=REPO, capture_output=True, check=False)
        assert proc.returncode == 0, proc.stderr
        assert probe.poll() is True
    finally:
        probe.close()
        mine.close()
        other.close()


def test_a_replaced_journal_file_is_reported(data_dir: Path, tmp_path: Path) -> None:
    journal = Journal.open(data_dir)
    journal.add(sample_entry())
    journal.close()
    probe = ChangeProbe(DataPaths.at(data_dir))
    assert probe.poll() is False
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes((data_dir / "journal.sqlite3").read_bytes())
    copy.replace(data_dir / "journal.sqlite3")
    assert probe.poll() is True
    probe.close()


@OFFSCREEN_ONLY
def test_an_open_window_refreshes_when_the_cli_writes(qtbot: Any, tmp_path: Path) -> None:
    root = tmp_path / "journal"
    seed_journal(root, make_entries(2))
    window = open_window(qtbot, root)  # the window's hub watches the journal once it is open for writing
    assert window.hub.watch is not None
    window.hub.watch.timer.setInterval(50)
    assert window.model.total == 4
    # The GUI thread waits for the script here, so the watch can only see its write afterwards.
    proc = subprocess.run([sys.executable, "-m", "healthviz_desktop", "--data-dir", str(root), "entry",
                           "add", "--notes", "written by a script while the window is open"],
                          cwd=REPO, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    qtbot.waitUntil(lambda: window.model.total == 5, timeout=30_000)
    # the window's own saves are not reported back to it (it refreshed itself already)
    reloads: list[bool] = []
    window.list_reloaded.connect(lambda: reloads.append(True))
    with qtbot.waitSignal(window.list_reloaded, timeout=30_000):
        window.delete_selected()
    qtbot.wait(300)  # six polls
    assert reloads == [True]
    window.close()


def test_a_restore_is_reported(data_dir: Path) -> None:
    from healthviz_desktop.core.backups import create_backup, restore_backup

    journal = Journal.open(data_dir)
    journal.add(sample_entry())
    backup = create_backup(journal.paths)
    journal.add(sample_entry(notes="after the backup"))
    journal.close()
    probe = ChangeProbe(DataPaths.at(data_dir))
    assert probe.poll() is False
    restore_backup(DataPaths.at(data_dir), backup)  # what `healthviz restore` does while a window is open
    assert probe.poll() is True
    probe.close()
