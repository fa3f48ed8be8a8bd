"""The clip player, guarded: ``create_player()`` gives the real player where Qt Multimedia works, and a panel
that says what is missing (with the system player as a way out) where it does not. Both have the same
``open(clip, provenance)``. Importing this package loads no QtMultimedia; see guard.py and view.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from healthviz_desktop.core.clip_media import ClipProvenance
    from healthviz_desktop.ui.player.prefs import PlayerPrefs


class Player(Protocol):
    state: str
    problem: str

    def open(self, clip: Path, provenance: ClipProvenance | None = None, *, autoplay: bool = True) -> None: ...


def create_player(parent: QWidget | None = None, prefs: PlayerPrefs | None = None) -> QWidget:
    """The embedded player, or the unavailable panel. Needs a QApplication."""
    from healthviz_desktop.ui.player.guard import multimedia_problem

    problem = multimedia_problem()
    if problem is not None:
        from healthviz_desktop.ui.player.unavailable import UnavailablePlayer

        return UnavailablePlayer(problem, parent)
    from healthviz_desktop.ui.player.view import ClipPlayer

    return ClipPlayer(parent, prefs)
