"""Journals for the report's tests: the demo journal, and two years with twelve medications."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from healthviz_desktop.core.demo_data import DEMO_TZ, generate_demo_entries
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, Observation

END = date(2026, 10, 28)
NOW = datetime.combine(END, time(23, 59), DEMO_TZ)
# Twelve medications: acute of several classes, preventives, a supplement, and one the person named.
TWELVE = (("ibuprofen", 400.0), ("paracetamol", 1000.0), ("naproxen", 500.0), ("sumatriptan", 50.0),
          ("rizatriptan", 10.0), ("codeine", 30.0), ("co_codamol", 1.0), ("metoclopramide", 10.0),
          ("propranolol", 40.0), ("topiramate", 50.0), ("magnesium", 400.0), ("Ginger capsules", 2.0))


def demo_journal(journal: Journal, days: int = 90, seed: int = 1) -> None:
    journal.add_many(generate_demo_entries(days, seed, end=END, now=NOW))


def two_years_twelve_medications(journal: Journal, seed: int = 5) -> None:
    """730 days of demo data, plus doses of twelve medications spread over the two years."""
    demo_journal(journal, 730, seed)
    rng = random.Random(seed)
    extra = []
    first = END - timedelta(days=729)
    for n, (name, amount) in enumerate(TWELVE):
        for k in range(20 + 3 * n):
            day = first + timedelta(days=rng.randrange(730))
            when = datetime.combine(day, time(13, rng.randrange(60)), DEMO_TZ)
            extra.append(Entry(occurred_at=when, observations=[Observation("headache", rng.randint(2, 8))],
                               doses=[Dose(name, amount, None, when, rng.choice(("none", "some", "good", None)))],
                               triggers=["weather change"] if k % 3 == 0 else []))
    journal.add_many(extra)
