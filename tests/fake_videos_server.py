"""A local fake of the /videos protocol (Sora 2 wire format) for driving the real openai SDK in tests.

Real HTTP on 127.0.0.1 with an ephemeral port (the SDK uses httpx2, which respx-style mocks do not
intercept); the routes are in tests/support/videos_http.py. It keeps videos in memory, lists them newest
first with the spec's paging, counts every request and charges every video it makes (``charged()``),
serves real MP4 bytes with Range support, and injects faults on demand: 429 with Retry-After, 500/502/504
(with or without the video made behind them), slow answers, a connection reset mid-download, a dropped
connection after a create, a request held before or after its work (``hang``/``hang_after``, so a client
can be killed or interrupted at that exact stage), moderation_blocked, 401 (echoing the key, as real
services do, to prove we never repeat it), 404 for a retired model, 410 for an expired asset, a list
route the service does not have, and bytes that are not a video.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from typing import Any


@dataclass
class Seen:
    method: str
    route: str  # create | retrieve | content | remix | delete | list
    path: str
    range: str | None = None
    variant: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    authorized: bool = True
    at: float = field(default_factory=time.monotonic)


@dataclass
class Fault:
    route: str
    # "429" | "500" | "502" | "504" | "slow" | "reset" | "drop" | "401" | "garbage" | "410" | "unsupported"
    # | "hang" (held before the work; nothing made; then dropped) | "hang_after" (the work done, the answer held)
    kind: str
    retry_after: float | None = None
    delay: float = 0.0  # "slow": how long; "hang*": the most it holds (until release_hold())
    made: bool = True  # "drop", "5xx" on create/remix: the service made the video before failing to answer
    variant: str | None = None  # content: only this variant ("video" | "thumbnail")


class FakeVideos:
    def __init__(self, video: bytes, thumbnail: bytes, *, key: str = "test-key",
                 price_per_second: float = 0.10) -> None:
        self.video, self.thumbnail, self.key = video, thumbnail, key
        self.price_per_second = price_per_second
        self.requests: list[Seen] = []
        self.videos: dict[str, dict[str, Any]] = {}
        self.charges: dict[str, float] = {}  # every video made, at the moment it was made (deleting refunds nothing)
        self.faults: deque[Fault] = deque()
        self.retired_models = {"sora-retired"}
        self.polls_to_complete = 2
        self.poll_after_ms: int | None = 20  # openai-poll-after-ms on each retrieve; None: no header
        self.create_poll_after_ms: int | None = None  # the same on the create/remix answer
        self.hold = threading.Event()  # set: jobs stay in_progress until release()
        self.pause_content_at: int | None = None  # stop the video body after this many bytes ...
        self.content_paused = threading.Event()  # ... say so ...
        self.content_gate = threading.Event()  # ... and wait for this before going on
        self.holding = threading.Event()  # a hang fault is holding a request right now
        self.unhold = threading.Event()  # set: every held request is let go
        self.bytes_served = 0
        self._lock = threading.Lock()
        self._counter = 0
        from tests.support.videos_http import make_handler

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="fake-videos")

    # ---- control --------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeVideos:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.content_gate.set()
        self.unhold.set()
        self._server.shutdown()
        self._server.server_close()

    def fault(self, route: str, kind: str, *, retry_after: float | None = None, delay: float = 0.0,
              times: int = 1, made: bool = True, variant: str | None = None) -> None:
        for _ in range(times):
            self.faults.append(Fault(route, kind, retry_after, delay, made, variant))

    def release(self) -> None:
        self.hold.clear()

    def release_hold(self) -> None:
        """Let every request a hang fault holds go (its client is usually dead by then)."""
        self.unhold.set()

    def count(self, route: str) -> int:
        return sum(1 for r in self.requests if r.route == route)

    def seen(self, route: str) -> list[Seen]:
        return [r for r in self.requests if r.route == route]

    def charged(self) -> float:
        with self._lock:
            return round(sum(self.charges.values()), 4)

    def made(self) -> int:
        """Videos made (paid for), whether or not anyone heard the answer."""
        with self._lock:
            return len(self.charges)

    def expire(self, video_id: str) -> None:
        """Its assets are gone (HTTP 410 on download); the video record stays."""
        self.videos[video_id]["_expired"] = True

    # ---- behaviour --------------------------------------------------------------------------------

    def _take_fault(self, route: str, variant: str | None = None) -> Fault | None:
        with self._lock:
            for f in list(self.faults):
                if f.route == route and (f.variant is None or f.variant == (variant or "video")):
                    self.faults.remove(f)
                    return f
        return None

    def _hold_here(self, fault: Fault) -> None:
        self.unhold.clear()
        self.holding.set()
        try:
            self.unhold.wait(fault.delay or 60)
        finally:
            self.holding.clear()

    def _new_video(self, fields: dict[str, str], remix_of: str | None = None) -> dict[str, Any]:
        with self._lock:
            self._counter += 1
            seq = self._counter
            vid = f"video_{seq:04d}"
            video = {
                "id": vid, "object": "video", "model": fields.get("model", "sora-2"), "status": "queued",
                "progress": 0, "created_at": int(time.time()), "completed_at": None, "expires_at": None,
                "prompt": fields.get("prompt"), "size": fields.get("size", "720x1280"),
                "seconds": fields.get("seconds", "4"), "remixed_from_video_id": remix_of, "error": None,
                "_polls": 0, "_seq": seq, "_expired": False,
            }
            self.videos[vid] = video
            self.charges[vid] = round(self.price_per_second * int(video["seconds"]), 4)
        return video

    def _advance(self, video: dict[str, Any]) -> None:
        if video["status"] in ("completed", "failed"):
            return
        video["_polls"] += 1
        if "BLOCKME" in (video.get("prompt") or ""):
            video.update(status="failed", error={"code": "moderation_blocked",
                                                 "message": "Your request was blocked by our moderation system."})
            return
        if self.hold.is_set() or video["_polls"] < self.polls_to_complete:
            video.update(status="in_progress", progress=min(90, video["progress"] + 15))
            return
        video.update(status="completed", progress=100, completed_at=int(time.time()),
                     expires_at=int(time.time()) + 3600)

    @staticmethod
    def _poll_after(ms: int | None) -> dict[str, str]:
        return {} if ms is None else {"openai-poll-after-ms": str(ms)}

    @staticmethod
    def public(video: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in video.items() if not k.startswith("_")}


def make_media(seconds: int = 4) -> tuple[bytes, bytes]:
    """A real, small H.264 MP4 of ``seconds`` and a PNG thumbnail, made with the project's encoder."""
    import tempfile
    from pathlib import Path

    import numpy as np

    from healthviz_desktop.core.render.clip import encode_frames, write_png

    frames = []
    for i in range(seconds * 24):
        img = np.zeros((90, 160, 3), dtype=np.uint8)
        img[:, :, 0] = (np.arange(160) * 1.5 + i * 3) % 255
        img[:, :, 1] = (np.arange(90)[:, None] * 2 + i) % 255
        frames.append(img)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clip.mp4"
        encode_frames(frames, path, 160, 90, total=len(frames), threaded=False)
        thumb = Path(tmp) / "thumb.png"
        write_png(frames[len(frames) // 2], thumb)
        return path.read_bytes(), thumb.read_bytes()


# ---- helpers shared by the generation tests ------------------------------------------------------------

def scene(seconds: int = 4, *, motions: tuple[str, ...] = ("pulse", "embers"), intensity: float = 0.6,
          width: int = 1280, height: int = 720) -> Any:
    from healthviz_desktop.core.scene import PaletteColour, SceneSpec

    return SceneSpec(mode="moment", family="headache", motif="knot_of_light", style="abstract_3d",
                     intensity=intensity, pulse_hz=1.2, scale=0.55, region="crown", motions=motions,
                     palette=(PaletteColour("crimson", "#b0123a"), PaletteColour("amber", "#f0a030"),
                              PaletteColour("gold", "#ffd060"), PaletteColour("ink", "#101020")),
                     seconds=seconds, width=width, height=height)


def request(seconds: int = 4, prompt: str = "A knot of warm light pulses slowly in a dark room.",
            model: str = "sora-2", size: str = "1280x720") -> Any:
    from healthviz_desktop.core.providers.base import GenerationRequest

    w, h = (int(v) for v in size.split("x"))
    return GenerationRequest(scene(seconds, width=w, height=h),
                             {"model": model, "prompt": prompt, "seconds": str(seconds), "size": size})


FAST = {"base_delay": 0.01, "max_delay": 0.05, "default_poll": 0.01}  # runner options for tests


def save_fake_provider(db: Any, fake: FakeVideos, *, name: str = "fake", key: str | None = "test-key",
                       timeout: float = 2.0, retired: str = "", settle: float = 0.3, model: str = "sora-2") -> None:
    """Provider ``name`` pointing at ``fake`` in the journal ``db``, with a session-only key."""
    from healthviz_desktop.core.keys import KeyStore
    from healthviz_desktop.core.providers.registry import Providers
    from healthviz_desktop.core.providers.sora import SoraSettings

    Providers(db).save(SoraSettings(name=name, base_url=fake.url, timeout=timeout, retired=retired,
                                    label=f"Fake {name}", settle=settle, model=model))
    if key is not None:
        KeyStore().set_session(name, key)


def runner_for(data_dir: Any, fake: FakeVideos, *, name: str = "fake", key: str | None = "test-key",
               timeout: float = 2.0, retired: str = "", settle: float = 0.3, **runner_options: Any) -> Any:
    """A JobRunner on a journal in ``data_dir`` with provider ``name`` pointing at ``fake``."""
    from healthviz_desktop.core.database import Database
    from healthviz_desktop.core.generation.runner import JobRunner
    from healthviz_desktop.core.paths import DataPaths

    db = Database.open(DataPaths.at(data_dir))
    save_fake_provider(db, fake, name=name, key=key, timeout=timeout, retired=retired, settle=settle)
    return JobRunner(db, **{**FAST, **runner_options})


class HeldClock:
    """The runner's clock (``_now`` in core/generation), held still and moved by hand with ``+=``: a settle time
    or a retry's wait then does not race the machine's load (a first look at the list can take longer than a
    short settle time on a busy machine). Real time still drives the fake service and the HTTP timeouts."""

    def __init__(self, monkeypatch: Any) -> None:
        from datetime import UTC, datetime

        from healthviz_desktop.core.generation import runner, steps

        self.now = datetime.now(UTC)
        for module in (steps, runner):
            monkeypatch.setattr(module, "_now", lambda: self.now)

    def __iadd__(self, seconds: float) -> HeldClock:
        from datetime import timedelta

        self.now += timedelta(seconds=seconds)
        return self


def studio_for(journal: Any, fake: FakeVideos, *, name: str = "fake", **options: Any) -> Any:
    """The ClipStudio of ``journal`` with provider ``name`` pointing at ``fake`` (fast runner timings)."""
    from healthviz_desktop.core.generation.studio import ClipStudio

    provider_options = {k: options.pop(k) for k in ("key", "timeout", "retired", "settle", "model") if k in options}
    save_fake_provider(journal.db, fake, name=name, **provider_options)
    return ClipStudio(journal, **{**FAST, **options})
