"""The window's open journal, and the one place it is written from (after Anki's single-thread operations
and their "operation did" hook).

Every write runs on the app's single write thread (``AppPools.writes``), never on the GUI thread; when it
returns, ``changed`` carries a ``Change`` saying what changed, and every view refreshes itself from that
one signal (the list, trends, the details) instead of each action refreshing them by hand.
It also holds the journal's one ``ClipStudio`` (clip making) and its ``ClipJobs`` (clips in this window).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from healthviz_desktop.ui.app_pools import app_pools

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.studio import ClipStudio
    from healthviz_desktop.ui.clip_jobs import ClipJobs


class Change(NamedTuple):
    what: str  # "entries" | "journal" (replaced or reloaded whole) | "jobs"
    select_id: int | None = None  # the entry the list should select afterwards (-1: none in particular)


class JournalHub(QObject):
    changed = Signal(object)  # Change, on the GUI thread, after the write is committed
    write_failed = Signal(str, object)  # what did not finish, the exception (when the caller gave no on_error)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pools = app_pools()
        self.journal: Any = None  # core.journal.Journal while open
        self.clip_jobs: ClipJobs | None = None

    @classmethod
    def over(cls, journal: Any, parent: QObject | None = None) -> JournalHub:
        """A hub writing to ``journal`` with no clip making (an editor opened on its own)."""
        hub = cls(parent)
        hub.journal = journal
        return hub

    @property
    def studio(self) -> ClipStudio:
        assert self.clip_jobs is not None, "no journal is open"
        return self.clip_jobs.studio

    def attach(self, journal: Any) -> None:
        """The journal is open for writes: clip making starts (jobs an earlier run left are carried on)."""
        from healthviz_desktop.core.generation.studio import ClipStudio
        from healthviz_desktop.ui.clip_jobs import ClipJobs

        self.journal = journal
        self.clip_jobs = ClipJobs(ClipStudio(journal), self)
        self.clip_jobs.job_done.connect(lambda _job: self.changed.emit(Change("jobs")))
        self.clip_jobs.carry_on()

    def detach(self, wait_ms: int = 60_000) -> Any:
        """Stop clip jobs between two steps (each is kept) and let queued writes finish; returns the journal,
        no longer written to from here (a restore replaces its file)."""
        if self.clip_jobs is not None:
            self.clip_jobs.stop(wait_ms)
            self.clip_jobs = None
        self.pools.writes.wait(wait_ms)
        journal, self.journal = self.journal, None
        return journal

    def write(self, fn: Callable[..., Any], *args: Any, change: Change | str | None = None,
              on_result: Callable[[Any], None] | None = None, on_error: Callable[[BaseException], None] | None = None,
              label: str | None = None, what: str = "Saving", **kwargs: Any) -> int:
        """Run ``fn(journal, *args)`` on the write thread; then ``on_result``, and ``changed`` with ``change``
        (a kind alone: the result, an Entry, is the one to select)."""
        journal = self.journal
        assert journal is not None, "no journal is open"

        def done(result: Any) -> None:
            if on_result is not None:
                on_result(result)
            if isinstance(change, str):
                self.changed.emit(Change(change, getattr(result, "id", None)))
            elif change is not None:
                self.changed.emit(change)

        def failed(exc: BaseException) -> None:
            if on_error is not None:
                on_error(exc)
            else:
                self.write_failed.emit(what, exc)

        return self.pools.writes.submit(fn, journal, *args, on_result=done, on_error=failed, label=label,
                                        owner=self, **kwargs)


def store_entry(journal: Any, entry: Any, *, revive: bool = False) -> Any:
    """A new entry added, an edited one updated against the revision it carries (on the write thread); the
    Entry as stored. ``revive``: an entry trashed meanwhile is restored with this version (conflict dialog)."""
    return journal.update(entry, revive=revive) if entry.id is not None else journal.add(entry)


def trash_entry(journal: Any, entry_id: int) -> Any:
    return journal.delete(entry_id)


def restore_entry(journal: Any, entry_id: int) -> Any:
    return journal.undelete(entry_id)
