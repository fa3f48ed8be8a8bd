"""A local fake of the /videos protocol (Sora 2 wire format) for driving the real openai SDK in tests.

Real HTTP on 127.0.0.1 with an ephemeral port (the SDK uses httpx2, which respx-style mocks do not
intercept). It keeps jobs in memory, counts every request, serves real MP4 bytes with Range support, and
injects faults on demand: 429 with Retry-After, 500, slow answers, a connection reset mid-download, a
dropped connection after a create, moderation_blocked, 401 (echoing the key, as real services do, to
prove we never repeat it), 404 for a retired model, and bytes that are not a video.
"""

from __future__ import annotations

import email
import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


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
    kind: str  # "429" | "500" | "slow" | "reset" | "drop" | "401" | "garbage"
    retry_after: float | None = None
    delay: float = 0.0


class FakeVideos:
    def __init__(self, video: bytes, thumbnail: bytes, *, key: str = "test-key") -> None:
        self.video, self.thumbnail, self.key = video, thumbnail, key
        self.requests: list[Seen] = []
        self.videos: dict[str, dict[str, Any]] = {}
        self.faults: deque[Fault] = deque()
        self.retired_models = {"sora-retired"}
        self.polls_to_complete = 2
        self.poll_after_ms: int | None = 20  # openai-poll-after-ms on each retrieve; None: no header
        self.create_poll_after_ms: int | None = None  # the same on the create/remix answer
        self.hold = threading.Event()  # set: jobs stay in_progress until release()
        self.pause_content_at: int | None = None  # stop the video body after this many bytes ...
        self.content_paused = threading.Event()  # ... say so ...
        self.content_gate = threading.Event()  # ... and wait for this before going on
        self.bytes_served = 0
        self._lock = threading.Lock()
        self._counter = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
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
        self._server.shutdown()
        self._server.server_close()

    def fault(self, route: str, kind: str, *, retry_after: float | None = None, delay: float = 0.0,
              times: int = 1) -> None:
        for _ in range(times):
            self.faults.append(Fault(route, kind, retry_after, delay))

    def release(self) -> None:
        self.hold.clear()

    def count(self, route: str) -> int:
        return sum(1 for r in self.requests if r.route == route)

    def seen(self, route: str) -> list[Seen]:
        return [r for r in self.requests if r.route == route]

    # ---- behaviour --------------------------------------------------------------------------------

    def _take_fault(self, route: str) -> Fault | None:
        with self._lock:
            for f in list(self.faults):
                if f.route == route:
                    self.faults.remove(f)
                    return f
        return None

    def _new_video(self, fields: dict[str, str], remix_of: str | None = None) -> dict[str, Any]:
        with self._lock:
            self._counter += 1
            vid = f"video_{self._counter:04d}"
        video = {
            "id": vid, "object": "video", "model": fields.get("model", "sora-2"), "status": "queued",
            "progress": 0, "created_at": int(time.time()), "completed_at": None, "expires_at": None,
            "prompt": fields.get("prompt"), "size": fields.get("size", "720x1280"),
            "seconds": fields.get("seconds", "4"), "remixed_from_video_id": remix_of, "error": None,
            "_polls": 0,
        }
        self.videos[vid] = video
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

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # one request per connection: a reset is easy to stage

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                return

            def _json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def _error(self, status: int, message: str, code: str | None = None,
                       headers: dict[str, str] | None = None) -> None:
                self._json(status, {"error": {"message": message, "type": "invalid_request_error",
                                              "param": None, "code": code}}, headers)

            def _route(self) -> tuple[str, list[str], dict[str, list[str]]]:
                url = urlparse(self.path)
                parts = [p for p in url.path.split("/") if p]
                if parts and parts[0] == "v1":
                    parts = parts[1:]
                query = parse_qs(url.query)
                if parts == ["videos"]:
                    return ("create" if self.command == "POST" else "list"), parts, query
                if len(parts) == 2:
                    return ("delete" if self.command == "DELETE" else "retrieve"), parts, query
                if len(parts) == 3 and parts[2] == "content":
                    return "content", parts, query
                if len(parts) == 3 and parts[2] == "remix":
                    return "remix", parts, query
                return "unknown", parts, query

            def _fields(self) -> dict[str, str]:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                ctype = self.headers.get("Content-Type", "")
                if ctype.startswith("multipart/form-data"):
                    msg = email.message_from_bytes(f"Content-Type: {ctype}\r\n\r\n".encode() + body)
                    out = {}
                    for part in msg.get_payload():  # type: ignore[union-attr]
                        name = part.get_param("name", header="content-disposition")
                        out[str(name)] = part.get_payload(decode=True).decode()
                    return out
                if body:
                    return {k: str(v) for k, v in json.loads(body).items()}
                return {}

            def _handle(self) -> None:
                route, parts, query = self._route()
                fields = self._fields() if self.command == "POST" else {}
                authorized = self.headers.get("Authorization") == f"Bearer {fake.key}"
                seen = Seen(self.command, route, self.path, self.headers.get("Range"),
                            (query.get("variant") or [None])[0], fields, authorized)
                with fake._lock:
                    fake.requests.append(seen)
                fault = fake._take_fault(route)
                if fault is not None:
                    if fault.kind == "slow":
                        time.sleep(fault.delay)
                    elif fault.kind == "429":
                        headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
                        self._error(429, "Rate limit reached for requests", "rate_limit_exceeded", headers)
                        return
                    elif fault.kind == "500":
                        self._error(500, "The server had an error while processing your request.", None)
                        return
                    elif fault.kind == "401":
                        authorized = False
                    elif fault.kind == "drop":
                        if route == "create":  # the service did create a (paid) job; the answer is lost
                            fake._new_video(fields)
                        self.close_connection = True
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                if not authorized:
                    sent = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                    self._error(401, f"Incorrect API key provided: {sent}. You can find your API key at "
                                     "https://example.invalid/keys.", "invalid_api_key")
                    return
                getattr(self, f"_do_{route}")(parts, query, fields, fault)

            def _do_create(self, parts: list[str], query: Any, fields: dict[str, str], fault: Any) -> None:
                if fields.get("model") in fake.retired_models:
                    self._error(404, f"The model `{fields['model']}` does not exist or you do not have access "
                                     "to it.", "model_not_found")
                    return
                if fields.get("seconds") not in ("4", "8", "12"):
                    self._error(400, "Invalid value for 'seconds'.", "invalid_value")
                    return
                self._json(200, fake.public(fake._new_video(fields)), fake._poll_after(fake.create_poll_after_ms))

            def _do_remix(self, parts: list[str], query: Any, fields: dict[str, str], fault: Any) -> None:
                source = fake.videos.get(parts[1])
                if source is None:
                    self._error(404, "Video not found", "not_found")
                    return
                video = fake._new_video({**{k: str(v) for k, v in source.items() if k in ("model", "size",
                                                                                        "seconds")},
                                         "prompt": fields.get("prompt", "")}, remix_of=parts[1])
                self._json(200, fake.public(video), fake._poll_after(fake.create_poll_after_ms))

            def _do_retrieve(self, parts: list[str], query: Any, fields: dict[str, str], fault: Any) -> None:
                video = fake.videos.get(parts[1])
                if video is None:
                    self._error(404, "Video not found", "not_found")
                    return
                fake._advance(video)
                self._json(200, fake.public(video), fake._poll_after(fake.poll_after_ms))

            def _do_delete(self, parts: list[str], query: Any, fields: dict[str, str], fault: Any) -> None:
                if fake.videos.pop(parts[1], None) is None:
                    self._error(404, "Video not found", "not_found")
                    return
                self._json(200, {"id": parts[1], "object": "video.deleted", "deleted": True})

            def _do_list(self, parts: list[str], query: Any, fields: dict[str, str], fault: Any) -> None:
                data = [fake.public(v) for v in fake.videos.values()]
                self._json(200, {"object": "list", "data": data, "has_more": False})

            def _do_unknown(self, parts: list[str], query: Any, fields: dict[str, str], fault: Any) -> None:
                self._error(404, "Unknown path", "not_found")

            def _do_content(self, parts: list[str], query: Any, fields: dict[str, str], fault: Any) -> None:
                video = fake.videos.get(parts[1])
                if video is None:
                    self._error(404, "Video not found", "not_found")
                    return
                if video["status"] != "completed":
                    self._error(400, "Video is not ready yet", "video_not_ready")
                    return
                variant = (query.get("variant") or ["video"])[0]
                body = fake.thumbnail if variant == "thumbnail" else fake.video
                if fault is not None and fault.kind == "garbage":
                    body = b"\x00not a video\x00" * 64
                start = 0
                rng = self.headers.get("Range")
                if rng and rng.startswith("bytes="):
                    start = int(rng[6:].split("-")[0])
                    if start >= len(body):
                        self._error(416, "Range not satisfiable", None)
                        return
                self.send_response(206 if start else 200)
                self.send_header("Content-Type", "image/webp" if variant == "thumbnail" else "video/mp4")
                self.send_header("Content-Length", str(len(body) - start))
                if start:
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                self.send_header("Accept-Ranges", "bytes")
                self.end_headers()
                payload = body[start:]
                if fault is not None and fault.kind == "reset":
                    half = payload[: len(payload) // 2]
                    self.wfile.write(half)
                    self.wfile.flush()
                    fake.bytes_served += len(half)
                    time.sleep(0.05)  # let the client take the first half in
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)  # cut off: fewer bytes than Content-Length
                    return
                pause = fake.pause_content_at if variant != "thumbnail" else None
                if pause is not None and not start:
                    self.wfile.write(payload[:pause])
                    self.wfile.flush()
                    fake.bytes_served += pause
                    fake.content_paused.set()
                    fake.content_gate.wait(30)
                    payload = payload[pause:]
                try:
                    self.wfile.write(payload)
                    self.wfile.flush()
                    fake.bytes_served += len(payload)
                except OSError:
                    pass  # the client is gone (killed mid-download)

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def do_DELETE(self) -> None:
                self._handle()

        return Handler


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


def runner_for(data_dir: Any, fake: FakeVideos, *, name: str = "fake", key: str | None = "test-key",
               timeout: float = 2.0, retired: str = "", **runner_options: Any) -> Any:
    """A JobRunner on a journal in ``data_dir`` with provider ``name`` pointing at ``fake``."""
    from healthviz_desktop.core.database import Database
    from healthviz_desktop.core.jobs import JobRunner
    from healthviz_desktop.core.keys import KeyStore
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.providers.sora import SoraSettings

    db = Database.open(DataPaths.at(data_dir))
    options = {"base_delay": 0.01, "max_delay": 0.05, "default_poll": 0.01, **runner_options}
    runner = JobRunner(db, **options)
    runner.providers.save(SoraSettings(name=name, base_url=fake.url, timeout=timeout, retired=retired,
                                       label=f"Fake {name}"))
    if key is not None:
        KeyStore().set_session(name, key)
    return runner
