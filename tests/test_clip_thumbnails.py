"""Clip thumbnails: the first keyframe, scaled, cached on disk by path + mtime + size (core/clip_thumbnails.py),
and made off the GUI thread with newest requests first (ui/thumbnails.py). Real clips encoded with PyAV."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.clip_thumbnails import ThumbnailCache, ThumbnailError, fit
from tests.support.clips import counter_clip, level
from tests.ui_helpers import OFFSCREEN_ONLY


def _jpeg_pixels(path: Path) -> tuple[int, int, int]:
    """Width, height and the centre's red level of a cached JPEG, decoded with PyAV."""
    import av

    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
        rgb = frame.to_ndarray(format="rgb24")
    return frame.width, frame.height, int(rgb[rgb.shape[0] // 2, rgb.shape[1] // 2, 0])


def test_fit_keeps_the_aspect_inside_the_box_with_even_sides() -> None:
    assert fit(1280, 720, (320, 180)) == (320, 180)
    assert fit(720, 1280, (320, 180)) == (102, 180)
    assert fit(1792, 1024, (320, 180)) == (316, 180)
    assert fit(160, 90, (320, 180)) == (160, 90)  # never scaled up


def test_a_thumbnail_is_the_first_keyframe_scaled_and_kept_on_disk(tmp_path: Path) -> None:
    clip = counter_clip(tmp_path / "land.mp4", size=(640, 360))
    portrait = counter_clip(tmp_path / "port.mp4", size=(360, 640))
    cache = ThumbnailCache(tmp_path / "thumbs")
    made = cache.get(clip)
    assert made.parent.parent == tmp_path / "thumbs" and made.suffix == ".jpg"
    width, height, red = _jpeg_pixels(made)
    assert (width, height) == (320, 180) and abs(red - level(0)) <= 4  # frame 0, the first keyframe
    assert _jpeg_pixels(cache.get(portrait))[:2] == (102, 180)
    assert cache.cached(clip) == made
    assert (tmp_path / "thumbs").stat().st_mode & 0o777 == 0o700
    assert made.stat().st_mode & 0o777 == 0o600


def test_a_cached_thumbnail_is_not_decoded_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import healthviz_desktop.core.clip_thumbnails as thumbs

    clip = counter_clip(tmp_path / "c.mp4")
    cache = ThumbnailCache(tmp_path / "thumbs")
    first = cache.get(clip)

    def no_decoding(_clip: Path) -> Any:
        raise AssertionError("decoded although cached")

    monkeypatch.setattr(thumbs, "_first_keyframe", no_decoding)
    assert cache.get(clip) == first
    assert ThumbnailCache(tmp_path / "thumbs").get(clip) == first  # also in a new session


def test_a_changed_or_replaced_clip_gets_a_new_thumbnail(tmp_path: Path) -> None:
    clip = counter_clip(tmp_path / "c.mp4", frames=24)
    cache = ThumbnailCache(tmp_path / "thumbs")
    old = cache.get(clip)
    st = clip.stat()
    os.utime(clip, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert cache.cached(clip) is None  # touched: not the same version any more
    counter_clip(tmp_path / "other.mp4", frames=30).replace(clip)  # replaced under the same name
    new = cache.get(clip)
    assert new != old and new.is_file()
    moved = tmp_path / "moved.mp4"
    clip.rename(moved)
    assert cache.cached(moved) is None and cache.cached(clip) is None
    assert ThumbnailCache(tmp_path / "thumbs", box=(160, 90)).key(moved) != cache.key(moved)  # size matters


def test_a_clip_without_a_picture_raises_with_the_reason(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.mp4"
    bogus.write_bytes(b"\x00" * 4096)
    cache = ThumbnailCache(tmp_path / "thumbs")
    with pytest.raises(ThumbnailError, match="not a readable video"):
        cache.get(bogus)
    with pytest.raises(ThumbnailError, match="cannot be read"):
        cache.get(tmp_path / "gone.mp4")
    assert not list((tmp_path / "thumbs").glob("**/*.jpg"))


def test_workers_making_the_same_thumbnail_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    clip = counter_clip(tmp_path / "c.mp4", size=(640, 360))
    cache = ThumbnailCache(tmp_path / "thumbs")
    results: list[Path] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get(clip))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1
    assert [p.name for p in (tmp_path / "thumbs").glob("*/*")] == [results[0].name]  # no temp files left
    assert _jpeg_pixels(results[0])[:2] == (320, 180)


def test_prune_keeps_the_most_recently_used(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path / "thumbs")
    made = [cache.get(counter_clip(tmp_path / f"c{i}.mp4", frames=4)) for i in range(5)]
    for age, path in enumerate(reversed(made)):
        os.utime(path, (1_000_000 - age * 1000, 1_000_000 - age * 1000))
    assert cache.prune(keep=2) == 3
    assert sorted(p.name for p in (tmp_path / "thumbs").glob("*/*.jpg")) == sorted(p.name for p in made[-2:])


@OFFSCREEN_ONLY
def test_the_loader_decodes_off_the_gui_thread_and_posts_images_back(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QThread

    from healthviz_desktop.ui.thumbnails import ThumbnailLoader

    clips = [counter_clip(tmp_path / f"c{i}.mp4", frames=4 + i) for i in range(4)]
    bogus = tmp_path / "bogus.mp4"
    bogus.write_bytes(b"nope" * 100)
    loader = ThumbnailLoader(ThumbnailCache(tmp_path / "thumbs"))
    ready: dict[str, Any] = {}
    failed: dict[str, str] = {}
    threads: set[Any] = set()
    loader.ready.connect(lambda clip, image: (ready.__setitem__(clip, image), threads.add(QThread.currentThread())))
    loader.failed.connect(failed.__setitem__)
    loader.request([*clips, bogus, clips[0]])  # one asked twice is made once
    qtbot.waitUntil(lambda: len(ready) + len(failed) == 5, timeout=20_000)
    qtbot.wait(100)
    assert sorted(ready) == sorted(map(str, clips))
    assert all(image.width() == 320 and image.height() == 180 for image in ready.values())
    assert abs(ready[str(clips[0])].pixelColor(160, 90).red() - level(0)) <= 4
    assert "not a readable video" in failed[str(bogus)]
    assert threads == {loader.thread()}  # signals arrive on the GUI thread, whichever thread decoded


@OFFSCREEN_ONLY
def test_the_newest_request_goes_first_and_forgotten_ones_are_not_made(qtbot: Any, tmp_path: Path) -> None:
    from healthviz_desktop.ui.thumbnails import ThumbnailLoader

    clips = [counter_clip(tmp_path / f"c{i}.mp4", size=(640, 360), frames=4) for i in range(8)]
    loader = ThumbnailLoader(ThumbnailCache(tmp_path / "thumbs"), threads=1)
    order: list[str] = []
    loader.ready.connect(lambda clip, _image: order.append(clip))
    loader.request(clips[:6])
    loader.request([clips[7]])  # the person scrolled: this one is on screen now
    qtbot.waitUntil(lambda: len(order) == 7, timeout=20_000)
    names = [str(c) for c in clips]
    # Only the one already being made may come before it; the rest follow in the order asked for.
    assert order in ([names[0], names[7], *names[1:6]], [names[7], *names[:6]])

    order.clear()
    fresh = [counter_clip(tmp_path / f"d{i}.mp4", size=(640, 360), frames=4) for i in range(6)]
    loader.request(fresh)
    loader.forget()
    assert loader.pending() == 0
    loader.wait()
    qtbot.wait(100)
    assert len(order) <= 1  # only one already under way when forgotten


def test_the_thumbnail_cache_counts_as_healthvizs_own_in_the_data_folder(tmp_path: Path) -> None:
    """A data folder holding only what HealthViz keeps there is tightened to 0700; the cache must not make
    it look like someone else's busy folder."""
    from healthviz_desktop.core.paths import DataPaths

    paths = DataPaths.at(tmp_path / "data").ensure()
    ThumbnailCache(paths.thumbnails).get(counter_clip(tmp_path / "c.mp4", frames=4))
    paths.root.chmod(0o755)
    paths.ensure()
    assert paths.root.stat().st_mode & 0o777 == 0o700
