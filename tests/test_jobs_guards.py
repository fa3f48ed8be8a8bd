"""The job guards at the core, without a window, through the runner's public API (submit, advance, run,
resume) against the local fake /videos service:

- a job found in ``sending`` after a crash is never sent again by ``advance()`` on the strength of not knowing
  (the bug that would charge a person twice): it is settled with the service's own list first (adopted when
  the service made it, sent once more only when the list shows nothing was made), and when the service
  cannot tell, it waits for the person's decision, and only that decision sends it again;
- a Stop set before a step keeps that step from happening (nothing is sent for a job stopped before it went);
- a clip is never under its final name until it is whole.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.fake_videos_server import FakeVideos, request, runner_for


def _a_dead_process() -> str:
    """A lease owner as a crashed process leaves it: this host, a pid that no longer runs."""
    child = subprocess.Popen(["true"])
    child.wait()
    return f"{socket.gethostname()}:{child.pid}"


def _wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


def _assert_waits_for_the_person(job: Any) -> None:
    assert job.status == "needs_decision" and job.error_code == "undecided", job
    assert f"`healthviz jobs resume {job.id} --resend`" in job.message
    assert f"`healthviz jobs cancel {job.id}`" in job.message


def _crashed_mid_send(tmp_path: Path, fake: FakeVideos) -> tuple[Any, int]:
    """What a crash leaves: the row says sending (committed before the request went out), and the lease
    names a process that is gone. Returns a restarted runner and the job's id. No recover() first."""
    runner = runner_for(tmp_path, fake)
    job = runner.submit("fake", request(4))
    runner.store.update(job.id, status="sending", sent_at="2026-11-01T10:00:00+00:00",
                        lease_owner=_a_dead_process())
    runner.db.close()
    return runner_for(tmp_path, fake), job.id


def test_advance_never_resends_a_job_a_crash_left_mid_send(tmp_path: Path, fake: FakeVideos) -> None:
    restarted, job_id = _crashed_mid_send(tmp_path, fake)
    step = restarted.advance(job_id)  # this step only asks the service what it made
    assert fake.count("create") == 0 and fake.count("list") >= 1
    assert step.job.status in ("sending", "pending"), step.job
    # The service's list shows nothing was made: the job goes out once more, and only once.
    assert restarted.run(job_id).status == "completed"
    assert fake.count("create") == 1 and len(fake.videos) == 1


def test_a_job_the_service_cannot_settle_waits_for_the_person(tmp_path: Path, fake: FakeVideos) -> None:
    fake.fault("list", "unsupported")
    restarted, job_id = _crashed_mid_send(tmp_path, fake)
    step = restarted.advance(job_id)
    assert step.wait is None  # nothing more to do until the person decides
    _assert_waits_for_the_person(step.job)
    assert fake.count("create") == 0
    assert restarted.run(job_id).status == "needs_decision"  # driving it again changes nothing
    assert fake.count("create") == 0 and restarted.store.get(job_id).lease_owner is None

    # Only the person's decision sends it again, once (as a new job; the first is counted as spent).
    again = restarted.resume(job_id, resend=True)
    assert restarted.run(again.id).status == "completed"
    assert fake.count("create") == 1


@pytest.mark.slow
def test_a_process_killed_while_its_create_is_out_is_not_sent_again(tmp_path: Path, fake: FakeVideos) -> None:
    """The real crash: the create has reached the service (which goes on and makes a paid video) when the
    process is killed. A new runner driving that job adopts the video the service made instead of sending."""
    fake.fault("create", "slow", delay=1.0)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "tests.support.job_process", str(tmp_path), fake.url, "start"],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: fake.count("create") == 1)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=10)
    _wait_for(lambda: len(fake.videos) == 1)  # the service made it anyway: a job we know nothing about

    restarted = runner_for(tmp_path, fake)
    job = restarted.store.list_jobs()[0]
    assert job.status == "sending" and job.remote_id is None
    done = restarted.run(job.id)
    assert done.status == "completed" and done.remote_id == next(iter(fake.videos))
    assert fake.count("create") == 1 and len(fake.videos) == 1


def test_a_stop_set_before_the_first_step_sends_nothing(tmp_path: Path, fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake)
    job = runner.submit("fake", request(4))
    stop = threading.Event()
    stop.set()
    assert runner.run(job.id, stop).status == "pending"
    assert fake.requests == []  # not the create, not anything


def test_a_stop_during_a_step_keeps_the_next_step_from_happening(tmp_path: Path, fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake)
    job = runner.submit("fake", request(4))
    stop = threading.Event()
    runner.subscribe(lambda event: stop.set() if event.status == "running" else None)
    stopped = runner.run(job.id, stop)
    assert stopped.status == "running" and stopped.remote_id
    assert fake.count("create") == 1 and fake.count("retrieve") == 0
    # The job is intact: driven again it carries on from there, without a second create.
    assert runner.run(stopped.id).status == "completed"
    assert fake.count("create") == 1


def test_a_clip_is_never_under_its_final_name_until_it_is_whole(tmp_path: Path, fake: FakeVideos,
                                                                media: tuple[bytes, bytes]) -> None:
    fake.pause_content_at = len(media[0]) // 2  # the download stops halfway until content_gate is set
    runner = runner_for(tmp_path, fake)
    job = runner.submit("fake", request(4))
    done: list[Any] = []
    thread = threading.Thread(target=lambda: done.append(runner.run(job.id)), daemon=True)
    thread.start()
    assert fake.content_paused.wait(30)
    clips = tmp_path / "clips"
    final = clips / f"{job.uid}.mp4"
    partial = clips / ".partial"
    _wait_for(lambda: final.exists() or any(p.stat().st_size for p in partial.iterdir()))  # the half is on disk
    assert not final.exists() and [p.name for p in clips.glob("*.mp4")] == []
    fake.content_gate.set()
    thread.join(30)
    assert done and done[0].status == "completed" and done[0].clip_path == str(final)
    assert final.read_bytes() == media[0] and final.stat().st_mode & 0o777 == 0o600
    assert list(partial.iterdir()) == []


def test_a_job_another_live_process_holds_is_neither_driven_nor_taken_for_a_crash(tmp_path: Path,
                                                                                 fake: FakeVideos) -> None:
    """Two windows, or a window and a command: the one holding the job's lease drives it; the other never
    sends it, and never mistakes it for a send that a crash interrupted."""
    runner = runner_for(tmp_path, fake)
    job = runner.submit("fake", request(4))
    live = f"{socket.gethostname()}:{os.getppid()}"  # a process that is running, and is not this one
    runner.store.update(job.id, lease_owner=live)
    with pytest.raises(Exception, match=f"Job {job.id} is being worked on by another HealthViz"):
        runner.advance(job.id)
    assert fake.requests == []
    runner.store.update(job.id, status="sending", sent_at="2026-11-01T10:00:00+00:00")  # it is sending now
    assert runner.recover() == []
    assert runner.store.get(job.id).status == "sending" and runner.store.get(job.id).lease_owner == live


def test_carrying_on_at_start_finishes_what_the_service_has_and_sends_nothing_new(tmp_path: Path,
                                                                                fake: FakeVideos) -> None:
    """What the app does when a journal opens after a crash: a job the service already has is polled and
    delivered; a job caught mid-send is settled with the service's own list first (it has no such video, so
    it goes out once: still one video for that clip); a paid job never sent waits (it goes out only when the
    person says so, not behind their back at start-up)."""
    from healthviz_desktop.core.generation.recovery import carry_on

    runner = runner_for(tmp_path, fake)
    unsent = runner.submit("fake", request(4))
    crashed = runner.submit("fake", request(4))
    runner.store.update(crashed.id, status="sending", sent_at="2026-11-01T10:00:00+00:00")
    under_way = runner.submit("fake", request(4))
    assert runner.advance(under_way.id).job.status == "running" and fake.count("create") == 1
    runner.db.close()

    restarted = runner_for(tmp_path, fake)
    recovery = carry_on(restarted, threading.Event())
    assert sorted((j.id, j.status) for j in recovery.carried_on) == [
        (crashed.id, "completed"), (under_way.id, "completed")]
    assert [(j.id, j.status) for j in recovery.waiting] == [(unsent.id, "pending")]
    assert fake.count("create") == 2  # the settled one, once; the never-sent one not at all
    assert sorted(row["job_id"] for row in restarted.costs.ledger()) == [crashed.id, under_way.id]


def test_a_local_clip_and_its_thumbnail_are_private(tmp_path: Path, fake: FakeVideos) -> None:
    """The local renderer's encoder creates its files with the usual umask (readable by every user of the
    computer); what is put in clips/ is the person's own only."""
    runner = runner_for(tmp_path, fake)
    local = request(4)
    job = runner.run(runner.submit("local", replace(local, body={**local.body, "model": "healthviz-local-1"})).id)
    assert job.status == "completed", job.message
    assert job.clip_path and job.thumb_path
    modes = {Path(p).name: oct(Path(p).stat().st_mode & 0o777) for p in (job.clip_path, job.thumb_path)}
    assert set(modes.values()) == {"0o600"}, modes
    assert fake.requests == []  # nothing left the computer
