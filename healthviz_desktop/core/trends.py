"""Aggregations behind the trends view: severity per symptom per day, symptom days per month, and
acute-medication days per month with the ICHD-3 8.2 medication-overuse flag.

The flag is a prompt to talk to a clinician, never a diagnosis: ICHD-3 also asks for headache on
≥ 15 days a month for more than 3 months, which a diary alone cannot establish. Every text we produce
says so. Days are journal days (the day the person lived), months are calendar months of those days.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from healthviz_desktop.core.catalogue import catalogue

if TYPE_CHECKING:
    from healthviz_desktop.core.journal_reads import JournalReads


def _raw(source: JournalReads) -> AbstractContextManager[sqlite3.Connection]:
    return source.raw()

UNCLASSIFIED = "unclassified"
COMBINED = "several_classes"
COMBINED_THRESHOLD = 10
MAX_SHOWN = 6  # symptoms a chart or the report's first page shows by name
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


def grouped_flags(flags: list[OveruseFlag], today: date | None = None) -> list[str]:
    """The flags in one sentence per medication class, months in order: what a page has room for when a
    long period flags many months (each month's own sentence is OveruseFlag.describe())."""
    by_class: dict[tuple[str, int], list[OveruseFlag]] = defaultdict(list)
    for flag in flags:
        by_class[(flag.drug_class, flag.threshold)].append(flag)
    out = []
    for (cls, threshold), items in by_class.items():
        what = ("Acute medicines of several classes together" if cls == COMBINED
                else catalogue().medication_classes[cls].label)
        by_year: dict[str, list[str]] = defaultdict(list)
        for f in sorted(items, key=lambda f: f.month):
            name, year = month_label(f.month, today).split(" ")
            by_year[year.rstrip("*")].append(f"{name}{'*' * year.endswith('*')} {f.days}")
        months = "; ".join(f"{year}: {', '.join(names)}" for year, names in by_year.items())
        count = f"{len(items)} month{'s' * (len(items) != 1)}"
        out.append(f"{what} on {threshold} or more days a month, in {count} (days that month) — {months}.")
    return out


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


# Rows the aggregations below work on. Trends and the doctor's report (core/report/summary.py) fetch
# them once each and share these functions, so their numbers are one implementation, not two.
SymptomRow = tuple[str, str, int]  # symptom, ISO day, severity (more columns may follow)
DoseRow = tuple[str, str]  # medication class (UNCLASSIFIED when none), ISO day (more columns may follow)

_SYMPTOM_ROWS = ("SELECT o.symptom, e.day, o.severity FROM observation o JOIN entry e ON e.id = o.entry_id "
                 "WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")
_DOSE_ROWS = ("SELECT coalesce(d.drug_class, ?), e.day FROM dose d JOIN entry e ON e.id = d.entry_id "
              "WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")


def symptom_rows(journal: JournalReads, first: date, last: date) -> list[SymptomRow]:
    with _raw(journal) as raw:
        return [(str(s), str(d), int(v)) for s, d, v in raw.execute(_SYMPTOM_ROWS, (first.isoformat(),
                                                                                    last.isoformat()))]


def dose_rows(journal: JournalReads, first: date, last: date) -> list[DoseRow]:
    with _raw(journal) as raw:
        return [(str(c), str(d)) for c, d in raw.execute(_DOSE_ROWS, (UNCLASSIFIED, first.isoformat(),
                                                                     last.isoformat()))]


def severity_from_rows(rows: Iterable[Sequence[Any]], rng: DateRange) -> dict[str, list[tuple[date, int]]]:
    """For each symptom key (or custom name): (day, highest severity that day) within ``rng``, oldest first."""
    first, last = rng.first.isoformat(), rng.last.isoformat()
    highest: dict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        symptom, day, severity = row[0], row[1], row[2]
        if first <= day <= last:
            by_day = highest[symptom]
            if severity > by_day.get(day, -1):
                by_day[day] = severity
    return {s: [(date.fromisoformat(d), v) for d, v in sorted(by_day.items())] for s, by_day in highest.items()}


def symptom_days_from_rows(rows: Iterable[Sequence[Any]], rng: DateRange) -> dict[str, dict[str, int]]:
    """For each symptom: month -> number of days it was felt (severity 1 or more), over whole months."""
    months = rng.whole_months()
    first, last = months.first.isoformat(), months.last.isoformat()
    days: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        symptom, day, severity = row[0], row[1], row[2]
        if severity >= 1 and first <= day <= last:
            days[symptom][day[:7]].add(day)
    return {s: {m: len(d) for m, d in by_month.items()} for s, by_month in days.items()}


def medication_day_sets(rows: Iterable[Sequence[Any]], rng: DateRange) -> dict[str, dict[str, set[str]]]:
    """For each medication class: month -> the days with at least one dose of it, over whole months."""
    months = rng.whole_months()
    first, last = months.first.isoformat(), months.last.isoformat()
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        cls, day = row[0], row[1]
        if first <= day <= last:
            out[cls][day[:7]].add(day)
    return {k: dict(v) for k, v in out.items()}


def severity_by_day(journal: JournalReads, rng: DateRange) -> dict[str, list[tuple[date, int]]]:
    """For each symptom key (or custom name): (day, highest severity that day), oldest first."""
    return severity_from_rows(symptom_rows(journal, rng.first, rng.last), rng)


def symptom_days_by_month(journal: JournalReads, rng: DateRange) -> dict[str, dict[str, int]]:
    """For each symptom: month -> number of days it was felt (severity 1 or more)."""
    months = rng.whole_months()
    return symptom_days_from_rows(symptom_rows(journal, months.first, months.last), rng)


def medication_days_by_month(journal: JournalReads, rng: DateRange) -> dict[str, dict[str, int]]:
    """For each medication class: month -> days with at least one dose of that class."""
    return {cls: {m: len(days) for m, days in by_month.items()}
            for cls, by_month in _medication_day_sets(journal, rng).items()}


def _medication_day_sets(journal: JournalReads, rng: DateRange) -> dict[str, dict[str, set[str]]]:
    months = rng.whole_months()
    return medication_day_sets(dose_rows(journal, months.first, months.last), rng)


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


def trends_from_rows(symptoms: Iterable[Sequence[Any]], doses: Iterable[Sequence[Any]], rng: DateRange) -> Trends:
    """The trends of ``rng`` from rows covering at least its whole months (they may cover more)."""
    symptoms = list(symptoms)
    day_sets = medication_day_sets(doses, rng)
    return Trends(
        range=rng,
        severity=severity_from_rows(symptoms, rng),
        symptom_days=symptom_days_from_rows(symptoms, rng),
        medication_days={c: {m: len(d) for m, d in bm.items()} for c, bm in day_sets.items()},
        flags=overuse_flags(day_sets),
    )


def compute_trends(journal: JournalReads, rng: DateRange) -> Trends:
    months = rng.whole_months()
    return trends_from_rows(symptom_rows(journal, months.first, months.last),
                            dose_rows(journal, months.first, months.last), rng)


def ranked_symptoms(trends: Trends) -> list[str]:
    """Symptoms by days felt in the period's months, most first (ties by name), then those recorded only
    at severity 0. The Trends charts show the first MAX_SHOWN; so does the report's first page."""
    ranked = sorted(trends.symptom_days, key=lambda s: (-sum(trends.symptom_days[s].values()), s))
    return ranked + sorted(s for s in trends.severity if s not in trends.symptom_days)


def acute_medication_days(trends: Trends) -> dict[str, dict[str, int]]:
    """Medication days per month of the acute classes (and unclassified doses, which may be acute): what
    the Trends chart and the report show next to the overuse flags."""
    acute = {k for k, c in catalogue().medication_classes.items() if c.acute} | {UNCLASSIFIED}
    return {c: v for c, v in sorted(trends.medication_days.items()) if c in acute}


def class_label(key: str) -> str:
    """A medication class's short name ("Simple analgesic"), as charts and the report name it."""
    if key == UNCLASSIFIED:
        return "Not classified"
    if key == COMBINED:
        return "Several classes together"
    cls = catalogue().medication_classes.get(key)
    return cls.label.split(" (")[0] if cls else key


def month_label(month: str, today: date | None = None) -> str:
    """ "2026-09" → "Sep 2026" (a two-digit year, "Sep 26", reads as 26 September). Months are counted
    whole, so only a month not over yet holds fewer days than its name says: it gets a star, explained
    by months_note()."""
    start = datetime.strptime(month, "%Y-%m").date()
    return f"{start:%b %Y}" + ("*" if _month_end(start) > (today or date.today()) else "")


def months_note(months: list[str], today: date | None = None) -> str:
    """A period starting mid-month still counts its first month from the 1st, and a starred month is
    counted only up to today."""
    today = today or date.today()
    note = f"whole calendar months from 1 {datetime.strptime(months[0], '%Y-%m'):%b %Y}" if months else ""
    if any(month_label(m, today).endswith("*") for m in months):
        note += f" · * not over yet: counted to {today.day} {today:%b %Y}"
    return note


def _month_end(start: date) -> date:
    return (start + timedelta(days=31)).replace(day=1) - timedelta(days=1)


def custom_symptom_names(journal: JournalReads, limit: int = 200) -> list[str]:
    """Symptoms the person typed themselves, most used first (offered again in the editor)."""
    sql = ("SELECT symptom FROM observation WHERE custom = 1 GROUP BY lower(symptom) "
           "ORDER BY count(*) DESC LIMIT ?")
    with _raw(journal) as raw:
        return [str(r[0]) for r in raw.execute(sql, (limit,))]
