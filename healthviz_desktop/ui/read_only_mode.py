"""The window on a journal the person made read-only (its folder or its file; core/paths.read_only_reason).

The app never widens permissions the person set, so it opens such a journal for reading: a banner above
the tabs says so and why, and every action that would write is off, its tooltip saying why (New, Delete,
Undo, Import, Back up, Remove demo entries; the details' Delete). Reading, search, trends and export work;
the editor still opens an entry, and a save there says why it cannot be made, keeping the text. Nothing
else writes either: Settings apply for this session only, the welcome offers no demo data, and no
automatic backup is made nor clip job carried on (ui/data_actions.py, ui/clip_jobs.py), each saying why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from healthviz_desktop.ui.main_window import MainWindow

# The window's actions that write to the journal or its folder (set by ui/actions.py).
WRITING_ACTIONS = ("act_new", "act_delete", "act_undo", "act_import", "act_backup", "act_remove_demo")
BANNER_STYLE = "QLabel#readOnlyBanner { background: #fde9a9; color: #1a1a1a; padding: 6px 10px; }"


def banner_text(reason: str) -> str:
    return (f"This journal is read-only ({reason}). You can browse, search, see trends and export; nothing "
            "can be saved, and HealthViz leaves the permissions as you set them. To write to it again, make "
            "it writable and open HealthViz again.")


def why_not(reason: str) -> str:
    """The tooltip of an action that would write."""
    return f"Not available: the journal is read-only ({reason})."


def show_read_only(window: MainWindow, reason: str) -> None:
    """Called when the list opens on a read-only journal, before it is open for writes."""
    window.read_only_reason = reason
    banner = window.read_only_banner
    banner.setStyleSheet(BANNER_STYLE)  # a fixed pale yellow with dark ink, readable in both themes
    banner.setText(banner_text(reason))
    banner.show()
    tip = why_not(reason)
    for name in WRITING_ACTIONS:
        action = getattr(window, name)
        action.setEnabled(False)
        action.setToolTip(tip)
        action.setStatusTip(tip)
    window.details.writable = False
    window.details.delete_button.setEnabled(False)
    window.details.delete_button.setToolTip(tip)
