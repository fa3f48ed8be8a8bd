"""The embedded default provider: draws the scene on this computer. Offline, free, nothing leaves.

It speaks the same steps as a remote service so jobs treat every provider alike: ``submit`` only
names the job (no work, nothing sent), ``poll`` answers "completed" at once, and ``download`` is where
the clip is drawn and encoded, with progress and a cancel check between frames. Its model name marks the
request as drawn here: the prompt text in it is never used.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from healthviz_desktop.core.providers.base import (
    Availability,
    Cancelled,
    Capabilities,
    CostEstimate,
    Downloaded,
    Found,
    GenerationRequest,
    Progress,
    RemoteStatus,
)

LOCAL_NAME = "local"
LOCAL_MODEL = "healthviz-local-1"


class LocalProvider:
    name = LOCAL_NAME
    label = "This computer (offline, free)"

    def capabilities(self) -> Capabilities:
        return Capabilities(media="video", models=(LOCAL_MODEL,), seconds=(4, 8, 12),
                            sizes=("1280x720", "720x1280"), remote=False)

    def availability(self) -> Availability:
        return Availability(True)

    def estimate(self, request: GenerationRequest) -> CostEstimate:
        return CostEstimate(0.0, seconds=request.seconds)

    def submit(self, request: GenerationRequest) -> tuple[str, RemoteStatus]:
        return f"local-{uuid.uuid4().hex[:12]}", RemoteStatus("queued", poll_after=0.0)

    def poll(self, remote_id: str) -> RemoteStatus:
        return RemoteStatus("completed", progress=0)

    def download(self, remote_id: str, request: GenerationRequest, video: Path, thumbnail: Path,
                 on_progress: Progress | None = None, cancelled: Cancelled | None = None) -> Downloaded:
        from healthviz_desktop.core.render import render_clip

        render_clip(request.spec, video, thumbnail, seconds=request.seconds, size=request.size,
                    on_progress=on_progress, cancelled=cancelled)
        return Downloaded(video, thumbnail if thumbnail.exists() else None)

    def cancel(self, remote_id: str) -> None:
        """Nothing to tell anyone: stopping the worker (the cancel check) is all it takes."""

    def find_created(self, request: GenerationRequest, sent_from: float, sent_until: float,
                     exclude: frozenset[str]) -> Found:
        """``submit`` makes nothing anywhere: a send that was cut off made nothing, for certain."""
        return Found((), covered=True)

    def release(self, remote_id: str) -> None:
        """Nothing is held anywhere but the clip itself."""
