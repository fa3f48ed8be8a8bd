"""The selected entry, read-only: every field in plain words, the clips made from it (added after the first
paint: ui/entry_clips.py), and Edit / Delete / Compose buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from healthviz_desktop.core.model import Entry


DEMO_NOTE = ("Demo entry: made up to try HealthViz with, not something you felt. All demo entries can be "
             "removed at once.")


def _duration(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return f"{h} h {m} min" if h and m else f"{h} h" if h else f"{m} min"


def entry_html(entry: Entry, rollover_hour: int | None = None) -> str:
    # Imported here, not at the top: the view is built before the first paint, an entry is shown after.
    from html import escape

    from healthviz_desktop.core.catalogue import catalogue
    from healthviz_desktop.core.limits import DAY_ROLLOVER_HOUR
    from healthviz_desktop.core.model import Entry
    from healthviz_desktop.ui.journal_delegate import dose_text
    from healthviz_desktop.ui.journal_model import day_title
    from healthviz_desktop.ui.theme import band_color

    cat = catalogue()
    e = escape
    hour = DAY_ROLLOVER_HOUR if rollover_hour is None else rollover_hour
    parts = [f"<h2>{e(day_title(entry.effective_day(), rollover_hour=hour))}</h2>",
             f"<p style='opacity:.75'>At {entry.occurred_at:%H:%M} (UTC{entry.occurred_at:%z})</p>"]
    if entry.demo:
        parts.append(f"<p><b>{e(DEMO_NOTE)}</b></p>")
    if entry.observations:
        parts.append("<h3>Symptoms</h3><ul>")
        for o in entry.observations:
            colour = band_color(cat.severity_band(o.severity)).name()
            bits = [f"<b>{e(o.label)}</b>{' (your own)' if o.custom else ''} — "
                    f"<span style='color:{colour}'><b>{o.severity}</b></span> "
                    f"{e(cat.severity_anchors.get(o.severity, ''))}"]
            if o.qualities:
                bits.append("Felt: " + e(", ".join(cat.qualities[q].label if q in cat.qualities else q
                                                   for q in o.qualities)))
            if o.body_area:
                bits.append("Where: " + e(cat.areas[o.body_area].label if o.body_area in cat.areas else o.body_area))
            if o.onset_at:
                bits.append(f"Started {o.onset_at:%H:%M}")
            if o.duration_minutes is not None:
                bits.append("Lasted " + _duration(o.duration_minutes))
            parts.append("<li>" + "<br>".join(bits) + "</li>")
        parts.append("</ul>")
    if entry.doses:
        parts.append("<h3>Medications</h3><ul>")
        for d in entry.doses:
            extra = []
            if d.taken_at:
                extra.append(f"at {d.taken_at:%H:%M}")
            if d.relief:
                extra.append(f"relief: {d.relief}")
            cls = cat.medication_classes.get(d.drug_class or "")
            if cls:
                extra.append(cls.label)
            tail = f" <span style='opacity:.75'>({e('; '.join(extra))})</span>" if extra else ""
            parts.append(f"<li>{e(dose_text(Entry(occurred_at=entry.occurred_at, doses=[d])))}{tail}</li>")
        parts.append("</ul>")
    rows = []
    for label, value in (("Triggers", ", ".join(entry.triggers)), ("Tags", ", ".join(entry.tags)),
                         ("Mood", f"{entry.mood}/10" if entry.mood is not None else ""),
                         ("Energy", f"{entry.energy}/10" if entry.energy is not None else ""),
                         ("Slept", f"{entry.sleep_hours:g} h" if entry.sleep_hours is not None else ""),
                         ("Sleep quality", f"{entry.sleep_quality}/10" if entry.sleep_quality is not None else "")):
        if value:
            rows.append(f"<tr><td style='padding-right:12px; opacity:.75'>{label}</td><td>{e(value)}</td></tr>")
    if rows:  # under a heading of their own, flush with the sections above (no table indent)
        parts.append("<h3>Also noted</h3><table cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>")
    if entry.notes.strip():
        parts.append("<h3>Notes</h3><p>" + e(entry.notes).replace("\n", "<br>") + "</p>")
    return "".join(parts)


class DetailsView(QWidget):
    edit_requested = Signal()
    delete_requested = Signal()
    compose_requested = Signal()
    entry_shown = Signal(object)  # the Entry now shown, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("details")
        self.browser.setAccessibleName("Selected entry")
        self.browser.setOpenLinks(False)
        self.edit_button = QPushButton("&Edit", self)
        self.delete_button = QPushButton("&Delete", self)
        self.compose_button = QPushButton("Compose clip prompt…", self)
        self.edit_button.setAccessibleName("Edit this entry")
        self.delete_button.setAccessibleName("Move this entry to the trash")
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.compose_button.clicked.connect(self.compose_requested)
        buttons = QHBoxLayout()
        for b in (self.edit_button, self.delete_button, self.compose_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.browser, 1)
        self.extras = QVBoxLayout()  # "Clips from this entry" (ui/entry_clips.py), added once the journal is open
        self.extras.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.extras)
        lay.addLayout(buttons)
        self.entry: Entry | None = None
        self.rollover_hour: int | None = None  # the person's setting ("Today" in the title); None: 04:00
        self.writable = True  # False on a read-only journal: Delete stays off (ui/read_only_mode.py)
        self.show_entry(None)

    def show_entry(self, entry: Entry | None, placeholder: str = "") -> None:
        self.entry = entry
        if entry is None:
            text = placeholder or "Select an entry to see it here, or press Ctrl+N to write a new one."
            # Text content only (no attributes), so these three are all the escaping it needs; the
            # html module stays out of the start-up path.
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            self.browser.setHtml(f"<p style='opacity:.7'>{text}</p>")
        else:
            self.browser.setHtml(entry_html(entry, self.rollover_hour))
        self.edit_button.setEnabled(entry is not None)
        self.delete_button.setEnabled(entry is not None and self.writable)
        self.entry_shown.emit(entry)
        self.compose_button.setEnabled(entry is not None and self.compose_button.property("available") is not False)
