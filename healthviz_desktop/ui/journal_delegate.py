"""How a journal row looks: day headers, and entries as time + coloured severity pills + medicines/notes.

All rows share one height so the list can use uniform item sizes (cheap layout for 100k rows); a day
header uses that height as breathing room above its title.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import Entry
from healthviz_desktop.ui.journal_model import EntryRole, KindRole
from healthviz_desktop.ui.theme import band_color

PAD = 10


def checkin_text(entry: Entry) -> str:
    """What an entry without symptoms says: how the person was (sleep, mood, energy) or its tags."""
    parts = []
    if entry.sleep_hours is not None:
        parts.append(f"slept {entry.sleep_hours:g} h")
    if entry.mood is not None:
        parts.append(f"mood {entry.mood}/10")
    if entry.energy is not None:
        parts.append(f"energy {entry.energy}/10")
    if parts:
        return "Check-in · " + ", ".join(parts)
    if entry.doses:
        return "Medication only"
    return "Note" if entry.notes.strip() else "Empty entry"


def time_text(entry: Entry) -> str:
    """The clock time, plus the weekday when the entry was written on another calendar day than the
    journal day it is listed under (after midnight, before the rollover hour): "00:20 Tue" under
    Monday, so it does not read as out of order above Monday's "08:45"."""
    when = entry.occurred_at
    return f"{when:%H:%M %a}" if when.date() != entry.effective_day() else f"{when:%H:%M}"


def dose_text(entry: Entry) -> str:
    out = []
    for d in entry.doses:
        amount = f" {d.amount:g}" if d.amount is not None else ""
        unit = f" {d.unit}" if d.unit and d.amount is not None else ""
        out.append(f"{d.label}{amount}{unit}")
    return ", ".join(out)


class JournalDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QAbstractItemView

        if isinstance(parent, QAbstractItemView) and parent.selectionModel() is not None:
            from healthviz_desktop.ui.journal_navigation import entries_only

            self.navigation = entries_only(parent)  # Home, arrows and clicks land on entries, not day headers

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(320, fm.height() * 2 + 3 * PAD // 2 + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect: QRect = opt.rect
        pal: QPalette = opt.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(KindRole) == "day":
            self._paint_day(painter, rect, pal, opt.font, str(index.data()))
        else:
            entry = index.data(EntryRole)
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            if selected:
                painter.fillRect(rect, pal.color(QPalette.ColorRole.Highlight))
            elif opt.state & QStyle.StateFlag.State_MouseOver:
                painter.fillRect(rect, pal.color(QPalette.ColorRole.AlternateBase))
            self._paint_entry(painter, rect, pal, opt.font, entry, selected)
            if opt.state & QStyle.StateFlag.State_HasFocus:
                pen_color = pal.color(QPalette.ColorRole.Highlight).lighter(130)
                painter.setPen(pen_color)
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def _paint_day(self, painter: QPainter, rect: QRect, pal: QPalette, font: QFont, title: str) -> None:
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        fm = QFontMetrics(bold)
        text_rect = QRect(rect.left() + PAD, rect.bottom() - fm.height() - PAD // 2, rect.width() - 2 * PAD,
                          fm.height())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        line = QColor(pal.color(QPalette.ColorRole.Mid))
        painter.setPen(line)
        painter.drawLine(rect.left() + PAD, rect.bottom(), rect.right() - PAD, rect.bottom())

    def _paint_entry(self, painter: QPainter, rect: QRect, pal: QPalette, font: QFont, entry: Entry,
                     selected: bool) -> None:
        fm = QFontMetrics(font)
        text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = QColor(text)
        muted.setAlphaF(0.68)
        top = rect.top() + PAD // 2 + 2
        line_h = fm.height() + 4
        x = rect.left() + PAD
        painter.setFont(font)
        painter.setPen(muted)
        clock = time_text(entry)
        time_w = max(fm.horizontalAdvance("00:00"), fm.horizontalAdvance(clock)) + PAD
        painter.drawText(QRect(x, top, time_w, line_h), Qt.AlignmentFlag.AlignVCenter, clock)
        x += time_w
        right = rect.right() - PAD
        cat = catalogue()
        if not entry.observations:
            painter.setPen(text)
            painter.drawText(QRect(x, top, right - x, line_h), Qt.AlignmentFlag.AlignVCenter,
                             checkin_text(entry))
        for obs in entry.observations:
            label = f"{obs.label}  {obs.severity}"
            w = fm.horizontalAdvance(label) + 14
            if x + w > right:
                painter.setPen(text)
                painter.drawText(QRect(x, top, right - x, line_h), Qt.AlignmentFlag.AlignVCenter, "…")
                break
            colour = band_color(cat.severity_band(obs.severity))
            pill = QRect(x, top + 1, w, line_h - 2)
            fill = QColor(colour)
            fill.setAlphaF(0.22)
            painter.setPen(colour)
            painter.setBrush(fill)
            painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.setPen(text)
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
            x += w + 6
        second = " · ".join(p for p in ("Demo entry" if entry.demo else "", dose_text(entry),
                                        " ".join(entry.notes.split())) if p)
        if second:
            painter.setPen(muted)
            left = rect.left() + PAD + time_w
            elided = fm.elidedText(second, Qt.TextElideMode.ElideRight, right - left)
            painter.drawText(QRect(left, top + line_h + 2, right - left, line_h), Qt.AlignmentFlag.AlignVCenter,
                             elided)
