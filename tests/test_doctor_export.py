"""Export for the doctor, from the command line and from File → Export for doctor…: the folder or ZIP
holds report.pdf, the labelled signed clip, clip-prompt.json (no notes) and README.txt; the dialog shows
what will be written first, with name and notes off; nothing half-written when it cannot finish."""

from __future__ import annotations

import json
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest

from healthviz_desktop.core.generation.job_store import JobStore
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.trends import DateRange
from tests.support.report_journals import END, demo_journal
from tests.test_provenance import MemoryKeyring, make_clip
from tests.ui_helpers import OFFSCREEN_ONLY

PROMPT = "Style: watercolour. A pulsing crimson knot behind frosted glass slowly loosens."
PERIOD = f"{DateRange.last_days(90, END).first}..{END}"


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def finished_job(journal: Journal, tmp_path: Path) -> int:
    """A completed clip job as the job runner leaves one: its clip on disk and in the row."""
    store = JobStore(journal.db)
    ids = [e.id or 0 for e in journal.list_entries(limit=3)]
    job = store.insert(uid="feedc0ffee", provider="local", spec={},
                       request={"model": "healthviz-local-1", "prompt": PROMPT, "seconds": "4", "size": "640x360"},
                       estimate=0.0, currency="USD", entry_ids=ids)
    store.update(job.id, status="downloading")
    clip = make_clip(tmp_path / "feedc0ffee.mp4", 640, 360, 12)
    store.complete(job.id, clip_path=str(clip), thumb_path=None, charge=False)
    return job.id


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_export_folder_holds_the_four_files(qapp: Any, journal: Journal, cli: Callable[..., Any],
                                            tmp_path: Path) -> None:
    from tests.conftest import sample_entry

    demo_journal(journal)
    journal.add(sample_entry(END, notes="A note that must never reach the export."))
    job = finished_job(journal, tmp_path)
    out = tmp_path / "for-doctor"
    done = cli("export-doctor", "--range", PERIOD, "--clip", str(job), "--folder", str(out), "--json")
    assert done.code == 0, done.err
    result = json.loads(done.out)
    assert sorted(p.name for p in out.iterdir()) == ["README.txt", "ai-illustration.mp4", "clip-prompt.json",
                                                     "report.pdf"]
    assert result["clip"]["trusted"] is True
    facts = json.loads((out / "clip-prompt.json").read_text())
    assert facts["prompt"] == PROMPT and facts["provider"] == "local" and facts["model"] == "healthviz-local-1"
    assert (facts["seconds"], facts["size"]) == (4, "640x360") and facts["app_version"] and facts["created"]
    assert facts["source"]  # the journal days of the entries it came from
    everything = "".join(p.read_text(errors="replace") for p in out.iterdir() if p.suffix in (".json", ".txt"))
    assert "never reach the export" not in everything and "never reach" not in pdf_text(out / "report.pdf")
    readme = (out / "README.txt").read_text()
    assert "Self-reported by the patient" in readme and "untrusted" in readme
    text = pdf_text(out / "report.pdf")
    assert "The illustration clip" in text and "pulsing crimson knot" in text
    flowing = " ".join(subprocess.run(["pdftotext", str(out / "report.pdf"), "-"], capture_output=True, text=True,
                                      check=True).stdout.split())
    assert "AI-generated illustration — not a medical image" in flowing  # the still's caption
    verified = cli("verify", str(out / "ai-illustration.mp4"))
    assert verified.code == 0, verified.out


def test_export_zip(qapp: Any, journal: Journal, cli: Callable[..., Any], tmp_path: Path) -> None:
    demo_journal(journal)
    job = finished_job(journal, tmp_path)
    out = tmp_path / "for-doctor.zip"
    assert cli("export-doctor", "--range", PERIOD, "--clip", str(job), "--zip", str(out)).code == 0
    with zipfile.ZipFile(out) as archive:
        names = sorted(archive.namelist())
        assert archive.getinfo("for-doctor/ai-illustration.mp4").compress_type == zipfile.ZIP_STORED
    assert names == ["for-doctor/README.txt", "for-doctor/ai-illustration.mp4", "for-doctor/clip-prompt.json",
                     "for-doctor/report.pdf"]


def test_without_a_clip_and_refusals_write_nothing(qapp: Any, journal: Journal, cli: Callable[..., Any],
                                                   tmp_path: Path) -> None:
    demo_journal(journal)
    out = tmp_path / "plain"
    assert cli("export-doctor", "--range", PERIOD, "--folder", str(out)).code == 0
    assert sorted(p.name for p in out.iterdir()) == ["README.txt", "report.pdf"]
    again = cli("export-doctor", "--range", PERIOD, "--folder", str(out))
    assert again.code == 1 and "already exists" in again.err
    empty = cli("export-doctor", "--range", "2020-01-01..2020-01-31", "--zip", str(tmp_path / "x.zip"))
    assert empty.code == 1 and "no journal entries" in empty.err
    missing = cli("export-doctor", "--range", PERIOD, "--clip", "99", "--folder", str(tmp_path / "y"))
    assert missing.code == 1 and "There is no generation job 99" in missing.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal-data", "plain"]  # no leftovers


@OFFSCREEN_ONLY
def test_menu_dialog_previews_then_exports(qapp: Any, qtbot: Any, journal: Journal, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from healthviz_desktop.ui.doctor_export_dialog import DoctorExportDialog
    from healthviz_desktop.ui.workers import Workers

    demo_journal(journal)
    job = finished_job(journal, tmp_path)
    workers = Workers()
    dialog = DoctorExportDialog(journal, workers, today=END)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "report.pdf" in dialog.preview.text(), timeout=10_000)
    preview = dialog.preview.text()
    assert "Your name: not included" in preview and "Your notes: not included" in preview
    assert f"the clip of job {job}" in preview and "clip-prompt.json" in preview
    assert not dialog.add_name.isChecked() and not dialog.name.isEnabled()
    assert not dialog.include_notes.isChecked()
    dialog.add_name.setChecked(True)
    dialog.name.setText("Alex Example")
    dialog.sections["patterns"].setChecked(False)
    qtbot.waitUntil(lambda: "Alex Example" in dialog.preview.text(), timeout=10_000)
    assert "Triggers and qualities" not in dialog.preview.text()
    dialog.as_zip.setChecked(True)
    dialog.destination.setText(str(tmp_path / "to-doctor"))
    qtbot.waitUntil(lambda: "to-doctor.zip" in dialog.preview.text(), timeout=10_000)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=60_000)
    workers.wait()
    assert dialog.result_ is not None and dialog.result_.destination == tmp_path / "to-doctor.zip"
    with zipfile.ZipFile(tmp_path / "to-doctor.zip") as archive:
        assert "to-doctor/ai-illustration.mp4" in archive.namelist()
        pdf = tmp_path / "r.pdf"
        pdf.write_bytes(archive.read("to-doctor/report.pdf"))
    text = pdf_text(pdf)
    assert "Patient: Alex Example" in text and "Triggers and qualities" not in text


@OFFSCREEN_ONLY
def test_the_dialog_says_why_an_empty_period_cannot_be_exported(qapp: Any, qtbot: Any, journal: Journal) -> None:
    from PySide6.QtCore import QDate

    from healthviz_desktop.ui.doctor_export_dialog import DoctorExportDialog
    from healthviz_desktop.ui.workers import Workers

    demo_journal(journal)
    workers = Workers()
    dialog = DoctorExportDialog(journal, workers, today=END)
    qtbot.addWidget(dialog)
    dialog.period.setCurrentIndex(3)
    dialog.first.setDate(QDate(2020, 1, 1))
    dialog.last.setDate(QDate(2020, 1, 31))
    qtbot.waitUntil(lambda: "no journal entries" in dialog.preview.text(), timeout=10_000)
    assert not dialog.export_button.isEnabled()
    workers.wait()


@OFFSCREEN_ONLY
def test_file_menu_has_export_for_doctor(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QAction

    from tests.ui_helpers import make_entries, open_window, seed_journal

    seed_journal(tmp_path / "data", make_entries(20))
    window = open_window(qtbot, tmp_path / "data")
    action = window.findChild(QAction, "exportForDoctor")
    assert action is not None and action.isEnabled()
    assert action.text() == "Export for &doctor…"
    action.trigger()
    dialog = window.findChild(object, "doctorExportDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.preview.text() != "", timeout=10_000)
    dialog.reject()
    window.pools.wait()


def test_report_with_a_clip_shows_its_still_and_prompt(qapp: Any, journal: Journal, cli: Callable[..., Any],
                                                       tmp_path: Path) -> None:
    demo_journal(journal)
    job = finished_job(journal, tmp_path)
    out = tmp_path / "report.pdf"
    assert cli("report", "--range", PERIOD, "-o", str(out), "--with-clip", str(job)).code == 0
    text = " ".join(pdf_text(out).split())
    assert "The illustration clip" in text and "pulsing crimson knot" in text and "model healthviz-local-1" in text
    without = tmp_path / "plain.pdf"
    assert cli("report", "--range", PERIOD, "-o", str(without), "--with-clip", str(job), "--omit", "clip").code == 0
    assert "The illustration clip" not in pdf_text(without)
