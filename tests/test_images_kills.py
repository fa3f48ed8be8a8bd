"""Real `healthviz render --provider pics` processes (an Images provider, against the fake Images service)
killed with SIGKILL while the paid request is out, and while the clip is being drawn from the picture; then
`healthviz jobs resume` (another real process). A request that went out and got no saved answer is never
sent again silently: the job says why it cannot be settled with the service and asks."""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from healthviz_desktop.core.render import probe_clip
from tests.fake_images_server import FakeImages, save_images_provider
from tests.support.clip_processes import run, spawn

pytestmark = pytest.mark.slow


def _prepare(data_dir: Path, fake: FakeImages) -> int:
    from healthviz_desktop.core.journal import Journal
    from tests.conftest import sample_entry

    journal = Journal.open(data_dir)
    try:
        save_images_provider(journal.db, fake, key=None, timeout=30.0)
        entry_id = journal.add(sample_entry()).id
        assert entry_id is not None
        return entry_id
    finally:
        journal.close()


def _render(data_dir: Path, entry: int, out: Path) -> object:
    return spawn(data_dir, "render", "--entry", str(entry), "--provider", "pics", "--seconds", "4",
                 "--quality", "low", "--yes", "-o", str(out))


def _jobs(data_dir: Path) -> list[tuple[int, str, str | None]]:
    conn = sqlite3.connect(data_dir / "journal.sqlite3")
    try:
        return [(int(r[0]), str(r[1]), r[2]) for r in conn.execute(
            "SELECT id, status, still_path FROM generation_job ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.parametrize("held", ["hang", "hang_after"], ids=["before the picture was made", "made, answer held"])
def test_killed_while_the_request_is_out_the_job_asks_and_never_resends_silently(
        tmp_path: Path, fake_images: FakeImages, held: str) -> None:
    data, out = tmp_path / "data", tmp_path / "clip.mp4"
    entry = _prepare(data, fake_images)
    fake_images.fault(held, delay=120)
    proc = _render(data, entry, out)
    deadline = time.monotonic() + 60
    while not fake_images.holding.is_set():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()  # type: ignore[attr-defined]
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)  # type: ignore[attr-defined]
    proc.communicate(timeout=60)  # type: ignore[attr-defined]
    fake_images.release_hold()
    assert _jobs(data) == [(1, "sending", None)]
    resumed = run(data, "jobs", "resume", "1")
    assert resumed.returncode != 0  # it did not finish: it waits for the person
    assert "needs decision" in resumed.stderr + resumed.stdout
    assert "keeps no list of the pictures it made" in resumed.stderr + resumed.stdout
    assert "`healthviz jobs resume 1 --resend`" in resumed.stderr + resumed.stdout
    again = run(data, "jobs", "resume")  # carrying on everything still does not send it
    assert again.returncode != 0 or "needs decision" in again.stdout + again.stderr
    assert fake_images.count() == 1 and not out.exists()
    assert _jobs(data) == [(1, "needs_decision", None)]
    ledger = run(data, "jobs", "ledger", "--json")
    assert json.loads(ledger.stdout) == []
    # the person decides: sent again (checked against the budget), both counted as spent
    resent = run(data, "jobs", "resume", "1", "--resend")
    assert resent.returncode == 0, resent.stdout + resent.stderr
    assert fake_images.count() == 2 and out.exists() and probe_clip(out, expect_seconds=4).frames == 96
    rows = json.loads(run(data, "jobs", "ledger", "--json").stdout)
    assert sorted(r["job_id"] for r in rows) == [1, 2]


def test_killed_while_drawing_the_clip_resume_draws_it_from_the_kept_picture(tmp_path: Path,
                                                                             fake_images: FakeImages) -> None:
    data, out = tmp_path / "data", tmp_path / "clip.mp4"
    entry = _prepare(data, fake_images)
    proc = _render(data, entry, out)
    killed = False
    for _ in range(3000):  # until the picture is kept and the clip is being drawn, then kill it there
        if proc.poll() is not None:  # type: ignore[attr-defined]
            break
        rows = _jobs(data) if (data / "journal.sqlite3").exists() else []
        if rows and rows[0][1] == "downloading" and rows[0][2]:
            time.sleep(0.3)
            proc.send_signal(signal.SIGKILL)  # type: ignore[attr-defined]
            killed = True
            break
        time.sleep(0.01)
    proc.communicate(timeout=60)  # type: ignore[attr-defined]
    assert killed, "the clip was drawn before it could be killed"
    assert not out.exists() and fake_images.count() == 1
    resumed = run(data, "jobs", "resume")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert probe_clip(out, expect_seconds=4).frames == 96
    assert fake_images.count() == 1  # nothing sent or paid again
    rows = json.loads(run(data, "jobs", "ledger", "--json").stdout)
    assert len(rows) == 1 and rows[0]["amount"] == pytest.approx(fake_images.charged())
