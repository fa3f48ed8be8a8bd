"""The window on a journal whose folder the person made read-only (issue 10, item 4): a banner says so and
why; New, Delete, Undo, Import, Back up, Remove demo entries are off and say why; Settings apply for the
session only; no welcome, automatic backup or clip job writes; and the folder is byte for byte as it was.

Run as root, the window still sees the owner's bits (core/paths.py) while root could write anyway: so any
write that slipped through would land, and the snapshot below would catch it. tests/test_read_only.py runs
the CLI as an ordinary user."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from healthviz_desktop.core.demo_data import generate_demo_entries
from healthviz_desktop.core.generation.studio import ClipStudio
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.settings import Settings, load_settings
from healthviz_desktop.ui.welcome import WelcomeDialog
from tests.fake_videos_server import request
from tests.ui_helpers import OFFSCREEN_ONLY, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY

WRITING = ("act_new", "act_delete", "act_undo", "act_import", "act_backup", "act_remove_demo")


def _snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    found = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in [".", *files]:
            info = (Path(dirpath) / name).stat()
            found[str(Path(dirpath, name).relative_to(root))] = (info.st_size, info.st_mtime_ns, info.st_mode)
    return found


def _read_only_journal(tmp_path: Path) -> tuple[Path, int, int]:
    """A journal with real and demo entries, a clip job an earlier run left unfinished, automatic backups on
    and the welcome not yet seen; then ``chmod 500`` on its folder."""
    root = tmp_path / "journal"
    seed_journal(root, make_entries(3), Settings(first_run_done=False, backup_interval="daily"))
    journal = Journal.open(root)
    journal.add_many(generate_demo_entries(5, 3))
    total = journal.count()
    job = ClipStudio(journal).runner.submit("local", request(4, model="healthviz-local-1"))  # not drawn yet
    journal.close()
    root.chmod(0o500)
    return root, job.id, total


def test_the_window_on_a_read_only_folder_says_so_and_writes_nothing(qtbot: Any, tmp_path: Path) -> None:
    root, job_id, total = _read_only_journal(tmp_path)
    before = _snapshot(root)
    try:
        window = open_window(qtbot, root)
        reason = f"its folder {root} is read-only"
        assert window.read_only_reason == reason and window.model.total == total > 6
        assert window.read_only_banner.isVisible() and reason in window.read_only_banner.text()
        for name in WRITING:
            action = getattr(window, name)
            assert not action.isEnabled() and reason in action.toolTip(), name
        assert window.act_export_json.isEnabled() and window.act_edit.isEnabled()
        assert not window.details.delete_button.isEnabled() and window.details.entry is not None
        # no first-run welcome (its flag and demo data would be written), no automatic backup: said why
        assert not any(isinstance(w, WelcomeDialog) for w in window.findChildren(WelcomeDialog))
        assert "No automatic backup was made: the journal is read-only" in window.statusBar().currentMessage()
        # the clip job is not carried on (that writes), and the window says it waits
        qtbot.waitUntil(lambda: "clip job(s) left unfinished wait" in window.message.text(), timeout=10_000)
        assert window.clip_jobs.recovery is None

        # what would write, asked for anyway (shortcuts, menus): refused with the reason, nothing started
        assert window.new_entry() is None and "No new entry: the journal is read-only" in window.message.text()
        window.delete_selected()
        window.trash.remove_demo_entries()
        window.data.import_json()
        assert "Importing is not possible: the journal is read-only" in window.message.text()
        window.data.backup_now()
        assert "A backup is not possible" in window.message.text()
        window.data.load_demo_data(10)
        window.pools.wait(10_000)
        qtbot.wait(50)
        assert window.problem_box is None and window.model.total == total

        # Settings: said at the top; OK applies for the session and writes no file
        dialog = window.open_settings()
        qtbot.addWidget(dialog)
        assert "changes here apply until you close HealthViz and are not saved" in dialog.error.text()
        assert not dialog.backup_now.isEnabled() and not dialog.restore.isEnabled()
        dialog.rollover.setValue(6)
        dialog.accept()
        assert window.settings.day_rollover_hour == 6 and window.model.rollover_hour == 6
        assert load_settings(root / "settings.json").day_rollover_hour != 6

        # the welcome from the Help menu offers no demo data, and says why
        welcome = window.data.show_welcome(first_run=False)
        qtbot.addWidget(welcome)
        assert not welcome.demo.isVisibleTo(welcome) and "read-only" in welcome.read_only_note.text()
        welcome.accept()
        window.close()
        assert _snapshot(root) == before
    finally:
        root.chmod(0o700)
    journal = Journal.open(root)  # writable again: the job is still there, never started
    try:
        assert ClipStudio(journal).store.get(job_id).status == "pending"
    finally:
        journal.close()
