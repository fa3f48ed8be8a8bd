"""`healthviz render`, `jobs`, `keys` and `providers` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.render import probe_clip
from tests.conftest import run_healthviz
from tests.fake_videos_server import scene


@pytest.mark.slow
def test_render_an_entry_locally_and_list_the_job(cli: Any, tmp_path: Path) -> None:
    r = cli("entry", "add", "--at", "2026-03-03T09:30:00+01:00", "--notes", "Dark room helped.",
            "--symptom", "migraine severity=8 qualities=throbbing area=temples", "--json")
    assert r.code == 0, r.err
    entry_id = str(json.loads(r.out)["id"])
    out = tmp_path / "moment.mp4"
    r = cli("render", "--entry", entry_id, "--seconds", "4", "-o", str(out))
    assert r.code == 0, r.err
    info = probe_clip(out, expect_seconds=4)
    assert (info.codec, info.width, info.height, info.frames) == ("h264", 1280, 720, 96)
    r = cli("jobs", "list", "--json")
    (job,) = json.loads(r.out)
    assert job["status"] == "completed" and job["provider"] == "local" and job["estimate"] == 0


def test_render_a_scene_file_in_portrait(cli: Any, tmp_path: Path) -> None:
    spec = tmp_path / "scene.json"
    spec.write_text(json.dumps(scene(4, width=720, height=1280).to_dict()))
    out = tmp_path / "portrait.mp4"
    r = cli("render", "--scene", str(spec), "--seconds", "4", "--size", "720x1280", "-o", str(out))
    assert r.code == 0, r.err
    assert (probe_clip(out).width, probe_clip(out).height) == (720, 1280)


def test_refusals_are_one_plain_line(cli: Any, tmp_path: Path) -> None:
    spec = tmp_path / "scene.json"
    spec.write_text(json.dumps(scene().to_dict()))
    out = str(tmp_path / "x.mp4")
    r = cli("render", "--scene", str(spec), "--seconds", "5", "-o", out)
    assert r.code == 1 and "5 s is not offered" in r.err
    assert cli("providers", "set", "svc", "--base-url", "http://127.0.0.1:9").code == 0
    r = cli("render", "--scene", str(spec), "--provider", "svc", "--seconds", "4", "-o", out)
    assert r.code == 1 and "local renderer only" in r.err
    r = cli("render", "--scene", str(spec), "--provider", "nope", "-o", out)
    assert r.code == 1 and "no provider called 'nope'" in r.err
    r = cli("jobs", "budget", "5")
    assert r.code == 0 and "$5.00 monthly budget" in r.out
    listed = json.loads(cli("providers", "list", "--json").out)
    openai = next(p for p in listed if p["name"] == "openai")
    assert openai["available"] is False and openai["reason"] == "shut down by OpenAI on 2026-09-24"


def test_a_key_is_never_taken_from_the_command_line(data_dir: Path) -> None:
    proc = run_healthviz("--data-dir", str(data_dir), "keys", "set", "fake", "test-key")
    assert proc.returncode == 2 and "unrecognized arguments" in proc.stderr


def test_provider_settings_that_would_carry_something_identifying_are_not_saved(cli: Any, data_dir: Path) -> None:
    """The base URL and model name go out with every request, so `providers set` puts them through the
    firewall: a name or an ID-like number in the URL's path or the model, or a private term anywhere."""
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.settings import Settings, save_settings

    save_settings(DataPaths.at(data_dir).ensure().settings, Settings(private_terms=["Amara Quell"]))
    for args in (["--base-url", "https://api.example.com/v1/jonah-whitfield"],
                 ["--base-url", "https://api.example.com/u/4481229/v1"],
                 ["--base-url", "https://amara-quell.example.org/v1"],
                 ["--base-url", "https://api.example.com/v1", "--model", "sora-edna"]):
        r = cli("providers", "set", "svc", *args)
        assert r.code == 1 and "provider svc not saved: blocked: " in r.err, (args, r.err)
    assert "svc" not in [p["name"] for p in json.loads(cli("providers", "list", "--json").out)]
    assert cli("providers", "set", "svc", "--base-url", "https://api.example.com/v1").code == 0
    assert "svc" in [p["name"] for p in json.loads(cli("providers", "list", "--json").out)]
