"""Composing moment, trend and explainer prompts: structure, numbers, request shape."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.prompting.composer import compose_explainer, compose_moment, compose_trend, split_steps
from healthviz_desktop.core.scene import SceneSpec

TZ = timezone(timedelta(hours=-5))


def entry(severity: int = 7, **kw: object) -> Entry:
    values: dict[str, object] = {
        "occurred_at": datetime(2026, 3, 4, 9, 30, tzinfo=TZ),
        "observations": [Observation("migraine", severity, ["throbbing", "shooting"], "temples",
                                     duration_minutes=180)],
    }
    values.update(kw)
    return Entry(**values)  # type: ignore[arg-type]


def test_moment_prompt_follows_the_brief_structure() -> None:
    cp = compose_moment(entry(), seconds=12, size="720x1280", style="watercolour")
    lines = cp.prompt.splitlines()
    assert lines[0].startswith("Style: hand-painted watercolour")
    assert "knot of light" in cp.prompt and "frosted glass" in cp.prompt
    assert "Cinematography:" in lines and "Actions:" in lines
    assert [ln for ln in lines if ln.startswith("Beat ")][-1].startswith("Beat 4 (9–12 s)")
    assert lines[-1].startswith("No text")
    assert cp.request == {"model": "sora-2", "prompt": cp.prompt, "seconds": "12", "size": "720x1280"}
    # duration and size are request parameters: the prose before the counted beats names neither
    prose = cp.prompt.split("Actions:")[0]
    assert not re.search(r"\b12\b|seconds?\b|720|1280|portrait|landscape", prose), prose
    assert cp.verdict.ok and not cp.verdict.findings
    assert cp.spec.width == 720 and cp.spec.height == 1280 and cp.spec.seconds == 12


def test_severity_drives_intensity_pulse_scale_and_colour() -> None:
    mild, severe = compose_moment(entry(2)).spec, compose_moment(entry(9)).spec
    assert mild.intensity < severe.intensity
    assert mild.pulse_hz < severe.pulse_hz and mild.scale < severe.scale
    assert mild.colour_temperature > severe.colour_temperature  # cool when mild, hot when severe
    assert 3 <= len(severe.palette) <= 5 and severe.palette[0].name == "deep crimson"
    assert severe.motions == ("pulse", "streaks") and severe.region == "crown"
    assert severe.family == "headache" and severe.motif == "knot_of_light"


def test_beats_follow_clip_length_and_relief_ends_the_clip() -> None:
    assert len(compose_moment(entry(), seconds=4).spec.beats) == 2
    assert len(compose_moment(entry(), seconds=8).spec.beats) == 3
    relieved = compose_moment(entry(doses=[Dose("sumatriptan", 50, "mg", relief="complete")]))
    assert "clears into calm" in relieved.spec.beats[-1]
    assert relieved.spec.intensity_at(1.0) < 0.1 < relieved.spec.intensity_at(0.5)


def test_strongest_symptom_is_the_motif_and_another_family_is_background() -> None:
    e = entry(observations=[Observation("nausea", 3, ["rolling"]), Observation("vertigo", 6, ["spinning"])])
    cp = compose_moment(e)
    assert cp.spec.family == "dizziness" and "tilts" in cp.prompt
    assert "Far behind it, a sea rolls on the horizon." in cp.prompt


def test_entry_without_symptoms_uses_mood_and_sleep() -> None:
    assert compose_moment(entry(observations=[], mood=2)).spec.family == "low_mood"
    assert compose_moment(entry(observations=[], sleep_hours=3.5)).spec.family == "insomnia"
    assert compose_moment(entry(observations=[])).spec.family == "calm"


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="style"):
        compose_moment(entry(), style="photoreal")
    with pytest.raises(ValueError, match="seconds"):
        compose_moment(entry(), seconds=10)
    with pytest.raises(ValueError, match="size"):
        compose_moment(entry(), size="640x480")


def test_spec_round_trips_and_composition_is_deterministic() -> None:
    a, b = compose_moment(entry()), compose_moment(entry())
    assert a.prompt == b.prompt and a.spec == b.spec
    assert SceneSpec.from_dict(a.spec.to_dict()) == a.spec


def _days(values: list[int], sleep: list[float] | None = None) -> list[Entry]:
    start = datetime(2026, 3, 1, 20, tzinfo=TZ)
    return [Entry(occurred_at=start + timedelta(days=i), sleep_hours=(sleep[i] if sleep else None),
                  observations=[Observation("tension_headache", v, ["pressing"])]) for i, v in enumerate(values)]


def test_trend_measures_first_and_last_week_and_sleep() -> None:
    values = [8] * 7 + [6] * 7 + [4] * 7 + [2] * 7
    sleep = [6.0] * 14 + [7.5] * 14
    cp = compose_trend(_days(values, sleep), date(2026, 3, 1), date(2026, 3, 28))
    x = cp.spec.extra
    assert (x["first_mean"], x["last_mean"], x["shape"]) == (8.0, 2.0, "settling")
    assert (x["nights_rested"], x["nights_recorded"]) == (14, 28)
    assert "from 8 to 2 on a scale of ten: a storm that clears steadily into a light haze" in cp.prompt
    assert "14 bright stars among 14 faint ones" in cp.prompt
    assert cp.spec.arc[0].intensity > cp.spec.arc[-1].intensity
    assert "2026" not in cp.prompt and "March" not in cp.prompt  # the range's dates never go out
    assert cp.verdict.ok


def test_trend_shapes_and_range_filter() -> None:
    rising = compose_trend(_days([1, 1, 2, 5, 7, 8]), date(2026, 3, 1), date(2026, 3, 6))
    assert rising.spec.extra["shape"] == "building"
    steady = compose_trend(_days([4] * 10), date(2026, 3, 1), date(2026, 3, 10))
    assert steady.spec.extra["shape"] == "steady"
    only_two = compose_trend(_days([9, 9, 1, 1]), date(2026, 3, 3), date(2026, 3, 4))
    assert only_two.spec.extra["days_with_entries"] == 2 and only_two.spec.extra["mean"] == 1
    with pytest.raises(ValueError, match="no entries"):
        compose_trend(_days([3]), date(2027, 1, 1), date(2027, 1, 5))


def test_explainer_is_deidentified_split_and_needs_approval() -> None:
    text = ("Magnesium is thought to calm overexcited nerve signals. Dr. Amara Quell at Westfield Clinic said "
            "so on 3/4/2026. It may reduce how often attacks start. Effects take weeks.")
    cp = compose_explainer(text, private_terms=["Westfield"])
    assert cp.needs_approval and cp.verdict.ok
    for secret in ("Amara", "Quell", "Westfield", "3/4/2026"):
        assert secret not in cp.prompt
    assert {r.text for r in cp.removed} >= {"Amara Quell", "Westfield Clinic", "3/4/2026"}
    assert len(cp.spec.beats) == 3 and "Magnesium is thought" in cp.spec.beats[0]
    assert cp.source_text == text and cp.source_text not in str(cp.request)


def test_split_steps_keeps_order_and_count() -> None:
    sentences = [f"Step number {i} happens." for i in range(7)]
    steps = split_steps(" ".join(sentences), 3)
    assert len(steps) == 3 and " ".join(steps).replace(".", "") == " ".join(sentences).replace(".", "")
    assert split_steps("One. Two.", 4) == ["One", "Two"]


def test_editing_rechecks_the_prompt() -> None:
    cp = compose_moment(entry(), private_terms=["Harlow"])
    edited = cp.with_prompt(cp.prompt + "\nA gift from Harlow, call 555-010-2233.")
    assert not edited.verdict.ok and edited.edited
    cats = {f.category for f in edited.verdict.blocking}
    assert {"private", "phone"} <= cats
    gentle = cp.with_prompt(cp.prompt.replace("frosted glass", "frosted marble"))
    assert gentle.verdict.ok and [f.text for f in gentle.verdict.findings] == ["marble"]


def test_nothing_typed_reaches_a_moment_prompt() -> None:
    """The firewall's first half: notes, own symptom and medicine names, tags and triggers stay out of the
    prompt (the de-identifier's and the outbound check's work starts only after this)."""
    typed = entry(notes="Saw Dr Whitfield at Quarry Lane surgery", tags=["Brightwater office"],
                  triggers=["Quenby's party"],
                  observations=[Observation("migraine", 7, ["throbbing"], "temples"),
                                Observation("Zilbury twinge", 5, custom=True)],
                  doses=[Dose("Nanna Mabel's tonic", custom=True)])
    cp = compose_moment(typed, private_terms=["Quenby"])
    for word in ("Whitfield", "Quarry", "surgery", "Brightwater", "Quenby", "Zilbury", "Mabel", "tonic"):
        assert word.casefold() not in cp.prompt.casefold(), word
    assert cp.verdict.ok and {r.field for r in cp.removed} >= {"notes", "tags[0]", "triggers[0]",
                                                              "observations[1].symptom", "doses[0].name"}


@pytest.mark.parametrize("mode", ["moment", "trend"])
def test_a_private_term_that_is_an_ordinary_grammar_word_is_written_around(mode: str) -> None:
    """Someone called Long: "a long swell" does not read as a name to the check, yet the app's own prompt
    says another word (found by the firewall property test)."""
    e = Entry(occurred_at=datetime(2026, 3, 4, 9, tzinfo=UTC), observations=[Observation("nausea", 3)])
    plain = compose_moment(e) if mode == "moment" else compose_trend([e], date(2026, 3, 1), date(2026, 3, 10))
    assert re.search(r"\blong\b", plain.prompt, re.IGNORECASE)  # the grammar says it for nausea
    cp = compose_moment(e, private_terms=["Long"]) if mode == "moment" else compose_trend(
        [e], date(2026, 3, 1), date(2026, 3, 10), private_terms=["Long"])
    assert not re.search(r"\blong\b", cp.prompt, re.IGNORECASE)
    assert cp.verdict.ok


def test_a_private_term_that_is_a_grammar_word_with_no_other_word_blocks() -> None:
    """Someone whose private term is "Motif" (a grammar word with no alternative, in any case): the prompt cannot
    avoid it, so the check blocks it rather than send the person's own word (found by the firewall property test
    in session eighteen: "MoTIF" was let through because the check read it as a name only where capitalised)."""
    e = Entry(occurred_at=datetime(2026, 3, 4, 10, tzinfo=UTC), doses=[Dose("AA", custom=True)])
    assert re.search(r"\bmotif\b", compose_moment(e).prompt, re.IGNORECASE)
    for term in ("Motif", "MoTIF", "motif"):
        cp = compose_moment(e, private_terms=[term])
        assert not cp.verdict.ok and any(f.category == "private" and f.text.casefold() == "motif"
                                         for f in cp.verdict.blocking), term
