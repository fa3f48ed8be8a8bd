"""What happens at a moment of the clip: the trigger's opening cue, the relief's closing tide, and a trend's
weather and stars. Each draws with an amount ``a`` (0..1) the timeline gives it, so it comes and goes with
easing in the beat the prompt puts it in.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import skia

from healthviz_desktop.core.render.kit import (
    RGB,
    TAU,
    circle,
    draw_light,
    mix,
    oval,
    paint,
    poly,
    rrect,
    shade,
    smooth,
    soft,
)
from healthviz_desktop.core.render.stage import GLASS, Frame

Cue = Callable[[Frame, float], None]
TIDE: RGB = (0.35, 0.62, 0.9)
WHITE: RGB = (1.0, 1.0, 1.0)


def _corner(f: Frame) -> tuple[float, float, float]:
    """Where an opening cue sits: the lower left, clear of the subject."""
    return f.w * 0.2, f.h * 0.74, f.u * 0.22


# ---- trigger cues ---------------------------------------------------------------------------------------

def _stress(f: Frame, a: float) -> None:
    for k in range(4):  # the air tightens: rings close in on the whole frame
        s = (1.15 - 0.5 * a) - 0.12 * k
        f.look.line(f.c, oval(f.w / 2, f.h / 2, f.w * 0.55 * s, f.h * 0.55 * s), f.pal.hot, f.u * 0.01, a * 0.5)


def _poor_sleep(f: Frame, a: float) -> None:
    y = f.h * 0.86
    f.c.drawRect(skia.Rect.MakeLTRB(0, y, f.w, f.h), paint((0.55, 0.56, 0.6), 0.55 * a))
    sun = skia.Path()
    sun.addArc(skia.Rect.MakeLTRB(f.w * 0.5 - f.u * 0.2, y - f.u * 0.2, f.w * 0.5 + f.u * 0.2, y + f.u * 0.2), 180, 180)
    f.look.solid(f.c, sun, (0.78, 0.78, 0.8), 0.8 * a)


def _skipped_meal(f: Frame, a: float) -> None:
    x, y, s = _corner(f)
    squash = 0.35 + 0.15 * math.sin(f.t * 2.0)  # turning: the rim's ellipse opens and closes
    bowl = skia.Path()
    bowl.addArc(skia.Rect.MakeLTRB(x - s, y - s * 0.8, x + s, y + s * 0.8), 0, 180)
    bowl.close()
    f.look.glass(f.c, bowl, GLASS, a)
    f.look.line(f.c, oval(x, y, s, s * squash), GLASS, f.u * 0.008, a)


def _dehydration(f: Frame, a: float) -> None:
    top = f.h * 0.84
    f.look.solid(f.c, poly([(0, top), (f.w, top), (f.w, f.h), (0, f.h)]), (0.66, 0.5, 0.32), a)
    cracks = skia.Path()
    for k in range(14):
        x = f.w * k / 13
        cracks.moveTo(x, top)
        cracks.lineTo(x + f.u * 0.08 * math.sin(k * 2.3), top + (f.h - top) * min(1.0, a * 1.3))
    f.look.line(f.c, cracks, (0.3, 0.2, 0.12), max(1.0, f.u * 0.008), a)


def _alcohol(f: Frame, a: float) -> None:
    x, y, s = _corner(f)
    f.c.save()
    f.c.rotate(40 * a, x, y + s)
    glass = poly([(x - s * 0.5, y - s), (x + s * 0.5, y - s), (x + s * 0.35, y + s), (x - s * 0.35, y + s)])
    f.look.solid(f.c, poly([(x - s * 0.45, y - s * 0.3), (x + s * 0.45, y - s * 0.3), (x + s * 0.35, y + s),
                            (x - s * 0.35, y + s)]), (0.28, 0.08, 0.1), a)
    f.look.glass(f.c, glass, GLASS, a)
    f.c.restore()
    f.look.solid(f.c, oval(x + s * 1.3, y + s * 1.1, s * 0.9 * a, s * 0.15), (0.28, 0.08, 0.1), a)


def _caffeine(f: Frame, a: float) -> None:
    for k in range(3):
        j = (f.i * 7 + k * 13) % 17 / 17
        x, y = f.w * (0.1 + 0.8 * j), f.h * (0.15 + 0.7 * ((f.i * 3 + k * 5) % 11 / 11))
        if (f.i + k) % 2:
            f.look.light(f.c, x, y, f.u * 0.09, (1.0, 0.92, 0.6), a)


def _bright_light(f: Frame, a: float) -> None:
    f.look.light(f.c, f.w * 1.0, f.h * 0.3, f.u * 0.7, WHITE, a)
    f.c.drawRect(skia.Rect.MakeLTRB(f.w * 0.93, 0, f.w, f.h), paint(WHITE, 0.5 * a))


def _loud_noise(f: Frame, a: float) -> None:
    x, y, s = _corner(f)
    f.look.solid(f.c, oval(x, y, s * 1.5, s * 0.45), shade(TIDE, -0.3), a)
    for k in range(4):
        age = (f.t * 1.6 + k / 4) % 1.0
        jit = math.sin(f.t * 40 + k) * f.u * 0.006  # the surface shakes
        f.look.line(f.c, oval(x + jit, y, s * 1.4 * age, s * 0.42 * age), WHITE, 1.2, a * (1 - age))


def _strong_smell(f: Frame, a: float) -> None:
    for k in range(7):
        s = k / 6
        x = f.w * (0.02 + 0.3 * s * a)
        y = f.h * (0.8 - 0.35 * s) + math.sin(s * 6 + f.t) * f.u * 0.08
        r = f.u * (0.1 + 0.1 * s)
        soft(f.c, x, y, r, r, (0.45, 0.42, 0.4), 0.6 * a)


def _weather_change(f: Frame, a: float) -> None:
    for k in range(3):
        y = f.h * (0.08 + 0.06 * k)
        pts = [(f.w * i / 16, y + math.sin(i * 0.9 + f.t * 3 + k) * f.u * 0.03) for i in range(17)]
        f.look.line(f.c, smooth(pts), (0.75, 0.78, 0.82), f.u * 0.025, 0.6 * a)


def _screen_time(f: Frame, a: float) -> None:
    x, y, s = _corner(f)
    f.look.light(f.c, x, y, s * 1.8, (0.45, 0.7, 1.0), 0.7 * a)
    f.look.solid(f.c, rrect(x - s, y - s * 0.62, s * 2, s * 1.24, s * 0.08), (0.7, 0.85, 1.0), a)


def _menstruation(f: Frame, a: float) -> None:
    """A slow tide drawing in: three low swells that rise along the bottom of the frame."""
    tide_col = mix((0.55, 0.15, 0.25), f.pal.key, 0.3)
    for k in range(3):
        base = f.h * (1.02 - (0.08 + 0.05 * k) * a)
        crest = [(f.w * i / 10, base + math.sin(i * 0.9 + f.t * 0.8 + k) * f.u * 0.03) for i in range(-1, 12)]
        f.look.solid(f.c, smooth([*crest, (f.w * 1.1, f.h * 1.1), (-f.w * 0.1, f.h * 1.1)], closed=True),
                     shade(tide_col, -0.15 * k), 0.75 * a)


def _exercise(f: Frame, a: float) -> None:
    x, y, s = _corner(f)
    turn = 8.0 * (1 - math.exp(-f.t * 1.2))  # winding down: the turning slows
    f.look.line(f.c, circle(x, y, s), (0.6, 0.62, 0.66), f.u * 0.02, a)
    spokes = skia.Path()
    for k in range(6):
        ang = turn + TAU * k / 6
        spokes.moveTo(x, y)
        spokes.lineTo(x + math.cos(ang) * s, y + math.sin(ang) * s)
    f.look.line(f.c, spokes, (0.6, 0.62, 0.66), f.u * 0.01, a)


def _long_sitting(f: Frame, a: float) -> None:
    x, y, s = _corner(f)
    rust = (0.55, 0.3, 0.16)
    f.look.solid(f.c, rrect(x - s, y - s * 0.4, s, s * 0.8, 3), rust, a)
    f.c.save()
    f.c.rotate(-8 - 6 * abs(math.sin(f.t * 0.8)) ** 6, x, y)  # a stiff, jerky opening
    f.look.solid(f.c, rrect(x, y - s * 0.4, s, s * 0.8, 3), shade(rust, 0.1), a)
    f.c.restore()
    f.look.solid(f.c, rrect(x - s * 0.08, y - s * 0.5, s * 0.16, s, s * 0.08), shade(rust, -0.3), a)


def _heavy_lifting(f: Frame, a: float) -> None:
    x, y, s = _corner(f)
    drop = (1 - a) * s * 1.5
    bend = s * 0.12 * a
    f.look.line(f.c, smooth([(x - s * 1.6, y + s * 0.5), (x, y + s * 0.5 + bend), (x + s * 1.6, y + s * 0.5)]),
                (0.4, 0.4, 0.42), f.u * 0.03, a)
    f.look.solid(f.c, rrect(x - s * 0.5, y - s * 0.5 - drop, s, s * 0.95, s * 0.1), (0.3, 0.31, 0.33), a)


def _travel(f: Frame, a: float) -> None:
    x, y, s = _corner(f)
    streaks = skia.Path()
    for k in range(6):
        sy = y - s * 0.5 + s * k / 5
        sx = x - s * 1.2 + ((f.t * 3 + k * 0.37) % 1.0) * s * 2.4
        streaks.moveTo(sx, sy)
        streaks.lineTo(sx + s * 0.6, sy)
    f.c.save()
    f.c.clipRect(skia.Rect.MakeLTRB(x - s * 1.2, y - s * 0.7, x + s * 1.2, y + s * 0.7))
    f.look.line(f.c, streaks, (1.0, 0.85, 0.5), f.u * 0.02, a)
    f.c.restore()
    f.look.line(f.c, rrect(x - s * 1.2, y - s * 0.7, s * 2.4, s * 1.4, s * 0.1), (0.35, 0.35, 0.38), f.u * 0.02, a)


def _late_night(f: Frame, a: float) -> None:
    f.c.drawRect(skia.Rect.MakeWH(f.w, f.h), paint((0.02, 0.02, 0.05), 0.35 * a))
    x, y, s = _corner(f)
    f.look.light(f.c, x, y - s * 0.4, s * 1.2, (1.0, 0.72, 0.35), a)
    f.look.solid(f.c, poly([(x - s * 0.4, y - s * 0.2), (x - s * 0.15, y - s * 0.7), (x + s * 0.15, y - s * 0.7),
                            (x + s * 0.4, y - s * 0.2)]), (0.5, 0.35, 0.2), a)
    f.look.line(f.c, poly([(x, y - s * 0.2), (x, y + s * 0.6)], closed=False), (0.3, 0.3, 0.3), f.u * 0.015, a)


CUES: dict[str, Cue] = {
    "stress": _stress, "poor sleep": _poor_sleep, "skipped meal": _skipped_meal, "dehydration": _dehydration,
    "alcohol": _alcohol, "caffeine": _caffeine, "bright light": _bright_light, "loud noise": _loud_noise,
    "strong smell": _strong_smell, "weather change": _weather_change, "screen time": _screen_time,
    "menstruation": _menstruation, "exercise": _exercise, "long sitting": _long_sitting,
    "heavy lifting": _heavy_lifting, "travel": _travel, "late night": _late_night,
}


# ---- relief: a cool tide washes in, and each level ends its own way --------------------------------------

def tide(f: Frame, sweep: float, wash: float) -> None:
    """The cool tide: a wave front crossing the frame (sweep 0..1) with a cool wash of strength `wash`
    behind it."""
    if sweep <= 0.0:
        return
    front = -f.w * 0.15 + f.w * 1.35 * sweep
    edge = [(front + math.sin(k * 0.9 + f.t * 2.0) * f.u * 0.06, f.h * k / 10) for k in range(11)]
    body = smooth([*edge, (-f.w * 0.2, f.h * 1.05), (-f.w * 0.2, -f.h * 0.05)], closed=True)
    f.c.drawPath(body, paint(TIDE, max(0.06, 0.22 * (1 - sweep) + wash)))
    if sweep < 1.0:
        f.look.line(f.c, smooth(edge), mix(TIDE, WHITE, 0.7), f.u * 0.02, 0.7 * (1 - sweep) + 0.2)


def _relief_none(f: Frame, sweep: float, after: float) -> None:
    """'the scene stays as it was': the tide comes in, then draws back off the frame."""
    tide(f, sweep * (1.0 - 0.9 * after), 0.05)


def _relief_some(f: Frame, sweep: float, after: float) -> None:
    tide(f, sweep, 0.1 * after)


def _relief_good(f: Frame, sweep: float, after: float) -> None:
    """'the glow fades to a faint ember': the wash, and one small warm point left where the subject was."""
    tide(f, sweep, 0.16 * after)
    draw_light(f.c, f.x, f.y, f.r * 0.25, (1.0, 0.55, 0.25), 0.9 * after, additive=1.0 if f.dark else 0.0)


def _relief_complete(f: Frame, sweep: float, after: float) -> None:
    """'the scene clears into calm': the wash settles into still water with a clear band of light."""
    tide(f, sweep, 0.2 * after)
    if after > 0.01:
        soft(f.c, f.w / 2, f.h * 0.5, f.w * 0.7, f.h * 0.22, mix(TIDE, WHITE, 0.75), 0.45 * after)
        still = skia.Path()
        for k in range(5):
            y = f.h * (0.68 + 0.06 * k)
            still.moveTo(f.w * (0.15 + 0.04 * k), y)
            still.lineTo(f.w * (0.85 - 0.04 * k), y)
        f.look.line(f.c, still, mix(TIDE, WHITE, 0.5), max(1.0, f.u * 0.006), 0.6 * after)


Relief = Callable[[Frame, float, float], None]
RELIEFS: dict[str, tuple[float, Relief]] = {  # key -> (how far the subject calms, the ending)
    "none": (0.0, _relief_none), "some": (0.3, _relief_some), "good": (0.7, _relief_good),
    "complete": (1.0, _relief_complete),
}


# ---- trends: weather and a night sky of stars ------------------------------------------------------------

def weather(f: Frame, storm: float, clearing: float) -> None:
    """Storm clouds and rain in proportion to `storm`; rays of clear light when `clearing` > 0."""
    if storm > 0.05:
        strip = _cloud_strip(f)
        drift = int(f.t * f.w * 0.02) % max(1, strip.width() - f.w)  # whole pixels: soft clouds, no shimmer
        p = skia.Paint()
        p.setAlphaf(max(0.0, min(1.0, 1.35 * storm - 0.15)))  # a calm month keeps only a trace
        # heavier weather hangs lower: the band is lowered, not stretched (an unscaled draw is a copy, a
        # stretched one cost 0.8 ms against 0.2 ms at 1280x720)
        lowered = round(strip.height() * (0.45 * storm - 0.45))
        f.c.drawImage(strip, -drift, lowered, skia.SamplingOptions(), p)
        rain = skia.Path()
        slant = f.u * (0.02 + 0.06 * storm)
        for k in range(int(150 * max(0.0, storm - 0.25))):  # rain only while it is still stormy
            x = f.w * ((k * 0.618) % 1.0)
            y = (f.h * ((k * 0.377) % 1.0) + f.t * f.h * 1.3) % f.h
            rain.moveTo(x, y)
            rain.lineTo(x - slant, y + f.u * 0.09)
        f.look.line(f.c, rain, (0.8, 0.84, 0.92) if f.dark else (0.35, 0.4, 0.5), max(1.0, f.u * 0.004),
                    0.35 + 0.4 * storm)
    if clearing > 0.05:
        for k in range(3):
            x = f.w * (0.25 + 0.25 * k)
            ray = poly([(x - f.u * 0.04, 0), (x + f.u * 0.04, 0), (x + f.u * 0.25, f.h * 0.8),
                        (x + f.u * 0.1, f.h * 0.8)])
            f.c.drawPath(ray, paint(mix(f.pal.bright, WHITE, 0.5), 0.16 * clearing))


def _cloud_strip(f: Frame) -> skia.Image:
    """A band of storm cloud wider than the frame, drawn once per clip and slid across it (six soft blobs
    redrawn every frame cost ~4 ms at 1280x720)."""
    strip = f.extra.get("clouds")
    if isinstance(strip, skia.Image):
        return strip
    w, h = int(f.w * 1.5), max(8, int(f.h * 1.0))  # as deep as the stormiest weather hangs
    surface = skia.Surface(w, h)
    c = surface.getCanvas()
    c.clear(0)
    cloud = (0.2, 0.21, 0.25) if f.dark else (0.36, 0.37, 0.42)
    for k in range(9):
        x = w * (k + 0.5) / 9
        soft(c, x, h * (0.1 + 0.12 * (k % 3)), f.w * 0.2, h * (0.6 - 0.1 * (k % 2)), cloud, 0.95)
        soft(c, x + f.w * 0.08, h * 0.05, f.w * 0.14, h * 0.35, shade(cloud, -0.3), 0.6)
    image = surface.makeImageSnapshot()
    f.extra["clouds"] = image
    return image


def _settling(f: Frame, storm: float) -> None:
    """A storm settling into calm: the weather, with gaps of clear light opening as it eases."""
    weather(f, storm, min(1.0, (1.0 - storm) * 1.2))


def _building(f: Frame, storm: float) -> None:
    """A calm that gathers into a storm: the clouds draw in from both sides and darken, wind streaks."""
    weather(f, storm, 0.0)
    gather = f.w * 0.45 * (1.0 - storm)
    for side in (-1, 1):
        x = f.w / 2 + side * (f.w * 0.25 + gather)
        soft(f.c, x, f.h * 0.12, f.w * 0.18, f.h * 0.16, (0.18, 0.18, 0.24), 0.3 + 0.6 * storm)
    wind = skia.Path()
    for k in range(int(4 + 10 * storm)):
        y = f.h * (0.25 + 0.05 * k % 0.5)
        x = (f.w * ((k * 0.37) % 1.0) + f.t * f.w * 0.5) % (f.w * 1.2) - f.w * 0.1
        wind.moveTo(x, y)
        wind.lineTo(x + f.u * 0.3, y + f.u * 0.02)
    f.look.line(f.c, wind, (0.75, 0.78, 0.85), max(1.0, f.u * 0.004), 0.45)


def _steady(f: Frame, storm: float) -> None:
    """Steady weather: a level band of cloud drifts past without changing."""
    for k in range(7):
        x = (f.w * k / 6 + f.t * f.w * 0.03) % (f.w * 1.3) - f.w * 0.15
        soft(f.c, x, f.h * 0.1, f.w * 0.12, f.h * 0.06, (0.55, 0.57, 0.62), 0.35 + 0.4 * storm)


def _waves(f: Frame, storm: float) -> None:
    """Weather in waves: the cloud line itself rises and falls across the frame."""
    line = [(f.w * i / 12, f.h * (0.12 + 0.08 * math.sin(i * 0.9 - f.t * 1.5))) for i in range(13)]
    body = smooth([(0.0, -f.h * 0.05), *line, (float(f.w), -f.h * 0.05)], closed=True)
    f.c.drawPath(body, paint((0.3, 0.32, 0.38) if f.dark else (0.45, 0.47, 0.52), 0.3 + 0.5 * storm))
    f.look.line(f.c, smooth(line), (0.85, 0.87, 0.92), max(1.0, f.u * 0.006), 0.6)


ARCS: dict[str, Callable[[Frame, float], None]] = {
    "settling": _settling, "building": _building, "steady": _steady, "waves": _waves,
}


def stars(f: Frame, rested: int, recorded: int) -> None:
    """One star for each night recorded along the top; the rested nights bright."""
    if recorded <= 0:
        return
    faint: list[tuple[float, float]] = []
    bright: list[tuple[float, float]] = []
    for k in range(recorded):
        x = f.w * (0.06 + 0.88 * (k + 0.5) / recorded)
        y = f.h * (0.05 + 0.06 * ((k * 0.618) % 1.0))
        lit = (k + 1) * rested // recorded > k * rested // recorded  # the rested nights spread evenly
        (bright if lit else faint).append((x, y))
    f.c.drawImage(_star_field(f, faint, bright), 0, 0)
    path = skia.Path()
    for x, y in bright:  # only the twinkle changes from frame to frame
        s = f.u * 0.025 * (0.85 + 0.15 * math.sin(f.t * 2 + x))
        path.moveTo(x - s, y)
        path.lineTo(x + s, y)
        path.moveTo(x, y - s)
        path.lineTo(x, y + s)
    f.look.line(f.c, path, (1.0, 0.97, 0.85), max(1.0, f.u * 0.005), 0.9)


def _star_field(f: Frame, faint: list[tuple[float, float]], bright: list[tuple[float, float]]) -> skia.Image:
    """The stars' dots and glows, which never move, drawn once per clip on a transparent band the height
    of the row and laid over each frame (their 22-44 sprite and dot draws were ~0.8 ms of every frame).
    Over-compositing is associative, so the band laid over a frame is what drawing each on it gave."""
    key = ("stars", len(faint), len(bright))
    cached = f.extra.get("stars")
    if isinstance(cached, tuple) and cached[0] == key:
        return cached[1]
    surface = skia.Surface(skia.ImageInfo.MakeN32(f.w, max(1, int(f.h * 0.2)), skia.kPremul_AlphaType))
    c = surface.getCanvas()
    c.clear(0)
    f.look.dots(c, faint, (0.75, 0.78, 0.85), max(1.5, f.u * 0.008), 0.6)
    for x, y in bright:
        f.look.light(c, x, y, f.u * 0.035, (1.0, 0.95, 0.8), 0.9)
    image = surface.makeImageSnapshot()
    f.extra["stars"] = (key, image)
    return image
