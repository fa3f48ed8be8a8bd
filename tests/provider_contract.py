"""The contract every provider keeps (after Dangerzone's one test class run against every isolation provider).

A provider module gets a test class in tests/test_provider_contract.py that inherits ``ProviderContract``
and supplies a ``provider`` fixture; every test here then runs against it. Written for the media kinds a
provider can declare: a video provider makes a clip of the declared length, an image provider (issue 16)
makes a picture; the rest (what it declares, refusals, estimates, finding what a send made, errors without
the key) is the same for all.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.providers.base import (
    Capabilities,
    GenerationRequest,
    Provider,
    ProviderError,
    RemoteStatus,
)
from tests.fake_videos_server import scene


def contract_request(caps: Capabilities, *, prompt: str = "A knot of warm light pulses slowly.") -> GenerationRequest:
    """The smallest request the provider says it can make."""
    size = caps.sizes[0]
    width, height = (int(v) for v in size.split("x"))
    seconds = min(caps.seconds) if caps.seconds else 4
    body: dict[str, Any] = {"model": caps.model, "prompt": prompt, "size": size}
    if caps.media == "video":
        body["seconds"] = str(seconds)
    else:  # a picture: the default quality, one, and the provider's fixed fields
        body.update({"quality": caps.quality, "n": 1, **dict(caps.fixed_fields)})
    return GenerationRequest(scene(seconds, width=width, height=height), body)


def finish(provider: Provider, remote_id: str, first: RemoteStatus, timeout: float = 60) -> RemoteStatus:
    status, deadline = first, time.monotonic() + timeout
    while status.state not in ("completed", "failed"):
        assert time.monotonic() < deadline, "the provider never finished"
        time.sleep(min(0.2, status.poll_after or 0.01))
        status = provider.poll(remote_id)
    return status


class ProviderContract:
    """Inherit, and give a ``provider`` fixture (and ``secret``: a key that must never show, or None)."""

    @pytest.fixture
    def secret(self) -> str | None:
        return None

    def test_it_declares_what_it_makes(self, provider: Provider) -> None:
        caps = provider.capabilities()
        assert caps.media in ("video", "image") and caps.models and caps.sizes
        assert all(int(w) > 0 and int(h) > 0 for w, h in (s.split("x") for s in caps.sizes))
        assert bool(caps.seconds) == (caps.media == "video")  # a picture has no length
        assert bool(caps.qualities) == (caps.media == "image")  # ... and a quality, each with its price
        assert caps.pricing.per_second >= 0 and caps.pricing.per_item >= 0 and caps.settle_seconds >= 0
        assert provider.name and provider.label and isinstance(provider.availability().available, bool)

    def test_it_takes_what_it_declares_and_refuses_the_rest_in_plain_words(self, provider: Provider) -> None:
        caps = provider.capabilities()
        body = contract_request(caps).body
        for size in caps.sizes:
            for seconds in caps.seconds or (None,):
                asked = {**body, "size": size, **({"seconds": str(seconds)} if seconds else {})}
                assert caps.check(asked) is None, asked
        assert ", ".join(caps.sizes) in str(caps.check({**body, "size": "7x7"}))
        assert caps.model in str(caps.check({**body, "model": "no-such-model"}))
        if caps.media == "video":
            assert "not offered" in str(caps.check({**body, "seconds": "5"}))
        else:  # nothing but the prompt is free: every other field is one it declared
            for quality in caps.qualities:
                assert caps.check({**body, "quality": quality}) is None
            assert "not offered" in str(caps.check({**body, "quality": "ultra"}))
            assert "not part of a picture request" in str(caps.check({**body, "user": "someone"}))
            assert "not part of a picture request" in str(caps.check({**body, "image": "input.png"}))

    def test_its_estimate_follows_its_declared_prices(self, provider: Provider) -> None:
        caps = provider.capabilities()
        request = contract_request(caps)
        estimate = provider.estimate(request)
        expected = caps.pricing.per_second * request.seconds if caps.media == "video" else caps.pricing.per_item
        assert estimate.amount == pytest.approx(expected) and estimate.currency == caps.pricing.currency
        assert (estimate.amount > 0) <= caps.remote  # only what leaves the computer can cost money
        for row in caps.pricing.per_picture:  # a picture's price by the quality and size chosen
            asked = GenerationRequest(request.spec, {**request.body, "quality": row.quality, "size": row.size})
            if caps.check(asked.body) is None:
                assert provider.estimate(asked).amount == pytest.approx(row.price)

    def test_a_request_becomes_the_media_it_declares(self, provider: Provider, tmp_path: Path) -> None:
        from healthviz_desktop.core.generation.clip_files import image_ext
        from healthviz_desktop.core.render import probe_clip

        caps = provider.capabilities()
        request = contract_request(caps)
        remote_id, first = provider.submit(request)
        assert remote_id and first.state in ("queued", "in_progress", "completed")
        assert finish(provider, remote_id, first).state == "completed"
        seen: list[float] = []
        got = provider.download(remote_id, request, tmp_path / "media.part", tmp_path / "thumb.part", seen.append)
        assert got.video.exists() and all(0.0 <= f <= 1.0 for f in seen) and seen == sorted(seen)
        if caps.media == "video":
            info = probe_clip(got.video, expect_seconds=request.seconds)
            assert info.frames > 0
        else:
            assert image_ext(got.video) in (".png", ".webp", ".jpg")
        provider.cancel(remote_id)  # deleting what was delivered is harmless

    def test_what_a_send_made_can_be_found_and_is_never_handed_out_twice(self, provider: Provider) -> None:
        caps = provider.capabilities()
        request = contract_request(caps, prompt=f"A calm tide of light, {time.time_ns()}.")
        began = time.time()
        remote_id, _ = provider.submit(request)
        found = provider.find_created(request, began, time.time() + caps.settle_seconds, frozenset())
        assert found.covered  # what an answered send made can always be found
        if caps.remote:  # a service's video is found by what was asked; one a job already has, never again
            assert [m.id for m in found.matches] == [remote_id]
            again = provider.find_created(request, began, time.time(), frozenset({remote_id}))
            # a picture with no answer kept here cannot be settled with the service (no id, no list): it says so
            assert again.matches == () and again.covered == (caps.media == "video")
            assert again.covered or "no list" in again.why
        else:  # nothing is made anywhere until it is drawn: a cut-off send is simply sent again
            assert found.matches == ()
        other = contract_request(caps, prompt="Another prompt entirely.")
        assert provider.find_created(other, began, time.time(), frozenset()).matches == ()

    def test_its_errors_are_plain_and_never_carry_the_key(self, provider: Provider, secret: str | None) -> None:
        caps = provider.capabilities()
        request = contract_request(caps)
        try:
            provider.poll("no-such-id-0000")
        except ProviderError as exc:
            assert exc.message and "Traceback" not in exc.message
            assert secret is None or secret[:8] not in exc.message
        bad = GenerationRequest(request.spec, {**request.body, "model": "sora-retired"})  # the service refuses
        try:
            provider.submit(bad)
        except ProviderError as exc:
            assert secret is None or secret[:8] not in exc.message
