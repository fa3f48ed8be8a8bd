"""A journal the person made read-only stays read-only: it opens for reading, writes explain why not, and
no permission is ever widened. Run as an ordinary user (tests/support/as_user.py: under root the commands
run as ``nobody``), because root ignores file modes and would prove nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from healthviz_desktop.core.backups import create_backup
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.paths import DataPaths
from tests.conftest import sample_entry
from tests.support.as_user import chown_tree, run_cli_as_user, shared_folder
from tests.ui_helpers import OFFSCREEN_ONLY


def _snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file's mode and content hash (folders: mode only): what "no change on disk" means."""
    out = {}
    for path in sorted((folder, *folder.rglob("*"))):
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        out[str(path.relative_to(folder))] = (path.stat().st_mode & 0o777, digest)
    return out


def _journal_in(folder: Path, entries: int = 3) -> Path:
    root = folder / "journal"
    journal = Journal.open(root)
    journal.add_many([sample_entry(notes=f"made-up note {n} walked the dog", hour=8 + n) for n in range(entries)])
    journal.close()
    create_backup(DataPaths.at(root))
    chown_tree(root)
    return root


def test_a_read_only_folder_stays_read_only_and_the_journal_opens_for_reading() -> None:
    with shared_folder() as base:
        root = _journal_in(base)
        root.chmod(0o500)
        before = _snapshot(root)
        data = ["--data-dir", str(root)]

        info = run_cli_as_user(*data, "info", "--json", must_not_write=root)
        assert info.code == 0, info.err
        assert json.loads(info.out)["access"].startswith("read-only: its folder")
        assert json.loads(info.out)["entries"] == 3

        listed = run_cli_as_user(*data, "entry", "list", "--json", must_not_write=root)
        assert listed.code == 0, listed.err
        assert len(json.loads(listed.out)) == 3
        found = run_cli_as_user(*data, "search", "walked", "--json", must_not_write=root)
        assert found.code == 0 and len(json.loads(found.out)) == 3, found.err
        exported = run_cli_as_user(*data, "export", "-o", str(base / "out.json"), must_not_write=root)
        assert exported.code == 0, exported.err
        assert len(json.loads((base / "out.json").read_text(encoding="utf-8"))["entries"]) == 3

        for args in (["entry", "add", "--notes", "new"], ["entry", "edit", "1", "--notes", "changed"],
                     ["entry", "delete", "1"], ["demo-data", "--days", "2"]):
            refused = run_cli_as_user(*data, *args, must_not_write=root)
            assert refused.code == 8, (args, refused.err)
            assert "read-only (its folder" in refused.err and "nothing was saved" in refused.err, refused.err
            assert "Traceback" not in refused.err
        backup = run_cli_as_user(*data, "backup", must_not_write=root)
        assert backup.code == 1 and f"{root} is read-only, so no backup was made" in backup.err, backup.err
        kept = next((root / "backups").iterdir())
        restore = run_cli_as_user(*data, "restore", str(kept), must_not_write=root)
        assert restore.code == 8 and "read-only" in restore.err, restore.err

        assert _snapshot(root) == before  # the mode 0500 above all: no command widened it to 0700
        assert root.stat().st_mode & 0o777 == 0o500


def test_a_read_only_journal_file_refuses_writes_and_accepts_them_once_writable_again() -> None:
    with shared_folder() as base:
        root = _journal_in(base)
        db = root / "journal.sqlite3"
        db.chmod(0o400)
        data = ["--data-dir", str(root)]
        listed = run_cli_as_user(*data, "entry", "list", "--json", must_not_write=db)
        assert listed.code == 0 and len(json.loads(listed.out)) == 3, listed.err
        refused = run_cli_as_user(*data, "entry", "add", "--notes", "new", must_not_write=db)
        assert refused.code == 8 and f"the file {db} is read-only" in refused.err, refused.err
        assert db.stat().st_mode & 0o777 == 0o400
        # The read-only run left SQLite's index files behind with the journal's mode at the time (0400).
        leftovers = [root / "journal.sqlite3-shm", root / "journal.sqlite3-wal"]
        assert any(p.exists() and p.stat().st_mode & 0o777 == 0o400 for p in leftovers)

        db.chmod(0o600)  # the person makes it writable again: it must take writes, leftovers or not
        added = run_cli_as_user(*data, "entry", "add", "--notes", "written again", "--json",
                                must_not_write=Path("/"))
        assert added.code == 0, added.err
        assert json.loads(added.out)["notes"] == "written again"
        for p in leftovers:
            assert not p.exists() or p.stat().st_mode & 0o777 == 0o600


def test_a_read_only_folder_without_a_journal_is_said_so_and_left_alone() -> None:
    with shared_folder() as base:
        empty = base / "empty"
        empty.mkdir()
        chown_tree(empty)
        empty.chmod(0o500)
        info = run_cli_as_user("--data-dir", str(empty), "info", must_not_write=empty)
        assert info.code == 0 and "none yet" in info.out, info.err
        refused = run_cli_as_user("--data-dir", str(empty), "entry", "add", "--notes", "x", must_not_write=empty)
        assert refused.code == 8 and "none can be made there" in refused.err, refused.err
        assert list(empty.iterdir()) == [] and empty.stat().st_mode & 0o777 == 0o500


@OFFSCREEN_ONLY
def test_the_window_on_a_read_only_folder_browses_and_says_why_a_save_cannot_be_made(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # The folder is ours (the test's user owns it), so its owner bits decide, as for a person at their desk.
    from healthviz_desktop.ui.entry_editor import EntryEditor
    from tests.ui_helpers import make_entries, open_window, seed_journal

    root = tmp_path / "journal"
    seed_journal(root, make_entries(3))
    root.chmod(0o500)
    before = _snapshot(root)
    try:
        window = open_window(qtbot, root)
        assert window.model.total == 6 and window.journal.db.read_only.startswith("its folder")
        editor = window.edit_entry()
        assert isinstance(editor, EntryEditor)
        editor.confirm_discard = lambda: True  # type: ignore[method-assign]
        qtbot.addWidget(editor)
        editor.notes.setPlainText("kept in the editor")
        with qtbot.waitSignal(editor.not_saved):
            editor.save()
        assert editor.isVisible() and "The journal is read-only (its folder" in editor.form_error.text()
        assert editor.notes.toPlainText() == "kept in the editor"
        editor.reject()
        window.close()
        assert _snapshot(root) == before
    finally:
        root.chmod(0o700)
