"""Durable jobs across crashes: a process running a job is SIGKILLed while polling and while downloading;
after a restart the clip arrives exactly once and the paid request is never sent twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from healthviz_desktop.core.generation.runner import STOPPED_WHILE_SENDING
from tests.conftest import REPO
from tests.fake_videos_server import FakeVideos, HeldClock, request, runner_for


def _job_process(data_dir: Path, url: str, mode: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen([sys.executable, "-m", "tests.support.job_process", str(data_dir), url, mode],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def _job_row(data_dir: Path) -> tuple[str, str | None]:
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        row = conn.execute("SELECT status, remote_id FROM generation_job").fetchone()
        return str(row[0]), row[1]
    finally:
        conn.close()


def _resume(data_dir: Path, url: str) -> str:
    proc = _job_process(data_dir, url, "resume")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return out


def _assert_delivered_once(data_dir: Path, media: tuple[bytes, bytes]) -> None:
    clips = sorted((data_dir / "clips").glob("*.mp4"))
    assert len(clips) == 1 and clips[0].read_bytes() == media[0]
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        assert conn.execute("SELECT status FROM generation_job").fetchall() == [("completed",)]
        assert conn.execute("SELECT count(*), sum(amount) FROM cost_ledger").fetchone() == (1, pytest.approx(0.4))
    finally:
        conn.close()


@pytest.mark.slow
def test_killed_while_polling_resumes_polling_and_never_resends(tmp_path: Path, fake: FakeVideos,
                                                                 media: tuple[bytes, bytes]) -> None:
    fake.hold.set()
    proc = _job_process(tmp_path, fake.url, "start")
    _wait_for(lambda: fake.count("retrieve") >= 3)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    status, remote_id = _job_row(tmp_path)
    assert status == "running" and remote_id in fake.videos
    fake.release()
    out = _resume(tmp_path, fake.url)
    assert "done 1 completed" in out
    assert fake.count("create") == 1
    _assert_delivered_once(tmp_path, media)
    assert "resuming \n" in _resume(tmp_path, fake.url)  # a second start finds nothing left to do
    assert fake.count("create") == 1 and fake.count("content") == 2


@pytest.mark.slow
def test_killed_while_downloading_continues_the_download_and_delivers_once(tmp_path: Path, fake: FakeVideos,
                                                                         media: tuple[bytes, bytes]) -> None:
    fake.pause_content_at = len(media[0]) // 2
    proc = _job_process(tmp_path, fake.url, "start")
    assert fake.content_paused.wait(60)
    time.sleep(0.2)  # let the first half reach the partial file
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    assert _job_row(tmp_path)[0] == "downloading"
    partial = tmp_path / "clips" / ".partial"
    assert [p.stat().st_size for p in partial.iterdir()] == [len(media[0]) // 2]
    fake.content_gate.set()
    fake.pause_content_at = None
    assert "done 1 completed" in _resume(tmp_path, fake.url)
    assert fake.count("create") == 1
    videos = [r for r in fake.seen("content") if r.variant == "video"]
    assert [r.range for r in videos] == [None, f"bytes={len(media[0]) // 2}-"]  # the rest, not it all again
    _assert_delivered_once(tmp_path, media)


def _crashed_mid_send(tmp_path: Path, fake: FakeVideos, *, reached: bool) -> int:
    """A job whose create request was out when the process died: the row says sending, no id stored.
    ``reached``: the service got it and made the video (its answer was lost with the process)."""
    runner = runner_for(tmp_path, fake)
    job = runner.submit("fake", request(4))
    sent = runner.store.update(job.id, status="sending", sent_at=datetime.now(UTC).isoformat())
    if reached:
        fake._new_video({k: str(v) for k, v in sent.request.items()})
    runner.db.close()
    return job.id


def test_a_crash_after_the_service_made_the_clip_adopts_it_instead_of_sending_again(
        tmp_path: Path, fake: FakeVideos, media: tuple[bytes, bytes]) -> None:
    job_id = _crashed_mid_send(tmp_path, fake, reached=True)
    restarted = runner_for(tmp_path, fake)
    (found,) = restarted.recover()
    assert found.status == "sending" and found.message == STOPPED_WHILE_SENDING.format(id=job_id)
    assert fake.requests == []  # classifying asks nobody
    job = restarted.run(job_id)
    assert job.status == "completed" and job.remote_id == "video_0001"
    assert fake.count("create") == 0 and fake.count("list") == 1 and fake.made() == 1
    assert any(d == "found at the service as video_0001" for _, _, d in restarted.store.events(job_id))
    _assert_delivered_once(tmp_path, media)


def test_a_crash_before_the_service_made_anything_sends_once_after_its_list_says_so(
        tmp_path: Path, fake: FakeVideos, media: tuple[bytes, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    settle = 2.0
    clock = HeldClock(monkeypatch)  # the settle time passes when this test says so, whatever the load
    job_id = _crashed_mid_send(tmp_path, fake, reached=False)
    restarted = runner_for(tmp_path, fake, settle=settle)
    step = restarted.advance(job_id)  # the list is empty, but a video may still appear: not yet
    assert step.job.status == "sending" and step.wait == settle and fake.count("list") == 1
    clock += settle - 0.1
    assert restarted.advance(job_id).job.status == "sending" and fake.count("list") == 1  # not due yet
    clock += 0.1  # the settle time has passed: the list now proves nothing was made
    assert restarted.advance(job_id).job.status == "pending" and fake.count("list") == 2
    assert fake.count("create") == 0
    job = restarted.run(job_id)
    assert job.status == "completed" and fake.count("create") == 1 and fake.made() == 1
    _assert_delivered_once(tmp_path, media)


def test_the_advance_that_finds_a_job_mid_send_never_sends_it(tmp_path: Path, fake: FakeVideos) -> None:
    """Whatever the list says, the step that finds a job cut off mid-send only settles it with the service:
    sending it (once, when nothing was made) is a later step."""
    job_id = _crashed_mid_send(tmp_path, fake, reached=False)
    restarted = runner_for(tmp_path, fake, settle=0.0)
    step = restarted.advance(job_id)
    assert step.job.status == "pending" and fake.count("create") == 0 and fake.count("list") == 1
    assert restarted.advance(job_id).job.status == "running" and fake.count("create") == 1


def test_a_service_that_cannot_list_its_videos_leaves_the_decision_to_the_person(tmp_path: Path,
                                                                                   fake: FakeVideos) -> None:
    job_id = _crashed_mid_send(tmp_path, fake, reached=True)
    restarted = runner_for(tmp_path, fake)
    fake.fault("list", "unsupported")
    job = restarted.run(job_id)
    assert job.status == "needs_decision" and "cannot list its videos (HTTP 404)" in job.message
    assert f"`healthviz jobs resume {job_id} --resend`" in job.message and f"jobs cancel {job_id}" in job.message
    assert restarted.run(job_id).status == "needs_decision" and fake.count("create") == 0
    assert restarted.cancel(job_id).status == "cancelled" and fake.count("delete") == 0


def test_a_rename_done_before_the_crash_is_recognised_not_downloaded_again(tmp_path: Path, fake: FakeVideos,
                                                                        media: tuple[bytes, bytes]) -> None:
    runner = runner_for(tmp_path, fake)
    job = runner.submit("fake", request(4))
    runner.advance(job.id)
    while runner.store.get(job.id).status == "running":
        runner.advance(job.id)
    job = runner.store.get(job.id)
    assert job.status == "downloading"
    (tmp_path / "clips").mkdir(exist_ok=True)
    (tmp_path / "clips" / f"{job.uid}.mp4").write_bytes(media[0])  # renamed, then killed before the commit
    assert runner.run(job.id).status == "completed"
    assert fake.count("content") == 0
    _assert_delivered_once(tmp_path, media)
