"""A clip from an Images job as the person meets it: it plays in Qt's own player with every frame and shows
the picture; it leaves for the doctor with the same visible label, XMP mark and signed C2PA manifest as any
clip; Compose and `healthviz render` offer the provider with each quality's price; bad settings are refused."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import keyring
import numpy as np
import pytest

from healthviz_desktop.core.generation.studio import ClipStudio
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.render import probe_clip
from tests.conftest import sample_entry
from tests.fake_images_server import FakeImages, picture_request, save_images_provider
from tests.fake_videos_server import FAST
from tests.support.require import unavailable
from tests.test_provenance import MemoryKeyring
from tests.ui_helpers import OFFSCREEN_ONLY


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def full_size() -> Iterator[FakeImages]:
    """The fake Images service answering with pictures of the size asked for (1536x1024 here)."""
    server = FakeImages().start()
    yield server
    server.stop()


def _image_job(journal: Journal, fake: FakeImages, seconds: int, clip: tuple[int, int]) -> Any:
    save_images_provider(journal.db, fake)
    studio = ClipStudio(journal, **FAST)
    entry = journal.add(sample_entry())
    job = studio.runner.submit("pics", picture_request(seconds, clip), entry_ids=[entry.id or 0])
    done = studio.drive(job.id)
    assert done.status == "completed", done.message
    return done


@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) va", r".*No RHI backend.*", r".*(audio|Audio|pulse|ALSA).*")
def test_a_clip_from_a_picture_plays_to_the_end_in_qt_with_every_frame_and_shows_the_picture(
        qtbot: Any, journal: Journal, full_size: FakeImages) -> None:
    try:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink
    except ImportError as exc:
        unavailable(f"could not import PySide6.QtMultimedia: {exc}")
    job = _image_job(journal, full_size, 1, (1280, 720))
    decoded = probe_clip(Path(job.clip_path), expect_seconds=1)
    assert (decoded.frames, decoded.width, decoded.height) == (24, 1280, 720)
    player, sink = QMediaPlayer(), QVideoSink()
    player.setVideoSink(sink)
    frames: list[tuple[int, int]] = []
    middle: list[Any] = []

    def on_frame(frame: QVideoFrame) -> None:
        if frame.isValid():
            frames.append((frame.width(), frame.height()))
            if len(frames) == decoded.frames // 2:
                middle.append(frame.toImage())

    sink.videoFrameChanged.connect(on_frame)
    errors: list[str] = []
    player.errorOccurred.connect(lambda _e, text: errors.append(text))
    player.setSource(QUrl.fromLocalFile(str(job.clip_path)))
    player.play()
    qtbot.waitUntil(lambda: player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia or bool(errors),
                    timeout=20_000)
    player.stop()
    assert errors == [] and len(frames) >= decoded.frames * 0.8 and set(frames) == {(1280, 720)}
    image = middle[0]
    left, right = image.pixelColor(60, 360), image.pixelColor(1220, 360)
    assert left.blue() > left.red() + 40 and right.red() > right.blue() + 80  # teal to amber: the picture
    disc = max(image.pixelColor(x, 360).lightness() for x in range(300, 560, 4))
    assert disc > 200  # its bright disc, left of centre


def test_an_image_jobs_clip_leaves_for_the_doctor_labelled_marked_and_signed(
        qapp: Any, journal: Journal, fake_images: FakeImages, cli: Callable[..., Any], tmp_path: Path,
        memory_keyring: MemoryKeyring) -> None:
    from healthviz_desktop.core.provenance.label import first_frame
    from healthviz_desktop.core.provenance.xmp import TRAINED_ALGORITHMIC_MEDIA, digital_source_type
    from healthviz_desktop.reporting.label_art import label_overlay

    job = _image_job(journal, fake_images, 2, (640, 360))
    out = tmp_path / "for-doctor"
    done = cli("export-doctor", "--range", "2026-03-01..2026-03-31", "--clip", str(job.id), "--folder", str(out),
               "--json")
    assert done.code == 0, done.err
    assert json.loads(done.out)["clip"]["trusted"] is True  # the signed C2PA manifest reads back as ours
    exported = out / "ai-illustration.mp4"
    assert probe_clip(exported).frames == 48 and digital_source_type(exported) == TRAINED_ALGORITHMIC_MEDIA
    import av

    with av.open(str(exported)) as container:
        assert "a still by gpt-image-2, animated here" in container.metadata.get("comment", "")
    overlay = label_overlay(640, 360)
    h, w = overlay.rgba.shape[:2]
    box = (slice(overlay.y, overlay.y + h), slice(overlay.x, overlay.x + w))
    labelled, plain = first_frame(exported).astype(int), first_frame(Path(job.clip_path)).astype(int)
    assert np.abs(labelled[box] - plain[box]).mean() > 40  # the visible label, top-right, from frame one
    facts = json.loads((out / "clip-prompt.json").read_text())
    assert (facts["seconds"], facts["size"], facts["model"]) == (2, "640x360", "gpt-image-2")
    assert facts["picture"] == {"size": "1536x1024", "quality": "low"}
    assert "image generator" in facts["note"] and facts["source"] == "2026-03-02"
    assert "Self-reported" in (out / "README.txt").read_text()


@pytest.mark.usefixtures("qapp")
@OFFSCREEN_ONLY
def test_compose_offers_the_picture_provider_with_each_qualitys_price(qtbot: Any, journal: Journal,
                                                                     fake_images: FakeImages) -> None:
    from healthviz_desktop.ui.compose_dialog import ComposeDialog

    save_images_provider(journal.db, fake_images)
    entry = journal.add(sample_entry())
    dlg = ComposeDialog(journal, [], entry_ids=[entry.id or 0])
    qtbot.addWidget(dlg)
    assert dlg.quality.isHidden()  # the local renderer has no picture to price
    dlg.provider.setCurrentIndex(dlg.provider.findData("pics"))
    assert not dlg.quality.isHidden()
    offered = [dlg.quality.itemText(i) for i in range(dlg.quality.count())]
    assert offered == ["Low: $0.005 for a 1536x1024 picture", "Medium: $0.041 for a 1536x1024 picture",
                       "High: $0.165 for a 1536x1024 picture"]
    assert dlg.quality.currentData() == "medium"
    assert [dlg.seconds.itemData(i) for i in range(dlg.seconds.count())] == [4, 8, 12]  # drawn here
    shown = json.loads(dlg.exact.toPlainText())
    assert shown["quality"] == "medium" and shown["size"] == "1536x1024" and "seconds" not in shown
    dlg.quality.setCurrentIndex(dlg.quality.findData("high"))
    dlg.size_box.setCurrentIndex(dlg.size_box.findData("720x1280"))
    shown = json.loads(dlg.exact.toPlainText())
    assert (shown["quality"], shown["size"]) == ("high", "1024x1536")
    assert "this computer brings it to life" in dlg.verdict.text()
    with qtbot.waitSignal(dlg.send_requested, timeout=1000) as sent:
        dlg.send.click()
    order = sent.args[0]
    quote = dlg.studio.quote(order.source, order.choices, order.provider)
    assert quote.outgoing() == shown and quote.estimate.amount == pytest.approx(0.165)
    assert fake_images.count() == 0  # composing and quoting send nothing


def test_render_shows_the_picture_request_and_every_qualitys_price_before_sending(
        journal: Journal, fake_images: FakeImages, cli: Callable[..., Any], tmp_path: Path) -> None:
    save_images_provider(journal.db, fake_images)
    entry = journal.add(sample_entry())
    done = cli("render", "--entry", str(entry.id), "--provider", "pics", "--quality", "low", "-o",
               str(tmp_path / "clip.mp4"))
    assert done.code != 0 and "add --yes" in done.err  # not a terminal: nothing sent without --yes
    shown = json.loads(done.err[done.err.index("{"):done.err.index("}") + 1])
    assert shown["quality"] == "low" and shown["size"] == "1536x1024" and "seconds" not in shown
    assert "about $0.005 (one 1536x1024 picture at low quality" in done.err
    assert "Only the prompt leaves; the 8 s clip is drawn on this computer from the picture" in done.err
    assert "low $0.005, medium $0.041, high $0.165" in done.err
    assert fake_images.count() == 0


@pytest.mark.parametrize(("extra", "words"), [
    (("--sizes", "1000x700"), "multiples of 16"),
    (("--sizes", "3840x768"), "between 1:3 and 3:1"),
    (("--sizes", "4096x2304"), "at most 3840x2160"),
    (("--qualities", "ultra"), "qualities are low, medium and high"),
    (("--model", "other-image-1"), "no published prices here"),
])
def test_picture_settings_it_cannot_use_are_refused_and_nothing_is_saved(cli: Callable[..., Any],
                                                                       extra: tuple[str, ...], words: str) -> None:
    done = cli("providers", "set", "mine", "--kind", "images", "--base-url", "http://127.0.0.1:9/v1", *extra)
    assert done.code != 0 and words in done.err, done.err
    assert "mine" not in [r["name"] for r in json.loads(cli("providers", "list", "--json").out)]


def test_an_images_compatible_endpoint_with_its_own_prices(cli: Callable[..., Any]) -> None:
    done = cli("providers", "set", "gateway", "--kind", "images", "--base-url", "http://127.0.0.1:9/v1",
               "--model", "other-image-1", "--sizes", "1536x864,864x1536", "--prices", "low=0.01,medium=0.02,high=0.04")
    assert done.code == 0, done.err
    row = next(r for r in json.loads(cli("providers", "list", "--json").out) if r["name"] == "gateway")
    assert (row["kind"], row["media"], row["models"], row["sizes"]) == ("images", "image", ["other-image-1"],
                                                                        ["1536x864", "864x1536"])
    assert {(p["quality"], p["size"], p["price"]) for p in row["price_per_picture"]} >= {
        ("medium", "1536x864", 0.02), ("high", "864x1536", 0.04)}
    preset = next(r for r in json.loads(cli("providers", "list", "--json").out) if r["name"] == "openai-images")
    assert preset["media"] == "image" and preset["models"] == ["gpt-image-2"] and preset["available"]
    assert preset["safety_identifier"] is False
