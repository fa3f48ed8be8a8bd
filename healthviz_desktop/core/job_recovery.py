"""Carrying on when the app starts: the clip jobs an earlier run left unfinished (a crash, a kill, a closed
window) are classified and driven to the end, so a paid job is never lost and never sent twice.

One cheap query when there is nothing to do, so start-up pays for the provider modules only when a job
is really waiting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from healthviz_desktop.core.jobs_store import UNFINISHED

if TYPE_CHECKING:
    from healthviz_desktop.core.database import Database
    from healthviz_desktop.core.jobs_store import Job

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Recovery:
    carried_on: list[Job] = field(default_factory=list)  # driven again; each now finished or waiting
    waiting: list[Job] = field(default_factory=list)  # needs the person: a decision, a key, a service back

    @property
    def anything(self) -> bool:
        return bool(self.carried_on or self.waiting)


def has_unfinished(db: Database) -> bool:
    marks = ", ".join("?" * len(UNFINISHED))
    with db.raw() as raw:
        return raw.execute(f"SELECT 1 FROM generation_job WHERE status IN ({marks}) LIMIT 1",
                           UNFINISHED).fetchone() is not None


def carry_on(db: Database, cancel: threading.Event, progress: Progress | None = None) -> Recovery:
    """Classify what a crash left (a job caught while sending waits for the person: it may be a paid job
    at the service) and run the rest until each finishes or needs the person; stops early on ``cancel``."""
    if not has_unfinished(db):
        return Recovery()
    from healthviz_desktop.core.jobs import JobRunner
    from healthviz_desktop.core.providers.local import LOCAL_NAME

    runner = JobRunner(db)
    todo, held = [], []
    for job in runner.recover(resume_stalled=False):
        if job.status == "stalled":
            continue
        if job.status == "pending" and job.provider != LOCAL_NAME and not job.sent_at:
            held.append(job)  # never sent: a paid request goes out only when the person says so, not at start
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
