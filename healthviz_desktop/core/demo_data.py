"""A realistic, fully synthetic journal for demos, tests and benchmarks.

Weekly patterns a real diary shows: migraines cluster after short nights and on stressful weekdays,
lower back pain follows long sitting on workdays, fatigue tracks sleep; a preventive started a third
of the way in makes migraines rarer and milder (so trend views have a story to tell). No names,
places or dates of real people: notes come from a small fixed set of neutral phrases.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

from healthviz_desktop.core.model import Dose, Entry, Observation

if TYPE_CHECKING:
    from healthviz_desktop.core.journal import Journal

DEMO_TZ = timezone(timedelta(hours=1))

_MIGRAINE_NOTES = (
    "Started behind the left eye, dark room helped.",
    "Woke up with it; light hurt.",
    "Came on in the afternoon after a long meeting.",
    "Aura first, then the headache about twenty minutes later.",
    "Nausea with it, lay down for two hours.",
)
_BACK_NOTES = ("Stiff after sitting all day.", "Eased with a short walk.", "Worse bending to lift the laundry.")
_EVENING_NOTES = ("Calm evening.", "Tired but okay.", "Deadline stress at work.", "Read for an hour.",
                  "Late dinner.", "Screens until late.", "")
_DAY_NOTES = ("Quiet day.", "Good walk at lunchtime.", "Busy day, skipped lunch.", "Slept badly, woke at 4.",
              "Felt fine today.", "Yoga in the evening.", "")


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), DEMO_TZ)


def generate_demo_entries(days: int, seed: int = 1, end: date | None = None,
                          now: datetime | None = None) -> list[Entry]:
    """About two to three entries a day for ``days`` days ending on ``end`` (default: today), none later
    than ``now`` (default: the clock)."""
    rng = random.Random(seed)
    last = end or date.today()
    first = last - timedelta(days=days - 1)
    preventive_from = first + timedelta(days=days // 3)
    entries: list[Entry] = []
    for n in range(days):
        day = first + timedelta(days=n)
        weekday = day.weekday() < 5
        on_preventive = day >= preventive_from
        sleep = round(max(3.5, min(9.5, rng.gauss(7.1 if not weekday else 6.7, 0.9))), 1)
        short_night = sleep < 6.0
        stress = weekday and rng.random() < 0.35
        fatigue = max(0, min(10, round(rng.gauss(8 - sleep, 1.2))))
        morning = Entry(
            occurred_at=_at(day, 7 + rng.randint(0, 1), rng.randint(0, 59)),
            sleep_hours=sleep, sleep_quality=max(0, min(10, round(sleep + rng.gauss(-1, 1.2)))),
            mood=max(0, min(10, round(rng.gauss(6.5 - (1.5 if short_night else 0), 1.1)))),
            energy=max(0, min(10, 10 - fatigue)), notes=rng.choice(_DAY_NOTES),
            tags=["morning check-in"],
        )
        if fatigue >= 4:
            morning.observations.append(Observation("fatigue", fatigue, ["heavy", "exhausting"], "whole_body"))
        if on_preventive:
            morning.doses.append(Dose("propranolol", 40.0, "mg", morning.occurred_at, None))
        entries.append(morning)

        monday = day.weekday() == 0
        migraine_risk = 0.07 + (0.12 if short_night else 0) + (0.08 if stress else 0) + (0.05 if monday else 0)
        if on_preventive:
            migraine_risk *= 0.5
        if rng.random() < migraine_risk:
            severity = max(3, min(10, round(rng.gauss(6.0 if on_preventive else 7.2, 1.3))))
            onset = _at(day, rng.choice((6, 10, 14, 16, 19)), rng.randint(0, 59))
            triggers = [t for t, hit in (("poor sleep", short_night), ("stress", stress),
                                         ("skipped meal", rng.random() < 0.2)) if hit]
            med = "sumatriptan" if severity >= 7 else rng.choice(("ibuprofen", "paracetamol"))
            amount = {"sumatriptan": 50.0, "ibuprofen": 400.0, "paracetamol": 1000.0}[med]
            entries.append(Entry(
                occurred_at=onset + timedelta(minutes=rng.randint(20, 90)), notes=rng.choice(_MIGRAINE_NOTES),
                triggers=triggers, tags=["migraine"],
                observations=[
                    Observation("migraine", severity, rng.sample(["throbbing", "pulsing", "pressing"], 2),
                                rng.choice(("temples", "behind_eyes", "forehead")), onset,
                                rng.randint(3, 24) * 30),
                    *([Observation("nausea", max(1, severity - 3), ["rolling"], "abdomen")]
                      if rng.random() < 0.5 else []),
                    *([Observation("light_sensitivity", max(1, severity - 2), [], "eyes")]
                      if rng.random() < 0.6 else []),
                ],
                doses=[Dose(med, amount, "mg", onset + timedelta(minutes=15),
                            rng.choice(("some", "good", "good", "complete")))],
            ))
        if weekday and rng.random() < 0.3:
            severity = max(1, min(8, round(rng.gauss(4, 1.2))))
            back = Entry(
                occurred_at=_at(day, 18 + rng.randint(0, 3), rng.randint(0, 59)), notes=rng.choice(_BACK_NOTES),
                triggers=["long sitting"],
                observations=[Observation("lower_back_pain", severity, rng.sample(["aching", "dull", "sharp"], 1),
                                          "lower_back", duration_minutes=rng.randint(1, 8) * 30)],
            )
            if severity >= 5:
                back.doses.append(Dose("ibuprofen", 200.0, "mg", back.occurred_at, "some"))
            entries.append(back)
        evening_mood = max(0, min(10, round(rng.gauss(6.8 - (1.0 if stress else 0), 1.0))))
        entries.append(Entry(
            occurred_at=_at(day, 22, rng.randint(0, 59)) + timedelta(minutes=rng.choice((0, 0, 90))),
            mood=evening_mood, energy=max(0, min(10, round(rng.gauss(5, 1.5)))),
            notes=rng.choice(_EVENING_NOTES), tags=["evening check-in"],
            triggers=["stress"] if stress else [],
        ))
    for entry in entries:  # uids from the seed too, so the same seed gives the same journal
        entry.uid = f"{rng.getrandbits(128):032x}"
        entry.demo = True  # marked in the journal: shown as demo, and removed together
    # Nothing later than now: a journal records what happened (the editor refuses future times too).
    now = now or datetime.now(UTC)
    return [e for e in entries if e.occurred_at <= now]


def remove_demo_entries(journal: Journal) -> list[int]:
    """Move every demo entry to the trash in one transaction (the window's "Remove demo entries" and
    ``healthviz demo-data --remove``); ``restore_demo_entries`` undoes it. Returns their ids."""
    ids = journal.demo_entry_ids()
    journal.delete_many(ids)
    return ids


def restore_demo_entries(journal: Journal) -> list[int]:
    """Bring back, from the trash, the demo entries the latest removal put there. Returns their ids."""
    ids = journal.demo_entry_ids(last_removed=True)
    journal.undelete_many(ids)
    return ids
