"""A local fake of OpenAI's Images API (``POST /images/generations``) for driving the real openai SDK in tests.

Real HTTP on 127.0.0.1 (the SDK uses httpx2; respx-style mocks do not intercept it). Answers as the service
does: base64 PNG pictures of the size asked for, ``usage`` in tokens (so the ledger's dollars can be
checked), errors in OpenAI's shape. It counts every request, charges every picture it makes
(``charged()``: made means billed, whether or not anyone heard the answer), and injects faults on demand:
401 (echoing the key, as real services do), 403 model not allowed, 403 organisation not verified (code
null), 400 moderation, 429 with Retry-After (nothing made), 500 after making the picture (billed, answer
lost), a connection reset mid-answer (made and billed), ``hang`` (held before any work, then dropped) and
``hang_after`` (made, the answer held), so a client can be killed at that exact stage.
"""

from __future__ import annotations

import base64
import contextlib
import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# what a picture costs in output tokens at each quality, per 1024x1024 (scaled by area), like gpt-image-2
OUTPUT_TOKENS = {"low": 200, "medium": 1760, "high": 7040}
PRICES = {"text_input": 5.0, "image_output": 30.0}  # dollars per million tokens (data/image_prices.toml)
KNOWN_MODELS = {"gpt-image-2", "gpt-image-2-2026-04-21"}
VERIFY = ("Your organization must be verified to use the model `gpt-image-2`. Please go to: "
          "https://platform.openai.com/settings/organization/general and click on Verify Organization. If you "
          "just verified, it can take up to 15 minutes for access to propagate.")


@dataclass
class Seen:
    fields: dict[str, Any]
    authorized: bool
    at: float = field(default_factory=time.monotonic)


@dataclass
class Fault:
    # "401" | "403" | "403_verify" | "400_moderation" | "429" | "500" | "reset" | "hang" | "hang_after" | "slow"
    kind: str
    retry_after: float | None = None
    delay: float = 0.0


def usage_for(fields: dict[str, Any]) -> dict[str, Any]:
    width, height = (int(v) for v in str(fields.get("size", "1024x1024")).split("x"))
    out = round(OUTPUT_TOKENS.get(str(fields.get("quality", "medium")), 1760) * width * height / 1024 ** 2)
    text = max(1, len(str(fields.get("prompt", ""))) // 4)
    return {"input_tokens": text, "input_tokens_details": {"text_tokens": text, "image_tokens": 0},
            "output_tokens": out, "output_tokens_details": {"image_tokens": out, "text_tokens": 0},
            "total_tokens": text + out}


def usage_dollars(usage: dict[str, Any]) -> float:
    return round((usage["input_tokens"] * PRICES["text_input"] + usage["output_tokens"] * PRICES["image_output"])
                 / 1_000_000, 6)


def picture_png(width: int, height: int) -> bytes:
    """A real PNG: a teal-to-amber gradient with a bright disc left of centre (easy to find in a frame)."""
    import tempfile
    from pathlib import Path

    import numpy as np

    from healthviz_desktop.core.render.clip import write_png

    x = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :]
    y = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    img = np.zeros((height, width, 3), np.float32)
    img[..., 0] = 30 + 200 * x
    img[..., 1] = 120 + 60 * y
    img[..., 2] = 140 - 100 * x
    disc = ((x - 0.3) * width) ** 2 + ((y - 0.5) * height) ** 2 < (0.12 * height) ** 2
    img[disc] = (250, 245, 230)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.png"
        write_png(img.astype(np.uint8), path)
        return path.read_bytes()


class FakeImages:
    def __init__(self, *, key: str = "test-key", picture_size: tuple[int, int] | None = None) -> None:
        self.key = key
        self.picture_size = picture_size  # None: the size asked for; else always this (fast tests)
        self.requests: list[Seen] = []
        self.charges: list[float] = []  # dollars of every picture made (billed), answered or not
        self.faults: deque[Fault] = deque()
        self.holding = threading.Event()
        self.unhold = threading.Event()
        self._pictures: dict[tuple[int, int], bytes] = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="fake-images")

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FakeImages:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.unhold.set()
        self._server.shutdown()
        self._server.server_close()

    def fault(self, kind: str, *, retry_after: float | None = None, delay: float = 0.0, times: int = 1) -> None:
        for _ in range(times):
            self.faults.append(Fault(kind, retry_after, delay))

    def release_hold(self) -> None:
        self.unhold.set()

    def count(self) -> int:
        return len(self.requests)

    def made(self) -> int:
        with self._lock:
            return len(self.charges)

    def charged(self) -> float:
        with self._lock:
            return round(sum(self.charges), 6)

    def picture(self, size: str) -> bytes:
        width, height = self.picture_size or tuple(int(v) for v in size.split("x"))
        with self._lock:
            if (width, height) not in self._pictures:
                self._pictures[(width, height)] = picture_png(width, height)
            return self._pictures[(width, height)]

    def make(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Make (and bill) one picture: the answer's body."""
        usage = usage_for(fields)
        png = self.picture(str(fields.get("size", "1024x1024")))
        with self._lock:
            self.charges.append(usage_dollars(usage))
        return {"created": int(time.time()), "data": [{"b64_json": base64.b64encode(png).decode()}],
                "background": "opaque", "output_format": "png", "quality": fields.get("quality", "medium"),
                "size": fields.get("size"), "usage": usage}

    def hold_here(self, fault: Fault) -> None:
        self.unhold.clear()
        self.holding.set()
        try:
            self.unhold.wait(fault.delay or 60)
        finally:
            self.holding.clear()


def _handler(fake: FakeImages) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None,
                  cut: bool = False) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data[: len(data) // 2] if cut else data)
                self.wfile.flush()
            except OSError:
                return
            if cut:
                time.sleep(0.05)
                self._drop()

        def _error(self, status: int, message: str, code: str | None, headers: dict[str, str] | None = None,
                   kind: str = "invalid_request_error") -> None:
            self._send(status, {"error": {"message": message, "type": kind, "param": None, "code": code}}, headers)

        def _drop(self) -> None:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

        def do_POST(self) -> None:
            path = self.path.split("?")[0].removeprefix("/v1")
            length = int(self.headers.get("Content-Length") or 0)
            fields = json.loads(self.rfile.read(length) or b"{}")
            authorized = self.headers.get("Authorization") == f"Bearer {fake.key}"
            with fake._lock:
                fake.requests.append(Seen(fields, authorized))
            if path != "/images/generations":
                self._error(404, "Unknown path", "not_found")
                return
            fault = fake.faults.popleft() if fake.faults else None
            kind = fault.kind if fault else ""
            if kind == "slow":
                time.sleep(fault.delay if fault else 0)
            if kind == "hang":  # held before any work: nothing made; then dropped
                assert fault is not None
                fake.hold_here(fault)
                self._drop()
                return
            if kind == "401" or not authorized:
                sent = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                self._error(401, f"Incorrect API key provided: {sent}. You can find your API key at "
                                 "https://example.invalid/keys.", "invalid_api_key")
                return
            if kind == "403":
                self._error(403, f"You are not allowed to sample from this model ({fields.get('model')}).",
                            "model_not_allowed", kind="permission_error")
                return
            if kind == "403_verify":
                self._error(403, VERIFY, None)
                return
            if kind == "400_moderation":
                self._error(400, "Your request was rejected by the safety system. If you believe this is an "
                                 "error, contact us at help.openai.com and include the request ID req_123.",
                            "moderation_blocked", kind="image_generation_user_error")
                return
            if kind == "429":
                assert fault is not None
                headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
                self._error(429, "Rate limit reached for images per minute.", "rate_limit_exceeded", headers,
                            kind="requests")
                return
            model = fields.get("model")
            if model not in KNOWN_MODELS:
                self._error(400, f"Invalid value: '{model}'. Supported values are: 'gpt-image-2'.",
                            "invalid_value")
                return
            if not str(fields.get("prompt", "")).strip():
                self._error(400, "Invalid 'prompt': empty string.", "empty_string")
                return
            answer = fake.make(fields)  # from here on the picture is made and billed
            if kind == "500":
                self._error(500, "The server had an error while processing your request.", None, kind="server_error")
                return
            if kind == "hang_after":
                assert fault is not None
                fake.hold_here(fault)
                self._drop()
                return
            self._send(200, answer, cut=kind == "reset")

    return Handler


# ---- helpers shared by the Images tests ----------------------------------------------------------------

def save_images_provider(db: Any, fake: FakeImages, *, name: str = "pics", key: str | None = "test-key",
                         timeout: float = 5.0, safety_identifier: str = "") -> None:
    """Provider ``name`` (kind images) pointing at ``fake`` in the journal ``db``, with a session-only key."""
    from healthviz_desktop.core.keys import KeyStore
    from healthviz_desktop.core.providers.images import ImagesSettings
    from healthviz_desktop.core.providers.registry import Providers

    Providers(db).save(ImagesSettings(name=name, base_url=fake.url, timeout=timeout, label=f"Fake {name}",
                                      safety_identifier=safety_identifier))
    if key is not None:
        KeyStore().set_session(name, key)


def picture_request(seconds: int = 1, clip: tuple[int, int] = (320, 180), *, quality: str = "low",
                    size: str = "1536x1024", prompt: str = "A knot of warm light pulses slowly in a dark room.",
                    **fixed: Any) -> Any:
    """A picture request as the studio writes it (the clip's length and size in the scene)."""
    from healthviz_desktop.core.providers.base import GenerationRequest
    from tests.fake_videos_server import scene

    body = {"model": "gpt-image-2", "prompt": prompt, "size": size, "quality": quality, "n": 1,
            "output_format": "png", **fixed}
    return GenerationRequest(scene(seconds, width=clip[0], height=clip[1]), body)


def images_runner(data_dir: Any, fake: FakeImages, *, name: str = "pics", **runner_options: Any) -> Any:
    """A JobRunner on a journal in ``data_dir`` with Images provider ``name`` pointing at ``fake``."""
    from healthviz_desktop.core.database import Database
    from healthviz_desktop.core.generation.runner import JobRunner
    from healthviz_desktop.core.paths import DataPaths
    from tests.fake_videos_server import FAST

    db = Database.open(DataPaths.at(data_dir))
    save_images_provider(db, fake, name=name)
    return JobRunner(db, **{**FAST, **runner_options})
