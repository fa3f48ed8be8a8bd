"""The HTTP side of the fake /videos service (tests/fake_videos_server.py): routes, faults, wire format.

Routes as OpenAI's spec has them: POST /videos (create), GET /videos (list, newest first, paged with
``after``/``limit``/``order``), GET /videos/{id} (retrieve), GET /videos/{id}/content (download, with Range),
POST /videos/{id}/remix, DELETE /videos/{id}.
"""

from __future__ import annotations

import contextlib
import email
import json
import socket
import time
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlparse

if TYPE_CHECKING:
    from tests.fake_videos_server import FakeVideos, Fault


def make_handler(fake: FakeVideos) -> type[BaseHTTPRequestHandler]:
    from tests.fake_videos_server import Seen

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection: a reset is easy to stage

        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            return

        def _json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            except OSError:
                pass  # the client is gone (killed while we held its answer)

        def _error(self, status: int, message: str, code: str | None = None,
                   headers: dict[str, str] | None = None) -> None:
            self._json(status, {"error": {"message": message, "type": "invalid_request_error",
                                          "param": None, "code": code}}, headers)

        def _drop(self) -> None:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

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
            fault = fake._take_fault(route, seen.variant)
            if fault is not None:
                if fault.kind == "slow":
                    time.sleep(fault.delay)
                elif fault.kind == "hang":  # held before anything is done (nothing made), then dropped
                    fake._hold_here(fault)
                    self._drop()
                    return
                elif fault.kind == "429":
                    headers = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
                    self._error(429, "Rate limit reached for requests", "rate_limit_exceeded", headers)
                    return
                elif fault.kind in ("500", "502", "504"):
                    if fault.made and route in ("create", "remix"):  # the service behind the gateway made it
                        getattr(self, f"_make_{route}")(parts, fields)
                    self._error(int(fault.kind), "The server had an error while processing your request.", None)
                    return
                elif fault.kind == "401":
                    authorized = False
                elif fault.kind == "unsupported":
                    self._error(404, "Unknown path", "not_found")
                    return
                elif fault.kind == "drop":
                    if route in ("create", "remix") and fault.made:  # made (and paid); the answer is lost
                        getattr(self, f"_make_{route}")(parts, fields)
                    self._drop()
                    return
            if not authorized:
                sent = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                self._error(401, f"Incorrect API key provided: {sent}. You can find your API key at "
                                 "https://example.invalid/keys.", "invalid_api_key")
                return
            getattr(self, f"_do_{route}")(parts, query, fields, fault)

        # ---- create and remix ------------------------------------------------------------------------

        def _make_create(self, parts: list[str], fields: dict[str, str]) -> dict[str, Any] | None:
            if fields.get("model") in fake.retired_models:
                self._error(404, f"The model `{fields['model']}` does not exist or you do not have access "
                                 "to it.", "model_not_found")
                return None
            if fields.get("seconds") not in ("4", "8", "12"):
                self._error(400, "Invalid value for 'seconds'.", "invalid_value")
                return None
            return fake._new_video(fields)

        def _make_remix(self, parts: list[str], fields: dict[str, str]) -> dict[str, Any] | None:
            source = fake.videos.get(parts[1])
            if source is None:
                self._error(404, "Video not found", "not_found")
                return None
            copied = {k: str(v) for k, v in source.items() if k in ("model", "size", "seconds")}
            return fake._new_video({**copied, "prompt": fields.get("prompt", "")}, remix_of=parts[1])

        def _answer_made(self, video: dict[str, Any] | None, fault: Fault | None) -> None:
            if video is None:
                return
            if fault is not None and fault.kind == "hang_after":  # made (and paid); the answer is held
                fake._hold_here(fault)
                self._drop()
                return
            self._json(200, fake.public(video), fake._poll_after(fake.create_poll_after_ms))

        def _do_create(self, parts: list[str], query: Any, fields: dict[str, str], fault: Fault | None) -> None:
            self._answer_made(self._make_create(parts, fields), fault)

        def _do_remix(self, parts: list[str], query: Any, fields: dict[str, str], fault: Fault | None) -> None:
            self._answer_made(self._make_remix(parts, fields), fault)

        # ---- the rest ----------------------------------------------------------------------------------

        def _do_list(self, parts: list[str], query: Any, fields: dict[str, str], fault: Fault | None) -> None:
            order = (query.get("order") or ["desc"])[0]
            limit = max(1, min(100, int((query.get("limit") or ["20"])[0])))
            with fake._lock:
                videos = sorted(fake.videos.values(), key=lambda v: v["_seq"], reverse=order != "asc")
            after = (query.get("after") or [None])[0]
            if after is not None:
                ids = [v["id"] for v in videos]
                videos = videos[ids.index(after) + 1:] if after in ids else []
            page = videos[:limit]
            if fault is not None and fault.kind == "hang_after":  # the list is read; its answer held
                fake._hold_here(fault)
                self._drop()
                return
            self._json(200, {"object": "list", "data": [fake.public(v) for v in page],
                             "first_id": page[0]["id"] if page else None,
                             "last_id": page[-1]["id"] if page else None, "has_more": len(videos) > limit})

        def _do_retrieve(self, parts: list[str], query: Any, fields: dict[str, str], fault: Fault | None) -> None:
            video = fake.videos.get(parts[1])
            if video is None:
                self._error(404, "Video not found", "not_found")
                return
            fake._advance(video)
            if fault is not None and fault.kind == "hang_after":
                fake._hold_here(fault)
                self._drop()
                return
            self._json(200, fake.public(video), fake._poll_after(fake.poll_after_ms))

        def _do_delete(self, parts: list[str], query: Any, fields: dict[str, str], fault: Fault | None) -> None:
            if fake.videos.pop(parts[1], None) is None:
                self._error(404, "Video not found", "not_found")
                return
            self._json(200, {"id": parts[1], "object": "video.deleted", "deleted": True})

        def _do_unknown(self, parts: list[str], query: Any, fields: dict[str, str], fault: Fault | None) -> None:
            self._error(404, "Unknown path", "not_found")

        def _do_content(self, parts: list[str], query: Any, fields: dict[str, str], fault: Fault | None) -> None:
            video = fake.videos.get(parts[1])
            if video is None:
                self._error(404, "Video not found", "not_found")
                return
            if video["status"] != "completed":
                self._error(400, "Video is not ready yet", "video_not_ready")
                return
            if (fault is not None and fault.kind == "410") or video["_expired"]:
                self._error(410, "The video's assets have expired.", "gone")
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
            if fault is not None and fault.kind in ("reset", "hang_after"):
                half = payload[: len(payload) // 2]
                self.wfile.write(half)
                self.wfile.flush()
                fake.bytes_served += len(half)
                if fault.kind == "hang_after":  # half the clip is out; the rest is held
                    fake._hold_here(fault)
                else:
                    time.sleep(0.05)  # let the client take the first half in
                self._drop()  # cut off: fewer bytes than Content-Length
                return
            pause = fake.pause_content_at if variant != "thumbnail" else None
            try:
                if pause is not None and not start:
                    self.wfile.write(payload[:pause])
                    self.wfile.flush()
                    fake.bytes_served += pause
                    fake.content_paused.set()
                    fake.content_gate.wait(30)
                    payload = payload[pause:]
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
