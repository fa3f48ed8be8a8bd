"""File → Export for doctor…: choose the period, a clip, what the report shows and where it goes; see
exactly what will be written before anything is; then the export runs off the GUI thread.

Your name and your notes are off until ticked. ``open_doctor_export(window, job_id=...)`` is what a
clip card's "Export…" calls (issue 11) to open the dialog with that clip chosen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from healthviz_desktop.core.report.export_files import SECTIONS, ReportOptions
from healthviz_desktop.core.trends import DateRange

if TYPE_CHECKING:
    from healthviz_desktop.core.journal import Journal
    from healthviz_desktop.reporting.doctor_export import ExportResult
    from healthviz_desktop.ui.workers import Workers

PERIODS = (("Last 30 days", 30), ("Last 90 days", 90), ("Last 365 days", 365), ("Custom…", -1))


def open_doctor_export(window: Any, job_id: int | None = None) -> DoctorExportDialog | None:
    """Open the dialog over the main window (its journal and workers); None before the journal is open."""
    if getattr(window, "journal", None) is None:
        return None
    from healthviz_desktop.core.trends import DateRange

    shown = window.trends_range()  # the Trends tab's period when it is in front; else the dialog's default
    period = DateRange(*shown) if shown is not None else None
    dialog = DoctorExportDialog(window.journal, window.pools.reads, window, period=period, job_id=job_id)
    dialog.open()
    return dialog


def finished_clips(journal: Journal) -> list[Any]:
    """Finished jobs whose clip is still on disk, newest first."""
    from healthviz_desktop.core.generation.job_store import JobStore

    return [j for j in JobStore(journal.db).list_jobs(("completed",), limit=200)
            if j.clip_path and Path(j.clip_path).is_file()]


class DoctorExportDialog(QDialog):
    def __init__(self, journal: Journal, workers: Workers, parent: QWidget | None = None, *,
                 period: DateRange | None = None, job_id: int | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.journal, self.workers = journal, workers
        self.today = today or date.today()
        self.result_: ExportResult | None = None
        self._generation = 0
        self.setWindowTitle("Export for your doctor")
        self.setObjectName("doctorExportDialog")
        # Replaced in tests: choose a destination without a native dialog.
        self.ask_destination = self._ask_destination

        self.period = QComboBox(self)
        self.period.setAccessibleName("Period")
        for label, days in PERIODS:
            self.period.addItem(label, days)
        self.first, self.last = QDateEdit(self), QDateEdit(self)
        for edit, name in ((self.first, "From"), (self.last, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        start = period or DateRange.last_days(90, self.today)
        self.first.setDate(QDate(start.first.year, start.first.month, start.first.day))
        self.last.setDate(QDate(start.last.year, start.last.month, start.last.day))
        self.period.setCurrentIndex(3 if period is not None else 1)
        self.clip = QComboBox(self)
        self.clip.setAccessibleName("Clip")
        self.clip.addItem("No clip", None)
        for job in finished_clips(journal):
            self.clip.addItem(f"Job {job.id}: {job.provider}, {job.clip_seconds} s, {job.clip_size}, "
                              f"{job.created_at[:10]}", job.id)
        if self.clip.count() > 1:
            self.clip.setCurrentIndex(1)  # the newest clip
        if job_id is not None and self.clip.findData(job_id) >= 0:
            self.clip.setCurrentIndex(self.clip.findData(job_id))

        self.sections: dict[str, QCheckBox] = {}
        box = QGroupBox("The report shows", self)
        column = QVBoxLayout(box)
        for key, title in SECTIONS.items():
            check = QCheckBox(title, box)
            check.setChecked(True)
            check.toggled.connect(self._changed)
            self.sections[key] = check
            column.addWidget(check)
        self.add_name = QCheckBox("Add my name", self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("as your doctor knows you")
        self.name.setEnabled(False)
        self.name.setAccessibleName("Your name")
        self.add_name.toggled.connect(self.name.setEnabled)
        self.include_notes = QCheckBox("Include my notes", self)
        self.include_notes.setToolTip("Your notes are off by default: they go on the pages after the summary.")

        self.as_folder, self.as_zip = QRadioButton("A new folder", self), QRadioButton("A ZIP file", self)
        self.as_folder.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.as_folder)
        group.addButton(self.as_zip)
        self.destination = QLineEdit(self)
        self.destination.setAccessibleName("Where to save")
        self.destination.setText(str(Path.home() / f"healthviz-for-doctor-{self.today:%Y-%m-%d}"))
        choose = QPushButton("Choose…", self)
        choose.clicked.connect(self._choose)
        self.preview = QLabel(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setAccessibleName("What will be written")
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        dates = QHBoxLayout()
        for widget in (self.period, self.first, self.last):
            dates.addWidget(widget)
        form.addRow("Period", dates)
        form.addRow("Clip", self.clip)
        name_row = QHBoxLayout()
        name_row.addWidget(self.add_name)
        name_row.addWidget(self.name, 1)
        form.addRow("", name_row)
        form.addRow("", self.include_notes)
        kind = QHBoxLayout()
        kind.addWidget(self.as_folder)
        kind.addWidget(self.as_zip)
        kind.addStretch(1)
        form.addRow("Save as", kind)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(choose)
        form.addRow("", where)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(QLabel("<b>Will be written</b>", self))
        layout.addWidget(self.preview)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

        for signal in (self.period.currentIndexChanged, self.first.dateChanged, self.last.dateChanged,
                       self.clip.currentIndexChanged, self.include_notes.toggled, self.add_name.toggled,
                       self.name.textChanged, self.as_zip.toggled):
            signal.connect(self._changed)
        self._timer = QTimer(self)  # typing a name or a date refreshes the preview once, not per key
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)
        self._period_shown()
        self.refresh_preview()

    # ---- choices -------------------------------------------------------------------------------

    def date_range(self) -> DateRange:
        days = self.period.currentData()
        if days == -1:
            first: date = self.first.date().toPython()  # type: ignore[assignment]
            last: date = self.last.date().toPython()  # type: ignore[assignment]
            return DateRange(min(first, last), max(first, last))
        return DateRange.last_days(int(days), self.today)

    def options(self) -> ReportOptions:
        return ReportOptions(display_name=self.name.text() if self.add_name.isChecked() else "",
                             include_notes=self.include_notes.isChecked(),
                             sections=frozenset(k for k, check in self.sections.items() if check.isChecked()))

    def target(self) -> Path:
        text = self.destination.text().strip()
        path = Path(text).expanduser() if text else Path.home() / "healthviz-for-doctor"
        if self.as_zip.isChecked() and path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        if not self.as_zip.isChecked() and path.suffix.lower() == ".zip":
            path = path.with_suffix("")
        return path

    def request(self) -> Any:
        from healthviz_desktop.reporting.doctor_export import ExportRequest

        return ExportRequest(self.date_range(), self.target(), self.options(), self.clip.currentData())

    def _period_shown(self) -> None:
        custom = self.period.currentData() == -1
        self.first.setVisible(custom)
        self.last.setVisible(custom)

    def _changed(self, *_args: Any) -> None:
        self._period_shown()
        self._timer.start()

    def _ask_destination(self) -> str:
        if self.as_zip.isChecked():
            return QFileDialog.getSaveFileName(self, "Save the export as", str(self.target()), "ZIP (*.zip)")[0]
        return QFileDialog.getSaveFileName(self, "Name a new folder for the export", str(self.target()))[0]

    def _choose(self) -> None:
        chosen = self.ask_destination()
        if chosen:
            self.destination.setText(chosen)

    # ---- preview and export --------------------------------------------------------------------

    def refresh_preview(self) -> None:
        self._generation += 1
        generation = self._generation
        request = self.request()
        self.export_button.setEnabled(False)
        self.workers.submit(_describe, self.journal, request, self.today,
                            on_result=lambda lines: self._show_preview(lines, generation),
                            on_error=lambda exc: self._show_problem(exc, generation))

    def _show_preview(self, lines: list[str], generation: int) -> None:
        if generation != self._generation:
            return
        from html import escape

        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        self.preview.setText(f"<p>Into {escape(str(self.target()))}:</p><ul>{items}</ul>")
        self.export_button.setEnabled(True)

    def _show_problem(self, exc: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        from html import escape

        from healthviz_desktop.core.errors import user_message

        known = user_message(exc)
        self.preview.setText(f"<p>{escape(known[0] if known else str(exc))}</p>")
        self.export_button.setEnabled(False)

    def export(self) -> None:
        from healthviz_desktop.reporting.doctor_export import export_for_doctor

        request = self.request()
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()

        def progress(done: int, total: int, _text: str) -> None:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

        self.workers.submit(export_for_doctor, self.journal, request, today=self.today, on_result=self._done,
                            on_error=self._failed, on_progress=progress, with_progress=True,
                            label="Exporting for your doctor…")

    def _done(self, result: ExportResult) -> None:
        self.result_ = result
        self.progress.hide()
        text = f"Saved {', '.join(result.files)} in {result.destination}."
        if result.notes:
            text += "\n\n" + "\n".join(result.notes)
        QMessageBox.information(self, "Export for your doctor", text)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from healthviz_desktop.core.errors import user_message

        self.progress.hide()
        self.export_button.setEnabled(True)
        known = user_message(exc)
        QMessageBox.warning(self, "Export for your doctor",
                            (known[0] if known else f"The export did not finish ({type(exc).__name__}: {exc}).")
                            + "\n\nNothing was written.")


def _describe(journal: Journal, request: Any, today: date) -> list[str]:
    """In a worker: the summary's counts and the list of files (raises EmptyPeriod, ExportRefused)."""
    from healthviz_desktop.core.report.summary import build_summary
    from healthviz_desktop.reporting.doctor_export import check_destination, describe_contents, job_clip_facts

    check_destination(request.destination, request.as_zip)
    summary = build_summary(journal, request.period, today=today)
    facts = job_clip_facts(journal, request.clip_job) if request.clip_job is not None else None
    return describe_contents(summary, request, facts)

