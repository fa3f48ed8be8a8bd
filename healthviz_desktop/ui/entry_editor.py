"""The entry editor: when, symptoms, medications, triggers and tags, mood/energy/sleep, notes.

Validation is live and inline: every change re-runs core's ``validate_entry`` on what the form holds
and shows each message under the field it names. Ctrl+S saves, Esc cancels. Date and time default to
now in the local time zone and can be moved back for a late entry.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import (
    DAY_ROLLOVER_HOUR,
    Entry,
    FieldError,
    ValidationFailed,
    journal_day,
    normalise_entry,
    validate_entry,
)
from healthviz_desktop.core.timefmt import now_local
from healthviz_desktop.core.trends import custom_symptom_names
from healthviz_desktop.ui.editor_rows import DoseRow, ObservationRow, from_qdatetime, to_qdatetime
from healthviz_desktop.ui.editor_widgets import ErrorLabel, ListField

FUTURE_SLACK = timedelta(minutes=5)


def _scale(name: str, maximum: int = 10) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(-1, maximum)
    spin.setSpecialValueText("not recorded")
    spin.setValue(-1)
    spin.setAccessibleName(name)
    spin.setSuffix(f" / {maximum}")
    return spin


class EntryEditor(QDialog):
    saved = Signal(object)  # the Entry as stored

    def __init__(self, journal: Journal, entry: Entry | None = None, parent: QWidget | None = None,
                 *, now: datetime | None = None, rollover_hour: int = DAY_ROLLOVER_HOUR) -> None:
        super().__init__(parent)
        self.journal = journal
        self.original = entry
        self._tried_to_save = False
        self.setWindowTitle("Edit entry" if entry else "New entry")
        self.setObjectName("entryEditor")
        self.resize(820, 760)
        self.rollover_hour = rollover_hour
        self._known_symptoms = custom_symptom_names(journal)
        self._known_meds = journal.known_medications()

        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setAccessibleName("Date and time")
        self.when.setDateTime(to_qdatetime(entry.occurred_at if entry else (now or now_local())))
        self.when_zone = QLabel(self)
        self.when_error = ErrorLabel(self)

        self.obs_box = QVBoxLayout()
        self.obs_rows: list[ObservationRow] = []
        self.add_obs = QPushButton("+ Add symptom", self)
        self.add_obs.setAccessibleName("Add a symptom")
        self.add_obs.clicked.connect(lambda: self.add_observation(focus=True))
        self.dose_box = QVBoxLayout()
        self.dose_rows: list[DoseRow] = []
        self.add_dose_btn = QPushButton("+ Add medication", self)
        self.add_dose_btn.setAccessibleName("Add a medication dose")
        self.add_dose_btn.clicked.connect(lambda: self.add_dose(focus=True))

        cat = catalogue()
        triggers = list(dict.fromkeys([*journal.known_labels("trigger"), *cat.triggers]))
        self.triggers = ListField(triggers, "Triggers", self)
        self.tags = ListField(journal.known_labels("tag"), "Tags", self)
        self.labels_error = ErrorLabel(self)
        self.mood, self.energy, self.sleep_quality = _scale("Mood"), _scale("Energy"), _scale("Sleep quality")
        self.sleep_hours = QDoubleSpinBox(self)
        self.sleep_hours.setRange(-0.5, 24)
        self.sleep_hours.setSingleStep(0.5)
        self.sleep_hours.setDecimals(1)
        self.sleep_hours.setSpecialValueText("not recorded")
        self.sleep_hours.setValue(-0.5)
        self.sleep_hours.setSuffix(" h")
        self.sleep_hours.setAccessibleName("Hours slept")
        self.wellbeing_error = ErrorLabel(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("Anything else: what helped, what you were doing… (stays on this computer)")
        self.notes.setTabChangesFocus(True)
        self.notes_error = ErrorLabel(self)
        self.form_error = ErrorLabel(self)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        self._build_layout()
        if entry:
            self._load(entry)
        else:
            self.add_observation()
        self._update_zone()
        self.when.dateTimeChanged.connect(self._update_zone)
        for w in (self.when.dateTimeChanged, self.triggers.textChanged, self.tags.textChanged,
                  self.mood.valueChanged, self.energy.valueChanged, self.sleep_quality.valueChanged,
                  self.sleep_hours.valueChanged, self.notes.textChanged):
            w.connect(self.revalidate)
        self.revalidate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()  # Ctrl+S belongs to the editor as soon as it shows

    def _build_layout(self) -> None:
        body = QWidget(self)
        col = QVBoxLayout(body)
        when_row = QHBoxLayout()
        when_label = QLabel("&When", body)
        when_label.setBuddy(self.when)
        for w in (when_label, self.when, self.when_zone):
            when_row.addWidget(w)
        when_row.addStretch(1)
        col.addLayout(when_row)
        col.addWidget(self.when_error)
        col.addWidget(self.form_error)
        for title, box, button in (("Symptoms", self.obs_box, self.add_obs),
                                   ("Medications", self.dose_box, self.add_dose_btn)):
            group = QGroupBox(title, body)
            g = QVBoxLayout(group)
            g.addLayout(box)
            g.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            col.addWidget(group)
        more = QGroupBox("Triggers, tags and how you were", body)
        form = QFormLayout(more)
        form.addRow("&Triggers", self.triggers)
        form.addRow("T&ags", self.tags)
        form.addRow(self.labels_error)
        scales = QHBoxLayout()
        scale_widgets: list[tuple[str, QWidget]] = [("Mood", self.mood), ("Energy", self.energy),
                                                    ("Slept", self.sleep_hours), ("Sleep quality", self.sleep_quality)]
        for caption, widget in scale_widgets:
            lab = QLabel(caption, more)
            lab.setBuddy(widget)
            scales.addWidget(lab)
            scales.addWidget(widget)
        scales.addStretch(1)
        form.addRow(scales)
        form.addRow(self.wellbeing_error)
        col.addWidget(more)
        notes_label = QLabel("&Notes", body)
        notes_label.setBuddy(self.notes)
        col.addWidget(notes_label)
        col.addWidget(self.notes, 1)
        col.addWidget(self.notes_error)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.buttons)

    # ---- rows ----------------------------------------------------------------------------------

    def add_observation(self, *, focus: bool = False) -> ObservationRow:
        row = ObservationRow(self._known_symptoms, self)
        row.set_default_onset(from_qdatetime(self.when.dateTime()))
        row.remove_requested.connect(self._remove_row)
        row.changed.connect(self.revalidate)
        self.obs_rows.append(row)
        self.obs_box.addWidget(row)
        if focus:
            row.symptom.setFocus()
        self.revalidate()
        return row

    def add_dose(self, *, focus: bool = False) -> DoseRow:
        row = DoseRow(self._known_meds, self.journal.last_dose, self)
        row.set_default_time(from_qdatetime(self.when.dateTime()))
        row.remove_requested.connect(self._remove_row)
        row.changed.connect(self.revalidate)
        self.dose_rows.append(row)
        self.dose_box.addWidget(row)
        if focus:
            row.name.setFocus()
        self.revalidate()
        return row

    def _remove_row(self, row: QWidget) -> None:
        if row in self.obs_rows:
            self.obs_rows.remove(row)
        if row in self.dose_rows:
            self.dose_rows.remove(row)
        row.hide()
        row.deleteLater()
        self.revalidate()

    # ---- values --------------------------------------------------------------------------------

    def _load(self, entry: Entry) -> None:
        for obs in entry.observations:
            self.add_observation().load(obs)
        for dose in entry.doses:
            self.add_dose().load(dose)
        self.triggers.set_items(entry.triggers)
        self.tags.set_items(entry.tags)
        for spin, value in ((self.mood, entry.mood), (self.energy, entry.energy),
                            (self.sleep_quality, entry.sleep_quality)):
            spin.setValue(-1 if value is None else value)
        self.sleep_hours.setValue(-0.5 if entry.sleep_hours is None else entry.sleep_hours)
        self.notes.setPlainText(entry.notes)

    def value(self) -> Entry:
        """What the form holds, as an Entry (not yet normalised or validated)."""
        base = self.original or Entry(occurred_at=now_local())

        def opt(spin: QSpinBox) -> int | None:
            return None if spin.value() < 0 else spin.value()

        occurred = from_qdatetime(self.when.dateTime())
        return replace(
            base, occurred_at=occurred, day=journal_day(occurred, self.rollover_hour),
            notes=self.notes.toPlainText(), tags=self.tags.items(), triggers=self.triggers.items(),
            mood=opt(self.mood), energy=opt(self.energy), sleep_quality=opt(self.sleep_quality),
            sleep_hours=None if self.sleep_hours.value() < 0 else self.sleep_hours.value(),
            observations=[r.value() for r in self._filled(self.obs_rows)],
            doses=[r.value() for r in self._filled(self.dose_rows)],
        )

    @staticmethod
    def _filled(rows: list[Any]) -> list[Any]:
        return [r for r in rows if not r.is_blank()]

    def errors(self) -> list[FieldError]:
        entry = normalise_entry(self.value())
        found = validate_entry(entry)
        if entry.occurred_at > now_local() + FUTURE_SLACK:
            found.append(FieldError("occurred_at", "is in the future; entries record what already happened"))
        if self._tried_to_save and not (entry.observations or entry.doses or entry.notes.strip()):
            found.append(FieldError("entry", "Add a symptom, a medication or a note before saving."))
        return found

    def revalidate(self) -> list[FieldError]:
        found = self.errors()
        buckets: dict[object, list[str]] = {}

        def put(target: object, message: str) -> None:
            buckets.setdefault(target, []).append(message)

        nice = {"occurred_at": "Date and time", "notes": "Notes", "tags": "Tags", "triggers": "Triggers",
                "mood": "Mood", "energy": "Energy", "sleep_hours": "Hours slept", "sleep_quality": "Sleep quality"}
        for err in found:
            head = err.path.split(".")[0]
            field = err.path.split("[")[0]
            if head.startswith(("observations[", "doses[")) and head.endswith("]"):
                rows = self._filled(self.obs_rows if head.startswith("obs") else self.dose_rows)
                idx = int(head[head.index("[") + 1:-1])
                put(rows[idx] if idx < len(rows) else self.form_error, f"{_field_name(err.path)} {err.message}")
            elif field == "occurred_at":
                put(self.when_error, f"{nice[field]} {err.message}")
            elif field in ("tags", "triggers"):
                put(self.labels_error, f"{nice[field]} {err.message}")
            elif field in ("mood", "energy", "sleep_hours", "sleep_quality"):
                put(self.wellbeing_error, f"{nice[field]} {err.message}")
            elif field == "notes":
                put(self.notes_error, f"{nice[field]} {err.message}")
            else:
                put(self.form_error, err.message)
        for row in [*self.obs_rows, *self.dose_rows]:
            row.error.show_errors(buckets.get(row, []))
        for label in (self.when_error, self.labels_error, self.wellbeing_error, self.notes_error, self.form_error):
            label.show_errors(buckets.get(label, []))
        return found

    def _update_zone(self) -> None:
        when = from_qdatetime(self.when.dateTime())
        day = journal_day(when, self.rollover_hour)
        note = " (before the day's rollover hour)" if day != when.date() else ""
        self.when_zone.setText(f"UTC{when:%z} · counts for {day:%a %d %b}{note}")

    # ---- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        self._tried_to_save = True
        problems = self.revalidate()
        if problems:
            self._focus_first_error()
            return
        entry = self.value()
        try:
            stored = self.journal.update(entry) if entry.id is not None else self.journal.add(entry)
        except ValidationFailed as exc:  # core is the last word; show what it said inline
            self.form_error.show_errors([str(e) for e in exc.errors])
            return
        self.saved.emit(stored)
        self.accept()

    def _focus_first_error(self) -> None:
        for obs in self.obs_rows:
            if obs.error.isVisible():
                obs.symptom.setFocus()
                return
        for dose in self.dose_rows:
            if dose.error.isVisible():
                dose.name.setFocus()
                return
        if self.when_error.isVisible():
            self.when.setFocus()
        elif self.notes_error.isVisible():
            self.notes.setFocus()


def _field_name(path: str) -> str:
    last = path.split(".")[-1].split("[")[0]
    return {"symptom": "Symptom", "severity": "Severity", "qualities": "Quality", "body_area": "Body area",
            "onset_at": "Onset", "duration_minutes": "Duration", "name": "Medication", "amount": "Amount",
            "unit": "Unit", "relief": "Relief", "drug_class": "Class", "taken_at": "Time taken"}.get(last, last)
