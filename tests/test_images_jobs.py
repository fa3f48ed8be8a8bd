"""An Images job from the quote to the clip: what goes out (the prompt, declared values, no identity unless
turned on), what it costs (the estimate from the published table, the ledger from the answer's usage, the
monthly budget), the picture kept beside the clip, the clip drawn from it here, and what a crash leaves."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.generation.costs import BudgetExceeded
from healthviz_desktop.core.generation.problems import JobRefused
from healthviz_desktop.core.generation.studio import ClipChoices, ClipSource, ClipStudio
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.render import probe_clip
from tests.conftest import REPO, sample_entry
from tests.fake_images_server import (
    FakeImages,
    images_runner,
    picture_request,
    save_images_provider,
    usage_dollars,
    usage_for,
)
from tests.fake_videos_server import FAST

SENT = {"model", "prompt", "size", "quality", "n", "output_format"}


def _studio(journal: Journal, fake: FakeImages, **options: Any) -> ClipStudio:
    save_images_provider(journal.db, fake, **options)
    return ClipStudio(journal, **FAST)


def test_a_picture_job_keeps_the_picture_beside_the_clip_and_charges_what_the_answer_says(
        tmp_path: Path, fake_images: FakeImages) -> None:
    runner = images_runner(tmp_path, fake_images)
    request = picture_request(2, (320, 180))
    job = runner.run(runner.submit("pics", request).id)
    assert job.status == "completed", job.message
    clips = tmp_path / "clips"
    still, clip = Path(str(job.still_path)), Path(str(job.clip_path))
    assert still == clips / f"{job.uid}.still.png" and clip == clips / f"{job.uid}.mp4"  # side by side
    assert still.read_bytes() == fake_images.picture("1536x1024")  # the very picture the service sent
    assert still.stat().st_mode & 0o777 == 0o600 and clip.stat().st_mode & 0o777 == 0o600
    info = probe_clip(clip, expect_seconds=2)
    assert (info.codec, info.width, info.height, info.frames) == ("h264", 320, 180, 48)  # exact frames
    assert job.thumb_path and Path(job.thumb_path).read_bytes()[:4] == b"\x89PNG"
    assert list((clips / ".received").iterdir()) == [] and list((clips / ".partial").iterdir()) == []
    (row,) = runner.costs.ledger()
    billed = usage_dollars(usage_for(request.body))
    assert row["amount"] == pytest.approx(billed) == pytest.approx(fake_images.charged())
    assert row["amount"] != pytest.approx(job.estimate)  # the ledger is the answer's usage, not the estimate
    assert job.estimate == pytest.approx(0.005)  # low quality 1536x1024, from the published table
    assert runner.costs.state().committed == 0
    assert fake_images.count() == 1
    summary = job.summary()
    assert (summary["seconds"], summary["size"], summary["picture"]) == (2, "320x180", {"size": "1536x1024",
                                                                                      "quality": "low"})
    assert summary["still"] == str(still)


def test_only_the_prompt_and_declared_values_go_out_and_no_identity_by_default(
        journal: Journal, fake_images: FakeImages, tmp_path: Path) -> None:
    entry = journal.add(sample_entry(notes="Jonah Whitfield came by", tags=["Oakridge"]))
    studio = _studio(journal, fake_images)
    quote = studio.quote(ClipSource.moment(entry.id or 0), ClipChoices(seconds=4), "pics")
    composed = studio.compose(ClipSource.moment(entry.id or 0), ClipChoices(seconds=4), "pics")
    assert quote.outgoing() == {"model": "gpt-image-2", "prompt": composed.prompt, "size": "1536x1024",
                                "quality": "medium", "n": 1, "output_format": "png"}
    job = studio.drive(studio.send(quote, output=tmp_path / "clip.mp4").id)
    assert job.status == "completed", job.message
    (seen,) = fake_images.requests
    assert seen.fields == quote.outgoing() and set(seen.fields) == SENT  # never `user`, never an image
    assert "Jonah" not in json.dumps(seen.fields) and "Oakridge" not in json.dumps(seen.fields)
    assert probe_clip(tmp_path / "clip.mp4", expect_seconds=4).frames == 96


def test_the_outbound_check_still_stops_an_edited_prompt_for_a_picture(journal: Journal,
                                                                       fake_images: FakeImages) -> None:
    entry = journal.add(sample_entry())
    studio = _studio(journal, fake_images)
    source = ClipSource.moment(entry.id or 0)
    composed = studio.compose(source, ClipChoices(), "pics")
    with pytest.raises(JobRefused, match="prompt firewall stopped this request"):
        studio.quote(source.edited(composed.prompt + " Call Dr. Jonah Whitfield on 555-010-2233."),
                     ClipChoices(), "pics")
    assert fake_images.count() == 0


@pytest.mark.parametrize(("clip", "picture"), [("1280x720", "1536x1024"), ("720x1280", "1024x1536")])
@pytest.mark.parametrize(("quality", "price"), [("low", 0.005), ("medium", 0.041), ("high", 0.165)])
def test_the_picture_follows_the_clips_shape_and_its_price_the_quality_chosen(
        journal: Journal, fake_images: FakeImages, clip: str, picture: str, quality: str, price: float) -> None:
    entry = journal.add(sample_entry())
    studio = _studio(journal, fake_images)
    quote = studio.quote(ClipSource.moment(entry.id or 0), ClipChoices(size=clip, quality=quality), "pics")
    assert quote.outgoing()["size"] == picture and quote.outgoing()["quality"] == quality
    assert quote.estimate.amount == pytest.approx(price)
    assert f"one {picture} picture at {quality} quality" in quote.estimate.describe()
    assert quote.request.spec.width == int(clip.split("x")[0])  # the clip is drawn at the size asked for


def test_a_quality_or_a_clip_it_cannot_make_is_refused_before_anything_is_written(
        journal: Journal, fake_images: FakeImages) -> None:
    entry = journal.add(sample_entry())
    studio = _studio(journal, fake_images)
    source = ClipSource.moment(entry.id or 0)
    with pytest.raises(JobRefused, match="offers medium, low, high quality"):
        studio.quote(source, ClipChoices(quality="ultra"), "pics")
    with pytest.raises(JobRefused, match="cannot make this clip"):
        studio.quote(source, ClipChoices(size="1792x1024"), "pics")  # a size this computer does not draw
    with pytest.raises(JobRefused, match="not part of a picture request"):
        studio.runner.submit("pics", picture_request(user="someone"))
    assert studio.jobs() == [] and fake_images.count() == 0


def test_the_monthly_budget_stops_a_picture_before_it_is_sent(journal: Journal, fake_images: FakeImages) -> None:
    entry = journal.add(sample_entry())
    studio = _studio(journal, fake_images)
    studio.costs.set_budget(0.10)
    quote = studio.quote(ClipSource.moment(entry.id or 0), ClipChoices(quality="high"), "pics")
    assert quote.over_budget and "$0.165" in quote.over_budget
    with pytest.raises(BudgetExceeded):
        studio.send(quote)
    assert studio.jobs() == [] and fake_images.count() == 0


def test_a_safety_identifier_goes_only_when_turned_on_and_is_a_random_value_for_this_install(
        journal: Journal, fake_images: FakeImages, cli: Callable[..., Any]) -> None:
    entry = journal.add(sample_entry())
    source, choices = ClipSource.moment(entry.id or 0), ClipChoices()
    base = ("providers", "set", "pics", "--kind", "images", "--base-url", fake_images.url)
    assert cli(*base).code == 0
    studio = ClipStudio(journal, **FAST)
    assert "safety_identifier" not in studio.quote(source, choices, "pics").outgoing()
    assert cli(*base, "--safety-identifier", "on").code == 0
    first = ClipStudio(journal, **FAST).quote(source, choices, "pics").outgoing()["safety_identifier"]
    assert re.fullmatch(r"hv-[0-9a-f]{32}", first)
    assert cli(*base, "--label", "Pictures").code == 0  # changed otherwise: the same value, still on
    assert ClipStudio(journal, **FAST).quote(source, choices, "pics").outgoing()["safety_identifier"] == first
    listed = json.loads(cli("providers", "list", "--json").out)
    row = next(r for r in listed if r["name"] == "pics")
    assert row["safety_identifier"] is True and first not in json.dumps(listed)  # the value is never shown
    assert cli(*base, "--safety-identifier", "off").code == 0
    assert "safety_identifier" not in ClipStudio(journal, **FAST).quote(source, choices, "pics").outgoing()
    assert cli(*base, "--safety-identifier", "on").code == 0
    assert ClipStudio(journal, **FAST).quote(source, choices, "pics").outgoing()["safety_identifier"] != first


def test_a_picture_that_arrived_before_a_kill_is_found_here_not_bought_again(tmp_path: Path,
                                                                             fake_images: FakeImages) -> None:
    """The answer was kept (the provider writes it before returning) but the job row still said sending."""
    from datetime import UTC, datetime, timedelta

    runner = images_runner(tmp_path, fake_images)
    request = picture_request()
    job = runner.submit("pics", request)
    sent = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    runner.store.update(job.id, status="sending", sent_at=sent)
    picture_id, _ = runner.providers.get("pics").submit(request)  # the answer arrives; then the kill
    assert fake_images.count() == 1
    (found,) = runner.recover()
    assert found.status == "sending" and "looks for the picture on this computer" in found.message
    done = runner.run(job.id)
    assert done.status == "completed" and done.remote_id == picture_id, done.message
    assert fake_images.count() == 1 and len(runner.costs.ledger()) == 1


def test_stopped_while_drawing_the_clip_it_carries_on_from_the_kept_picture(tmp_path: Path,
                                                                            fake_images: FakeImages) -> None:
    runner = images_runner(tmp_path, fake_images)
    job = runner.submit("pics", picture_request(2, (320, 180)))
    stop = threading.Event()

    def stop_halfway(event: Any) -> None:
        if event.status == "downloading" and event.progress >= 0.5:
            stop.set()

    runner.subscribe(stop_halfway)
    stopped = runner.run(job.id, stop)
    assert stopped.status == "downloading" and stopped.still_path and not stopped.clip_path
    assert len(runner.costs.ledger()) == 1  # the picture is paid for as soon as it is kept
    runner.unsubscribe(stop_halfway)
    done = runner.run(job.id)
    assert done.status == "completed" and probe_clip(Path(str(done.clip_path))).frames == 48
    assert fake_images.count() == 1 and len(runner.costs.ledger()) == 1


FILL_DISK = r"""
import resource, signal, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from healthviz_desktop.core.providers.image_store import PNG_MAGIC, ReceivedPictures
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))  # a disk with 64 KB left for one file
store = ReceivedPictures(Path(sys.argv[2]))
try:
    store.keep(PNG_MAGIC + bytes(300 * 1024), {"prompt": "p"}, usage=None, cost=None)
except OSError as exc:
    print("refused", exc.errno)
"""


def test_a_picture_is_kept_whole_or_not_at_all_when_the_disk_fills(tmp_path: Path) -> None:
    """A picture half-written under its name would be found after a crash and drawn from: never."""
    folder = tmp_path / "received"
    done = subprocess.run([sys.executable, "-c", FILL_DISK, str(REPO), str(folder)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.stdout.startswith("refused"), done.stdout + done.stderr
    assert sorted(p.name for p in folder.iterdir()) == []  # no picture, no record, no temporary file
