"""What a job's status is called on screen. The same status is different work for the local renderer and
for a service: ``downloading`` is fetching the finished clip from a service, but drawing it frame by frame
on this computer for the local renderer, which downloads nothing (job_store.py's status table)."""

from __future__ import annotations

_WORDS = {
    "pending": "Waiting to start",
    "sending": "Sending the request",
    "running": "Being made at the service",
    "stalled": "Waiting to try again",
    "needs_decision": "Waiting for you",
    "completed": "Done",
    "failed": "Not made",
    "cancelled": "Stopped",
}


def phase_label(status: str, *, remote: bool) -> str:
    """"Drawing the clip" (local) or "Downloading the clip" (a service) for ``downloading``; else the status."""
    if status == "downloading":
        return "Downloading the clip" if remote else "Drawing the clip"
    if status == "running" and not remote:
        return "Drawing the clip"
    return _WORDS.get(status, status.replace("_", " ").capitalize())
