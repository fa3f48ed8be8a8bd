"""The Sora /videos provider and the job runner, driven by the real openai SDK against a local fake server
with injected faults (tests/fake_videos_server.py)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

from healthviz_desktop.core.generation.costs import BudgetExceeded
from healthviz_desktop.core.generation.runner import JobEvent
from healthviz_desktop.core.providers.sora import OPENAI_SHUTDOWN
from tests.conftest import REPO
from tests.fake_videos_server import FakeVideos, request, runner_for


def _files_containing(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_a_job_goes_from_request_to_a_checked_clip_exactly_once(tmp_path: Path, fake: FakeVideos,
                                                                 media: tuple[bytes, bytes]) -> None:
    runner = runner_for(tmp_path, fake)
    events: list[JobEvent] = []
    runner.subscribe(events.append)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    clip = Path(str(job.clip_path))
    assert clip.parent == tmp_path / "clips" and clip.read_bytes() == media[0]
    assert clip.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "clips").stat().st_mode & 0o777 == 0o700
    assert job.thumb_path and Path(job.thumb_path).read_bytes() == media[1]
    (create,) = fake.seen("create")
    assert create.fields == {"model": "sora-2", "prompt": "A knot of warm light pulses slowly in a dark room.",
                             "seconds": "4", "size": "1280x720"}
    assert fake.count("content") == 2  # video and thumbnail, once each
    statuses = [e.status for e in events]
    assert statuses[:3] == ["pending", "sending", "running"] and statuses[-1] == "completed"
    assert runner.costs.ledger() == [pytest.approx(runner.costs.ledger()[0])]
    assert runner.costs.ledger()[0]["amount"] == pytest.approx(0.40)
    # completing again changes nothing: no second charge, no second file
    runner.store.complete(job.id, clip_path=str(clip), thumb_path=None, charge=True)
    assert len(runner.costs.ledger()) == 1
    assert sorted(p.name for p in (tmp_path / "clips").glob("*.mp4")) == [clip.name]
    history = [s for _, s, _ in runner.store.events(job.id)]
    assert history[:3] == ["pending", "sending", "running"] and history[-1] == "completed"


def test_the_sdk_warns_on_videos_calls_but_our_provider_keeps_it_quiet(tmp_path: Path, fake: FakeVideos) -> None:
    import openai

    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4)).id)
    client = openai.OpenAI(base_url=fake.url, api_key="test-key", max_retries=0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        client.videos.retrieve(str(job.remote_id))
    assert any(issubclass(w.category, DeprecationWarning) for w in caught)  # the thing we hide is real
    # A whole job (create, polls, downloads) in a process told to show every DeprecationWarning, as
    # PYTHONWARNINGS=always does. In-process, pytest's own per-test filters would outrank ours.
    proc = subprocess.run(
        [sys.executable, "-W", "always::DeprecationWarning", "-m", "tests.support.job_process",
         str(tmp_path / "child"), fake.url, "start"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "completed" in proc.stdout, proc.stderr
    assert "Sora API" not in proc.stderr


def test_hiding_it_leaves_other_threads_warnings_alone(tmp_path: Path, fake: FakeVideos) -> None:
    """catch_warnings() around each call swapped the process-wide filter list: while one thread polled,
    every thread's DeprecationWarnings were hidden (and its exit could drop another thread's filters)."""
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4)).id)
    provider = runner.providers.get("fake")
    fake.fault("retrieve", "slow", delay=0.6)
    polls = fake.count("retrieve")
    worker = threading.Thread(target=provider.poll, args=(str(job.remote_id),))
    worker.start()
    deadline = time.monotonic() + 10
    while fake.count("retrieve") == polls and time.monotonic() < deadline:
        time.sleep(0.005)  # until the worker's request is at the server: it is inside its call
    with warnings.catch_warnings(record=True) as caught:  # records; changes no filter
        warnings.warn("another library's deprecation", DeprecationWarning, stacklevel=1)
    worker.join(10)
    assert fake.count("retrieve") == polls + 1
    assert [str(w.message) for w in caught] == ["another library's deprecation"]


def test_429_with_retry_after_is_honoured_before_the_create_is_sent_again(tmp_path: Path,
                                                                           fake: FakeVideos) -> None:
    fake.fault("create", "429", retry_after=1)
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    first, second = fake.seen("create")
    assert second.at - first.at >= 1.0
    assert len(fake.videos) == 1  # a refused create made no job: one paid job in the end
    assert [s for _, s, d in runner.store.events(job.id) if d == "retry after rate_limited"]


def test_server_errors_and_slow_answers_while_polling_are_retried(tmp_path: Path, fake: FakeVideos) -> None:
    fake.fault("retrieve", "500", times=2)
    fake.fault("retrieve", "slow", delay=1.5)
    runner = runner_for(tmp_path, fake, timeout=0.5)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    assert fake.count("create") == 1
    details = [d for _, _, d in runner.store.events(job.id)]
    assert "retry after server_error" in details and "retry after timeout" in details


def test_a_download_cut_off_midway_continues_with_a_range_request(tmp_path: Path, fake: FakeVideos,
                                                                 media: tuple[bytes, bytes]) -> None:
    fake.fault("content", "reset")
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    videos = [r for r in fake.seen("content") if r.variant == "video"]
    assert videos[0].range is None
    assert videos[1].range is not None and int(videos[1].range[6:].rstrip("-")) > 0
    assert hashlib.sha256(Path(str(job.clip_path)).read_bytes()).digest() == hashlib.sha256(media[0]).digest()
    assert not list((tmp_path / "clips" / ".partial").iterdir())


def test_bytes_that_are_not_a_video_are_refused_and_fetched_again(tmp_path: Path, fake: FakeVideos,
                                                                  media: tuple[bytes, bytes]) -> None:
    fake.fault("content", "garbage")
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    assert Path(str(job.clip_path)).read_bytes() == media[0]
    assert "retry after provider_error" in [d for _, _, d in runner.store.events(job.id)]


def test_moderation_blocked_fails_once_with_gentle_advice_and_costs_nothing(tmp_path: Path,
                                                                          fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4, prompt="BLOCKME a storm")).id)
    assert job.status == "failed" and job.error_code == "moderation_blocked"
    assert "moderation" in job.message and "gentler wording" in job.message
    assert fake.count("create") == 1 and runner.costs.ledger() == []


def test_an_invalid_key_is_explained_without_ever_repeating_it(tmp_path: Path, fake: FakeVideos) -> None:
    wrong = "test-key-wrong-0123456789abcdef"
    runner = runner_for(tmp_path, fake, key=wrong)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "failed" and job.error_code == "invalid_key"
    assert "rejected the API key" in job.message and "keys set fake" in job.message
    assert fake.count("create") == 1  # no retry on 401
    runner.db.close()
    assert _files_containing(tmp_path, wrong.encode()) == []
    assert _files_containing(tmp_path, wrong[:16].encode()) == []


def test_a_retired_model_at_the_openai_preset_is_explained_in_those_words(tmp_path: Path,
                                                                        fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake, name="openai-like", retired=OPENAI_SHUTDOWN)
    job = runner.run(runner.submit("openai-like", request(4, model="sora-2")).id)
    assert job.status == "completed"  # the fake still serves sora-2: retired is a label, not a block
    fake.retired_models.add("sora-2")
    job = runner.run(runner.submit("openai-like", request(4)).id)
    assert job.status == "failed" and job.error_code == "retired"
    assert "shut down by OpenAI on 2026-09-24" in job.message
    assert runner.providers.get("openai-like").availability().reason == OPENAI_SHUTDOWN


def test_model_not_found_elsewhere_says_the_model_may_be_retired(tmp_path: Path, fake: FakeVideos) -> None:
    fake.retired_models.add("sora-2")
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "failed" and "may have been retired" in job.message
    assert fake.count("create") == 1


def test_the_monthly_budget_blocks_new_sends_with_a_clear_message(tmp_path: Path, fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake)
    runner.costs.set_budget(0.70)
    first = runner.submit("fake", request(4))  # 0.40, counted as committed before it finishes
    with pytest.raises(BudgetExceeded, match=r"would cost \$0\.40.*\$0\.70 monthly budget"):
        runner.submit("fake", request(4))
    assert runner.run(first.id).status == "completed"
    with pytest.raises(BudgetExceeded, match="Raise the budget"):
        runner.submit("fake", request(4))
    assert fake.count("create") == 1
    assert runner.costs.state().spent == pytest.approx(0.40)
    runner.costs.set_budget(None)
    assert runner.submit("fake", request(4)).status == "pending"


def test_remix_and_cancel(tmp_path: Path, fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake)
    source = runner.run(runner.submit("fake", request(4)).id)
    remix = runner.run(runner.remix(source.id, "The knot loosens into calm light.").id)
    assert remix.status == "completed"
    (seen,) = fake.seen("remix")
    assert seen.fields == {"prompt": "The knot loosens into calm light."} and source.remote_id in seen.path
    assert fake.videos[str(remix.remote_id)]["remixed_from_video_id"] == source.remote_id

    fake.hold.set()
    job = runner.submit("fake", request(4))
    runner.advance(job.id)  # sent
    running = runner.advance(job.id).job  # polled once
    assert running.status == "running" and running.remote_id
    cancelled = runner.cancel(job.id)
    assert cancelled.status == "cancelled" and fake.count("delete") == 1
    assert running.remote_id not in fake.videos


def test_a_remix_of_a_video_the_service_no_longer_has_says_so(tmp_path: Path, fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake)
    source = runner.run(runner.submit("fake", request(4)).id)
    del fake.videos[str(source.remote_id)]  # expired or deleted at the service
    remix = runner.run(runner.remix(source.id, "The knot loosens into calm light.").id)
    assert remix.status == "failed" and remix.error_code == "not_found"
    assert "The video to remix is no longer on the service" in remix.message
    assert "retired" not in remix.message and "model" not in remix.message
    assert fake.count("remix") == 1


def test_polling_gives_up_politely_after_the_timeout_and_resumes(tmp_path: Path, fake: FakeVideos) -> None:
    fake.hold.set()
    runner = runner_for(tmp_path, fake, poll_timeout=0.3)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "stalled" and "has not finished" in job.message
    fake.release()
    job = runner.run(runner.resume(job.id).id)
    assert job.status == "completed" and fake.count("create") == 1
