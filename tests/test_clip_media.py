"""What the player learns about a clip before showing it (core/clip_media.py), the player's settings and the
``healthviz play`` command's refusals. Real files: clips encoded with PyAV, settings on disk."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.clip_media import ClipProvenance, probe_playable, provenance_from_file
from healthviz_desktop.core.settings import Settings, load_settings, save_settings
from tests.support.clips import av1_clip, counter_clip


def test_an_h264_clip_is_playable_with_its_shape_rate_and_length(tmp_path: Path) -> None:
    probe = probe_playable(counter_clip(tmp_path / "c.mp4", size=(180, 320)))
    assert probe.playable and probe.problem == ""
    assert (probe.codec, probe.width, probe.height, probe.fps) == ("h264", 180, 320, 24.0)
    assert probe.portrait and abs(probe.seconds - 2.0) < 0.05


def test_an_av1_clip_is_named_as_what_the_player_cannot_decode(tmp_path: Path) -> None:
    probe = probe_playable(av1_clip(tmp_path / "a.mp4"))
    assert not probe.playable and probe.codec == "av1"  # the format's name, not PyAV's decoder (libdav1d)
    assert probe.problem == "it is encoded as AV1, which this player cannot decode"
    assert probe.width == 320  # what the file is still shows beside the message


def test_files_that_are_not_playable_video_say_why(tmp_path: Path) -> None:
    import av

    text = tmp_path / "notes.mp4"
    text.write_text("not a video")
    assert "not a readable video" in probe_playable(text).problem
    assert probe_playable(tmp_path / "gone.mp4").problem == "the clip file is missing (gone.mp4)"
    sound = tmp_path / "sound.m4a"
    with av.open(str(sound), "w", format="mp4") as out:
        stream: Any = out.add_stream("aac", rate=48000)
        import numpy as np

        frame = av.AudioFrame.from_ndarray(np.zeros((1, 1024), dtype=np.float32), format="fltp", layout="mono")
        frame.sample_rate = 48000
        for packet in [*stream.encode(frame), *stream.encode(None)]:
            out.mux(packet)
    assert probe_playable(sound).problem == "the file has no video in it"
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    assert not probe_playable(empty).playable


def test_provenance_read_from_the_renderers_mark_or_unknown(tmp_path: Path) -> None:
    from healthviz_desktop.core.render import render_clip
    from tests.fake_videos_server import scene

    local = tmp_path / "local.mp4"
    render_clip(scene(seconds=1, motions=("pulse",)), local, None, seconds=1, size=(320, 180))
    made = provenance_from_file(local)
    assert made.provider == "This computer (local renderer)"
    assert made.made_at is not None and abs(made.made_at.timestamp() - local.stat().st_mtime) < 1
    assert provenance_from_file(counter_clip(tmp_path / "c.mp4")).provider == "unknown (opened from a file)"


def test_provenance_rows_name_the_maker_model_and_date() -> None:
    when = datetime.fromisoformat("2026-11-30T14:05:00+01:00")
    assert ClipProvenance("Service", "sora-2", when).lines() == [
        ("Made by", "Service"), ("Model", "sora-2"), ("Made on", "30 November 2026, 14:05")]
    assert ClipProvenance("").lines() == [("Made by", "unknown"), ("Made on", "unknown")]


def test_player_speed_and_safe_video_are_kept_and_bad_values_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(player_speed=1.5, safe_video=True, private_terms=["Alex Example"]))
    loaded = load_settings(path)
    assert (loaded.player_speed, loaded.safe_video, loaded.private_terms) == (1.5, True, ["Alex Example"])
    raw = json.loads(path.read_text())
    raw["player_speed"] = 2  # a whole number in JSON is still a speed
    path.write_text(json.dumps(raw))
    assert load_settings(path).player_speed == 2.0
    raw["player_speed"] = 3.0  # not one of the speeds offered: back to normal, the rest kept
    path.write_text(json.dumps(raw))
    loaded = load_settings(path)
    assert loaded.player_speed == 1.0 and loaded.safe_video is True and loaded.private_terms == ["Alex Example"]
    with pytest.raises(ValueError, match="player speed"):
        save_settings(path, Settings(player_speed=0.3))


def test_the_player_remembers_its_speed_without_overwriting_an_unreadable_settings_file(tmp_path: Path) -> None:
    from healthviz_desktop.ui.player.prefs import PlayerPrefs

    path = tmp_path / "settings.json"
    save_settings(path, Settings(private_terms=["Alex Example"]))
    settings = load_settings(path)
    prefs = PlayerPrefs(settings, path)
    prefs.remember_speed(0.5)
    assert load_settings(path).player_speed == 0.5 and load_settings(path).private_terms == ["Alex Example"]
    assert settings.player_speed == 0.5  # the window's own copy, so a later Settings save keeps it
    path.write_text("{ not json")
    broken = load_settings(path)
    PlayerPrefs(broken, path).remember_speed(2.0)
    assert path.read_text() == "{ not json"  # never written over by the way: it may hold private terms


def test_play_refuses_a_missing_clip_and_a_bad_date(cli: Callable[..., Any], tmp_path: Path) -> None:
    missing = cli("play", str(tmp_path / "nothing.mp4"))
    assert missing.code == 1 and "there is no file" in missing.err
    bad = cli("play", str(counter_clip(tmp_path / "c.mp4", frames=4)), "--made", "yesterday")
    assert bad.code == 2 and "is not a date" in bad.err
