"""Measured change over a date range, for trend prompts: only numbers and catalogue keys come out.

A day's value is the highest severity of that day's entries (an entry with no symptom counts as 0);
days without entries are missing, not zero. "First" and "last" are the first and last seven days of
the range when it spans two weeks or more, otherwise its first and second halves.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean, pstdev
from typing import Any

from healthviz_desktop.core.model import Entry
from healthviz_desktop.core.prompting.grammar import Grammar

ARC_POINTS = 6
CHANGE_THRESHOLD = 1.0  # severity points between first and last window that count as a change
CLEAR_CHANGE = 2.5  # from here a change is "clear" in the words, from LARGE_CHANGE "large"; below, "slight"
LARGE_CHANGE = 5.0
WAVES_STDEV = 1.5
RESTED_HOURS = 7.0


@dataclass(frozen=True)
class TrendMeasure:
    entries: tuple[Entry, ...]
    days: int
    days_with_entries: int
    first_mean: float
    last_mean: float
    mean: float
    family: str
    qualities: tuple[str, ...]
    region: str
    shape: str
    arc: tuple[tuple[float, float], ...]  # (t 0..1, severity 0..10)
    nights_rested: int
    nights_recorded: int
    window_days: int
    degree: str = "slight"  # how big the change is, for the words: slight, clear or large

    @property
    def bands(self) -> tuple[str, str, str]:
        """Severity bands (absolute 0-10 scale) of the first window, the last window and the whole range."""
        return level_band(self.first_mean), level_band(self.last_mean), level_band(self.mean)

    def extra(self) -> dict[str, Any]:
        """Derived numbers for the spec (shown in the window, read by the renderer). No dates."""
        return {"first_mean": round(self.first_mean, 2), "last_mean": round(self.last_mean, 2),
                "change": round(self.last_mean - self.first_mean, 2), "mean": round(self.mean, 2),
                "days": self.days, "days_with_entries": self.days_with_entries, "window_days": self.window_days,
                "nights_rested": self.nights_rested, "nights_recorded": self.nights_recorded, "shape": self.shape,
                "degree": self.degree}


def measure(entries: list[Entry], date_from: date, date_to: date, g: Grammar) -> TrendMeasure:
    from healthviz_desktop.core.catalogue import catalogue
    from healthviz_desktop.core.prompting.composer import family_of, region_of

    if date_to < date_from:
        raise ValueError("the range ends before it starts")
    inside = tuple(sorted((e for e in entries if date_from <= e.effective_day() <= date_to),
                          key=lambda e: (e.occurred_at.timestamp(), e.uid)))
    if not inside:
        raise ValueError("there are no entries in that range")
    days = (date_to - date_from).days + 1
    by_day: dict[int, float] = {}
    sleep: dict[int, float] = {}
    weight: Counter[str] = Counter()
    qualities: dict[str, Counter[str]] = {}
    regions: dict[str, Counter[str]] = {}
    for e in inside:
        d = (e.effective_day() - date_from).days
        by_day[d] = max(by_day.get(d, 0.0), float(e.max_severity or 0))
        if e.sleep_hours is not None and d not in sleep:
            sleep[d] = e.sleep_hours
        for obs in e.observations:
            fam = family_of(obs, g)
            if fam is None:
                continue
            weight[fam] += obs.severity + 1  # +1: a logged 0 still says which symptom this is about
            qualities.setdefault(fam, Counter()).update(q for q in obs.qualities if q in g.qualities)
            regions.setdefault(fam, Counter())[region_of(obs)] += 1
    # the family with most weight; ties go to catalogue order so the result never depends on dict order
    order = {f: i for i, f in enumerate(dict.fromkeys(s.family for s in catalogue().symptoms.values()))}
    family = min(weight, key=lambda f: (-weight[f], order.get(f, 99), f)) if weight else "calm"
    quals = tuple(q for q, _ in sorted(qualities.get(family, Counter()).items(), key=lambda kv: (-kv[1], kv[0])))[:2]
    region = min(regions[family].items(), key=lambda kv: (-kv[1], kv[0]))[0] if family in regions else "field"
    window = 7 if days >= 14 else max(1, days // 2)
    first = [v for d, v in by_day.items() if d < window]
    last = [v for d, v in by_day.items() if d >= days - window]
    mean = fmean(by_day.values())
    first_mean = fmean(first) if first else mean
    last_mean = fmean(last) if last else mean
    arc = _arc(by_day, days)
    change = last_mean - first_mean
    if change <= -CHANGE_THRESHOLD:
        shape = "settling"
    elif change >= CHANGE_THRESHOLD:
        shape = "building"
    elif len(arc) > 2 and pstdev(v for _, v in arc) >= WAVES_STDEV:
        shape = "waves"
    else:
        shape = "steady"
    return TrendMeasure(
        entries=inside, days=days, days_with_entries=len(by_day), first_mean=first_mean, last_mean=last_mean,
        mean=mean, family=family, qualities=quals, region=region, shape=shape, arc=arc,
        nights_rested=sum(1 for h in sleep.values() if h >= RESTED_HOURS), nights_recorded=len(sleep),
        window_days=window, degree=change_degree(change),
    )


def change_degree(change: float) -> str:
    size = abs(change)
    return "large" if size >= LARGE_CHANGE else "clear" if size >= CLEAR_CHANGE else "slight"


def level_band(severity: float) -> str:
    """The catalogue's severity band of a mean, rounded half up (4.5 is 5, moderate; 6.5 is 7, severe):
    Python's round() would send 6.5 down to 6 and call a severe mean moderate."""
    from healthviz_desktop.core.catalogue import catalogue

    return catalogue().severity_band(int(severity + 0.5))


def _arc(by_day: dict[int, float], days: int) -> tuple[tuple[float, float], ...]:
    """Up to ARC_POINTS evenly spaced means over the range; empty segments take their neighbour's value."""
    k = max(1, min(ARC_POINTS, days))
    segments: list[float | None] = []
    for i in range(k):
        lo, hi = days * i // k, days * (i + 1) // k
        vals = [v for d, v in by_day.items() if lo <= d < hi]
        segments.append(fmean(vals) if vals else None)
    filled: list[float] = []
    for i, v in enumerate(segments):
        if v is None:
            v = filled[-1] if filled else next(s for s in segments[i:] if s is not None)
        filled.append(v)
    if k == 1:
        return ((0.0, round(filled[0], 2)), (1.0, round(filled[0], 2)))
    return tuple((round(i / (k - 1), 3), round(v, 2)) for i, v in enumerate(filled))


def day_range(date_from: date, date_to: date) -> list[date]:
    return [date_from + timedelta(days=i) for i in range((date_to - date_from).days + 1)]
