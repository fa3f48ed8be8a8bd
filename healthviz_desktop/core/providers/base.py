"""The one interface every clip generator speaks: the embedded local renderer, remote /videos services and
Images services (a still picture, which the job then brings to life on this computer).

A job drives a provider in small steps so that a window can call each from a worker and stay responsive:
``submit`` (one request, returns the provider's id), ``poll`` (one request, returns the status and how long
to wait), ``download`` (streams the clip and thumbnail into files it is given), ``cancel``, and
``find_created`` (the service's list of what it made, to settle a send that got no answer). Nothing here
sleeps; retrying and waiting are the job runner's decisions.

Each provider declares what it makes (``Capabilities``: media kind, models, sizes, lengths, qualities,
prices), so composing offers only that and job code never asks which provider it is talking to. A provider
of media kind "image" answers ``submit`` with the picture already received and kept on this computer (an
Images request has no id at the service to ask about later), so ``poll`` says completed and ``download``
copies the kept picture; the job draws the clip from it (core/generation/still_clip.py).

Errors are ProviderError subclasses whose message is plain language the person can act on, and which say
whether trying again later can help (``retryable``). No message ever contains an API key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from healthviz_desktop.core.scene import SceneSpec

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]
RemoteState = Literal["queued", "in_progress", "completed", "failed"]


MediaKind = Literal["video", "image"]


@dataclass(frozen=True)
class PicturePrice:
    quality: str
    size: str
    price: float  # per picture


@dataclass(frozen=True)
class Pricing:
    """What the provider charges, as configured (the service's own bill is the final word)."""

    per_second: float = 0.0  # video: times the clip's seconds
    per_item: float = 0.0  # image: per picture of the default quality at the first size ("from ...")
    currency: str = "USD"
    per_picture: tuple[PicturePrice, ...] = ()  # image: by quality and size (per_item when not listed)

    def picture(self, quality: str, size: str) -> float:
        """The listed price; for a size not listed, the dearest listed one of that quality (an estimate errs
        high); else ``per_item``."""
        same = [row.price for row in self.per_picture if row.quality == quality]
        exact = [row.price for row in self.per_picture if row.quality == quality and row.size == size]
        return exact[0] if exact else max(same, default=self.per_item)


PICTURE_FIELDS = ("model", "prompt", "size", "quality", "n")  # an Images request; plus the provider's fixed ones


@dataclass(frozen=True)
class Capabilities:
    """What a provider makes, declared by the provider: composing offers only these, and a request
    outside them is refused before any job is written."""

    media: MediaKind
    models: tuple[str, ...]  # the first is the one composed for
    sizes: tuple[str, ...]  # "1280x720"
    seconds: tuple[int, ...]  # lengths of a clip; () for a still image
    remote: bool  # True: the request leaves the machine (and may cost money)
    remix: bool = False  # can make a new clip from one of its finished ones
    pricing: Pricing = field(default_factory=Pricing)
    # Seconds after a create request that got no answer during which the video it may have made can still
    # appear in the service's listing: before then, an empty listing proves nothing.
    settle_seconds: float = 0.0
    # image: the quality levels it offers, the default first (the person chooses; each has its price), and
    # fields sent with every request as these exact values (output format, an opted-in safety identifier)
    qualities: tuple[str, ...] = ()
    fixed_fields: tuple[tuple[str, str | int], ...] = ()

    @property
    def model(self) -> str:
        return self.models[0]

    @property
    def quality(self) -> str:
        """The default quality of a picture ("" for video)."""
        return self.qualities[0] if self.qualities else ""

    def picture_size(self, clip_width: int, clip_height: int) -> str:
        """The declared picture size whose shape is nearest the clip's (ties: the larger picture): the clip
        is drawn from it with a cover fit, so the nearer the shape the less of the picture is cut off."""
        import math

        def fit(size: str) -> tuple[float, int]:
            w, h = (int(v) for v in size.split("x"))
            return abs(math.log((w / h) / (clip_width / clip_height))), -w * h

        return min(self.sizes, key=fit)

    def check(self, request: dict[str, Any]) -> str | None:
        """Why ``request`` cannot be sent to this provider, or None when it can."""
        if request.get("model") not in self.models:
            return f"model {request.get('model')!r} is not one of {', '.join(self.models)}"
        if self.media == "video":
            try:
                seconds = int(str(request.get("seconds", "")))
            except ValueError:
                return f"seconds {request.get('seconds')!r} is not a number"
            if seconds not in self.seconds:
                return f"{seconds} s is not offered (choose {', '.join(str(s) for s in self.seconds)})"
        if request.get("size") not in self.sizes:
            return f"size {request.get('size')!r} is not offered (choose {', '.join(self.sizes)})"
        if self.media == "image":
            return self._check_picture(request)
        return None

    def _check_picture(self, request: dict[str, Any]) -> str | None:
        """Nothing but the prompt is free text: every other field is one this provider declared."""
        fixed = dict(self.fixed_fields)
        for key in request:
            if key not in PICTURE_FIELDS and key not in fixed:
                return f"field {key!r} is not part of a picture request"
        if "quality" in request and request["quality"] not in self.qualities:
            return f"quality {request['quality']!r} is not offered (choose {', '.join(self.qualities)})"
        if request.get("n", 1) != 1:
            return "one picture at a time"
        for key, value in fixed.items():
            if key in request and request[key] != value:
                return f"{key} must be {value!r}"
        return None


@dataclass(frozen=True)
class CostEstimate:
    amount: float  # in `currency`, before sending
    currency: str = "USD"
    per_second: float = 0.0
    seconds: int = 0
    note: str = ""

    def describe(self) -> str:
        if self.amount == 0:
            return "free (drawn on this computer)" if not self.note else f"free ({self.note})"
        if self.note:  # a picture: what it is, and at what price
            return f"about {format_money(self.amount, self.currency)} ({self.note})"
        return f"about {format_money(self.amount, self.currency)} ({self.seconds} s at " \
               f"{format_money(self.per_second, self.currency)}/s)"


def format_money(amount: float, currency: str = "USD") -> str:
    """Cents; tenths of a cent under a dollar where they count, as pictures are priced ($0.005, $0.165)."""
    digits = 3 if 0 < abs(amount) < 1 and round(amount, 2) != round(amount, 3) else 2
    return f"${amount:,.{digits}f}" if currency == "USD" else f"{amount:,.{digits}f} {currency}"


@dataclass(frozen=True)
class Availability:
    available: bool
    reason: str = ""  # shown to the person when not available, e.g. "retired by the vendor"


@dataclass(frozen=True)
class RemoteStatus:
    state: RemoteState
    progress: int = 0  # percent
    poll_after: float | None = None  # seconds the service asked us to wait before asking again
    error_code: str | None = None
    error_message: str | None = None
    expires_at: int | None = None


@dataclass(frozen=True)
class GenerationRequest:
    """What a job asks for: the scene (drawn locally) and the exact /videos body (sent remotely)."""

    spec: SceneSpec
    body: dict[str, Any]  # model, prompt, seconds (a string: "4"/"8"/"12"), size ("1280x720")
    remix_of: str | None = None  # the provider's id of a finished video to remix

    @property
    def seconds(self) -> int:
        return int(str(self.body.get("seconds", self.spec.seconds)))

    @property
    def size(self) -> tuple[int, int]:
        text = str(self.body.get("size", f"{self.spec.width}x{self.spec.height}"))
        width, height = text.lower().split("x")
        return int(width), int(height)


@dataclass(frozen=True)
class Made:
    id: str  # the service's id of a video
    created_at: float  # unix seconds, on the service's clock


@dataclass(frozen=True)
class Found:
    """What the service's own list says a create request made (reconciling a send that got no answer)."""

    matches: tuple[Made, ...]  # videos this request could have made, not taken by another job; oldest first
    covered: bool  # the list reached back past the send: no match means nothing was made
    why: str = ""  # when not covered: why the provider cannot tell, in words for the person


@dataclass(frozen=True)
class Downloaded:
    video: Path  # the clip; for an image provider, the picture
    thumbnail: Path | None
    extra: dict[str, Any] = field(default_factory=dict)
    cost: float | None = None  # what the service's answer says this cost (its usage), when it says


@runtime_checkable
class Provider(Protocol):
    name: str
    label: str

    def capabilities(self) -> Capabilities: ...

    def availability(self) -> Availability: ...

    def estimate(self, request: GenerationRequest) -> CostEstimate: ...

    def submit(self, request: GenerationRequest) -> tuple[str, RemoteStatus]: ...

    def poll(self, remote_id: str) -> RemoteStatus: ...

    def download(self, remote_id: str, request: GenerationRequest, video: Path, thumbnail: Path,
                 on_progress: Progress | None = None, cancelled: Cancelled | None = None) -> Downloaded: ...

    def cancel(self, remote_id: str) -> None: ...

    def find_created(self, request: GenerationRequest, sent_from: float, sent_until: float,
                     exclude: frozenset[str]) -> Found: ...

    def release(self, remote_id: str) -> None:
        """The job has kept what it needs of ``remote_id``: a copy the provider holds on this computer may go."""


# ---- errors ----------------------------------------------------------------------------------------

class ProviderError(Exception):
    """A failure with a plain message. ``retryable``: the same request may succeed later."""

    code = "provider_error"
    retryable = False

    def __init__(self, message: str, *, retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status

    @property
    def message(self) -> str:
        return str(self.args[0])


class InvalidKey(ProviderError):
    code = "invalid_key"


class NoAccess(ProviderError):
    code = "no_access"


class ModelRetired(ProviderError):
    code = "retired"


class NotFound(ProviderError):
    code = "not_found"


class BadRequest(ProviderError):
    code = "bad_request"


class QuotaExceeded(ProviderError):
    code = "quota"


class ModerationBlocked(ProviderError):
    code = "moderation_blocked"


class GenerationFailed(ProviderError):
    code = "generation_failed"


class InvalidDownload(ProviderError):
    """The service sent something that is not a playable clip; asking again may get a good copy."""

    code = "invalid_download"
    retryable = True


class Expired(ProviderError):
    """The service made the clip but no longer has it (its assets expired before the download), or a
    picture arrived and could not be kept (a full disk): made and billed, and gone."""

    code = "expired"


class CannotList(ProviderError):
    """The service cannot say what it made (no list of its videos), so a send without an answer stays open."""

    code = "cannot_list"


class KeyMissing(ProviderError):
    code = "key_missing"


class Unavailable(ProviderError):
    code = "unavailable"


class RateLimited(ProviderError):
    code = "rate_limited"
    retryable = True


class ServerError(ProviderError):
    code = "server_error"
    retryable = True


class Timeout(ProviderError):
    code = "timeout"
    retryable = True


class ConnectionLost(ProviderError):
    code = "connection"
    retryable = True


class Ambiguous(ProviderError):
    """A create request went out but no clear answer came back (a timeout, a cut connection, a gateway's
    502/504): the service may or may not have started a (paid) job. Never resent before the service's
    own list of videos says it made nothing (the job runner's reconciliation)."""

    code = "ambiguous"


def redact(text: str, *secrets: str | None) -> str:
    """``text`` with every secret (and any long prefix of it) replaced, for messages and logs."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[key hidden]")
            for cut in (16, 8):
                if len(secret) > cut:
                    text = text.replace(secret[:cut], "[key hidden]")
    return text
