"""From the drawn canvas to the encoder's frame: read back, convert to YUV 4:2:0 (BT.709), then grain.

Grain is added to the Y plane after conversion, in numpy (which releases the GIL, so the encoder's thread
runs meanwhile): film grain that changes every frame for the glossy and clay looks, a fixed paper texture
for watercolour, cut-out and the illustration (paper does not move). Either way it is the dither that
keeps dark gradients from banding in 8 bits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import skia

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from healthviz_desktop.core.render.looks import Look

PAPER_STYLES = frozenset({"watercolour", "paper_cutout", "scientific_illustration"})
FILM_TILES = 6
LIFT = 12  # grain never moves a pixel more than this many code values


class Grain:
    def __init__(self, width: int, height: int, look: Look, seed: int) -> None:
        self.w, self.h = width, height
        self.amp = float(look.grain)  # film grain, or the paper's tooth
        self.paper = look.key in PAPER_STYLES
        self.seed = seed
        self._tiles: list[NDArray[np.uint8]] = []
        self._stride = 0

    def _make(self, stride: int) -> None:
        import numpy as np

        rng = np.random.default_rng(self.seed & 0xFFFFFFFF)
        count = 1 if self.paper else FILM_TILES
        self._tiles = []
        for _ in range(count):
            # stored as uint8 modulo 256 (-3 as 253), so adding it is one in-place uint8 pass whose
            # wrap-around is the subtraction: limited-range Y lies in 16..235, so the sum never leaves 0..255
            if self.paper:  # fibres: streaky noise, longer across than down
                base = rng.standard_normal((self.h // 2 + 1, stride // 4 + 1)).astype(np.float32)
                field = np.repeat(np.repeat(base, 2, axis=0), 4, axis=1)[: self.h, :stride]
                field += rng.standard_normal((self.h, stride)).astype(np.float32) * 0.6
                grain = np.clip(np.rint(field * self.amp), -LIFT, LIFT).astype(np.int8)
            else:  # film: clumps of two pixels, as grain reads at this size
                base = rng.standard_normal((self.h // 2 + 1, stride // 2 + 1)).astype(np.float32)
                # scaled and rounded before it is enlarged: the same values for a quarter of the work
                # (six tiles at 1280x720: 39 ms before, 22 ms now, on the way to the first frame)
                clumps = np.clip(np.rint(base * self.amp), -LIFT, LIFT).astype(np.int8)
                grain = np.repeat(np.repeat(clumps, 2, axis=0), 2, axis=1)[: self.h, :stride]
            self._tiles.append(np.ascontiguousarray(grain).view(np.uint8))
        self._stride = stride

    def apply(self, frame: Any, index: int) -> None:
        import numpy as np

        if self.amp <= 0:
            return
        plane = frame.planes[0]
        stride = int(plane.line_size)
        if stride != self._stride:
            self._make(stride)
        y = np.frombuffer(memoryview(plane), dtype=np.uint8)[: stride * self.h].reshape(self.h, stride)
        y += self._tiles[index % len(self._tiles)]


class Readback:
    """The surface a frame is drawn on and the BGRA video frame it becomes, one of each, reused for every
    frame. When the frame's rows have no padding (any width a multiple of 16, as 1280 and 720) the surface
    draws straight into the frame's buffer, so there is nothing to read back (a 1280x720 copy was
    0.3-0.5 ms of a ~15 ms frame); otherwise the canvas is read into the buffer. The conversion to YUV
    then makes the frame the encoder keeps."""

    def __init__(self, width: int, height: int) -> None:
        import av
        import numpy as np

        self.w, self.h = width, height
        self.frame = av.VideoFrame(width, height, "bgra")
        plane = self.frame.planes[0]
        self.stride = int(plane.line_size)
        self.pixels = np.frombuffer(memoryview(plane), dtype=np.uint8)
        self.info = skia.ImageInfo.Make(width, height, skia.kBGRA_8888_ColorType, skia.kPremul_AlphaType)
        self.direct = self.stride == width * 4
        if self.direct:  # the array keeps the frame's buffer alive as long as the surface draws on it
            rows = self.pixels[: self.stride * height].reshape(height, width, 4)
            self.surface = skia.Surface(rows, skia.kBGRA_8888_ColorType, skia.kPremul_AlphaType)
            self.surface.getCanvas().clear(0)  # as a surface of its own starts (the buffer is not zeroed)
        else:
            self.surface = skia.Surface(width, height)

    def read(self, surface: skia.Surface) -> Any:
        if not (self.direct and surface is self.surface):
            surface.readPixels(self.info, self.pixels, self.stride)
        return self.frame


def to_video_frame(surface: skia.Surface, readback: Readback, grain: Grain, index: int) -> Any:
    frame = readback.read(surface)
    out = frame.reformat(format="yuv420p", dst_colorspace="ITU709", interpolation="BILINEAR")
    grain.apply(out, index)
    return out


def image_from_array(array: NDArray[np.uint8]) -> skia.Image:
    """A Skia image from an RGB or RGBA (straight alpha) uint8 array."""
    import numpy as np

    from healthviz_desktop.core.render.kit import native

    arr = np.asarray(array, dtype=np.uint8)
    if arr.ndim != 3 or arr.shape[2] not in (3, 4):
        raise ValueError("an image must be an RGB or RGBA array (height, width, 3 or 4)")
    if arr.shape[2] == 3:
        rgba = np.concatenate([arr, np.full((*arr.shape[:2], 1), 255, np.uint8)], axis=2)
    else:
        rgba = arr.copy()
        alpha = rgba[..., 3:4].astype(np.uint16)
        rgba[..., :3] = (rgba[..., :3].astype(np.uint16) * alpha // 255).astype(np.uint8)
    return native(np.ascontiguousarray(rgba))
