"""The doctor's report as a reader sees it: the PDF opened with poppler's pdftotext and pdftoppm.

Page one holds the whole summary for 90 days of demo data and for two years with twelve medications
(every word inside the page, above the footer); its numbers are the Trends view's for the same period;
"Self-reported" is on every page; an empty period writes nothing; notes only when asked for.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop import __version__
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.report.export_files import SELF_REPORTED, ReportOptions
from healthviz_desktop.core.report.summary import build_summary
from healthviz_desktop.core.trends import DateRange, month_label
from tests.support.report_journals import END, demo_journal, two_years_twelve_medications
from tests.support.require import unavailable

HEADINGS = ("How often, how bad, how long", "Calendar: each day's highest severity", "Acute-medication days per month",
            "Medications", "Triggers and qualities the patient noted")


@pytest.fixture(autouse=True)
def poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None:
        unavailable("poppler-utils (pdftotext, pdftoppm) is not installed: scripts/setup.sh test installs it")


def pdf_text(pdf: Path, page: int | None = None, layout: bool = True) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def page_count(pdf: Path) -> int:
    return pdf_text(pdf, layout=False).count("\f")


def words_below(pdf: Path, page: int, limit: float) -> list[str]:
    """Words on ``page`` whose bottom edge is below ``limit`` points from the top (pdftotext -bbox)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [m.group(2) for m in re.finditer(r'<word [^>]*yMax="([\d.]+)"[^>]*>([^<]*)</word>', html)
            if float(m.group(1)) > limit]


def render(journal: Journal, period: DateRange, out: Path, **options: Any) -> int:
    from healthviz_desktop.reporting.doctor_export import write_report

    return write_report(journal, period, out, ReportOptions(**options), today=END)


@pytest.mark.parametrize(("fill", "days", "paper"), [(demo_journal, 90, "a4"), (demo_journal, 90, "letter"),
                                                     (two_years_twelve_medications, 730, "a4"),
                                                     (two_years_twelve_medications, 730, "letter")])
def test_page_one_holds_the_whole_summary(qapp: Any, journal: Journal, tmp_path: Path, fill: Callable[..., None],
                                          days: int, paper: str) -> None:
    fill(journal)
    out = tmp_path / "report.pdf"
    render(journal, DateRange.last_days(days, END), out, paper=paper)
    first = pdf_text(out, 1)
    for heading in HEADINGS:
        assert heading in first
    height = 842 if paper == "a4" else 792
    footer_top = height - 36 - 22 + 8
    stray = [w for w in words_below(out, 1, footer_top - 1) if w not in FOOTER_WORDS]
    assert stray == []  # nothing of the summary ran into the footer or off the page
    summary = build_summary(journal, DateRange.last_days(days, END), today=END)
    for med in summary.medications[:12]:
        assert med.label in first
    assert "more on the detail page" not in first or len(summary.medications) > 12


FOOTER = f"{SELF_REPORTED} · generated on this device on 28 Oct 2026 with HealthViz {__version__} page 1 of 2 3 4 5"
FOOTER_WORDS = set(FOOTER.split())


def test_the_numbers_are_the_trends_views(qapp: Any, qtbot: Any, journal: Journal, tmp_path: Path) -> None:
    from PySide6.QtCore import QDate

    from healthviz_desktop.ui.trends_view import TrendsView
    from healthviz_desktop.ui.workers import Workers

    two_years_twelve_medications(journal)
    period = DateRange.last_days(90, END)
    workers = Workers()
    view = TrendsView(workers)
    qtbot.addWidget(view)
    view.period.setCurrentIndex(3)  # Custom…
    view.first.setDate(QDate(period.first.year, period.first.month, period.first.day))
    view.last.setDate(QDate(period.last.year, period.last.month, period.last.day))
    with qtbot.waitSignal(view.updated, timeout=10_000) as shown:
        view.set_journal(journal)  # the view computes in its worker, then draws and emits
    trends = shown.args[0]
    assert trends.range == period
    workers.wait()
    out = tmp_path / "report.pdf"
    render(journal, period, out)
    first, detail = pdf_text(out, 1), pdf_text(out).split("\f", 1)[1]
    summary = build_summary(journal, period, today=END)
    last3 = trends.months[-3:]
    for sym in summary.symptoms[:6]:
        row = next(line for line in first.splitlines() if line.strip().startswith(sym.label + " "))
        numbers = re.findall(r"(?<![\d.])\d+(?![\d.%])", row.replace(sym.label, ""))
        felt = [v for _d, v in trends.severity[sym.key] if v >= 1]
        expected = [len(felt), sym.previous_days, *[trends.symptom_days.get(sym.key, {}).get(m, 0) for m in last3]]
        assert [int(n) for n in numbers[:5]] == expected, row
        assert f"{max(felt)} " in row.split(f"{sum(felt) / len(felt):.1f}")[1]  # highest after the mean
    for month in trends.months:  # the detail page's acute-medication table: the chart's bars
        label = month_label(month, END)
        lines = detail.splitlines()
        start = next(i for i, line in enumerate(lines) if "Acute-medication days per month, by class" in line)
        row = next(line for line in lines[start:] if line.strip().startswith(label))
        counts = [int(n) for n in row.split(label, 1)[1].split()]
        assert counts == [per.get(month, 0) for per in view_acute(trends).values()][:6]


def view_acute(trends: Any) -> dict[str, dict[str, int]]:
    from healthviz_desktop.core.trends import acute_medication_days

    return acute_medication_days(trends)


def test_self_reported_on_every_page_and_notes_only_when_asked(qapp: Any, journal: Journal, tmp_path: Path) -> None:
    demo_journal(journal)
    from tests.conftest import sample_entry

    journal.add(sample_entry(date(2026, 10, 20), notes="Unmistakable note about the blue kettle."))
    period = DateRange.last_days(90, END)
    without, with_notes = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render(journal, period, without)
    render(journal, period, with_notes, include_notes=True)
    assert "blue kettle" not in pdf_text(without)
    assert "blue kettle" in pdf_text(with_notes)
    for pdf in (without, with_notes):
        pages = page_count(pdf)
        assert pages >= 2
        for n in range(1, pages + 1):
            assert "Self-reported by the patient with HealthViz" in pdf_text(pdf, n), (pdf.name, n)
    assert page_count(with_notes) > page_count(without)
    assert "blue kettle" not in pdf_text(with_notes, 1)  # notes come after the summary


def test_name_only_when_given_and_sections_can_be_left_out(qapp: Any, journal: Journal, tmp_path: Path) -> None:
    demo_journal(journal)
    period = DateRange.last_days(90, END)
    plain, named = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render(journal, period, plain)
    render(journal, period, named, display_name="Alex Example", sections=frozenset({"key_numbers", "medications"}))
    assert "Alex Example" not in pdf_text(plain) and "Patient: Alex Example" in pdf_text(named, 1)
    text = pdf_text(named)
    assert "Medications" in text and "Calendar" not in text and "Triggers and qualities" not in text
    assert page_count(named) == 1  # no detail page either


def test_page_one_renders_to_an_image(qapp: Any, journal: Journal, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    demo_journal(journal)
    out = tmp_path / "report.pdf"
    render(journal, DateRange.last_days(90, END), out, paper="a4")
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True)
    image = QImage(str(next(tmp_path.glob("p-*.png"))))
    assert abs(image.width() - 413) <= 1 and abs(image.height() - 585) <= 1  # A4 at 50 dpi
    colours = {image.pixelColor(x, y).name() for x in range(0, 410, 3) for y in range(150, 260, 3)}
    assert len(colours) > 8  # the calendar's band colours, not a blank page


def test_report_command(qapp: Any, journal: Journal, cli: Callable[..., Any], tmp_path: Path) -> None:
    demo_journal(journal)
    out = tmp_path / "r.pdf"
    done = cli("report", "--range", f"{DateRange.last_days(90, END).first}..{END}", "-o", str(out), "--paper", "a4")
    assert done.code == 0 and out.exists() and "page" in done.out
    assert pdf_text(out, 1).count("Self-reported") >= 1


def test_an_empty_period_says_so_and_writes_nothing(qapp: Any, journal: Journal, cli: Callable[..., Any],
                                                   tmp_path: Path) -> None:
    demo_journal(journal)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "r.pdf"
    done = cli("report", "--range", "2020-01-01..2020-03-31", "-o", str(out))
    assert done.code == 1
    assert "no journal entries from 01 Jan 2020 to 31 Mar 2020" in done.err
    assert list(folder.iterdir()) == []  # no file, not even a partial one


def test_page_one_holds_it_all_with_a_clip_on_letter(qapp: Any, journal: Journal, tmp_path: Path) -> None:
    """The tightest case: two years, twelve medications, many overuse flags, a clip and its whole prompt."""
    import keyring

    from tests.test_doctor_export import PROMPT, finished_job
    from tests.test_provenance import MemoryKeyring

    two_years_twelve_medications(journal)
    job = finished_job(journal, tmp_path)
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        from healthviz_desktop.reporting.doctor_export import ExportRequest, export_for_doctor

        out = tmp_path / "export"
        export_for_doctor(journal, ExportRequest(DateRange.last_days(730, END), out, ReportOptions(paper="letter"),
                                                 job), today=END)
    finally:
        keyring.set_keyring(before)
    first = pdf_text(out / "report.pdf", 1)
    for heading in (*HEADINGS, "The illustration clip"):
        assert heading in first
    assert " ".join(PROMPT.split()[:6]) in " ".join(first.split())
    assert [w for w in words_below(out / "report.pdf", 1, 792 - 36 - 22 + 8 - 1) if w not in FOOTER_WORDS] == []
