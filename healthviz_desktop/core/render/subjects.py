"""Each family's subject and setting, as the grammar words them (first half; the rest in subjects_more.py).

A Motif has a ground (the two colours of its backdrop), a ``setting`` drawn once into the static layer (the
room, the sky, the brass machine) and a ``subject`` drawn every frame (what moves). Sizes come from the
frame's subject radius ``f.r``, agitation from ``f.energy``, so a worse moment is visibly more agitated.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import skia

from healthviz_desktop.core.render.kit import (
    RGB,
    TAU,
    circle,
    gear,
    mix,
    native,
    oval,
    paint,
    poly,
    rrect,
    shade,
    smooth,
    soft,
)
from healthviz_desktop.core.render.stage import BRASS, GLASS, Frame, Pal

Draw = Callable[[Frame], None]


@dataclass(frozen=True)
class Motif:
    ground: Callable[[Pal], tuple[RGB, RGB]]
    setting: Draw
    subject: Draw


def _dark(p: Pal) -> tuple[RGB, RGB]:
    return shade(mix(p.ground, p.accent, 0.25), -0.2), shade(p.ground, -0.6)


def _nothing(f: Frame) -> None:
    return None


# ---- headache: a knot of light pulses behind a pane of frosted glass ------------------------------------

def _knot_path(x: float, y: float, r: float, turn: float, tight: float) -> skia.Path:
    pts = []
    for i in range(121):
        a = TAU * i / 120
        rr = r * (0.62 + 0.38 * math.cos(3 * a + turn) * tight)
        pts.append((x + math.cos(2 * a) * rr, y + math.sin(2 * a) * rr * 0.9))
    return smooth(pts)


def knot_subject(f: Frame) -> None:
    e = f.energy
    r = f.r * f.squeeze * (0.85 + 0.2 * f.beat)
    f.look.light(f.c, f.x, f.y, r * 1.1, f.pal.key, 0.5 + 0.8 * e)
    for k, col in enumerate((f.pal.key, f.pal.hot, f.pal.bright)):
        path = _knot_path(f.x, f.y, r * (1.0 - 0.12 * k), f.t * (0.4 + 0.3 * k) + k * 2.1, 0.7 + 0.3 * e)
        f.look.line(f.c, path, col, max(1.5, f.u * (0.02 - 0.005 * k)), 0.9)
    f.look.light(f.c, f.x, f.y, r * 0.35, f.pal.bright, 0.4 + 0.9 * e)


def knot_front(f: Frame) -> None:
    """The frosted pane in front of the knot: a sheet of glass with frost over it."""
    pw, ph = f.r * 3.3, f.r * 2.7
    x0, y0 = f.x - pw / 2, f.y - ph / 2
    pane = rrect(x0, y0, pw, ph, f.u * 0.02)
    f.look.glass(f.c, pane, GLASS, 1.0)
    frost = f.extra.get("frost")
    if isinstance(frost, skia.Image):
        f.c.drawImageRect(frost, skia.Rect.MakeXYWH(x0, y0, pw, ph), skia.SamplingOptions(skia.FilterMode.kLinear))


def frost_image(f: Frame) -> skia.Image:
    """Frost on the pane, drawn once: a milky bloom thicker at the edges, fern-like crystals growing in
    from the rim, and a fine soft tooth; the light behind reads diffused through it."""
    import numpy as np

    w, h = max(8, int(f.r * 3.3)), max(8, int(f.r * 2.7))
    surface = skia.Surface(w, h)
    c = surface.getCanvas()
    c.clear(0)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    edge = np.minimum(np.minimum(xs, w - 1 - xs) / w, np.minimum(ys, h - 1 - ys) / h)
    rng = np.random.default_rng(f.seed & 0xFFFFFFFF)
    tooth = rng.random((h // 3 + 1, w // 3 + 1)).astype(np.float32)
    tooth = np.repeat(np.repeat(tooth, 3, 0), 3, 1)[:h, :w]
    milk = (0.22 + 0.45 * np.exp(-edge * 9.0) + 0.08 * tooth) * (0.9 if f.dark else 0.6)
    rgba = np.empty((h, w, 4), np.uint8)
    rgba[..., 3] = (np.clip(milk, 0, 1) * 255).astype(np.uint8)
    for i, v in enumerate((0.93, 0.96, 1.0)):
        rgba[..., i] = (rgba[..., 3] * v).astype(np.uint8)
    c.drawImage(native(np.ascontiguousarray(rgba)), 0, 0)
    ferns = skia.Path()
    for k in range(26):
        side = k % 4
        t = rng.random()
        x, y = [(t * w, 0.0), (float(w), t * h), (t * w, float(h)), (0.0, t * h)][side]
        ang = [math.pi / 2, math.pi, -math.pi / 2, 0.0][side] + (rng.random() - 0.5) * 0.9
        ln = min(w, h) * (0.12 + 0.22 * rng.random())
        for s in range(6):
            x2, y2 = x + math.cos(ang) * ln / 6, y + math.sin(ang) * ln / 6
            ferns.moveTo(x, y)
            ferns.lineTo(x2, y2)
            for turn in (-0.8, 0.8):
                ferns.moveTo(x2, y2)
                ferns.lineTo(x2 + math.cos(ang + turn) * ln * 0.12 * (1 - s / 6),
                             y2 + math.sin(ang + turn) * ln * 0.12 * (1 - s / 6))
            x, y = x2, y2
            ang += (rng.random() - 0.5) * 0.3
    c.drawPath(ferns, paint((1.0, 1.0, 1.0), 0.55, stroke=max(1.0, f.u * 0.004)))
    return surface.makeImageSnapshot()


# ---- aura: a shimmering crescent of prism light across a dark glass lens -------------------------------

def lens_setting(f: Frame) -> None:
    f.look.solid(f.c, circle(f.x, f.y, f.r * 1.7), shade(f.pal.ground, -0.2), 0.9)
    f.look.glass(f.c, circle(f.x, f.y, f.r * 1.7), GLASS, 1.0)
    f.look.glass(f.c, circle(f.x, f.y, f.r * 1.45), GLASS, 0.6)


def crescent_subject(f: Frame) -> None:
    spread = 0.6 + 0.5 * f.energy + 0.1 * math.sin(f.t * 1.3)
    hues = [(1.0, 0.3, 0.3), (1.0, 0.75, 0.2), (0.4, 0.95, 0.4), (0.25, 0.8, 1.0), (0.55, 0.4, 1.0)]
    for k, col in enumerate(hues):
        a0 = -110 - 40 * spread + k * 4
        sweep = 150 + 80 * spread
        rr = f.r * (1.05 + 0.06 * k)
        arc = skia.Path()
        arc.addArc(skia.Rect.MakeLTRB(f.x - rr, f.y - rr, f.x + rr, f.y + rr), a0, sweep)
        flick = 0.7 + 0.3 * math.sin(f.t * 9 + k * 1.7)
        f.look.line(f.c, arc, mix(col, f.pal.accent, 0.25), f.u * 0.025, flick)
    f.look.light(f.c, f.x - f.r * 0.9, f.y - f.r * 0.4, f.r * 0.35, f.pal.accent, 0.5 + 0.6 * f.energy)


# ---- musculoskeletal: a coil of woven cord pulls taut between the gears of a brass machine ------------

def machine_setting(f: Frame) -> None:
    body = rrect(f.w * 0.04, f.y + f.r * 0.9, f.w * 0.92, f.u * 0.12, f.u * 0.02)
    f.look.solid(f.c, body, shade(BRASS, -0.45))
    for sx in (-1, 1):
        f.look.solid(f.c, gear(f.x + sx * f.r * 2.6, f.y + f.r * 1.0, f.r * 0.55, 10, 0.3), shade(BRASS, -0.3))


def cord_subject(f: Frame) -> None:
    gx = f.r * 2.1
    turn = f.t * (0.3 + 1.2 * f.energy)
    left, right = (f.x - gx, f.y), (f.x + gx, f.y)
    f.look.solid(f.c, gear(*left, f.r * 0.7, 12, turn), BRASS)
    f.look.solid(f.c, gear(*right, f.r * 0.7, 12, -turn), BRASS)
    taut = min(1.0, 0.25 + 0.9 * f.energy) * f.squeeze
    sag = f.r * (0.9 - 0.85 * taut) + f.sag * 0.3
    rope = mix((0.72, 0.55, 0.35), f.pal.accent, 0.4)
    for strand in range(2):
        pts = []
        for i in range(41):
            s = i / 40
            x = left[0] + (right[0] - left[0]) * s
            y = f.y + math.sin(math.pi * s) * sag + math.sin(s * 40 + strand * math.pi + f.t * 3 * taut) * f.u * 0.012
            pts.append((x, y))
        f.look.line(f.c, smooth(pts), shade(rope, -0.15 * strand), f.u * 0.02)
    coil = skia.Path()  # the coil where the cord winds onto the left gear
    for k in range(4):
        coil.addOval(skia.Rect.MakeLTRB(left[0] - f.r * 0.3, left[1] - f.r * (0.5 - 0.08 * k),
                                        left[0] + f.r * 0.3, left[1] + f.r * (0.5 - 0.08 * k)))
    f.look.line(f.c, coil, rope, f.u * 0.012, 0.9)
    f.look.light(f.c, f.x, f.y + sag, f.r * 0.25, f.pal.key, 0.3 + 0.7 * f.energy)


# ---- abdominal: a knot of twisting silk tightens and loosens inside a hollow glass sphere ------------

def sphere_setting(f: Frame) -> None:
    f.look.solid(f.c, oval(f.x, f.y + f.r * 1.55, f.r * 1.2, f.r * 0.18), shade(f.pal.ground, 0.2), 0.8)


def silk_subject(f: Frame) -> None:
    twist = 0.5 + 0.5 * math.sin(f.t * (0.6 + 1.2 * f.energy))
    tight = (0.45 + 0.5 * f.energy * twist) * f.squeeze
    silk = mix(f.pal.accent, f.pal.key, 0.35)
    for k in range(3):
        pts = []
        for i in range(37):
            a = TAU * i / 36
            rr = f.r * (0.75 - 0.3 * tight) * (1 + 0.25 * math.sin(3 * a + f.t * 0.8 + k * 2.1))
            pts.append((f.x + math.cos(a + k * 0.7 + tight * 2) * rr, f.y + math.sin(a * 2 + k) * rr * 0.7))
        f.look.solid(f.c, smooth(pts, closed=True), shade(silk, 0.15 * k - 0.1), 0.75)
    f.look.glass(f.c, circle(f.x, f.y, f.r * 1.35), GLASS, 1.0)
    hl = skia.Path()
    hl.addArc(skia.Rect.MakeLTRB(f.x - f.r * 1.15, f.y - f.r * 1.15, f.x + f.r * 1.15, f.y + f.r * 1.15), 200, 60)
    f.look.line(f.c, hl, (1.0, 1.0, 1.0), f.u * 0.01, 0.6)


# ---- chest: an iron band around a glass lantern tightens, in a quiet dark space ----------------------

def lantern_subject(f: Frame) -> None:
    squeeze = (1.0 - 0.14 * f.energy * (0.6 + 0.4 * math.sin(f.t * 1.5))) * f.squeeze
    lw, lh = f.r * 1.2 * squeeze, f.r * 1.8
    x0, y0 = f.x - lw / 2, f.y - lh / 2
    f.look.light(f.c, f.x, f.y, f.r * 0.9, f.pal.key, 0.5 + 0.8 * f.energy)
    f.look.glass(f.c, rrect(x0, y0, lw, lh, lw * 0.3), GLASS, 1.0)
    iron = (0.34, 0.36, 0.39)
    f.look.solid(f.c, rrect(f.x - f.r * 0.5, y0 - f.r * 0.22, f.r, f.r * 0.24, f.r * 0.05), iron)
    f.look.solid(f.c, rrect(f.x - f.r * 0.55, y0 + lh - f.r * 0.04, f.r * 1.1, f.r * 0.22, f.r * 0.05), iron)
    handle = skia.Path()
    handle.addArc(skia.Rect.MakeLTRB(f.x - f.r * 0.35, y0 - f.r * 0.65, f.x + f.r * 0.35, y0 - f.r * 0.05), 180, 180)
    f.look.line(f.c, handle, iron, f.u * 0.012)
    band_h = f.r * (0.22 + 0.08 * f.energy)
    f.look.solid(f.c, rrect(x0 - f.r * 0.06, f.y - band_h / 2, lw + f.r * 0.12, band_h, band_h * 0.2), iron)
    f.look.dots(f.c, [(x0 + lw * k / 5, f.y) for k in range(1, 5)], shade(iron, 0.5), f.u * 0.018)


# ---- fatigue: a heavy fog settles and drains the colour over a field of soft lights ------------------

def soft_lights_setting(f: Frame) -> None:
    for k in range(14):
        x = f.w * ((k * 0.37 + 0.05) % 1.0)
        y = f.h * (0.62 + 0.3 * ((k * 0.61) % 1.0))
        f.look.light(f.c, x, y, f.u * (0.05 + 0.04 * ((k * 0.43) % 1.0)), mix(f.pal.key, f.pal.bright, 0.4), 0.8)


def fog_subject(f: Frame) -> None:
    thick = 0.35 + 0.55 * f.energy
    fog = mix((0.72, 0.72, 0.74), f.pal.accent, 0.3)
    for k in range(5):
        x = f.w * (((k * 0.29 + f.t * (0.012 + 0.006 * k)) % 1.4) - 0.2)
        y = f.h * (0.45 + 0.1 * k) + f.sag
        soft(f.c, x, y, f.u * 1.0, f.u * 0.3, fog, 0.35 * thick)
    soft(f.c, f.w / 2, f.h * 0.85, f.w * 0.7, f.h * 0.3, fog, 0.2 + 0.3 * thick)


# ---- brain fog: a cloud of mist thickens over a lens that tries to focus on a cluster of soft lights ---

def misted_subject(f: Frame) -> None:
    focus = 0.5 + 0.5 * math.sin(f.t * 0.9)  # the lens hunts for focus
    blur = (0.3 + 0.7 * f.energy) * (1 - 0.6 * focus)
    for k in range(7):
        a = TAU * k / 7 + 0.4
        x, y = f.x + math.cos(a) * f.r * 0.45, f.y + math.sin(a) * f.r * 0.35
        f.look.light(f.c, x, y, f.r * (0.12 + 0.35 * blur), mix(f.pal.key, f.pal.bright, 0.5), 0.9 - 0.4 * blur)
    f.look.glass(f.c, circle(f.x, f.y, f.r * 1.2), GLASS, 1.0)
    ring = circle(f.x, f.y, f.r * 1.25)
    f.look.line(f.c, ring, shade((0.3, 0.32, 0.35), 0.1), f.u * 0.04)
    mist = mix((0.85, 0.85, 0.9), f.pal.accent, 0.5)
    for k in range(4):
        mx = f.x + math.cos(f.t * 0.2 + k * 1.6) * f.r * 0.6
        my = f.y + math.sin(f.t * 0.25 + k) * f.r * 0.4
        soft(f.c, mx, my, f.r, f.r, mist, 0.2 + 0.35 * f.energy)


# ---- nausea: a rolling sea heaves in long swells under a low green sky -------------------------------

def sea_ground(p: Pal) -> tuple[RGB, RGB]:
    return (0.42, 0.55, 0.4), shade(p.accent, -0.3)


def sea_setting(f: Frame) -> None:
    for k in range(3):  # low cloud banks
        y = f.h * (0.08 + 0.07 * k)
        cloud = oval(f.w * (0.2 + 0.3 * k), y, f.w * 0.35, f.h * 0.05)
        f.look.solid(f.c, cloud, shade((0.5, 0.62, 0.45), 0.1 * k), 0.7)


def sea_subject(f: Frame) -> None:
    swell = 0.4 + 0.8 * f.energy
    for k in range(5):
        depth = k / 4
        base = f.h * (0.45 + 0.12 * k) + f.sag * depth
        amp = f.u * 0.06 * swell * (0.6 + depth)
        pts = [(f.w * i / 24, base + math.sin(i * 0.55 - f.t * (0.9 + 0.2 * k) + k) * amp) for i in range(-1, 26)]
        pts += [(f.w * 1.1, f.h * 1.1), (-f.w * 0.1, f.h * 1.1)]
        col = mix(shade(f.pal.accent, 0.15), shade(f.pal.accent, -0.5), depth)
        f.look.solid(f.c, smooth(pts, closed=True), col)
        crest = [(f.w * i / 24, base + math.sin(i * 0.55 - f.t * (0.9 + 0.2 * k) + k) * amp) for i in range(-1, 26)]
        f.look.line(f.c, smooth(crest), shade(col, 0.5), max(1.0, f.u * 0.006), 0.5)


# ---- dizziness: an empty room tilts and sways, with a hanging lamp that swings on its cord -----------

def room_setting(f: Frame) -> None:
    w, h = f.w, f.h
    bx0, by0, bx1, by1 = w * 0.3, h * 0.25, w * 0.7, h * 0.68
    wall = mix(f.pal.ground, (0.55, 0.5, 0.45), 0.4)
    f.look.solid(f.c, poly([(0, h), (bx0, by1), (bx1, by1), (w, h)]), shade(wall, -0.25))
    f.look.solid(f.c, poly([(0, 0), (bx0, by0), (bx0, by1), (0, h)]), shade(wall, -0.1))
    f.look.solid(f.c, poly([(w, 0), (bx1, by0), (bx1, by1), (w, h)]), shade(wall, -0.15))
    f.look.solid(f.c, poly([(bx0, by0), (bx1, by0), (bx1, by1), (bx0, by1)]), shade(wall, 0.05))
    f.look.solid(f.c, rrect(bx0 + (bx1 - bx0) * 0.62, by0 + (by1 - by0) * 0.2, (bx1 - bx0) * 0.22,
                            (by1 - by0) * 0.35, 2), shade(f.pal.kelvin, -0.4))


def lamp_subject(f: Frame) -> None:
    room_setting(f)
    swing = math.radians(6 + 22 * f.energy) * math.sin(f.t * 1.4)
    px, py = f.w / 2, 0.0
    ln = f.h * 0.42
    lx, ly = px + math.sin(swing) * ln, py + math.cos(swing) * ln
    f.look.line(f.c, poly([(px, py), (lx, ly)], closed=False), (0.2, 0.2, 0.2), max(1.0, f.u * 0.008))
    f.look.light(f.c, lx, ly + f.u * 0.12, f.u * 0.32, f.pal.accent, 0.6 + 0.6 * f.energy)
    f.c.save()
    f.c.translate(lx, ly)
    f.c.rotate(-math.degrees(swing))
    shade_path = poly([(-f.u * 0.12, f.u * 0.12), (-f.u * 0.04, 0), (f.u * 0.04, 0), (f.u * 0.12, f.u * 0.12)])
    f.look.solid(f.c, shade_path, shade(f.pal.accent, -0.3))
    f.c.restore()


MOTIFS_A: dict[str, Motif] = {
    "knot_of_light": Motif(_dark, _nothing, knot_subject),
    "prism_crescent": Motif(_dark, lens_setting, crescent_subject),
    "taut_cord": Motif(_dark, machine_setting, cord_subject),
    "twisting_silk": Motif(_dark, sphere_setting, silk_subject),
    "iron_band": Motif(lambda p: (shade(p.ground, -0.3), shade(p.ground, -0.7)), _nothing, lantern_subject),
    "draining_fog": Motif(_dark, soft_lights_setting, fog_subject),
    "misted_lens": Motif(_dark, _nothing, misted_subject),
    "rolling_sea": Motif(sea_ground, sea_setting, sea_subject),
    "tilting_room": Motif(_dark, _nothing, lamp_subject),
}
