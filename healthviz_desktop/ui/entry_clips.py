""""Clips from this entry", under the selected entry's details: a row of thumbnails of the finished clips made
from it (alone or with other entries); a double-click (or Enter) plays the clip in the Clips tab.

Read on the read pool each time another entry is shown; hidden when the entry has none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from healthviz_desktop.core.clip_library import cards_for_entry, provider_facts

if TYPE_CHECKING:
    from healthviz_desktop.core.clip_library import ClipCard
    from healthviz_desktop.ui.main_window import MainWindow
    from healthviz_desktop.ui.thumbnails import ThumbnailLoader

ICON = QSize(128, 72)
_JOB = 0x0100 + 1  # Qt.UserRole + 1: the item's job id


def _read(journal: Any, entry_id: int) -> list[ClipCard]:
    from healthviz_desktop.core.providers.registry import Providers

    return cards_for_entry(journal.db, provider_facts(Providers(journal.db)), entry_id)


class EntryClips(QWidget):
    play_requested = Signal(int)  # job id

    def __init__(self, window: MainWindow, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryClips")
        self.window_, self.loader = window, loader
        self.entry_id: int | None = None
        self.cards: list[ClipCard] = []
        self._generation = 0
        self.heading = QLabel("Clips from this entry", self)
        self.list = QListWidget(self)
        self.list.setObjectName("entryClipList")
        self.list.setAccessibleName("Clips from this entry: press Enter to play one")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(ICON)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setFixedHeight(ICON.height() + 52)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.itemActivated.connect(self._activated)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.heading)
        lay.addWidget(self.list)
        loader.ready.connect(self._ready)
        self.setVisible(False)

    def show_entry(self, entry: Any) -> None:
        """Read the clips of ``entry`` (None: hide)."""
        self._generation += 1
        generation = self._generation
        self.entry_id = getattr(entry, "id", None)
        journal = self.window_.journal
        if self.entry_id is None or journal is None:
            self._fill([], generation)
            return
        self.window_.pools.reads.submit(_read, journal, self.entry_id, owner=self,
                                        on_result=lambda cards: self._fill(cards, generation))

    def _fill(self, cards: list[ClipCard], generation: int) -> None:
        if generation != self._generation:
            return
        self.cards = cards
        self.list.clear()
        wanted = []
        for card in cards:
            item = QListWidgetItem(card.name, self.list)
            item.setData(_JOB, card.job_id)
            item.setToolTip(f"{card.name}\n{card.facts()}\nDouble-click to play")
            item.setSizeHint(QSize(ICON.width() + 16, ICON.height() + 44))
            if card.picture:
                wanted.append(card.picture)
        self.heading.setText(f"Clips from this entry ({len(cards)})")
        self.setVisible(bool(cards))
        if wanted:
            self.loader.request(wanted)

    def _ready(self, path: str, image: QImage) -> None:
        for row, card in enumerate(self.cards):
            if card.picture == path:
                item = self.list.item(row)
                if item is not None:
                    item.setIcon(QIcon(QPixmap.fromImage(image.scaled(
                        ICON, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))))

    def _activated(self, item: QListWidgetItem) -> None:
        self.play_requested.emit(int(item.data(_JOB)))
