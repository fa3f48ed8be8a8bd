"""Compose: turn an entry, a selection or a date range into a de-identified video prompt, and show exactly
what would leave the computer before anything does.

First the person chooses who makes the clip: the dialog offers only the lengths and sizes that provider
declares, and composes for its model (``ClipStudio.compose``), so what it shows is the request that provider
would get. An Images provider paints a still that this computer brings to life: the clip's length and size
are the local renderer's, and the person picks the picture's quality, each shown with its price.
Composing is fast (well under a millisecond), so it runs on the GUI thread. The dialog never
sends: it emits ``send_requested`` with a ClipOrder (what, how, by whom, with the person's own edit of the
prompt) and ClipStudio takes it from there (ui/clip_sender.py). Send stays disabled while the outbound
check fails, and for explainer text until the person approves it.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from healthviz_desktop.core.generation.problems import JobRefused
from healthviz_desktop.core.generation.studio import ClipChoices, ClipOrder, ClipSource, ClipStudio
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Entry
from healthviz_desktop.core.prompting.composer import ComposedPrompt
from healthviz_desktop.core.prompting.deidentify import PLACEHOLDER
from healthviz_desktop.core.prompting.grammar import grammar
from healthviz_desktop.core.providers.registry import DEFAULT_PROVIDER

# One way of writing a day in this dialog, for the entry chosen and the dates of a trend alike (Qt's names
# for the days and months, in the same locale for both): "Fri 4 Dec 2026".
DAY_FORMAT = "ddd d MMM yyyy"
_MODES = {"moment": "Moment (one entry)", "trend": "Trend (a date range)", "explainer": "Explainer (your notes)"}
_BLOCK, _NOTE, _REMOVED, _INK = QColor("#f6b8b8"), QColor("#fde9a9"), QColor("#bfe3f5"), QColor("#1a1a1a")


class ComposeDialog(QDialog):
    send_requested = Signal(object)  # ClipOrder: the composition shown, for the provider chosen

    def __init__(self, journal: Journal, private_terms: list[str], *, entry_ids: list[int] | None = None,
                 date_range: tuple[date, date] | None = None, parent: QWidget | None = None,
                 studio: ClipStudio | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compose a video prompt")
        self.setObjectName("composeDialog")
        self.resize(900, 680)
        self.journal, self.private_terms = journal, list(private_terms)
        self.studio = studio or ClipStudio(journal)
        self.entry_ids = list(entry_ids or [])
        self.composed: ComposedPrompt | None = None
        self._base: ComposedPrompt | None = None
        self._updating = False
        g = grammar()

        self.mode = QComboBox(self)
        for key, label in _MODES.items():
            self.mode.addItem(label, key)
        self.entry = QComboBox(self)
        first, last = date_range or self._selection_range()
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        for entry in journal.get_many(self.entry_ids[:500]):
            self.entry.addItem(_entry_label(entry, self.date_from.locale()), entry.id)
        for edit, value in ((self.date_from, first), (self.date_to, last)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DAY_FORMAT)
            edit.setDate(QDate(value.year, value.month, value.day))
        self.style_box = QComboBox(self)
        for key, style in g.styles.items():
            self.style_box.addItem(style.label, key)
        self.provider = QComboBox(self)
        self.offers = {offer.name: offer for offer in self.studio.offers()
                       if offer.capabilities.media in ("video", "image")}
        self.drawn_here = self.offers[DEFAULT_PROVIDER].capabilities  # what a still is brought to life at
        for offer in self.offers.values():
            self.provider.addItem(offer.label if offer.available or offer.reason in offer.label
                                  else f"{offer.label} ({offer.reason})", offer.name)
        self.provider.setCurrentIndex(max(0, self.provider.findData(DEFAULT_PROVIDER)))
        self.seconds, self.size_box, self.quality = QComboBox(self), QComboBox(self), QComboBox(self)
        self.quality.setAccessibleName("Picture quality")
        self.quality_label: QWidget | None = None
        self._fill_choices(int(g.defaults["seconds"]), "1280x720")
        self.explainer = QPlainTextEdit(self)
        self.explainer.setPlaceholderText("Your own notes on how something works, e.g. how a supplement is "
                                          "thought to act. Names, dates and numbers are removed before use.")
        # the text it approves is in the Prompt tab, to the right of this box (the splitter below)
        self.approve = QCheckBox("I have read the de-identified prompt on the right and approve sending it", self)

        form = QFormLayout()
        form.addRow("Made &by", self.provider)
        form.addRow("&Mode", self.mode)
        form.addRow("&Entry", self.entry)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("to", self))
        dates.addWidget(self.date_to)
        self.dates_row = QWidget(self)
        self.dates_row.setLayout(dates)
        form.addRow("&Dates", self.dates_row)
        form.addRow("St&yle", self.style_box)
        form.addRow("&Length", self.seconds)
        form.addRow("Si&ze", self.size_box)
        form.addRow("&Quality", self.quality)
        self.quality_label = form.labelForField(self.quality)
        self._fill_qualities()
        options = QGroupBox("What to show", self)
        options.setLayout(form)

        self.prompt = QPlainTextEdit(self)
        self.prompt.setObjectName("promptEdit")
        self.exact = QPlainTextEdit(self)
        self.exact.setReadOnly(True)
        self.exact.setObjectName("exactRequest")
        self.removed = QListWidget(self)
        self.findings = QListWidget(self)
        tabs = QTabWidget(self)
        tabs.addTab(self.prompt, "&Prompt (editable)")
        tabs.addTab(self.exact, "E&xactly what will be sent")
        tabs.addTab(self.removed, "&Left out")
        tabs.addTab(self.findings, "&Check")
        self.tabs = tabs
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.reset = QPushButton("&Reset prompt", self)
        self.send = QPushButton("&Send…", self)
        self.send.setObjectName("sendButton")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.reset, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.send, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.addWidget(options)
        lv.addWidget(QLabel("Explainer notes", self))
        lv.addWidget(self.explainer)
        lv.addWidget(self.approve)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(tabs)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)  # the prompt takes the height; the verdict line stays a line
        layout.addWidget(self.verdict)
        layout.addWidget(buttons)

        start_mode = "moment" if self.entry_ids and date_range is None else ("trend" if date_range or
                                                                             self.entry_ids else "explainer")
        if len(self.entry_ids) > 1 and date_range is None:
            start_mode = "trend"
        self.mode.setCurrentIndex(list(_MODES).index(start_mode))
        for box in (self.mode, self.entry, self.style_box, self.seconds, self.size_box, self.quality):
            box.currentIndexChanged.connect(self.recompose)
        self.size_box.currentIndexChanged.connect(self._fill_qualities)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self.date_from.dateChanged.connect(self.recompose)
        self.date_to.dateChanged.connect(self.recompose)
        self.explainer.textChanged.connect(self.recompose)
        self.approve.toggled.connect(self._update_send)
        self.prompt.textChanged.connect(self._prompt_edited)
        self.reset.clicked.connect(self.recompose)
        self.send.clicked.connect(self._send)
        self.recompose()

    # ---- composing -----------------------------------------------------------------------------------

    def _selection_range(self) -> tuple[date, date]:
        days = [self.journal.get(i).effective_day() for i in self.entry_ids[:500]]
        if days:
            return min(days), max(days)
        today = date.today()
        return today.replace(day=1), today

    def current_mode(self) -> str:
        return str(self.mode.currentData())

    def _fill_choices(self, seconds: int, size: str) -> None:
        """Only what the chosen provider makes (and the grammar knows), keeping the choice where it can; a
        still is brought to life here, at the lengths and sizes this computer draws."""
        g, caps = grammar(), self.offers[self.provider_name()].capabilities
        clip = self.drawn_here if caps.media == "image" else caps
        for box, values, keep in ((self.seconds, [s for s in clip.seconds if s in g.allowed_seconds], seconds),
                                  (self.size_box, [s for s in clip.sizes if s in g.allowed_sizes], size)):
            box.blockSignals(True)
            box.clear()
            for value in values:
                box.addItem(f"{value} seconds" if box is self.seconds else str(value), value)
            box.setCurrentIndex(max(0, box.findData(keep)))
            box.blockSignals(False)
        self._fill_qualities()

    def _fill_qualities(self) -> None:
        """A picture's qualities, each with its price at the picture size the clip's shape asks for."""
        from healthviz_desktop.core.providers.base import format_money

        caps = self.offers[self.provider_name()].capabilities
        keep = self.quality.currentData()
        self.quality.blockSignals(True)
        self.quality.clear()
        if caps.media == "image":
            width, height = (int(v) for v in str(self.size_box.currentData() or "1280x720").split("x"))
            picture = caps.picture_size(width, height)
            for quality in sorted(caps.qualities, key=lambda q: caps.pricing.picture(q, picture)):
                price = format_money(caps.pricing.picture(quality, picture), caps.pricing.currency)
                self.quality.addItem(f"{quality.capitalize()}: {price} for a {picture} picture", quality)
            self.quality.setCurrentIndex(max(0, self.quality.findData(keep or caps.quality)))
        self.quality.setVisible(caps.media == "image")
        if self.quality_label is not None:
            self.quality_label.setVisible(caps.media == "image")
        self.quality.blockSignals(False)

    def _provider_changed(self) -> None:
        self._fill_choices(int(self.seconds.currentData() or 8), str(self.size_box.currentData()))
        self.recompose()

    def provider_name(self) -> str:
        return str(self.provider.currentData())

    def choices(self) -> ClipChoices:
        return ClipChoices(str(self.style_box.currentData()), int(self.seconds.currentData() or 0),
                           str(self.size_box.currentData()), str(self.quality.currentData() or ""))

    def source(self) -> ClipSource:
        mode = self.current_mode()
        if mode == "moment":
            if self.entry.currentData() is None:
                raise JobRefused("choose an entry in the journal first")
            return ClipSource.moment(int(self.entry.currentData()))
        if mode == "trend":
            first, last = _py_date(self.date_from.date()), _py_date(self.date_to.date())
            return ClipSource.trend(first, last, tuple(self.entry_ids))
        text = self.explainer.toPlainText()
        if not text.strip():
            raise JobRefused("write your explainer notes on the left")
        return ClipSource.explainer(text)

    def recompose(self) -> None:
        mode = self.current_mode()
        self.entry.setEnabled(mode == "moment")
        self.dates_row.setEnabled(mode == "trend")
        self.explainer.setEnabled(mode == "explainer")
        self.approve.setVisible(mode == "explainer")
        self.approve.setChecked(False)
        try:
            composed = self.studio.compose(self.source(), self.choices(), self.provider_name(),
                                           private_terms=self.private_terms)
        except (JobRefused, LookupError) as exc:
            self._show_problem(str(exc).rstrip("."))
            return
        self._base = composed
        self._updating = True
        try:
            self.prompt.setPlainText(composed.prompt)
        finally:
            self._updating = False
        self._show(composed)

    def _prompt_edited(self) -> None:
        if self._updating or self._base is None:
            return
        self.approve.setChecked(False)  # what was approved is not what would now be sent
        self._show(self._base.with_prompt(self.prompt.toPlainText()))

    def _show_problem(self, message: str) -> None:
        self._base = self.composed = None
        self._updating = True
        try:
            self.prompt.clear()
        finally:
            self._updating = False
        self.exact.clear()
        self.removed.clear()
        self.findings.clear()
        self.verdict.setText(f"Nothing to send: {message}.")
        self._update_send()

    def _show(self, composed: ComposedPrompt) -> None:
        self.composed = composed
        outgoing = self.studio.outgoing(composed, self.choices(), self.provider_name())
        self.exact.setPlainText(json.dumps(outgoing, ensure_ascii=False, indent=2))
        self.removed.clear()
        for r in composed.removed:
            self.removed.addItem(f"{r.field}: {r.reason}\n    “{_short(r.text)}”")
        self.findings.clear()
        for f in composed.verdict.findings:
            self.findings.addItem(("Blocked — " if f.blocking else "Note — ") + f.message)
        self._highlight(composed)
        state = "✔ " if composed.verdict.ok else "✖ "
        extra = " Your own words: read them before sending." if composed.needs_approval else ""
        if self.offers[self.provider_name()].capabilities.media == "image":
            extra += " Only the prompt leaves: the service paints a still, and this computer brings it to life."
        self.verdict.setText(state + composed.verdict.summary() + "." + extra)
        self._update_send()

    def _highlight(self, composed: ComposedPrompt) -> None:
        """Mark what the check found in the prompt: red blocks sending, yellow is a note (words you added)."""
        selections = []
        doc_len = len(self.prompt.toPlainText())
        for f in composed.verdict.findings:
            if f.field != "prompt" or f.end > doc_len:
                continue
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(_BLOCK if f.blocking else _NOTE)
            fmt.setForeground(_INK)  # the pale marks stay readable in the dark theme too
            fmt.setToolTip(f.message)
            sel.format = fmt
            cursor = QTextCursor(self.prompt.document())
            cursor.setPosition(f.start)
            cursor.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        text = self.prompt.toPlainText()
        for m in PLACEHOLDER.finditer(text):  # where the de-identifier took something out (explainer text)
            sel = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(_REMOVED)
            fmt.setForeground(_INK)
            fmt.setToolTip("Removed by the de-identifier: see “Left out”")
            sel.format = fmt
            cursor = QTextCursor(self.prompt.document())
            cursor.setPosition(m.start())
            cursor.setPosition(m.end(), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            selections.append(sel)
        self.prompt.setExtraSelections(selections)

    def _update_send(self) -> None:
        c = self.composed
        ok = c is not None and c.verdict.ok and (not c.needs_approval or self.approve.isChecked())
        self.send.setEnabled(ok)

    def order(self) -> ClipOrder:
        """What Send hands over: the composition shown, with the person's own edit of the prompt."""
        edited = self.composed.prompt if self.composed is not None and self.composed.edited else None
        return ClipOrder(self.source().edited(edited), self.choices(), self.provider_name())

    def _send(self) -> None:
        if self.composed is not None and self.send.isEnabled():
            self.send_requested.emit(self.order())


def _py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _entry_label(entry: Entry, locale: QLocale) -> str:
    """"Sat 14 Nov 2026 20:07 · Migraine 7/10": which entry, its day written as the dates beside it are."""
    worst = max(entry.observations, key=lambda o: o.severity, default=None)
    what = f" · {worst.label} {worst.severity}/10" if worst else ""
    when = entry.occurred_at
    day = locale.toString(QDate(when.year, when.month, when.day), DAY_FORMAT)
    return f"{day} {when:%H:%M}{what}"
