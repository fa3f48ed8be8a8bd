"""Property tests: whatever a person types, moment and trend prompts say only grammar words and numbers."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import RELIEF_LEVELS, Dose, Entry, Observation
from healthviz_desktop.core.prompting.composer import compose_moment, compose_trend
from healthviz_desktop.core.prompting.deid_person import fold_text, person_model
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


# Private terms as people set them: made-up names, and given names that are also grammar words (a person
# called Amber or Dawn), which the composer must write around rather than say or be blocked by.
GRAMMAR_NAMES = sorted(w.title() for w in grammar().alternatives)
private_terms = st.lists(st.one_of(name_like, st.sampled_from(GRAMMAR_NAMES)), max_size=4)


def unavoidable(terms: list[str], prompt: str) -> bool:
    """A term the prompt says because it is a grammar word with no alternative (a made-up name that happens to
    be "Glass"). A word with no alternative that this prompt does not use ("arc" in a calm scene) is avoided."""
    said = prompt_words(prompt)
    return any(w in VOCAB and w not in grammar().alternatives and w in said
               for t in terms if not common_word(t) for w in (t.casefold(), fold_text(t).casefold()))


def common_word(term: str) -> bool:
    """A term that is a common word ("AN", "Or"): the person model matches it only where it reads as a name, so
    the prompt may say it as the word it is ("an abstract visual metaphor"); it must never block the prompt."""
    return not person_model((term,)).strong


def typed_words(e: Entry) -> set[str]:
    texts = [e.notes, *e.tags, *e.triggers, *(o.symptom for o in e.observations if o.custom),
             *(d.name for d in e.doses)]
    return {w.casefold() for t in texts for w in WORD.findall(t)}


def prompt_words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries(), private_terms, st.sampled_from(sorted(grammar().styles)),
       st.sampled_from((4, 8, 12)))
def test_moment_prompt_never_carries_typed_words_or_private_terms(e: Entry, terms: list[str], style: str,
                                                                  seconds: int) -> None:
    cp = compose_moment(e, style=style, seconds=seconds, private_terms=terms)
    words = prompt_words(cp.prompt)
    assert words <= VOCAB  # only grammar words (digits aside)
    assert not (typed_words(e) - VOCAB) & words  # nothing typed outside the vocabulary got through
    if not unavoidable(terms, cp.prompt):
        for term in (t for t in terms if not common_word(t)):  # never said, and the prompt can still be sent
            assert re.search(rf"(?<!\w){re.escape(term)}(?!\w)", cp.prompt, re.IGNORECASE) is None, term
        assert cp.verdict.ok, cp.verdict.summary()
    else:
        assert not cp.verdict.ok and any(f.category == "private" for f in cp.verdict.blocking)
    assert cp.request["prompt"] == cp.prompt and set(cp.request) == {"model", "prompt", "seconds", "size"}
    if e.notes.strip():
        assert any(r.field == "notes" for r in cp.removed)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries(), min_size=1, max_size=10), private_terms)
def test_trend_prompt_never_carries_typed_words(batch: list[Entry], terms: list[str]) -> None:
    start = date(2026, 3, 1)
    for i, e in enumerate(batch):
        e.occurred_at = datetime(2026, 3, 1, 10, tzinfo=TZ) + timedelta(days=i)
    cp = compose_trend(batch, start, start + timedelta(days=len(batch) - 1), private_terms=terms)
    words = prompt_words(cp.prompt)
    assert words <= VOCAB
    typed = set().union(*(typed_words(e) for e in batch))
    assert not (typed - VOCAB) & words
    if not unavoidable(terms, cp.prompt):
        for term in (t for t in terms if not common_word(t)):
            assert re.search(rf"(?<!\w){re.escape(term)}(?!\w)", cp.prompt, re.IGNORECASE) is None, term
        assert cp.verdict.ok, cp.verdict.summary()


def test_every_given_name_the_grammar_can_say_has_an_alternative_that_is_no_name() -> None:
    from healthviz_desktop.core.resources import load_toml

    lex = load_toml("deid_lexicon.toml")
    names = {w.casefold() for w in lex["first_names"] + lex["ambiguous_first_names"]}
    alternatives = grammar().alternatives
    assert VOCAB & names <= set(alternatives)
    for alt in alternatives.values():
        assert not prompt_words(alt) & names and prompt_words(alt) <= VOCAB


def test_a_term_that_folds_to_a_grammar_word_is_swapped_not_blocking() -> None:
    """The check reads a term without its diacritics ("Nō" as "no", a surname too), so the composer swaps the
    grammar word it folds to for its alternative, and the prompt can still be sent (found by the property above)."""
    e = Entry(occurred_at=datetime(2026, 3, 4, 10, 0, tzinfo=timezone(timedelta(hours=2))),
              doses=[Dose(name="AA", custom=True)])
    cp = compose_moment(e, style="abstract_3d", seconds=4, private_terms=["NŌ"])
    assert cp.verdict.ok, cp.verdict.summary()
    assert "no" not in prompt_words(cp.prompt) and "zero" in prompt_words(cp.prompt)
