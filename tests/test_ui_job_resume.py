"""Nothing lost across a crash, in the window too: a clip job an earlier run left half-way (sent, id stored,
still being made at the service) is carried on when the journal opens, and its clip arrives exactly once
without the paid request being sent again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.fake_videos_server import request, runner_for, studio_for
from tests.ui_helpers import OFFSCREEN_ONLY, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY


def test_an_interrupted_clip_job_is_finished_when_the_window_opens(qtbot: Any, tmp_path: Path, fake: Any) -> None:
    data = tmp_path / "data"
    seed_journal(data, make_entries(2))
    fake.polls_to_complete = 3
    runner = runner_for(data, fake)
    job = runner.submit("fake", request(4))
    while runner.store.get(job.id).remote_id is None:  # sent, and the service's id stored ...
        runner.advance(job.id)
    assert runner.store.get(job.id).status == "running"  # ... then the process "dies": nobody drives it
    runner.store.release(job.id)
    runner.db.close()

    window = open_window(qtbot, data)
    try:
        qtbot.waitUntil(lambda: window.clip_jobs.recovery is not None, timeout=30_000)
        done = window.clip_jobs.recovery.carried_on
        assert [j.status for j in done] == ["completed"] and Path(done[0].clip_path).is_file()
        assert fake.count("create") == 1  # carried on, never sent again
        assert "are done" in window.message.text()
    finally:
        window.close()


def test_with_nothing_unfinished_the_window_says_nothing(qtbot: Any, tmp_path: Path) -> None:
    seed_journal(tmp_path / "d", make_entries(2))
    window = open_window(qtbot, tmp_path / "d")
    try:
        qtbot.waitUntil(lambda: window.clip_jobs.recovery is not None, timeout=10_000)
        assert not window.clip_jobs.recovery.anything and "clip job" not in window.message.text()
    finally:
        window.close()


def test_a_paid_job_never_sent_waits_for_the_person_instead_of_going_out_at_start(
        qtbot: Any, tmp_path: Path, fake: Any) -> None:
    data = tmp_path / "data"
    seed_journal(data, make_entries(2))
    runner = runner_for(data, fake)
    job = runner.submit("fake", request(4))  # written, not sent (the app stopped before it went out)
    runner.db.close()
    window = open_window(qtbot, data)
    try:
        qtbot.waitUntil(lambda: window.clip_jobs.recovery is not None, timeout=30_000)
        assert [j.id for j in window.clip_jobs.recovery.waiting] == [job.id]
        assert fake.requests == [] and "not sent yet" in window.message.text()
    finally:
        window.close()


def test_stop_in_the_window_cancels_the_job_for_good(tmp_path: Path, fake: Any) -> None:
    from healthviz_desktop.core.journal import Journal
    from healthviz_desktop.ui.clip_jobs import Drive, drive_job

    journal = Journal.open(tmp_path / "d")
    try:
        studio = studio_for(journal, fake)
        job = studio.runner.submit("fake", request(4))
        stopped = Drive(job.id)
        stopped.stop()  # the person pressed Stop before it went out
        assert drive_job(studio, stopped).status == "cancelled"
        assert fake.requests == []
        closing = Drive(studio.runner.submit("fake", request(4)).id)
        closing.halt.set()  # the window closing (or a restore) only halts it: kept
        assert drive_job(studio, closing).status == "pending"
    finally:
        journal.close()


def test_a_restore_halts_a_clip_in_flight_before_the_file_is_replaced(qtbot: Any, tmp_path: Path, fake: Any,
                                                                     monkeypatch: Any) -> None:
    """Issue 9, item 8: a restore dropped the clip sender without setting its cancel flag, so a job being
    driven went on writing job rows into the restored file."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from healthviz_desktop.core.backups import create_backup
    from healthviz_desktop.core.generation.studio import ClipChoices, ClipOrder, ClipSource
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.ui.compose_actions import clip_sender
    from tests.fake_videos_server import save_fake_provider

    data = tmp_path / "data"
    seed_journal(data, make_entries(2))
    backup = create_backup(DataPaths.at(data), "manual")  # from before the clip: no job rows in it
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    # (never a modal dialog left to wait for an answer: it blocks the run past any timeout)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("test-key-not-real", True))
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: next(
        (b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole), None))
    window = open_window(qtbot, data)
    try:
        save_fake_provider(window.journal.db, fake)
        fake.hold.set()  # the service keeps it in progress: the job is polled until something stops it
        fake.create_poll_after_ms = 10
        before = window.clip_jobs
        sender = clip_sender(window)
        entry_id = window.selected_entry().id
        sender.send(ClipOrder(ClipSource.moment(entry_id), ClipChoices(seconds=4), "fake"))
        qtbot.waitUntil(lambda: fake.count("retrieve") >= 2, timeout=30_000)
        drive = sender.drive
        order: list[str] = []
        before.job_done.connect(lambda job: order.append(f"halted {job.status}"))
        window.hub.changed.connect(lambda change: order.append(change.what))
        with qtbot.waitSignal(window.list_reloaded, timeout=30_000):
            window.data.restore(backup)
        assert drive is not None and drive.halt.is_set() and not drive.stopped.is_set()
        # the drive ended before the restored file was in use
        assert [o for o in order if o != "jobs"][:2] == ["halted running", "journal"], order
        polls = fake.count("retrieve")
        qtbot.wait(300)
        assert fake.count("retrieve") == polls  # nothing drives the old job on
        assert window.journal.db.schema_version() > 0
        with window.journal.db.raw() as raw:
            assert raw.execute("SELECT count(*) FROM generation_job").fetchone()[0] == 0
    finally:
        window.close()
