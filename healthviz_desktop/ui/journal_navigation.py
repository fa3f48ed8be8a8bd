"""Keyboard and mouse in the journal list land on entries, never on a day header.

Day headers are rows (ui/journal_model.py) that cannot be selected; Home, Page Up, an arrow across a day
boundary or a click on a header would make one current and leave nothing selected, so the details went
blank. When the current row becomes a header, it moves on to the nearest entry in the direction the
person was going (Home: the first entry; Up from the first entry: stays on it), and that entry is selected.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from healthviz_desktop.ui.journal_model import KindRole


class EntriesOnly(QObject):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        selection = view.selectionModel()
        assert selection is not None, "set the model before the navigation"
        selection.currentChanged.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and current.data(KindRole) == "day":
            # After the view is done with this key or click: it selects (nothing) at the header last.
            landed, came_from = QPersistentModelIndex(current), QPersistentModelIndex(previous)
            QTimer.singleShot(0, lambda: self._move_on(landed, came_from))

    def _move_on(self, current: QPersistentModelIndex, previous: QPersistentModelIndex) -> None:
        selection = self.view.selectionModel()
        if selection is None or not current.isValid() or selection.currentIndex() != current:
            return  # moved on meanwhile (a reload, another key)
        model = current.model()
        rows = model.rowCount()
        forward = not previous.isValid() or current.row() >= previous.row()
        ahead = range(current.row() + 1, rows) if forward else range(current.row() - 1, -1, -1)
        behind = range(current.row() - 1, -1, -1) if forward else range(current.row() + 1, rows)
        for row in (*ahead, *behind):
            target = model.index(row, 0)
            if target.data(KindRole) == "entry":
                break
        else:
            return
        flag = QItemSelectionModel.SelectionFlag
        extend = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)  # Shift+arrows
        command = (flag.Select | flag.Current) if extend else flag.ClearAndSelect
        selection.setCurrentIndex(target, command)
        self.view.scrollTo(target)


def entries_only(view: QAbstractItemView) -> EntriesOnly:
    return EntriesOnly(view)
