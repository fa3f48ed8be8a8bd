"""The entry editor: when, symptoms, medications, triggers and tags, mood/energy/sleep, notes.

Validation is live and inline: every change re-runs core's ``validate_entry`` on what the form holds
and shows each message under the field it names. Ctrl+S (or the Save button) saves; Enter never does,
because a person types Enter to finish a field, not to send the whole entry. Esc cancels, asking first
when something was changed. Date and time default to now in the local time zone and can be moved back
for a late entry; an existing entry keeps the UTC offset it was written in (see editor_rows.WallClock).

A save that fails keeps everything typed here and says why (``_not_stored``): an entry changed, trashed or
deleted by another window or command meanwhile opens the conflict dialog (ui/conflict_dialog.py), a
read-only journal or a full disk says so above the form.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
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
    journal_day,
)
from healthviz_desktop.core.timefmt import now_local
from healthviz_desktop.core.trends import custom_symptom_names
from healthviz_desktop.ui.editor_conflicts import ConflictResolution
from healthviz_desktop.ui.editor_rows import DoseRow, ObservationRow, WallClock, to_qdatetime
from healthviz_desktop.ui.editor_validation import EntryValidation
from healthviz_desktop.ui.editor_widgets import ErrorLabel, ListField, hours_spin, scale_spin, set_tab_chain
from healthviz_desktop.ui.journal_hub import JournalHub, store_entry


class EntryEditor(EntryValidation, ConflictResolution, QDialog):
    saved = Signal(object)  # the Entry as stored
    not_saved = Signal(object)  # the exception; the form still holds what was typed, and says why

    def __init__(self, journal: Journal, entry: Entry | None = None, parent: QWidget | None = None,
                 *, now: datetime | None = None, rollover_hour: int = DAY_ROLLOVER_HOUR, hub: Any = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.hub = hub or JournalHub.over(journal, self)  # saves go through it: every view hears of them
        self.original = entry
        self._blank = Entry(occurred_at=now_local())  # one base (and uid) for a new entry's every value()
        self.clock = WallClock.of(entry.occurred_at if entry else None)
        self._tried_to_save = False
        self._saving = False  # a save is on the write thread; the editor stays open until it answers
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
        self.clock.attach(self.when)
        self.when.setDateTime(to_qdatetime(entry.occurred_at if entry else (now or now_local())))
        self._loaded_when = self.when.dateTime()
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
        # Made in screen order, with a parent: Qt's Tab chain starts as creation order.
        self.mood, self.energy = scale_spin("Mood", self), scale_spin("Energy", self)
        self.sleep_hours = hours_spin("Hours slept", self)
        self.sleep_quality = scale_spin("Sleep quality", self)
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
        self._save_text = self.save_button.text()
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, self.cancel_button, self.add_obs, self.add_dose_btn):
            button.setAutoDefault(False)  # no default button: Enter must not save (see keyPressEvent)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.conflict_dialog: Any = None  # ui.conflict_dialog.ConflictDialog while one is open

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
        self._pristine = self.value()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # QDialogButtonBox makes its accept button the default when shown; the editor has none.
        self.save_button.setDefault(False)
        self.activateWindow()  # Ctrl+S belongs to the editor as soon as it shows

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Line edits and combo boxes pass Enter on to the dialog, which would press the default
        # button. Here Enter only presses the button that has focus, as Space does.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QAbstractButton) and not focused.isCheckable():
                focused.click()
            event.accept()
            return
        super().keyPressEvent(event)

    def is_changed(self) -> bool:
        return self.value() != self._pristine

    def confirm_discard(self) -> bool:
        """Asked before a changed form is thrown away (tests replace this)."""
        answer = QMessageBox.question(
            self, "Discard this entry?" if self.original is None else "Discard your changes?",
            "What you changed here is not saved yet.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:  # Esc, Cancel and the window's close button all come here
        if self._saving:  # its answer comes back here: a failure must find the text still in the form
            return
        if self.is_changed() and not self.confirm_discard():
            return
        super().reject()

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
        form.addRow("Ta&gs", self.tags)  # Alt+A is Body &area
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
        # Above the text, not below it: a long note pushes whatever is under it out of sight.
        col.addWidget(self.notes_error)
        col.addWidget(self.notes, 1)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop; it still scrolls to the focused field
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.scroll_area = scroll
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.buttons)

    # ---- rows ----------------------------------------------------------------------------------

    def add_observation(self, *, focus: bool = False) -> ObservationRow:
        row = ObservationRow(self._known_symptoms, self, clock=self.clock)
        row.set_default_onset(self._occurred())
        row.remove_requested.connect(self._remove_row)
        row.changed.connect(self.revalidate)
        self.obs_rows.append(row)
        self.obs_box.addWidget(row)
        self._rows_changed()
        if focus:
            row.symptom.setFocus()
        self.revalidate()
        return row

    def add_dose(self, *, focus: bool = False) -> DoseRow:
        row = DoseRow(self._known_meds, self.journal.last_dose, self, clock=self.clock)
        row.set_default_time(self._occurred())
        row.remove_requested.connect(self._remove_row)
        row.changed.connect(self.revalidate)
        self.dose_rows.append(row)
        self.dose_box.addWidget(row)
        self._rows_changed()
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
        self._rows_changed()
        self.revalidate()

    def _rows_changed(self) -> None:
        """Rows come and go, so Tab order and Alt-letters are set again each time: Tab follows the screen
        top to bottom, and only the first row of each kind has Alt-letters (one letter, one field)."""
        for rows in (self.obs_rows, self.dose_rows):
            for i, row in enumerate(rows):
                row.set_mnemonics(i == 0)
        set_tab_chain([
            self.when, *(w for r in self.obs_rows for w in r.tab_widgets()), self.add_obs,
            *(w for r in self.dose_rows for w in r.tab_widgets()), self.add_dose_btn, self.triggers, self.tags,
            self.mood, self.energy, self.sleep_hours, self.sleep_quality, self.notes, self.save_button,
            self.cancel_button])

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
        base = self.original or self._blank

        def opt(spin: QSpinBox) -> int | None:
            return None if spin.value() < 0 else spin.value()

        return replace(
            base, occurred_at=self._occurred(), day=self._day(),
            notes=self.notes.toPlainText(), tags=self.tags.items(), triggers=self.triggers.items(),
            mood=opt(self.mood), energy=opt(self.energy), sleep_quality=opt(self.sleep_quality),
            sleep_hours=None if self.sleep_hours.value() < 0 else self.sleep_hours.value(),
            observations=[r.value() for r in self._filled(self.obs_rows)],
            doses=[r.value() for r in self._filled(self.dose_rows)],
        )

    def _occurred(self) -> datetime:
        if self.original is not None and self.when.dateTime() == self._loaded_when:
            return self.original.occurred_at  # untouched: exactly as stored, offset and all
        return self.clock.from_q(self.when.dateTime())

    def _day(self) -> date:
        if self.original is not None and self.original.day and self.when.dateTime() == self._loaded_when:
            return self.original.day  # an untouched time never moves the entry to another day
        return journal_day(self._occurred(), self.rollover_hour)

    def _update_zone(self) -> None:
        when, day = self._occurred(), self._day()
        note = " (before the day's rollover hour)" if day != when.date() else ""
        self.when_zone.setText(f"UTC{when:%z} · counts for {day:%a} {day.day} {day:%b}{note}")  # as the field: "3 Dec"

    # ---- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        self._tried_to_save = True
        problems = self.revalidate()
        if problems:
            self._focus_first_error()
            return
        self._submit(self.value())

    def _submit(self, entry: Entry, *, revive: bool = False) -> None:
        """Store ``entry`` (new, or an edit made against the revision it carries) on the app's write thread;
        then, back on the GUI thread, _stored or _not_stored (the form stays as typed until one of them)."""
        self._saving = True
        self.save_button.setEnabled(False)  # one save at a time
        self.cancel_button.setEnabled(False)
        self.save_button.setText("Saving…")
        self.hub.write(store_entry, entry, revive=revive, change="entries", on_result=self._stored,
                       on_error=self._not_stored)

    def _stored(self, stored: Entry) -> None:
        self._saving_ended()
        self.saved.emit(stored)
        self.accept()

    def _not_stored(self, exc: BaseException) -> None:
        """The save failed: the form keeps everything typed, and says what happened and what can be done."""
        self._saving_ended()
        self._explain_not_stored(exc)
        self.not_saved.emit(exc)

    def _saving_ended(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.save_button.setText(self._save_text)


