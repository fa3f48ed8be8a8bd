"""The report's summary is tuned for speed (issue 13's benchmark); what it shows must never change. Every
test here compares the shipped ``build_summary`` with a frozen copy of the implementation it replaced
(tests/support/report_summary_reference.py) and, independently of that copy, with summaries captured from it
(tests/corpus/report_summary_golden.json). Equal means every field of every part, lists and the items of
every dict in the same order, floats to the last bit.

Regenerate the golden file only on purpose, after a reviewed change in what the report shows:
``.venv/bin/python -m tests.test_report_summary_equivalence --regenerate``."""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.report.summary import EmptyPeriod, build_summary
from healthviz_desktop.core.trends import DateRange
from tests.support import report_summary_reference as REF
from tests.support.report_journals import END, two_years_twelve_medications, varied_journal

GOLDEN = Path(__file__).parent / "corpus" / "report_summary_golden.json"
GOLDEN_SEED = 11

# Periods ending today, in the middle of the journal, on month boundaries, one day long, ones whose previous
# period (or the period itself) starts before the first entry, and one with no entry at all.
PERIODS = [DateRange.last_days(n, END) for n in (1, 7, 30, 90, 180, 365)] + [
    DateRange(date(2026, 3, 1), date(2026, 3, 31)),
    DateRange(date(2026, 2, 14), date(2026, 5, 13)),
    DateRange(date(2025, 12, 31), date(2026, 1, 1)),
    DateRange(date(2025, 9, 1), date(2025, 11, 30)),
    DateRange(END - timedelta(days=500), END - timedelta(days=300)),
    DateRange(date(2026, 10, 1), END + timedelta(days=20)),
    DateRange(END - timedelta(days=800), END - timedelta(days=600)),  # before the first entry: EmptyPeriod
]


def plain(value: Any) -> Any:
    """A summary as JSON-able data that keeps what == on dataclasses would not: the order of dict items
    and the type of each number (1 is not 1.0 here)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # NamedTuple (DaySummary)
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return [[plain(k), plain(v)] for k, v in value.items()]
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return {"float": value.hex()}
    assert value is None or isinstance(value, bool | int | str), type(value)
    return value


def summaries(build: Any, journal: Journal, periods: list[DateRange]) -> list[Any]:
    out = []
    for n, period in enumerate(periods):
        try:
            out.append(plain(build(journal, period, today=END, include_notes=n % 2 == 1)))
        except EmptyPeriod as exc:
            out.append({"empty": str(exc)})
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_as_the_reference_on_varied_journals(journal: Journal, seed: int) -> None:
    varied_journal(journal, seed)
    new, ref = summaries(build_summary, journal, PERIODS), summaries(REF.build_summary, journal, PERIODS)
    assert any("empty" in s for s in ref) and sum("empty" not in s for s in ref) >= 10  # both kinds exercised
    for period, a, b in zip(PERIODS, new, ref, strict=True):
        assert a == b, period


def test_same_as_the_reference_on_the_demo_journal_with_twelve_medications(journal: Journal) -> None:
    two_years_twelve_medications(journal)
    periods = [DateRange.last_days(n, END) for n in (30, 90, 365, 730)]
    assert summaries(build_summary, journal, periods) == summaries(REF.build_summary, journal, periods)


def test_same_as_the_golden_summaries(journal: Journal) -> None:
    varied_journal(journal, GOLDEN_SEED)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(golden) == len(PERIODS)
    for period, got, want in zip(PERIODS, summaries(build_summary, journal, PERIODS), golden, strict=True):
        assert got == want, period


def test_the_comparison_sees_a_changed_number(journal: Journal) -> None:
    """The comparison itself can fail: one changed count, or two dict items swapped, is a difference."""
    varied_journal(journal, GOLDEN_SEED)
    summary = build_summary(journal, PERIODS[3], today=END)
    moved = dataclasses.replace(summary, previous_acute_days=summary.previous_acute_days + 1)
    assert plain(moved) != plain(summary)
    relief = next(m for m in summary.medications if len(m.relief) >= 2)
    swapped = dict(reversed(relief.relief.items()))
    assert swapped == relief.relief
    assert plain(dataclasses.replace(relief, relief=swapped)) != plain(relief)


if __name__ == "__main__" and "--regenerate" in sys.argv:
    with tempfile.TemporaryDirectory() as tmp:
        j = Journal.open(Path(tmp))
        varied_journal(j, GOLDEN_SEED)
        rows = summaries(REF.build_summary, j, PERIODS)
        j.close()
    lines = (json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows)  # one summary a line
    GOLDEN.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
    print(f"{len(rows)} golden summaries written to {GOLDEN}")
