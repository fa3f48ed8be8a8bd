"""Send from the Compose dialog through the journal's ClipStudio: a real durable job and a real MP4, off the GUI
thread; the dialog offers only what the chosen provider makes and composes for it (its model)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from healthviz_desktop.core.generation.job_store import JobStore
from healthviz_desktop.core.generation.studio import ClipStudio
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.ui.clip_jobs import ClipJobs
from healthviz_desktop.ui.clip_sender import ClipSender
from healthviz_desktop.ui.compose_dialog import ComposeDialog
from tests.conftest import sample_entry
from tests.fake_videos_server import FakeVideos, studio_for
from tests.ui_helpers import OFFSCREEN_ONLY

pytestmark = [OFFSCREEN_ONLY, pytest.mark.slow]


@pytest.fixture
def no_modal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record message boxes instead of blocking; a confirmation is answered with its Send button."""
    shown: list[str] = []

    def accept(box: QMessageBox) -> Any:
        return next((b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole), None)

    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", accept)
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: shown.append(text)))
    return shown


def _sender(qtbot: Any, studio: ClipStudio) -> tuple[QWidget, ClipSender]:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent, ClipSender(parent, ClipJobs(studio, parent))


def test_send_makes_a_local_clip_without_blocking_the_window(qtbot: Any, journal: Journal,
                                                             no_modal: list[str]) -> None:
    entry = journal.add(sample_entry())
    studio = ClipStudio(journal)
    parent, sender = _sender(qtbot, studio)
    dialog = ComposeDialog(journal, [], entry_ids=[entry.id], parent=parent, studio=studio)
    qtbot.addWidget(dialog)
    dialog.seconds.setCurrentIndex(0)  # 4 s keeps the test short
    dialog.send_requested.connect(sender.send)
    sent: list[Any] = []
    progress: list[float] = []
    sender.sent.connect(sent.append)
    sender.jobs.job_event.connect(lambda event: progress.append(event.progress))
    with qtbot.waitSignal(sender.finished, timeout=120_000) as done:
        dialog.send.click()
        qtbot.waitUntil(lambda: bool(sent))  # the job is written; its card would show it from here
        qtbot.waitUntil(lambda: len(progress) > 3)  # the GUI thread runs while the job works, hearing of it
    job = done.args[0]
    assert sent[0].id == job.id
    assert job.status == "completed", job.message
    clip = Path(job.clip_path)
    assert clip.parent == journal.paths.clips and clip.stat().st_mode & 0o777 == 0o600
    with av.open(str(clip)) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert frames == 4 * 24
    assert no_modal == []  # no "Clip ready" box: the window opens the clip in its player (test_ui_clips_*)
    assert [j.status for j in JobStore(journal.db).list_jobs()] == ["completed"]


def test_a_blocked_prompt_is_refused_before_any_job_exists(qtbot: Any, journal: Journal,
                                                           no_modal: list[str]) -> None:
    entry = journal.add(sample_entry())
    studio = ClipStudio(journal)
    parent, sender = _sender(qtbot, studio)
    dialog = ComposeDialog(journal, [], entry_ids=[entry.id], parent=parent, studio=studio)
    qtbot.addWidget(dialog)
    dialog.prompt.setPlainText(dialog.prompt.toPlainText() + " Call Dr. Jonah Whitfield on 555-010-2233.")
    assert not dialog.composed.verdict.ok and not dialog.send.isEnabled()
    sender.send(dialog.order())  # as if Send were pressed anyway: the quote refuses it
    qtbot.waitUntil(lambda: bool(no_modal))
    assert any("prompt firewall stopped" in text for text in no_modal)
    assert JobStore(journal.db).list_jobs() == []


def test_compose_offers_only_what_the_chosen_provider_makes_and_composes_for_its_model(
        qtbot: Any, journal: Journal, fake: FakeVideos, no_modal: list[str]) -> None:
    """Issue 9, item 1: a service set up with another model got a prompt composed for sora-2 and refused it,
    and the local renderer was offered sizes it cannot draw."""
    entry = journal.add(sample_entry())
    studio = studio_for(journal, fake, name="pro", model="sora-2-pro")
    fake.create_poll_after_ms = 10
    parent, sender = _sender(qtbot, studio)
    dialog = ComposeDialog(journal, [], entry_ids=[entry.id], parent=parent, studio=studio)
    qtbot.addWidget(dialog)
    sizes = [dialog.size_box.itemData(i) for i in range(dialog.size_box.count())]
    assert dialog.provider_name() == "local" and sizes == ["1280x720", "720x1280"]  # no 1792x1024 here
    assert '"model": "healthviz-local-1"' in dialog.exact.toPlainText()
    dialog.provider.setCurrentIndex(dialog.provider.findData("pro"))
    assert '"model": "sora-2-pro"' in dialog.exact.toPlainText() and dialog.send.isEnabled()
    dialog.seconds.setCurrentIndex(dialog.seconds.findData(4))
    dialog.send_requested.connect(sender.send)
    with qtbot.waitSignal(sender.finished, timeout=60_000) as done:
        dialog.send.click()
    assert done.args[0].status == "completed", done.args[0].message
    (create,) = fake.seen("create")
    assert create.fields["model"] == "sora-2-pro" and create.fields["seconds"] == "4"
    assert any("leaves your computer for Fake pro" in text for text in no_modal)
