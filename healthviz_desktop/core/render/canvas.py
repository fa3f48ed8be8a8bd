"""Drawing primitives for the local renderer: coordinate grids, palette, glows, point splats, tone mapping.

Frames are drawn at half the output resolution in float32 linear-ish RGB and scaled up by the encoder's
scaler (swscale) while it converts to YUV: the motifs are soft light, so nothing is lost, and a frame costs
a quarter of the arithmetic. Coordinates are normalised: y runs -1 (top) .. 1 (bottom), x runs
-aspect .. aspect, so shapes keep their proportions in portrait and landscape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    F32 = NDArray[np.float32]


def hex_to_rgb(value: str) -> tuple[float, float, float]:
    """'#b0123a' -> (0.69, 0.07, 0.23); bad input gives a neutral grey rather than failing a render."""
    text = value.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        r, g, b = (int(text[i:i + 2], 16) / 255.0 for i in (0, 2, 4))
    except (ValueError, IndexError):
        return (0.5, 0.5, 0.5)
    return (r, g, b)


def luminance(rgb: tuple[float, float, float]) -> float:
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


@dataclass(frozen=True)
class Palette:
    """Roles for the spec's colours: the motif's own colour, its halo, an accent, and the dark ground."""

    primary: tuple[float, float, float]
    secondary: tuple[float, float, float]
    accent: tuple[float, float, float]
    ground: tuple[float, float, float]

    @classmethod
    def from_hex(cls, colours: list[str]) -> Palette:
        srgb = [hex_to_rgb(c) for c in colours] or [(0.85, 0.55, 0.3), (0.3, 0.45, 0.8), (0.1, 0.1, 0.15)]
        # Light adds up in linear terms; squaring is the inverse of the gamma in to_uint8().
        rgbs = [(r * r, g * g, b * b) for r, g, b in srgb]
        darkest = min(rgbs, key=luminance)
        lit = [c for c in rgbs if c is not darkest] or rgbs
        primary = lit[0]
        secondary = lit[1 % len(lit)]
        accent = lit[2 % len(lit)]
        # The ground is the darkest colour pushed down so the light reads against it, however pale it was.
        scale = min(1.0, 0.03 / max(luminance(darkest), 1e-4))
        ground = (darkest[0] * scale, darkest[1] * scale, darkest[2] * scale)
        return cls(primary, secondary, accent, ground)


class Canvas:
    """Grids and buffers for one frame size. Colour is planar (3, h, w): each channel is contiguous,
    so adding a layer to a channel is one vectorised pass."""

    RADIAL_STEPS = 600  # profile samples per unit of distance

    def __init__(self, width: int, height: int) -> None:
        import numpy as np

        self.w, self.h = width, height
        self.aspect = width / height
        self.xs = ((np.arange(width, dtype=np.float32) + 0.5) / height * 2.0 - self.aspect).astype(np.float32)
        self.ys = ((np.arange(height, dtype=np.float32) + 0.5) / height * 2.0 - 1.0).astype(np.float32)
        self.rgb = np.zeros((3, height, width), dtype=np.float32)
        self._scratch = np.empty((height, width), dtype=np.float32)
        self._radial_index: dict[tuple[float, float, float, float, int], Any] = {}  # add_radial's maps
        self.px_per_unit = height / 2.0

    def dist2(self, cx: float, cy: float, sx: float = 1.0, sy: float = 1.0) -> F32:
        """Squared elliptical distance to (cx, cy), built from two 1-D arrays (cheap, separable)."""
        dx = ((self.xs - cx) / sx) ** 2
        dy = ((self.ys - cy) / sy) ** 2
        return dy[:, None] + dx[None, :]

    def add(self, layer: F32, colour: tuple[float, float, float], gain: float = 1.0,
            rows: slice | None = None) -> None:
        """rgb += layer * colour * gain (optionally only for a band of rows the layer covers)."""
        import numpy as np

        if gain <= 0.0:
            return
        rows = rows or slice(0, self.h)
        scratch = self._scratch[rows]
        for c in range(3):
            if colour[c] > 0.0:
                np.multiply(layer, np.float32(colour[c] * gain), out=scratch)
                self.rgb[c, rows] += scratch

    def add_radial(self, cx: float, cy: float, sx: float, sy: float, profile: F32) -> None:
        """Add a radially symmetric (elliptical) light whose colour at distance d is profile[:, d*STEPS].

        One distance map and one gather per channel, however many glows and rings the profile holds.
        """
        import numpy as np

        key = (cx, cy, sx, sy, profile.shape[1])
        idx = self._radial_index.get(key)
        if idx is None:  # the same geometry frame after frame (a still motif): the map is kept
            d = np.sqrt(self.dist2(cx, cy, sx, sy))
            d *= np.float32(self.RADIAL_STEPS)
            idx = np.minimum(d, np.float32(profile.shape[1] - 1)).astype(np.int32)
            if len(self._radial_index) >= 4:  # a moving motif: keep only the newest few
                self._radial_index.pop(next(iter(self._radial_index)))
            self._radial_index[key] = idx
        for c in range(3):
            np.take(profile[c], idx, out=self._scratch)
            self.rgb[c] += self._scratch

    def radial_axis(self) -> F32:
        """Distances sampled by add_radial's profile (0 .. the frame's diagonal)."""
        import numpy as np

        top = float(np.hypot(self.aspect * 2.0, 2.0)) * 2.0
        return np.arange(int(top * self.RADIAL_STEPS) + 1, dtype=np.float32) / np.float32(self.RADIAL_STEPS)

    def splat(self, xs: F32, ys: F32, weights: F32, colour: tuple[float, float, float],
              radius: int = 1) -> None:
        """Add soft dots at normalised points (particles, streaks, arcs): a small gaussian per point."""
        import numpy as np

        if xs.size == 0:
            return
        px = np.rint((xs + self.aspect) * self.px_per_unit).astype(np.intp)
        py = np.rint((ys + 1.0) * self.px_per_unit).astype(np.intp)
        span = np.arange(-radius, radius + 1)
        ox, oy = (a.ravel() for a in np.meshgrid(span, span))
        kernel = np.exp(-(ox * ox + oy * oy) / (1.2 * max(radius, 1) ** 2)).astype(np.float32)
        qx = (px[:, None] + ox[None, :]).ravel()
        qy = (py[:, None] + oy[None, :]).ravel()
        w = (weights[:, None] * kernel[None, :]).ravel()
        ok = (qx >= 0) & (qx < self.w) & (qy >= 0) & (qy < self.h)
        flat, w = qy[ok] * self.w + qx[ok], w[ok]
        for c in range(3):
            if colour[c] > 0.0:
                np.add.at(self.rgb[c].reshape(-1), flat, w * np.float32(colour[c]))

    def rows_near(self, y_lo: float, y_hi: float) -> slice:
        """The pixel rows covering normalised y in [y_lo, y_hi] (for layers that touch a band only)."""
        top = max(0, int((y_lo + 1.0) * self.px_per_unit))
        bottom = min(self.h, int((y_hi + 1.0) * self.px_per_unit) + 1)
        return slice(top, max(top, bottom))

    def to_uint8(self, exposure: float = 1.0) -> NDArray[np.uint8]:
        """Filmic roll-off (1 - e^-x) so bright light saturates gently instead of clipping, then gamma;
        returns interleaved (h, w, 3) RGB."""
        import numpy as np

        out = self.rgb * np.float32(-exposure)
        np.exp(out, out=out)
        np.subtract(np.float32(1.0), out, out=out)
        np.sqrt(out, out=out)  # gamma 2.0: cheap and close enough to sRGB for glows
        out *= np.float32(255.0)
        planes = out.astype(np.uint8)
        return np.stack((planes[0], planes[1], planes[2]), axis=-1)
