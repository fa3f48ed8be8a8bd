"""The numbers of the doctor's report: a pure function of the journal, a period and today's date.

Clinicians read, in this order: how many days a month (and the 3-month trend), how bad, whether
treatment works, then triggers; ReportSummary follows that order. Every number the Trends view also
shows comes from core/trends.py's aggregations over the same rows (``trends_from_rows``: the overuse
flag, days per month, daily highest severity), so the report and the view cannot disagree. The rest
comes from three queries in all (symptoms and doses from the previous period's first day to the end of
this period's last month, entries with their triggers over the period), each walking the day index.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.trends import (
    UNCLASSIFIED,
    DateRange,
    OveruseFlag,
    Trends,
    acute_medication_days,
    class_label,
    ranked_symptoms,
    trends_from_rows,
)

if TYPE_CHECKING:
    from healthviz_desktop.core.journal_reads import JournalReads

# A trigger or quality is listed only when noted on at least this many days, and absent on at least as
# many recorded days: fewer says nothing (the rule Bearable uses before showing a correlation).
MIN_PATTERN_DAYS = 3

_SYMPTOMS = ("SELECT o.symptom, e.day, o.severity, o.duration_minutes, o.qualities, o.custom FROM observation o "
             "JOIN entry e ON e.id = o.entry_id WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")
_DOSES = ("SELECT coalesce(d.drug_class, ?), e.day, d.name, d.custom, d.amount, d.unit, d.relief FROM dose d "
          "JOIN entry e ON e.id = d.entry_id WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")
_ENTRIES = ("SELECT e.id, e.day, l.name FROM entry e "
            "LEFT JOIN entry_label l ON l.entry_id = e.id AND l.kind = 'trigger' "
            "WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")
_NOTES = ("SELECT e.day, e.occurred_at, e.notes FROM entry e WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ? "
          "AND e.notes != '' ORDER BY e.occurred_utc, e.id")


class EmptyPeriod(Exception):
    """No entries in the period: there is nothing to report, and no file is written."""

    def __init__(self, period: DateRange) -> None:
        super().__init__(f"There are no journal entries from {period.first:%d %b %Y} to {period.last:%d %b %Y}, "
                         "so there is nothing to report and no file was written. Choose a period with entries.")


@dataclass(frozen=True)
class SymptomSummary:
    key: str
    label: str
    days: int  # days felt (severity 1 or more) in the period
    previous_days: int  # the same in the previous period of the same length
    by_month: dict[str, int]  # days felt per whole calendar month, exactly as the Trends chart counts them
    mean_severity: float | None  # mean of each day's highest severity, over the days it was felt
    highest: int | None
    timed: int  # times it was recorded with a duration
    total_minutes: int
    median_minutes: float | None

    @property
    def change(self) -> float | None:
        """Days felt against the previous period, as a fraction (None when it was not felt then)."""
        return None if not self.previous_days else (self.days - self.previous_days) / self.previous_days


@dataclass(frozen=True)
class MedicationSummary:
    name: str  # catalogue key, or the name the person typed
    label: str
    drug_class: str  # catalogue class key, or UNCLASSIFIED
    class_label: str
    acute: bool | None  # None: not classified
    doses: int
    days: int
    usual_dose: str  # the most frequent amount and unit, "" when none was written down
    relief: dict[str, int]  # relief level -> doses reported with it
    first_day: date

    @property
    def relief_reported(self) -> int:
        return sum(self.relief.values())


class DaySummary(NamedTuple):  # a tuple: a period of years makes hundreds of them per report
    day: date
    recorded: bool  # any entry that day (a day without one is unknown, not symptom-free)
    highest: int | None  # the day's highest severity of any symptom
    acute: bool  # an acute medication was taken
    preventives: tuple[str, ...]  # labels of preventive medications taken


@dataclass(frozen=True)
class PatternCount:
    name: str
    days: int


@dataclass(frozen=True)
class NoteLine:
    day: date
    occurred_at: str  # ISO, with the entry's own offset
    text: str


@dataclass(frozen=True)
class ReportSummary:
    period: DateRange
    previous: DateRange
    generated_on: date
    entries: int
    recorded_days: int
    trends: Trends  # the Trends view's own numbers for the period
    symptoms: list[SymptomSummary]  # ranked as the Trends charts rank them
    acute_days_by_month: dict[str, dict[str, int]]  # class -> month -> days, as the Trends chart shows
    acute_days: int  # days with an acute medication, this period
    previous_acute_days: int
    medications: list[MedicationSummary]  # most days first
    calendar: list[DaySummary]
    triggers: list[PatternCount]  # past MIN_PATTERN_DAYS only
    qualities: list[PatternCount]
    notes: list[NoteLine] | None  # only when asked for

    @property
    def flags(self) -> list[OveruseFlag]:
        return self.trends.flags

    @property
    def months(self) -> list[str]:
        return self.trends.months

    @property
    def days(self) -> int:
        return (self.period.last - self.period.first).days + 1


def previous_period(period: DateRange) -> DateRange:
    length = period.last - period.first + timedelta(days=1)
    return DateRange(period.first - length, period.first - timedelta(days=1))


def is_preventive(drug_class: str) -> bool:
    """Taken regularly rather than for an attack: the catalogue's non-acute classes except "other"."""
    cls = catalogue().medication_classes.get(drug_class)
    return cls is not None and not cls.acute and drug_class != "other"


def build_summary(journal: JournalReads, period: DateRange, *, today: date | None = None,
                  include_notes: bool = False) -> ReportSummary:
    """Everything the report shows for ``period``; EmptyPeriod when it holds no entry."""
    previous = previous_period(period)
    months = period.whole_months()
    first, last = months.first.isoformat(), months.last.isoformat()  # what the Trends view reads
    before_first, before_last = previous.first.isoformat(), previous.last.isoformat()
    p_first, p_last = period.first.isoformat(), period.last.isoformat()
    acute_classes = sorted(k for k, c in catalogue().medication_classes.items() if c.acute)
    with journal.raw() as raw:
        entry_rows = raw.execute(_ENTRIES, (p_first, p_last)).fetchall()
        if not entry_rows:
            raise EmptyPeriod(period)
        # from the previous period's first day: the comparison needs its days felt and acute days
        symptom_rows = raw.execute(_SYMPTOMS, (min(first, before_first), last)).fetchall()
        dose_rows = raw.execute(_DOSES, (UNCLASSIFIED, min(first, before_first), last)).fetchall()
        notes = raw.execute(_NOTES, (p_first, p_last)).fetchall() if include_notes else None
    trends = trends_from_rows(symptom_rows, dose_rows, period)
    entries, recorded, triggers = _entry_days(entry_rows)
    doses = _Doses(dose_rows, p_first, p_last, set(acute_classes))
    felt_before: dict[str, set[str]] = defaultdict(set)
    for symptom, day, severity, *_ in symptom_rows:
        if severity >= 1 and before_first <= day <= before_last:
            felt_before[symptom].add(day)
    previous_days = {k: len(v) for k, v in felt_before.items()}
    acute_set = set(acute_classes)
    acute_before = {day for cls, day, *_ in dose_rows if cls in acute_set and before_first <= day <= before_last}
    return ReportSummary(
        period=period, previous=previous, generated_on=today or date.today(),
        entries=entries, recorded_days=len(recorded), trends=trends,
        symptoms=_symptoms(symptom_rows, trends, p_first, p_last, previous_days),
        acute_days_by_month=acute_medication_days(trends),
        acute_days=len(doses.acute), previous_acute_days=len(acute_before),
        medications=doses.medications(),
        calendar=_calendar(period, recorded, trends, doses),
        triggers=_patterns(triggers, len(recorded)),
        qualities=_patterns(_quality_days(symptom_rows, p_first, p_last), len(recorded)),
        notes=None if notes is None else [NoteLine(date.fromisoformat(d), str(at), str(text)) for d, at, text in notes],
    )


def _entry_days(rows: list[tuple[int, str, str | None]]) -> tuple[int, set[str], dict[str, set[str]]]:
    """Entries and days recorded in the period, and each trigger's days (spelled as most often written).
    The LEFT JOIN gives an entry once per trigger, or once with NULL when it has none."""
    ids: set[int] = set()
    recorded: set[str] = set()
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    days: dict[str, set[str]] = defaultdict(set)
    for entry_id, day, name in rows:
        ids.add(entry_id)
        recorded.add(day)
        if name:
            key = name.casefold()
            spelled[key][name] += 1
            days[key].add(day)
    return len(ids), recorded, {spelled[k].most_common(1)[0][0]: v for k, v in days.items()}


def _symptoms(rows: list[tuple[str, str, int, int | None, str, int]], trends: Trends, first: str, last: str,
              previous_days: dict[str, int]) -> list[SymptomSummary]:
    durations: dict[str, list[int]] = defaultdict(list)
    custom: set[str] = set()
    for symptom, day, severity, minutes, _q, is_custom in rows:
        if is_custom:
            custom.add(symptom)
        if minutes is not None and severity >= 1 and first <= day <= last:
            durations[symptom].append(int(minutes))
    cat = catalogue()
    out = []
    for key in ranked_symptoms(trends):
        felt = [sev for _d, sev in trends.severity.get(key, []) if sev >= 1]
        timed = durations.get(key, [])
        out.append(SymptomSummary(
            key=key, label=key if key in custom else cat.symptom_label(key), days=len(felt),
            previous_days=previous_days.get(key, 0), by_month=dict(trends.symptom_days.get(key, {})),
            mean_severity=round(statistics.fmean(felt), 1) if felt else None, highest=max(felt, default=None),
            timed=len(timed), total_minutes=sum(timed),
            median_minutes=float(statistics.median(timed)) if timed else None))
    return out


class _Doses:
    """One pass over the period's doses: per medication, acute days, and preventives taken each day."""

    def __init__(self, rows: list[tuple[str, str, str, int, float | None, str | None, str | None]], first: str,
                 last: str, acute_classes: set[str]) -> None:
        cat = catalogue()
        regular = {k for k in cat.medication_classes if is_preventive(k)}
        self.acute: set[str] = set()
        self.preventive: dict[str, set[str]] = defaultdict(set)
        self.groups: dict[tuple[str, str], list[tuple[str, str, str, int, float | None, str | None, str | None]]] \
            = defaultdict(list)
        for row in rows:
            cls, day, name, custom = row[0], row[1], row[2], row[3]
            if not first <= day <= last:
                continue
            # a name typed by the person matches whatever its case; a catalogue key is exact
            self.groups[(name.casefold() if custom else name, cls)].append(row)
            if cls in acute_classes:
                self.acute.add(day)
            elif cls in regular:
                self.preventive[day].add(name if custom else cat.medication_label(name))

    def medications(self) -> list[MedicationSummary]:
        cat = catalogue()
        out = []
        for (_key, cls), items in self.groups.items():
            custom = bool(items[0][3])
            name = Counter(r[2] for r in items).most_common(1)[0][0] if custom else items[0][2]
            amounts = Counter(_dose_text(r[4], r[5]) for r in items if r[4] is not None)
            known = cat.medication_classes.get(cls)
            out.append(MedicationSummary(
                name=name, label=name if custom else cat.medication_label(name), drug_class=cls,
                class_label=class_label(cls), acute=None if known is None else known.acute, doses=len(items),
                days=len({r[1] for r in items}), usual_dose=amounts.most_common(1)[0][0] if amounts else "",
                relief=dict(Counter(r[6] for r in items if r[6])),
                first_day=date.fromisoformat(min(r[1] for r in items))))
        return sorted(out, key=lambda m: (-m.days, m.label.casefold()))


def _dose_text(amount: float | None, unit: str | None) -> str:
    number = f"{amount:g}" if amount is not None else ""
    return f"{number} {unit}".strip() if unit else number


def _calendar(period: DateRange, recorded: set[str], trends: Trends, doses: _Doses) -> list[DaySummary]:
    highest: dict[date, int] = {}
    for points in trends.severity.values():
        for day, sev in points:
            if sev > highest.get(day, -1):
                highest[day] = sev
    out = []
    one = timedelta(days=1)
    acute, preventive = doses.acute, doses.preventive
    for n in range((period.last - period.first).days + 1):
        day = period.first + n * one
        iso = day.isoformat()
        taken = preventive.get(iso)
        out.append(DaySummary(day, iso in recorded, highest.get(day), iso in acute,
                              tuple(sorted(taken)) if taken else ()))
    return out


def _quality_days(rows: list[tuple[str, str, int, int | None, str, int]], first: str, last: str
                  ) -> dict[str, set[str]]:
    cat = catalogue()
    days: dict[str, set[str]] = defaultdict(set)
    parsed: dict[str, list[str]] = {}  # the same few lists come back again and again
    for _s, day, severity, _m, qualities, _c in rows:
        if severity >= 1 and qualities != "[]" and qualities and first <= day <= last:
            keys = parsed.get(qualities)
            if keys is None:
                keys = parsed[qualities] = [cat.qualities[q].label if q in cat.qualities else q
                                            for q in json.loads(qualities)]
            for label in keys:
                days[label].add(day)
    return days


def _patterns(days: dict[str, set[str]], recorded_days: int) -> list[PatternCount]:
    shown = [PatternCount(name, len(d)) for name, d in days.items()
             if len(d) >= MIN_PATTERN_DAYS and recorded_days - len(d) >= MIN_PATTERN_DAYS]
    return sorted(shown, key=lambda p: (-p.days, p.name.casefold()))


def parse_range(text: str) -> DateRange:
    """``YYYY-MM-DD..YYYY-MM-DD`` (either order) as a DateRange; ValueError with a plain message."""
    first, sep, last = text.partition("..")
    try:
        if not sep:
            raise ValueError
        a, b = date.fromisoformat(first.strip()), date.fromisoformat(last.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a period: write FROM..TO, e.g. 2026-08-01..2026-10-29") from None
    return DateRange(min(a, b), max(a, b))


def format_minutes(minutes: float) -> str:
    if minutes < 60:
        return f"{minutes:.0f} min"
    hours = minutes / 60
    return f"{hours:.1f} h".replace(".0 h", " h") if hours < 48 else f"{hours / 24:.1f} days"


def format_when(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%d %b %Y %H:%M")
