"""Small drawing helpers over Skia (skia-python): colours, paints, paths, light sprites and noise images.

Measured on the 2-core machine at 1280x720: any blend mode other than source-over costs ~30 ns a pixel
(a full-frame overlay ~10 ms), so light is added with source-over of premultiplied sprites whose alpha is
below their colour (alpha 0 is pure addition). Images made from numpy arrays are redrawn into a native
surface once (a foreign pixel format is converted on every draw, 25x slower).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import skia

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

RGB = tuple[float, float, float]
TAU = 2.0 * math.pi
LINEAR = skia.SamplingOptions(skia.FilterMode.kLinear)
NEAREST = skia.SamplingOptions()


def hex_rgb(value: str) -> RGB:
    """'#b0123a' -> (0.69, 0.07, 0.23); bad input gives a neutral grey rather than failing a render."""
    text = value.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        r, g, b = (int(text[i:i + 2], 16) / 255.0 for i in (0, 2, 4))
    except (ValueError, IndexError):
        return (0.5, 0.5, 0.5)
    return (r, g, b)


def luma(c: RGB) -> float:
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def mix(a: RGB, b: RGB, k: float) -> RGB:
    k = max(0.0, min(1.0, k))
    return (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k)


def shade(c: RGB, k: float) -> RGB:
    """k > 0 lightens towards white, k < 0 darkens towards black."""
    return mix(c, (1.0, 1.0, 1.0), k) if k >= 0 else mix(c, (0.0, 0.0, 0.0), -k)


def grey(c: RGB, k: float) -> RGB:
    """Desaturate by k (0..1)."""
    y = luma(c)
    return mix(c, (y, y, y), k)


def kelvin_rgb(kelvin: float) -> RGB:
    """An approximate light colour for a colour temperature (Tanner Helland's fit), 0..1."""
    t = max(1000.0, min(12000.0, kelvin)) / 100.0
    r = 255.0 if t <= 66 else 329.7 * (t - 60) ** -0.1332
    g = 99.47 * math.log(t) - 161.1 if t <= 66 else 288.1 * (t - 60) ** -0.0755
    b = 255.0 if t >= 66 else (0.0 if t <= 19 else 138.5 * math.log(t - 10) - 305.0)
    return (min(1.0, max(0.0, r / 255)), min(1.0, max(0.0, g / 255)), min(1.0, max(0.0, b / 255)))


def color(c: RGB, alpha: float = 1.0) -> int:
    """ARGB as skia.Color packs it, in plain arithmetic: called ~100 times a frame, the call into Skia and
    a generator cost 2.6 us a colour against 0.7 us."""
    r, g, b = c
    return ((int(max(0.0, min(1.0, alpha)) * 255 + 0.5) << 24) | (int(max(0.0, min(1.0, r)) * 255 + 0.5) << 16)
            | (int(max(0.0, min(1.0, g)) * 255 + 0.5) << 8) | int(max(0.0, min(1.0, b)) * 255 + 0.5))


def paint(c: RGB = (1.0, 1.0, 1.0), alpha: float = 1.0, *, stroke: float = 0.0, blur: float = 0.0,
          cap_round: bool = True, shader: Any = None) -> skia.Paint:
    p = skia.Paint()  # set one by one: Skia's keyword constructor costs 1.6 us against 0.9 us
    p.setAntiAlias(True)
    p.setColor(color(c, alpha))
    p.setDither(True)
    if stroke > 0:
        p.setStyle(skia.Paint.kStroke_Style)
        p.setStrokeWidth(stroke)
        if cap_round:
            p.setStrokeCap(skia.Paint.kRound_Cap)
            p.setStrokeJoin(skia.Paint.kRound_Join)
    if blur > 0:
        p.setMaskFilter(skia.MaskFilter.MakeBlur(skia.kNormal_BlurStyle, blur))
    if shader is not None:
        p.setShader(shader)
    return p


def linear(x0: float, y0: float, x1: float, y1: float, colours: list[tuple[RGB, float]],
           stops: list[float] | None = None) -> Any:
    return skia.GradientShader.MakeLinear([(x0, y0), (x1, y1)], [color(c, a) for c, a in colours], stops)


def vertical(c: skia.Canvas, y0: float, y1: float, colours: list[tuple[RGB, float]],
             stops: list[float] | None = None) -> Any:
    """A top-to-bottom gradient for a shape drawn every frame. Under a matrix that only scales and moves,
    it is baked into a one-pixel column and sampled as an image: measured at 1280x720, a full-frame fill
    costs 0.6 ms that way against 6-9 ms for Skia's (dithered) gradient. The bake differs by at most two
    code values, below the grain added later. Under a turned matrix an image shader costs 3x a gradient,
    so the gradient is kept there."""
    if not _unturned(c) or y1 - y0 < 1.0:
        return linear(0.0, y0, 0.0, y1, colours, stops)
    column = _column(tuple(color(col, a) for col, a in colours), tuple(stops) if stops else None)
    m = skia.Matrix.Translate(0.0, y0)
    m.preScale(1.0, (y1 - y0) / RAMP)
    return column.makeShader(skia.TileMode.kClamp, skia.TileMode.kClamp, LINEAR, m)


def radial(x: float, y: float, r: float, colours: list[tuple[RGB, float]], stops: list[float] | None = None) -> Any:
    return skia.GradientShader.MakeRadial((x, y), max(r, 0.5), [color(c, a) for c, a in colours], stops)


RAMP = 256  # samples in a baked gradient column


@lru_cache(maxsize=256)
def _column(colours: tuple[int, ...], stops: tuple[float, ...] | None) -> skia.Image:
    surface = skia.Surface(1, RAMP)
    shader = skia.GradientShader.MakeLinear([(0, 0), (0, RAMP)], list(colours), list(stops) if stops else None)
    surface.getCanvas().drawRect(skia.Rect.MakeWH(1, RAMP), skia.Paint(Shader=shader))
    return surface.makeImageSnapshot()


@lru_cache(maxsize=256)
def _swatch(argb: int) -> skia.Shader:
    """A one-pixel image shader of an opaque colour (the paint's alpha applies to it)."""
    surface = skia.Surface(1, 1)
    surface.getCanvas().clear(argb)
    return surface.makeImageSnapshot().makeShader(skia.TileMode.kRepeat, skia.TileMode.kRepeat, NEAREST)


def _unturned(c: skia.Canvas) -> bool:
    m = c.getTotalMatrix()
    return m.getSkewX() == 0 and m.getSkewY() == 0 and not m.hasPerspective()


def _plain_translucent(p: skia.Paint) -> bool:
    return (p.getShader() is None and p.getAlpha() < 255 and p.getBlendMode() == skia.BlendMode.kSrcOver
            and p.getPathEffect() is None and p.getMaskFilter() is None)


FAST_STROKE = 3.0  # thinner strokes are no faster as a swatch (hairlines are slower)


def _fast(c: skia.Canvas, p: skia.Paint) -> skia.Paint:
    shader = p.getShader()
    if shader is not None:
        if p.isDither() and shader.isAImage():  # a dithered image shader leaves the 8-bit pipeline: 15x slower
            q = skia.Paint(p)
            q.setDither(False)
            return q
        return p
    if p.getAlpha() == 255 or p.getBlendMode() != skia.BlendMode.kSrcOver or not _unturned(c):
        return p
    if p.getStyle() != skia.Paint.kFill_Style and p.getStrokeWidth() < FAST_STROKE:
        return p
    # Not cached per paint: objects kept from inside the draw thread, between the frames it allocates,
    # stop the allocator returning freed frames (a render's peak memory went from 160 to 500 MB).
    q = skia.Paint(p)
    q.setShader(_swatch(p.getColor() | 0xFF000000))
    q.setDither(False)
    return q


class FastCanvas:
    """The canvas a frame is drawn on: a skia.Canvas whose translucent solid fills (and wide strokes) go
    through a one-pixel image shader while the matrix only scales and moves. Measured at 1280x720, Skia
    blends a translucent colour at ~3.5 ns a pixel (a full-frame veil 3.2 ms) and the same colour as an
    image shader, in its 8-bit pipeline, at ~0.4 ns (0.35 ms), within one code value of each other. Under a
    turned matrix the image shader is the slower one (11 ms), so those draws are passed through unchanged,
    as is everything else (any other call is the wrapped canvas's own)."""

    __slots__ = ("canvas",)

    def __init__(self, canvas: skia.Canvas) -> None:
        self.canvas = canvas

    def __getattr__(self, name: str) -> Any:
        return getattr(self.canvas, name)

    def drawPath(self, path: skia.Path, p: skia.Paint) -> None:  # Skia's method names
        c = self.canvas
        if not _unturned(c) and _plain_translucent(p):
            # Under a turned camera, the path is turned here instead and drawn unturned, where the swatch
            # applies: a translucent fill of a third of a 1280x720 frame at 1 degree cost 2.4 ms, turned
            # beforehand 0.65 ms, within one code value. Skia turns the path's points the same way itself;
            # a stroke's width follows the matrix's scale (the camera only moves, scales and turns).
            m = c.getTotalMatrix()
            scale = math.sqrt(abs(m.getScaleX() * m.getScaleY() - m.getSkewX() * m.getSkewY()))
            similar = m.getScaleX() == m.getScaleY() and m.getSkewX() == -m.getSkewY() and not m.hasPerspective()
            stroked = p.getStyle() != skia.Paint.kFill_Style
            if similar and (not stroked or p.getStrokeWidth() * scale >= FAST_STROKE):
                turned = skia.Path(path)
                turned.transform(m)
                q = skia.Paint(p)
                if stroked:
                    q.setStrokeWidth(p.getStrokeWidth() * scale)
                c.save()
                c.resetMatrix()
                c.drawPath(turned, _fast(c, q))
                c.restore()
                return
        c.drawPath(path, _fast(c, p))

    def drawRect(self, rect: skia.Rect, p: skia.Paint) -> None:
        self.canvas.drawRect(rect, _fast(self.canvas, p))

    def drawCircle(self, x: float, y: float, r: float, p: skia.Paint) -> None:
        # a small disc (a star, a ring) costs less than converting its paint
        self.canvas.drawCircle(x, y, r, _fast(self.canvas, p) if r >= 16 else p)


def poly(points: list[tuple[float, float]], closed: bool = True) -> skia.Path:
    path = skia.Path()
    if not points:
        return path
    path.moveTo(*points[0])
    for p in points[1:]:
        path.lineTo(*p)
    if closed:
        path.close()
    return path


def smooth(points: list[tuple[float, float]], closed: bool = False) -> skia.Path:
    """A curve through the points (quadratic segments between midpoints): no corners."""
    path = skia.Path()
    n = len(points)
    if n < 3:
        return poly(points, closed)
    if closed:
        mids = [((points[i][0] + points[(i + 1) % n][0]) / 2, (points[i][1] + points[(i + 1) % n][1]) / 2)
                for i in range(n)]
        path.moveTo(*mids[-1])
        for i in range(n):
            path.quadTo(points[i][0], points[i][1], mids[i][0], mids[i][1])
        path.close()
        return path
    path.moveTo(*points[0])
    for i in range(1, n - 1):
        mx, my = (points[i][0] + points[i + 1][0]) / 2, (points[i][1] + points[i + 1][1]) / 2
        path.quadTo(points[i][0], points[i][1], mx, my)
    path.lineTo(*points[-1])
    return path


def circle(x: float, y: float, r: float) -> skia.Path:
    path = skia.Path()
    path.addCircle(x, y, max(r, 0.1))
    return path


def oval(x: float, y: float, rx: float, ry: float) -> skia.Path:
    path = skia.Path()
    path.addOval(skia.Rect.MakeLTRB(x - rx, y - ry, x + rx, y + ry))
    return path


def rrect(x: float, y: float, w: float, h: float, r: float) -> skia.Path:
    path = skia.Path()
    path.addRRect(skia.RRect.MakeRectXY(skia.Rect.MakeXYWH(x, y, w, h), r, r))
    return path


def gear(x: float, y: float, r: float, teeth: int, angle: float) -> skia.Path:
    pts = []
    for i in range(teeth * 4):
        a = angle + TAU * i / (teeth * 4)
        rr = r if (i % 4) in (0, 1) else r * 0.82
        pts.append((x + math.cos(a) * rr, y + math.sin(a) * rr))
    path = poly(pts)
    path.addCircle(x, y, r * 0.28)
    path.setFillType(skia.PathFillType.kEvenOdd)
    return path


def native(array: NDArray[np.uint8]) -> skia.Image:
    """A Skia image in the surface's own pixel format from an RGBA (premultiplied) uint8 array."""
    h, w = array.shape[:2]
    img = skia.Image.fromarray(array, colorType=skia.kRGBA_8888_ColorType, alphaType=skia.kPremul_AlphaType)
    surface = skia.Surface(w, h)
    surface.getCanvas().clear(0)
    surface.getCanvas().drawImage(img, 0, 0)
    return surface.makeImageSnapshot()


@lru_cache(maxsize=64)
def light_sprite(c: RGB, additive: float = 1.0, size: int = 128) -> skia.Image:
    """A soft round light: gaussian falloff in colour c. additive 1 adds light (alpha 0), 0 paints over."""
    import numpy as np

    ax = (np.arange(size, dtype=np.float32) + 0.5) / size * 2 - 1
    d2 = ax[None, :] ** 2 + ax[:, None] ** 2
    fall = np.exp(-d2 * 4.5) * np.clip(1.0 - d2, 0.0, 1.0)
    out = np.empty((size, size, 4), dtype=np.uint8)
    for i in range(3):
        out[..., i] = (fall * c[i] * 255).astype(np.uint8)
    out[..., 3] = (fall * (1.0 - additive) * 255).astype(np.uint8)
    return native(out)


def draw_light(canvas: skia.Canvas, x: float, y: float, r: float, c: RGB, strength: float = 1.0,
               additive: float = 1.0) -> None:
    """A glow of radius r (bloom): one sprite, scaled."""
    if strength <= 0.01 or r <= 0.5:
        return
    _sprite(canvas, _q(c), round(additive, 1), x, y, r, r, strength)


def soft(canvas: skia.Canvas, x: float, y: float, rx: float, ry: float, c: RGB, alpha: float) -> None:
    """A soft-edged blob (a blurred ellipse) painted over: the sprite, not a per-frame blur."""
    if alpha <= 0.01 or rx <= 0.5 or ry <= 0.5:
        return
    _sprite(canvas, _q(c), 0.0, x, y, rx, ry, alpha)


BIG_SPRITE = 512  # a sprite drawn this many pixels across or more comes from the large copy, unfiltered
BIG_FROM = 64


def _sprite(canvas: skia.Canvas, c: RGB, additive: float, x: float, y: float, rx: float, ry: float,
            alpha: float) -> None:
    """Draw a round sprite. Under a turned canvas (spin, sway, orbit) an image draw costs ~8x more
    (12 ms against 1.5 ms at r=300), and a round blob looks the same turned, so it is drawn unturned at
    the point the turned matrix maps its centre to. A large blob (a haze, a veil, a bloom) is drawn from a
    512-pixel copy without filtering: measured at r=300, 0.36 ms against 1.4 ms for the 128-pixel copy
    scaled bilinearly, within two code values of it (the falloff changes by about one code value per source
    pixel). Small ones keep the filtered copy, so they still move by fractions of a pixel."""
    p = skia.Paint()
    p.setAlphaf(min(1.0, alpha))
    m = canvas.getTotalMatrix()
    s = math.sqrt(abs(m.getScaleX() * m.getScaleY() - m.getSkewX() * m.getSkewY()))
    big = 2.0 * max(rx, ry) * s >= BIG_FROM
    sprite = light_sprite(c, additive, BIG_SPRITE) if big else light_sprite(c, additive)
    sampling = NEAREST if big else LINEAR
    if m.rectStaysRect():
        canvas.drawImageRect(sprite, skia.Rect.MakeLTRB(x - rx, y - ry, x + rx, y + ry), sampling, p)
        return
    cx, cy = m.mapXY(x, y)
    canvas.save()
    canvas.resetMatrix()
    canvas.drawImageRect(sprite, skia.Rect.MakeLTRB(cx - rx * s, cy - ry * s, cx + rx * s, cy + ry * s), sampling, p)
    canvas.restore()


def _q(c: RGB) -> RGB:
    return (round(c[0], 2), round(c[1], 2), round(c[2], 2))


def ease(x: float) -> float:
    """Smoothstep on 0..1 (eased motion: no sudden starts or stops)."""
    x = max(0.0, min(1.0, x))
    return x * x * (3.0 - 2.0 * x)


def window(p: float, start: float, end: float) -> float:
    """0 before start, 1 after end, eased between."""
    if end <= start:
        return 1.0 if p >= end else 0.0
    return ease((p - start) / (end - start))


def bump(p: float, start: float, end: float) -> float:
    """0 outside [start, end], rising to 1 and back with easing (a cue that comes and goes)."""
    if p <= start or p >= end:
        return 0.0
    x = (p - start) / (end - start)
    return math.sin(math.pi * x) ** 2
