"""Nothing lost across a crash, in the window too: a clip job an earlier run left half-way (sent, id stored,
still being made at the service) is carried on when the journal opens, and its clip arrives exactly once
without the paid request being sent again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.fake_videos_server import request, runner_for
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
        qtbot.waitUntil(lambda: window.job_resume.result is not None, timeout=30_000)
        done = window.job_resume.result.carried_on
        assert [j.status for j in done] == ["completed"] and Path(done[0].clip_path).is_file()
        assert fake.count("create") == 1  # carried on, never sent again
        assert "are done" in window.message.text()
    finally:
        window.close()


def test_with_nothing_unfinished_the_window_says_nothing(qtbot: Any, tmp_path: Path) -> None:
    seed_journal(tmp_path / "d", make_entries(2))
    window = open_window(qtbot, tmp_path / "d")
    try:
        qtbot.waitUntil(lambda: window.job_resume.result is not None, timeout=10_000)
        assert not window.job_resume.result.anything and "clip job" not in window.message.text()
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
        qtbot.waitUntil(lambda: window.job_resume.result is not None, timeout=30_000)
        assert [j.id for j in window.job_resume.result.waiting] == [job.id]
        assert fake.requests == [] and "not sent yet" in window.message.text()
    finally:
        window.close()


def test_stop_in_the_window_cancels_the_job_for_good(tmp_path: Path, fake: Any) -> None:
    import threading

    from healthviz_desktop.ui.clip_sender import _drive

    runner = runner_for(tmp_path / "d", fake)
    job = runner.submit("fake", request(4))
    cancel, stop = threading.Event(), threading.Event()
    cancel.set()
    stop.set()  # the person pressed Stop before it went out
    assert _drive(runner, job.id, cancel, stop).status == "cancelled"
    assert fake.requests == []
    closing = runner.submit("fake", request(4))
    assert _drive(runner, closing.id, cancel, threading.Event()).status == "pending"  # closing only: kept
