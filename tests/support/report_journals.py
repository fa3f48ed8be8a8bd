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


# What varied_journal draws from: catalogue keys, names the person typed (in several spellings, so the
# report's "spelled as most often written" has ties to break).
_SYMPTOMS = ("migraine", "headache", "nausea", "fatigue", "neck_pain", "Jaw ache", "jaw ache", "Ear ringing")
_QUALITIES = ("throbbing", "pulsing", "aching", "heavy", "burning")
_DOSES = (("ibuprofen", 400.0, None), ("paracetamol", 1000.0, None), ("sumatriptan", 50.0, None),
          ("codeine", None, None), ("propranolol", 40.0, None), ("topiramate", 25.0, None), ("magnesium", 400.0, None),
          ("metoclopramide", 10.0, None), ("Ginger capsules", 2.0, "capsule"), ("ginger Capsules", 2.5, "capsule"),
          ("GINGER CAPSULES", None, None), ("Feverfew", 100.0, "mg"))
_TRIGGERS = ("Stress", "stress", "Bright light", "weather change", "Weather change", "red wine")
_RELIEF = ("none", "some", "good", "complete", None)


def varied_journal(journal: Journal, seed: int, days: int = 430) -> None:
    """A seeded journal exercising every branch of the report: several entries a day (some at the same
    minute), days without any, symptoms felt and at 0, custom names spelled differently, unclassified and
    classified custom medications, amounts with and without units, relief, triggers in two cases, notes,
    entries written down late (ids out of day order) and entries moved to the trash."""
    rng = random.Random(seed)
    entries = []
    for n in range(days):
        day = END - timedelta(days=days - 1 - n)
        for _ in range(rng.choice((0, 1, 1, 2, 3, 4))):
            when = datetime.combine(day, time(rng.choice((8, 12, 12, 21)), rng.choice((0, 30))), DEMO_TZ)
            observations = [Observation(rng.choice(_SYMPTOMS), rng.choice((0, rng.randint(1, 10))),
                                        rng.sample(_QUALITIES, rng.randint(0, 2)),
                                        duration_minutes=rng.choice((None, rng.randint(5, 600))))
                            for _ in range(rng.choice((0, 1, 1, 2)))]
            doses = []
            for _ in range(rng.choice((0, 0, 1, 2))):
                name, amount, unit = rng.choice(_DOSES)
                doses.append(Dose(name, rng.choice((amount, None)) if amount else amount, unit, when,
                                  rng.choice(_RELIEF), drug_class="supplement" if name == "Feverfew" else None))
            entries.append(Entry(occurred_at=when, observations=observations, doses=doses,
                                 triggers=rng.sample(_TRIGGERS, rng.choice((0, 0, 1, 2))),
                                 tags=["work"] if rng.random() < 0.2 else [],
                                 notes=rng.choice(("", "", "Slept badly.", "Long walk."))))
    late = entries[::9]  # written down later, in no order: entry ids do not follow the days
    rng.shuffle(late)
    saved = journal.add_many([e for n, e in enumerate(entries) if n % 9]) + journal.add_many(late)
    for entry in saved[::7]:
        journal.delete(entry.id or 0)
