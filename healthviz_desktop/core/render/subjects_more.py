"""Each family's subject and setting, second half (see subjects.py for the first and for what a Motif is)."""

from __future__ import annotations

import math

import skia

from healthviz_desktop.core.render.kit import RGB, TAU, circle, mix, oval, paint, poly, rrect, shade, smooth
from healthviz_desktop.core.render.stage import GLASS, Frame, Pal
from healthviz_desktop.core.render.subjects import MOTIFS_A, Motif, _dark, _nothing


def _unit_hash(k: int, salt: int = 0) -> float:
    return ((k * 2654435761 + salt * 40503) % 1000003) / 1000003.0


# ---- anxiety: a spiral of light winds tighter at the centre of a dark glass dome ----------------------

def dome_setting(f: Frame) -> None:
    rx, ry = f.r * 2.3, f.r * 2.0
    base = f.y + f.r * 1.2
    dome = skia.Path()
    dome.addArc(skia.Rect.MakeLTRB(f.x - rx, base - ry, f.x + rx, base + ry), 180, 180)
    dome.close()
    f.look.solid(f.c, dome, shade(f.pal.ground, -0.1), 0.6)
    f.look.glass(f.c, dome, GLASS, 1.0)
    f.look.solid(f.c, rrect(f.x - rx * 1.05, base, rx * 2.1, f.u * 0.05, f.u * 0.015), shade(f.pal.ground, 0.2))


def spiral_subject(f: Frame) -> None:
    wind = (1.8 + 2.6 * f.energy) * f.squeeze  # turns: more, tighter, as it winds
    spin = f.t * (0.5 + 1.8 * f.energy)
    pts = []
    for i in range(160):
        s = i / 159
        a = spin + s * TAU * wind
        rr = f.r * (0.05 + 0.95 * s ** (1.0 + 0.6 * f.energy))
        pts.append((f.x + math.cos(a) * rr, f.y + math.sin(a) * rr * 0.9))
    f.look.light(f.c, f.x, f.y, f.r * 0.55, f.pal.accent, 0.5 + 0.6 * f.energy)
    f.look.line(f.c, smooth(pts), mix(f.pal.key, f.pal.bright, 0.3), max(1.5, f.u * 0.016))
    f.look.light(f.c, f.x, f.y, f.r * 0.2, f.pal.bright, 0.8)


# ---- low mood: a still lake under low grey cloud darkens under steady rain; a warm light on the far shore --

def lake_ground(p: Pal) -> tuple[RGB, RGB]:
    return (0.45, 0.47, 0.5), shade(p.accent, -0.55)


def lake_setting(f: Frame) -> None:
    horizon = f.h * 0.52
    for k in range(4):
        f.look.solid(f.c, oval(f.w * (0.1 + 0.28 * k), f.h * (0.1 + 0.04 * (k % 2)), f.w * 0.3, f.h * 0.09),
                     shade((0.5, 0.52, 0.55), -0.1 * (k % 2)), 0.8)
    f.look.solid(f.c, poly([(0, horizon), (f.w * 0.3, horizon - f.h * 0.03), (f.w * 0.75, horizon - f.h * 0.015),
                            (f.w, horizon), (f.w, horizon + 2), (0, horizon + 2)]), (0.2, 0.22, 0.24))
    f.look.solid(f.c, poly([(0, horizon), (f.w, horizon), (f.w, f.h), (0, f.h)]), shade(f.pal.accent, -0.35), 0.9)


def rain_subject(f: Frame) -> None:
    horizon = f.h * 0.52
    dark = 0.15 + 0.5 * f.energy
    darken = 0.1 + 0.35 * dark * (0.6 + 0.4 * f.p)  # the lake darkens as the rain goes on
    f.c.drawRect(skia.Rect.MakeLTRB(0, horizon, f.w, f.h), paint((0.1, 0.11, 0.13), darken))
    lx, ly = f.w * 0.72, horizon - f.h * 0.02
    f.look.light(f.c, lx, ly, f.u * 0.07, f.pal.kelvin if f.dark else (0.95, 0.6, 0.2), 1.0)
    f.look.line(f.c, poly([(lx, horizon + 4), (lx, horizon + f.h * 0.2)], closed=False),
                (0.95, 0.7, 0.35), f.u * 0.012, 0.35)
    drops = skia.Path()
    n = int(40 + 120 * f.energy)
    fall = f.h * 1.6
    for k in range(n):
        x = f.w * _unit_hash(k, 1)
        y = (f.h * _unit_hash(k, 2) + f.t * fall) % f.h
        drops.moveTo(x, y)
        drops.lineTo(x - f.u * 0.01, y + f.u * 0.06)
    f.look.line(f.c, drops, (0.78, 0.8, 0.85), max(0.8, f.u * 0.003), 0.55)
    for k in range(6):  # rings where drops meet the lake
        age = (f.t * 0.7 + _unit_hash(k, 3)) % 1.0
        x, y = f.w * _unit_hash(k, 4), horizon + (f.h - horizon) * (0.15 + 0.8 * _unit_hash(k, 5))
        f.look.line(f.c, oval(x, y, f.u * 0.12 * age, f.u * 0.03 * age), (0.8, 0.82, 0.86), 1.0, 0.6 * (1 - age))


# ---- insomnia: a night sky that will not settle flickers with restless lights over a dark calm sea ----

def night_ground(p: Pal) -> tuple[RGB, RGB]:
    return shade(p.accent, -0.45), shade(p.accent, 0.1)


def night_setting(f: Frame) -> None:
    horizon = f.h * 0.66
    f.look.solid(f.c, poly([(0, horizon), (f.w, horizon), (f.w, f.h), (0, f.h)]), shade(f.pal.accent, -0.6), 1.0)


def sky_subject(f: Frame) -> None:
    horizon = f.h * 0.66
    pts: list[tuple[float, float]] = []
    bright: list[tuple[float, float]] = []
    for k in range(70):
        x, y = f.w * _unit_hash(k, 7), horizon * _unit_hash(k, 8) * 0.95
        flick = 0.5 + 0.5 * math.sin(f.t * (2 + 9 * _unit_hash(k, 9) * (0.3 + f.energy)) + k)
        (bright if flick > 0.8 else pts).append((x, y))
    f.look.dots(f.c, pts, (0.85, 0.88, 1.0), max(1.5, f.u * 0.008), 0.7)
    for x, y in bright:
        f.look.light(f.c, x, y, f.u * 0.04, (0.9, 0.92, 1.0), 0.8)
        f.look.line(f.c, poly([(x, horizon + (horizon - y) * 0.25), (x, horizon + (horizon - y) * 0.3)],
                              closed=False), (0.8, 0.85, 1.0), 1.2, 0.4)
    streak_t = (f.t * (0.2 + 0.5 * f.energy)) % 1.0  # a light that darts across: the sky will not settle
    sx, sy = f.w * (0.1 + 0.8 * streak_t), horizon * (0.2 + 0.2 * math.sin(f.t))
    f.look.line(f.c, poly([(sx, sy), (sx - f.u * 0.25, sy - f.u * 0.06)], closed=False), f.pal.bright, 1.5, 0.7)


# ---- sensory sensitivity: a hard glare splinters through a glass prism in a quiet dim room ------------

def dim_room_setting(f: Frame) -> None:
    floor = f.h * 0.72
    f.look.solid(f.c, poly([(0, floor), (f.w, floor), (f.w, f.h), (0, f.h)]), shade(f.pal.ground, 0.05))
    f.look.line(f.c, poly([(0, floor), (f.w, floor)], closed=False), shade(f.pal.ground, 0.4), 1.5, 0.6)


def prism_subject(f: Frame) -> None:
    s = f.r * 1.1
    tri = poly([(f.x, f.y - s), (f.x - s * 0.95, f.y + s * 0.65), (f.x + s * 0.95, f.y + s * 0.65)])
    glare = 0.5 + 0.7 * f.energy
    f.look.line(f.c, poly([(0, f.y - s * 0.1), (f.x - s * 0.45, f.y - s * 0.05)], closed=False),
                (1.0, 1.0, 1.0), f.u * (0.03 + 0.03 * glare))
    hues = [(1.0, 0.25, 0.25), (1.0, 0.6, 0.15), (1.0, 0.95, 0.3), (0.3, 0.9, 0.4), (0.25, 0.6, 1.0), (0.6, 0.35, 1.0)]
    for k, col in enumerate(hues):
        jitter = math.sin(f.t * (3 + k) + k) * 0.02 * f.energy
        ang = -0.28 + k * (0.09 + 0.04 * f.energy) + jitter
        x0, y0 = f.x + s * 0.42, f.y
        f.look.line(f.c, poly([(x0, y0), (x0 + math.cos(ang) * f.w, y0 + math.sin(ang) * f.w)], closed=False),
                    col, f.u * 0.022, 0.55 + 0.4 * glare)
    f.look.glass(f.c, tri, GLASS, 1.0)
    f.look.solid(f.c, tri, mix(GLASS, f.pal.bright, 0.5), 0.35)
    f.look.light(f.c, f.x - s * 0.45, f.y - s * 0.05, f.r * 0.4, (1.0, 1.0, 1.0), glare)


# ---- neuropathic: a field of crackling static fizzes and sparks along fine glass filaments ------------

def filaments_subject(f: Frame) -> None:
    lines = []
    strands = skia.Path()  # one path for the nine (they never touch): a third of the cost of nine draws
    for k in range(9):
        y0 = f.y + (k - 4) * f.r * 0.28
        pts = [(f.w * i / 12, y0 + math.sin(i * 0.8 + k) * f.r * 0.15) for i in range(-1, 14)]
        lines.append(pts)
        strands.addPath(smooth(pts))
    f.look.line(f.c, strands, mix(GLASS, f.pal.accent, 0.3), max(1.0, f.u * 0.005), 0.7)
    sparks = []
    n = int(20 + 80 * f.energy)
    for k in range(n):
        line = lines[k % len(lines)]
        pos = (_unit_hash(k, 11) + f.t * (0.2 + _unit_hash(k, 12))) % 1.0
        j = min(len(line) - 2, int(pos * (len(line) - 1)))
        if (f.i + k) % 3:
            sparks.append(line[j])
    f.look.dots(f.c, sparks, mix(f.pal.accent, (1.0, 1.0, 1.0), 0.5), f.u * 0.014)
    for x, y in sparks[:: max(1, len(sparks) // 6)]:
        f.look.light(f.c, x, y, f.u * 0.05, f.pal.accent, 0.7 * f.energy + 0.2)


# ---- skin: a sheet of silk prickles with tiny sparks, stretched in a soft breeze -----------------------

def silk_sheet_subject(f: Frame) -> None:
    silk = mix(f.pal.accent, f.pal.bright, 0.25)
    rows = 7
    for k in range(rows):
        y0 = f.y - f.r * 1.0 + k * f.r * 0.33
        pts = [(f.x - f.r * 2.4 + i * f.r * 0.4, y0 + math.sin(i * 0.7 + f.t * 1.2 + k * 0.5) * f.r * 0.12)
               for i in range(13)]
        band = [*pts, *[(x, y + f.r * 0.36) for x, y in reversed(pts)]]
        f.look.solid(f.c, smooth(band, closed=True), shade(silk, 0.12 * math.sin(k + f.t)), 0.9)
    step = f.i // 2
    sparks = [(f.x + (_unit_hash(k + step, 13) - 0.5) * f.r * 4.4, f.y + (_unit_hash(k + step, 14) - 0.5) * f.r * 2.2)
              for k in range(int(10 + 40 * f.energy))]
    f.look.dots(f.c, sparks, (1.0, 0.95, 0.8), f.u * 0.012)


# ---- calm: a still pool of soft light rests in an open quiet space ------------------------------------

def pool_subject(f: Frame) -> None:
    f.look.solid(f.c, oval(f.x, f.y + f.r * 0.3, f.r * 1.6, f.r * 0.42), shade(f.pal.key, -0.3), 0.8)
    for k in range(3):
        ripple = (f.t * 0.15 + k / 3) % 1.0
        f.look.line(f.c, oval(f.x, f.y + f.r * 0.3, f.r * 1.5 * ripple, f.r * 0.4 * ripple), f.pal.bright, 1.2,
                    0.5 * (1 - ripple))
    f.look.light(f.c, f.x, f.y + f.r * 0.25, f.r * 0.8, f.pal.key, 0.6)


# ---- explainer: a luminous diagram of flowing particles and glass channels assembles step by step ------

def diagram_subject(f: Frame) -> None:
    beats = max(1, len(f.spec.beats))
    shown = min(beats, int(f.p * beats) + 1)  # one more channel for each beat: it assembles step by step
    for k in range(beats):
        if k >= shown:
            break
        grow = min(1.0, (f.p * beats - k) * 1.5)
        y = f.h * (0.25 + 0.5 * k / max(1, beats - 1)) if beats > 1 else f.h * 0.5
        x0, x1 = f.w * 0.12, f.w * (0.12 + 0.76 * grow)
        pts = [(x0, y), ((x0 + x1) / 2, y + math.sin(k + 1) * f.h * 0.06), (x1, y)]
        f.look.line(f.c, smooth(pts), GLASS, f.u * 0.06, 0.4)
        f.look.solid(f.c, circle(x0, y, f.u * 0.05), f.pal.accent)
        dots = []
        for j in range(12):
            s = (j / 12 + f.t * 0.15) % 1.0 * grow
            dots.append((x0 + (x1 - x0) * s, y + math.sin(k + 1) * f.h * 0.06 * math.sin(math.pi * s) * 2 * 0.5))
        f.look.dots(f.c, dots, f.pal.accent, f.u * 0.025)
        if k:
            f.look.line(f.c, poly([(f.w * 0.5, f.h * (0.25 + 0.5 * (k - 1) / max(1, beats - 1))), (f.w * 0.5, y)],
                                  closed=False), GLASS, f.u * 0.02, 0.4)


BLANK = Motif(_dark, _nothing, _nothing)  # what an unknown motif key draws: nothing

MOTIFS: dict[str, Motif] = {
    **MOTIFS_A,
    "tightening_spiral": Motif(_dark, dome_setting, spiral_subject),
    "grey_rain": Motif(lake_ground, lake_setting, rain_subject),
    "restless_sky": Motif(night_ground, night_setting, sky_subject),
    "glare_prism": Motif(_dark, dim_room_setting, prism_subject),
    "static_field": Motif(_dark, _nothing, filaments_subject),
    "sparking_silk": Motif(_dark, _nothing, silk_sheet_subject),
    "still_pool": Motif(lambda p: (shade(p.bright, -0.55), shade(p.key, -0.7)), _nothing, pool_subject),
    "luminous_diagram": Motif(_dark, _nothing, diagram_subject),
}
