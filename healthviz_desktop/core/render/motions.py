"""Motions: how each quality of the feeling moves the subject and what it adds around it (grammar
``qualities`` -> ``motion``). A motion may change the frame's state before the subject is drawn (``pre``:
size, sag, rotation, shake, dimming) and draw over it after (``post``). Amplitudes, counts and speeds follow
``f.energy`` (intensity on the beat, lowered as relief clears), so a worse moment is visibly more agitated.

The post layers only read the subject's place (f.x, f.y, f.r) and the canvas, so they draw over any
background: a still image given instead of the scene (see SceneDrawer's ``backdrop``) gets the same motion.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import skia

from healthviz_desktop.core.render.kit import (
    RGB,
    TAU,
    draw_light,
    ease,
    mix,
    oval,
    paint,
    poly,
    rrect,
    shade,
    smooth,
    soft,
)
from healthviz_desktop.core.render.stage import Frame

WHITE: RGB = (1.0, 1.0, 1.0)


def _h(k: int, salt: int = 0) -> float:
    return ((k * 2654435761 + salt * 97531 + 12345) % 1000003) / 1000003.0


@dataclass(frozen=True)
class Motion:
    pre: Callable[[Frame], None] | None = None
    post: Callable[[Frame], None] | None = None


def _rate(f: Frame, default: float) -> float:
    return f.spec.pulse_hz if f.spec.pulse_hz > 0 else default


# ---- pulse: rings leave the subject on every beat ------------------------------------------------------

def _pulse_pre(f: Frame) -> None:
    f.squeeze *= 1.0 + 0.12 * f.beat * (0.3 + f.intensity)


def _pulse_post(f: Frame) -> None:
    hz = _rate(f, 0.8)
    for back in range(2):
        age = ((f.t * hz) % 1.0 + back) / 2.0
        rr = f.r * (1.0 + 1.8 * age)
        f.look.line(f.c, oval(f.x, f.y, rr, rr * 0.92), mix(f.pal.hot, WHITE, 0.3), f.u * (0.006 + 0.01 * f.energy),
                    (1 - age) ** 2 * (0.3 + 0.7 * f.energy))


# ---- streaks: bright lines shoot outward --------------------------------------------------------------

def _streaks(f: Frame) -> None:
    n = int(6 + 26 * f.energy)
    path = skia.Path()
    for k in range(n):
        life = (f.t * (0.6 + 1.4 * _h(k, 1)) + _h(k, 2)) % 1.0
        a = TAU * _h(k, 3)
        r0 = f.r * (0.8 + life * 2.6)
        ln = f.r * (0.25 + 0.5 * f.energy) * (1 - life * 0.5)
        path.moveTo(f.x + math.cos(a) * r0, f.y + math.sin(a) * r0)
        path.lineTo(f.x + math.cos(a) * (r0 + ln), f.y + math.sin(a) * (r0 + ln))
    f.look.line(f.c, path, mix(f.pal.hot, WHITE, 0.5), max(1.0, f.u * 0.008), 0.85)


# ---- shards: sharp wedges of glass flash out of it ----------------------------------------------------

def _shards(f: Frame) -> None:
    rate = 0.6 + 2.0 * f.energy
    for k in range(4):
        phase = f.t * rate + _h(k, 4)
        slot = math.floor(phase)
        age = phase - slot
        flash = math.exp(-5.0 * age)
        if flash < 0.05:
            continue
        a = TAU * _h(slot * 7 + k, 5)
        reach = f.r * (1.2 + (1.2 + 1.2 * f.energy) * (1 - age * 0.5))
        wide = 0.09 + 0.06 * f.energy
        tip = (f.x + math.cos(a) * reach, f.y + math.sin(a) * reach)
        base1 = (f.x + math.cos(a - wide) * f.r * 0.6, f.y + math.sin(a - wide) * f.r * 0.6)
        base2 = (f.x + math.cos(a + wide) * f.r * 0.6, f.y + math.sin(a + wide) * f.r * 0.6)
        shard = poly([base1, tip, base2])
        f.look.solid(f.c, shard, mix(f.pal.bright, (0.8, 0.9, 1.0), 0.4), flash)
        f.look.line(f.c, poly([base1, tip], closed=False), WHITE, max(1.0, f.u * 0.004), flash)


# ---- contraction: it clenches hard and slowly releases; rings close in --------------------------------

def _clench(f: Frame) -> float:
    """Hard and fast in, slow out: a fifth of each cycle to clench, the rest to release."""
    ph = (f.t * _rate(f, 0.4) * 0.5) % 1.0
    return ease(ph / 0.2) if ph < 0.2 else 1.0 - ease((ph - 0.2) / 0.8)


def _contraction_pre(f: Frame) -> None:
    f.squeeze *= 1.0 - (0.1 + 0.25 * f.energy) * _clench(f)


def _contraction_post(f: Frame) -> None:
    cl = _clench(f)
    for k in range(3):
        rr = f.r * (1.9 + 0.45 * k) * (1 - 0.3 * cl)
        f.look.line(f.c, oval(f.x, f.y, rr, rr * 0.9), f.pal.hot, f.u * 0.008, (0.15 + 0.5 * cl) / (1 + k))


# ---- erosion: its edges wear away like sand under water ----------------------------------------------

def _erosion(f: Frame) -> None:
    pts = []
    for k in range(int(30 + 80 * f.energy)):
        age = (f.t * (0.12 + 0.2 * _h(k, 6)) + _h(k, 7)) % 1.0
        a = TAU * _h(k, 8)
        x = f.x + math.cos(a) * f.r * (0.9 + 0.3 * age) + math.sin(age * 6 + k) * f.u * 0.02
        y = f.y + math.sin(a) * f.r * 0.9 + age * f.r * 1.4
        pts.append((x, y))
    f.look.dots(f.c, pts, (0.86, 0.74, 0.52), max(1.5, f.u * 0.01), 0.8)


# ---- embers: glowing embers drift up from it ---------------------------------------------------------

def _embers(f: Frame) -> None:
    pts: list[tuple[float, float]] = []
    hot: list[tuple[float, float]] = []
    for k in range(int(14 + 50 * f.energy)):
        age = (f.t * (0.15 + 0.3 * _h(k, 9)) + _h(k, 10)) % 1.0
        x = f.x + (_h(k, 11) - 0.5) * f.r * 2.0 + 0.06 * f.u * math.sin(TAU * (age * 2 + _h(k, 12)))
        y = f.y + f.r * 0.3 - age * f.r * (2.2 + 1.0 * f.energy)
        (hot if (k + f.i // 3) % 5 == 0 else pts).append((x, y))
    f.look.dots(f.c, pts, mix(f.pal.hot, (1.0, 0.8, 0.3), 0.5), max(1.5, f.u * 0.012), 0.9)
    for x, y in hot:
        f.look.light(f.c, x, y, f.u * 0.04, f.pal.hot, 0.8)


# ---- swell / weight / roll / sway / spin / tremble: the subject's body moves -------------------------

def _swell_pre(f: Frame) -> None:
    s = math.sin(f.t * 0.9)
    f.squeeze *= 1.0 + (0.05 + 0.12 * f.energy) * s
    f.sag += f.r * 0.12 * max(0.0, s)


def _swell_post(f: Frame) -> None:
    f.look.light(f.c, f.x, f.y + f.sag, f.r * 2.2, shade(f.pal.key, -0.3), 0.25 + 0.3 * f.energy)


def _weight_pre(f: Frame) -> None:
    f.sag += f.r * (0.25 + 0.45 * f.intensity) * (0.8 + 0.2 * math.sin(f.t * 0.5))


def _weight_post(f: Frame) -> None:
    floor = f.h * 0.94
    f.look.solid(f.c, oval(f.x, floor, f.r * 1.6, f.u * 0.05), shade(f.pal.ground, 0.15), 0.8)
    draw_light(f.c, f.x, floor, f.r * 0.9, f.pal.key, 0.2 + 0.4 * f.energy, additive=1.0 if f.dark else 0.0)


def _roll_pre(f: Frame) -> None:
    f.sag += f.r * 0.2 * math.sin(f.t * 1.1) * (0.4 + f.energy)


def _roll_post(f: Frame) -> None:
    for k in range(3):
        y = f.y + f.sag + (k - 1) * f.r * 0.35
        pts = [(f.x - f.r * 1.6 + i * f.r * 0.16, y + math.sin(i * 0.5 - f.t * 2 + k) * f.r * 0.12) for i in range(21)]
        f.look.line(f.c, smooth(pts), mix(f.pal.bright, f.pal.key, 0.4), max(1.0, f.u * 0.008), 0.55)


def _sway_pre(f: Frame) -> None:
    f.spin += (1.5 + 4.0 * f.energy) * math.sin(f.t * 0.7)


def _sway_post(f: Frame) -> None:
    """A horizon through the scene that rocks with the sway (drawn in the turned frame), with a fainter
    trailing copy: the roll reads as motion, not as a crooked picture."""
    y = f.y + f.r * 1.4
    for k, a in ((0, 0.6), (1, 0.25)):
        f.c.save()
        f.c.rotate(-k * 1.5 * math.cos(f.t * 0.7), f.x, f.y)
        f.look.line(f.c, poly([(f.x - f.w, y), (f.x + f.w, y)], closed=False), mix(f.pal.bright, f.pal.key, 0.4),
                    max(1.0, f.u * 0.008), a)
        f.c.restore()


def _spin_pre(f: Frame) -> None:
    f.spin += f.t * (4.0 + 14.0 * f.intensity)


def _tremble_pre(f: Frame) -> None:
    amp = f.u * (0.004 + 0.014 * f.energy)
    f.shake = (f.shake[0] + amp * (_h(f.i, 13) - 0.5) * 2, f.shake[1] + amp * (_h(f.i, 14) - 0.5) * 2)
    f.dim *= 0.85 + 0.15 * _h(f.i // 2, 15)


def _spin_post(f: Frame) -> None:
    for k in range(3):  # motion trails round the subject: it reads as turning, not just turned
        path = skia.Path()
        rr = f.r * (1.5 + 0.3 * k)
        path.addArc(skia.Rect.MakeLTRB(f.x - rr, f.y - rr, f.x + rr, f.y + rr), (f.spin * 3 + k * 120) % 360, 70)
        f.look.line(f.c, path, f.pal.bright, max(1.0, f.u * 0.006), 0.45)


# ---- ripple, crack, compression ----------------------------------------------------------------------

def _ripple(f: Frame) -> None:
    for k in range(3):
        age = (f.t * 0.45 + k / 3) % 1.0
        cx = f.x - f.r * 0.6 + f.r * 0.3 * k
        rr = f.r * (0.2 + 1.8 * age)
        f.look.line(f.c, oval(cx, f.y, rr, rr * 0.55), mix(f.pal.bright, WHITE, 0.4), max(1.0, f.u * 0.006),
                    (1 - age) * (0.4 + 0.6 * f.energy))
    flare = max(0.0, math.sin(f.t * 1.3)) ** 8
    f.look.light(f.c, f.x, f.y, f.r * 0.8, f.pal.bright, flare * (0.4 + 0.6 * f.energy))


def _crack(f: Frame) -> None:
    grow = 0.3 + 0.7 * f.p
    pts = []
    for k in range(9):
        s = k / 8
        pts.append((f.x - f.r * 1.2 + f.r * 2.4 * s * grow, f.y - f.r * 0.9 + f.r * 1.8 * s * grow
                    + (_h(k, 16) - 0.5) * f.r * 0.3))
    path = poly(pts, closed=False)
    f.look.light(f.c, pts[len(pts) // 2][0], pts[len(pts) // 2][1], f.r * 0.5 * grow, f.pal.bright, 0.4 * f.energy)
    f.look.line(f.c, path, (0.08, 0.06, 0.06), f.u * (0.008 + 0.02 * grow * f.energy))
    f.look.line(f.c, path, mix(f.pal.bright, WHITE, 0.5), max(1.0, f.u * 0.004), 0.8)


def _compression(f: Frame) -> None:
    """The space presses inward: heavy slabs close in from the four sides, in time with the pulse when
    there is one, and the air between them and the subject is squeezed into visible bands."""
    squeeze = 0.5 + 0.5 * math.sin(f.t * _rate(f, 0.5) * math.pi) ** 2
    press = (0.04 + 0.12 * f.energy) * (0.7 + 0.3 * squeeze)
    slab = shade(f.pal.ground, 0.12) if f.dark else shade(f.pal.ground, 0.35)
    dx, dy = f.w * press + f.u * 0.05, f.h * press + f.u * 0.05
    for path in (rrect(-f.u, -f.u, f.w + 2 * f.u, dy + f.u, f.u * 0.04),
                 rrect(-f.u, f.h - dy, f.w + 2 * f.u, dy + f.u, f.u * 0.04),
                 rrect(-f.u, -f.u, dx + f.u, f.h + 2 * f.u, f.u * 0.04),
                 rrect(f.w - dx, -f.u, dx + f.u, f.h + 2 * f.u, f.u * 0.04)):
        f.look.solid(f.c, path, slab, 0.92)
    for k in range(3):  # the squeezed air: bands that tighten round the subject
        rx = (f.w / 2 - dx) * (0.95 - 0.18 * k) * (1 - 0.06 * squeeze)
        ry = (f.h / 2 - dy) * (0.95 - 0.18 * k) * (1 - 0.06 * squeeze)
        f.look.line(f.c, oval(f.x, f.y, rx, ry), mix(f.pal.hot, WHITE, 0.2), max(1.0, f.u * 0.005),
                    (0.12 + 0.3 * f.energy) / (1 + k))


# ---- light on the surface: dim glow, static, sparkle, prickle, arcs, frost, haze, drain --------------

def _dim_pre(f: Frame) -> None:
    f.dim *= 0.55


def _dim_post(f: Frame) -> None:
    soft(f.c, f.x, f.y, f.r * 2.0, f.r * 2.0, shade(f.pal.ground, -0.2), 0.55)


def _static(f: Frame) -> None:
    pts = []
    for k in range(int(60 + 200 * f.energy)):
        a, d = TAU * _h(k * 31 + f.i, 17), f.r * 1.2 * math.sqrt(_h(k * 17 + f.i, 18))
        pts.append((f.x + math.cos(a) * d, f.y + math.sin(a) * d))
    f.look.dots(f.c, pts, mix(f.pal.bright, WHITE, 0.5), max(1.0, f.u * 0.006), 0.85)


def _sparkle(f: Frame) -> None:
    path = skia.Path()
    for k in range(int(10 + 30 * f.energy)):
        tw = math.sin(f.t * (3 + 4 * _h(k, 19)) + k) ** 2
        a, d = TAU * _h(k, 20), f.r * 1.3 * math.sqrt(_h(k, 21))
        x, y, s = f.x + math.cos(a) * d, f.y + math.sin(a) * d, f.u * 0.03 * tw
        path.moveTo(x - s, y)
        path.lineTo(x + s, y)
        path.moveTo(x, y - s)
        path.lineTo(x, y + s)
    f.look.line(f.c, path, mix(f.pal.bright, WHITE, 0.6), max(1.0, f.u * 0.005), 0.9)


def _prickle(f: Frame) -> None:
    path = skia.Path()
    tips = []
    for k in range(int(30 + 60 * f.energy)):
        if (k + f.i // 2) % 2:  # half of them prickle at a time, changing every other frame
            continue
        a, d = TAU * _h(k, 22), f.r * (0.5 + 0.8 * _h(k, 23))
        x, y = f.x + math.cos(a) * d, f.y + math.sin(a) * d
        ln = f.u * (0.04 + 0.04 * f.energy)
        path.moveTo(x, y)
        path.lineTo(x + math.cos(a) * ln, y + math.sin(a) * ln)
        tips.append((x + math.cos(a) * ln, y + math.sin(a) * ln))
    f.look.line(f.c, path, mix(f.pal.hot, WHITE, 0.2), max(1.0, f.u * 0.009), 0.95)
    f.look.dots(f.c, tips, mix(f.pal.hot, WHITE, 0.7), max(1.5, f.u * 0.016))


def _arcs(f: Frame) -> None:
    strike = f.i // 3
    if _h(strike, 24) > 0.35 + 0.6 * f.energy:
        return
    for j in range(1 + int(3 * f.energy)):
        a = TAU * _h(strike * 5 + j, 25)
        ln = f.r * (1.3 + 1.4 * f.energy)
        pts = []
        for k in range(9):
            s = k / 8
            off = (_h(strike * 11 + j * 3 + k, 26) - 0.5) * f.r * 0.3
            pts.append((f.x + math.cos(a) * ln * s - math.sin(a) * off, f.y + math.sin(a) * ln * s + math.cos(a) * off))
        f.look.line(f.c, poly(pts, closed=False), mix(f.pal.accent, WHITE, 0.6), max(1.0, f.u * 0.007))
        f.look.light(f.c, pts[-1][0], pts[-1][1], f.u * 0.05, f.pal.accent, 0.7)


def _frost(f: Frame) -> None:
    grow = 0.25 + 0.75 * min(1.0, f.p * 1.3)
    path = skia.Path()
    for k in range(10):
        a = TAU * k / 10 + 0.3
        x0, y0 = f.x + math.cos(a) * f.r * 1.6, f.y + math.sin(a) * f.r * 1.5
        x1, y1 = x0 - math.cos(a) * f.r * 0.9 * grow, y0 - math.sin(a) * f.r * 0.9 * grow
        path.moveTo(x0, y0)
        path.lineTo(x1, y1)
        for s in (0.3, 0.55, 0.8):  # fern-like side needles
            bx, by = x0 + (x1 - x0) * s, y0 + (y1 - y0) * s
            ln = f.r * 0.22 * grow * (1 - s * 0.5)
            for side in (-0.7, 0.7):
                path.moveTo(bx, by)
                path.lineTo(bx - math.cos(a + side) * ln, by - math.sin(a + side) * ln)
    soft(f.c, f.x, f.y, f.r * 1.7, f.r * 1.7, (0.85, 0.92, 1.0), 0.2 + 0.3 * grow)
    f.look.line(f.c, path, (0.88, 0.95, 1.0), max(1.0, f.u * 0.006), 0.9)


def _haze(f: Frame) -> None:
    veil = mix((0.8, 0.8, 0.84), f.pal.bright, 0.3)
    for k in range(2):
        x = f.x + math.cos(f.t * 0.2 + k * 2.1) * f.r * 0.6
        y = f.y + math.sin(f.t * 0.17 + k) * f.r * 0.3
        soft(f.c, x, y, f.r * 1.6, f.r * 1.3, veil, 0.3 + 0.3 * f.energy)


def _drain(f: Frame) -> None:
    drained = (0.15 + 0.45 * f.p) * (0.5 + 0.5 * f.intensity)
    f.c.drawRect(skia.Rect.MakeWH(f.w, f.h), paint((0.5, 0.5, 0.52), drained * 0.55))


MOTIONS: dict[str, Motion] = {
    "pulse": Motion(_pulse_pre, _pulse_post),
    "streaks": Motion(None, _streaks),
    "shards": Motion(None, _shards),
    "contraction": Motion(_contraction_pre, _contraction_post),
    "erosion": Motion(None, _erosion),
    "embers": Motion(None, _embers),
    "swell": Motion(_swell_pre, _swell_post),
    "weight": Motion(_weight_pre, _weight_post),
    "ripple": Motion(None, _ripple),
    "crack": Motion(None, _crack),
    "compression": Motion(None, _compression),
    "dim_glow": Motion(_dim_pre, _dim_post),
    "static": Motion(None, _static),
    "sparkle": Motion(None, _sparkle),
    "arcs": Motion(None, _arcs),
    "frost": Motion(None, _frost),
    "prickle": Motion(None, _prickle),
    "drain": Motion(None, _drain),
    "sway": Motion(_sway_pre, _sway_post),
    "tremble": Motion(_tremble_pre, _static),
    "spin": Motion(_spin_pre, _spin_post),
    "roll": Motion(_roll_pre, _roll_post),
    "haze": Motion(None, _haze),
}
