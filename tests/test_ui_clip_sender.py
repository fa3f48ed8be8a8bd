"""Send from the Compose dialog to the local renderer: a real durable job, a real MP4, off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from healthviz_desktop.core.generation.job_store import JobStore
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.ui.clip_sender import ClipSender
from healthviz_desktop.ui.compose_dialog import ComposeDialog
from healthviz_desktop.ui.workers import Workers
from tests.conftest import sample_entry
from tests.ui_helpers import OFFSCREEN_ONLY

pytestmark = [OFFSCREEN_ONLY, pytest.mark.slow]


@pytest.fixture
def no_modal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer the provider question with the local renderer and record message boxes instead of blocking."""
    shown: list[str] = []
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][0], True)))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    return shown


def test_send_makes_a_local_clip_without_blocking_the_window(qtbot: Any, journal: Journal,
                                                             no_modal: list[str]) -> None:
    entry = journal.add(sample_entry())
    parent = QWidget()
    qtbot.addWidget(parent)
    workers = Workers(parent)
    sender = ClipSender(parent, journal, workers)
    dialog = ComposeDialog(journal, [], entry_ids=[entry.id], parent=parent)
    qtbot.addWidget(dialog)
    dialog.seconds.setCurrentIndex(0)  # 4 s keeps the test short
    dialog.send_requested.connect(sender.send)
    with qtbot.waitSignal(sender.finished, timeout=120_000) as done:
        dialog.send.click()
        assert sender.progress is not None  # the GUI thread returned while the job runs in a worker
    job = done.args[0]
    assert job.status == "completed", job.message
    clip = Path(job.clip_path)
    assert clip.parent == journal.paths.clips and clip.stat().st_mode & 0o777 == 0o600
    with av.open(str(clip)) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert frames == 4 * 24
    assert any("The clip is saved at" in text for text in no_modal)
    assert [j.status for j in JobStore(journal.db).list_jobs()] == ["completed"]


def test_a_blocked_prompt_is_refused_before_any_job_exists(qtbot: Any, journal: Journal,
                                                           no_modal: list[str]) -> None:
    entry = journal.add(sample_entry())
    parent = QWidget()
    qtbot.addWidget(parent)
    sender = ClipSender(parent, journal, Workers(parent))
    dialog = ComposeDialog(journal, [], entry_ids=[entry.id], parent=parent)
    qtbot.addWidget(dialog)
    blocked = dialog.composed.with_prompt(dialog.composed.prompt + " Call Dr. Jonah Whitfield on 555-010-2233.")
    assert not blocked.verdict.ok
    sender.send(blocked)
    assert any("prompt firewall stopped" in text for text in no_modal)
    assert JobStore(journal.db).list_jobs() == []
