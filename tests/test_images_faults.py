"""The Images provider and the job runner, driven by the real openai SDK against a local fake Images service
with injected faults (tests/fake_images_server.py): each fault gives its plain message and loses nothing (the
job is kept and says what is true; the ledger holds exactly what may have been billed; nothing is sent twice
without the person)."""

from __future__ import annotations

import socket
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from healthviz_desktop.core.generation.costs import BudgetExceeded
from healthviz_desktop.core.generation.runner import JobRunner
from tests.fake_images_server import FakeImages, images_runner, picture_request, usage_dollars, usage_for

KEY = "test-key"


def _run(tmp_path: Path, fake: FakeImages, **options: Any) -> tuple[JobRunner, Any]:
    runner = images_runner(tmp_path / "data", fake, **options)
    job = runner.submit("pics", picture_request())
    return runner, runner.run(job.id)


REFUSED = {  # fault → (job status, error code, words of the message)
    "401": ("failed", "invalid_key", "rejected the API key"),
    "403": ("failed", "no_access", "may not use the model gpt-image-2"),
    "403_verify": ("failed", "no_access", "until its organisation is verified"),
    "400_moderation": ("failed", "moderation_blocked", "refused this picture with its moderation"),
}


@pytest.mark.parametrize("kind", list(REFUSED))
def test_a_refusal_says_why_charges_nothing_and_is_never_retried(tmp_path: Path, fake_images: FakeImages,
                                                                 kind: str) -> None:
    fake_images.fault(kind, times=3)
    runner, job = _run(tmp_path, fake_images)
    status, code, words = REFUSED[kind]
    assert (job.status, job.error_code) == (status, code) and words in job.message, job.message
    assert "Nothing was made or charged" in job.message or "Nothing was charged" in job.message
    assert KEY not in job.message and "Traceback" not in job.message
    assert fake_images.count() == 1 and fake_images.made() == 0  # the SDK did not retry it either
    assert runner.costs.ledger() == [] and runner.costs.state().committed == 0
    assert runner.store.get(job.id).request == picture_request().body  # the request is kept, to make again


def test_an_unverified_organisation_is_told_apart_though_its_code_is_null(tmp_path: Path,
                                                                          fake_images: FakeImages) -> None:
    fake_images.fault("403_verify")
    _runner, job = _run(tmp_path, fake_images)
    plain = "403"
    fake_images.fault(plain)
    _runner2, other = _run(tmp_path / "b", fake_images)
    assert "verified" in job.message and "verified" not in other.message


def test_a_429_made_nothing_so_our_own_retry_waits_for_retry_after_and_sends_again(
        tmp_path: Path, fake_images: FakeImages) -> None:
    fake_images.fault("429", retry_after=0.4)
    runner, job = _run(tmp_path, fake_images)
    assert job.status == "completed", job.message
    first, second = fake_images.requests
    assert second.at - first.at >= 0.4  # Retry-After honoured
    assert fake_images.count() == 2 and fake_images.made() == 1
    (row,) = runner.costs.ledger()
    assert row["amount"] == pytest.approx(fake_images.charged())
    assert any("retry after rate_limited" in detail for _, _, detail in runner.store.events(job.id))


def test_the_sdk_never_retries_a_429_by_itself(tmp_path: Path, fake_images: FakeImages) -> None:
    """With the SDK's default max_retries=2 one generate() call would send up to three requests here."""
    fake_images.fault("429", retry_after=0, times=3)
    runner, job = _run(tmp_path, fake_images, max_attempts=1)
    assert fake_images.count() == 1
    assert job.status == "failed" and "made nothing" in job.message and "nothing was made or charged" in job.message
    assert runner.costs.ledger() == []


@pytest.mark.parametrize("kind", ["500", "reset"])
def test_a_5xx_or_an_answer_cut_off_may_have_been_billed_so_the_person_is_asked(
        tmp_path: Path, fake_images: FakeImages, kind: str) -> None:
    fake_images.fault(kind)
    runner, job = _run(tmp_path, fake_images)
    assert job.status == "needs_decision", job.message
    assert "keeps no list of the pictures it made" in job.message and "gets no id" in job.message
    assert ("answered HTTP 500" if kind == "500" else "cut before the whole answer came") in job.message
    assert f"`healthviz jobs resume {job.id} --resend`" in job.message
    assert f"`healthviz jobs cancel {job.id}`" in job.message
    assert fake_images.count() == 1 and fake_images.made() == 1  # billed once, and never silently resent
    assert runner.costs.ledger() == []
    assert runner.costs.state().committed == pytest.approx(job.estimate)  # still held against the budget
    again = runner.run(job.id)  # driving it again changes nothing: it waits for the person
    assert again.status == "needs_decision" and fake_images.count() == 1


def test_the_person_resends_checked_against_the_budget_and_both_are_counted(tmp_path: Path,
                                                                           fake_images: FakeImages) -> None:
    fake_images.fault("500")
    runner, job = _run(tmp_path, fake_images)
    runner.costs.set_budget(job.estimate * 1.5)  # room for one picture, not for the first and a second
    with pytest.raises(BudgetExceeded):
        runner.resume(job.id, resend=True)
    assert runner.store.get(job.id).status == "needs_decision" and fake_images.count() == 1
    runner.costs.set_budget(None)
    new = runner.resume(job.id, resend=True)
    done = runner.run(new.id)
    assert done.status == "completed" and fake_images.count() == 2 and fake_images.made() == 2
    ledger = {row["job_id"]: row["amount"] for row in runner.costs.ledger()}
    assert ledger[job.id] == pytest.approx(job.estimate)  # the first may have been billed: counted as spent
    assert ledger[new.id] == pytest.approx(usage_dollars(usage_for(picture_request().body)))
    assert runner.store.get(job.id).status == "failed" and "counted as spent" in runner.store.get(job.id).message


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_network_down_is_said_plainly_and_nothing_was_made(tmp_path: Path) -> None:
    nowhere = SimpleNamespace(url=f"http://127.0.0.1:{_closed_port()}")  # nothing listens there
    runner = images_runner(tmp_path / "data", nowhere, max_attempts=3)  # type: ignore[arg-type]
    job = runner.run(runner.submit("pics", picture_request()).id)
    assert job.status == "failed" and job.error_code == "connection"
    assert "check the network connection" in job.message and "nothing was made or charged" in job.message
    assert runner.costs.ledger() == []
    assert len([d for _, _, d in runner.store.events(job.id) if d.startswith("retry after")]) == 2


def test_a_slow_answer_past_the_timeout_may_have_been_billed_so_the_person_is_asked(
        tmp_path: Path, fake_images: FakeImages) -> None:
    from tests.fake_images_server import save_images_provider

    fake_images.fault("slow", delay=1.5)
    runner = images_runner(tmp_path / "data", fake_images)
    save_images_provider(runner.db, fake_images, timeout=0.5)
    job = runner.run(runner.submit("pics", picture_request()).id)
    assert job.status == "needs_decision" and "no answer came back in time" in job.message
    assert fake_images.count() == 1
