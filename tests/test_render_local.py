"""The local renderer: the picture expresses the data (measured on the pixels), and the MP4 it writes is
a real H.264 clip that PyAV decodes frame by frame."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from healthviz_desktop.core.database import Database
from healthviz_desktop.core.generation.runner import JobRunner
from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.core.render import probe_clip, render_clip
from healthviz_desktop.core.render.clip import PLAYABLE_CODECS
from healthviz_desktop.core.render.motions import LAYERS, MODIFIERS
from healthviz_desktop.core.render.scene_draw import SceneDrawer
from healthviz_desktop.core.scene import ArcPoint, PaletteColour, SceneSpec
from tests.fake_videos_server import request, scene


def _luma(frame: np.ndarray) -> float:
    return float((frame.astype(np.float32) @ np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)).mean())


def _frames(spec: SceneSpec, seconds: float = 4.0, size: tuple[int, int] = (320, 180)) -> list[np.ndarray]:
    drawer = SceneDrawer(spec, *size, seconds=seconds)
    return [drawer.frame(i) for i in range(drawer.frame_count)]


def test_severity_makes_the_motif_brighter_and_larger() -> None:
    mild, severe = (_frames(scene(intensity=v, motions=()), seconds=1)[12] for v in (0.2, 0.9))
    assert _luma(severe) > _luma(mild) * 1.3
    lit = [(f.max(axis=2) > 128).mean() for f in (mild, severe)]
    assert lit[1] > lit[0] * 1.5


def test_the_motif_beats_at_pulse_hz() -> None:
    spec = replace(scene(intensity=0.7, motions=()), pulse_hz=1.5)
    series = np.array([_luma(f) for f in _frames(spec, seconds=4)])
    spectrum = np.abs(np.fft.rfft(series - series.mean()))
    freqs = np.fft.rfftfreq(series.size, d=1 / 24)
    assert freqs[int(np.argmax(spectrum))] == pytest.approx(1.5, abs=0.26)
    still = [_luma(f) for f in _frames(replace(spec, pulse_hz=0.0), seconds=1)]
    assert max(still) - min(still) < 0.5  # no pulse: a steady light


def test_the_palette_colours_the_light() -> None:
    def tint(hexes: tuple[str, ...]) -> np.ndarray:
        spec = replace(scene(motions=()), palette=tuple(PaletteColour(f"c{i}", h) for i, h in enumerate(hexes)))
        return _frames(spec, seconds=0.5)[6].reshape(-1, 3).astype(np.float32).mean(axis=0)

    blue = tint(("#2050ff", "#40a0ff", "#050510"))
    red = tint(("#ff3020", "#ff8040", "#100505"))
    assert blue[2] > blue[0] * 1.5 and red[0] > red[2] * 1.5


def test_the_trend_arc_shapes_the_clip_and_is_drawn_along_the_bottom() -> None:
    rising = replace(scene(motions=()), pulse_hz=0.0, arc=(ArcPoint(0.0, 0.1), ArcPoint(1.0, 0.9)))
    falling = replace(rising, arc=(ArcPoint(0.0, 0.9), ArcPoint(1.0, 0.1)))
    for spec, sign in ((rising, 1), (falling, -1)):
        frames = _frames(spec, seconds=2)
        early, late = _luma(frames[2]), _luma(frames[-3])
        assert (late - early) * sign > 5
    plain = _frames(replace(rising, arc=(), intensity=0.1), seconds=0.5)[0]  # same light as at t=0
    with_arc = _frames(rising, seconds=0.5)[0]
    rows = with_arc.shape[0]
    band, top = slice(int(rows * 0.80), rows), slice(0, int(rows * 0.5))  # the timeline sits at the bottom
    assert np.abs(with_arc[band].astype(int) - plain[band].astype(int)).sum() > 50
    assert np.array_equal(with_arc[top], plain[top])


def test_the_region_places_the_motif() -> None:
    def brightest_row(region: str) -> float:
        frame = _frames(replace(scene(motions=()), region=region), seconds=0.5)[0]
        return float(np.argmax(frame.astype(np.float32).sum(axis=(1, 2)))) / frame.shape[0]

    assert brightest_row("crown") < 0.35 < brightest_row("core")


@pytest.mark.parametrize("motion", sorted(set(LAYERS) | set(MODIFIERS)))
def test_every_motion_changes_the_picture(motion: str) -> None:
    plain = _frames(scene(intensity=0.8, motions=()), seconds=1)
    moved = _frames(scene(intensity=0.8, motions=(motion,)), seconds=1)
    diff = np.mean([np.abs(a.astype(int) - b.astype(int)).mean() for a, b in zip(plain, moved, strict=True)])
    assert diff > 0.5, motion


def test_a_render_is_deterministic() -> None:
    spec = scene(motions=("embers", "arcs", "static"))
    a, b = _frames(spec, seconds=0.5), _frames(spec, seconds=0.5)
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("size", [(1280, 720), (720, 1280)])
def test_render_clip_writes_h264_that_pyav_decodes(tmp_path: Path, size: tuple[int, int]) -> None:
    import av

    out, thumb = tmp_path / "clip.mp4", tmp_path / "thumb.png"
    progress: list[float] = []
    render_clip(scene(), out, thumb, seconds=1, size=size, on_progress=progress.append)
    info = probe_clip(out, expect_seconds=1)
    assert (info.codec, info.width, info.height, info.frames) == ("h264", *size, 24)
    assert info.codec in PLAYABLE_CODECS and info.seconds == pytest.approx(1.0, abs=0.05)
    assert progress[-1] == 1.0 and len(progress) == 24
    with av.open(str(out)) as container:
        assert "not a medical image" in container.metadata.get("comment", "")
        assert container.streams.video[0].average_rate == 24
    assert thumb.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_cancelled_render_leaves_no_file(tmp_path: Path) -> None:
    from healthviz_desktop.core.render import RenderCancelled

    stop = threading.Event()
    out = tmp_path / "clip.mp4"
    with pytest.raises(RenderCancelled):
        render_clip(scene(), out, None, seconds=1, size=(320, 180),
                    on_progress=lambda p: stop.set() if p > 0.3 else None, cancelled=stop.is_set)
    assert not out.exists()


@pytest.mark.slow
def test_the_local_provider_delivers_a_free_clip_through_a_durable_job(tmp_path: Path) -> None:
    db = Database.open(DataPaths.at(tmp_path))
    runner = JobRunner(db)
    req = request(4)
    job = runner.run(runner.submit("local", replace(req, body={**req.body, "model": "healthviz-local-1"})).id)
    assert job.status == "completed" and job.estimate == 0
    info = probe_clip(Path(str(job.clip_path)), expect_seconds=4)
    assert (info.width, info.height, info.frames) == (1280, 720, 96)
    assert job.thumb_path and job.thumb_path.endswith(".png")
    assert runner.costs.ledger() == []
    with pytest.raises(Exception, match="cannot make this clip"):
        runner.submit("local", replace(req, body={**req.body, "seconds": "5"}))
    db.close()
