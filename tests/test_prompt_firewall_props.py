"""Property tests: whatever a person types, moment and trend prompts say only grammar words and numbers."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import RELIEF_LEVELS, Dose, Entry, Observation
from healthviz_desktop.core.prompting.composer import compose_moment, compose_trend
from healthviz_desktop.core.prompting.grammar import grammar

CAT = catalogue()
VOCAB = grammar().vocabulary
WORD = re.compile(r"[A-Za-z]+")
TZ = timezone(timedelta(hours=2))

letters = st.text(alphabet=st.characters(categories=("L",)), min_size=2, max_size=12)
name_like = st.builds(lambda a, b: a[:1].upper() + a[1:] + ("" if not b else " " + b.title()), letters,
                      st.one_of(st.just(""), letters))
free_text = st.lists(st.one_of(letters, name_like, st.sampled_from(
    ["Dr. Bell", "03/04/2026", "555-010-2233", "jo@example.org", "Apt 3B", "MRN 4481229", "7/10", "glass"])),
    max_size=25).map(" ".join)


@st.composite
def observations(draw: st.DrawFn) -> Observation:
    if draw(st.booleans()):
        return Observation(draw(name_like), draw(st.integers(0, 10)), custom=True)
    return Observation(draw(st.sampled_from(sorted(CAT.symptoms))), draw(st.integers(0, 10)),
                       draw(st.lists(st.sampled_from(sorted(CAT.qualities)), max_size=3, unique=True)),
                       draw(st.one_of(st.none(), st.sampled_from(sorted(CAT.areas)))),
                       duration_minutes=draw(st.one_of(st.none(), st.integers(0, 44640))))


@st.composite
def entries(draw: st.DrawFn, day: date = date(2026, 3, 4)) -> Entry:
    return Entry(
        occurred_at=datetime(day.year, day.month, day.day, 10, tzinfo=TZ), notes=draw(free_text),
        tags=draw(st.lists(name_like, max_size=3)),
        triggers=draw(st.lists(st.one_of(name_like, st.sampled_from(CAT.triggers)), max_size=3)),
        mood=draw(st.one_of(st.none(), st.integers(0, 10))),
        sleep_hours=draw(st.one_of(st.none(), st.floats(0, 24))),
        observations=draw(st.lists(observations(), max_size=4)),
        doses=[Dose(draw(name_like), custom=True, relief=draw(st.one_of(st.none(), st.sampled_from(RELIEF_LEVELS))))],
    )


def typed_words(e: Entry) -> set[str]:
    texts = [e.notes, *e.tags, *e.triggers, *(o.symptom for o in e.observations if o.custom),
             *(d.name for d in e.doses)]
    return {w.casefold() for t in texts for w in WORD.findall(t)}


def prompt_words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries(), st.lists(name_like, max_size=4), st.sampled_from(sorted(grammar().styles)),
       st.sampled_from((4, 8, 12)))
def test_moment_prompt_never_carries_typed_words_or_private_terms(e: Entry, terms: list[str], style: str,
                                                                  seconds: int) -> None:
    cp = compose_moment(e, style=style, seconds=seconds, private_terms=terms)
    words = prompt_words(cp.prompt)
    assert words <= VOCAB  # only grammar words (digits aside)
    assert not (typed_words(e) - VOCAB) & words  # nothing typed outside the vocabulary got through
    for term in terms:
        present = re.search(rf"(?<!\w){re.escape(term)}(?!\w)", cp.prompt, re.IGNORECASE)
        assert present is None or not cp.verdict.ok  # a private term is absent, or the check blocks
    assert cp.verdict.ok or any(f.category == "private" for f in cp.verdict.blocking)
    assert cp.request["prompt"] == cp.prompt and set(cp.request) == {"model", "prompt", "seconds", "size"}
    if e.notes.strip():
        assert any(r.field == "notes" for r in cp.removed)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries(), min_size=1, max_size=10), st.lists(name_like, max_size=3))
def test_trend_prompt_never_carries_typed_words(batch: list[Entry], terms: list[str]) -> None:
    start = date(2026, 3, 1)
    for i, e in enumerate(batch):
        e.occurred_at = datetime(2026, 3, 1, 10, tzinfo=TZ) + timedelta(days=i)
    cp = compose_trend(batch, start, start + timedelta(days=len(batch) - 1), private_terms=terms)
    words = prompt_words(cp.prompt)
    assert words <= VOCAB
    typed = set().union(*(typed_words(e) for e in batch))
    assert not (typed - VOCAB) & words
    for term in terms:
        assert re.search(rf"(?<!\w){re.escape(term)}(?!\w)", cp.prompt, re.IGNORECASE) is None or not cp.verdict.ok
