"""The window's Compose action: what to compose from, and handing the checked prompt to the clip sender."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from healthviz_desktop.ui.actions import COMPOSE_MODULE

if TYPE_CHECKING:
    from healthviz_desktop.ui.main_window import MainWindow


def compose(w: MainWindow) -> None:
    """On the Trends tab, a trend of the period shown; else the selected entries (one: a moment, several:
    a trend over their days); with nothing selected, the dialog opens for explainer notes."""
    if w.journal is None or not w.compose_available or settings_unreadable(w):
        return
    date_range = None
    ids = w.selected_ids()
    if w.tabs.currentIndex() == 1 and w._trends is not None:
        shown = w._trends.date_range()
        date_range, ids = (shown.first, shown.last), []
    elif not ids and w.selected_entry() is not None:
        ids = [w.selected_entry().id]
    module = importlib.import_module(COMPOSE_MODULE)
    dialog = module.ComposeDialog(w.journal, list(w.settings.private_terms), entry_ids=ids,
                                  date_range=date_range, parent=w)
    dialog.send_requested.connect(lambda composed: send_clip(w, composed))
    dialog.open()


def settings_unreadable(w: MainWindow) -> bool:
    """Say so, and return True, when the settings file could not be read: the private terms are unknown."""
    if not w.settings.unreadable:
        return False
    from PySide6.QtWidgets import QMessageBox

    from healthviz_desktop.core.settings import unreadable_message

    QMessageBox.warning(w, "HealthViz", unreadable_message(w.paths.settings, w.settings.unreadable))
    return True


def send_clip(w: MainWindow, composed: Any) -> None:
    from healthviz_desktop.ui.clip_sender import ClipSender

    if w._clip_sender is None:
        w._clip_sender = ClipSender(w, w.journal, w.workers)
    w._clip_sender.send(composed)
