"""Refusals of clip work, in words the person can act on (core/errors.py lists them for the CLI and window)."""

from __future__ import annotations


class JobRefused(Exception):
    """A request that cannot go (the firewall stopped it, the provider cannot make it, the output cannot be
    written); nothing was written or sent."""


class JobBusy(Exception):
    def __init__(self, job_id: int) -> None:
        super().__init__(f"Job {job_id} is being worked on by another HealthViz window or command.")
