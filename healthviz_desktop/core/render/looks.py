"""The five styles as five ways of putting the same things on the page (not tints).

Every subject, setting, motion and cue draws through a Look's few verbs: ``ground`` (the static backdrop),
``solid`` (an object), ``glass`` (a translucent object), ``line`` (a cord, filament or crack), ``light`` (a
glow) and ``dots`` (particles). Each style answers them its own way:

- abstract 3D: dark ground, glossy gradient fills with a specular highlight and a rim light, additive bloom;
- watercolour: warm paper with fibres, translucent washes that bleed past their edge, pigment pooling at
  the rim, light left as unpainted paper inside a wash;
- paper cut-out: coloured card, opaque flat shapes with a two-step drop shadow and a bright cut edge,
  light as stepped paper discs;
- clay: matte modelled forms lit from the upper left, a contact shadow, tool marks, pores in the texture;
- scientific illustration: muted ground with a faint grid, pale fills with hatching and precise ink
  outlines, light as concentric rings with ticks.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import skia

from healthviz_desktop.core.render.grain import noise_image
from healthviz_desktop.core.render.kit import (
    RGB,
    circle,
    draw_light,
    grey,
    linear,
    luma,
    mix,
    paint,
    radial,
    shade,
    soft,
    vertical,
)

WHITE: RGB = (1.0, 1.0, 1.0)
NEAREST_SAMPLING = skia.SamplingOptions()
BLACK: RGB = (0.0, 0.0, 0.0)


def hairline(c: RGB, alpha: float = 1.0) -> skia.Paint:
    """A line one device pixel wide at any zoom or turn of the canvas. Skia draws a 1-pixel stroke as a
    hairline only while the canvas neither enlarges nor turns it (turned, rounding makes it 1.0000001 px),
    and the benchmark's scenes all push in or turn; otherwise it pays for a full anti-aliased stroke:
    150 us against 16 us along a gear's outline. A caller drawing a line thinner than a pixel passes its width
    in as opacity, as Skia does itself."""
    p = paint(c, alpha)
    p.setStyle(skia.Paint.kStroke_Style)
    p.setStrokeWidth(0.0)
    return p


class Look:
    key = "abstract_3d"
    dark = True  # a dark ground: lights add; on a light ground they are painted
    grain = 3.2  # film grain amplitude on the Y plane (code values)
    far_blur = 6.0  # depth of field: how soft the far layer is (pixels at 720p)

    def __init__(self, unit: float) -> None:
        self.u = unit  # pixels per half of the frame's short side

    # ---- static --------------------------------------------------------------------------------------
    def ground(self, c: skia.Canvas, w: int, h: int, top: RGB, bottom: RGB) -> None:
        c.drawRect(skia.Rect.MakeWH(w, h), paint(shader=linear(0, 0, 0, h, [(top, 1.0), (bottom, 1.0)])))

    def texture(self, c: skia.Canvas, w: int, h: int, seed: int) -> None:
        """Baked into the static layer: paper, clay pores (nothing for glossy 3D)."""

    def vignette(self, c: skia.Canvas, w: int, h: int, strength: float = 0.55) -> None:
        r = math.hypot(w, h) / 2
        c.drawRect(skia.Rect.MakeWH(w, h), paint(shader=radial(w / 2, h / 2, r, [
            (BLACK, 0.0), (BLACK, 0.0), (BLACK, strength)], [0.0, 0.55, 1.0])))

    # ---- objects -------------------------------------------------------------------------------------
    def solid(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        b = path.getBounds()
        c.drawPath(path, paint(alpha=alpha, shader=vertical(c, b.top(), b.bottom(), [
            (shade(col, 0.35), alpha), (col, alpha), (shade(col, -0.55), alpha)], [0.0, 0.45, 1.0])))
        c.drawPath(path, paint(shade(col, 0.7), 0.55 * alpha, stroke=max(1.0, self.u * 0.006)))
        hx, hy = b.left() + b.width() * 0.32, b.top() + b.height() * 0.22
        hr = max(2.0, min(b.width(), b.height()) * 0.16)
        soft(c, hx, hy, hr * 1.6, hr * 0.9, WHITE, 0.35 * alpha)

    def glass(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        b = path.getBounds()
        c.drawPath(path, paint(shader=linear(b.left(), b.top(), b.right(), b.bottom(), [
            (shade(col, 0.6), 0.16 * alpha), (col, 0.05 * alpha), (shade(col, 0.4), 0.12 * alpha)])))
        c.drawPath(path, paint(shade(col, 0.75), 0.45 * alpha, stroke=max(1.0, self.u * 0.005)))

    def line(self, c: skia.Canvas, path: skia.Path, col: RGB, width: float, alpha: float = 1.0) -> None:
        c.drawPath(path, paint(col, 0.18 * alpha, stroke=width * 3.2))
        c.drawPath(path, paint(col, alpha, stroke=width))
        c.drawPath(path, paint(shade(col, 0.6), 0.6 * alpha, stroke=max(0.8, width * 0.35)))

    def light(self, c: skia.Canvas, x: float, y: float, r: float, col: RGB, strength: float = 1.0) -> None:
        draw_light(c, x, y, r * 2.4, col, 0.55 * strength)
        draw_light(c, x, y, r, shade(col, 0.35), strength)
        draw_light(c, x, y, r * 0.35, shade(col, 0.85), strength)

    def dots(self, c: skia.Canvas, pts: list[tuple[float, float]], col: RGB, size: float, alpha: float = 1.0) -> None:
        if pts:
            c.drawPoints(skia.Canvas.kPoints_PointMode, [skia.Point(x, y) for x, y in pts],
                         paint(col, alpha, stroke=size))

    def ink(self, col: RGB) -> RGB:
        """The colour a line in colour `col` takes in this style."""
        return col


class Watercolour(Look):
    key = "watercolour"
    dark = False
    grain = 1.6
    far_blur = 3.0

    def ground(self, c: skia.Canvas, w: int, h: int, top: RGB, bottom: RGB) -> None:
        paper = (0.96, 0.94, 0.88)
        c.drawRect(skia.Rect.MakeWH(w, h), paint(paper))
        # a graded wash, strongest at the top, fading to bare paper, with blooms of a second colour
        c.drawRect(skia.Rect.MakeWH(w, h), paint(shader=linear(0, 0, 0, h, [
            (mix(top, paper, 0.2), 0.55), (mix(top, paper, 0.5), 0.25), (mix(bottom, paper, 0.4), 0.3)],
            [0.0, 0.55, 1.0])))
        for k in range(5):
            x, y = w * (0.1 + 0.2 * k), h * (0.2 + 0.5 * ((k * 0.618) % 1.0))
            soft(c, x, y, w * 0.2, h * 0.25, mix(bottom if k % 2 else top, paper, 0.3), 0.18)

    def texture(self, c: skia.Canvas, w: int, h: int, seed: int) -> None:
        c.drawImage(noise_image(w, h, seed, scale=2, tone=(1.0, 0.98, 0.92), alpha=0.05, fibres=200), 0, 0)

    def vignette(self, c: skia.Canvas, w: int, h: int, strength: float = 0.25) -> None:
        super().vignette(c, w, h, 0.18)

    def ink(self, col: RGB) -> RGB:
        return shade(col, -0.1) if luma(col) > 0.6 else col

    def solid(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        col = self.ink(col)
        c.save()
        c.translate(self.u * 0.012, self.u * 0.008)
        # the wash bleeds past the edge: a wide faint stroke (a second fill would cost the whole area again)
        c.drawPath(path, paint(col, 0.16 * alpha, stroke=self.u * 0.03))
        c.restore()
        c.drawPath(path, paint(col, 0.5 * alpha))
        c.drawPath(path, paint(shade(col, -0.35), 0.2 * alpha, stroke=self.u * 0.014))  # pigment pools at the rim
        # its dried edge: a hairline as dark as the 1.8-pixel line it was (a quarter of the cost)
        c.drawPath(path, hairline(shade(col, -0.4), min(1.0, 0.35 * alpha * max(1.0, self.u * 0.005))))

    def glass(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        col = self.ink(col)
        c.drawPath(path, paint(col, 0.1 * alpha))
        c.drawPath(path, paint(shade(col, -0.3), 0.3 * alpha, stroke=self.u * 0.006))

    def line(self, c: skia.Canvas, path: skia.Path, col: RGB, width: float, alpha: float = 1.0) -> None:
        col = self.ink(col)
        if width >= 2.0:  # a brush line bleeds; a pen line under two pixels (rain, sparkle) stays crisp,
            # which also spares the most numerous strokes of a frame their second pass
            c.drawPath(path, paint(col, 0.2 * alpha, stroke=width * 2.2))
        if 1.0 <= width < 1.5:  # the finest pen (rain, wind at 720p): two hairlines side by side, as wide and
            # as dark as the stroke; a 1.44-pixel stroke of 120 rain streaks cost 0.47 ms a frame, these 0.1 ms
            pen = hairline(shade(col, -0.2), 0.75 * alpha)
            c.drawPath(path, pen)
            c.save()
            c.translate((width - 1.0) * 0.7, (width - 1.0) * 0.7)
            c.drawPath(path, pen)
            c.restore()
            return
        c.drawPath(path, paint(shade(col, -0.2), 0.75 * alpha, stroke=width))

    def light(self, c: skia.Canvas, x: float, y: float, r: float, col: RGB, strength: float = 1.0) -> None:
        col = self.ink(col)
        draw_light(c, x, y, r * 2.0, col, 0.55 * strength, additive=0.0)  # a wash around it
        draw_light(c, x, y, r * 0.8, (0.97, 0.95, 0.9), 0.9 * strength, additive=0.0)  # paper left bare

    def dots(self, c: skia.Canvas, pts: list[tuple[float, float]], col: RGB, size: float, alpha: float = 1.0) -> None:
        super().dots(c, pts, shade(self.ink(col), -0.2), size * 1.2, alpha * 0.8)


class PaperCutout(Look):
    key = "paper_cutout"
    dark = False
    grain = 1.8
    far_blur = 0.0  # deep focus

    def ground(self, c: skia.Canvas, w: int, h: int, top: RGB, bottom: RGB) -> None:
        card = (0.78, 0.72, 0.64)  # coloured card: the palette's tones on a warm mid-tone stock
        top, bottom = mix(grey(top, 0.2), card, 0.3), mix(bottom, card, 0.2)
        c.drawRect(skia.Rect.MakeWH(w, h), paint(top))
        # layered card hills far behind, each a step darker: the cut-out's depth
        for k in range(3):
            y0 = h * (0.62 + 0.1 * k)
            pts = [(0.0, float(h))] + [(w * i / 8, y0 + math.sin(i * 1.7 + k) * h * 0.04) for i in range(9)]
            pts.append((float(w), float(h)))
            path = skia.Path()
            path.moveTo(*pts[0])
            for p in pts[1:]:
                path.lineTo(*p)
            path.close()
            self.solid(c, path, mix(top, bottom, 0.35 + 0.3 * k))

    def texture(self, c: skia.Canvas, w: int, h: int, seed: int) -> None:
        c.drawImage(noise_image(w, h, seed, scale=1, tone=(1.0, 1.0, 0.96), alpha=0.07, fibres=160), 0, 0)

    def vignette(self, c: skia.Canvas, w: int, h: int, strength: float = 0.3) -> None:
        super().vignette(c, w, h, 0.3)

    def solid(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        d = self.u * 0.012
        b = path.getBounds()
        big = b.width() * b.height() > (self.u * 0.8) ** 2
        for k, a in ((2.4, 0.12), (1.2, 0.22)):
            c.save()
            c.translate(d * k * 0.6, d * k)
            # only the rim of a shadow shows past the card above it: a big shape's shadow is its outline
            c.drawPath(path, paint(BLACK, a * alpha, stroke=d * k * 2.2) if big else paint(BLACK, a * alpha))
            c.restore()
        c.drawPath(path, paint(col, alpha))
        # the cut edge catches the light: a hairline (one pixel at any size), which Skia draws for an
        # eighth of what a 1.4-pixel anti-aliased stroke costs along the same length
        c.drawPath(path, hairline(shade(col, 0.45), 0.5 * alpha))

    def glass(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        # tracing paper: a pale sheet with a crisp edge
        c.drawPath(path, paint(shade(col, 0.7), 0.28 * alpha))
        c.drawPath(path, paint(shade(col, 0.8), 0.6 * alpha, stroke=max(1.0, self.u * 0.004)))

    def line(self, c: skia.Canvas, path: skia.Path, col: RGB, width: float, alpha: float = 1.0) -> None:
        d = self.u * 0.012
        c.save()
        c.translate(d * 0.6, d)
        c.drawPath(path, paint(BLACK, 0.22 * alpha, stroke=width * 1.3, cap_round=False))
        c.restore()
        c.drawPath(path, paint(col, alpha, stroke=width * 1.3, cap_round=False))

    def light(self, c: skia.Canvas, x: float, y: float, r: float, col: RGB, strength: float = 1.0) -> None:
        steps = ((1.9, 0.25), (1.35, 0.45), (0.85, 0.8), (0.42, 1.0))
        for k, (rk, a) in enumerate(steps):
            rr = r * rk
            self.solid(c, circle(x, y, rr), shade(col, 0.25 * k), min(1.0, a * strength))

    def dots(self, c: skia.Canvas, pts: list[tuple[float, float]], col: RGB, size: float, alpha: float = 1.0) -> None:
        if pts:
            p = paint(col, alpha, stroke=size * 1.3, cap_round=False)  # square confetti
            c.drawPoints(skia.Canvas.kPoints_PointMode, [skia.Point(x, y) for x, y in pts], p)


class Clay(Look):
    key = "clay"
    dark = False
    grain = 2.0
    far_blur = 4.0

    def ground(self, c: skia.Canvas, w: int, h: int, top: RGB, bottom: RGB) -> None:
        wall, floor = mix(top, (0.62, 0.52, 0.45), 0.5), mix(bottom, (0.5, 0.42, 0.36), 0.5)
        c.drawRect(skia.Rect.MakeWH(w, h), paint(shader=linear(0, 0, 0, h, [
            (shade(wall, 0.1), 1.0), (wall, 1.0), (shade(floor, -0.15), 1.0), (floor, 1.0)], [0, 0.6, 0.62, 1])))

    def texture(self, c: skia.Canvas, w: int, h: int, seed: int) -> None:
        c.drawImage(noise_image(w, h, seed, scale=3, tone=(1.0, 0.95, 0.9), alpha=0.07), 0, 0)

    def vignette(self, c: skia.Canvas, w: int, h: int, strength: float = 0.35) -> None:
        super().vignette(c, w, h, 0.35)

    def solid(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        b = path.getBounds()
        cx, bottom, half = b.centerX(), b.bottom(), b.width() / 2
        soft(c, cx, bottom + half * 0.02, half * 1.1, half * 0.16 + self.u * 0.02, BLACK, 0.45 * alpha)
        r = max(b.width(), b.height()) * 0.75
        c.drawPath(path, paint(alpha=alpha, shader=radial(b.left() + b.width() * 0.3, b.top() + b.height() * 0.25, r, [
            (shade(col, 0.3), alpha), (col, alpha), (shade(col, -0.45), alpha)], [0.0, 0.45, 1.0])))
        c.save()
        # a form wider than the frame is a backdrop (the "surface" region's sheet), whose marks lie well inside
        # it: clipping to it built an anti-aliased mask the size of the frame (about a millisecond a frame)
        if b.width() <= c.getBaseLayerSize().width():
            c.clipPath(path, doAntiAlias=True)
        marks = skia.Path()
        for k in range(3):  # tool marks: shallow scoops across the form
            y = b.top() + b.height() * (0.3 + 0.2 * k)
            marks.moveTo(b.left() + b.width() * 0.2, y)
            marks.quadTo(cx, y + b.height() * 0.06, b.right() - b.width() * 0.2, y - b.height() * 0.02)
        c.drawPath(marks, paint(shade(col, -0.3), 0.22 * alpha, stroke=max(1.0, self.u * 0.007)))
        c.restore()

    def glass(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        c.drawPath(path, paint(shade(col, 0.5), 0.16 * alpha))
        c.drawPath(path, paint(shade(col, 0.2), 0.55 * alpha, stroke=self.u * 0.02))

    def line(self, c: skia.Canvas, path: skia.Path, col: RGB, width: float, alpha: float = 1.0) -> None:
        # A rolled coil: its body, a shaded rim low right and a lit ridge high left. The rim and the ridge
        # are one pixel or less, drawn as hairlines: an anti-aliased stroke wider than a pixel costs about
        # 75 ns per pixel of length whatever its width (0.85 ms for static_field's strands at 720p), a
        # hairline an eighth of that, so the coil costs one wide stroke instead of two.
        w = width * 1.6
        c.drawPath(path, paint(col, alpha, stroke=w))
        c.save()
        c.translate(w * 0.35, w * 0.35)
        c.drawPath(path, hairline(shade(col, -0.45), alpha * min(1.0, w * 0.4)))
        c.translate(-w * 0.6, -w * 0.63)
        c.drawPath(path, hairline(shade(col, 0.35), 0.6 * alpha * min(1.0, w * 0.25)))
        c.restore()

    def light(self, c: skia.Canvas, x: float, y: float, r: float, col: RGB, strength: float = 1.0) -> None:
        draw_light(c, x, y, r * 1.8, shade(col, 0.2), 0.35 * strength)
        self.solid(c, circle(x, y, r * 0.55), shade(col, 0.2 * strength), min(1.0, 0.4 + strength))


class Scientific(Look):
    key = "scientific_illustration"
    dark = False
    grain = 1.0
    far_blur = 0.0

    def ground(self, c: skia.Canvas, w: int, h: int, top: RGB, bottom: RGB) -> None:
        base = mix((0.88, 0.89, 0.87), grey(top, 0.5), 0.12)
        c.drawRect(skia.Rect.MakeWH(w, h), paint(shader=linear(0, 0, 0, h, [
            (shade(base, 0.04), 1.0), (shade(base, -0.04), 1.0)])))
        step = self.u * 0.16
        grid = skia.Path()
        x = 0.0
        while x < w:
            grid.moveTo(x, 0)
            grid.lineTo(x, h)
            x += step
        y = 0.0
        while y < h:
            grid.moveTo(0, y)
            grid.lineTo(w, y)
            y += step
        c.drawPath(grid, paint(shade(base, -0.4), 0.12, stroke=0.7, cap_round=False))

    def vignette(self, c: skia.Canvas, w: int, h: int, strength: float = 0.12) -> None:
        super().vignette(c, w, h, 0.12)

    def ink(self, col: RGB) -> RGB:
        return shade(grey(col, 0.3), -0.55)

    def solid(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        c.drawPath(path, paint(mix(col, WHITE, 0.55), 0.85 * alpha))
        # hatching as a tiled shader: one fill, no clip (a clipped set of lines cost 3x as much)
        c.drawPath(path, paint(alpha=0.3 * alpha, shader=_hatch(self.ink(col), max(4, int(self.u * 0.022)))))
        c.drawPath(path, paint(self.ink(col), alpha, stroke=max(1.2, self.u * 0.005)))

    def glass(self, c: skia.Canvas, path: skia.Path, col: RGB, alpha: float = 1.0) -> None:
        c.drawPath(path, paint(mix(col, WHITE, 0.8), 0.25 * alpha))
        p = paint(self.ink(col), 0.8 * alpha, stroke=max(1.0, self.u * 0.004))
        p.setPathEffect(skia.DashPathEffect.Make([self.u * 0.03, self.u * 0.015], 0.0))
        c.drawPath(path, p)

    def line(self, c: skia.Canvas, path: skia.Path, col: RGB, width: float, alpha: float = 1.0) -> None:
        c.drawPath(path, paint(self.ink(col), alpha, stroke=max(1.0, width * 0.45)))

    def light(self, c: skia.Canvas, x: float, y: float, r: float, col: RGB, strength: float = 1.0) -> None:
        ink = self.ink(col)
        c.drawCircle(x, y, r * 0.5, paint(mix(col, WHITE, 0.3), min(1.0, 0.3 + 0.6 * strength)))
        for k in (0.5, 0.9, 1.3):
            c.drawCircle(x, y, r * k, paint(ink, min(1.0, 0.25 + 0.5 * strength) / k, stroke=1.2))
        ticks = skia.Path()
        for i in range(12):
            a = math.tau * i / 12
            ticks.moveTo(x + math.cos(a) * r * 1.45, y + math.sin(a) * r * 1.45)
            ticks.lineTo(x + math.cos(a) * r * (1.6 + 0.3 * strength), y + math.sin(a) * r * (1.6 + 0.3 * strength))
        c.drawPath(ticks, paint(ink, 0.7, stroke=1.2))

    def dots(self, c: skia.Canvas, pts: list[tuple[float, float]], col: RGB, size: float, alpha: float = 1.0) -> None:
        super().dots(c, pts, self.ink(col), max(1.5, size * 0.8), alpha)


@lru_cache(maxsize=32)
def _hatch_image(col: RGB, step: int) -> skia.Image:
    surface = skia.Surface(step, step)
    c = surface.getCanvas()
    c.clear(0)
    p = paint(col, 1.0, stroke=0.9, cap_round=False)
    for k in (-1, 0, 1):  # a diagonal that joins up across tiles
        c.drawLine(k * step, step, k * step + step, 0, p)
    return surface.makeImageSnapshot()


def _hatch(col: RGB, step: int) -> Any:
    q = (round(col[0], 2), round(col[1], 2), round(col[2], 2))
    return _hatch_image(q, step).makeShader(skia.TileMode.kRepeat, skia.TileMode.kRepeat, NEAREST_SAMPLING)


STYLES: dict[str, type[Look]] = {
    "abstract_3d": Look, "watercolour": Watercolour, "paper_cutout": PaperCutout, "clay": Clay,
    "scientific_illustration": Scientific,
}


def look_for(style: str, unit: float) -> Look:
    return STYLES.get(style, Look)(unit)
