"""The keyboard in the entry editor and the filter bar: what Enter and Esc do, where Tab goes, which
Alt-letter names which field, and error text that can be read on both themes (Qt offscreen)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMessageBox, QWidget

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.core.settings import Settings
from healthviz_desktop.ui.editor_widgets import ErrorLabel
from healthviz_desktop.ui.entry_editor import EntryEditor
from healthviz_desktop.ui.filter_bar import FilterBar
from healthviz_desktop.ui.settings_dialog import SettingsDialog
from healthviz_desktop.ui.theme import apply_appearance
from tests.ui_helpers import OFFSCREEN_ONLY

pytestmark = OFFSCREEN_ONLY

@pytest.fixture
def editor(qtbot, journal: Journal) -> EntryEditor:  # type: ignore[no-untyped-def]
    ed = EntryEditor(journal)
    asked: list[bool] = []
    ed.confirm_discard = lambda: asked.append(True) or True  # type: ignore[method-assign]
    ed.asked = asked  # type: ignore[attr-defined]
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is ed)  # shortcuts need the active window
    return ed


def name(widget: QWidget | None) -> str:
    if widget is None:
        return "<none>"
    if widget.accessibleName():
        return widget.accessibleName()
    return widget.text() if isinstance(widget, QAbstractButton) else type(widget).__name__


# Keys go in through QApplication.sendEvent, which propagates them to the parents as real typing does
# (and, unlike QTest's void key functions, costs no reference to None: see the stopgap above). QTest
# stays only for shortcuts (Ctrl+S, Alt+letter), which need its path through the shortcut map.
NO_MOD = Qt.KeyboardModifier.NoModifier
TEXT = {Qt.Key.Key_Return: "\r", Qt.Key.Key_Enter: "\r", Qt.Key.Key_Space: " ", Qt.Key.Key_Tab: "\t",
        Qt.Key.Key_Escape: "\x1b"}


def press(widget: QWidget, key: Qt.Key, mod: Qt.KeyboardModifier = NO_MOD, text: str | None = None) -> None:
    text = TEXT.get(key, "") if text is None else text
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, mod, text))


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        press(widget, Qt.Key(ord(ch.upper())) if ch.isalpha() else Qt.Key.Key_unknown, text=ch)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "focus left the window"
    return widget


def tab_walk(qtbot, start: QWidget, key: Qt.Key = Qt.Key.Key_Tab, limit: int = 150) -> list[str]:  # type: ignore[no-untyped-def]
    """Real Tab presses from ``start`` until focus comes back to it; each widget once (a date field
    takes one Tab per section, as Qt's date fields do)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [name(start)]
    for _ in range(limit):
        press(focused(), key)
        here = focused()
        if here is start and seen[-1] != name(start):
            return seen
        if name(here) != seen[-1]:
            seen.append(name(here))
    raise AssertionError(f"Tab never came back: {seen}")


def settle() -> None:
    """Let a new row show: a layout shows a widget added to a visible window from the event loop."""
    QApplication.processEvents()


def symptom_stops(editor: EntryEditor, row: int = 0) -> list[str]:
    first_chip = next(iter(editor.obs_rows[row].qualities.buttons.values())).accessibleName()
    return ["Symptom", "Severity, 0 to 10", first_chip, "Body area", "Started at", "Duration, hours",
            "Duration, minutes", "Remove this symptom"]


DOSE_STOPS = ["Medication", "Amount", "Unit", "Medication class", "Relief", "Taken at", "Remove this medication"]
TAIL = ["Add a medication dose", "Triggers", "Tags", "Mood", "Energy", "Hours slept", "Sleep quality", "Notes",
        "Save", "Cancel"]


def test_enter_finishes_a_field_and_only_ctrl_s_saves(qtbot, editor: EntryEditor, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    row = editor.obs_rows[0]
    row.symptom.setEditText("Nausea")
    for field in (row.symptom, editor.triggers, editor.tags, editor.mood, editor.when):
        field.setFocus()
        target = focused()
        for key, mod in ((Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
                         (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)):
            press(target, key, mod)
            assert editor.isVisible() and journal.count() == 0, name(field)
    assert not editor.save_button.isDefault()  # nothing may look as if Enter pressed it
    editor.notes.setFocus()
    type_text(editor.notes, "made-up")
    press(editor.notes, Qt.Key.Key_Return)
    type_text(editor.notes, "second line")
    assert editor.notes.toPlainText() == "made-up\nsecond line" and editor.isVisible()
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible() and journal.count() == 1


def test_enter_on_a_focused_button_presses_it(qtbot, editor: EntryEditor) -> None:  # type: ignore[no-untyped-def]
    editor.add_obs.setFocus()
    press(editor.add_obs, Qt.Key.Key_Return)
    assert len(editor.obs_rows) == 2 and editor.isVisible()


def test_escape_asks_before_discarding_changes(qtbot, editor: EntryEditor, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    editor.notes.setPlainText("made-up: not saved")
    editor.confirm_discard = lambda: editor.asked.append(False) or False  # type: ignore[attr-defined,method-assign]
    press(editor.notes, Qt.Key.Key_Escape)
    assert editor.isVisible() and editor.asked == [False]  # type: ignore[attr-defined]
    # The real question: Discard closes, Cancel keeps the form.
    del editor.confirm_discard
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    editor.cancel_button.click()
    assert editor.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
    press(editor.notes, Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_escape_on_an_untouched_form_just_closes(qtbot, editor: EntryEditor) -> None:  # type: ignore[no-untyped-def]
    press(editor.obs_rows[0].symptom, Qt.Key.Key_Escape)
    assert not editor.isVisible() and editor.asked == []  # type: ignore[attr-defined]


def test_tab_follows_the_screen_and_is_rebuilt_with_the_rows(qtbot, editor: EntryEditor) -> None:  # type: ignore[no-untyped-def]
    editor.add_dose()
    settle()
    assert tab_walk(qtbot, editor.when) == ["Date and time", *symptom_stops(editor), "Add a symptom",
                                            *DOSE_STOPS, *TAIL]
    editor.add_obs.click()  # a second symptom: its fields come right after the first one's
    settle()
    assert QApplication.focusWidget() is editor.obs_rows[1].symptom
    second = ["Date and time", *symptom_stops(editor), *symptom_stops(editor, 1), "Add a symptom", *DOSE_STOPS,
              *TAIL]
    assert tab_walk(qtbot, editor.when) == second
    assert tab_walk(qtbot, editor.cancel_button, Qt.Key.Key_Backtab) == \
        [second[-1], *reversed(second[:-1])]
    editor.obs_rows[0].remove.click()
    editor.obs_rows[0].has_onset.setChecked(True)  # the onset time joins once it can be edited
    stops = symptom_stops(editor)
    stops.insert(stops.index("Started at") + 1, "Onset time")
    assert tab_walk(qtbot, editor.when) == ["Date and time", *stops, "Add a symptom", *DOSE_STOPS, *TAIL]


def test_qualities_are_one_tab_stop_with_arrow_keys(qtbot, editor: EntryEditor) -> None:  # type: ignore[no-untyped-def]
    group = editor.obs_rows[0].qualities
    chips = list(group.buttons.values())
    editor.obs_rows[0].severity.slider.setFocus()
    press(editor.obs_rows[0].severity.slider, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chips[0]
    press(chips[0], Qt.Key.Key_Right)
    press(chips[1], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is chips[2]
    press(chips[2], Qt.Key.Key_Space)
    press(chips[2], Qt.Key.Key_Left)
    press(chips[1], Qt.Key.Key_Space)
    assert sorted(group.selected()) == sorted([k for k, b in group.buttons.items() if b in chips[1:3]])
    press(chips[1], Qt.Key.Key_Left)
    press(chips[0], Qt.Key.Key_Left)  # wraps round, like a radio group
    assert QApplication.focusWidget() is chips[-1]
    press(chips[-1], Qt.Key.Key_Tab)  # one press leaves the group
    assert QApplication.focusWidget() is editor.obs_rows[0].area
    press(editor.obs_rows[0].area, Qt.Key.Key_Backtab)  # and comes back to the chip it left
    assert QApplication.focusWidget() is chips[-1]


def test_each_alt_letter_names_one_field(qtbot, editor: EntryEditor) -> None:  # type: ignore[no-untyped-def]
    editor.add_observation()
    editor.add_dose()
    editor.add_dose()
    settle()
    texts = [w.text() for w in editor.findChildren(QLabel) + editor.findChildren(QAbstractButton)]
    texts += [g.title() for g in editor.findChildren(QGroupBox)]
    letters = [m.casefold() for t in texts for m in re.findall(r"(?<!&)&([^&])", t)]
    assert sorted(letters) == sorted(set(letters)) and {"s", "m", "a", "g"} <= set(letters)
    for key, target in ((Qt.Key.Key_G, editor.tags), (Qt.Key.Key_A, editor.obs_rows[0].area),
                        (Qt.Key.Key_S, editor.obs_rows[0].symptom), (Qt.Key.Key_M, editor.dose_rows[0].name),
                        (Qt.Key.Key_V, editor.obs_rows[0].severity.slider), (Qt.Key.Key_D, editor.obs_rows[0].hours)):
        editor.notes.setFocus()
        qtbot.keyClick(editor.notes, key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is target, key
    editor.obs_rows[0].remove.click()  # the row that had the letters is gone: the next one has them now
    assert editor.obs_rows[0].captions[0].caption.text() == "&Symptom"


def contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        ch = [(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4) for v in (c.redF(), c.greenF(), c.blueF())]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def drawn_contrast(label: QLabel) -> float:
    """Contrast between the label's background and its most contrasting drawn pixel (big bold text)."""
    font = QFont(label.font())
    font.setPixelSize(40)
    font.setBold(True)
    label.setFont(font)
    label.adjustSize()
    image = label.grab().toImage()
    background = image.pixelColor(0, 0)
    return max(contrast(background, image.pixelColor(x, y))
               for x in range(image.width()) for y in range(image.height()))


@pytest.mark.parametrize("appearance", ["light", "dark"])
def test_error_text_meets_4_5_to_1_on_both_themes(qtbot, tmp_path: Path, appearance: str) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_appearance(app, "light" if appearance == "dark" else "dark")  # then switch, with labels open
    try:
        host = QWidget()
        qtbot.addWidget(host)
        label = ErrorLabel(host)
        dialog = SettingsDialog(Settings(), DataPaths.at(tmp_path / "d"))
        qtbot.addWidget(dialog)
        apply_appearance(app, appearance)
        for shown in (label, dialog.error):
            shown.show_errors(["IIII"])
            assert drawn_contrast(shown) >= 4.5
            assert shown.palette().color(shown.foregroundRole()).red() > 150  # still reads as an error
    finally:
        apply_appearance(app, "system")


def test_filter_bar_tab_order_matches_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is bar)
    assert tab_walk(qtbot, bar.search) == ["Search the journal", "Date range", "Symptom filter", "Minimum severity",
                                           "Medication filter", "Clear search and filters"]
