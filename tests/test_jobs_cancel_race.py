"""A cancel from another window or command (a second JobRunner on the same journal) while the first is in
the middle of a step: the job stays cancelled, nothing is charged, and nothing paid for is lost."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.fake_videos_server import FakeVideos, request, runner_for


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, list[Any]]:
    out: list[Any] = []
    thread = threading.Thread(target=lambda: out.append(work()), daemon=True)
    thread.start()
    return thread, out


def _wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.005)


def test_a_cancel_during_a_download_is_never_turned_into_completed(tmp_path: Path, fake: FakeVideos,
                                                                   media: tuple[bytes, bytes]) -> None:
    fake.pause_content_at = len(media[0]) // 2  # the download stops halfway until content_gate is set
    downloader, other = runner_for(tmp_path, fake), runner_for(tmp_path, fake)
    job = downloader.submit("fake", request(4))
    thread, result = _in_thread(lambda: downloader.run(job.id))
    assert fake.content_paused.wait(30)
    assert other.cancel(job.id).status == "cancelled"
    assert fake.count("delete") == 1  # the service was told
    fake.content_gate.set()  # the rest of the clip arrives anyway
    thread.join(30)
    assert result and result[0].status == "cancelled"
    final = other.store.get(job.id)
    assert final.status == "cancelled" and final.finished_at
    assert "completed" not in [status for _, status, _ in other.store.events(job.id)]
    assert other.costs.ledger() == []
    assert final.clip_path and Path(final.clip_path).read_bytes() == media[0]  # kept, and the job says where
    assert final.clip_path in final.message


def test_a_cancel_while_the_create_is_out_keeps_its_id_and_stops_it_at_the_service(tmp_path: Path,
                                                                                   fake: FakeVideos) -> None:
    fake.fault("create", "slow", delay=0.5)  # the answer comes after the cancel
    sender, other = runner_for(tmp_path, fake), runner_for(tmp_path, fake)
    job = sender.submit("fake", request(4))
    thread, result = _in_thread(lambda: sender.run(job.id))
    _wait_for(lambda: fake.count("create") == 1)
    assert other.cancel(job.id).status == "cancelled"
    thread.join(30)
    final = other.store.get(job.id)
    assert result and result[0].status == "cancelled" and final.status == "cancelled"
    assert final.remote_id and fake.count("delete") == 1 and final.remote_id not in fake.videos
    assert fake.count("retrieve") == 0 and fake.count("content") == 0


def test_a_cancel_just_before_sending_sends_nothing(tmp_path: Path, fake: FakeVideos) -> None:
    runner, other = runner_for(tmp_path, fake), runner_for(tmp_path, fake)
    job = runner.submit("fake", request(4))
    read_before_cancel = runner.store.get(job.id)
    other.cancel(job.id)
    step = runner._send(read_before_cancel, runner.providers.get("fake"), request(4))  # read, then cancelled
    assert step.job.status == "cancelled" and fake.requests == []


def test_completing_twice_or_after_a_cancel_changes_nothing(tmp_path: Path, fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake)
    job = runner.submit("fake", request(4))
    runner.cancel(job.id)
    assert runner.store.complete(job.id, clip_path="x.mp4", thumb_path=None, charge=True).status == "cancelled"
    assert runner.costs.ledger() == []
