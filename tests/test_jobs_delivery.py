"""A finished clip reaches the path the person asked for, and only once (issue 9: delivery to ``output_path``):
a crash between finishing the clip and copying it there is delivered by the next start, without asking the
service for it again; a clip already delivered is never copied again (the person may have replaced, edited
or moved that file since). Through the runner's public API and the app's own start-up step (``carry_on``),
against the local fake /videos service."""

from __future__ import annotations

import threading
from pathlib import Path

from healthviz_desktop.core.generation.recovery import carry_on, has_open_jobs
from tests.fake_videos_server import FakeVideos, request, runner_for


def _wanted(tmp_path: Path) -> Path:
    folder = tmp_path / "for the doctor"
    folder.mkdir()
    return folder / "migraine week.mp4"


def test_a_clip_made_but_not_yet_copied_is_delivered_when_the_app_starts_again(
        tmp_path: Path, fake: FakeVideos, media: tuple[bytes, bytes]) -> None:
    out = _wanted(tmp_path)
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4), output_path=str(out)).id)
    assert job.status == "completed" and job.delivered_at and out.read_bytes() == media[0]
    # What a kill between the two leaves: the clip is made and in the journal's clips, the copy is not.
    runner.store.update(job.id, delivered_at=None)
    out.unlink()
    runner.db.close()
    downloads = fake.count("content")

    restarted = runner_for(tmp_path, fake)
    assert has_open_jobs(restarted.db)
    recovery = carry_on(restarted, threading.Event())
    assert [(j.id, j.status) for j in recovery.carried_on] == [(job.id, "completed")]
    assert out.read_bytes() == media[0] and restarted.store.get(job.id).delivered_at
    assert fake.count("content") == downloads and fake.count("create") == 1  # from the clip it has
    assert [r["job_id"] for r in restarted.costs.ledger()] == [job.id]  # charged once
    assert not has_open_jobs(restarted.db)


def test_a_delivered_clip_is_never_copied_again(tmp_path: Path, fake: FakeVideos,
                                                media: tuple[bytes, bytes]) -> None:
    out = _wanted(tmp_path)
    runner = runner_for(tmp_path, fake)
    job = runner.run(runner.submit("fake", request(4), output_path=str(out)).id)
    assert job.status == "completed" and out.read_bytes() == media[0]
    out.write_bytes(b"the person's own trimmed copy")  # theirs now
    runner.db.close()

    restarted = runner_for(tmp_path, fake)
    assert not carry_on(restarted, threading.Event()).anything  # the next start has nothing to do
    again = restarted.run(job.id)  # and driving it by hand (`jobs resume`) changes nothing either
    assert again.status == "completed" and again.delivered_at == restarted.store.get(job.id).delivered_at
    assert out.read_bytes() == b"the person's own trimmed copy"
    assert [d for _, _, d in restarted.store.events(job.id)].count(f"delivered to {out}") == 1
