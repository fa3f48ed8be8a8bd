"""Motions: how a quality of the feeling moves and textures the light (McGill families -> motion).

throbbing -> "pulse" (rings leave the motif on each beat); shooting -> "streaks" (fast lines flying out);
stabbing -> "shards" (sharp wedges that jab and fade); burning -> "embers" (sparks rising); heavy ->
"weight" (the motif sags, a glow pools at the floor); tingling -> "static" (fine grain crawling over the
halo); electric -> "arcs" (jagged discharges); cramping -> "contraction" (the motif clenches, rings
close in); foggy -> "fog" (a drifting haze that blurs it); nausea -> "waves" (rolling bands); dizziness
-> "tilt" (the horizon rocks); vertigo -> "spiral" (arms turning). Every amplitude, count and speed
scales with the frame's intensity, so a worse moment is visibly more agitated, not just brighter.

Modifiers change the frame's geometry before drawing; layers add light. Randomness is drawn once per
spec (seeded), so a clip is reproducible.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from healthviz_desktop.core.render.scene_draw import FrameState, SceneDrawer

TAU = 2.0 * math.pi


# ---- modifiers -------------------------------------------------------------------------------------

def _weight(d: SceneDrawer, st: FrameState) -> None:
    sag = 0.08 + 0.22 * st.intensity + 0.03 * math.sin(TAU * 0.25 * st.t)
    st.nodes = [(cx, cy + sag, sx * 1.18, sy * 0.78, w) for cx, cy, sx, sy, w in st.nodes]


def _contraction(d: SceneDrawer, st: FrameState) -> None:
    rate = d.spec.pulse_hz if d.spec.pulse_hz > 0 else 0.4
    clench = max(0.0, math.sin(TAU * rate * st.t)) ** 3
    st.radius *= 1.0 - (0.12 + 0.3 * st.intensity) * clench
    # rings close in on the motif while it clenches
    for k in range(3):
        gain = (0.1 + 0.5 * st.intensity) * (0.4 + 0.6 * clench) / (1 + k)
        st.rings.append(((1.3 + 0.5 * k) * (1.0 - 0.35 * clench), 0.025, gain, d.palette.secondary))


def _pulse(d: SceneDrawer, st: FrameState) -> None:
    """A ring leaves the motif on every beat and fades as it spreads."""
    hz = d.spec.pulse_hz if d.spec.pulse_hz > 0 else 0.8
    for back in range(2):
        if st.t * hz < back:
            continue
        span = ((st.t * hz) % 1.0 + back) / 2.0
        gain = (0.25 + 1.0 * st.intensity) * (1.0 - span) ** 2
        st.rings.append((0.7 + 2.6 * span, 0.018 + 0.03 * st.intensity, gain, d.palette.secondary))


def _tilt(d: SceneDrawer, st: FrameState) -> None:
    amplitude = math.radians(3.0 + 12.0 * st.intensity)
    st.tilt = amplitude * math.sin(TAU * 0.3 * st.t)
    shift = math.sin(st.tilt) * 0.5
    st.nodes = [(cx + shift * cy, cy - shift * cx, sx, sy, w) for cx, cy, sx, sy, w in st.nodes]


def _fog_haze(d: SceneDrawer, st: FrameState) -> None:
    st.haze = 0.35 + 0.45 * st.intensity


MODIFIERS: dict[str, Callable[[SceneDrawer, FrameState], None]] = {
    "weight": _weight, "contraction": _contraction, "tilt": _tilt, "fog": _fog_haze, "pulse": _pulse,
}


# ---- preparation ------------------------------------------------------------------------------------

def prepare_motions(d: SceneDrawer) -> None:
    """Precompute what the chosen motions need: polar grids, noise, particle seeds."""
    import numpy as np

    cv, rng = d.canvas, d.rng
    cx, cy = d.base_nodes[0][0], d.base_nodes[0][1]
    if {"shards", "spiral"} & set(d.motions):
        dx = cv.xs[None, :] - cx
        dy = cv.ys[:, None] - cy
        theta = np.arctan2(dy, dx).astype(np.float32)
        r = np.sqrt(dx * dx + dy * dy).astype(np.float32)
        sector = (theta * np.float32(7 / TAU)) % np.float32(1.0)  # 7 wedges round the motif
        # in 1/65536ths of a turn: a shard's wedge test is then one wrapping uint16 add
        d.extra["sector16"] = (sector * np.float32(65536.0)).astype(np.uint16)
        d.extra["r"] = r
        # spiral arms: the angle and log-radius part of the phase never changes, only the spin
        d.extra["spiral_base"] = theta * np.float32(3.0) + np.log(r + np.float32(0.05)) * np.float32(4.0)
        d.extra["spiral_env"] = np.exp(r * np.float32(-1.0 / (d.base_radius * 2.4)))
    if "static" in d.motions:
        n = 1500  # sparks scattered over the halo (gaussian), a different share lit each frame
        d.extra["static"] = {"x": rng.standard_normal(n).astype(np.float32),
                             "y": rng.standard_normal(n).astype(np.float32),
                             "phase": rng.random(n, dtype=np.float32)}
    if "embers" in d.motions:
        n = 140
        d.extra["embers"] = {k: rng.random(n, dtype=np.float32) for k in ("x", "phase", "speed", "flicker")}
    if "streaks" in d.motions:
        d.extra["streaks"] = {k: rng.random(40, dtype=np.float32) for k in ("angle", "phase", "speed")}
    if "shards" in d.motions:
        d.extra["shards"] = rng.random(9, dtype=np.float32)
    if "fog" in d.motions:
        d.extra["fog"] = rng.random(6, dtype=np.float32) * TAU


# ---- layers --------------------------------------------------------------------------------------

def _streaks(d: SceneDrawer, st: FrameState) -> None:
    """Shooting: thin lines fly out from the motif, more and faster as intensity rises."""
    import numpy as np

    s = d.extra["streaks"]
    assert isinstance(s, dict)
    count = int(6 + 30 * st.intensity)
    cx, cy = st.nodes[0][0], st.nodes[0][1]
    life = (st.t * (0.6 + 1.6 * s["speed"][:count]) + s["phase"][:count]) % 1.0
    angle = s["angle"][:count] * TAU
    steps = np.linspace(0.0, 1.0, 18, dtype=np.float32)
    start = st.radius * 0.6 + life * (1.6 + 1.2 * st.intensity)
    length = 0.12 + 0.35 * st.intensity
    rr = start[:, None] + steps[None, :] * length
    xs = (cx + np.cos(angle)[:, None] * rr).ravel()
    ys = (cy + np.sin(angle)[:, None] * rr).ravel()
    fade = ((1.0 - life)[:, None] * steps[None, :] ** 1.5).ravel().astype(np.float32)
    d.canvas.splat(xs.astype(np.float32), ys.astype(np.float32), fade * (0.5 + 0.9 * st.intensity),
                   _mix(d.palette.primary, (1.0, 1.0, 1.0), 0.5), radius=1)


def _shards(d: SceneDrawer, st: FrameState) -> None:
    """Stabbing: sharp-edged wedges jab out of the motif at random moments and fade quickly."""
    import numpy as np

    sector, r = d.extra["sector16"], d.extra["r"]
    seeds = d.extra["shards"]
    assert isinstance(sector, np.ndarray) and isinstance(r, np.ndarray) and isinstance(seeds, np.ndarray)
    rate = 0.6 + 2.2 * st.intensity  # jabs per second
    colour = _mix(d.palette.primary, (1.0, 1.0, 1.0), 0.35)
    cx, cy = d.base_nodes[0][0], d.base_nodes[0][1]
    for k in range(3):
        slot = math.floor(st.t * rate + seeds[k])
        age = (st.t * rate + seeds[k]) - slot
        flash = math.exp(-6.0 * age)
        if flash < 0.04:
            continue
        rot = np.uint16(int(((slot * 0.618 + seeds[k + 3]) % 1.0) * 65536.0) & 0xFFFF)
        width = np.uint16(int((0.05 + 0.08 * st.intensity) * 65536.0))
        reach = st.radius * (1.2 + (1.6 + 1.4 * st.intensity) * (1.0 - age))
        rows = d.canvas.rows_near(cy - reach, cy + reach)
        cols = _cols_near(d, cx - reach, cx + reach)
        rr = r[rows, cols]
        # in the wedge (uint16 wraps round the turn) and outside the motif's core; then only those pixels
        sharp = (sector[rows, cols] + rot) < width
        sharp &= rr > np.float32(st.radius * 0.45)
        fall = np.float32(flash) * (np.float32(1.0) - rr[sharp] * np.float32(1.0 / max(reach, 1e-3)))
        np.clip(fall, 0.0, None, out=fall)
        gain = 0.6 + 1.4 * st.intensity
        for c in range(3):
            d.canvas.rgb[c, rows, cols][sharp] += fall * np.float32(colour[c] * gain)


def _cols_near(d: SceneDrawer, x_lo: float, x_hi: float) -> slice:
    cv = d.canvas
    left = max(0, int((x_lo + cv.aspect) * cv.px_per_unit))
    right = min(cv.w, int((x_hi + cv.aspect) * cv.px_per_unit) + 1)
    return slice(left, max(left, right))


def _embers(d: SceneDrawer, st: FrameState) -> None:
    """Burning: sparks rise from the motif and flicker out."""
    import numpy as np

    e = d.extra["embers"]
    assert isinstance(e, dict)
    count = int(25 + 115 * st.intensity)
    for cx, cy, sx, _sy, w in st.nodes:
        age = (st.t * (0.15 + 0.35 * e["speed"][:count]) + e["phase"][:count]) % 1.0
        sway = 0.06 * np.sin(TAU * (age * 2 + e["x"][:count]))
        xs = cx + (e["x"][:count] - 0.5) * 2.2 * st.radius * sx + sway
        ys = cy + st.radius * 0.6 - age * (1.2 + 0.6 * st.intensity)
        flick = 0.55 + 0.45 * np.sin(TAU * (st.t * (3 + 5 * e["flicker"][:count]) + e["phase"][:count]))
        weight = ((1.0 - age) ** 1.5 * flick * (0.7 + 0.9 * st.intensity) * w).astype(np.float32)
        d.canvas.splat(xs.astype(np.float32), ys.astype(np.float32), weight, d.palette.accent, radius=1)


def _weight_floor(d: SceneDrawer, st: FrameState) -> None:
    """Heavy: light pools at the bottom of the frame, as if the motif's weight settled there."""
    import numpy as np

    cv = d.canvas
    rows = cv.rows_near(0.2, 1.0)
    floor = np.exp(((cv.ys[rows] - 1.0) / (0.12 + 0.18 * st.intensity)) ** 2 * -1.0).astype(np.float32)
    cv.add(np.broadcast_to(floor[:, None], (floor.size, cv.w)), d.palette.accent, 0.12 + 0.4 * st.intensity,
           rows=rows)


def _static(d: SceneDrawer, st: FrameState) -> None:
    """Tingling: pin-prick sparks crawl over the halo, more of them at higher intensity. Sparse points
    rather than full-frame noise: noise would cost the encoder far more than it says."""
    import numpy as np

    sp = d.extra["static"]
    assert isinstance(sp, dict)
    share = 0.12 + 0.4 * st.intensity
    lit = ((sp["phase"] + st.index * 0.618) % 1.0) < share
    cx, cy, sx, sy, _w = st.nodes[0]
    spread = st.radius * 1.1
    xs = cx + sp["x"][lit] * spread * sx
    ys = cy + sp["y"][lit] * spread * sy
    weights = np.full(xs.size, 0.35 + 0.6 * st.intensity, dtype=np.float32)
    d.canvas.splat(xs, ys, weights, _mix(d.palette.secondary, (1.0, 1.0, 1.0), 0.5), radius=0)


def _arcs(d: SceneDrawer, st: FrameState) -> None:
    """Electric: jagged discharges jump out of the motif; they re-strike every few frames."""
    import numpy as np

    strike = st.index // 3
    rate = 0.35 + 0.6 * st.intensity  # share of strikes that fire
    rng = np.random.default_rng((d.seed, strike))
    if rng.random() > rate:
        return
    cx, cy = st.nodes[0][0], st.nodes[0][1]
    for _ in range(1 + int(3 * st.intensity)):
        angle = rng.random() * TAU
        length = st.radius * (1.5 + 2.0 * st.intensity)
        steps = max(8, int(length * d.canvas.px_per_unit * 1.2))  # about a pixel apart: a line, not dots
        along = np.linspace(0.3 * st.radius, length, steps, dtype=np.float32)
        knots = max(3, steps // 10)  # a kink every ~10 px, straight between: lightning, not a scribble
        walk = np.cumsum(rng.standard_normal(knots)) * (0.025 + 0.02 * st.intensity)
        jitter = np.interp(np.linspace(0, knots - 1, steps), np.arange(knots), walk).astype(np.float32)
        xs = cx + np.cos(angle) * along - np.sin(angle) * jitter
        ys = cy + np.sin(angle) * along + np.cos(angle) * jitter
        weight = np.linspace(0.9, 0.2, steps, dtype=np.float32) * (0.5 + 0.7 * st.intensity)
        d.canvas.splat(xs.astype(np.float32), ys.astype(np.float32), weight,
                       _mix(d.palette.secondary, (1.0, 1.0, 1.0), 0.6), radius=1)


def _fog(d: SceneDrawer, st: FrameState) -> None:
    """Foggy: a slow haze of two drifting octaves, thicker with intensity (drawn under the motif)."""
    import numpy as np

    ph = d.extra["fog"]
    assert isinstance(ph, np.ndarray)
    cv = d.canvas
    t = st.t
    fx = np.sin(cv.xs * 1.7 + ph[0] + 0.21 * t) + 0.5 * np.sin(cv.xs * 3.9 + ph[1] - 0.33 * t)
    fy = np.sin(cv.ys * 2.1 + ph[2] - 0.17 * t) + 0.5 * np.sin(cv.ys * 4.3 + ph[3] + 0.27 * t)
    haze = ((fy[:, None] * fx[None, :]) * 0.25 + 0.55).astype(np.float32)
    cv.add(haze, d.palette.secondary, 0.06 + 0.16 * st.intensity)


def _waves(d: SceneDrawer, st: FrameState) -> None:
    """Nausea: bands roll slowly through the frame; their swell grows with intensity."""
    import numpy as np

    cv = d.canvas
    k = 5.0
    bend = (0.15 + 0.35 * st.intensity) * np.sin(cv.xs * 1.6 + 0.9 * st.t)
    phase_y = cv.ys * k - st.t * (1.0 + 1.5 * st.intensity)
    # sin(a + b) = sin a cos b + cos a sin b: two outer products instead of a full-frame sin
    wave = (np.sin(phase_y)[:, None] * np.cos(bend * k)[None, :]
            + np.cos(phase_y)[:, None] * np.sin(bend * k)[None, :])
    band = np.clip(wave, 0.0, None).astype(np.float32)
    band *= band
    band *= band
    cv.add(band, d.palette.secondary, 0.08 + 0.3 * st.intensity)


def _tilt_horizon(d: SceneDrawer, st: FrameState) -> None:
    """Dizziness: a horizon line through the frame rocks from side to side."""
    import numpy as np

    cv = d.canvas
    y0 = st.nodes[0][1] + st.radius * 1.6
    slope = math.tan(st.tilt)
    spread = abs(slope) * cv.aspect + 0.06
    rows = cv.rows_near(y0 - spread, y0 + spread)
    line = cv.ys[rows, None] - (y0 + slope * cv.xs[None, :])
    glow = np.exp((line * np.float32(1.0 / 0.012)) ** 2 * np.float32(-1.0))
    cv.add(glow.astype(np.float32), d.palette.accent, 0.25 + 0.5 * st.intensity, rows=rows)


def _spiral(d: SceneDrawer, st: FrameState) -> None:
    """Vertigo: three arms turn around the motif, faster with intensity."""
    import numpy as np

    base, env = d.extra["spiral_base"], d.extra["spiral_env"]
    assert isinstance(base, np.ndarray) and isinstance(env, np.ndarray)
    spin = np.float32(st.t * (0.6 + 2.2 * st.intensity))
    arms = np.cos(base - spin)
    np.clip(arms, 0.0, None, out=arms)
    layer = arms * arms
    layer *= arms
    layer *= env
    d.canvas.add(layer, d.palette.secondary, 0.2 + 0.6 * st.intensity)


LAYERS: dict[str, Callable[[SceneDrawer, FrameState], None]] = {
    "streaks": _streaks, "shards": _shards, "embers": _embers, "weight": _weight_floor,
    "static": _static, "arcs": _arcs, "fog": _fog, "waves": _waves,
    "tilt": _tilt_horizon, "spiral": _spiral,
}


RGB = tuple[float, float, float]


def _mix(a: RGB, b: RGB, k: float) -> RGB:
    return (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k)
