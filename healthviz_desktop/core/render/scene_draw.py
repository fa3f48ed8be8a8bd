"""Draws one SceneSpec, frame by frame: a light motif whose every property comes from the data.

The mapping (what a clinician can read off the clip):
- intensity (severity, 0..1) and its arc over the clip -> brightness, size and energy of the motif; with an
  arc, a faint timeline along the bottom traces the trend and a dot marks where the clip is;
- pulse_hz -> the beat: the motif swells, and with "pulse" rings leave it, at that rate;
- scale -> how much of the frame the motif fills; region -> where it sits (crown high, core central, limbs
  paired, joints as nodes, surface as a wide band, field everywhere);
- palette -> the motif's colour, its halo, the accent for particles, and the dark ground;
- motions (from qualities) -> texture and movement, drawn by healthviz_desktop.core.render.motions.
Everything is deterministic for a given spec (seeded from its content), so a re-render is identical.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from healthviz_desktop.core.render.canvas import Canvas, Palette
from healthviz_desktop.core.render.motions import LAYERS, MODIFIERS, prepare_motions

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from healthviz_desktop.core.scene import SceneSpec

Node = tuple[float, float, float, float, float]  # cx, cy, sx, sy, weight

# Abstract regions from the catalogue's body areas: places in the frame, never a body.
REGIONS: dict[str, tuple[Node, ...]] = {
    "crown": ((0.0, -0.42, 1.0, 0.8, 1.0),),
    "column": ((0.0, 0.0, 0.55, 1.5, 1.0),),
    "span": ((0.0, -0.25, 1.9, 0.55, 1.0),),
    "core": ((0.0, 0.1, 1.0, 1.0, 1.0),),
    "limbs": ((-0.75, 0.15, 0.8, 0.8, 0.8), (0.75, 0.15, 0.8, 0.8, 0.8)),
    "extremities": ((-1.0, 0.5, 0.6, 0.6, 0.7), (1.0, 0.5, 0.6, 0.6, 0.7)),
    "joints": ((-0.8, 0.05, 0.5, 0.5, 0.7), (0.0, 0.05, 0.5, 0.5, 0.7), (0.8, 0.05, 0.5, 0.5, 0.7)),
    "surface": ((0.0, 0.05, 2.4, 0.9, 0.8),),
    "field": ((0.0, 0.0, 1.5, 1.3, 1.0),),
}


@dataclass
class FrameState:
    """What one frame shows; motion modifiers adjust it before the layers draw."""

    index: int
    t: float  # seconds
    p: float  # 0..1 through the clip
    intensity: float
    beat: float  # 0..1, 1 at the start of each pulse
    radius: float  # normalised radius of the motif
    nodes: list[Node] = field(default_factory=list)
    tilt: float = 0.0  # radians
    haze: float = 0.0  # 0..1, fog softening the motif
    rings: list[tuple[float, float, float, tuple[float, float, float]]] = field(default_factory=list)
    # (radius as a multiple of the motif's, width, gain, colour): drawn with the glow in one pass


class SceneDrawer:
    """Frames for one spec at one output size; `frame(i)` returns an RGB uint8 array at canvas size."""

    def __init__(self, spec: SceneSpec, width: int, height: int, fps: int = 24,
                 seconds: float | None = None, downscale: int = 2) -> None:
        import numpy as np

        self.spec = spec
        self.fps = fps
        self.seconds = float(seconds if seconds is not None else spec.seconds)
        self.frame_count = max(1, round(self.seconds * fps))
        self.out_size = (width, height)
        self.canvas = Canvas(max(16, width // downscale), max(16, height // downscale))
        self.palette = Palette.from_hex([c.hex for c in spec.palette])
        self.motions = tuple(m for m in spec.motions if m in LAYERS or m in MODIFIERS)
        self.seed = int.from_bytes(hashlib.sha256(
            json.dumps(spec.to_dict(), sort_keys=True, default=str).encode()).digest()[:8], "little")
        self.rng = np.random.default_rng(self.seed)
        squeeze = min(1.0, self.canvas.aspect / (16 / 9))
        region = REGIONS.get(spec.region, REGIONS["field"])
        self.base_nodes: list[Node] = [(cx * squeeze, cy, sx * max(squeeze, 0.6), sy, w)
                                       for cx, cy, sx, sy, w in region]
        self.base_radius = 0.16 + 0.42 * _clamp(spec.scale)
        self.background = self._background()
        self._axis = self.canvas.radial_axis()
        self.extra: dict[str, object] = {}
        prepare_motions(self)
        self.arc_graph = self._arc_graph() if spec.arc else None

    # ---- per frame -------------------------------------------------------------------------------

    def state(self, index: int) -> FrameState:
        t = index / self.fps
        p = index / max(1, self.frame_count - 1)
        intensity = _clamp(self.spec.intensity_at(p))
        beat = 0.0
        if self.spec.pulse_hz > 0:
            ph = (t * self.spec.pulse_hz) % 1.0
            beat = math.exp(-4.5 * ph) * min(1.0, ph * 14.0)
        radius = self.base_radius * (0.8 + 0.35 * intensity) * (1.0 + 0.1 * intensity * beat)
        return FrameState(index, t, p, intensity, beat, radius, list(self.base_nodes))

    def frame(self, index: int) -> NDArray[np.uint8]:
        import numpy as np

        st = self.state(index)
        for name in self.motions:
            if name in MODIFIERS:
                MODIFIERS[name](self, st)
        cv = self.canvas
        np.copyto(cv.rgb, self.background)
        if "fog" in self.motions:
            LAYERS["fog"](self, st)
        self._glow(st)
        for name in self.motions:
            if name in LAYERS and name != "fog":
                LAYERS[name](self, st)
        if self.arc_graph is not None:
            self._draw_arc(st)
        return cv.to_uint8(exposure=1.0)

    def frames(self) -> list[int]:
        return list(range(self.frame_count))

    # ---- pieces -----------------------------------------------------------------------------------

    def _glow(self, st: FrameState) -> None:
        """The motif: a hot centre, a body in the primary colour, a wide halo in the secondary colour,
        and any rings, all as one radial profile per node (see Canvas.add_radial)."""
        import numpy as np

        cv, pal = self.canvas, self.palette
        d = self._axis
        energy = (0.45 + 1.1 * st.intensity) * (1.0 + 0.55 * st.beat * (0.4 + st.intensity))
        r = st.radius * (1.0 + 0.8 * st.haze)
        d2 = d * d / np.float32(r * r)
        body = np.exp(d2 * np.float32(-1.0 / 0.45)) * np.float32(1.4 * energy * (1.0 - 0.35 * st.haze))
        halo = np.exp(d2 * np.float32(-1.0 / 1.8)) * np.float32(0.28 * energy)
        core = np.exp(d2 * np.float32(-1.0 / (0.04 + 0.05 * (1.0 - st.intensity))))
        core *= np.float32(0.9 * st.intensity * energy * (1.0 - 0.5 * st.haze))
        profile = np.empty((3, d.size), dtype=np.float32)
        for c in range(3):
            profile[c] = body * pal.primary[c] + halo * pal.secondary[c] + core * (1.0, 0.96, 0.9)[c]
        for ring_r, width, gain, colour in st.rings:
            ring = np.exp(((d - np.float32(ring_r * st.radius)) / np.float32(width)) ** 2 * np.float32(-1.0))
            for c in range(3):
                profile[c] += ring * np.float32(gain * colour[c])
        for cx, cy, sx, sy, w in st.nodes:
            cv.add_radial(cx, cy, sx, sy, profile if w == 1.0 else profile * np.float32(w))

    def _background(self) -> NDArray[np.float32]:
        import numpy as np

        cv, g = self.canvas, self.palette.ground
        ramp = np.linspace(1.35, 0.55, cv.h, dtype=np.float32)[:, None]
        vignette = 1.0 - 0.35 * np.clip(cv.dist2(0.0, 0.0, cv.aspect * 1.1, 1.1), 0.0, 1.0)
        base = ramp * vignette
        out = np.empty((3, cv.h, cv.w), dtype=np.float32)
        for c in range(3):
            out[c] = base * g[c]
        return out

    def _arc_graph(self) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        """The trend as a line along the bottom of the frame, sampled densely so it reads as a curve."""
        import numpy as np

        cv = self.canvas
        ps = np.linspace(0.0, 1.0, cv.w * 2, dtype=np.float32)
        values = np.array([self.spec.intensity_at(float(p)) for p in ps], dtype=np.float32)
        left, right = -cv.aspect * 0.86, cv.aspect * 0.86
        xs = left + (right - left) * ps
        ys = 0.93 - 0.22 * np.clip(values, 0.0, 1.0)
        return xs.astype(np.float32), ys.astype(np.float32)

    def _draw_arc(self, st: FrameState) -> None:
        import numpy as np

        assert self.arc_graph is not None
        xs, ys = self.arc_graph
        cut = int(st.p * (xs.size - 1))
        weights = np.full(xs.size, 0.05, dtype=np.float32)
        weights[: cut + 1] = 0.16
        self.canvas.splat(xs, ys, weights, self.palette.secondary, radius=0)
        dot = np.array([xs[cut]], dtype=np.float32), np.array([ys[cut]], dtype=np.float32)
        self.canvas.splat(dot[0], dot[1], np.array([1.6], dtype=np.float32), self.palette.primary, radius=2)


def _clamp(value: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, float(value)))
