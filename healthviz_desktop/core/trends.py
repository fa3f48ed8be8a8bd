"""Aggregations behind the trends view: severity per symptom per day, symptom days per month, and
acute-medication days per month with the ICHD-3 8.2 medication-overuse flag.

The flag is a prompt to talk to a clinician, never a diagnosis: ICHD-3 also asks for headache on
≥ 15 days a month for more than 3 months, which a diary alone cannot establish. Every text we produce
says so. Days are journal days (the day the person lived), months are calendar months of those days.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from healthviz_desktop.core.catalogue import catalogue

if TYPE_CHECKING:
    from healthviz_desktop.core.journal_reads import JournalReads


def _raw(source: JournalReads) -> AbstractContextManager[sqlite3.Connection]:
    return source.raw()

UNCLASSIFIED = "unclassified"
COMBINED = "several_classes"
COMBINED_THRESHOLD = 10
FLAG_CAVEAT = ("A flag to discuss with your clinician, not a diagnosis: ICHD-3 medication overuse also "
               "needs headache on 15 or more days a month for more than 3 months.")


@dataclass(frozen=True)
class DateRange:
    first: date
    last: date

    @classmethod
    def last_days(cls, days: int, today: date) -> DateRange:
        return cls(today - timedelta(days=days - 1), today)

    def whole_months(self) -> DateRange:
        """The range widened to whole calendar months, so monthly counts are never cut short."""
        nxt = date(self.last.year + self.last.month // 12, self.last.month % 12 + 1, 1)
        return DateRange(self.first.replace(day=1), nxt - timedelta(days=1))

    def months(self) -> list[str]:
        out: list[str] = []
        y, m = self.first.year, self.first.month
        while (y, m) <= (self.last.year, self.last.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


@dataclass(frozen=True)
class OveruseFlag:
    month: str
    drug_class: str
    days: int
    threshold: int

    def describe(self) -> str:
        cat = catalogue()
        if self.drug_class == COMBINED:
            what = "acute medicines of several classes together"
        else:
            what = cat.medication_classes[self.drug_class].label
        return (f"{self.month}: {what} on {self.days} days (flag at {self.threshold} or more days a month). "
                "Worth discussing with your clinician; not a diagnosis.")


@dataclass(frozen=True)
class Trends:
    range: DateRange
    severity: dict[str, list[tuple[date, int]]]
    symptom_days: dict[str, dict[str, int]]
    medication_days: dict[str, dict[str, int]]
    flags: list[OveruseFlag]

    @property
    def months(self) -> list[str]:
        return self.range.whole_months().months()


def severity_by_day(journal: JournalReads, rng: DateRange) -> dict[str, list[tuple[date, int]]]:
    """For each symptom key (or custom name): (day, highest severity that day), oldest first."""
    sql = ("SELECT o.symptom, e.day, max(o.severity) FROM observation o JOIN entry e ON e.id = o.entry_id "
           "WHERE e.deleted_at IS NULL AND e.day BETWEEN ? AND ? GROUP BY o.symptom, e.day ORDER BY e.day")
    out: dict[str, list[tuple[date, int]]] = defaultdict(list)
    with _raw(journal) as raw:
        for symptom, day, sev in raw.execute(sql, (rng.first.isoformat(), rng.last.isoformat())):
            out[str(symptom)].append((date.fromisoformat(day), int(sev)))
    return dict(out)


def symptom_days_by_month(journal: JournalReads, rng: DateRange) -> dict[str, dict[str, int]]:
    """For each symptom: month -> number of days it was felt (severity 1 or more)."""
    months = rng.whole_months()
    sql = ("SELECT o.symptom, substr(e.day, 1, 7), count(DISTINCT e.day) FROM observation o "
           "JOIN entry e ON e.id = o.entry_id WHERE e.deleted_at IS NULL AND o.severity >= 1 "
           "AND e.day BETWEEN ? AND ? GROUP BY o.symptom, substr(e.day, 1, 7)")
    out: dict[str, dict[str, int]] = defaultdict(dict)
    with _raw(journal) as raw:
        for symptom, month, days in raw.execute(sql, (months.first.isoformat(), months.last.isoformat())):
            out[str(symptom)][str(month)] = int(days)
    return dict(out)


def medication_days_by_month(journal: JournalReads, rng: DateRange) -> dict[str, dict[str, int]]:
    """For each medication class: month -> days with at least one dose of that class."""
    return {cls: {m: len(days) for m, days in by_month.items()}
            for cls, by_month in _medication_day_sets(journal, rng).items()}


def _medication_day_sets(journal: JournalReads, rng: DateRange) -> dict[str, dict[str, set[str]]]:
    months = rng.whole_months()
    sql = ("SELECT DISTINCT coalesce(d.drug_class, ?), e.day FROM dose d JOIN entry e ON e.id = d.entry_id "
           "WHERE e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    with _raw(journal) as raw:
        for cls, day in raw.execute(sql, (UNCLASSIFIED, months.first.isoformat(), months.last.isoformat())):
            out[str(cls)][str(day)[:7]].add(str(day))
    return {k: dict(v) for k, v in out.items()}


def overuse_flags(day_sets: dict[str, dict[str, set[str]]]) -> list[OveruseFlag]:
    """ICHD-3 8.2 thresholds per class (from the catalogue), plus several classes together on ≥ 10 days
    when no single class reaches its own threshold that month."""
    classes = catalogue().medication_classes
    watched = {k: c.overuse_days for k, c in classes.items() if c.overuse_days}
    flags: list[OveruseFlag] = []
    months = sorted({m for by_month in day_sets.values() for m in by_month})
    for month in months:
        flagged_here = False
        union: set[str] = set()
        used_classes = 0
        for cls, threshold in watched.items():
            days = day_sets.get(cls, {}).get(month, set())
            if days:
                used_classes += 1
                union |= days
            if len(days) >= threshold:
                flags.append(OveruseFlag(month, cls, len(days), threshold))
                flagged_here = True
        if not flagged_here and used_classes >= 2 and len(union) >= COMBINED_THRESHOLD:
            flags.append(OveruseFlag(month, COMBINED, len(union), COMBINED_THRESHOLD))
    return flags


def compute_trends(journal: JournalReads, rng: DateRange) -> Trends:
    day_sets = _medication_day_sets(journal, rng)
    return Trends(
        range=rng,
        severity=severity_by_day(journal, rng),
        symptom_days=symptom_days_by_month(journal, rng),
        medication_days={c: {m: len(d) for m, d in bm.items()} for c, bm in day_sets.items()},
        flags=overuse_flags(day_sets),
    )


def custom_symptom_names(journal: JournalReads, limit: int = 200) -> list[str]:
    """Symptoms the person typed themselves, most used first (offered again in the editor)."""
    sql = ("SELECT symptom FROM observation WHERE custom = 1 GROUP BY lower(symptom) "
           "ORDER BY count(*) DESC LIMIT ?")
    with _raw(journal) as raw:
        return [str(r[0]) for r in raw.execute(sql, (limit,))]
