"""Long work through the window, off the GUI thread with the progress bar: export JSON and CSV, import the
export into another journal, and a broken file that changes nothing and says why."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.ui_helpers import OFFSCREEN_ONLY, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY


def run_action(qtbot: Any, window: Any, action: Any, label: str) -> list[str]:
    """Trigger ``action``; return the progress labels shown, after the workers went idle."""
    shown: list[str] = []
    window.pools.activity.connect(lambda text, _d, _t: shown.append(text))
    with qtbot.waitSignal(window.pools.idle, timeout=20_000):
        action.trigger()
    assert label in shown and not window.progress.isVisible()
    return shown


def test_export_then_import_through_the_window(qtbot: Any, tmp_path: Path) -> None:
    seed_journal(tmp_path / "a", make_entries(15))
    source = open_window(qtbot, tmp_path / "a")
    out_json, out_csv = tmp_path / "out.json", tmp_path / "out.csv"
    try:
        source.data.ask_save_file = lambda _t, _n, _p: str(out_json)
        run_action(qtbot, source, source.act_export_json, "Exporting…")
        source.data.ask_save_file = lambda _t, _n, _p: str(out_csv)
        run_action(qtbot, source, source.act_export_csv, "Exporting…")
        total = source.model.total
    finally:
        source.close()
    assert len(json.loads(out_json.read_text(encoding="utf-8"))["entries"]) == total == 30
    assert out_csv.read_text(encoding="utf-8").count("\n") > total

    seed_journal(tmp_path / "b", [])
    target = open_window(qtbot, tmp_path / "b")
    try:
        target.data.ask_open_file = lambda _t, _p: str(out_json)
        with qtbot.waitSignal(target.list_reloaded, timeout=20_000):
            run_action(qtbot, target, target.act_import, "Importing…")
        assert target.model.total == 30
    finally:
        target.close()


def test_a_broken_import_says_so_and_changes_nothing(qtbot: Any, tmp_path: Path) -> None:
    seed_journal(tmp_path / "c", make_entries(3))
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "healthviz-journal", "entries": [{"occurred_at": ', encoding="utf-8")
    window = open_window(qtbot, tmp_path / "c")
    try:
        window.data.ask_open_file = lambda _t, _p: str(broken)
        run_action(qtbot, window, window.act_import, "Importing…")
        text = window.problem_box.text()  # said through the window's one reporter, in the person's terms
        assert text.startswith("The import did not finish.") and "not valid JSON at line 1" in text, text
        assert window.model.total == 6
    finally:
        window.close()
