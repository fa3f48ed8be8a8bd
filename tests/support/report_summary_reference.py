"""A frozen copy of the report's summary as it was before it was tuned for speed (issue 13's benchmark),
for tests/test_report_summary_equivalence.py: whatever the shipped build_summary does to be fast, it must give
exactly these numbers, in this order. Do not edit it to follow a change in what the report shows; regenerate
the golden file instead, on purpose (see that test)."""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from datetime import date, timedelta

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.journal_reads import JournalReads
from healthviz_desktop.core.report.summary import (
    MIN_PATTERN_DAYS,
    DaySummary,
    EmptyPeriod,
    MedicationSummary,
    NoteLine,
    PatternCount,
    ReportSummary,
    SymptomSummary,
    is_preventive,
    previous_period,
)
from healthviz_desktop.core.trends import (
    UNCLASSIFIED,
    DateRange,
    Trends,
    acute_medication_days,
    class_label,
    ranked_symptoms,
    trends_from_rows,
)

_SYMPTOMS = ("SELECT o.symptom, e.day, o.severity, o.duration_minutes, o.qualities, o.custom FROM observation o "
             "JOIN entry e ON e.id = o.entry_id WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")
_DOSES = ("SELECT coalesce(d.drug_class, ?), e.day, d.name, d.custom, d.amount, d.unit, d.relief FROM dose d "
          "JOIN entry e ON e.id = d.entry_id WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")
_ENTRIES = ("SELECT e.id, e.day, l.name FROM entry e "
            "LEFT JOIN entry_label l ON l.entry_id = e.id AND l.kind = 'trigger' "
            "WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ?")
_NOTES = ("SELECT e.day, e.occurred_at, e.notes FROM entry e WHERE +e.deleted_at IS NULL AND e.day BETWEEN ? AND ? "
          "AND e.notes != '' ORDER BY e.occurred_utc, e.id")



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
