"""The doctor's report's reads (core/report/summary.py composes them): the rows the Trends view reads, with more
columns, in day order; the period's entries and triggers; the previous period's counts. Up to six statements,
each walking the day index (entry_live_day)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from datetime import timedelta
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.trends import UNCLASSIFIED, DateRange

if TYPE_CHECKING:
    from healthviz_desktop.core.journal_reads import JournalReads

# The rows in the order they were lived and written: a tie (a spelling, a usual dose) goes to the first one.
_ORDER = "ORDER BY e.day, e.occurred_utc, e.id"
_SYMPTOMS = ("SELECT o.symptom, e.day, o.severity, o.duration_minutes, o.qualities, o.custom FROM entry e "
             "JOIN observation o ON o.entry_id = e.id WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ? "
             f"{_ORDER}, o.id")
_DOSES = ("SELECT coalesce(d.drug_class, ?), e.day, d.name, d.custom, d.amount, d.unit, d.relief FROM entry e "
          "JOIN dose d ON d.entry_id = e.id WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ? "
          f"{_ORDER}, d.id")
_RECORDED = ("SELECT count(*), group_concat(DISTINCT e.day) FROM entry e "
             "WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")
# CROSS JOIN: walk the period's entries, then their triggers (left to choose, SQLite may walk every trigger
# ever noted, through entry_label_name)
_TRIGGERS = ("SELECT l.name, e.day FROM entry e CROSS JOIN entry_label l ON l.entry_id = e.id "
             f"AND l.kind = 'trigger' WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ? {_ORDER}, l.position")
_FELT_DAYS = ("SELECT o.symptom, count(DISTINCT e.day) FROM entry e JOIN observation o ON o.entry_id = e.id "
              "WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ? AND o.severity >= 1 GROUP BY o.symptom")
_DAY = itemgetter(1)  # the day column of the rows above
Row = tuple[Any, ...]
_NOTES = ("SELECT e.day, e.occurred_at, e.notes FROM entry e WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ? "
          "AND e.notes != '' ORDER BY e.occurred_utc, e.id")


class EmptyPeriod(Exception):
    """No entries in the period: there is nothing to report, and no file is written."""

    def __init__(self, period: DateRange) -> None:
        super().__init__(f"There are no journal entries from {period.first:%d %b %Y} to {period.last:%d %b %Y}, "
                         "so there is nothing to report and no file was written. Choose a period with entries.")


def previous_period(period: DateRange) -> DateRange:
    length = period.last - period.first + timedelta(days=1)
    return DateRange(period.first - length, period.first - timedelta(days=1))



class PeriodRows(NamedTuple):
    """What build_summary reads from the journal for a period, before any Python works on it."""
    entries: int
    recorded: set[str]  # ISO days with an entry
    symptoms: list[Row]  # symptom, day, severity, minutes, qualities JSON, custom: the period's whole months
    doses: list[Row]  # class, day, name, custom, amount, unit, relief: the period's whole months
    triggers: list[tuple[str, str]]  # name, day: the period
    previous_days: dict[str, int]  # days felt per symptom in the previous period
    previous_acute: int  # days with an acute medication in the previous period
    notes: list[tuple[str, str, str]] | None


def read_period(journal: JournalReads, period: DateRange, *, include_notes: bool = False) -> PeriodRows:
    """The report's reads: the rows the Trends view reads (with more columns), in day order; the period's
    entries and triggers; the previous period's counts. EmptyPeriod when the period holds no entry."""
    previous = previous_period(period)
    months = period.whole_months()
    first, last = months.first.isoformat(), months.last.isoformat()  # what the Trends view reads
    p_first, p_last = period.first.isoformat(), period.last.isoformat()
    classes = acute_classes()
    with journal.raw() as raw:
        entries, days_text = raw.execute(_RECORDED, (p_first, p_last)).fetchone()
        if not entries:
            raise EmptyPeriod(period)
        symptom_rows = raw.execute(_SYMPTOMS, (first, last)).fetchall()
        dose_rows = raw.execute(_DOSES, (UNCLASSIFIED, first, last)).fetchall()
        trigger_rows = raw.execute(_TRIGGERS, (p_first, p_last)).fetchall()
        # The previous period of the same length, for the comparison. Its days before the whole months read
        # above are counted by SQLite (none when it lies within the period's first month); the rest come from
        # those rows below. The two stretches share no day, so the counts add up.
        before_last = min(previous.last, months.first - timedelta(days=1))
        previous_days: Counter[str] = Counter()
        previous_acute = 0
        if previous.first <= before_last:
            before = (previous.first.isoformat(), before_last.isoformat())
            previous_days.update(dict(raw.execute(_FELT_DAYS, before).fetchall()))
            previous_acute = raw.execute(_acute_days_sql(len(classes)), (*before, *classes)).fetchone()[0]
        notes = raw.execute(_NOTES, (p_first, p_last)).fetchall() if include_notes else None
    if previous.last >= months.first:
        inside = (max(previous.first, months.first).isoformat(), previous.last.isoformat())
        felt: dict[str, set[str]] = defaultdict(set)
        for symptom, day, severity, *_ in days_in(symptom_rows, *inside):
            if severity >= 1:
                felt[symptom].add(day)
        previous_days.update({symptom: len(days) for symptom, days in felt.items()})
        acute = set(classes)
        previous_acute += len({row[1] for row in days_in(dose_rows, *inside) if row[0] in acute})
    return PeriodRows(entries, set(days_text.split(",")), symptom_rows, dose_rows, trigger_rows,
                      dict(previous_days), previous_acute, notes)


def acute_classes() -> list[str]:
    return sorted(k for k, c in catalogue().medication_classes.items() if c.acute)


def _acute_days_sql(count: int) -> str:
    marks = ", ".join("?" * count)
    return ("SELECT count(DISTINCT e.day) FROM entry e JOIN dose d ON d.entry_id = e.id "
            f"WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ? AND d.drug_class IN ({marks})")


def days_in(rows: list[Row], first: str, last: str) -> list[Row]:
    """The rows of the days first..last, from rows in day order (ORDER BY e.day) that cover more."""
    return rows[bisect_left(rows, first, key=_DAY):bisect_right(rows, last, key=_DAY)]


