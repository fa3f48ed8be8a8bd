"""The player area on a system where Qt Multimedia cannot play: what is missing, the provenance, and the
system's own player as a way to watch the clip anyway. No QtMultimedia import here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QWidget

from healthviz_desktop.core.clip_media import ClipProvenance
from healthviz_desktop.ui.player.panels import MessagePanel, ProvenancePanel


class UnavailablePlayer(QWidget):
    def __init__(self, problem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clipPlayerUnavailable")
        self.state, self.problem = "unavailable", problem
        self.clip: Path | None = None
        self.message = MessagePanel(self)
        self.side = ProvenancePanel(self)
        row = QHBoxLayout(self)
        row.addWidget(self.message, 1)
        row.addWidget(self.side)
        self._say()

    def open(self, clip: Path, provenance: ClipProvenance | None = None, *, autoplay: bool = True) -> None:
        self.clip = Path(clip)
        self.side.show_clip(provenance)
        self._say()

    def _say(self) -> None:
        way_out = ("You can still watch it in your system's own video player."
                   if self.clip is not None else "Clips can still be opened in your system's own video player.")
        self.message.say("The built-in player is not available", f"{self.problem} {way_out}", self.clip)
