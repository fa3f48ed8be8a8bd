"""Real `healthviz render` processes stopped with SIGKILL or SIGINT at each stage of making a clip, against the
fake /videos service, with the journal in a real SQLite file; then `healthviz jobs resume` (another real
process) carries on. Issue 9: item 2 (a kill between the create request and saving the service's id),
item 3 (what Ctrl-C says is true, and resume does carry on), item 5 (the clip reaches the -o path)."""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.fake_videos_server import FakeVideos
from tests.support.clip_processes import STAGES, prepare, render, run, spawn, stop_after, stop_at

pytestmark = pytest.mark.slow


def _jobs(data_dir: Path) -> list[tuple[int, str, str | None, str | None]]:
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        return [tuple(r) for r in conn.execute(  # type: ignore[misc]
            "SELECT id, status, output_path, delivered_at FROM generation_job ORDER BY id")]
    finally:
        conn.close()


def _ledger_total(data_dir: Path) -> float:
    listed = run(data_dir, "jobs", "ledger", "--json")
    assert listed.returncode == 0, listed.stderr
    return round(sum(float(r["amount"]) for r in json.loads(listed.stdout)), 4)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
@pytest.mark.parametrize("stage", list(STAGES))
def test_stopped_at_each_stage_resume_delivers_the_one_clip_to_the_requested_path(
        tmp_path: Path, fake: FakeVideos, media: tuple[bytes, bytes], stage: str, sig: int) -> None:
    data = tmp_path / "data"
    entry = prepare(data, fake)
    out = tmp_path / "for the doctor.mp4"
    reached, code, err = stop_at(fake, render(data, entry, out), stage, sig)
    assert reached, err
    assert "Traceback" not in err
    if sig == signal.SIGINT:
        assert code == 130, err
        if stage.startswith("create"):  # item 3: the message says what is true, and what carries on
            assert "`healthviz jobs resume 1` asks the service whether it made the clip" in err
            assert _jobs(data)[0][1] == "sending"
    else:
        assert code == -signal.SIGKILL
    assert not out.exists()
    resumed = run(data, "jobs", "resume", "1")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert f"job 1: completed {out}" in resumed.stdout
    assert out.read_bytes() == media[0]  # item 5: at the path the person asked for
    (job,) = _jobs(data)
    assert job[1] == "completed" and job[2] == str(out) and job[3]
    assert fake.made() == 1  # item 2: one video made (and paid for) at the service, however it was stopped
    assert _ledger_total(data) == fake.charged() == pytest.approx(0.40)
    if stage == "create sent, nothing made yet":
        assert fake.count("create") == 2  # the first never reached the service's work: the list said so
    else:
        assert fake.count("create") == 1


def test_a_local_clip_killed_while_drawing_is_drawn_to_its_path_on_resume(tmp_path: Path, fake: FakeVideos) -> None:
    data = tmp_path / "data"
    entry = prepare(data, fake)
    out = tmp_path / "local.mp4"
    proc = render(data, entry, out, provider="local")
    killed = False
    for _ in range(400):  # until it is drawing (the job row says downloading), then kill it there
        if proc.poll() is not None:
            break
        rows = _jobs(data) if (data / "journal.sqlite3").exists() else []
        if rows and rows[0][1] == "downloading":
            killed, _code, _err = stop_after(proc, 0.05)
            break
        time.sleep(0.01)
    assert killed, "the render finished before it could be killed"
    assert not out.exists()
    resumed = run(data, "jobs", "resume")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert out.exists() and _jobs(data)[0][3]
    assert fake.requests == []


def test_a_second_kill_while_resume_asks_the_service_still_makes_one_clip(tmp_path: Path, fake: FakeVideos,
                                                                           media: tuple[bytes, bytes]) -> None:
    data = tmp_path / "data"
    entry = prepare(data, fake)
    out = tmp_path / "clip.mp4"
    assert stop_at(fake, render(data, entry, out), "create made, answer not back", signal.SIGKILL)[0]
    fake.fault("list", "hang_after", delay=120)  # the resume is killed while it reads the service's list
    proc = spawn(data, "jobs", "resume")
    while not fake.holding.is_set():
        assert proc.poll() is None, proc.communicate()
    proc.kill()
    proc.communicate(timeout=60)
    fake.release_hold()
    resumed = run(data, "jobs", "resume")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert out.read_bytes() == media[0] and fake.made() == 1 and fake.count("create") == 1
