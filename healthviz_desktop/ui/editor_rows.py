"""One symptom and one medication dose as editable rows of the entry editor."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import RELIEF_LEVELS, Dose, Observation
from healthviz_desktop.ui.editor_widgets import ChipGroup, ErrorLabel, Labelled, SeverityField, labelled


def to_qdatetime(value: datetime) -> QDateTime:
    """The same instant as a QDateTime; a time field shows it in its own zone (see WallClock)."""
    return QDateTime.fromMSecsSinceEpoch(round(value.timestamp() * 1000))


class WallClock:
    """The zone in which the editor's time fields show and read wall-clock times.

    An entry keeps the UTC offset it was lived in: "08:28" written at +01:00 on a trip still says 08:28
    when edited at home in UTC, and a correction typed there ("make it 08:45") means 08:45 where it was
    lived, so such an entry is edited in its own fixed offset. An entry written in this computer's zone
    (and a new one) is edited in the local zone, so moving its date across a DST change gets that day's
    offset rather than a stale one.
    """

    def __init__(self, fixed: timezone | None = None) -> None:
        self.fixed = fixed

    @classmethod
    def of(cls, when: datetime | None) -> WallClock:
        offset = when.utcoffset() if when is not None else None
        if when is None or offset is None or offset == when.astimezone().utcoffset():
            return cls()
        return cls(timezone(offset))

    def attach(self, edit: QDateTimeEdit) -> None:
        if self.fixed is not None:
            seconds = int(self.fixed.utcoffset(None).total_seconds())
            edit.setTimeZone(QTimeZone.fromSecondsAheadOfUtc(seconds))

    def from_q(self, value: QDateTime) -> datetime:
        msecs = value.toMSecsSinceEpoch()
        if self.fixed is not None:
            return datetime.fromtimestamp(msecs // 1000, self.fixed) + timedelta(milliseconds=msecs % 1000)
        # Local: the offset the computer has at that moment (DST-correct).
        return (datetime.fromtimestamp(msecs // 1000) + timedelta(milliseconds=msecs % 1000)).astimezone()


def field_name(path: str) -> str:
    """What the form calls the field a validation path ends in: "observations[0].body_area" → "Body area"."""
    last = path.split(".")[-1].split("[")[0]
    return {"symptom": "Symptom", "severity": "Severity", "qualities": "Quality", "body_area": "Body area",
            "onset_at": "Onset", "duration_minutes": "Duration", "name": "Medication", "amount": "Amount",
            "unit": "Unit", "relief": "Relief", "drug_class": "Class", "taken_at": "Time taken"}.get(last, last)


def _name_combo(items: list[tuple[str, str]], extra: list[str], accessible: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setAccessibleName(accessible)
    for key, label in items:
        combo.addItem(label, key)
    known = {label.casefold() for _, label in items} | {k for k, _ in items}
    for name in extra:
        if name.casefold() not in known:
            combo.addItem(name, None)
    combo.setCurrentIndex(-1)
    combo.setEditText("")
    completer = combo.completer()
    if completer is not None:
        from PySide6.QtCore import Qt

        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
    return combo


def _placeholder(combo: QComboBox, text: str) -> None:
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


def _combo_key(combo: QComboBox, lookup: Callable[[str], str | None]) -> tuple[str, bool]:
    """(catalogue key, False) when the text names a catalogue item, else (typed text, True)."""
    text = combo.currentText().strip()
    key = lookup(text) if text else None
    return (key, False) if key else (text, True)


class _Row(QFrame):
    remove_requested = Signal(object)
    changed = Signal()

    def __init__(self, parent: QWidget | None, clock: WallClock | None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.clock = clock or WallClock()
        self.error = ErrorLabel(self)
        self.captions: list[Labelled] = []

    def _make_remove(self) -> None:
        # Made after the fields, so it is last in Tab order even before the editor sets the chain.
        self.remove = QToolButton(self)
        self.remove.setText("Remove")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _caption(self, text: str, widget: QWidget, buddy: QWidget | None = None) -> Labelled:
        box = labelled(text, widget, self, buddy)
        self.captions.append(box)
        return box

    def set_mnemonics(self, on: bool) -> None:
        for box in self.captions:
            box.set_mnemonic(on)

    def tab_widgets(self) -> list[QWidget]:
        """This row's fields in reading order (the editor chains them into its Tab order)."""
        raise NotImplementedError


class ObservationRow(_Row):
    def __init__(self, known_custom: list[str], parent: QWidget | None = None, *,
                 clock: WallClock | None = None) -> None:
        super().__init__(parent, clock)
        cat = catalogue()
        self.symptom = _name_combo([(k, s.label) for k, s in cat.symptoms.items()], known_custom,
                                   "Symptom", self)
        _placeholder(self.symptom, "Pick or type a symptom")
        self.severity = SeverityField(self)
        self.qualities = ChipGroup([(k, q.label) for k, q in cat.qualities.items()], "Quality", self)
        self.area = QComboBox(self)
        self.area.setAccessibleName("Body area")
        self.area.addItem("—", None)
        for key, area in cat.areas.items():
            self.area.addItem(area.label, key)
        self.has_onset = QCheckBox("Started at", self)
        self.onset = QDateTimeEdit(self)
        self.onset.setCalendarPopup(True)
        self.onset.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.onset.setAccessibleName("Onset time")
        self.onset.setEnabled(False)
        self.clock.attach(self.onset)
        self.has_onset.toggled.connect(self.onset.setEnabled)
        self.hours = QSpinBox(self)
        self.hours.setRange(-1, 744)
        self.hours.setSpecialValueText("—")
        self.hours.setValue(-1)
        self.hours.setSuffix(" h")
        self.hours.setAccessibleName("Duration, hours")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 59)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Duration, minutes")
        self._make_remove()
        self.remove.setAccessibleName("Remove this symptom")
        self.symptom.currentTextChanged.connect(self._symptom_changed)

        grid = QGridLayout(self)
        grid.addWidget(self._caption("&Symptom", self.symptom), 0, 0)
        grid.addWidget(self._caption("Se&verity", self.severity, self.severity.slider), 0, 1, 1, 2)
        grid.addWidget(self.remove, 0, 3)
        grid.addWidget(labelled("Qualities", self.qualities, self), 1, 0, 1, 4)
        grid.addWidget(self._caption("Body &area", self.area), 2, 0)
        onset_box = QWidget(self)
        ob = QHBoxLayout(onset_box)
        ob.setContentsMargins(0, 0, 0, 0)
        ob.addWidget(self.has_onset)
        ob.addWidget(self.onset)
        grid.addWidget(labelled("Onset", onset_box, self), 2, 1)
        dur = QWidget(self)
        db = QHBoxLayout(dur)
        db.setContentsMargins(0, 0, 0, 0)
        db.addWidget(self.hours)
        db.addWidget(self.minutes)
        grid.addWidget(self._caption("&Duration", dur, self.hours), 2, 2, 1, 2)
        grid.addWidget(self.error, 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        for sig in (self.symptom.currentTextChanged, self.severity.valueChanged, self.qualities.changed,
                    self.area.currentIndexChanged, self.hours.valueChanged, self.minutes.valueChanged,
                    self.has_onset.toggled, self.onset.dateTimeChanged):
            sig.connect(self.changed)

    def tab_widgets(self) -> list[QWidget]:
        # Remove comes last although it sits top right: a destructive button should not be the
        # second stop on the way through a row.
        return [self.symptom, self.severity.slider, *self.qualities.chips(), self.area, self.has_onset,
                self.onset, self.hours, self.minutes, self.remove]

    def _symptom_changed(self, _text: str) -> None:
        # Suggest the symptom's usual body area the first time a catalogue symptom is chosen.
        key, custom = _combo_key(self.symptom, catalogue().symptom_key)
        if not custom and self.area.currentIndex() == 0:
            idx = self.area.findData(catalogue().symptoms[key].area)
            if idx >= 0:
                self.area.setCurrentIndex(idx)

    def set_default_onset(self, when: datetime) -> None:
        self.onset.setDateTime(to_qdatetime(when))

    def load(self, obs: Observation) -> None:
        self.symptom.setEditText(obs.label)
        self.severity.setValue(obs.severity)
        self.qualities.set_selected(obs.qualities)
        self.area.setCurrentIndex(max(0, self.area.findData(obs.body_area)) if obs.body_area else 0)
        if obs.onset_at:
            self.has_onset.setChecked(True)
            self.onset.setDateTime(to_qdatetime(obs.onset_at))
        if obs.duration_minutes is not None:
            self.hours.setValue(obs.duration_minutes // 60)
            self.minutes.setValue(obs.duration_minutes % 60)

    def is_blank(self) -> bool:
        """Untouched: no name, severity 0, nothing chosen. Saved entries leave such a row out."""
        return (not self.symptom.currentText().strip() and self.severity.value() == 0
                and not self.qualities.selected() and self.hours.value() < 0)

    def value(self) -> Observation:
        symptom, custom = _combo_key(self.symptom, catalogue().symptom_key)
        duration = None if self.hours.value() < 0 else self.hours.value() * 60 + self.minutes.value()
        return Observation(
            symptom=symptom, severity=self.severity.value(), qualities=self.qualities.selected(),
            body_area=self.area.currentData(), custom=custom, duration_minutes=duration,
            onset_at=self.clock.from_q(self.onset.dateTime()) if self.has_onset.isChecked() else None,
        )


class DoseRow(_Row):
    """A medication dose. Choosing a medication fills in its last dose, so repeat doses are one click."""

    def __init__(self, known: list[str], last_dose: Callable[[str], Dose | None],
                 parent: QWidget | None = None, *, clock: WallClock | None = None) -> None:
        super().__init__(parent, clock)
        cat = catalogue()
        self._last_dose = last_dose
        self.name = _name_combo([(k, m.label) for k, m in cat.medications.items()], known, "Medication", self)
        _placeholder(self.name, "Pick or type a medication")
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(0, 1_000_000)
        self.amount.setDecimals(1)
        self.amount.setSpecialValueText("—")
        self.amount.setAccessibleName("Amount")
        self.unit = QComboBox(self)
        self.unit.setEditable(True)
        self.unit.addItems(["", *cat.units])
        self.unit.setAccessibleName("Unit")
        self.drug_class = QComboBox(self)
        self.drug_class.setAccessibleName("Medication class")
        self.drug_class.addItem("Not classified", None)
        for key, c in cat.medication_classes.items():
            self.drug_class.addItem(c.label, key)
        self.relief = QComboBox(self)
        self.relief.setAccessibleName("Relief")
        self.relief.addItem("—", None)
        for level in RELIEF_LEVELS:
            self.relief.addItem(level.capitalize(), level)
        self.has_time = QCheckBox("Taken at", self)
        self.taken = QDateTimeEdit(self)
        self.taken.setCalendarPopup(True)
        self.taken.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.taken.setAccessibleName("Time taken")
        self.taken.setEnabled(False)
        self.clock.attach(self.taken)
        self.has_time.toggled.connect(self.taken.setEnabled)
        self._make_remove()
        self.remove.setAccessibleName("Remove this medication")
        self.remembered = QLabel(self)
        self.remembered.setObjectName("hint")
        self.name.currentTextChanged.connect(self._name_changed)

        grid = QGridLayout(self)
        grid.addWidget(self._caption("&Medication", self.name), 0, 0)
        grid.addWidget(labelled("Amount", self.amount, self), 0, 1)
        grid.addWidget(labelled("Unit", self.unit, self), 0, 2)
        grid.addWidget(self.remove, 0, 3)
        grid.addWidget(labelled("Class", self.drug_class, self), 1, 0)
        grid.addWidget(labelled("Relief", self.relief, self), 1, 1)
        tbox = QWidget(self)
        tl = QHBoxLayout(tbox)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.has_time)
        tl.addWidget(self.taken)
        grid.addWidget(labelled("Time", tbox, self), 1, 2, 1, 2)
        grid.addWidget(self.remembered, 2, 0, 1, 4)
        grid.addWidget(self.error, 3, 0, 1, 4)
        grid.setColumnStretch(0, 2)
        for sig in (self.name.currentTextChanged, self.amount.valueChanged, self.unit.currentTextChanged,
                    self.relief.currentIndexChanged, self.drug_class.currentIndexChanged, self.has_time.toggled):
            sig.connect(self.changed)

    def tab_widgets(self) -> list[QWidget]:
        return [self.name, self.amount, self.unit, self.drug_class, self.relief, self.has_time, self.taken,
                self.remove]

    def _name_changed(self, text: str) -> None:
        key, custom = _combo_key(self.name, catalogue().medication_key)
        self.drug_class.setEnabled(custom)
        if not custom:
            self.drug_class.setCurrentIndex(self.drug_class.findData(catalogue().medications[key].drug_class))
        last = self._last_dose(key) if text.strip() else None
        if last is None:
            self.remembered.setText("")
            if not custom and not self.unit.currentText():
                self.unit.setCurrentText(catalogue().medications[key].unit)
            return
        amount = f"{last.amount:g} {last.unit or ''}".strip() if last.amount is not None else "no amount"
        self.remembered.setText(f"Last time: {amount}")
        if self.amount.value() == 0 and last.amount is not None:
            self.amount.setValue(last.amount)
            self.unit.setCurrentText(last.unit or "")
        if custom and last.drug_class:
            self.drug_class.setCurrentIndex(max(0, self.drug_class.findData(last.drug_class)))

    def set_default_time(self, when: datetime) -> None:
        self.taken.setDateTime(to_qdatetime(when))

    def load(self, dose: Dose) -> None:
        self.amount.setValue(dose.amount or 0)  # before the name: keeps the stored amount
        self.name.setEditText(dose.label)
        self.unit.setCurrentText(dose.unit or "")
        self.relief.setCurrentIndex(max(0, self.relief.findData(dose.relief)) if dose.relief else 0)
        if dose.custom:
            self.drug_class.setCurrentIndex(max(0, self.drug_class.findData(dose.drug_class)))
        if dose.taken_at:
            self.has_time.setChecked(True)
            self.taken.setDateTime(to_qdatetime(dose.taken_at))

    def is_blank(self) -> bool:
        return not self.name.currentText().strip() and self.amount.value() == 0

    def value(self) -> Dose:
        name, custom = _combo_key(self.name, catalogue().medication_key)
        return Dose(
            name=name, custom=custom, amount=self.amount.value() or None, unit=self.unit.currentText().strip() or None,
            relief=self.relief.currentData(), drug_class=self.drug_class.currentData() if custom else None,
            taken_at=self.clock.from_q(self.taken.dateTime()) if self.has_time.isChecked() else None,
        )
