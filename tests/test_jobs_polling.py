"""The service's `openai-poll-after-ms` sets the pace of polling (on the create answer and on each retrieve);
without it the runner's default applies. Gaps are measured on the fake server, when each request arrived."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from tests.fake_videos_server import FakeVideos, request, runner_for


@pytest.fixture
def fake(media: tuple[bytes, bytes]) -> Iterator[FakeVideos]:
    server = FakeVideos(*media).start()
    server.polls_to_complete = 3
    yield server
    server.stop()


def _poll_times(fake: FakeVideos) -> tuple[float, list[float]]:
    (create,) = fake.seen("create")
    return create.at, [r.at for r in fake.seen("retrieve")]


def test_successive_polls_wait_as_long_as_the_service_asks(tmp_path: Path, fake: FakeVideos) -> None:
    fake.poll_after_ms = 400
    runner = runner_for(tmp_path, fake)  # default_poll=0.01 s: only the header can make it wait longer
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    _, polls = _poll_times(fake)
    assert len(polls) == 3
    gaps = [later - earlier for earlier, later in pairwise(polls)]
    assert min(gaps) >= 0.35, gaps


def test_the_create_answer_sets_the_wait_before_the_first_poll(tmp_path: Path, fake: FakeVideos) -> None:
    fake.create_poll_after_ms = 400
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    created, polls = _poll_times(fake)
    assert polls[0] - created >= 0.35, polls[0] - created


def test_without_the_header_the_default_interval_applies(tmp_path: Path, fake: FakeVideos) -> None:
    fake.poll_after_ms = None
    runner = runner_for(tmp_path, fake, default_poll=0.3)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    created, polls = _poll_times(fake)
    times = [created, *polls]
    gaps = [later - earlier for earlier, later in pairwise(times)]
    assert len(gaps) == 3 and min(gaps) >= 0.25, gaps
