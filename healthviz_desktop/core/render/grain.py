"""Grain for the local renderer's looks: a translucent texture of value noise, with optional fibre strokes, laid
over a ground (paper, clay, frost). Kept apart from kit.py's drawing primitives; numpy is imported on first use."""

from __future__ import annotations

import math

import skia

from healthviz_desktop.core.render.kit import RGB, TAU, native, paint


def noise_image(w: int, h: int, seed: int, *, scale: int = 1, tone: RGB = (1.0, 1.0, 1.0),
                alpha: float = 0.1, fibres: int = 0) -> skia.Image:
    """A grainy texture (paper, clay, frost): value noise blurred by `scale`, with optional fibre strokes,
    returned as a translucent image to lay over a ground."""
    import numpy as np

    rng = np.random.default_rng(seed)
    small = rng.random((max(1, h // scale), max(1, w // scale)), dtype=np.float32)
    # the work on the small field, then enlarged: a quarter (scale 2) or a ninth (3) of the arithmetic
    a_small = (np.abs(small - np.float32(0.5)) * np.float32(2.0 * alpha * 255)).astype(np.uint8)
    light = small > 0.5
    texel = np.zeros((*small.shape, 4), dtype=np.uint8)
    for i in range(3):  # premultiplied: a light texel's colour is its tone times its alpha, a dark one's 0
        texel[..., i] = np.where(light, (a_small * np.float32(tone[i])).astype(np.uint8), 0)
    texel[..., 3] = a_small
    out = np.repeat(np.repeat(texel, scale, axis=0), scale, axis=1)[:h, :w]
    if out.shape[:2] != (h, w):
        out = np.pad(out, ((0, h - out.shape[0]), (0, w - out.shape[1]), (0, 0)), mode="edge")
    out = np.ascontiguousarray(out)
    img = native(out)
    if fibres:
        surface = skia.Surface(w, h)
        cv = surface.getCanvas()
        cv.clear(0)
        cv.drawImage(img, 0, 0)
        for _ in range(fibres):
            x, y = float(rng.random() * w), float(rng.random() * h)
            ang, ln = float(rng.random() * TAU), float(8 + rng.random() * 40)
            cv.drawLine(x, y, x + math.cos(ang) * ln, y + math.sin(ang) * ln,
                        paint(tone if rng.random() > 0.5 else (0.0, 0.0, 0.0), alpha * 0.8, stroke=0.8))
        img = surface.makeImageSnapshot()
    return img
