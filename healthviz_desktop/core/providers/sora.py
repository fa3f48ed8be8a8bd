"""A remote provider speaking the Sora /videos protocol through the official openai SDK.

Settings per provider (stored in the journal, never the key): base URL, model, allowed sizes and
seconds, price per second. OpenAI's own endpoint is a preset marked as shut down (2026-09-24); other
services speak the same protocol.

Decisions that keep paid jobs safe:
- ``max_retries=0`` on the client: the SDK would otherwise resend POST /videos on a timeout with no
  idempotency key, which can become two paid jobs. The job runner owns every retry.
- A create that went out but got no clear answer (timeout, connection cut after sending, any 5xx: a
  gateway's 502/504 cannot say whether the service behind it made the video) raises Ambiguous. The job
  runner then asks the service's list of videos (``find_created``, GET /videos newest first) before
  anything is sent again. Only a connection that never opened is retried at once.
- Downloads stream to a file the caller names; a cut-off stream keeps its bytes and the next attempt
  asks for the rest with a Range header.
- The SDK marks every videos.* call deprecated; one narrow process-wide filter hides that (see below).
- The service's ``openai-poll-after-ms`` (on the create answer and on each retrieve) sets the next poll.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from healthviz_desktop.core.providers import base as b
from healthviz_desktop.core.providers.base import (
    Availability,
    Cancelled,
    Capabilities,
    CostEstimate,
    Downloaded,
    Found,
    GenerationRequest,
    Made,
    Pricing,
    Progress,
    RemoteStatus,
    redact,
)
from healthviz_desktop.core.providers.sora_listing import (
    CLOCK_MARGIN,
    CLOCK_SKEW,
    clock_offset,
    made_by,
    oldest_first,
)

OPENAI_SHUTDOWN = "shut down by OpenAI on 2026-09-24"
MAX_LIST_PAGES = 20  # of 100 videos: further back than that, the listing is not taken as covering the send


@dataclass(frozen=True)
class SoraSettings:
    name: str
    base_url: str
    model: str = "sora-2"
    sizes: tuple[str, ...] = ("1280x720", "720x1280")
    seconds: tuple[int, ...] = (4, 8, 12)
    price_per_second: float = 0.10
    currency: str = "USD"
    label: str = ""
    retired: str = ""  # why the service no longer works, shown before sending and on a 404
    timeout: float = 60.0  # seconds for one HTTP request
    settle: float = 120.0  # after a create with no answer, how long its video may take to appear in the list
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SoraSettings:
        data = dict(data)
        data["sizes"] = tuple(data.get("sizes", ()))
        data["seconds"] = tuple(int(s) for s in data.get("seconds", ()))
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


PRESETS: dict[str, SoraSettings] = {
    "openai": SoraSettings(
        name="openai", base_url="https://api.openai.com/v1", model="sora-2", price_per_second=0.10,
        label=f"OpenAI Sora 2 ({OPENAI_SHUTDOWN})", retired=OPENAI_SHUTDOWN,
        sizes=("1280x720", "720x1280"),
    ),
}


# The SDK's videos resource (openai.resources.videos) marks every method deprecated because OpenAI retires
# its own Videos API; other services speak the protocol, and users must not see that. A filter installed
# once at import, not catch_warnings() around each call: that swaps the process-wide filter list and is not
# thread-safe (Qt workers call providers from several threads), hiding or showing other threads' warnings.
# Narrow: the category, the resource's message, and the module the warning is attributed to, which is the
# caller of the decorated method (typing_extensions.deprecated warns at stacklevel 2): the SDK's raw and
# streaming response wrappers, through which every call below goes. Called directly from here, the warning
# would name this module and not be hidden (pytest is set to fail on that).
warnings.filterwarnings("ignore", message=r"The Sora API ", category=DeprecationWarning,
                        module=r"openai\._(legacy_)?response\Z")


class SoraProvider:
    def __init__(self, settings: SoraSettings, key: Callable[[], str | None]) -> None:
        self.settings = settings
        self.name = settings.name
        self.label = settings.label or settings.name
        self._key = key
        self._client: Any = None
        self._client_key: str | None = None

    # ---- description ---------------------------------------------------------------------------

    def capabilities(self) -> Capabilities:
        s = self.settings
        return Capabilities(media="video", models=(s.model,), seconds=s.seconds, sizes=s.sizes, remote=True,
                            remix=True, pricing=Pricing(per_second=s.price_per_second, currency=s.currency),
                            settle_seconds=s.settle)

    def availability(self) -> Availability:
        if self.settings.retired:
            return Availability(False, self.settings.retired)
        return Availability(True)

    def estimate(self, request: GenerationRequest) -> CostEstimate:
        s = self.settings
        seconds = request.seconds
        return CostEstimate(round(s.price_per_second * seconds, 4), s.currency, s.price_per_second, seconds)

    # ---- protocol ------------------------------------------------------------------------------

    def submit(self, request: GenerationRequest) -> tuple[str, RemoteStatus]:
        videos = self._connect().videos.with_raw_response
        body = request.body
        op = "remix" if request.remix_of else "create"
        try:
            if request.remix_of:
                raw = videos.remix(request.remix_of, prompt=str(body["prompt"]))
            else:
                raw = videos.create(prompt=str(body["prompt"]), model=str(body["model"]),
                                    seconds=str(body["seconds"]), size=str(body["size"]))
            video = raw.parse()
        except Exception as exc:
            raise self._translate(exc, op) from None
        return str(video.id), self._status(video, raw.headers.get("openai-poll-after-ms"))

    def poll(self, remote_id: str) -> RemoteStatus:
        client = self._connect()
        try:
            raw = client.videos.with_raw_response.retrieve(remote_id)
            video = raw.parse()
        except Exception as exc:
            raise self._translate(exc, "poll") from None
        return self._status(video, raw.headers.get("openai-poll-after-ms"))

    def download(self, remote_id: str, request: GenerationRequest, video: Path, thumbnail: Path,
                 on_progress: Progress | None = None, cancelled: Cancelled | None = None) -> Downloaded:
        self._stream(remote_id, "video", "video/mp4", video, on_progress, cancelled)
        try:
            self._stream(remote_id, "thumbnail", "image/webp", thumbnail, None, cancelled)
        except (b.NotFound, b.BadRequest, b.ModelRetired, b.Expired):
            thumbnail.unlink(missing_ok=True)  # a service without thumbnails: the clip is what matters
            return Downloaded(video, None)
        return Downloaded(video, thumbnail)

    def cancel(self, remote_id: str) -> None:
        client = self._connect()
        try:
            client.videos.with_raw_response.delete(remote_id)
        except Exception as exc:
            err = self._translate(exc, "delete")
            if not isinstance(err, b.NotFound | b.ModelRetired):
                raise err from None

    def find_created(self, request: GenerationRequest, sent_from: float, sent_until: float,
                     exclude: frozenset[str]) -> Found:
        """The videos this request could have made: same prompt, model, length and size (and source, for a
        remix), created between ``sent_from`` and ``sent_until`` (unix seconds on our clock, mapped to the
        service's with its Date header), not in ``exclude``; oldest first. Pages through GET /videos newest
        first until the listing is older than the send."""
        client = self._connect()
        matches: list[Made] = []
        after: str | None = None
        for _ in range(MAX_LIST_PAGES):
            try:
                extra = {"after": after} if after else {}
                raw = client.videos.with_raw_response.list(limit=100, order="desc", **extra)
                page = raw.parse()
            except Exception as exc:
                raise self._translate(exc, "list") from None
            offset = clock_offset(raw.headers.get("date"))
            margin = CLOCK_MARGIN if offset is not None else CLOCK_SKEW
            earliest, latest = sent_from + (offset or 0.0) - margin, sent_until + (offset or 0.0) + margin
            items = list(page.data or [])
            for video in items:
                created = float(getattr(video, "created_at", 0) or 0)
                if created < earliest:
                    return Found(oldest_first(matches), covered=True)
                if created <= latest and str(video.id) not in exclude and made_by(video, request):
                    matches.append(Made(str(video.id), created))
            if not items or page.has_more is False:
                return Found(oldest_first(matches), covered=True)
            after = getattr(page, "last_id", None) or str(items[-1].id)
        return Found(oldest_first(matches), covered=False)

    def release(self, remote_id: str) -> None:
        """The service keeps its video until it expires; nothing is held here."""

    # ---- internals -----------------------------------------------------------------------------

    def _connect(self) -> Any:
        try:
            key = self._key()
        except Exception as exc:  # a locked or missing keyring: its message is plain and has no key
            raise b.KeyMissing(str(exc)) from None
        if not key:
            raise b.KeyMissing(f"There is no API key for {self.label}. Add one with "
                               f"`healthviz keys set {self.name}` (it is kept in your system keyring).")
        if self._client is None or self._client_key != key:
            import openai

            self._client = openai.OpenAI(api_key=key, base_url=self.settings.base_url, max_retries=0,
                                         timeout=self.settings.timeout)
            self._client_key = key
        return self._client

    def _status(self, video: Any, poll_after_ms: str | None) -> RemoteStatus:
        error = getattr(video, "error", None)
        poll_after = None
        if poll_after_ms:
            try:
                poll_after = max(0.0, float(poll_after_ms) / 1000.0)
            except ValueError:
                poll_after = None
        return RemoteStatus(
            state=video.status, progress=int(getattr(video, "progress", 0) or 0), poll_after=poll_after,
            error_code=getattr(error, "code", None) if error else None,
            error_message=redact(str(getattr(error, "message", "")), self._client_key) if error else None,
            expires_at=getattr(video, "expires_at", None),
        )

    def _stream(self, remote_id: str, variant: str, accept: str, dest: Path,
                on_progress: Progress | None, cancelled: Cancelled | None) -> None:
        """Stream one asset into ``dest``, continuing a partial file with a Range request."""
        client = self._connect()
        have = dest.stat().st_size if dest.exists() else 0
        headers = {"Accept": accept}
        if have:
            headers["Range"] = f"bytes={have}-"
        try:
            with client.videos.with_streaming_response.download_content(
                    remote_id, variant=variant, extra_headers=headers) as response:
                append = bool(have) and response.status_code == 206
                if not append:
                    have = 0
                length = int(response.headers.get("content-length") or 0)
                total = have + length
                flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
                # Unbuffered: every chunk received is in the file, so a kill loses nothing we were sent.
                with open(os.open(dest, flags, 0o600), "ab" if append else "wb", buffering=0) as out:
                    for chunk in response.iter_bytes():
                        if cancelled is not None and cancelled():
                            raise b.ProviderError("The download was stopped.")
                        out.write(chunk)
                        have += len(chunk)
                        if on_progress is not None and total:
                            on_progress(min(1.0, have / total))
                    os.fsync(out.fileno())
        except b.ProviderError:
            raise
        except Exception as exc:
            if getattr(exc, "status_code", None) == 416 and have:
                return  # we already hold every byte (a crash came after the download, before the check)
            raise self._translate(exc, "download") from None

    def _translate(self, exc: BaseException, op: str) -> b.ProviderError:
        """An SDK or transport failure as a plain ProviderError (never carrying the key)."""
        import openai

        label, s = self.label, self.settings
        key = self._client_key
        status = getattr(exc, "status_code", None)
        code = str(getattr(exc, "code", "") or "")
        server_msg = redact(str(getattr(exc, "message", "") or ""), key)[:300]
        host = urlparse(s.base_url).netloc or s.base_url
        sends = op in ("create", "remix")  # both start a paid job at the service
        if isinstance(exc, openai.APITimeoutError):
            if sends:
                return b.Ambiguous(_ambiguous(label, "no answer came back in time"))
            return b.Timeout(f"{label} did not answer in time.")
        if isinstance(exc, openai.APIConnectionError):
            if sends and not _never_sent(exc):
                return b.Ambiguous(_ambiguous(label, "the connection was cut before the answer came"))
            return b.ConnectionLost(f"The connection to {label} ({host}) failed or was cut off.")
        if not isinstance(exc, openai.APIStatusError):
            if _transport_error(exc):  # a stream cut off mid-download (the SDK does not wrap it)
                return b.ConnectionLost(f"The download from {label} was cut off; it will continue.")
            return b.ProviderError(f"Unexpected problem talking to {label}: {exc.__class__.__name__}.")
        retry_after = _retry_after(exc.response.headers) if exc.response is not None else None
        model_unknown = "model" in server_msg.lower() and "not found" in server_msg.lower()
        if sends and status is not None and status >= 500:
            return b.Ambiguous(_ambiguous(label, f"it answered HTTP {status}, which does not say whether the "
                                                 "service behind it made the video"), status=status)
        if op == "list" and status in (404, 405, 501):
            return b.CannotList(f"{label} cannot list its videos (HTTP {status}), so HealthViz cannot tell "
                                "whether the request made one.", status=status)
        if op == "download" and status in (404, 410):
            return b.Expired(f"{label} no longer has this clip (HTTP {status}): it was made, but its download "
                             "expired or was removed before HealthViz could fetch it.", status=status)
        if code == "moderation_blocked":
            return b.ModerationBlocked(moderation_message(label))
        if status == 404 and op == "remix":  # the source video, not the model: remix sends no model
            return b.NotFound(f"The video to remix is no longer on the service ({label}): it may have expired "
                              "or been deleted. Make a new clip instead.", status=404)
        if status == 401:
            return b.InvalidKey(f"{label} rejected the API key (invalid or revoked). Set a new one with "
                                f"`healthviz keys set {self.name}`.", status=401)
        if status == 403:
            return b.NoAccess(f"Your {label} account has no access to this (model {s.model}). Check the "
                              "account's permissions or choose another model or provider.", status=403)
        if (status == 404 and op in ("create", "delete")) or model_unknown or code == "model_not_found":
            if s.retired:
                return b.ModelRetired(f"{label} answered \"not found\": this service was {s.retired}. "
                                      "Choose another provider.", status=status)
            return b.ModelRetired(f"{label} does not know the model {s.model!r} (not found): it may have "
                                  "been retired. Choose another model or provider.", status=status)
        if status == 404:
            return b.NotFound(f"{label} no longer has this video (not found); it may have expired or been "
                              "deleted.", status=404)
        if status == 429:
            if code in ("insufficient_quota", "billing_hard_limit_reached"):
                return b.QuotaExceeded(f"{label} says the account is out of credit or quota. Add credit "
                                       "there, then resume the job.", status=429)
            return b.RateLimited(f"{label} is busy (rate limited).", retry_after=retry_after, status=429)
        if status is not None and status >= 500:
            return b.ServerError(f"{label} had a server error (HTTP {status}).", retry_after=retry_after,
                                 status=status)
        detail = f": {server_msg}" if server_msg else ""
        return b.BadRequest(f"{label} refused the request (HTTP {status}){detail}", status=status)


def moderation_message(label: str) -> str:
    return (f"{label} blocked this clip with its moderation. Try gentler wording: a calmer style or a "
            "lower intensity, then send again.")


def _ambiguous(label: str, why: str) -> str:
    """The job runner goes on to ask the service's list of videos (and says so)."""
    return f"The request reached {label} but {why}, so the clip may have been created."


def _never_sent(exc: BaseException) -> bool:
    """True when the connection never opened (nothing reached the service), so a resend is safe."""
    seen: BaseException | None = exc
    while seen is not None:
        if type(seen).__name__ in ("ConnectError", "ConnectTimeout", "ConnectionRefusedError"):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _transport_error(exc: BaseException) -> bool:
    names = {"RemoteProtocolError", "ReadError", "ReadTimeout", "NetworkError", "StreamError",
             "ConnectionResetError", "IncompleteRead", "ProtocolError"}
    return any(cls.__name__ in names for cls in type(exc).__mro__) or isinstance(exc, ConnectionError)


def _retry_after(headers: Any) -> float | None:
    """Seconds from Retry-After-Ms or Retry-After (a number or an HTTP date)."""
    try:
        if headers.get("retry-after-ms"):
            return max(0.0, float(headers["retry-after-ms"]) / 1000.0)
        value = headers.get("retry-after")
        if not value:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            from datetime import UTC, datetime
            from email.utils import parsedate_to_datetime

            return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError, KeyError):
        return None
