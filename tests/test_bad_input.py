"""Odd input gets one plain sentence, a documented exit code, and no change on disk."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_healthviz
from tests.ui_helpers import OFFSCREEN_ONLY

LATIN1 = "Anna \u00e9t\u00e9 Smith\n".encode("latin-1")  # not UTF-8: é is one byte, 0xE9


def _one_sentence(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("healthviz: error: "), stderr


def test_a_private_terms_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    terms = tmp_path / "names.txt"
    terms.write_bytes(LATIN1)
    for args in (["deidentify", "--private-terms", str(terms)],
                 ["prompt", "--explainer", "-", "--private-terms", str(terms)]):
        proc = run_healthviz("--data-dir", str(tmp_path / "data"), *args, stdin="Calm evening.")
        assert proc.returncode == 1, (args, proc.stderr)
        _one_sentence(proc.stderr)
        assert f"the private terms file {terms} is not UTF-8 text (byte 6, line 1)" in proc.stderr
        assert proc.stdout == ""


def test_input_to_deidentify_that_is_not_utf8_is_refused_not_patched(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import REPO

    for extra in ([], ["--jsonl"]):
        proc = subprocess.run([sys.executable, "-m", "healthviz_desktop", "deidentify", *extra], input=LATIN1,
                              capture_output=True, cwd=REPO, timeout=60, check=False)
        err = proc.stderr.decode("utf-8")
        assert proc.returncode == 1, err
        _one_sentence(err)
        assert "the input is not UTF-8 text (byte 6, line 1)" in err
        assert proc.stdout == b""  # nothing half-written, no U+FFFD in place of the name's letters


def test_a_file_given_as_the_data_folder_is_said_so_and_left_alone(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("someone's notes\n", encoding="utf-8")
    digest = hashlib.sha256(not_a_folder.read_bytes()).hexdigest()
    for args in (["info"], ["entry", "list"], ["entry", "add", "--notes", "x"], ["backup"], ["demo-data"]):
        proc = run_healthviz("--data-dir", str(not_a_folder), *args)
        assert proc.returncode == 4, (args, proc.stdout, proc.stderr)
        _one_sentence(proc.stderr)
        assert f"{not_a_folder} cannot hold a journal: the data folder is a file, not a folder" in proc.stderr
        assert "none yet" not in proc.stdout
    below = run_healthviz("--data-dir", str(not_a_folder / "journal"), "info")
    assert below.returncode == 4 and "the folder above it" in below.stderr
    assert hashlib.sha256(not_a_folder.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@OFFSCREEN_ONLY
def test_the_window_says_the_same_sentence_for_a_file_as_data_folder(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from healthviz_desktop.ui.launch import build_window

    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("someone's notes\n", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a: shown.append(text))
    window = build_window(not_a_folder)
    qtbot.addWidget(window)
    window.show()
    window.open_journal()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "is a file, not a folder" in shown[0] and "Errno" not in shown[0]
    assert not_a_folder.read_text(encoding="utf-8") == "someone's notes\n"
    window.close()
