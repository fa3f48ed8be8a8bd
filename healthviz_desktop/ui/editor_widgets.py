"""Small input widgets the entry editor is built from: chips, the anchored severity slider, a
comma-separated field with completion, and an inline error label."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.ui.theme import band_color


class FlowLayout(QLayout):
    """Lays children left to right and wraps, like words (Qt's own example, trimmed)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), test=True)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, test=False)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _do_layout(self, rect: QRect, *, test: bool) -> int:
        x, y, line_h = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() and line_h > 0:
                x, y, line_h = rect.x(), y + line_h + self._spacing, 0
            if not test:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_h = max(line_h, hint.height())
        return y + line_h - rect.y()


class ChipGroup(QWidget):
    """Checkable chips, one per (key, label); keyboard: Tab between chips, Space toggles."""

    changed = Signal()

    def __init__(self, items: list[tuple[str, str]], accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        layout = FlowLayout(self, spacing=4)
        self.buttons: dict[str, QToolButton] = {}
        for key, label in items:
            b = QToolButton(self)
            b.setText(label)
            b.setCheckable(True)
            b.setAutoRaise(False)
            b.setAccessibleName(f"{accessible_name}: {label}")
            b.setObjectName("chip")
            b.toggled.connect(self.changed)
            layout.addWidget(b)
            self.buttons[key] = b
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        # A chosen chip must read as chosen at a glance, in light and dark palettes alike.
        self.setStyleSheet("QToolButton#chip { padding: 2px 8px; border-radius: 10px;"
                           " border: 1px solid palette(mid); }"
                           "QToolButton#chip:checked { background: palette(highlight);"
                           " color: palette(highlighted-text); border-color: palette(highlight); }")

    def selected(self) -> list[str]:
        return [k for k, b in self.buttons.items() if b.isChecked()]

    def set_selected(self, keys: list[str]) -> None:
        for k, b in self.buttons.items():
            b.setChecked(k in keys)


class SeverityField(QWidget):
    """A 0–10 slider that says what the number means: "7 — hard to concentrate, focus of attention"."""

    valueChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName("Severity, 0 to 10")
        self.anchor = QLabel(self)
        self.anchor.setObjectName("severityAnchor")
        self.anchor.setMinimumWidth(260)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 2)
        layout.addWidget(self.anchor, 3)
        self.slider.valueChanged.connect(self._changed)
        self._changed(self.slider.value())

    def value(self) -> int:
        return self.slider.value()

    def setValue(self, value: int) -> None:
        self.slider.setValue(value)

    def anchor_text(self) -> str:
        return catalogue().severity_label(self.value())

    def _changed(self, value: int) -> None:
        cat = catalogue()
        colour = band_color(cat.severity_band(value)).name()
        self.anchor.setText(f"<b style='color:{colour}'>{value}</b> — {cat.severity_anchors[value]}")
        self.slider.setAccessibleDescription(self.anchor_text())
        self.valueChanged.emit(value)


class ListField(QLineEdit):
    """Comma-separated items (triggers, tags) completing the word after the last comma from what the
    journal already knows; choosing a completion keeps the earlier items."""

    def __init__(self, words: list[str], accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText("separate with commas")
        self.words = QCompleter(QStringListModel(words, self), self)  # the model needs an owner
        self.words.setWidget(self)
        self.words.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.words.setFilterMode(Qt.MatchFlag.MatchContains)
        self.words.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.words.activated.connect(self.insert_completion)
        self.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        word = text.split(",")[-1].strip()
        popup = self.words.popup()
        assert popup is not None
        if not word:
            popup.hide()
            return
        self.words.setCompletionPrefix(word)
        if self.words.completionCount():
            self.words.complete()
        else:
            popup.hide()

    def insert_completion(self, chosen: str) -> None:
        head = [h.strip() for h in self.text().split(",")[:-1] if h.strip()]
        self.setText(", ".join([*head, chosen]) + ", ")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        popup = self.words.popup()
        if popup is not None and popup.isVisible() and event.key() in keys:
            event.ignore()  # the popup takes these
            return
        super().keyPressEvent(event)

    def items(self) -> list[str]:
        return [p.strip() for p in self.text().split(",") if p.strip()]

    def set_items(self, items: list[str]) -> None:
        self.setText(", ".join(items))


class ErrorLabel(QLabel):
    """An inline validation message under a field; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet("color: #d93025;")
        self.setAccessibleName("Problem")
        self.hide()

    def show_errors(self, messages: list[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))
        self.setAccessibleDescription(self.text())


def labelled(text: str, widget: QWidget, parent: QWidget | None = None) -> QWidget:
    """A caption above a widget, with the caption as the widget's buddy for Alt-shortcuts."""
    box = QWidget(parent)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    cap = QLabel(text, box)
    cap.setBuddy(widget)
    lay.addWidget(cap)
    lay.addWidget(widget)
    return box
