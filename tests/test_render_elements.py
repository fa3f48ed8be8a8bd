"""Every element the metaphor grammar can name is drawn: each family's subject and setting, each quality's
motion, each region, relief level, trigger cue, trend arc and style. A still of each element on its own must
differ from the scene without it over a meaningful area, and from every other element's still, so a new word
in metaphors.toml without a drawing fails here.

Stills are read from the canvas before grain (grain is seeded per spec and would make every pair differ)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from functools import cache

import numpy as np
import pytest

from healthviz_desktop.core.prompting.grammar import grammar
from healthviz_desktop.core.render.scene_draw import SceneDrawer
from healthviz_desktop.core.scene import ArcPoint, PaletteColour, SceneSpec

SIZE = (320, 180)
VISIBLE = 12  # a pixel counts as changed when a channel moves by more than this many code values
MEANINGFUL = 0.004  # ... and an element must change at least this share of the frame (230 pixels here)
DISTINCT = 0.002  # two elements' stills must differ on at least this share of the frame

BASE = SceneSpec(
    mode="moment", family="", motif="", style="abstract_3d", intensity=0.8, pulse_hz=1.2, scale=0.6,
    palette=(PaletteColour("amber", "#e89a2c"), PaletteColour("dusky rose", "#c0707a"),
             PaletteColour("slate blue", "#4b5a78"), PaletteColour("warm ivory", "#f1e6cf")),
    region="", beats=("a", "b", "c"), seconds=8, width=SIZE[0], height=SIZE[1])
STAGE = replace(BASE, family="calm", motif="still_pool")  # a subject for motions to move


def still(spec: SceneSpec, p: float = 0.5) -> np.ndarray:
    drawer = SceneDrawer(spec, *SIZE)
    drawer.draw(round(p * (drawer.frame_count - 1)))
    return drawer.surface.toarray()[..., :3].copy()


def changed(a: np.ndarray, b: np.ndarray) -> float:
    return float((np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2) > VISIBLE).mean())


def _arc(shape: str) -> tuple[ArcPoint, ...]:
    return {"settling": (ArcPoint(0, 0.9), ArcPoint(1, 0.2)), "building": (ArcPoint(0, 0.2), ArcPoint(1, 0.9)),
            "waves": (ArcPoint(0, 0.3), ArcPoint(0.5, 0.8), ArcPoint(1, 0.3))}.get(shape, (ArcPoint(0, 0.5),
                                                                                            ArcPoint(1, 0.5)))


def elements() -> dict[str, tuple[SceneSpec, SceneSpec, float]]:
    """name -> (the element on its own, the same scene without it, the clip position to look at)."""
    g = grammar()
    out: dict[str, tuple[SceneSpec, SceneSpec, float]] = {}
    for key, fam in g.families.items():
        out[f"family:{key}"] = (replace(BASE, family=key, motif=fam.motif), BASE, 0.5)
    for motion in sorted({q.motion for q in g.qualities.values()}):
        out[f"motion:{motion}"] = (replace(STAGE, motions=(motion,)), STAGE, 0.55)
    for key in g.regions:
        out[f"region:{key}"] = (replace(BASE, region=key), BASE, 0.5)
    for key in g.relief:
        arc = (ArcPoint(0, 0.8), ArcPoint(0.5, 0.8), ArcPoint(1, 0.8 * g.relief[key].end))
        base = replace(STAGE, arc=arc)
        out[f"relief:{key}"] = (replace(base, relief=key), base, 0.92)
    for key in g.triggers:
        out[f"trigger:{key}"] = (replace(BASE, cue=key), BASE, 0.1)
    for key in g.arcs:
        base = replace(BASE, mode="trend", arc=_arc(key))
        out[f"arc:{key}"] = (replace(base, shape=key), base, 0.3)
    for key in g.styles:
        scene = replace(STAGE, region="core", style=key)
        out[f"style:{key}"] = (scene, replace(scene, family="", motif="", region=""), 0.5)
    return out


@cache
def stills() -> dict[str, np.ndarray]:
    return {name: still(spec, p) for name, (spec, _, p) in elements().items()}


def test_the_grammar_names_every_kind_of_element() -> None:
    kinds = {name.split(":")[0] for name in elements()}
    assert kinds == {"family", "motion", "region", "relief", "trigger", "arc", "style"}
    assert len(elements()) >= 17 + 23 + 9 + 4 + 17 + 4 + 5


@pytest.mark.parametrize("name", sorted(elements()))
def test_each_element_is_visibly_drawn(name: str) -> None:
    _, without, p = elements()[name]
    share = changed(stills()[name], still(without, p))
    assert share >= MEANINGFUL, f"{name} changes only {share:.2%} of the frame"


def test_every_element_looks_different_from_every_other() -> None:
    shots = stills()
    alike = [(a, b, changed(shots[a], shots[b])) for a, b in itertools.combinations(sorted(shots), 2)
             if changed(shots[a], shots[b]) < DISTINCT]
    assert alike == [], f"drawn alike: {alike[:10]}"


def test_a_word_without_a_drawing_would_fail() -> None:
    """The checks above are not vacuous: a family, motion, cue or region the renderer does not know draws
    nothing, and so fails the visibility check."""
    for unknown in (replace(BASE, family="new", motif="new_motif"), replace(STAGE, motions=("new_motion",)),
                    replace(BASE, cue="new trigger"), replace(BASE, region="new_region"),
                    replace(BASE, mode="trend", shape="new_shape")):
        base = STAGE if unknown.motions else BASE
        assert changed(still(unknown), still(base)) == 0.0
