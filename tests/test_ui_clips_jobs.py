"""Jobs on their way as cards in the Clips tab, with the real `openai` SDK against the local fake /videos
service: a job being made shows its progress and Stop ends it (at the service too); a paid job never sent
waits for Resume; a failed clip is made again with Retry; a finished clip is remixed from its card; a job the
service could not account for explains the choice and Send it again does what it says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from healthviz_desktop.core.generation.job_store import JobStore
from tests.fake_videos_server import request, runner_for
from tests.support.player_env import QT_MEDIA_NOISE
from tests.test_ui_clips_tab import choose, clips_tab
from tests.ui_helpers import OFFSCREEN_ONLY, make_entries, open_window, seed_journal

# A finished Send opens its clip in the embedded player: Qt Multimedia loads and, offscreen, says so.
pytestmark = [OFFSCREEN_ONLY, QT_MEDIA_NOISE,
              pytest.mark.qt_log_ignore(r"^QBackingStore::flush\(\) called for\s+QVideoWindow")]


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question box answered Yes (what was asked is kept); remote sends confirmed."""
    from healthviz_desktop.ui.clip_sender import ClipSender

    asked: list[str] = []

    def question(_parent: Any, title: str, text: str, *a: Any, **k: Any) -> QMessageBox.StandardButton:
        asked.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(ClipSender, "_confirm_remote", lambda self, quote: asked.append("send") or True)
    return asked


def journal_with(tmp_path: Path, fake: Any, **fake_settings: Any) -> tuple[Path, Any]:
    data = tmp_path / "data"
    seed_journal(data, make_entries(2))
    for key, value in fake_settings.items():
        setattr(fake, key, value)
    return data, runner_for(data, fake)


def test_a_job_being_made_shows_its_progress_and_stop_ends_it_at_the_service(
        qtbot: Any, tmp_path: Path, fake: Any, answer_yes: list[str]) -> None:
    data, runner = journal_with(tmp_path, fake)
    fake.hold.set()  # the service keeps working on it
    job = runner.submit("fake", request(4))
    while runner.store.get(job.id).remote_id is None:
        runner.advance(job.id)
    runner.store.release(job.id)
    runner.db.close()
    window = open_window(qtbot, data)  # the window carries it on
    try:
        tab = clips_tab(qtbot, window)
        qtbot.waitUntil(lambda: tab.model.card_at(0).status == "running", timeout=20_000)
        card = choose(qtbot, tab, job.id)
        assert card.state().headline.startswith("Being made") and tab.pane.progress.isVisibleTo(tab)
        assert tab.pane.buttons["stop"].isVisibleTo(tab) and not tab.pane.buttons["play"].isVisibleTo(tab)
        tab.pane.buttons["stop"].click()
        qtbot.waitUntil(lambda: JobStore(window.journal.db).get(job.id).status == "cancelled", timeout=20_000)
        qtbot.waitUntil(lambda: tab.pane.card is not None and tab.pane.card.state().headline == "Stopped",
                        timeout=10_000)
        assert any("Stop making this clip for good" in q for q in answer_yes)
        qtbot.waitUntil(lambda: fake.count("delete") == 1, timeout=10_000)  # the service was told to stop
    finally:
        fake.release()
        window.close()


def test_a_paid_job_never_sent_waits_and_resume_sends_it_once(qtbot: Any, tmp_path: Path, fake: Any,
                                                              answer_yes: list[str]) -> None:
    data, runner = journal_with(tmp_path, fake, polls_to_complete=1)
    job = runner.submit("fake", request(4))  # written, then the app stopped before it went out
    runner.db.close()
    window = open_window(qtbot, data)
    try:
        tab = clips_tab(qtbot, window)
        card = choose(qtbot, tab, job.id)
        assert card.state().headline == "Not sent yet" and fake.requests == []
        assert {"resume", "stop"} <= card.actions()
        tab.pane.buttons["resume"].click()
        qtbot.waitUntil(lambda: JobStore(window.journal.db).get(job.id).status == "completed", timeout=30_000)
        qtbot.waitUntil(lambda: tab.pane.card is not None and tab.pane.card.state().headline == "Ready",
                        timeout=10_000)
        assert fake.count("create") == 1 and any("Send this request to Fake fake now?" in q for q in answer_yes)
        assert Path(tab.pane.card.clip_path).is_file()
    finally:
        window.close()


def test_retry_makes_a_failed_clip_again_as_a_new_job(qtbot: Any, tmp_path: Path, fake: Any,
                                                      answer_yes: list[str]) -> None:
    data, runner = journal_with(tmp_path, fake, polls_to_complete=1)
    job = runner.submit("fake", request(4))
    runner.store.update(job.id, status="failed", error_code="server_error", finished_at="2026-03-01T10:00:00Z",
                        message="The service had a problem and made nothing.")
    runner.db.close()
    window = open_window(qtbot, data)
    try:
        tab = clips_tab(qtbot, window)
        card = choose(qtbot, tab, job.id)
        assert (card.state().headline, card.state().detail) == ("Not made",
                                                                "The service had a problem and made nothing.")
        tab.pane.buttons["retry"].click()
        qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=20_000)
        store = JobStore(window.journal.db)
        new = max(j.id for j in store.list_jobs())
        qtbot.waitUntil(lambda: store.get(new).status == "completed", timeout=30_000)
        assert store.get(new).request == store.get(job.id).request and "send" in answer_yes
        assert fake.count("create") == 1
        qtbot.waitUntil(lambda: tab.current_job_id() == new, timeout=10_000)  # the window follows the new job
    finally:
        window.close()


def test_a_finished_clip_is_remixed_from_its_card(qtbot: Any, tmp_path: Path, fake: Any,
                                                  answer_yes: list[str]) -> None:
    from healthviz_desktop.ui.compose_dialog import ComposeDialog

    data, runner = journal_with(tmp_path, fake, polls_to_complete=1)
    job = runner.submit("fake", request(4))
    while not runner.store.get(job.id).done:
        runner.advance(job.id)
    made = runner.store.get(job.id)
    assert made.status == "completed" and made.remote_id
    runner.db.close()
    window = open_window(qtbot, data)
    try:
        tab = clips_tab(qtbot, window)
        card = choose(qtbot, tab, job.id)
        assert "remix" in card.actions()
        tab.pane.buttons["remix"].click()
        qtbot.waitUntil(lambda: bool(window.findChildren(ComposeDialog)))
        dialog = window.findChildren(ComposeDialog)[0]
        assert not dialog.provider.isEnabled() and dialog.provider.currentData() == "fake"
        assert dialog.windowTitle().startswith("Remix")
        dialog.mode.setCurrentIndex(dialog.mode.findData("explainer"))
        dialog.explainer.setPlainText("A calm lake at dusk.")
        qtbot.waitUntil(lambda: dialog.composed is not None)
        dialog.approve.setChecked(True)
        qtbot.waitUntil(dialog.send.isEnabled)
        dialog.send.click()
        qtbot.waitUntil(lambda: fake.count("remix") == 1, timeout=30_000)
        store = JobStore(window.journal.db)
        remix = max(j.id for j in store.list_jobs())
        assert store.get(remix).remix_of == made.remote_id and fake.count("create") == 1
        qtbot.waitUntil(lambda: store.get(remix).status == "completed", timeout=30_000)
    finally:
        window.close()


def test_a_job_that_needs_a_decision_explains_it_and_send_again_resends(
        qtbot: Any, tmp_path: Path, fake: Any, answer_yes: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data, runner = journal_with(tmp_path, fake, polls_to_complete=1)
    job = runner.submit("fake", request(4))
    runner.store.update(job.id, status="needs_decision", sent_at="2026-03-01T10:00:00Z",
                        message="The service may have made it. Run `healthviz jobs resume 1 --resend`.")
    runner.db.close()
    shown: list[str] = []

    def choose_send_again(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.informativeText()}")
        next(b for b in box.buttons() if b.text() == "Send it again").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_send_again)
    window = open_window(qtbot, data)
    try:
        tab = clips_tab(qtbot, window)
        card = choose(qtbot, tab, job.id)
        assert card.state().headline == "Needs your decision"
        assert "cannot tell us now whether it made the clip" in tab.pane.state.text()
        tab.pane.buttons["decide"].click()
        assert "Send it again: Ask Fake fake to make it once more" in shown[0]
        assert "Cancel the job: Make nothing more" in shown[0]
        store = JobStore(window.journal.db)
        qtbot.waitUntil(lambda: len(store.list_jobs()) == 2, timeout=20_000)
        new = max(j.id for j in store.list_jobs())
        qtbot.waitUntil(lambda: store.get(new).status == "completed", timeout=30_000)
        assert store.get(job.id).error_code == "resent" and fake.count("create") == 1
    finally:
        window.close()
