"""Search box (full-text) and filters: date range, symptom, minimum severity, medication.

Typing is debounced (250 ms) so the list is re-queried once a word is typed, not per key.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

if TYPE_CHECKING:  # first needed when the journal opens, after the first paint
    from healthviz_desktop.core.query import JournalFilter

RANGES = (("Any time", None), ("Last 7 days", 7), ("Last 30 days", 30), ("Last 90 days", 90),
          ("Last 365 days", 365), ("Custom…", -1))


class FilterBar(QWidget):
    changed = Signal(object)  # JournalFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search notes, symptoms, medications, tags  (Ctrl+F)")
        self.search.setAccessibleName("Search the journal")
        self.search.setClearButtonEnabled(True)
        self.range = QComboBox(self)
        self.range.setAccessibleName("Date range")
        for label, days in RANGES:
            self.range.addItem(label, days)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30), self)
        self.date_to = QDateEdit(today, self)
        for edit, name in ((self.date_from, "From date"), (self.date_to, "To date")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setVisible(False)
        self.to_label = QLabel("to", self)
        self.to_label.setVisible(False)
        # Created in the order they sit on screen: Tab follows creation order.
        self.symptom = QComboBox(self)
        self.symptom.setAccessibleName("Symptom filter")
        self.min_severity = QComboBox(self)
        self.min_severity.setAccessibleName("Minimum severity")
        self.min_severity.addItem("Any severity", None)
        for n in range(1, 11):
            self.min_severity.addItem(f"Severity ≥ {n}", n)
        self.medication = QComboBox(self)
        self.medication.setAccessibleName("Medication filter")
        # Only the "Any …" choices for now: the catalogue (TOML) is read once the window has painted,
        # when the journal opens and set_vocabulary() fills these with its names as well.
        self.symptom.addItem("Any symptom", None)
        self.medication.addItem("Any medication", None)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear filters")
        self.clear_button.setAccessibleName("Clear search and filters")
        self.clear_button.clicked.connect(self.clear)

        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(self.search, 3)
        for w in (self.range, self.date_from, self.to_label, self.date_to, self.symptom, self.min_severity,
                  self.medication, self.clear_button):
            row.addWidget(w)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.emit_now)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.emit_now)
        self.range.currentIndexChanged.connect(self._range_changed)
        for combo in (self.symptom, self.min_severity, self.medication):
            combo.currentIndexChanged.connect(lambda _i: self.emit_now())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.emit_now())
        self._last: JournalFilter | None = None

    def set_vocabulary(self, custom_symptoms: list[str], medications: list[str]) -> None:
        """Catalogue items plus the person's own names; keeps the current choice when it still exists."""
        from healthviz_desktop.core.catalogue import catalogue

        cat = catalogue()
        for combo, any_label, items in (
            (self.symptom, "Any symptom", [(s.label, k) for k, s in cat.symptoms.items()]
             + [(n, n) for n in custom_symptoms]),
            (self.medication, "Any medication",
             [(cat.medication_label(m), m) for m in dict.fromkeys([*cat.medications, *medications])]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_label, None)
            for label, key in sorted(items, key=lambda kv: kv[0].casefold()):
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _range_changed(self, _i: int) -> None:
        custom = self.range.currentData() == -1
        for w in (self.date_from, self.to_label, self.date_to):
            w.setVisible(custom)
        self.emit_now()

    def value(self, today: date | None = None) -> JournalFilter:
        from healthviz_desktop.core.query import JournalFilter

        today = today or date.today()
        days = self.range.currentData()
        first = last = None
        if days == -1:
            first, last = self.date_from.date().toPython(), self.date_to.date().toPython()
        elif days:
            first, last = today - timedelta(days=days - 1), None
        return JournalFilter(
            text=self.search.text().strip(), date_from=first, date_to=last,  # type: ignore[arg-type]
            symptom=self.symptom.currentData(), min_severity=self.min_severity.currentData(),
            medication=self.medication.currentData(),
        )

    def is_filtered(self) -> bool:
        from healthviz_desktop.core.query import JournalFilter

        return self.value() != JournalFilter()

    def emit_now(self) -> None:
        self._debounce.stop()
        flt = self.value()
        if flt != self._last:
            self._last = flt
            self.changed.emit(flt)

    def clear(self) -> None:
        for w in (self.search, self.range, self.symptom, self.min_severity, self.medication):
            w.blockSignals(True)
        self.search.clear()
        for combo in (self.range, self.symptom, self.min_severity, self.medication):
            combo.setCurrentIndex(0)
        for w in (self.search, self.range, self.symptom, self.min_severity, self.medication):
            w.blockSignals(False)
        self._range_changed(0)

    def keyPressEvent(self, event: object) -> None:  # Esc in the bar clears the search first
        from PySide6.QtCore import Qt  # not at the top: see ui/theme.py _system_is_dark
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            self.emit_now()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
