"""How a clip card looks: in the grid, the picture with the title, length, size and maker, and the date and
cost (or, for a job on its way, its state and a progress bar over the picture); in the list, one row.

Every card of a mode has one size (uniform item sizes: laying out 500 cards is cheap). The picture is the
model's pixmap, letterboxed in a dark frame (portrait clips stay portrait); while it is made the frame
says so, and a clip without one says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from healthviz_desktop.core.clip_library import ClipCard
from healthviz_desktop.ui.clips_model import THUMB, CardRole, ThumbRole

PAD = 8
_TONES = {"done": None, "working": "#4e79a7", "waiting": "#d08a18", "failed": "#c8453a"}


def _tone(pal: QPalette, tone: str, selected: bool) -> QColor:
    hex_ = _TONES.get(tone)
    if hex_ is None or selected:
        return pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    return QColor(hex_)


class ClipCardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = True
        # Called with the job id each time a card's picture is painted (the library benchmark's finish line).
        self.on_picture: Callable[[int], None] | None = None

    def card_size(self, font: QFont) -> QSize:
        fm = QFontMetrics(font)
        if self.grid:
            return QSize(THUMB.width() + 2 * PAD, THUMB.height() + 2 * PAD + 3 * (fm.height() + 2) + 2)
        return QSize(480, max(54, 2 * (fm.height() + 2)) + 2 * PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.card_size(option.font)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        card: ClipCard | None = index.data(CardRole)
        if card is None:
            return
        picture = index.data(ThumbRole)
        rect: QRect = option.rect
        pal: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = rect.adjusted(2, 2, -2, -2)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(frame, 6, 6)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(frame, 6, 6)
        font: QFont = option.font
        if self.grid:
            pic = QRect(rect.left() + PAD, rect.top() + PAD, THUMB.width(), THUMB.height())
            text = QRect(rect.left() + PAD, pic.bottom() + 5, THUMB.width(), rect.bottom() - pic.bottom() - 5)
        else:
            h = rect.height() - 2 * PAD
            pic = QRect(rect.left() + PAD, rect.top() + PAD, h * 16 // 9, h)
            text = QRect(pic.right() + PAD + 4, rect.top() + PAD, rect.right() - pic.right() - 2 * PAD - 4, h)
        self._picture(painter, pic, card, picture, font)
        self._text(painter, text, card, pal, font, selected)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(pal.color(QPalette.ColorRole.Highlight).lighter(130))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 6, 6)
        painter.restore()

    def _picture(self, painter: QPainter, box: QRect, card: ClipCard, picture: object, font: QFont) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#15171c"))
        painter.drawRoundedRect(box, 4, 4)
        if isinstance(picture, QPixmap) and not picture.isNull():
            size = picture.size().scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(box.center())
            painter.drawPixmap(target, picture)
            if self.on_picture is not None:
                self.on_picture(card.job_id)
        state = card.state()
        working = state.progress is not None
        if working or not isinstance(picture, QPixmap):
            small = QFont(font)
            small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
            painter.setFont(small)
            painter.setPen(QColor("#e8e8ea"))
            if working:
                words = state.headline
            elif picture is None:
                words = "…"
            else:
                words = state.headline if card.state().tone != "done" else "No picture"
            inner = box.adjusted(6, 4, -6, -16 if working else -4)
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, words)
        if working:
            bar = QRect(box.left() + 8, box.bottom() - 12, box.width() - 16, 6)
            painter.setBrush(QColor(255, 255, 255, 60))
            painter.drawRoundedRect(bar, 3, 3)
            done = QRect(bar)
            done.setWidth(max(6, bar.width() * max(0, min(100, state.progress or 0)) // 100))
            painter.setBrush(QColor("#6fa8dc"))
            painter.drawRoundedRect(done, 3, 3)

    def _text(self, painter: QPainter, box: QRect, card: ClipCard, pal: QPalette, font: QFont,
              selected: bool) -> None:
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(ink)
        muted.setAlphaF(0.7)
        bold = QFont(font)
        bold.setBold(True)
        fm, bfm = QFontMetrics(font), QFontMetrics(bold)
        line = fm.height() + 2
        state = card.state()
        made = card.made_at
        when = f"{made.day} {made:%b %Y}" if made else ""
        third = f"{when} · {card.cost()}" if state.tone == "done" else state.headline
        rows = [(bold, bfm, ink, card.name), (font, fm, muted, card.facts()),
                (font, fm, _tone(pal, state.tone, selected), third)]
        if not self.grid and state.tone != "done" and state.detail:
            rows[2] = (font, fm, rows[2][2], f"{state.headline}: {state.detail}")
        top = box.top()
        for f, metrics, colour, words in rows:
            painter.setFont(f)
            painter.setPen(colour)
            elided = metrics.elidedText(words, Qt.TextElideMode.ElideRight, box.width())
            painter.drawText(QRect(box.left(), top, box.width(), line), Qt.AlignmentFlag.AlignVCenter, elided)
            top += line
