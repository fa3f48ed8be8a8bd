"""The 12 fixed scenes of the contact sheets: made-up journal entries composed into prompts by the real
composer, covering every family (12 as the subject, the other five in a prompt's background sentence),
every style at least twice, triggers, every relief level and three trend shapes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.prompting.composer import ComposedPrompt, compose_explainer, compose_moment, compose_trend

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _entry(*obs: Observation, triggers: tuple[str, ...] = (), relief: str | None = None, day: int = 0,
           sleep: float | None = None) -> Entry:
    return Entry(T0 + timedelta(days=day), triggers=list(triggers), sleep_hours=sleep, observations=list(obs),
                 doses=[Dose("ibuprofen", relief=relief)] if relief else [])


def _trend(symptom: str, qualities: list[str], area: str, severities: list[int], style: str,
           sleep: list[float] | None = None) -> ComposedPrompt:
    entries = [_entry(Observation(symptom, s, qualities, area), day=i, sleep=(sleep[i] if sleep else None))
               for i, s in enumerate(severities)]
    start = T0.date()
    return compose_trend(entries, start, start + timedelta(days=len(severities) - 1), style=style)


def scenes() -> dict[str, ComposedPrompt]:
    o = Observation
    rng_sleep = [7.5, 6.0, 8.0, 5.5, 7.2, 6.5, 7.8, 4.5, 7.0, 6.0, 8.1, 5.0, 7.4, 6.2, 7.9, 6.8, 7.1, 5.8,
                 7.6, 6.9, 8.0, 7.3, 6.1, 7.7, 7.0, 7.5, 8.2, 7.4]
    calm_entries = [Entry(T0 + timedelta(days=i), mood=6 + i % 3, sleep_hours=7.0 + (i % 4) * 0.3) for i in range(14)]
    return {
        "01-migraine-abstract": compose_moment(_entry(
            o("migraine", 7, ["throbbing", "pressing"], "temples", duration_minutes=200), o("aura", 3, [], "eyes"),
            triggers=("stress",), relief="complete"), style="abstract_3d"),
        "02-back-trend-watercolour": _trend(
            "lower_back_pain", ["aching", "stabbing"], "lower_back",
            [8, 8, 7, 8, 7, 7, 6, 7, 6, 5, 6, 5, 5, 4, 4, 5, 4, 3, 4, 3, 3, 2, 3, 2, 2, 3, 2, 2], "watercolour",
            rng_sleep),
        "03-nausea-paper": compose_moment(_entry(
            o("nausea", 6, ["sickening", "rolling"], "abdomen", duration_minutes=120), o("dizziness", 3, [], "head"),
            triggers=("travel",), relief="some"), style="paper_cutout"),
        "04-chest-clay": compose_moment(_entry(
            o("chest_tightness", 8, ["pressing", "heavy"], "chest", duration_minutes=20),
            triggers=("exercise",), relief="good"), style="clay"),
        "05-anxiety-scientific": compose_moment(_entry(
            o("anxiety", 7, ["fearful", "spinning"], "chest"), o("insomnia", 4, [], None),
            triggers=("caffeine",)), style="scientific_illustration", seconds=12),
        "06-fatigue-watercolour": compose_moment(_entry(
            o("fatigue", 6, ["exhausting", "heavy"], "whole_body", duration_minutes=900),
            triggers=("poor sleep",), relief="none"), style="watercolour"),
        "07-brainfog-clay": compose_moment(_entry(
            o("brain_fog", 5, ["foggy", "dull"], "head", duration_minutes=240), o("low_mood", 3, [], None),
            triggers=("screen time",)), style="clay"),
        "08-cramps-paper": compose_moment(_entry(
            o("menstrual_cramps", 7, ["cramping", "gnawing"], "pelvis", duration_minutes=180),
            triggers=("menstruation",), relief="good"), style="paper_cutout", size="720x1280"),
        "09-tingling-abstract": compose_moment(_entry(
            o("tingling", 6, ["tingling", "electric", "numb"], "hands", duration_minutes=60),
            triggers=("long sitting",)), style="abstract_3d"),
        "10-itch-scientific": compose_moment(_entry(
            o("itch", 5, ["itching", "tender"], "skin"), o("light_sensitivity", 3, [], "eyes"),
            triggers=("weather change",)), style="scientific_illustration"),
        "11-calm-trend-abstract": compose_trend(calm_entries, T0.date(), T0.date() + timedelta(days=13),
                                                style="abstract_3d"),
        "12-explainer-scientific": compose_explainer(
            "Magnesium is thought to calm nerve signals. It sits in the channels that let calcium in. "
            "With less calcium flowing, the nerve fires less often.", style="scientific_illustration"),
    }


def check_dates() -> date:  # keeps the made-up dates in one place for readers
    return T0.date()
