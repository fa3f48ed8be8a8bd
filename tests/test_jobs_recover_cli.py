"""Through the CLI: `render`, `jobs list` and `jobs resume` first find the jobs a crash left. A request caught
mid-send says so truthfully and `jobs resume` settles it with the service's list of videos; a job the
service cannot account for waits for the person, named with its real id; a missing key at send time
stalls the job, and `jobs resume` finishes it once the key is there."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core import keys
from tests.fake_videos_server import FakeVideos, request, runner_for


@pytest.fixture
def fake(media: tuple[bytes, bytes]) -> Iterator[FakeVideos]:
    server = FakeVideos(*media).start()
    server.create_poll_after_ms = 10  # the CLI's default first wait is 2 s
    yield server
    server.stop()


def _crashed_while_sending(data_dir: Path, fake: FakeVideos, *, made: bool = False) -> int:
    """A job whose request was going out when the process died (the row says sending, no id came back)."""
    runner = runner_for(data_dir, fake)
    job = runner.submit("fake", request(4))
    runner.store.update(job.id, status="sending", sent_at=datetime.now(UTC).isoformat())
    if made:  # the service got it and made the video; its answer died with the process
        fake._new_video({k: str(v) for k, v in job.request.items()})
    runner.db.close()
    return job.id


def _decision(job_id: int) -> str:
    return f"`healthviz jobs resume {job_id} --resend`"


def test_jobs_list_says_what_is_true_of_a_send_cut_off_by_a_crash(cli: Callable[..., Any], data_dir: Path,
                                                                  fake: FakeVideos) -> None:
    job_id = _crashed_while_sending(data_dir, fake)
    r = cli("jobs", "list")
    assert r.code == 0 and "sending" in r.out
    assert f"`healthviz jobs resume {job_id}` asks the service whether it made the clip" in r.out
    assert fake.requests == []  # listing asks nobody


@pytest.mark.parametrize("made", [True, False])
def test_jobs_resume_settles_a_cut_off_send_with_the_service(cli: Callable[..., Any], data_dir: Path,
                                                            fake: FakeVideos, made: bool) -> None:
    job_id = _crashed_while_sending(data_dir, fake, made=made)
    r = cli("jobs", "resume", str(job_id))
    assert r.code == 0, r.out + r.err
    assert f"job {job_id}: completed" in r.out
    assert fake.made() == 1 and fake.count("create") == (0 if made else 1)  # adopted, or sent once
    (ledger,) = json.loads(cli("jobs", "ledger", "--json").out)
    assert ledger["amount"] == pytest.approx(fake.charged())


def test_jobs_resume_names_each_job_that_needs_a_decision_and_does_not_exit_0(
        cli: Callable[..., Any], data_dir: Path, fake: FakeVideos) -> None:
    job_id = _crashed_while_sending(data_dir, fake, made=True)
    fake.fault("list", "unsupported", times=20)
    r = cli("jobs", "resume")
    assert r.code == 5
    assert f"job {job_id}: needs decision Fake fake cannot list its videos (HTTP 404)" in r.out
    assert _decision(job_id) in r.out and "resume ID" not in r.out
    assert fake.count("create") == 0
    (job,) = json.loads(cli("jobs", "resume", "--json").out)  # and again: still waiting, never resent
    assert job["status"] == "needs_decision" and fake.count("create") == 0
    r = cli("jobs", "resume", str(job_id))  # one job, no --resend: says the choice, exit 5
    assert r.code == 5 and _decision(job_id) in r.err and fake.count("create") == 0


def test_render_first_says_which_jobs_wait_for_the_person(cli: Callable[..., Any], data_dir: Path,
                                                          fake: FakeVideos, tmp_path: Path) -> None:
    waiting = _crashed_while_sending(data_dir, fake, made=True)
    fake.fault("list", "unsupported", times=20)
    assert cli("jobs", "resume", str(waiting)).code == 5
    cut_off = _crashed_while_sending(data_dir, fake)
    added = cli("entry", "add", "--at", "2026-03-03T09:30:00+01:00", "--notes", "Dark room helped.",
                "--symptom", "migraine severity=7 qualities=throbbing area=temples", "--json")
    out = tmp_path / "clip.mp4"
    r = cli("render", "--entry", str(json.loads(added.out)["id"]), "--provider", "fake", "--seconds", "4",
            "--yes", "-o", str(out))
    assert r.code == 0, r.err
    assert f"note: job {waiting} needs your decision" in r.err and _decision(waiting) in r.err
    assert f"note: job {cut_off}: HealthViz stopped while this request was going out" in r.err
    assert out.exists() and fake.count("create") == 1  # the new clip only; neither old job is sent


def test_a_missing_key_at_send_time_stalls_the_job_and_resume_finishes_it(
        cli: Callable[..., Any], data_dir: Path, fake: FakeVideos, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = runner_for(data_dir, fake, name="keyless", key=None)
    job = runner.run(runner.submit("keyless", request(4)).id)
    assert job.status == "stalled" and job.error_code == "key_missing"
    assert "healthviz keys set keyless" in job.message and f"healthviz jobs resume {job.id}" in job.message
    assert fake.requests == []
    runner.db.close()
    assert "stalled" in cli("jobs", "list").out  # listing does not resume it behind the person's back
    monkeypatch.setitem(keys._SESSION, "keyless", "test-key")  # the key is there now (this session only)
    r = cli("jobs", "resume", str(job.id))
    assert r.code == 0, r.out + r.err
    assert f"job {job.id}: completed" in r.out
    assert fake.count("create") == 1


def test_render_remix_remixes_an_earlier_clip_at_the_same_service(cli: Callable[..., Any], data_dir: Path,
                                                                  fake: FakeVideos, tmp_path: Path) -> None:
    runner = runner_for(data_dir, fake)
    first = runner.run(runner.submit("fake", request(4)).id)
    assert first.status == "completed" and first.remote_id
    runner.db.close()
    added = cli("entry", "add", "--at", "2026-03-03T09:30:00+01:00",
                "--symptom", "migraine severity=3 qualities=throbbing area=temples", "--json")
    entry = str(json.loads(added.out)["id"])
    out = tmp_path / "remix.mp4"
    # no --seconds: the remix comes back at the source's 4 s, so that is what is composed, shown and priced
    r = cli("render", "--entry", entry, "--provider", "fake", "--yes", "--remix", str(first.id), "-o", str(out))
    assert r.code == 0, r.err
    assert out.exists() and fake.count("create") == 1 and fake.count("remix") == 1
    remix = fake.seen("remix")[0]
    assert remix.path.endswith(f"/videos/{first.remote_id}/remix") and set(remix.fields) == {"prompt"}
    shown = r.err.split("leaves your computer for")[1].split("Cost:")[0]
    assert f"a remix of the service's video {first.remote_id}" in shown and '"seconds"' not in shown
    assert "0.40" in r.err.split("Cost:")[1].splitlines()[0]  # 4 s at the fake's 0.10 a second, not 8 s
    # refused before anything is sent: a local job, or another service
    local = cli("render", "--entry", entry, "--seconds", "4", "-o", str(tmp_path / "l.mp4"))
    local_id = local.err.split("job ")[1].split(":")[0]
    other = runner_for(data_dir, fake, name="other")
    other.db.close()
    for args, why in ((["--provider", "fake", "--remix", local_id], "Only a clip made by a video service"),
                      (["--provider", "local", "--remix", str(first.id)], "Only a clip made by a video service"),
                      (["--provider", "other", "--remix", str(first.id)], "remix it there with --provider fake")):
        bad = cli("render", "--entry", entry, "--seconds", "4", "--yes", *args, "-o", str(tmp_path / "x.mp4"))
        assert bad.code == 1 and why in bad.err and "Traceback" not in bad.err
    assert fake.count("remix") == 1 and fake.count("create") == 1
