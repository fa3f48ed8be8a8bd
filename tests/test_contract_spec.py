"""Contract: the Sora and Images providers' requests, as the real openai SDK sends them, against a mock generated
from OpenAI's published OpenAPI spec (Prism validates each request against the spec and answers 422 when it
does not match). Behaviour is tested against tests/fake_videos_server.py and tests/fake_images_server.py; this
proves the wire shapes. The media cut of the spec holds /videos and /images alike (README in ../shared/openapi).

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

from healthviz_desktop.core.providers.base import Ambiguous, BadRequest, GenerationRequest
from healthviz_desktop.core.providers.images import ImagesProvider, ImagesSettings
from healthviz_desktop.core.providers.sora import SoraProvider, SoraSettings
from tests.conftest import REPO
from tests.fake_images_server import picture_request
from tests.fake_videos_server import request, scene
from tests.support.require import unavailable

SPEC = Path(REPO).parent / "shared/openapi/openai-openapi.media.yaml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def validating_copy(spec: str) -> str:
    """The spec with the ``nullable: true`` lines of CreateImageRequest left out. Prism (5.x) silently skips
    validating a JSON body whose schema uses OpenAPI 3.0's ``nullable`` in this 3.1 document (measured: it
    answered 200 to a picture request with no prompt, the one required field). Without those lines it
    validates; they only allow null, which the SDK never sends, so a request valid here is valid there.
    Every other part of the spec (all of /videos) is served as published."""
    start = spec.index("\n    CreateImageRequest:\n")
    end = spec.index("\n    ImageGenStreamEvent:", start)
    return spec[:start] + spec[start:end].replace("\n          nullable: true", "") + spec[end:]


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if shutil.which("npx") is None or shutil.which("node") is None:
        unavailable("node/npx is not installed: the spec-driven mock (Prism) cannot run")
    if not SPEC.exists():
        unavailable(f"OpenAI's spec is not at {SPEC}")
    served = tmp_path_factory.mktemp("spec") / SPEC.name
    served.write_text(validating_copy(SPEC.read_text(encoding="utf-8")), encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen(
        ["npx", "--yes", "@stoplight/prism-cli@5", "mock", "-h", "127.0.0.1", "-p", str(port), str(served)],
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


# ---- the Images API (issue 16): the same spec file holds POST /images/generations ----------------------

def _pictures(prism: str, tmp_path: Path, **settings: object) -> ImagesProvider:
    return ImagesProvider(ImagesSettings(name="spec", base_url=prism, timeout=20.0, **settings),  # type: ignore[arg-type]
                          lambda: "test-key", tmp_path / "received")


def test_a_picture_request_as_the_sdk_sends_it_matches_the_published_spec(prism: str, tmp_path: Path) -> None:
    """Prism validates the request, then answers the spec's example, which holds no real picture: the
    provider says so (a picture may have been billed, so the job would ask), which proves the request passed."""
    for quality, size in (("low", "1536x1024"), ("medium", "1024x1536"), ("high", "1024x1024")):
        with pytest.raises(Ambiguous, match="held no picture"):
            _pictures(prism, tmp_path).submit(picture_request(quality=quality, size=size))
    turned_on = _pictures(prism, tmp_path, safety_identifier="hv-" + "0" * 32)
    body = {**picture_request().body, **dict(turned_on.capabilities().fixed_fields)}
    assert "safety_identifier" in body
    with pytest.raises(Ambiguous, match="held no picture"):
        turned_on.submit(GenerationRequest(picture_request().spec, body))
    assert list((tmp_path / "received").glob("*.png")) == []


def test_the_mock_really_validates_picture_requests(prism: str, tmp_path: Path) -> None:
    provider = _pictures(prism, tmp_path)
    with pytest.raises(BadRequest, match="refused the request"):
        provider.submit(picture_request(quality="ultra"))
    with pytest.raises(BadRequest):
        provider.submit(picture_request(n=0))


def test_only_nullable_lines_of_the_picture_request_differ_from_the_published_spec() -> None:
    if not SPEC.exists():
        unavailable(f"OpenAI's spec is not at {SPEC}")
    published = SPEC.read_text(encoding="utf-8")
    served = validating_copy(published)
    start, end = published.index("    CreateImageRequest:"), published.index("    ImageGenStreamEvent:")
    block = published[start:end].splitlines()
    kept = [line for line in block if line != "          nullable: true"]
    assert 0 < len(block) - len(kept) < 20  # a few nullable lines, nothing else
    assert served == published[:start] + "\n".join(kept) + "\n" + published[end:]
