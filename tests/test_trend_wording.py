"""Trend prompts say what the numbers say: the weather at each end follows the absolute 0–10 level (a mean of
1.6 is mild: a light haze, never a storm), the verb follows the size of the change. Pinned at the edges."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest

from healthviz_desktop.core.model import Entry, Observation
from healthviz_desktop.core.prompting.composer import compose_trend

TZ = timezone(timedelta(hours=1))


def _compose(values: list[int]) -> tuple[str, dict[str, object]]:
    """Days with these severities; four days compare the first two with the last two (means of halves)."""
    start = datetime(2026, 3, 1, 20, tzinfo=TZ)
    entries = [Entry(occurred_at=start + timedelta(days=i), observations=[Observation("tension_headache", v)])
               for i, v in enumerate(values)]
    composed = compose_trend(entries, date(2026, 3, 1), date(2026, 3, len(values)))
    assert composed.verdict.ok
    return composed.prompt, composed.spec.extra


def _trend(values: list[int]) -> tuple[str, dict[str, object]]:
    """The arc phrase of the trend sentence, and the measured numbers."""
    prompt, extra = _compose(values)
    found = re.search(r"on a scale of ten: ([^.]*)\.", prompt)
    assert found, prompt
    return found.group(1), extra


def test_the_reported_case_a_mild_rise_is_not_a_storm() -> None:
    # issue 10: a mean going from 0 to 1.6 out of 10 was "a calm that gathers into a storm … at its strongest"
    days = [0] * 21 + [2, 2, 1, 2, 2, 2, 1]
    phrase, extra = _trend(days)
    assert (extra["first_mean"], extra["last_mean"], extra["shape"], extra["degree"]) == (0.0, 1.71, "building",
                                                                                          "slight")
    assert phrase == "a clear calm that thickens a little into a light haze"
    prompt = _compose(days)[0]
    assert "storm" not in prompt and "strongest" not in prompt
    assert "by the end it is gentle" in prompt


@pytest.mark.parametrize(("values", "phrase"), [
    # the size of the change: under 1 point is no change at all; 1 slight, 2.5 clear, 5 large
    ([0, 0, 0, 1], "a clear calm that holds steady, neither clearing nor gathering"),  # +0.5, mean 0.25
    ([0, 0, 1, 1], "a clear calm that thickens a little into a light haze"),  # +1.0
    ([0, 0, 2, 2], "a clear calm that thickens a little into a light haze"),  # +2.0
    ([0, 0, 2, 3], "a clear calm that gathers into a light haze"),  # +2.5
    ([0, 0, 4, 4], "a clear calm that gathers into a light haze"),  # +4.0, and 4 is still mild
    ([0, 0, 4, 5], "a clear calm that gathers into a gathering cloud"),  # +4.5: 4.5 is moderate (half up)
    ([0, 0, 5, 5], "a clear calm that builds steadily into a gathering cloud"),  # +5.0
    ([0, 0, 6, 6], "a clear calm that builds steadily into a gathering cloud"),  # 6 is moderate
    ([0, 0, 6, 7], "a clear calm that builds steadily into a storm"),  # 6.5 is severe (half up, not to even)
    ([8, 8, 2, 2], "a storm that clears steadily into a light haze"),
    ([3, 3, 1, 2], "a light haze that thins a little"),  # both ends mild: one weather, thinning
    ([7, 8, 4, 5], "a storm that settles into a gathering cloud"),  # -3.0
    ([0, 1, 1, 0], "a light haze that holds steady, neither clearing nor gathering"),  # mean 0.5 is mild
])
def test_words_at_the_band_and_change_edges(values: list[int], phrase: str) -> None:
    assert _trend(values)[0] == phrase
