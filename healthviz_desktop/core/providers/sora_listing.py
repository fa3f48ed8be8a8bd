"""Reading a /videos service's own list to settle a create request that got no answer: which listed video this
request could have made, and when, on the service's clock (core/generation/steps.py decides what follows)."""

from __future__ import annotations

from typing import Any

from healthviz_desktop.core.providers.base import GenerationRequest, Made

# Matching a video's created_at to a send: with the service's Date header its clock is known to the second,
# so a small margin will do; without it, its clock may be off by minutes.
CLOCK_MARGIN = 2.0
CLOCK_SKEW = 120.0


def oldest_first(matches: list[Made]) -> tuple[Made, ...]:
    """The list comes newest first; equal seconds keep the service's order (its newer first), reversed."""
    return tuple(reversed(sorted(matches, key=lambda m: -m.created_at)))


def clock_offset(date_header: str | None) -> float | None:
    """The service's clock minus ours, in seconds, from an HTTP Date header (None without one)."""
    if not date_header:
        return None
    import time
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(date_header).timestamp() - time.time()
    except (TypeError, ValueError):
        return None


def made_by(video: Any, request: GenerationRequest) -> bool:
    body = request.body
    same = (str(getattr(video, "prompt", "") or "") == str(body.get("prompt", ""))
            and str(getattr(video, "model", "")) == str(body.get("model", ""))
            and str(getattr(video, "seconds", "")) == str(body.get("seconds", ""))
            and str(getattr(video, "size", "")) == str(body.get("size", "")))
    if request.remix_of:
        return same and getattr(video, "remixed_from_video_id", None) == request.remix_of
    return same and not getattr(video, "remixed_from_video_id", None)
