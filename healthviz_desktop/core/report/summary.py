"""The numbers of the doctor's report: a pure function of the journal, a period and today's date.

Clinicians read, in this order: how many days a month (and the 3-month trend), how bad, whether
treatment works, then triggers; ReportSummary follows that order. Every number the Trends view also
shows comes from core/trends.py's aggregations over the same rows (``trends_from_rows``: the overuse
flag, days per month, daily highest severity), so the report and the view cannot disagree. The rest:
the period's entries and triggers, and the previous period's counts (period_reads.read_period: up to six statements,
each walking the day index), then medications, calendar and patterns in Python, a column at a time where it can.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache, partial
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.report.period_reads import (
    EmptyPeriod,
    Row,
    acute_classes,
    days_in,
    previous_period,
    read_period,
)
from healthviz_desktop.core.trends import (
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

__all__ = ["EmptyPeriod", "ReportSummary", "build_summary", "previous_period", "read_period"]

# columns of the rows read_period returns, picked in C
_FIRST, _DAY, _NAME, _CUSTOM, _AMOUNT, _UNIT, _RELIEF = (itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3),
                                                          itemgetter(4), itemgetter(5), itemgetter(6))

# A trigger or quality is listed only when noted on at least this many days, and absent on at least as
# many recorded days: fewer says nothing (the rule Bearable uses before showing a correlation).
MIN_PATTERN_DAYS = 3


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


def is_preventive(drug_class: str) -> bool:
    """Taken regularly rather than for an attack: the catalogue's non-acute classes except "other"."""
    cls = catalogue().medication_classes.get(drug_class)
    return cls is not None and not cls.acute and drug_class != "other"


def build_summary(journal: JournalReads, period: DateRange, *, today: date | None = None,
                  include_notes: bool = False) -> ReportSummary:
    """Everything the report shows for ``period``; EmptyPeriod when it holds no entry."""
    rows = read_period(journal, period, include_notes=include_notes)
    p_first, p_last = period.first.isoformat(), period.last.isoformat()
    trends = trends_from_rows(rows.symptoms, rows.doses, period)
    recorded = rows.recorded
    symptoms_here, doses_here = days_in(rows.symptoms, p_first, p_last), days_in(rows.doses, p_first, p_last)
    doses = _Doses(doses_here, set(acute_classes()))
    return ReportSummary(
        period=period, previous=previous_period(period), generated_on=today or date.today(),
        entries=rows.entries, recorded_days=len(recorded), trends=trends,
        symptoms=_symptoms(rows.symptoms, symptoms_here, trends, rows.previous_days),
        acute_days_by_month=acute_medication_days(trends),
        acute_days=len(doses.acute), previous_acute_days=rows.previous_acute,
        medications=doses.medications(),
        calendar=_calendar(period, recorded, symptoms_here, doses),
        triggers=_patterns(_trigger_days(rows.triggers), len(recorded)),
        qualities=_patterns(_quality_days(symptoms_here), len(recorded)),
        notes=None if rows.notes is None else [NoteLine(date.fromisoformat(d), str(at), str(text))
                                               for d, at, text in rows.notes],
    )


def _trigger_days(rows: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Each trigger's days, under its name spelled as most often written (a tie: as first written)."""
    written = Counter(map(_FIRST, rows))  # each spelling, in the order first written
    days: dict[str, set[str]] = defaultdict(set)
    for name, day in rows:
        days[name.casefold()].add(day)
    spelled: dict[str, str] = {}
    for name, n in written.items():
        key = name.casefold()
        if key not in spelled or n > written[spelled[key]]:
            spelled[key] = name
    return {spelled[k]: v for k, v in days.items()}


def _symptoms(rows: list[Row], here: list[Row], trends: Trends, previous_days: dict[str, int]
              ) -> list[SymptomSummary]:
    durations: dict[str, list[int]] = defaultdict(list)
    custom = {row[0] for row in rows if row[5]}
    for symptom, _day, severity, minutes, _q, _c in here:
        if minutes is not None and severity >= 1:
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
    """The period's doses per medication (each group's rows in day order), and from the groups the days with
    an acute medication and the preventives taken each day."""

    def __init__(self, rows: list[Row], acute_classes: set[str]) -> None:
        groups: dict[tuple[str, str], list[Row]] = {}
        for row in rows:
            # a name typed by the person matches whatever its case; a catalogue key is exact
            key = (row[2].casefold() if row[3] else row[2], row[0])
            group = groups.get(key)
            if group is None:
                groups[key] = [row]
            else:
                group.append(row)
        self.groups = groups
        self.acute: set[str] = set()
        self.preventive: dict[str, set[str]] = defaultdict(set)
        regular = _preventive_classes()
        label = catalogue().medication_label
        for (_key, cls), items in groups.items():
            if cls in acute_classes:
                self.acute.update(map(_DAY, items))
            elif cls in regular:
                if any(map(_CUSTOM, items)):  # a typed name: as written that day
                    for _c, day, name, custom, *_ in items:
                        self.preventive[day].add(name if custom else label(name))
                else:  # a catalogue key: one label
                    name = label(items[0][2])
                    for day in set(map(_DAY, items)):
                        self.preventive[day].add(name)

    def medications(self) -> list[MedicationSummary]:
        cat = catalogue()
        out = []
        for (_key, cls), items in self.groups.items():
            custom = bool(items[0][3])
            name = Counter(map(_NAME, items)).most_common(1)[0][0] if custom else items[0][2]
            # counted per (amount, unit) in C, then per text: both keep the order first written, so a tie
            # goes to the dose written first, as counting the texts row by row would
            amounts: dict[str, int] = {}  # max() keeps the first of a tie, as Counter.most_common does
            for (amount, unit), n in Counter(zip(map(_AMOUNT, items), map(_UNIT, items), strict=True)).items():
                if amount is not None:
                    text = _dose_text(amount, unit)
                    amounts[text] = amounts.get(text, 0) + n
            known = cat.medication_classes.get(cls)
            out.append(MedicationSummary(
                name=name, label=name if custom else cat.medication_label(name), drug_class=cls,
                class_label=class_label(cls), acute=None if known is None else known.acute, doses=len(items),
                days=len(set(map(_DAY, items))), usual_dose=max(amounts, key=amounts.__getitem__) if amounts else "",
                relief=dict(Counter(filter(None, map(_RELIEF, items)))),
                first_day=date.fromisoformat(items[0][1])))  # the rows are in day order
        return sorted(out, key=lambda m: (-m.days, m.label.casefold()))


@lru_cache(maxsize=1)
def _preventive_classes() -> frozenset[str]:
    return frozenset(k for k in catalogue().medication_classes if is_preventive(k))


def _dose_text(amount: float | None, unit: str | None) -> str:
    number = f"{amount:g}" if amount is not None else ""
    return f"{number} {unit}".strip() if unit else number


def _calendar(period: DateRange, recorded: set[str], symptoms: list[Row], doses: _Doses) -> list[DaySummary]:
    highest: dict[str, int] = {}
    for _s, day, severity, *_ in symptoms:
        if severity > highest.get(day, -1):
            highest[day] = severity
    days = list(map(date.fromordinal, range(period.first.toordinal(), period.last.toordinal() + 1)))
    isos = list(map(date.isoformat, days))
    taken = {day: tuple(sorted(names)) if len(names) > 1 else tuple(names)
             for day, names in doses.preventive.items()}
    columns = (days, map(recorded.__contains__, isos), map(highest.get, isos), map(doses.acute.__contains__, isos),
               map(taken.get, isos, repeat(())))
    return list(map(_new_day, zip(*columns, strict=True)))  # a column at a time, in C


_new_day = partial(tuple.__new__, DaySummary)  # DaySummary._make without its length check (zip has it)


def _quality_days(rows: list[Row]) -> dict[str, set[str]]:
    days: dict[str, set[str]] = defaultdict(set)
    for _s, day, severity, _m, qualities, _c in rows:
        if severity >= 1 and qualities != "[]" and qualities:
            for label in _quality_labels(qualities):
                days[label].add(day)
    return days


@lru_cache(maxsize=1024)
def _quality_labels(qualities: str) -> tuple[str, ...]:
    """A qualities column (a JSON list of keys) as labels: the same few lists come back again and again."""
    known = catalogue().qualities
    return tuple(known[q].label if q in known else q for q in json.loads(qualities))


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
