"""Where things stand and how the camera moves: the palette's roles, one frame's state, and the regions.

A region (from the body area, never a body) places the subject in the frame, adds the prop the prompt names
("under a dome of glass", "along a tall column of stacked glass discs" ...) and moves the camera the way
the prompt's shot line says (push-in, crane, tracking, orbit, glancing, pull-back).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import skia

from healthviz_desktop.core.render.kit import (
    RGB,
    ease,
    hex_rgb,
    kelvin_rgb,
    luma,
    mix,
    poly,
    rrect,
    shade,
    smooth,
)

if TYPE_CHECKING:
    from healthviz_desktop.core.render.looks import Look
    from healthviz_desktop.core.scene import SceneSpec

BRASS: RGB = (0.78, 0.6, 0.28)
GLASS: RGB = (0.78, 0.88, 0.95)


@dataclass(frozen=True)
class Pal:
    """The spec's colours by role: the subject's light, a hotter second colour, the family's accent, the
    darkest (the ground) and the lightest (highlights), plus the key light from the colour temperature."""

    key: RGB
    hot: RGB
    accent: RGB
    ground: RGB
    bright: RGB
    kelvin: RGB

    @classmethod
    def of(cls, spec: SceneSpec) -> Pal:
        cols = [hex_rgb(c.hex) for c in spec.palette] or [(0.85, 0.55, 0.3), (0.3, 0.45, 0.8), (0.1, 0.1, 0.15)]
        darkest = min(cols, key=luma)
        lightest = max(cols, key=luma)
        lit = [c for c in cols if c is not darkest and c is not lightest] or cols
        accent = cols[-1] if len(cols) >= 5 else lit[-1]
        return cls(key=lit[0], hot=lit[1 % len(lit)], accent=accent, ground=darkest, bright=lightest,
                   kelvin=kelvin_rgb(spec.colour_temperature))


@dataclass
class Frame:
    """One frame's state, shared by every layer that draws it."""

    c: skia.Canvas
    look: Look
    pal: Pal
    spec: SceneSpec
    w: int
    h: int
    u: float  # pixels per half of the short side
    i: int = 0
    t: float = 0.0  # seconds
    p: float = 0.0  # 0..1 through the clip
    seconds: float = 8.0
    intensity: float = 0.5
    beat: float = 0.0  # 1 at each pulse, decaying
    x: float = 0.0  # the subject's centre and radius, in pixels
    y: float = 0.0
    r: float = 100.0
    calm: float = 0.0  # 0..1: how far the relief has cleared the scene
    seed: int = 0
    spin: float = 0.0  # radians the whole scene is turned (spin, sway, tilt)
    shake: tuple[float, float] = (0.0, 0.0)
    squeeze: float = 1.0  # contraction, compression, swell, weight change the subject's size
    sag: float = 0.0  # pixels the subject sinks
    dim: float = 1.0  # dim glow, drain
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def energy(self) -> float:
        """How agitated the subject is now: intensity, lifted on the beat, lowered as relief clears."""
        return max(0.0, self.intensity * (1.0 + 0.35 * self.beat) * (1.0 - 0.85 * self.calm))

    @property
    def dark(self) -> bool:
        return self.look.dark


@dataclass(frozen=True)
class Region:
    x: float  # subject centre as a share of the frame
    y: float
    size: float  # subject radius as a share of the short side's half
    camera: str  # push, crane, track, orbit, glance, pull
    prop: Callable[[Frame], None]


def _dome(f: Frame) -> None:
    cx, base = f.w / 2, f.y + f.r * 1.45
    rx, ry = f.r * 2.2, f.r * 2.5
    path = skia.Path()
    path.addArc(skia.Rect.MakeLTRB(cx - rx, base - ry, cx + rx, base + ry), 180, 180)
    path.close()
    f.look.glass(f.c, path, GLASS, 0.9)
    f.look.solid(f.c, rrect(cx - rx * 1.08, base, rx * 2.16, f.u * 0.05, f.u * 0.02), shade(f.pal.ground, 0.25))


def _column(f: Frame) -> None:
    """A tall column of stacked glass discs on a thin spine, past both edges of the frame so the crane move
    never shows its ends. The discs and spine get a rim in a darker tint of the glass: on a pale look
    (watercolour, paper) bare glass on paper was close to invisible."""
    cx, n = f.x, 8
    top, bottom = -f.h * 0.12, f.h * 1.12
    discs, rims = skia.Path(), skia.Path()
    rims.moveTo(cx, top)  # the spine
    rims.lineTo(cx, bottom)
    for k in range(n):
        y = top + (bottom - top) * (k + 0.5) / n
        rx, ry = f.r * (1.05 + 0.12 * math.sin(k * 1.7)), f.r * 0.2
        discs.addOval(skia.Rect.MakeLTRB(cx - rx, y - ry, cx + rx, y + ry))
    rims.addPath(discs)
    # one path per layer, and a pen-fine rim: the look lays its strokes once for all discs, in one pass
    f.look.glass(f.c, discs, GLASS, 1.0)
    f.look.line(f.c, rims, mix(GLASS, f.pal.ground, 0.55), max(1.0, f.u * 0.005), 0.8)


def _beam(f: Frame) -> None:
    top = f.y + f.r * 0.9
    f.look.solid(f.c, rrect(-f.u * 0.2, top, f.w + f.u * 0.4, f.u * 0.09, f.u * 0.02), shade(BRASS, -0.35))


def _centre(f: Frame) -> None:
    """At the centre of the frame: a faint ring with four registration ticks (they show any turn)."""
    rr = f.r * 1.6
    f.look.glass(f.c, skia.Path.Circle(f.x, f.y, rr), GLASS, 0.5)
    ticks = skia.Path()
    for k in range(4):
        a = k * math.pi / 2
        ticks.moveTo(f.x + math.cos(a) * rr * 0.92, f.y + math.sin(a) * rr * 0.92)
        ticks.lineTo(f.x + math.cos(a) * rr * 1.1, f.y + math.sin(a) * rr * 1.1)
    f.look.line(f.c, ticks, GLASS, max(1.0, f.u * 0.006), 0.6)


def _tubes(f: Frame) -> None:
    for side in (-1, 1):
        pts = [(f.x, f.y), (f.x + side * f.w * 0.25, f.y - f.h * 0.12), (f.x + side * f.w * 0.55, f.y - f.h * 0.05)]
        f.look.line(f.c, smooth(pts), GLASS, f.u * 0.07, 0.35)
        pts = [(f.x + side * f.w * 0.25, f.y - f.h * 0.12), (f.x + side * f.w * 0.4, f.y + f.h * 0.25)]
        f.look.line(f.c, smooth(pts), GLASS, f.u * 0.05, 0.3)


def _filaments(f: Frame) -> None:
    path = skia.Path()

    def branch(x: float, y: float, ang: float, ln: float, depth: int) -> None:
        x2, y2 = x + math.cos(ang) * ln, y + math.sin(ang) * ln
        path.moveTo(x, y)
        path.lineTo(x2, y2)
        if depth:
            branch(x2, y2, ang - 0.45, ln * 0.72, depth - 1)
            branch(x2, y2, ang + 0.4, ln * 0.7, depth - 1)

    branch(f.x - f.r * 0.2, f.h + f.u * 0.05, -math.pi / 2 - 0.1, (f.h - f.y) * 0.55, 4)
    f.look.line(f.c, path, shade(f.pal.bright, -0.1), max(1.0, f.u * 0.006), 0.8)


def _armature(f: Frame) -> None:
    joints = [(f.w * 0.12, f.y + f.r * 0.9), (f.x - f.r * 1.6, f.y + f.r * 0.2), (f.x, f.y),
              (f.x + f.r * 1.6, f.y + f.r * 0.3), (f.w * 0.9, f.y + f.r * 1.1)]
    # one jointed rod: drawn as one path, the bars no longer darken each other where they meet, and the
    # look's strokes are laid once instead of once per bar (a quarter of the cost)
    f.look.line(f.c, poly(joints, closed=False), shade(BRASS, -0.15), f.u * 0.05)
    for jx, jy in joints[1:-1]:
        f.look.solid(f.c, skia.Path.Circle(jx, jy, f.u * 0.06), BRASS)


def _sheet(f: Frame) -> None:
    y0 = f.y - f.r * 0.2
    ph = f.t * 0.4
    # its sides held straight past the frame's edges: smoothed through two corners only, the bottom corner bowed
    # inwards and the sideways glance showed it at the frame's edge
    top = [(f.w * i / 10, y0 + math.sin(i * 0.9 + ph) * f.u * 0.05) for i in range(-1, 12)]
    pts = [*top, (f.w * 1.12, f.h * 0.75), (f.w * 1.12, f.h * 1.1), (-f.w * 0.12, f.h * 1.1),
           (-f.w * 0.12, f.h * 0.75)]
    f.look.solid(f.c, smooth(pts, closed=True), mix(f.pal.accent, f.pal.bright, 0.3), 0.85)


def _open_space(f: Frame) -> None:
    y = f.h * 0.74
    f.look.line(f.c, poly([(0, y), (f.w, y)], closed=False), shade(f.pal.key, -0.2), max(1.0, f.u * 0.004), 0.35)


def _no_prop(f: Frame) -> None:
    return None


UNPLACED = Region(0.5, 0.5, 0.5, "still", _no_prop)  # an unknown region key: centred, no prop, no camera move

REGIONS: dict[str, Region] = {
    "crown": Region(0.5, 0.34, 0.42, "push", _dome),
    "column": Region(0.5, 0.48, 0.45, "crane", _column),
    "span": Region(0.5, 0.46, 0.42, "track", _beam),
    "core": Region(0.5, 0.5, 0.5, "push", _centre),
    "limbs": Region(0.5, 0.5, 0.42, "track", _tubes),
    "extremities": Region(0.5, 0.4, 0.36, "macro", _filaments),
    "joints": Region(0.5, 0.48, 0.4, "orbit", _armature),
    "surface": Region(0.5, 0.5, 0.45, "glance", _sheet),
    "field": Region(0.5, 0.5, 0.5, "pull", _open_space),
}


def camera(kind: str, p: float, w: int, h: int, fx: float, fy: float) -> tuple[float, float, float, float]:
    """(scale, dx, dy, rotation in degrees) of the near layers at clip position p; the far layer takes a
    third of it (parallax). Eased so the move starts and ends gently."""
    e = ease(p)
    if kind == "push":
        return 1.0 + 0.09 * e, 0.0, 0.0, 0.0
    if kind == "macro":
        return 1.0 + 0.16 * e, 0.0, 0.0, 0.0
    if kind == "pull":
        return 1.12 - 0.12 * e, 0.0, 0.0, 0.0
    if kind == "crane":
        # travel enough to read as a rise along the column, zoomed just enough that a layer drawn over the
        # whole frame never shows its edge at either end of the move
        travel = h * 0.08
        return 1.01 + travel / max(1.0, min(fy, h - fy)), 0.0, travel * (1 - 2 * e), 0.0
    if kind == "track":
        return 1.04, w * 0.045 * (1 - 2 * e), 0.0, 0.0
    if kind == "orbit":
        # round the subject: a sway from side to side, the near layers against the far one's third (parallax),
        # with a slight rise and fall; no roll, for the reason given under "glance"
        a = math.pi * (2 * p - 0.5)
        return 1.06 + 0.015 * math.cos(a), w * 0.045 * math.sin(a), h * 0.012 * math.cos(a), 0.0
    if kind == "glance":
        # low across the surface: a sideways pass that sinks a little, without the roll it once had (a turned
        # canvas took every layer off Skia's fast paths and doubled this region's drawing in the lit look)
        return 1.07, w * 0.035 * (1 - 2 * e), h * 0.015 * (1 - 2 * e), 0.0
    return 1.0, 0.0, 0.0, 0.0


def apply_camera(c: skia.Canvas, cam: tuple[float, float, float, float], ox: float, oy: float,
                 depth: float = 1.0) -> None:
    """Concatenate the camera onto the canvas for a layer at `depth` (1 near, 0.3 far), around (ox, oy)."""
    scale, dx, dy, rot = cam
    s = 1.0 + (scale - 1.0) * depth
    c.translate(ox + dx * depth, oy + dy * depth)
    if rot:
        c.rotate(rot * depth)
    c.scale(s, s)
    c.translate(-ox, -oy)


def mix_pal(pal: Pal, k: float) -> RGB:
    return mix(pal.key, pal.hot, k)
