"""Issue 15, round fourteen: the allowlist layer holds back every element of a date and every number without a unit.

The issue's allowlist lets through "numbers with units"; until this round it also let through any bare number of up
to three digits, every month, holidays and "21st" (read as 21 stone), so a day of the month, a house or a bus number,
a clock written "12.30" or "9h", "in June", "Tue 14" and "Easter" went out in explainer text (Safe Harbor counts
every element of a date but the year; a weekday alone, "on Monday", names none). A number keeps its place when it is
plainly no day: with a unit, a score or a reading, a count of things, a range ending in a unit. All text here is
made up."""
from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

from healthviz_desktop.core.demo_data import generate_demo_entries
from healthviz_desktop.core.model import Entry, Observation
from healthviz_desktop.core.prompting.allowlist import unlisted_words
from healthviz_desktop.core.prompting.composer import compose_moment, compose_trend, explainer_text
from healthviz_desktop.core.prompting.grammar import grammar


def held(text: str) -> list[str]:
    return [u.text for u in unlisted_words(text)]


@pytest.mark.parametrize(("text", "token"), [
    ("Bad flare on the 14 and again after.", "14"),  # a day of the month with nothing around it
    ("Got off at stop 42 and walked.", "42"),
    ("Took the 142 bus to the clinic.", "142"),
    ("Moved in at number 7 last year.", "7"),
    ("Pain started 3 March.", "3"),  # a day before its month
    ("Worse since the 21st, when it rained.", "21st"),  # not 21 stone
    ("Lunch at 12.30 then a nap.", "12.30"),  # a clock with a dot
    ("Rendez-vous 9h with the nurse.", "9h"),
    ("Flare-up 12-14, better after.", "12-14"),  # days of a month, not a range of anything
    ("Booked on 3/10 for bloods.", "3/10"),  # 3 October, not a score
    ("It started in June and got worse.", "June"),
    ("Dizzy since Tue 14, worse at night.", "Tue"),  # a weekday beside its day
    ("Flares in the week before Easter.", "Easter"),
    ("Worse over the bank holiday weekend.", "bank"),  # a holiday of several words
    ("The clinic moved it to May.", "May"),
    ("Appt may 3 for the scan.", "may"),
    ("Jan said the tea helps.", "Jan"),  # a name as much as a month
    ("Worse since mid-June, better now.", "mid-June"),  # a month after a hyphen
    ("The post-Easter flare was bad.", "post-Easter"),
    ("Bad days on the 3 and 4 this month.", "4"),  # two days, not two scores
])
def test_elements_of_dates_and_bare_numbers_are_held(text: str, token: str) -> None:
    assert token in held(text), held(text)


@pytest.mark.parametrize("text", [
    "Pain 7 most of the day, 4 by bedtime.",
    "Took 2 paracetamol and 400mg ibuprofen.",
    "Had 3 falls this month and 2 coffees a day.",
    "Rated it 6 out of 10.",
    "Pain 6/10, BP 128/82.",
    "Walked for 2 to 3 days, then rested 2-3 days.",
    "eGFR 45 and HbA1c 48, INR 2.35.",
    "Weight 21st, down from 22st.",  # stones, after a reading word
    "Slept 8h and fasted 16h.",
    "Type 2 diabetes, stage 3 kidney disease.",
    "Temperature 37.8 this morning.",
    "I may march on the spot to warm up.",  # the verbs, not the months
    "Sat down and rested.",
    "May be the weather. March on regardless.",
    "Saw the GP on Monday, pain went from 5 to 7 by lunch.",  # a weekday alone, two scores
    "BP 128 over 84 and HbA1c 6.45, then a 2h nap.",
    # the second reader's look-alikes (round fourteen's review)
    "My sats were 88% after the walk, 39° fever, £9 for parking.",
    "Ibuprofen 400 and insulin 22 at night.",
    "eGFR 58, down from 62.",
    "Had 1 fall and 1 hot flush. Took 2 of them.",
    "Wet 6, dirty 2. Mood 3, sleep 2.",
    "Took it 2h after food, slept for like 9h.",
    "OCT scan and MAR chart reviewed. Sat 88% at rest. Wed 3x a week.",
])
def test_counts_scores_readings_and_units_pass(text: str) -> None:
    assert held(text) == []


def test_the_explainer_carries_no_element_of_a_date() -> None:
    """What the de-identifier leaves in (a month alone, a holiday, a day of the month with no month) the allowlist
    holds back."""
    text, removed = explainer_text("Magnesium calms nerves, as I learned in June; worse before Easter and on the 14.")
    assert text == "Magnesium calms nerves, as I learned in [WORD]; worse before [WORD] and on the [NUMBER]."
    assert [r.text for r in removed] == ["June", "Easter", "14"]


def test_every_prompt_the_app_composes_passes_the_allowlist_unedited() -> None:
    """The composer's own numbers ("Beat 1 (0–3 s)") and words must pass the layer that checks edited prompts, or any
    edit would be blocked for words the person never typed."""
    g = grammar()
    at = datetime(2026, 3, 4, 9, tzinfo=UTC)
    for family, severity, style, seconds in itertools.product(sorted(g.families)[:12], (1, 5, 10), sorted(g.styles),
                                                               g.allowed_seconds):
        cp = compose_moment(Entry(occurred_at=at, observations=[Observation(family, severity)]), style=style,
                            seconds=seconds)
        assert unlisted_words(cp.prompt) == [], cp.prompt
    end = date(2026, 3, 31)
    for seed, days, style, seconds in itertools.product((1, 3), (7, 30, 60), sorted(g.styles), g.allowed_seconds):
        entries = generate_demo_entries(days, seed=seed, end=end)
        cp = compose_trend(entries, end - timedelta(days=days - 1), end, style=style, seconds=seconds)
        assert unlisted_words(cp.prompt) == [], cp.prompt
        assert cp.with_prompt(cp.prompt + " Calmer nights.").verdict.ok


def test_a_number_in_short_groups_is_held_as_one_number() -> None:
    """Each group of "12 34 56" is a bare number now, held anyway; the person is still told what the run is."""
    found = unlisted_words("ref 12 34 56 today")
    assert [(u.text, u.reason) for u in found] == [
        (t, "several numbers in a row, like a phone or ID number") for t in ("12", "34", "56")]


def test_a_reading_after_a_lab_or_score_name_passes() -> None:
    """The second reader's look-alikes: the names themselves ("GCS", "Apgar") are outside the vocabularies, as before
    the round; their values are no days."""
    held_numbers = [u.text for u in unlisted_words("Hb 85, ALT 65, GCS 15, Apgar 9, Height 165.")
                    if any(c.isdigit() for c in u.text)]
    assert held_numbers == []
