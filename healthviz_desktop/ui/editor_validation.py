"""The entry editor's inline validation (ui/entry_editor.py): core's ``validate_entry`` on what the form holds,
each message shown under the field it names, and the focus moved to the first field with a problem on save."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from healthviz_desktop.core.model import FieldError, normalise_entry, nothing_recorded, validate_entry
from healthviz_desktop.core.timefmt import now_local
from healthviz_desktop.ui.editor_rows import field_name

if TYPE_CHECKING:
    from healthviz_desktop.core.model import Entry

FUTURE_SLACK = timedelta(minutes=5)
# Fields whose name is plural in the messages ("Notes are 100,001 characters long"), not "Notes is".
_PLURAL_VERBS = (("is ", "are "), ("contains ", "contain "), ("must ", "must "))


class EntryValidation:
    """Mixed into EntryEditor, whose widgets (rows, error labels, fields) it reads."""

    obs_rows: list[Any]
    dose_rows: list[Any]
    form_error: Any
    when_error: Any
    labels_error: Any
    wellbeing_error: Any
    notes_error: Any
    when: Any
    notes: Any
    scroll_area: Any
    _tried_to_save: bool

    if TYPE_CHECKING:
        def value(self) -> Entry: ...  # the form's entry, EntryEditor's

    @staticmethod
    def _filled(rows: list[Any]) -> list[Any]:
        return [r for r in rows if not r.is_blank()]

    def errors(self) -> list[FieldError]:
        entry = normalise_entry(self.value())
        found = validate_entry(entry)
        if entry.occurred_at > now_local() + FUTURE_SLACK:
            found.append(FieldError("occurred_at", "is in the future; entries record what already happened"))
        if self._tried_to_save and nothing_recorded(entry):  # the rule `healthviz entry add` follows too
            found.append(FieldError("entry", "Add a symptom, a medication, a note or how you slept or felt "
                                             "before saving."))
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
                put(rows[idx] if idx < len(rows) else self.form_error, f"{field_name(err.path)} {err.message}")
            elif field == "occurred_at":
                put(self.when_error, f"{nice[field]} {err.message}")
            elif field in ("tags", "triggers"):
                put(self.labels_error, f"{nice[field]} {_plural(err.message) if head == field else err.message}")
            elif field in ("mood", "energy", "sleep_hours", "sleep_quality"):
                put(self.wellbeing_error, f"{nice[field]} {err.message}")
            elif field == "notes":
                put(self.notes_error, f"{nice[field]} {_plural(err.message)}")
            else:
                put(self.form_error, err.message)
        for row in [*self.obs_rows, *self.dose_rows]:
            row.error.show_errors(buckets.get(row, []))
        for label in (self.when_error, self.labels_error, self.wellbeing_error, self.notes_error, self.form_error):
            label.show_errors(buckets.get(label, []))
        return found

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
            self.scroll_area.ensureWidgetVisible(self.notes_error)  # the message, not just the text's top


def _plural(message: str) -> str:
    """A message about a field with a plural name: "are 100,001 characters long", not "is"."""
    for singular, plural in _PLURAL_VERBS:
        if message.startswith(singular):
            return plural + message[len(singular):]
    return message
