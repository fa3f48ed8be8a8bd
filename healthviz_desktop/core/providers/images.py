"""A remote provider speaking OpenAI's Images API (``client.images.generate``): one still picture per request,
which the job then brings to life on this computer (core/generation/still_clip.py).

Settings per provider (stored in the journal, never the key): base URL, model, picture sizes, qualities,
prices for a model without published ones, and whether to send a safety identifier. The preset
``openai-images`` is OpenAI's own endpoint with ``gpt-image-2``; any Images-compatible endpoint works by
base URL (`healthviz providers set NAME --kind images --base-url URL`).

Decisions that keep paid pictures safe:
- ``max_retries=0``: the SDK would resend ``POST /images/generations`` on its own after a 429, any 5xx, a
  timeout or a cut connection, with no idempotency key, so one call could bill two or three pictures and
  deliver one. The job runner owns every retry: a 429 or a connection that never opened made nothing, so
  it is tried again (after Retry-After); a timeout, a 5xx or an answer cut off may have been billed, so the
  person is asked (Ambiguous; the service has no id or list to settle it with).
- The picture is kept on this computer before ``submit`` returns (image_store.py), so a job cut off after
  the answer arrived finds it again (``find_created``) instead of paying twice.
- Only the prompt, the model and fixed values (size, quality, n, output format) go out; never an input
  picture, never ``user``. A ``safety_identifier`` goes only when the person turned it on, and it is a
  random value made for this installation, not derived from anything about them.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
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
    PicturePrice,
    Pricing,
    Progress,
    RemoteStatus,
    format_money,
    redact,
)
from healthviz_desktop.core.providers.image_prices import picture_prices, usage_cost
from healthviz_desktop.core.providers.image_store import ReceivedPictures
from healthviz_desktop.core.providers.sora import _never_sent, _retry_after

QUALITIES = ("medium", "low", "high")  # the default first
SENT = ("model", "prompt", "size", "quality", "n", "output_format", "safety_identifier")
MAX_EDGE, MAX_PIXELS = 3840, 3840 * 2160


@dataclass(frozen=True)
class ImagesSettings:
    name: str
    base_url: str
    model: str = "gpt-image-2"
    sizes: tuple[str, ...] = ("1536x1024", "1024x1536", "1024x1024")
    qualities: tuple[str, ...] = QUALITIES
    prices: dict[str, float] = field(default_factory=dict)  # per picture by quality, for unpublished models
    currency: str = "USD"
    label: str = ""
    timeout: float = 300.0  # seconds for one request: a high-quality picture can take two minutes
    safety_identifier: str = ""  # "" (the default): none is sent

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImagesSettings:
        data = dict(data)
        data["sizes"] = tuple(data.get("sizes", ()))
        data["qualities"] = tuple(data.get("qualities", QUALITIES))
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    def problems(self) -> list[str]:
        """What is wrong with these settings, in words; [] when they can be saved."""
        out = [f"size {size!r}: {why}" for size in self.sizes if (why := size_problem(size))]
        if not self.sizes:
            out.append("at least one picture size is needed")
        unknown = [q for q in self.qualities if q not in ("low", "medium", "high")]
        if unknown or not self.qualities:
            out.append("qualities are low, medium and high")
        if not picture_prices(self.model) and any(q not in self.prices for q in self.qualities):
            out.append(f"the model {self.model!r} has no published prices here: give a price per picture for "
                       f"each quality (--prices {','.join(f'{q}=0.05' for q in self.qualities)})")
        return out


def size_problem(size: str) -> str | None:
    """Why ``size`` is not a picture size Images models make (sides multiples of 16, 1:3 to 3:1, up to 3840 on
    a side and 3840x2160 in all), or None."""
    try:
        width, height = (int(v) for v in size.lower().split("x"))
    except ValueError:
        return "write it as WIDTHxHEIGHT, e.g. 1536x1024"
    if width % 16 or height % 16:
        return "both sides must be multiples of 16"
    if min(width, height) < 256 or max(width, height) > MAX_EDGE or width * height > MAX_PIXELS:
        return f"each side 256 to {MAX_EDGE}, and at most 3840x2160 in all"
    if max(width, height) > 3 * min(width, height):
        return "the shape must be between 1:3 and 3:1"
    return None


def new_safety_identifier() -> str:
    """A random value for this installation: it lets the service tell one installation's requests from
    another's for abuse monitoring, and says nothing about the person."""
    return f"hv-{secrets.token_hex(16)}"


PRESETS: dict[str, ImagesSettings] = {
    "openai-images": ImagesSettings(name="openai-images", base_url="https://api.openai.com/v1",
                                    label="OpenAI Images (gpt-image-2), brought to life on this computer"),
}


class ImagesProvider:
    def __init__(self, settings: ImagesSettings, key: Callable[[], str | None], received: Path) -> None:
        self.settings = settings
        self.name = settings.name
        self.label = settings.label or settings.name
        self._key = key
        self.received = ReceivedPictures(received)
        self._client: Any = None
        self._client_key: str | None = None

    # ---- description ---------------------------------------------------------------------------

    def _prices(self) -> tuple[PicturePrice, ...]:
        s = self.settings
        published = picture_prices(s.model)
        if published:
            return tuple(p for p in published if p.quality in s.qualities)
        return tuple(PicturePrice(q, size, float(s.prices[q])) for q in s.qualities if q in s.prices
                     for size in s.sizes)

    def capabilities(self) -> Capabilities:
        s = self.settings
        prices = self._prices()
        fixed: tuple[tuple[str, str | int], ...] = (("output_format", "png"),)
        if s.safety_identifier:
            fixed += (("safety_identifier", s.safety_identifier),)
        pricing = Pricing(currency=s.currency, per_picture=prices)
        pricing = replace(pricing, per_item=pricing.picture(s.qualities[0], s.sizes[0]))
        return Capabilities(media="image", models=(s.model,), sizes=s.sizes, seconds=(), remote=True,
                            pricing=pricing, qualities=s.qualities, fixed_fields=fixed)

    def availability(self) -> Availability:
        return Availability(True)

    def estimate(self, request: GenerationRequest) -> CostEstimate:
        caps = self.capabilities()
        quality = str(request.body.get("quality") or caps.quality)
        size = str(request.body.get("size"))
        amount = caps.pricing.picture(quality, size)
        note = f"one {size} picture at {quality} quality, {format_money(amount, caps.pricing.currency)} each"
        return CostEstimate(round(amount, 4), caps.pricing.currency, note=note)

    # ---- protocol ------------------------------------------------------------------------------

    def submit(self, request: GenerationRequest) -> tuple[str, RemoteStatus]:
        """One paid request; the picture is kept on this computer before this returns."""
        body = {k: v for k, v in request.body.items() if k in SENT}
        images = self._connect().images.with_raw_response
        try:
            answer = images.generate(**body).parse()
        except Exception as exc:
            raise self._translate(exc) from None
        usage = answer.usage.model_dump(mode="json") if getattr(answer, "usage", None) is not None else None
        first = (answer.data or [None])[0]
        try:
            png = base64.b64decode(str(getattr(first, "b64_json", None) or ""), validate=True)
            kept = self.received.keep(png, body, usage=usage, cost=usage_cost(self.settings.model, usage),
                                      created=getattr(answer, "created", None))
        except (ValueError, binascii.Error):
            raise b.Ambiguous(f"{self.label} answered, but its answer held no picture HealthViz could read, so "
                              "it may or may not have made (and billed) one.") from None
        except OSError as exc:  # made and billed, and it cannot be kept: say so plainly
            raise b.Expired(f"The picture from {self.label} arrived but could not be saved on this computer "
                            f"({exc.strerror or exc}). Free some space; it is counted as spent.") from None
        return kept.id, RemoteStatus("completed", progress=100, poll_after=0.0)

    def poll(self, remote_id: str) -> RemoteStatus:
        if self.received.get(remote_id) is None:
            raise b.NotFound(f"The picture {remote_id} from {self.label} is no longer on this computer.")
        return RemoteStatus("completed", progress=100)

    def download(self, remote_id: str, request: GenerationRequest, video: Path, thumbnail: Path,
                 on_progress: Progress | None = None, cancelled: Cancelled | None = None) -> Downloaded:
        """Copy the kept picture to ``video`` (the job keeps it beside the clip); its cost from the answer."""
        from healthviz_desktop.core.atomic import write_atomic

        kept = self.received.get(remote_id)
        if kept is None:
            raise b.Expired(f"The picture {remote_id} from {self.label} is no longer on this computer.")
        write_atomic(video, kept.picture.read_bytes())
        if on_progress is not None:
            on_progress(1.0)
        return Downloaded(video, None, extra={"usage": kept.record.get("usage")}, cost=kept.cost)

    def cancel(self, remote_id: str) -> None:
        """Nothing runs at the service after it answered; a picture that arrived stays (it was paid for)."""

    def release(self, remote_id: str) -> None:
        self.received.forget(remote_id)

    def find_created(self, request: GenerationRequest, sent_from: float, sent_until: float,
                     exclude: frozenset[str]) -> Found:
        """A picture this request brought, kept here before the job row heard of it; else the service cannot
        say (no id, no list): ``covered`` is False and ``why`` says so."""
        kept = self.received.find(request.body, sent_from, sent_until, exclude)
        if kept:
            return Found(tuple(Made(k.id, k.received_at) for k in kept), covered=True)
        return Found((), covered=False, why=(
            f"An Images request gets no id and {self.label} keeps no list of the pictures it made, so HealthViz "
            "cannot ask whether this one made (and billed) a picture"))

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

    def _translate(self, exc: BaseException) -> b.ProviderError:
        """An SDK or transport failure as a plain ProviderError (never carrying the key)."""
        import openai

        label, model = self.label, self.settings.model
        status = getattr(exc, "status_code", None)
        code = str(getattr(exc, "code", "") or "")
        server_msg = redact(str(getattr(exc, "message", "") or ""), self._client_key)[:300]
        host = urlparse(self.settings.base_url).netloc or self.settings.base_url
        if isinstance(exc, openai.APITimeoutError):
            return b.Ambiguous(_may_have_made(label, "no answer came back in time"))
        if isinstance(exc, openai.APIConnectionError):
            if _never_sent(exc):  # nothing reached the service: nothing made, safe to try again
                return b.ConnectionLost(f"Could not reach {label} ({host}): check the network connection. "
                                        "Nothing was sent.")
            return b.Ambiguous(_may_have_made(label, "the connection was cut before the whole answer came"))
        if not isinstance(exc, openai.APIStatusError):
            return b.ProviderError(f"Unexpected problem talking to {label}: {exc.__class__.__name__}.")
        lowered = server_msg.lower()
        if status is not None and status >= 500:
            return b.Ambiguous(_may_have_made(label, f"it answered HTTP {status}"), status=status)
        if status == 401:
            return b.InvalidKey(f"{label} rejected the API key (invalid or revoked). Set a new one with "
                                f"`healthviz keys set {self.name}`. Nothing was made or charged.", status=401)
        if status == 403:
            if "verif" in lowered:
                return b.NoAccess(f"{label} will not let this account use {model} until its organisation is "
                                  "verified (OpenAI: Settings → Organization → General → Verify Organization; it "
                                  "can take a few minutes to apply). Nothing was made or charged.", status=403)
            return b.NoAccess(f"Your {label} account may not use the model {model}. Check the account's "
                              "permissions or choose another model or provider. Nothing was made or charged.",
                              status=403)
        if code in ("moderation_blocked", "content_policy_violation") or "safety system" in lowered:
            return b.ModerationBlocked(f"{label} refused this picture with its moderation. Try gentler wording: a "
                                       "calmer style or a lower intensity, then send again. Nothing was charged.",
                                       status=status)
        if status == 404 or code == "model_not_found":
            return b.ModelRetired(f"{label} does not know the model {model!r} (not found): it may have been "
                                  "retired. Choose another model or provider.", status=status)
        if status == 429:
            if code in ("insufficient_quota", "billing_hard_limit_reached"):
                return b.QuotaExceeded(f"{label} says the account is out of credit or quota. Add credit there, "
                                       "then resume the job.", status=429)
            retry_after = _retry_after(exc.response.headers) if exc.response is not None else None
            return b.RateLimited(f"{label} is busy (rate limited); it made nothing.", retry_after=retry_after,
                                 status=429)
        detail = f": {server_msg}" if server_msg else ""
        return b.BadRequest(f"{label} refused the request (HTTP {status}){detail}", status=status)


def _may_have_made(label: str, why: str) -> str:
    return f"The request reached {label} but {why}, so a picture may have been made (and billed)."
