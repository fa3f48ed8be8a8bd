"""``healthviz --smoke-test`` from source: the same checks CI runs on the installed binary
(packaging/ci-test.sh), and proof that a failing check fails the run."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop import smoke
from tests.conftest import run_healthviz
from tests.support.require import unavailable

try:
    import PySide6.QtMultimedia  # noqa: F401
    _MISSING: str | None = None
except ImportError as exc:
    _MISSING = f"could not import PySide6.QtMultimedia: {exc}"


@pytest.fixture(autouse=True)
def _qt_multimedia() -> None:
    if _MISSING is not None:
        unavailable(_MISSING)


def _lines(stdout: str) -> dict[str, str]:
    """check name -> its whole line."""
    found = {}
    for line in stdout.splitlines():
        status, _, rest = line.partition(" ")
        if status in ("ok", "FAIL", "skipped"):
            found[rest.strip().partition(":")[0]] = line
    return found


@pytest.mark.slow
def test_the_smoke_test_passes_from_source_and_leaves_nothing_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    before = {p.name for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("healthviz-smoke-*")}
    result = run_healthviz("--smoke-test")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = _lines(result.stdout)
    for name in ("journal", "window", "render", "playback", "keyring"):
        assert lines[name].startswith("ok "), lines[name]
    shown = re.search(r"(\d+) of 24 frames", lines["playback"])
    assert shown and int(shown.group(1)) >= 20, lines["playback"]
    assert "ffmpegmediaplugin" in lines["playback"]
    assert lines["report"].startswith(("ok ", "skipped ")), lines["report"]
    assert lines["c2pa"].startswith(("ok ", "skipped ")), lines["c2pa"]
    assert result.stdout.rstrip().endswith("smoke test passed")
    after = {p.name for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("healthviz-smoke-*")}
    assert after <= before  # its journal and clip were throwaway


def test_smoke_test_takes_no_command() -> None:
    result = run_healthviz("--smoke-test", "info")
    assert result.returncode == 2
    assert "--smoke-test takes no command" in result.stderr


def test_a_failing_check_is_reported_and_fails_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    run = smoke.SmokeRun(Path("."))

    def broken() -> str:
        raise RuntimeError("the renderer is missing")

    def not_built() -> str:
        raise smoke.Skipped("not built")

    run.check("render", broken)
    run.check("report", not_built)
    run.check("keyring", lambda: "SecretService")
    out = capsys.readouterr().out.splitlines()
    assert out == ["FAIL     render: RuntimeError: the renderer is missing", "skipped  report: not built",
                   "ok       keyring: SecretService"]
    assert run.failures == ["render"]


# Qt warns that it has no GPU or sound card; the clip itself is what is checked.
@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) va", r".*No RHI backend.*", r".*(audio|Audio|pulse|ALSA).*",
                           r".*(AV1|av1|dav1d|codec|Codec|decoder|Decoder|hwaccel).*")
def test_playback_fails_when_no_frame_reaches_the_sink(qtbot: Any, tmp_path: Path) -> None:
    """AV1 reaches EndOfMedia with zero frames in Qt's FFmpeg backend: the check must count frames."""
    import av
    import numpy as np

    clip = tmp_path / "av1.mp4"
    with av.open(str(clip), "w") as container:
        stream = container.add_stream("libsvtav1", rate=24)
        stream.width, stream.height, stream.pix_fmt = 640, 360, "yuv420p"
        for i in range(24):
            frame = av.VideoFrame.from_ndarray(np.full((360, 640, 3), i * 8, np.uint8), format="rgb24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    run = smoke.SmokeRun(tmp_path, out=lambda _line: None)
    run.state.update(clip=clip, frames=24)
    with pytest.raises(RuntimeError, match="of 24 frames"):
        smoke.play_clip(run)


# Stopping the player while it opens the file makes FFmpeg say "Immediate exit requested": expected here.
@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) va", r".*No RHI backend.*", r".*(audio|Audio|pulse|ALSA).*",
                           r".*Immediate exit requested.*")
def test_playback_names_the_missing_media_backend_at_once(qtbot: Any, tmp_path: Path) -> None:
    """What Qt says when its FFmpeg plugin did not load is the failure, not a 30 s wait for frames.
    (packaging/ci-test.sh removes the plugin from an installed copy and sees this for real.)"""
    from healthviz_desktop.core.render import render_clip
    from tests.fake_videos_server import scene

    clip = tmp_path / "clip.mp4"
    render_clip(scene(motions=("pulse",)), clip, None, seconds=12, size=(160, 96))  # longer than the limit below
    run = smoke.SmokeRun(tmp_path, out=lambda _line: None)
    run.state.update(clip=clip, frames=288)
    run.qt_messages.append(smoke.NO_BACKEND)
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="No QtMultimedia backends found"):
        smoke.play_clip(run)
    assert time.monotonic() - started < 8  # playing the clip to its end would take 12 s
