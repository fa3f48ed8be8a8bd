"""A create request that got no clear answer (too slow, a cut connection, a gateway's 5xx) is settled by the
service's own list of videos: the video this job made is adopted, and a request that made nothing is sent
again (still one create). Only when the service cannot tell does the person decide, and a resend is then
checked against the budget and counted twice. A clip the service made but lost (410) is final and spent.
Real openai SDK against tests/fake_videos_server.py; the fake charges every video it makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthviz_desktop.core.generation.costs import BudgetExceeded
from tests.fake_videos_server import FakeVideos, HeldClock, request, runner_for


def _ledger_total(runner: object) -> float:
    return round(sum(float(r["amount"]) for r in runner.costs.ledger()), 4)  # type: ignore[attr-defined]


def test_an_answer_that_comes_too_late_is_found_in_the_list_and_adopted(tmp_path: Path, fake: FakeVideos) -> None:
    fake.fault("create", "slow", delay=1.5)  # the service makes the video; the answer comes after we gave up
    runner = runner_for(tmp_path, fake, timeout=0.5, settle=3.0)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    assert fake.count("create") == 1 and fake.made() == 1 and job.remote_id == "video_0001"
    history = [d for _, _, d in runner.store.events(job.id)]
    assert "no clear answer (ambiguous)" in history and "found at the service as video_0001" in history
    assert _ledger_total(runner) == fake.charged() == pytest.approx(0.40)


def test_a_connection_cut_after_the_create_is_settled_the_same_way(tmp_path: Path, fake: FakeVideos) -> None:
    fake.fault("create", "drop")  # made (and paid) at the service; the answer is lost
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed" and fake.count("create") == 1 and fake.made() == 1


def test_a_remix_without_an_answer_is_found_by_its_source(tmp_path: Path, fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake, timeout=0.5, settle=3.0)
    source = runner.run(runner.submit("fake", request(4)).id)
    fake._new_video({**{k: str(v) for k, v in source.request.items()}})  # same words, not a remix: not ours
    fake.fault("remix", "slow", delay=1.5)
    remix = runner.run(runner.remix(source.id, str(source.request["prompt"])).id)
    assert remix.status == "completed", remix.message
    assert fake.count("remix") == 1 and fake.videos[str(remix.remote_id)]["remixed_from_video_id"] == source.remote_id


@pytest.mark.parametrize("code", ["502", "504"])
def test_a_gateway_error_may_hide_a_made_video_which_is_then_adopted(tmp_path: Path, fake: FakeVideos,
                                                                    code: str) -> None:
    fake.fault("create", code, made=True)
    runner = runner_for(tmp_path, fake)
    events: list[str] = []
    runner.subscribe(lambda e: events.append(e.message))
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed" and fake.count("create") == 1 and fake.made() == 1
    checking = "Checking whether it did before anything is sent again"
    assert any(f"answered HTTP {code}" in m and "may have been created" in m and checking in m for m in events)
    assert not any("Nothing was sent that could be charged" in m for m in events)


def test_a_gateway_error_with_nothing_made_is_sent_again_after_the_list_says_so(tmp_path: Path,
                                                                                fake: FakeVideos) -> None:
    fake.fault("create", "502", made=False, times=2)
    runner = runner_for(tmp_path, fake, settle=0.2)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "completed", job.message
    assert fake.count("create") == 3 and fake.made() == 1 and fake.count("list") >= 2
    assert _ledger_total(runner) == fake.charged()


def test_when_every_create_fails_the_message_says_what_the_list_showed(tmp_path: Path, fake: FakeVideos) -> None:
    fake.fault("create", "500", made=False, times=10)
    runner = runner_for(tmp_path, fake, settle=0.0, max_attempts=3)
    job = runner.run(runner.submit("fake", request(4)).id)
    assert job.status == "failed" and fake.count("create") == 3 and fake.made() == 0
    assert "list of videos shows none was made, so nothing was charged" in job.message
    assert runner.costs.ledger() == [] and runner.costs.state().committed == 0


def test_two_videos_that_could_be_this_jobs_leave_the_choice_to_the_person(tmp_path: Path,
                                                                          fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake)
    runner.costs.set_budget(1.00)
    job = runner.submit("fake", request(4))
    fake.fault("create", "drop")
    runner.advance(job.id)  # sent; the answer lost
    fake._new_video({k: str(v) for k, v in job.request.items()})  # another client, the same request
    job = runner.run(job.id)
    assert job.status == "needs_decision" and "has 2 videos this request could have made" in job.message
    assert f"`healthviz jobs resume {job.id} --resend`" in job.message and "budget" in job.message
    assert runner.resume(job.id).status == "needs_decision" and fake.count("create") == 1
    runner.costs.set_budget(0.70)  # 0.40 may already be charged: a second 0.40 would pass 0.70
    with pytest.raises(BudgetExceeded, match="would cost"):
        runner.resume(job.id, resend=True)
    runner.costs.set_budget(1.00)
    again = runner.run(runner.resume(job.id, resend=True).id)
    assert again.id != job.id and again.status == "completed" and fake.count("create") == 2
    first = runner.store.get(job.id)
    assert first.status == "failed" and f"Sent again as job {again.id}" in first.message
    assert sorted(r["job_id"] for r in runner.costs.ledger()) == [job.id, again.id]  # both counted as spent


def test_an_expired_clip_is_final_spent_and_can_be_made_again(tmp_path: Path, fake: FakeVideos) -> None:
    runner = runner_for(tmp_path, fake)
    runner.costs.set_budget(1.00)
    job = runner.submit("fake", request(4))
    while runner.store.get(job.id).status != "downloading":
        runner.advance(job.id)
    fake.expire(str(runner.store.get(job.id).remote_id))
    job = runner.run(job.id)
    assert job.status == "failed" and job.error_code == "expired"
    assert "no longer has this clip (HTTP 410)" in job.message and "Error code" not in job.message
    assert "stays in the ledger as spent" in job.message and f"healthviz jobs remake {job.id}" in job.message
    assert [r["job_id"] for r in runner.costs.ledger()] == [job.id]
    state = runner.costs.state()
    assert state.spent == pytest.approx(0.40) and state.committed == 0  # no longer held against the budget
    downloads = fake.count("content")
    assert runner.run(runner.resume(job.id).id).status == "failed" and fake.count("content") == downloads


def test_a_video_another_job_holds_is_never_adopted_again(tmp_path: Path, fake: FakeVideos,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The same entry sent twice close together. The first send gets a gateway error and makes nothing; the
    second makes video_0001. The first's list shows video_0001 (the very same request, made just after the
    first was sent), but the second job holds it: the first is sent again and gets its own."""
    runner = runner_for(tmp_path, fake, settle=2.0)
    clock = HeldClock(monkeypatch)  # the settle time passes when this test says so, whatever the load
    fake.fault("create", "502", made=False)
    first = runner.submit("fake", request(4))
    assert runner.advance(first.id).job.status == "sending"  # no clear answer
    second = runner.submit("fake", request(4))
    assert runner.advance(second.id).job.remote_id == "video_0001"
    step = runner.advance(first.id)  # its list: video_0001 is the second's, not a match
    assert step.job.status == "sending" and step.job.remote_id is None and fake.count("list") == 1
    clock += 2.0
    assert runner.advance(first.id).job.status == "pending"  # nothing of its own was made: send it again
    clock += 1.0  # past the retry's back-off
    first = runner.run(first.id)
    assert first.status == "completed", first.message
    assert first.remote_id == "video_0002" and fake.count("create") == 3 and fake.made() == 2
    assert runner.run(second.id).remote_id == "video_0001"
    assert _ledger_total(runner) == fake.charged() == pytest.approx(0.80)


def test_a_list_that_does_not_reach_back_to_the_send_leaves_the_choice_to_the_person(
        tmp_path: Path, fake: FakeVideos) -> None:
    """Other clients made so many videos since the send that the pages HealthViz reads do not go back to it:
    the list proves nothing either way, so the request is not sent again on its strength."""
    from healthviz_desktop.core.providers.sora import MAX_LIST_PAGES

    runner = runner_for(tmp_path, fake, settle=0.0)
    job = runner.submit("fake", request(4))
    fake.fault("create", "502", made=False)
    runner.advance(job.id)
    for n in range(MAX_LIST_PAGES * 100 + 1):  # every one newer than the send, none of them this request
        fake._new_video({"prompt": f"another client's video {n}", "model": "sora-2", "seconds": "4",
                         "size": "1280x720"})
    job = runner.run(job.id)
    assert job.status == "needs_decision", job.message
    assert "list of videos does not reach back to when this was sent" in job.message
    assert f"`healthviz jobs resume {job.id} --resend`" in job.message
    assert fake.count("create") == 1 and fake.count("list") == MAX_LIST_PAGES
