"""`healthviz render -o FILE`: a place the clip cannot go is refused before anything is rendered or paid
for; and if the final copy still fails, the message says where the finished clip is kept."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.fake_videos_server import FakeVideos, runner_for, scene


@pytest.fixture
def entry(cli: Callable[..., Any], data_dir: Path, fake: FakeVideos) -> str:
    """An entry, and a paid provider "fake" (with a session key) pointing at the fake service."""
    runner_for(data_dir, fake).db.close()
    r = cli("entry", "add", "--at", "2026-03-03T09:30:00+01:00", "--notes", "Dark room helped.",
            "--symptom", "migraine severity=7 qualities=throbbing area=temples", "--json")
    assert r.code == 0, r.err
    return str(json.loads(r.out)["id"])


def test_a_missing_output_folder_is_refused_before_anything_is_sent(cli: Callable[..., Any], entry: str,
                                                                  fake: FakeVideos, tmp_path: Path) -> None:
    out = tmp_path / "nonexistent" / "dir" / "x.mp4"
    r = cli("render", "--entry", entry, "--provider", "fake", "--seconds", "4", "--yes", "-o", str(out))
    assert r.code == 1
    assert f"The folder {out.parent} does not exist" in r.err and "Nothing was rendered or sent" in r.err
    assert ".part" not in r.err
    assert fake.requests == []
    assert json.loads(cli("jobs", "list", "--json").out) == []  # no job was created


def test_a_folder_given_as_the_output_is_refused_too(cli: Callable[..., Any], tmp_path: Path) -> None:
    spec = tmp_path / "scene.json"
    spec.write_text(json.dumps(scene().to_dict()))
    r = cli("render", "--scene", str(spec), "--seconds", "4", "-o", str(tmp_path))
    assert r.code == 1 and "is a folder" in r.err
    assert json.loads(cli("jobs", "list", "--json").out) == []


def test_when_the_final_copy_fails_the_message_says_where_the_clip_is(cli: Callable[..., Any], entry: str,
                                                                     fake: FakeVideos, tmp_path: Path,
                                                                     media: tuple[bytes, bytes]) -> None:
    folder = tmp_path / "for-the-doctor"
    folder.mkdir()
    fake.hold.set()  # the job stays at the service until the folder is gone
    fake.create_poll_after_ms = 10  # the CLI's default first wait is 2 s

    def remove_the_folder_meanwhile() -> None:
        deadline = time.monotonic() + 20
        while fake.count("retrieve") == 0 and time.monotonic() < deadline:
            time.sleep(0.005)
        folder.rmdir()
        fake.release()

    remover = threading.Thread(target=remove_the_folder_meanwhile, daemon=True)
    remover.start()
    r = cli("render", "--entry", entry, "--provider", "fake", "--seconds", "4", "--yes",
            "-o", str(folder / "x.mp4"))
    remover.join(20)
    assert r.code == 1
    (job,) = json.loads(cli("jobs", "list", "--json").out)
    assert job["status"] == "completed" and Path(job["clip"]).read_bytes() == media[0]
    assert f"It is kept safe at {job['clip']}" in r.err and "could not be saved as" in r.err
    assert ".x.mp4.part" not in r.err
    assert fake.count("create") == 1
