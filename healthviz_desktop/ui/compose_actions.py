"""The window's Compose action: what to compose from, and handing the person's order to the clip sender; and
Compose opened again on a clip of the library (Reuse prompt, Remix)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from healthviz_desktop.ui.actions import COMPOSE_MODULE

if TYPE_CHECKING:
    from healthviz_desktop.core.clip_library import ClipCard
    from healthviz_desktop.ui.clip_sender import ClipSender
    from healthviz_desktop.ui.main_window import MainWindow


def compose(w: MainWindow) -> None:
    """On the Trends tab, a trend of the period shown; else the selected entries (one: a moment, several:
    a trend over their days); with nothing selected, the dialog opens for explainer notes."""
    if w.journal is None or w.clip_jobs is None or not w.compose_available or settings_unreadable(w):
        return
    ids = w.selected_ids()
    date_range = w.trends_range()
    if date_range is not None:
        ids = []
    elif not ids and w.selected_entry() is not None:
        ids = [w.selected_entry().id]
    module = importlib.import_module(COMPOSE_MODULE)
    dialog = module.ComposeDialog(w.journal, list(w.settings.private_terms), entry_ids=ids,
                                  date_range=date_range, parent=w, studio=w.clip_jobs.studio)
    dialog.send_requested.connect(lambda order: clip_sender(w).send(order, on_sent=dialog.accept))
    dialog.open()


def compose_again(w: MainWindow, card: ClipCard, *, remix: bool = False) -> Any:
    """Compose opened on a clip's source (its entry, its period, your notes) with its choices and its exact
    prompt ("Reuse prompt"); with ``remix``, for that clip at its service (the maker, length and size fixed:
    the service remixes its own video, with the prompt alone). The dialog checks the prompt again, as ever."""
    if w.journal is None or w.clip_jobs is None or not w.compose_available or settings_unreadable(w):
        return None
    from dataclasses import replace

    from healthviz_desktop.ui.compose_reuse import apply_reuse

    module = importlib.import_module(COMPOSE_MODULE)
    ids = [card.entry_id] if card.entry_id is not None else list(card.entry_ids) if card.kind == "trend" else []
    dialog = module.ComposeDialog(w.journal, list(w.settings.private_terms), entry_ids=ids,
                                  date_range=card.period if card.kind == "trend" else None, parent=w,
                                  studio=w.clip_jobs.studio)
    apply_reuse(dialog, card, remix=remix)
    remix_of = card.job_id if remix else None
    dialog.send_requested.connect(lambda order: clip_sender(w).send(replace(order, remix_of=remix_of),
                                                                    on_sent=dialog.accept))
    dialog.open()
    return dialog


def settings_unreadable(w: MainWindow) -> bool:
    """Say so, and return True, when the settings file could not be read: the private terms are unknown."""
    if not w.settings.unreadable:
        return False
    from PySide6.QtWidgets import QMessageBox

    from healthviz_desktop.core.settings import unreadable_message

    QMessageBox.warning(w, "HealthViz", unreadable_message(w.paths.settings, w.settings.unreadable))
    return True


def clip_sender(w: MainWindow) -> ClipSender:
    """Send's confirmations for the open journal's clip jobs: one per journal, made on first use. The window
    follows what it sends: the new job's card in the Clips tab, then the finished clip in the player."""
    from healthviz_desktop.ui import clips_links
    from healthviz_desktop.ui.clip_sender import ClipSender

    jobs: Any = w.clip_jobs
    found = next((s for s in w.findChildren(ClipSender) if s.jobs is jobs), None)
    if found is None:
        found = ClipSender(w, jobs)
        found.sent.connect(lambda job: clips_links.follow_sent(w, job))
        found.finished.connect(lambda job: clips_links.clip_finished(w, job))
    return found
