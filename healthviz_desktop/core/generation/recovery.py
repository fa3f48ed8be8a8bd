"""Carrying on when the app starts: the clip jobs an earlier run left open (a crash, a kill, a closed window)
are driven to the end, so a paid job is never lost and never sent twice.

One cheap query when there is nothing to do, so start-up pays for the provider modules only when a job
is really waiting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from healthviz_desktop.core.generation.job_store import OPEN_WHERE

if TYPE_CHECKING:
    from healthviz_desktop.core.database import Database
    from healthviz_desktop.core.generation.job_store import Job
    from healthviz_desktop.core.generation.runner import JobRunner

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Recovery:
    carried_on: list[Job] = field(default_factory=list)  # driven again; each now done or waiting
    waiting: list[Job] = field(default_factory=list)  # needs the person: a decision, a key, a service back

    @property
    def anything(self) -> bool:
        return bool(self.carried_on or self.waiting)


def has_open_jobs(db: Database) -> bool:
    with db.raw() as raw:
        return raw.execute(f"SELECT 1 FROM generation_job WHERE {OPEN_WHERE} LIMIT 1").fetchone() is not None


def carry_on(runner: JobRunner, cancel: threading.Event, progress: Progress | None = None) -> Recovery:
    """Drive what an earlier run left open until each job is done or needs the person; stops early on
    ``cancel``. A paid request that was never sent waits: it goes out only when the person says so, never
    at start-up. A request caught mid-send is settled with the service first (steps.py)."""
    if not has_open_jobs(runner.db):
        return Recovery()
    todo, held = [], []
    for job in runner.recover(resume_stalled=False):
        if job.status == "stalled":
            continue
        remote = runner.providers.get(job.provider).capabilities().remote
        if job.status == "pending" and remote and not job.sent_at:
            held.append(job)
            continue
        todo.append(job)
    done: list[Job] = []
    for n, job in enumerate(todo):
        if cancel.is_set():
            break
        if progress is not None:
            progress(n, len(todo), f"Carrying on clip job {job.id}…")
        done.append(runner.run(job.id, cancel))
    waiting = runner.store.list_jobs(("needs_decision", "stalled"), limit=100) + held
    return Recovery(done, waiting)
