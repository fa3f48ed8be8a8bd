"""The drawing helper (core/render/draw_helper.py): a render that shares its drawing with a second process
writes the very same clip, a helper that dies costs only speed, and a cancel leaves no file and no process."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from healthviz_desktop.core.render import RenderCancelled, draw_helper, probe_clip, render_clip
from healthviz_desktop.core.render.draw_helper import DrawHelper, HelperFailed
from tests.fake_videos_server import scene

SIZE = (320, 180)


def _overlay() -> np.ndarray:
    label = np.zeros((20, 60, 4), np.uint8)
    label[..., :3], label[..., 3] = 230, 180
    return label


def test_a_split_render_writes_the_same_clip_byte_for_byte(tmp_path: Path) -> None:
    spec = scene(motions=("pulse", "embers", "sparkle"))
    single, split = tmp_path / "single.mp4", tmp_path / "split.mp4"
    backdrop = np.linspace(0, 255, 90 * 160 * 3).astype(np.uint8).reshape(90, 160, 3)
    for out, mode in ((single, False), (split, True)):
        render_clip(spec, out, out.with_suffix(".png"), seconds=2, size=SIZE, split=mode, overlay=_overlay(),
                    backdrop=backdrop)
    assert probe_clip(split).frames == 48
    assert split.read_bytes() == single.read_bytes()  # 2 in 3 after the 12th drawn elsewhere, yet identical
    assert split.with_suffix(".png").read_bytes() == single.with_suffix(".png").read_bytes()


def test_long_renders_split_and_short_ones_do_not(monkeypatch: pytest.MonkeyPatch) -> None:
    assert draw_helper.splits(draw_helper.MIN_FRAMES, cores=4)
    assert not draw_helper.splits(draw_helper.MIN_FRAMES - 1, cores=4)
    assert not draw_helper.splits(draw_helper.MIN_FRAMES * 10, cores=2)  # the encoder has the second core
    for allowed, splits in ((2, False), (8, True)):  # by default: the cores this process may run on
        monkeypatch.setattr(draw_helper.os, "sched_getaffinity", lambda _pid, n=allowed: set(range(n)))
        assert draw_helper.splits(draw_helper.MIN_FRAMES) is splits


def test_a_helper_that_dies_costs_only_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            caplog: pytest.LogCaptureFixture) -> None:
    single, split = tmp_path / "single.mp4", tmp_path / "split.mp4"
    render_clip(scene(), single, None, seconds=1, size=SIZE, split=False)
    monkeypatch.setattr(sys, "executable", "/bin/false")  # the helper exits at once, sending nothing
    render_clip(scene(), split, None, seconds=1, size=SIZE, split=True)
    assert split.read_bytes() == single.read_bytes()  # this process drew the helper's frames itself
    assert "drawing the rest in one process" in caplog.text and "stopped (EOFError)" in caplog.text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["single.mp4", "split.mp4"]


def test_a_helper_error_is_reported_with_its_reason() -> None:
    helper = DrawHelper(scene(), *SIZE, fps=24, seconds=1, overlay=np.zeros((4, 4), np.uint8))  # not an image
    try:
        with pytest.raises(HelperFailed, match="failed: ValueError: an image must be an RGB or RGBA array"):
            helper.receive()
    finally:
        helper.close()


def test_a_cancelled_split_render_stops_its_helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[DrawHelper] = []
    original = DrawHelper.__init__

    def recording(self: DrawHelper, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        started.append(self)

    monkeypatch.setattr(DrawHelper, "__init__", recording)
    stop = threading.Event()
    out = tmp_path / "clip.mp4"
    with pytest.raises(RenderCancelled):
        render_clip(scene(), out, None, seconds=3, size=SIZE, split=True,
                    on_progress=lambda p: stop.set() if p > 0.3 else None, cancelled=stop.is_set)
    assert list(tmp_path.iterdir()) == []
    assert len(started) == 1 and started[0]._process.poll() is not None  # no helper left running


@pytest.mark.parametrize("style", ["abstract_3d", "watercolour", "paper_cutout", "clay", "scientific_illustration"])
def test_a_frame_never_shows_what_the_canvas_held_before(style: str) -> None:
    """Each process keeps its own canvas and draws only its own frames, so a frame that let the previous
    one show through (the out-of-focus far layer's edges once did) would differ between processes."""
    from dataclasses import replace

    from healthviz_desktop.core.render.scene_draw import SceneDrawer

    spec = replace(scene(2, motions=("pulse", "haze")), style=style)
    drawer = SceneDrawer(spec, *SIZE)
    for index in (0, 30):
        drawn = []
        for before in (0xFFFF00FF, 0xFF00FF00, 0):
            drawer.surface.getCanvas().clear(before)
            drawer.draw(index)
            drawn.append(drawer.surface.toarray().copy())
        assert all(np.array_equal(drawn[0], other) for other in drawn[1:]), f"{style} frame {index}"
