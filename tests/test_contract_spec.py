"""Contract: the Sora provider's requests, as the real openai SDK sends them, against a mock generated from
OpenAI's published OpenAPI spec (Prism validates each request against the spec and answers 422 when it
does not match). Behaviour is tested against tests/fake_videos_server.py; this proves the wire shapes.

CI needs node/npx and a pre-fetched Prism: `npx --yes @stoplight/prism-cli@5 --version`. Without them this
skips, except under scripts/run-tests.sh (HEALTHVIZ_REQUIRE_ALL=1), where it fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from healthviz_desktop.core.providers.base import BadRequest, GenerationRequest
from healthviz_desktop.core.providers.sora import SoraProvider, SoraSettings
from tests.conftest import REPO
from tests.fake_videos_server import request, scene
from tests.support.require import unavailable

SPEC = Path(REPO).parent / "shared/openapi/openai-openapi.media.yaml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def prism() -> Iterator[str]:
    if shutil.which("npx") is None or shutil.which("node") is None:
        unavailable("node/npx is not installed: the spec-driven mock (Prism) cannot run")
    if not SPEC.exists():
        unavailable(f"OpenAI's spec is not at {SPEC}")
    port = _free_port()
    proc = subprocess.Popen(
        ["npx", "--yes", "@stoplight/prism-cli@5", "mock", "-h", "127.0.0.1", "-p", str(port), str(SPEC)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_COLOR": "1"},
        start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"Prism exited: {proc.stdout.read() if proc.stdout else ''}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail("Prism did not start within 120 s")
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(10)


@pytest.fixture
def provider(prism: str) -> SoraProvider:
    return SoraProvider(SoraSettings(name="spec", base_url=prism, timeout=20.0), lambda: "test-key")


def test_create_poll_download_remix_delete_match_the_published_spec(provider: SoraProvider, tmp_path: Path) -> None:
    for size, seconds in (("1280x720", 4), ("720x1280", 8), ("1280x720", 12)):
        remote_id, status = provider.submit(request(seconds, size=size))
        assert remote_id and status.state in ("queued", "in_progress", "completed", "failed")
    polled = provider.poll(remote_id)
    assert polled.state in ("queued", "in_progress", "completed", "failed")
    got = provider.download(remote_id, request(4), tmp_path / "clip.part", tmp_path / "thumb.part")
    assert got.video.exists()
    remix = GenerationRequest(scene(), {"model": "sora-2", "prompt": "Calmer light.", "seconds": "4",
                                        "size": "1280x720"}, remix_of=remote_id)
    assert provider.submit(remix)[0]
    provider.cancel(remote_id)


def test_the_mock_really_validates_so_a_bad_request_is_caught(provider: SoraProvider) -> None:
    bad = request(4)
    with pytest.raises(BadRequest, match="refused the request"):
        provider.submit(GenerationRequest(bad.spec, {**bad.body, "seconds": "5"}))
    with pytest.raises(BadRequest):
        provider.submit(GenerationRequest(bad.spec, {**bad.body, "prompt": ""}))
