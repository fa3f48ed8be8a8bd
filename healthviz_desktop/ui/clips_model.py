"""The Clips library as a Qt model: the cards of core/clip_library.py, filtered and sorted there, with their
thumbnails. Testable without a window: give it cards and a ThumbnailLoader (or none).

Thumbnails are asked for as the view paints (``data(ThumbRole)`` is called for visible cards only), collected
until the paint is over and requested in one go in paint order, so the first screenful is made first. They
arrive as QImages from ui/thumbnails.py and are kept scaled to the card, as pixmaps.

Job events (ClipJobs.job_event) change a card in place: status, progress and message, at once; the row as
a whole is read again when the job's drive ends or the journal hub says jobs changed (ui/clips_tab.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap

from healthviz_desktop.core.clip_library import CardFilter, ClipCard, select

if TYPE_CHECKING:
    from healthviz_desktop.ui.thumbnails import ThumbnailLoader

_DISPLAY, _TOOLTIP, _ACCESSIBLE_TEXT, _USER = 0, 3, 11, 0x0100
CardRole = _USER + 1
ThumbRole = _USER + 2  # QPixmap, or None (not made yet: asked for), or a str (why there is none)
JobIdRole = _USER + 3

Index = QModelIndex | QPersistentModelIndex
THUMB = QSize(160, 90)  # a card's picture (16:9; portrait pictures are letterboxed inside it)


class ClipsModel(QAbstractListModel):
    reset_done = Signal()  # new cards are in (after a load or a filter change)

    def __init__(self, loader: ThumbnailLoader | None = None, parent: Any = None, *, thumb: QSize = THUMB) -> None:
        super().__init__(parent)
        self.loader = loader
        self.thumb = thumb
        self.filter = CardFilter()
        self.all: list[ClipCard] = []
        self.cards: list[ClipCard] = []
        self._rows: dict[int, int] = {}  # job id -> row
        self.pictures: dict[str, QPixmap] = {}
        self.missing: dict[str, str] = {}  # picture path -> why it has no thumbnail
        self._asked: set[str] = set()
        self._wanted: list[str] = []
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._request)
        if loader is not None:
            loader.ready.connect(self._ready)
            loader.failed.connect(self._failed)

    # ---- cards in -------------------------------------------------------------------------------------

    def set_cards(self, cards: list[ClipCard]) -> None:
        self.all = list(cards)
        self._show()

    def set_filter(self, flt: CardFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self._show()

    def _show(self) -> None:
        self.beginResetModel()
        self.cards = select(self.all, self.filter)
        self._rows = {c.job_id: r for r, c in enumerate(self.cards)}
        self.endResetModel()
        self.reset_done.emit()

    def put(self, card: ClipCard) -> None:
        """One card read again (a job moved on): changed in place, added, or removed if the filter drops it."""
        self.all = [c for c in self.all if c.job_id != card.job_id]
        belongs = (card.trashed_at is not None) == (self.filter.show == "trash")  # the trash is its own view
        if belongs:
            self.all.append(card)
        row = self._rows.get(card.job_id)
        if row is not None and belongs and self.filter.keeps(card) and self.cards[row].created_at == card.created_at:
            self.cards[row] = card
            self._changed(row)
            return
        self._show()

    def job_event(self, event: Any) -> None:
        """A JobEvent: the card shows it now (no read)."""
        row = self._rows.get(event.job_id)
        if row is None:
            return
        card = self.cards[row].with_event(event.status, event.progress, event.message)
        self.cards[row] = card
        self.all = [card if c.job_id == card.job_id else c for c in self.all]
        self._changed(row)

    def _changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    # ---- reading --------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.cards)

    def card_at(self, row: int) -> ClipCard | None:
        return self.cards[row] if 0 <= row < len(self.cards) else None

    def row_of(self, job_id: int) -> int | None:
        return self._rows.get(job_id)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        card = self.card_at(index.row()) if index.isValid() else None
        if card is None:
            return None
        if role == CardRole:
            return card
        if role == ThumbRole:
            return self.picture(card)
        if role == JobIdRole:
            return card.job_id
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            state = card.state()
            return f"{card.name}. {card.facts()}. {state.headline}"
        if role == _TOOLTIP:
            state = card.state()
            return "\n".join(t for t in (card.name, card.source_words(), state.headline, state.detail) if t)
        return None

    # ---- thumbnails -----------------------------------------------------------------------------------

    def picture(self, card: ClipCard) -> QPixmap | str | None:
        """The card's thumbnail; None while it is made (and asks for it); a reason when there is none."""
        path = card.picture
        if path is None:
            return ""
        found = self.pictures.get(path)
        if found is not None:
            return found
        if path in self.missing:
            return self.missing[path]
        if path not in self._asked and self.loader is not None:
            self._asked.add(path)
            self._wanted.append(path)
            self._flush.start()
        return None

    def _request(self) -> None:
        wanted, self._wanted = self._wanted, []
        if wanted and self.loader is not None:
            self.loader.request(wanted)

    def _ready(self, path: str, image: QImage) -> None:
        from PySide6.QtCore import Qt

        self._asked.discard(path)
        scaled = image.scaled(self.thumb, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        self.pictures[path] = QPixmap.fromImage(scaled)
        self._picture_changed(path)

    def _failed(self, path: str, why: str) -> None:
        self._asked.discard(path)
        self.missing[path] = why or "no picture"
        self._picture_changed(path)

    def _picture_changed(self, path: str) -> None:
        for row, card in enumerate(self.cards):
            if card.picture == path:
                self._changed(row)

    def forget_picture(self, path: str) -> None:
        """A file gone or changed: its thumbnail is made again when next shown."""
        self.pictures.pop(path, None)
        self.missing.pop(path, None)
