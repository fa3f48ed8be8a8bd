"""The scene spec: the structured description of a visual metaphor.

One spec feeds both the text prompt sent to a remote video generator and the local renderer that
draws the metaphor itself, so the two always tell the same story. Built by the prompt composer from
the controlled vocabulary and derived numbers only (never from free text).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from itertools import pairwise
from typing import Any

SCENE_SPEC_VERSION = 1


@dataclass(frozen=True)
class PaletteColour:
    name: str  # a plain colour name that may go into a prompt ("crimson")
    hex: str  # "#b0123a", for the local renderer


@dataclass(frozen=True)
class ArcPoint:
    """Intensity (0..1) at a moment of the clip (t in 0..1): a trend becomes a shape over time."""

    t: float
    intensity: float


@dataclass(frozen=True)
class SceneSpec:
    mode: str  # "moment" | "trend" | "explainer"
    family: str  # catalogue symptom family, e.g. "headache"
    motif: str  # grammar motif key, e.g. "knot_of_light"
    style: str  # style preset key, e.g. "abstract_3d"
    intensity: float  # 0..1, from severity
    pulse_hz: float  # pulses per second (0 = none)
    scale: float  # 0..1, how much of the frame the motif fills
    palette: tuple[PaletteColour, ...]  # 3-5 colours
    motions: tuple[str, ...] = ()  # from qualities: "pulse", "streaks", "shards", "embers", "static", ...
    region: str = "field"  # abstract region from the body area ("crown", "core", ...)
    arc: tuple[ArcPoint, ...] = ()  # empty: steady intensity
    beats: tuple[str, ...] = ()  # counted actions, in order
    seconds: int = 8
    width: int = 1280
    height: int = 720
    version: int = SCENE_SPEC_VERSION
    extra: dict[str, Any] = field(default_factory=dict)
    # added by the prompt composer (defaults keep older specs loadable)
    textures: tuple[str, ...] = ()  # from qualities: "glowing", "glassy", "grainy", ...
    colour_temperature: int = 5000  # kelvin, from severity: cool when mild, warm when severe
    # grammar keys the prompt's sentences came from, so the local renderer can draw the same things
    cue: str = ""  # trigger key whose opening cue the prompt names ("stress")
    relief: str = ""  # relief key whose closing beat the prompt names ("complete")
    shape: str = ""  # trend arc key ("settling", "building", "steady", "waves")
    backdrop: str = ""  # the family named in the prompt's background sentence

    def intensity_at(self, t: float) -> float:
        """Intensity at clip position t (0..1), following the arc when there is one."""
        if not self.arc:
            return self.intensity
        points = sorted(self.arc, key=lambda p: p.t)
        if t <= points[0].t:
            return points[0].intensity
        for a, b in pairwise(points):
            if a.t <= t <= b.t:
                span = (b.t - a.t) or 1.0
                return a.intensity + (b.intensity - a.intensity) * (t - a.t) / span
        return points[-1].intensity

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SceneSpec:
        data = dict(data)
        data["palette"] = tuple(PaletteColour(**c) for c in data.get("palette", ()))
        data["arc"] = tuple(ArcPoint(**p) for p in data.get("arc", ()))
        data["motions"] = tuple(data.get("motions", ()))
        data["beats"] = tuple(data.get("beats", ()))
        data["textures"] = tuple(data.get("textures", ()))
        return cls(**data)
