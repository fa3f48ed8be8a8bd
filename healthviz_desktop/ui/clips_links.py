"""How the Clips tab and the rest of the window reach each other: a card's source shown in the journal (its
entry selected) or in Trends (its period), the tab built on its first visit, a clip played from the entry's
details, and the window following a Send (the new job's card chosen, the finished clip opened in the player).
Imported after the first paint only.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.job_store import Job
    from healthviz_desktop.ui.clips_tab import ClipsTab
    from healthviz_desktop.ui.main_window import MainWindow

JOURNAL_TAB, TRENDS_TAB, CLIPS_TAB = 0, 1, 2


def thumbnail_loader(w: MainWindow) -> Any:
    """The window's one ThumbnailLoader (the library and the entry's clips share its cache and its threads)."""
    loader = getattr(w, "_thumbnail_loader", None)
    if loader is None:
        from healthviz_desktop.core.clip_thumbnails import ThumbnailCache
        from healthviz_desktop.ui.thumbnails import ThumbnailLoader

        loader = ThumbnailLoader(ThumbnailCache(w.paths.thumbnails), w)
        w._thumbnail_loader = loader  # type: ignore[attr-defined]
    return loader


def build_clips_tab(w: MainWindow) -> ClipsTab:
    from healthviz_desktop.ui.clips_tab import ClipsTab

    tab = ClipsTab(w, thumbnail_loader(w), w.clips_page)
    layout = w.clips_page.layout()
    assert layout is not None
    layout.addWidget(tab)
    connect_jobs(w, tab)
    tab.refresh()
    return tab


def connect_jobs(w: MainWindow, tab: ClipsTab) -> None:
    """The open journal's job events move their cards (again after a restore: a new ClipJobs)."""
    jobs = w.clip_jobs
    if jobs is not None and getattr(tab, "_jobs", None) is not jobs:
        jobs.job_event.connect(tab.job_event)
        tab._jobs = jobs  # type: ignore[attr-defined]


def journal_changed(w: MainWindow) -> None:
    """After any write (a job ended, a clip deleted, the journal replaced): the library and the entry's clips."""
    tab = w._clips  # None until the tab is first visited
    if tab is not None:
        connect_jobs(w, tab)
        tab.refresh()
    strip = getattr(w, "_entry_clips", None)
    if strip is not None:
        strip.show_entry(w.details.entry)


# ---- following a card to its source ----------------------------------------------------------------------

def show_entry(w: MainWindow, entry_id: int) -> None:
    """The Journal tab with this entry selected (filters cleared if they hide it); says so when it is gone."""
    w.tabs.setCurrentIndex(JOURNAL_TAB)

    def check() -> None:
        w.list_reloaded.disconnect(check)
        found = w.selected_entry()
        if found is None or found.id != entry_id:
            w.flash("The entry this clip was made from is no longer in the journal (it may be in the trash).",
                    12_000)

    w.list_reloaded.connect(check)
    if w.filters.is_filtered():
        w.filters.blockSignals(True)  # one reload, selecting the entry, instead of one per filter cleared
        try:
            w.filters.clear()
        finally:
            w.filters.blockSignals(False)
    w.reload(select_id=entry_id)
    w.list.setFocus()


def show_period(w: MainWindow, first: date, last: date) -> None:
    """The Trends tab showing exactly this period."""
    w.tabs.setCurrentIndex(TRENDS_TAB)
    w.trends.show_range(first, last)


# ---- entry details, Send ---------------------------------------------------------------------------------

def play_job(w: MainWindow, job_id: int) -> None:
    """The Clips tab with this clip chosen and playing (from the entry's clips, or a finished Send)."""
    w.tabs.setCurrentIndex(CLIPS_TAB)
    tab = w.clips
    card = tab.model.card_at(tab.model.row_of(job_id) if tab.model.row_of(job_id) is not None else -1)
    if card is not None and tab.select_job(job_id):
        tab.clip_actions.run("play", card)
        return

    def when_loaded() -> None:
        tab.loaded.disconnect(when_loaded)
        row = tab.model.row_of(job_id)
        if row is not None and tab.select_job(job_id):
            tab.clip_actions.run("play", tab.model.card_at(row))

    tab.loaded.connect(when_loaded)
    tab.refresh()


def follow_sent(w: MainWindow, job: Job) -> None:
    """Send went through: the Clips tab, with the new job's card chosen (it shows the progress)."""
    w.tabs.setCurrentIndex(CLIPS_TAB)
    tab = w.clips
    tab.select_job(job.id)
    tab.refresh()


def clip_finished(w: MainWindow, job: Job) -> None:
    """A Send's drive ended: a finished clip opens in the player; anything else, its card says."""
    if job.status == "completed" and job.clip_path:
        if w.tabs.currentIndex() == CLIPS_TAB:
            play_job(w, job.id)
        else:
            w.flash("Your clip is ready: see it in the Clips tab (Ctrl+3).", 20_000)
    elif job.status in ("failed", "cancelled", "needs_decision", "stalled"):
        w.flash(f"The clip was not made ({job.status.replace('_', ' ')}): its card in the Clips tab says why.",
                20_000)


def attach_entry_clips(w: MainWindow) -> None:
    """"Clips from this entry" under the entry's details (once the journal is open)."""
    if getattr(w, "_entry_clips", None) is not None:
        return
    from healthviz_desktop.ui.entry_clips import EntryClips

    strip = EntryClips(w, thumbnail_loader(w), w.details)
    w.details.extras.addWidget(strip)
    strip.play_requested.connect(lambda job_id: play_job(w, job_id))
    w.details.entry_shown.connect(strip.show_entry)
    w._entry_clips = strip  # type: ignore[attr-defined]
    strip.show_entry(w.details.entry)
