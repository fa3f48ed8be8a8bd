"""The local renderer: the picture follows the data and the prompt's timeline (measured on the pixels), and
the MP4 it writes is a real H.264 yuv420p clip with exact frame counts that PyAV decodes frame by frame."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from healthviz_desktop.core.database import Database
from healthviz_desktop.core.generation.runner import JobRunner
from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.core.prompting.composer import compose_moment
from healthviz_desktop.core.render import RenderCancelled, probe_clip, render_clip
from healthviz_desktop.core.render.clip import PLAYABLE_CODECS
from healthviz_desktop.core.render.scene_draw import SceneDrawer
from healthviz_desktop.core.scene import ArcPoint, PaletteColour, SceneSpec
from tests.fake_videos_server import request, scene

SMALL = (320, 180)


def _canvas(spec: SceneSpec, index: int, size: tuple[int, int] = SMALL, seconds: float | None = None) -> np.ndarray:
    drawer = SceneDrawer(spec, *size, seconds=seconds)
    drawer.draw(index)
    return drawer.surface.toarray()[..., 2::-1].astype(np.float32)  # BGRA -> RGB


def _series(spec: SceneSpec, seconds: float, size: tuple[int, int] = SMALL) -> list[np.ndarray]:
    drawer = SceneDrawer(spec, *size, seconds=seconds)
    out = []
    for i in range(drawer.frame_count):
        drawer.draw(i)
        out.append(drawer.surface.toarray()[..., 2::-1].astype(np.float32))
    return out


def _luma(frame: np.ndarray) -> float:
    return float((frame @ np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)).mean())


def test_severity_makes_the_subject_brighter_and_larger() -> None:
    mild, severe = (_canvas(scene(intensity=v, motions=()), 12) for v in (0.2, 0.9))
    lit = [(f.max(axis=2) > 170).mean() for f in (mild, severe)]
    assert lit[1] > lit[0] * 1.3
    assert _luma(severe) > _luma(mild) + 2


def test_the_subject_beats_at_pulse_hz() -> None:
    spec = replace(scene(intensity=0.7, motions=("pulse",)), pulse_hz=1.5)
    series = np.array([_luma(f) for f in _series(spec, 4)])
    steps = np.arange(series.size)
    series -= np.polyval(np.polyfit(steps, series, 2), steps)  # the slow push-in and build are not the beat
    spectrum = np.abs(np.fft.rfft(series))
    freqs = np.fft.rfftfreq(series.size, d=1 / 24)
    band = freqs >= 0.9  # the beat is the strongest rhythm faster than the slow moves
    assert freqs[band][int(np.argmax(spectrum[band]))] == pytest.approx(1.5, abs=0.26)


def test_the_palette_colours_the_light() -> None:
    def tint(hexes: tuple[str, ...]) -> np.ndarray:
        spec = replace(scene(motions=()), palette=tuple(PaletteColour(f"c{i}", h) for i, h in enumerate(hexes)))
        return _canvas(spec, 6).reshape(-1, 3).mean(axis=0)

    blue = tint(("#2050ff", "#40a0ff", "#050510", "#c0d8ff"))
    red = tint(("#ff3020", "#ff8040", "#100505", "#ffd8c0"))
    assert blue[2] > blue[0] * 1.3 and red[0] > red[2] * 1.3


def test_the_region_places_the_subject() -> None:
    def light_row(region: str) -> float:
        frame = _canvas(replace(scene(motions=()), region=region), 0)
        rows = np.nonzero(frame.min(axis=2) > 235)[0]  # the white-hot heart of the light
        return float(rows.mean()) / frame.shape[0]

    assert light_row("crown") < 0.42 < light_row("core")


def _migraine(relief: str | None = "complete", trigger: str = "stress") -> SceneSpec:
    entry = Entry(datetime(2026, 5, 1, 9, tzinfo=UTC), triggers=[trigger],
                  observations=[Observation("migraine", 7, ["throbbing", "pressing"], "temples", duration_minutes=200)],
                  doses=[Dose("ibuprofen", relief=relief)] if relief else [])
    spec = compose_moment(entry).spec
    return replace(spec, width=SMALL[0], height=SMALL[1])


def test_the_spec_carries_the_keys_the_prompt_names() -> None:
    spec = _migraine()
    assert (spec.cue, spec.relief, spec.family, spec.region) == ("stress", "complete", "headache", "crown")


def test_the_relief_tide_comes_in_the_last_beat_and_the_scene_clears() -> None:
    """Beat 3 (5-8 s) says 'a cool blue tide washes in and the scene clears into calm': the frame turns
    blue only after 5 s, and the subject is much fainter at the end than before the tide."""
    with_relief, without = _migraine("complete"), _migraine(None)

    def blueness(spec: SceneSpec, t: float) -> float:
        f = _canvas(spec, round(t * 24))
        return float((f[..., 2] - f[..., 0]).mean())

    for t in (1.0, 3.0, 4.8):
        assert abs(blueness(with_relief, t) - blueness(without, t)) < 1.0
    assert blueness(with_relief, 7.5) > blueness(without, 7.5) + 8

    def core_light(spec: SceneSpec, t: float) -> float:
        f = _canvas(spec, round(t * 24))
        h, w = f.shape[:2]
        return float(f[int(h * 0.25):int(h * 0.45), int(w * 0.4):int(w * 0.6)].max(axis=2).mean())

    assert core_light(with_relief, 7.9) < core_light(with_relief, 4.0) - 25


def test_the_trigger_cue_opens_the_clip_and_is_gone_after_beat_1() -> None:
    cued, plain = _migraine(trigger="exercise"), _migraine(trigger="no such trigger")
    assert plain.cue == ""

    def differ(t: float) -> float:
        return float(np.abs(_canvas(cued, round(t * 24)) - _canvas(plain, round(t * 24))).max(axis=2).mean())

    assert differ(0.8) > 1.0
    assert differ(4.0) == 0.0


def test_a_calmer_month_visibly_calms() -> None:
    """A settling trend: the storm over the top of the frame is heavy at the start and gone at the end."""
    trend = replace(scene(motions=()), mode="trend", shape="settling", pulse_hz=0.5,
                    arc=(ArcPoint(0.0, 0.85), ArcPoint(1.0, 0.15)))
    early, late = _canvas(trend, 5, seconds=8), _canvas(trend, 185, seconds=8)
    top = slice(0, SMALL[1] // 5)
    rain_early = np.abs(np.diff(early[top].mean(axis=2), axis=1)).mean()
    rain_late = np.abs(np.diff(late[top].mean(axis=2), axis=1)).mean()
    assert _luma(early[top]) < _luma(late[top]) - 3 or rain_early > rain_late * 1.5


def test_a_render_is_deterministic() -> None:
    spec = scene(motions=("embers", "arcs", "static"))
    a = SceneDrawer(spec, *SMALL, seconds=0.5)
    b = SceneDrawer(spec, *SMALL, seconds=0.5)
    assert all(np.array_equal(a.frame(i), b.frame(i)) for i in range(a.frame_count))


def test_an_overlay_is_drawn_top_right_on_every_frame() -> None:
    label = np.zeros((20, 60, 4), np.uint8)
    label[..., 0], label[..., 3] = 255, 255
    drawer = SceneDrawer(scene(motions=()), *SMALL, seconds=0.5, overlay=label)
    for i in (0, drawer.frame_count - 1):
        frame = drawer.frame(i).astype(int)
        corner = frame[8:20, SMALL[0] - 50:SMALL[0] - 20]
        assert corner[..., 0].mean() > 200 and corner[..., 1].mean() < 60


def test_motion_and_relief_layers_draw_over_a_still_backdrop() -> None:
    """Issue 16's still image: the scene is replaced by the picture, the motion and relief layers stay."""
    picture = np.zeros((90, 160, 3), np.uint8)
    picture[..., 1] = 160  # flat green
    calm = SceneDrawer(replace(scene(motions=()), style="clay"), *SMALL, seconds=2, backdrop=picture)
    moving = SceneDrawer(replace(scene(motions=("embers", "ripple")), style="clay"), *SMALL, seconds=2,
                         backdrop=picture)
    still_frame = calm.frame(24).astype(int)
    assert abs(still_frame[..., 1].mean() - 160) < 12 and still_frame[..., 0].mean() < 30  # the picture itself
    assert np.abs(moving.frame(24).astype(int) - still_frame).max(axis=2).mean() > 1.0


@pytest.mark.parametrize("size", [(1280, 720), (720, 1280)])
def test_render_clip_writes_h264_yuv420p_with_exact_frames(tmp_path: Path, size: tuple[int, int]) -> None:
    import av

    out, thumb = tmp_path / "clip.mp4", tmp_path / "thumb.png"
    progress: list[float] = []
    info = render_clip(scene(), out, thumb, seconds=1, size=size, on_progress=progress.append)
    probed = probe_clip(out, expect_seconds=1)
    assert (probed.codec, probed.width, probed.height, probed.frames) == ("h264", *size, 24) == \
        (info.codec, info.width, info.height, info.frames)
    assert probed.codec in PLAYABLE_CODECS and probed.seconds == pytest.approx(1.0, abs=0.05)
    assert progress[-1] == 1.0 and len(progress) == 24
    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.pix_fmt == "yuv420p" and stream.average_rate == 24
        assert "not a medical image" in container.metadata.get("comment", "")
    assert thumb.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.mp4", "thumb.png"]  # no temporary left


def test_a_render_never_leaves_a_partial_file_under_its_final_name(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    seen: list[bool] = []
    render_clip(scene(), out, None, seconds=1, size=SMALL, on_progress=lambda p: seen.append(out.exists()))
    assert seen and not any(seen) and out.exists()  # only the finished clip ever has the name


def test_a_cancelled_render_leaves_no_file(tmp_path: Path) -> None:
    stop = threading.Event()
    out = tmp_path / "clip.mp4"
    with pytest.raises(RenderCancelled):
        render_clip(scene(), out, None, seconds=1, size=SMALL,
                    on_progress=lambda p: stop.set() if p > 0.3 else None, cancelled=stop.is_set)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_render_keeps_the_clip_that_was_there(tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    render_clip(scene(), out, None, seconds=1, size=SMALL)
    before = out.read_bytes()
    with pytest.raises(RenderCancelled):
        render_clip(replace(scene(), style="clay"), out, None, seconds=1, size=SMALL, cancelled=lambda: True)
    assert out.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["clip.mp4"]


def test_odd_sizes_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="even sides"):
        render_clip(scene(), tmp_path / "clip.mp4", None, seconds=1, size=(321, 180))
    assert list(tmp_path.iterdir()) == []


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
