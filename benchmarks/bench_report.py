"""Doctor's report benchmark: the report's numbers for a 90-day period of a 10,000-entry journal against
the Trends view computing the same period, in the same run.

Goal (issue #13): building the report's summary <= 2x the Trends computation. Baseline: compute_trends,
what the Trends view runs in its worker for that period. Also shown, for scale: drawing the PDF (Qt,
offscreen), which the Trends view has no counterpart for.
Run: .venv/bin/python benchmarks/bench_report.py [--quick] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import write_section
from healthviz_desktop.core.demo_data import generate_demo_entries
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.report.summary import build_summary, read_period
from healthviz_desktop.core.trends import DateRange, compute_trends, dose_rows, symptom_rows

END = date(2026, 10, 28)


def journal_of(n: int, folder: Path) -> Journal:
    journal = Journal.open(folder)
    days = int(n / 2.3) + 30  # the demo journal writes about 2.3 entries a day
    entries = generate_demo_entries(days, seed=3, end=END)[-n:]
    journal.add_many(entries)
    return journal


def interleaved(fns: dict[str, object], rounds: int, inner: int) -> dict[str, list[float]]:
    """Per-call seconds of each function, alternating them so load on a shared machine hits both alike."""
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            start = time.perf_counter()
            for _ in range(inner):
                fn()  # type: ignore[operator]
            samples[name].append((time.perf_counter() - start) / inner)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller journal and fewer runs")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args(argv)
    n = 2_000 if args.quick else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        journal = journal_of(n, Path(tmp) / "data")
        entries = journal.count()
        period = DateRange(END - timedelta(days=89), END)
        summary = build_summary(journal, period, today=END)
        assert summary.trends == compute_trends(journal, period)  # the same numbers, as the report shows
        rounds, inner = (5, 10) if args.quick else (25, 20)
        times = interleaved({"trends": lambda: compute_trends(journal, period),
                             "report": lambda: build_summary(journal, period, today=END)}, rounds, inner)
        trends_s, report_s = min(times["trends"]), min(times["report"])
        med_ratio = statistics.median(r / t for r, t in zip(times["report"], times["trends"], strict=True))
        from healthviz_desktop.core.report.export_files import ReportOptions
        from healthviz_desktop.reporting.pdf_report import render_report
        from healthviz_desktop.reporting.qt_setup import ensure_gui

        ensure_gui()
        render_report(summary, Path(tmp) / "warm.pdf", ReportOptions(paper="a4"))
        pdf_s = min(_timed(lambda: render_report(summary, Path(tmp) / "r.pdf", ReportOptions(paper="a4")))
                    for _ in range(3 if args.quick else 7))
        before_s = min(interleaved({"before": lambda: _trends_before(journal, period)}, rounds, inner)["before"])
        # where the time goes: the reads alone (SQLite, and its rows made Python tuples) of each side
        months = period.whole_months()
        reads = interleaved({"trends": lambda: (symptom_rows(journal, months.first, months.last),
                                                dose_rows(journal, months.first, months.last)),
                             "report": lambda: read_period(journal, period)}, rounds, inner)
        # the summary as it was before it was tuned for this goal (the frozen copy the equivalence tests use)
        from tests.support.report_summary_reference import build_summary as build_summary_before

        old = interleaved({"trends": lambda: compute_trends(journal, period),
                           "report": lambda: build_summary_before(journal, period, today=END)}, rounds, inner)
        old_ratio = statistics.median(r / t for r, t in zip(old["report"], old["trends"], strict=True))
        journal.close()
    load = os.getloadavg()[0]
    trends_reads_s, report_reads_s = min(reads["trends"]), min(reads["report"])
    ratio = report_s / trends_s
    verdict = "meets" if ratio <= 2.0 else "misses"
    body = (f"Journal: {entries:,} entries (demo data); period: the last 90 days. Best of {rounds} rounds of "
            f"{inner} calls, the two interleaved.\n\n"
            "| what | time | ratio |\n|---|---:|---:|\n"
            f"| Trends view computing the period (`compute_trends`, baseline) | {trends_s * 1000:.2f} ms | 1.00 |\n"
            f"| … of which its reads (`symptom_rows` + `dose_rows`) | {trends_reads_s * 1000:.2f} ms | "
            f"{trends_reads_s / trends_s:.2f} |\n"
            f"| Report summary (`build_summary`, every number of the PDF) | {report_s * 1000:.2f} ms | "
            f"**{ratio:.2f}** (median of rounds {med_ratio:.2f}) |\n"
            f"| … of which its reads (`read_period`: up to six statements, rows into Python) | "
            f"{report_reads_s * 1000:.2f} ms | {report_reads_s / trends_s:.2f} |\n"
            f"| Report summary before it was tuned (main before issue-13c; same index) | "
            f"{min(old['report']) * 1000:.2f} ms | {min(old['report']) / min(old['trends']):.2f} (median of rounds "
            f"{old_ratio:.2f}) |\n"
            f"| Drawing the PDF from the summary (Qt, offscreen; for scale) | {pdf_s * 1000:.1f} ms | "
            f"{pdf_s / trends_s:.0f} |\n"
            f"| For comparison: the Trends queries before this issue (every live entry walked) | "
            f"{before_s * 1000:.2f} ms | {before_s / trends_s:.1f} |\n\n"
            f"Goal: summary ≤ 2× Trends — {verdict} it in this run (load average {load:.1f} at the end, on a machine "
            "shared with other work). Both walk the day index (entry_live_day: day, time, id, trash mark). The report "
            "reads what the Trends view reads (the period's whole months, with the columns the report needs, in day "
            "order) and four things it does not: the period's entries, its triggers, and the previous period's days "
            "felt and acute-medication days (SQLite counts those before the whole months; the rest come from the "
            "rows already read). Its reads alone cost "
            f"{report_reads_s / trends_s:.2f}× the whole Trends computation; the Python that makes the Trends numbers "
            "(the view's own code), medications, calendar, symptoms and patterns from them costs the rest.")
    print(body)
    if not args.no_write:
        write_section("Doctor's report", body)
    return 0


# The Trends queries as they were before this issue: "e.deleted_at IS NULL" let SQLite walk every live entry
# (the entry_live_order index) instead of the period's days (entry_day). Kept here to show what changed.
_BEFORE = (
    "SELECT o.symptom, e.day, max(o.severity) FROM observation o JOIN entry e ON e.id = o.entry_id "
    "WHERE e.deleted_at IS NULL AND e.day BETWEEN ? AND ? GROUP BY o.symptom, e.day ORDER BY e.day",
    "SELECT o.symptom, substr(e.day, 1, 7), count(DISTINCT e.day) FROM observation o "
    "JOIN entry e ON e.id = o.entry_id WHERE e.deleted_at IS NULL AND o.severity >= 1 "
    "AND e.day BETWEEN ? AND ? GROUP BY o.symptom, substr(e.day, 1, 7)",
    "SELECT DISTINCT coalesce(d.drug_class, 'unclassified'), e.day FROM dose d JOIN entry e ON e.id = d.entry_id "
    "WHERE e.deleted_at IS NULL AND e.day BETWEEN ? AND ?",
)


def _trends_before(journal: Journal, period: DateRange) -> None:
    months = period.whole_months()
    with journal.raw() as raw:
        raw.execute(_BEFORE[0], (period.first.isoformat(), period.last.isoformat())).fetchall()
        for sql in _BEFORE[1:]:
            raw.execute(sql, (months.first.isoformat(), months.last.isoformat())).fetchall()


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
