"""Small input widgets the entry editor is built from: chips, the anchored severity slider, a
comma-separated field with completion, an inline error label, captions and the Tab chain."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCompleter,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QSlider,
    QSpinBox,
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


class _Chip(QToolButton):
    """One chip: moving focus with the arrow keys and becoming the group's Tab stop on focus."""

    def __init__(self, group: ChipGroup) -> None:
        super().__init__(group)
        self.owner = group  # not "group": QAbstractButton.group() is the QButtonGroup

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.owner.make_current(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.owner.move_from(self, Qt.Key(event.key())):
            super().keyPressEvent(event)


class ChipGroup(QWidget):
    """Checkable chips, one per (key, label). Like a radio group, the chips are ONE Tab stop (28 stops
    made the form a chore to cross): arrow keys, Home and End move between chips, Space toggles."""

    changed = Signal()

    def __init__(self, items: list[tuple[str, str]], accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        layout = FlowLayout(self, spacing=4)
        self.buttons: dict[str, QToolButton] = {}
        self._current: QToolButton | None = None
        for key, label in items:
            b = _Chip(self)
            b.setText(label)
            b.setCheckable(True)
            b.setAutoRaise(False)
            b.setAccessibleName(f"{accessible_name}: {label}")
            b.setObjectName("chip")
            b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            b.toggled.connect(self.changed)
            layout.addWidget(b)
            self.buttons[key] = b
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        # A chosen chip must read as chosen at a glance, in light and dark palettes alike; the focused
        # one gets a thicker border (padding shrinks by the same pixel so nothing jumps).
        self.setStyleSheet("QToolButton#chip { padding: 2px 8px; border-radius: 10px;"
                           " border: 1px solid palette(mid); }"
                           "QToolButton#chip:checked { background: palette(highlight);"
                           " color: palette(highlighted-text); border-color: palette(highlight); }"
                           "QToolButton#chip:focus { border: 2px solid palette(window-text); padding: 1px 7px; }")
        if self.buttons:
            self.make_current(self.chips()[0])

    def chips(self) -> list[QToolButton]:
        return list(self.buttons.values())

    def make_current(self, chip: QToolButton) -> None:
        # The roving tab stop: Tab reaches only the current chip; the others still take a click.
        # Only the chips whose role changes are touched: PySide 6.12 on CPython 3.11 drops a reference
        # to None on every call of a void method, and 28 calls per focus change add up.
        previous, self._current = self._current, chip
        if previous is not None and previous is not chip:
            previous.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def move_from(self, chip: QToolButton, key: Qt.Key) -> bool:
        """Arrow keys, Home and End: focus another chip. False for any other key."""
        chips = self.chips()
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}
        if key in steps:
            target = chips[(chips.index(chip) + steps[key]) % len(chips)]  # wraps, as radio groups do
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            target = chips[0 if key == Qt.Key.Key_Home else -1]
        else:
            return False
        self.make_current(target)
        target.setFocus(Qt.FocusReason.TabFocusReason)  # a keyboard move: draw the focus border
        return True

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


# Inline error text: WCAG AA (4.5:1) on this app's light and dark window colours (ui/theme.py); the
# familiar #d93025 managed only 4.3:1 on the light window and 2.9:1 on the dark one.
ERROR_COLOURS = {False: "#b3261e", True: "#f28b82"}  # light window #f3f3f5: 5.9:1; dark #2b2d31: 5.8:1


def error_color(background: QColor) -> QColor:
    return QColor(ERROR_COLOURS[background.lightness() < 128])


class ErrorLabel(QLabel):
    """An inline validation message under a field; hidden when there is nothing to say. Its colour
    follows the background it sits on, and changes with it when the appearance switches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setAccessibleName("Problem")
        self._recolour()
        self.hide()

    def _recolour(self) -> None:
        palette = self.palette()
        wanted = error_color(palette.color(QPalette.ColorRole.Window))
        if palette.color(QPalette.ColorRole.WindowText) != wanted:  # else setPalette would recurse
            palette.setColor(QPalette.ColorRole.WindowText, wanted)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def show_errors(self, messages: list[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))
        self.setAccessibleDescription(self.text())


class Labelled(QWidget):
    """A caption above a widget, the caption being the widget's buddy. The Alt-letter can be switched
    off: rows repeat, and a letter must name one field (only the first row keeps it)."""

    def __init__(self, text: str, widget: QWidget, parent: QWidget | None = None,
                 buddy: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.caption = QLabel(text, self)
        # The buddy must take focus itself (QLabel skips a NoFocus one), hence ``buddy`` for a
        # compound widget: the slider of the severity field, the hours box of the duration.
        self.caption.setBuddy(buddy or widget)
        lay.addWidget(self.caption)
        lay.addWidget(widget)

    def set_mnemonic(self, on: bool) -> None:
        text = self._text if on else self._text.replace("&", "")
        if self.caption.text() != text:
            self.caption.setText(text)


def labelled(text: str, widget: QWidget, parent: QWidget | None = None, buddy: QWidget | None = None) -> Labelled:
    return Labelled(text, widget, parent, buddy)


def scale_spin(name: str, parent: QWidget, maximum: int = 10) -> QSpinBox:
    """0 to ``maximum``, or "not recorded" (shown for -1: an unset scale is not a zero)."""
    spin = QSpinBox(parent)
    spin.setRange(-1, maximum)
    spin.setSpecialValueText("not recorded")
    spin.setValue(-1)
    spin.setAccessibleName(name)
    spin.setSuffix(f" / {maximum}")
    return spin


def hours_spin(name: str, parent: QWidget) -> QDoubleSpinBox:
    """Half hours from 0 to 24, or "not recorded" (shown for -0.5)."""
    spin = QDoubleSpinBox(parent)
    spin.setRange(-0.5, 24)
    spin.setSingleStep(0.5)
    spin.setDecimals(1)
    spin.setSpecialValueText("not recorded")
    spin.setValue(-0.5)
    spin.setSuffix(" h")
    spin.setAccessibleName(name)
    return spin


def set_tab_chain(widgets: Sequence[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order (Qt's default is creation order)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
