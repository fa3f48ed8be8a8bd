"""The doctor's report as a PDF (QPdfWriter + QPainter: vector, A4 or Letter by locale, the shipped font).

Page one holds the whole summary: its layout is measured first on a canvas that does not draw, and made
more compact step by step (fewer table rows, a smaller prompt) until it fits; what is left out of page
one is on the detail page. "Self-reported" and the generation date are in every page's footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from healthviz_desktop import __version__
from healthviz_desktop.core.report.export_files import SELF_REPORTED, ClipFacts, ReportOptions
from healthviz_desktop.core.report.summary import ReportSummary, format_when
from healthviz_desktop.core.trends import MAX_SHOWN, class_label, month_label
from healthviz_desktop.reporting import pdf_sections as sec
from healthviz_desktop.reporting.pdf_canvas import MUTED, RESOLUTION, RULE, Canvas, Page

PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
FOOTER_H = 22.0
GAP = 9.0


@dataclass(frozen=True)
class Fit:
    symptoms: int
    medications: int
    prompt_size: float
    prompt_on_page_one: bool = True


FITS = (Fit(MAX_SHOWN, 12, 6.4), Fit(MAX_SHOWN, 10, 6.0), Fit(5, 8, 5.6), Fit(4, 6, 5.2),
        Fit(4, 6, 5.2, prompt_on_page_one=False))


def paper(options: ReportOptions) -> str:
    if options.paper != "auto":
        return options.paper
    from PySide6.QtCore import QLocale

    imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def render_report(summary: ReportSummary, path: Path, options: ReportOptions | None = None,
                  clip: ClipFacts | None = None, still: Any = None) -> int:
    """Write the report to ``path``; returns the number of pages. ``still`` is a QImage of the clip."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    from healthviz_desktop.reporting.qt_setup import ensure_gui, report_font_family

    options = options or ReportOptions()
    ensure_gui()
    family = report_font_family()
    size = paper(options)
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4 if size == "a4" else QPageSize.PageSizeId.Letter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle("Symptom summary (self-reported)")
    writer.setCreator(f"HealthViz {__version__}")
    page = Page(*PAPERS[size])
    clip = clip if options.shows("clip") else None
    report = _Report(summary, options, clip, still, page)
    dry = Canvas(writer, None, family)
    fit = next((f for f in FITS if report.page_one(dry, f) <= report.bottom), FITS[-1])
    pages = 1 + report.detail(dry, fit, count_only=True)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"the PDF could not be written to {path}")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        canvas = Canvas(writer, painter, family)
        report.pages = pages
        report.page_one(canvas, fit)
        report.footer(canvas, 1)
        report.detail(canvas, fit)
    finally:
        painter.end()
    return pages


class _Report:
    def __init__(self, s: ReportSummary, options: ReportOptions, clip: ClipFacts | None, still: Any,
                 page: Page) -> None:
        self.s, self.options, self.clip, self.still, self.page = s, options, clip, still, page
        self.x, self.width = page.margin, page.content_width
        self.bottom = page.height - page.margin - FOOTER_H
        self.pages = 1

    # ---- page one ------------------------------------------------------------------------------

    def page_one(self, c: Canvas, fit: Fit) -> float:
        """Draw (or measure) page one; returns where it ends."""
        s, x, w, show = self.s, self.x, self.width, self.options.shows
        y = self.header(c, self.page.margin, first=True)
        if show("key_numbers"):
            y += sec.key_numbers(c, s, x, y, w, fit.symptoms) + GAP
        if show("calendar"):
            from healthviz_desktop.reporting.pdf_charts import calendar

            y += sec.heading(c, x, y, w, "Calendar: each day's highest severity")
            y += calendar(c, s, x, y, w) + GAP
        if show("medication_days"):
            y += sec.medication_days(c, s, x, y, w) + GAP
        if show("medications"):
            y += sec.medications(c, s, x, y, w, fit.medications) + GAP
        if show("patterns"):
            y += sec.patterns(c, s, x, y, w) + GAP
        if self.clip is not None:
            facts = self.clip
            if not fit.prompt_on_page_one:
                from dataclasses import replace

                facts = replace(facts, prompt="(on the detail page, and in clip-prompt.json)")
            y += sec.clip(c, facts, self.still, x, y, w, fit.prompt_size) + GAP
        return y - GAP

    def header(self, c: Canvas, y: float, *, first: bool) -> float:
        s, x, w = self.s, self.x, self.width
        period = f"{s.period.first:%d %b %Y} – {s.period.last:%d %b %Y} ({s.days} days)"
        if not first:
            c.text(x, y, w, f"Symptom summary · {period} · continued", 7.5, color=MUTED)
            c.line(x, y + 11, x + w, y + 11, color=RULE)
            return y + 16
        c.text(x, y, w, "Symptom summary for a clinician", 15, bold=True)
        c.text(x, y + 4, w, f"Generated on this device on {s.generated_on:%d %b %Y}", 7.2, color=MUTED,
               align="right", wrap=False)
        y += 21
        y += c.text(x, y, w, f"Period {period}, compared with the {s.days} days before "
                    f"({s.previous.first:%d %b %Y} – {s.previous.last:%d %b %Y}).", 8.5) + 1
        if self.options.display_name.strip():
            y += c.text(x, y, w, f"Patient: {self.options.display_name.strip()}", 8.5, bold=True) + 1
        y += c.text(x, y, w, f"{SELF_REPORTED}. {s.entries} entries on {s.recorded_days} of the {s.days} days.",
                    8.5, bold=True, color="#7a3b00") + 1
        return y + GAP

    def footer(self, c: Canvas, number: int) -> None:
        y = self.page.height - self.page.margin - FOOTER_H + 8
        c.line(self.x, y, self.x + self.width, y, color=RULE)
        c.text(self.x, y + 3, self.width - 60, f"{SELF_REPORTED} · generated on this device on "
               f"{self.s.generated_on:%d %b %Y} with HealthViz {__version__}", 6.4, color=MUTED)
        c.text(self.x, y + 3, self.width, f"page {number} of {self.pages}", 6.4, color=MUTED, align="right")

    # ---- detail pages --------------------------------------------------------------------------

    def detail(self, c: Canvas, fit: Fit, *, count_only: bool = False) -> int:
        """The pages after the first; returns how many. Nothing here is needed to read page one."""
        blocks = self._detail_blocks(fit)
        if not blocks:
            return 0
        pages, y = 0, self.bottom + 1  # start on a new page
        for block in blocks:
            height = block(Canvas(c.writer, None, c.family), 0.0)
            if y + height > self.bottom:
                pages += 1
                if not count_only:
                    c.writer.newPage()
                    self.footer(c, pages + 1)
                y = self.header(Canvas(c.writer, None if count_only else c.painter, c.family), self.page.margin,
                                first=False)
            if not count_only:
                block(c, y)
            y += height + GAP
        return pages

    def _detail_blocks(self, fit: Fit) -> list[Any]:
        s, x, w, show = self.s, self.x, self.width, self.options.shows
        blocks: list[Any] = []
        if show("detail"):
            felt = [sym for sym in s.symptoms if sym.by_month]
            for start in range(0, len(felt), 6):
                part = felt[start:start + 6]
                blocks.append(lambda c, y, part=part, start=start: self._month_table(
                    c, y, "Days with each symptom per month" + (" (continued)" if start else ""),
                    [(sym.label, sym.by_month) for sym in part]))
            acute = list(s.acute_days_by_month.items())
            if acute:
                blocks.append(lambda c, y: self._month_table(
                    c, y, "Acute-medication days per month, by class (as the Trends view counts them)",
                    [(class_label(k), v) for k, v in acute[:6]]))
            if len(s.symptoms) > fit.symptoms:
                blocks.append(lambda c, y: sec.key_numbers(c, s, x, y, w, len(s.symptoms)))
            if len(s.medications) > fit.medications:
                blocks.append(lambda c, y: sec.medications(c, s, x, y, w, len(s.medications)))
        if self.clip is not None and not fit.prompt_on_page_one:
            clip = self.clip
            blocks.append(lambda c, y: sec.heading(c, x, y, w, "The exact prompt of the clip")
                          + c.text(x, y + 16, w, clip.prompt, 7.0))
        if self.options.include_notes and s.notes:
            blocks.append(lambda c, y: sec.heading(c, x, y, w, "The patient's notes", "included at their request"))
            for note in s.notes:
                for piece in _pieces(note.text):
                    blocks.append(lambda c, y, note=note, piece=piece: self._note(
                        c, y, format_when(note.occurred_at), piece))
        return blocks

    def _month_table(self, c: Canvas, y: float, title: str, series: list[tuple[str, dict[str, int]]]) -> float:
        top = y
        y += sec.heading(c, self.x, y, self.width, title)
        first_w = 70.0
        col_w = min(72.0, (self.width - first_w) / max(1, len(series)))
        cols = [sec.Column("Month", first_w)] + [sec.Column(name, col_w, "right") for name, _v in series]
        rows = [[month_label(m, self.s.generated_on)] + [str(v.get(m, 0)) for _n, v in series] for m in self.s.months]
        return sec.table(c, self.x, y, cols, rows) + (y - top)

    def _note(self, c: Canvas, y: float, when: str, text: str) -> float:
        c.text(self.x, y, 80, when, 7.2, bold=True, color=MUTED)
        return max(c.text(self.x + 82, y, self.width - 82, text, 8.0), 9.0)


def _pieces(text: str, limit: int = 2500) -> list[str]:
    """A long note in pieces that each fit on a page (split between paragraphs, else between words)."""
    out: list[str] = []
    for para in text.split("\n"):
        while len(para) > limit:
            cut = para.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            out.append(para[:cut])
            para = para[cut:].lstrip()
        if out and len(out[-1]) + len(para) < limit // 2 and out[-1] and para:
            out[-1] += "\n" + para
        else:
            out.append(para)
    return [p for p in out if p.strip()] or [text]
