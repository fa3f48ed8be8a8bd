"""The window's open journal, and the one place it is written from (after Anki's single-thread operations
and their "operation did" hook).

Every write runs on the app's single write thread (``AppPools.writes``), never on the GUI thread; when it
returns, ``changed`` carries a ``Change`` saying what changed, and every view refreshes itself from that
one signal (the list, trends, the details) instead of each action refreshing them by hand. Changes other
processes make (the CLI, a script, another window, a restore) come through the same signal, from the hub's
JournalWatch (``follow_others``); the window's own writes are not reported twice. A write that fails and has
no ``on_error`` of its own is reported by ``write_failed`` with what it was doing.
It also holds the journal's one ``ClipStudio`` (clip making) and its ``ClipJobs`` (clips in this window).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from healthviz_desktop.ui.app_pools import app_pools

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.studio import ClipStudio
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.ui.clip_jobs import ClipJobs
    from healthviz_desktop.ui.journal_watch import JournalWatch


class Change(NamedTuple):
    what: str  # "entries" | "journal" (replaced, reloaded whole, or changed by another process) | "jobs"
    select_id: int | None = None  # the entry the list should select afterwards (-1: none in particular)


class JournalHub(QObject):
    changed = Signal(object)  # Change, on the GUI thread, after the write is committed
    write_failed = Signal(str, object)  # what did not finish, the exception (when the caller gave no on_error)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pools = app_pools()
        self.journal: Any = None  # core.journal.Journal while open
        self.clip_jobs: ClipJobs | None = None
        self.watch: JournalWatch | None = None  # other processes' changes (follow_others)

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
        if self.watch is not None:  # reopened after a restore: its own writes are these now
            self.watch.ignore_writes_of(journal)
            self.watch.resume()
        if journal.db.read_only:  # carrying a job on writes to it: say they wait instead
            self.clip_jobs.report_waiting(journal.db.read_only)
        else:
            self.clip_jobs.carry_on()

    def follow_others(self, paths: DataPaths, *, since: int | None = None, interval_ms: int | None = None) -> Any:
        """Changes other processes make to the journal come through ``changed`` too (as Change("journal")).
        ``since``: the change count the list was read at, so nothing written meanwhile is missed."""
        from healthviz_desktop.ui.journal_watch import POLL_MS, JournalWatch

        watch = JournalWatch(paths, self, interval_ms=interval_ms or POLL_MS, since=since)
        watch.changed_elsewhere.connect(lambda: self.changed.emit(Change("journal")))
        if self.journal is not None:
            watch.ignore_writes_of(self.journal)
        self.watch = watch
        return watch

    def detach(self, wait_ms: int = 60_000) -> Any:
        """Stop clip jobs between two steps (each is kept) and let queued writes finish; returns the journal,
        no longer written to from here (a restore replaces its file)."""
        if self.watch is not None:  # the window replaces the journal itself: not news from elsewhere
            self.watch.pause()
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


def restore_entries(journal: Any, entry_ids: list[int]) -> Any:
    """Out of the trash together (what one Delete or one "Remove demo entries" put there)."""
    return journal.undelete_many(entry_ids)
