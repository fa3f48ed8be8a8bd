"""Draws one SceneSpec, frame by frame, as the prompt describes it, beat by beat on the prompt's timeline.

Layers, back to front:
- far (static, drawn once per clip): the family's ground and setting, the prompt's background family small
  and out of focus, the style's texture and a vignette; moved by a third of the camera (parallax); or a
  still picture given instead of the scene, under its own slow push-in and pan (still_move.py);
- near (every frame, under the region's camera move): the region's prop, the subject, its front glass;
- motion overlays (from qualities), then the timeline's events: the trigger's opening cue in beat 1, the
  relief's tide in the last beat, a trend's weather and its stars;
- an optional overlay image (a label) top-right, then film grain or paper texture on the video's Y plane.

The clip's intensity follows the spec's arc (severity, duration class, relief end, or a trend's measured
numbers); with relief the arc holds until the last beat, where the tide brings it down. Everything is
deterministic for a given spec (seeded from its content), so a re-render is identical.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import skia

from healthviz_desktop.core.render import events
from healthviz_desktop.core.render.kit import LINEAR, NEAREST, FastCanvas, mix, soft, window
from healthviz_desktop.core.render.looks import look_for
from healthviz_desktop.core.render.motions import MOTIONS
from healthviz_desktop.core.render.post import Grain, Readback, to_video_frame
from healthviz_desktop.core.render.stage import REGIONS, UNPLACED, Frame, Pal, apply_camera, camera
from healthviz_desktop.core.render.still_move import draw_still, prepare_still
from healthviz_desktop.core.render.subjects import frost_image, knot_front
from healthviz_desktop.core.render.subjects_more import BLANK, MOTIFS

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from healthviz_desktop.core.scene import SceneSpec

FRONTS = {"knot_of_light": knot_front}
FAR_DEPTH = 0.35


class SceneDrawer:
    """Frames for one spec at one output size. ``frame(i)`` gives RGB uint8 (h, w, 3) as the video shows it;
    ``video_frame(i)`` the encoder's YUV 4:2:0 frame. ``backdrop`` (an RGB or RGBA uint8 array) replaces the
    drawn scene with a still image, keeping the motion, relief, cue and grain layers over it; ``overlay``
    (RGBA uint8, straight alpha) is drawn top-right on every frame."""

    def __init__(self, spec: SceneSpec, width: int, height: int, fps: int = 24, seconds: float | None = None,
                 *, backdrop: NDArray[np.uint8] | None = None, overlay: NDArray[np.uint8] | None = None) -> None:
        self.spec = spec
        self.fps = fps
        self.seconds = float(seconds if seconds is not None else spec.seconds)
        self.frame_count = max(1, round(self.seconds * fps))
        self.w, self.h = width, height
        self.u = min(width, height) / 2.0
        self.look = look_for(spec.style, self.u)
        self.pal = Pal.of(spec)
        # No fallbacks: a key without a drawing draws nothing (the every-element test then fails for it).
        self.motif = MOTIFS.get(spec.motif, BLANK)
        self.region = REGIONS.get(spec.region, UNPLACED)
        self.motions = [MOTIONS[m] for m in spec.motions if m in MOTIONS]
        # seeded by what is drawn, so the same scene with another cue or ending has the same texture
        drawn = [spec.family, spec.motif, spec.style, spec.region, list(spec.motions), spec.width, spec.height]
        self.seed = int.from_bytes(hashlib.sha256(json.dumps(drawn).encode()).digest()[:8], "little")
        portrait = height > width
        self.base_x = width * self.region.x
        self.base_y = height * (0.5 + (self.region.y - 0.5) * (0.7 if portrait else 1.0))
        self.base_r = self.u * self.region.size * (0.62 + 0.5 * max(0.0, min(1.0, spec.scale)))
        beats = max(1, len(spec.beats))
        self.last_beat = (beats - 1) / beats if beats > 1 else 0.7
        self.readback = Readback(width, height)
        self.surface = self.readback.surface
        self.canvas: Any = FastCanvas(self.surface.getCanvas())
        self._base = self._frame(0)
        self.extra: dict[str, object] = {}
        if spec.motif in FRONTS:
            self.extra["frost"] = frost_image(self._base)
        # crisp styles slide the far layer by whole pixels: it is drawn with a margin the slide can show
        self.margin = int(self.u * 0.12) if self.look.far_blur <= 0 else 0
        self.has_scene = backdrop is None
        self.still = prepare_still(backdrop, width, height) if backdrop is not None else None
        self.far = self._far_layer() if self.still is None else None
        self.overlay = _overlay_image(overlay) if overlay is not None else None
        self.grain = Grain(width, height, self.look, self.seed)

    # ---- timeline ---------------------------------------------------------------------------------------

    def intensity_at(self, p: float) -> float:
        """The arc's intensity, except that with relief it holds until the last beat and then falls to the
        arc's end value while the tide washes in (the prompt's closing beat)."""
        spec = self.spec
        if spec.relief not in events.RELIEFS or not spec.arc:
            return max(0.0, min(1.0, spec.intensity_at(p)))
        before = [a for a in spec.arc if a.t < 1.0] or list(spec.arc)
        end = max(spec.arc, key=lambda a: a.t).intensity
        held = replace(spec, arc=tuple(before)).intensity_at(min(p, self.last_beat))
        fall = window(p, self.last_beat + 0.1 * (1 - self.last_beat), 1.0 - 0.15 * (1 - self.last_beat))
        return max(0.0, min(1.0, held + (end - held) * fall))

    def _frame(self, index: int) -> Frame:
        t = index / self.fps
        p = index / max(1, self.frame_count - 1)
        f = Frame(self.canvas, self.look, self.pal, self.spec, self.w, self.h, self.u, index, t, p, self.seconds,
                  seed=self.seed)
        f.intensity = self.intensity_at(p)
        if self.spec.pulse_hz > 0:
            ph = (t * self.spec.pulse_hz) % 1.0
            f.beat = math.exp(-4.5 * ph) * min(1.0, ph * 14.0)
        if self.spec.relief:
            calm = events.RELIEFS[self.spec.relief][0] if self.spec.relief in events.RELIEFS else 0.0
            f.calm = calm * window(p, self.last_beat + 0.3 * (1 - self.last_beat), 1.0)
        f.x, f.y = self.base_x, self.base_y
        f.r = self.base_r * (0.82 + 0.3 * f.intensity)
        return f

    # ---- layers -----------------------------------------------------------------------------------------

    def _far_layer(self) -> skia.Image:
        """Opaque, and typed so: Skia then copies it instead of blending it (measured at 1280x720, a slightly
        scaled draw 0.23 ms against 0.55 ms). A style with depth of field draws its ground and setting out
        of focus, at half size: a blur of 3-6 pixels keeps nothing a quarter of the pixels cannot hold, and
        drawing and blurring them there took 15 ms against 75 ms (the blur clamps at the edges, so they
        do not fade). Texture and vignette are drawn at full size over it, crisp."""
        m = self.margin
        surface = skia.Surface(skia.ImageInfo.MakeN32(self.w + 2 * m, self.h + 2 * m, skia.kOpaque_AlphaType))
        c = surface.getCanvas()
        blur = self.look.far_blur * self.u / 360.0
        if blur > 0:  # depth of field: the setting is out of focus behind the subject (m is 0 here)
            c.drawImageRect(self._out_of_focus(blur), skia.Rect.MakeWH(self.w, self.h), LINEAR)
        else:
            c.translate(m, m)
            self._setting(c, self.w + 2 * m, self.h + 2 * m)
            c.translate(-m, -m)  # texture and vignette cover the margin too, so a slide shows no seam
        self.look.texture(c, self.w + 2 * m, self.h + 2 * m, self.seed)
        self.look.vignette(c, self.w + 2 * m, self.h + 2 * m)
        self._base.c = self.canvas
        return surface.makeImageSnapshot()

    def _out_of_focus(self, blur: float) -> skia.Image:
        """The ground and setting drawn at half size and blurred there (sigma halved with them)."""
        hw, hh = (self.w + 1) // 2, (self.h + 1) // 2
        sharp = skia.Surface(skia.ImageInfo.MakeN32(hw, hh, skia.kOpaque_AlphaType))
        c = sharp.getCanvas()
        c.scale(hw / self.w, hh / self.h)
        self._setting(c, self.w, self.h)
        soft_copy = skia.Surface(skia.ImageInfo.MakeN32(hw, hh, skia.kOpaque_AlphaType))
        out_of_focus = skia.Paint(ImageFilter=skia.ImageFilters.Blur(blur / 2, blur / 2, skia.TileMode.kClamp))
        soft_copy.getCanvas().drawImage(sharp.makeImageSnapshot(), 0, 0, NEAREST, out_of_focus)
        return soft_copy.makeImageSnapshot()

    def _setting(self, c: skia.Canvas, w: int, h: int) -> None:
        """The style's ground under the family's setting (and a second family far behind), on ``c`` whose
        origin is the frame's; w x h is the area the ground covers from (-margin, -margin)."""
        f = self._base
        f.c = c
        top, bottom = self.motif.ground(self.pal)
        m = self.margin
        c.save()
        c.translate(-m, -m)
        self.look.ground(c, w, h, top, bottom)
        c.restore()
        if self.spec.backdrop and self.spec.backdrop != self.spec.family:
            self._backdrop_family(c)
        self.motif.setting(f)

    def _backdrop_family(self, c: skia.Canvas) -> None:
        """The prompt's 'Far behind it, ...': the second family's subject, small, high and out of focus."""
        from healthviz_desktop.core.prompting.grammar import grammar

        fam = grammar().families.get(self.spec.backdrop)
        other = MOTIFS.get(fam.motif) if fam else None
        if other is None:
            return
        far = self._frame(self.frame_count // 3)
        far.c = c
        far.x, far.y, far.r = self.w * 0.82, self.h * 0.2, self.u * 0.16
        layer = skia.Paint(ImageFilter=skia.ImageFilters.Blur(self.u * 0.012 + 1, self.u * 0.012 + 1))
        layer.setAlphaf(0.6)
        c.saveLayer(paint=layer)
        other.subject(far)
        c.restore()

    def draw(self, index: int) -> Frame:
        """Draw frame `index` onto the canvas (the frame's state is returned for tests)."""
        f = self._frame(index)
        f.extra = self.extra
        for m in self.motions:
            if m.pre is not None:
                m.pre(f)
        if self.spec.motif == "tilting_room" and self.has_scene:
            f.spin += (1.5 + 5.0 * f.energy) * math.sin(f.t * 0.9)  # the room itself tilts and sways
        c = self.canvas
        cam = camera(self.region.camera, f.p, self.w, self.h, f.x, f.y)
        spin = f.spin
        if self.still is not None:
            draw_still(c, self.still, f.p, self.w, self.h, (self.base_x, self.base_y))
        else:
            self._far(cam)
        c.save()
        apply_camera(c, (cam[0], cam[1] + f.shake[0], cam[2] + f.shake[1], cam[3] + spin), f.x, f.y, 1.0)
        f.y += f.sag
        if self.has_scene:
            self.region.prop(f)
            self.motif.subject(f)
            if f.calm > 0.01:  # the relief clears the subject itself, not only its motion: a calm veil
                calm = (mix(self.pal.ground, events.TIDE, 0.35) if self.look.dark
                        else mix((0.9, 0.92, 0.94), events.TIDE, 0.2))
                soft(c, f.x, f.y, f.r * 2.6, f.r * 2.6, calm, 0.8 * f.calm)
            if self.spec.motif in FRONTS:
                FRONTS[self.spec.motif](f)
            if f.dim < 0.99:
                c.drawCircle(f.x, f.y, f.r * 1.8, skia.Paint(AntiAlias=True, Shader=skia.GradientShader.MakeRadial(
                    (f.x, f.y), f.r * 1.8, [_argb(self.pal.ground, 1 - f.dim), _argb(self.pal.ground, 0.0)])))
        for m in self.motions:
            if m.post is not None:
                m.post(f)
        c.restore()
        self._events(f)
        if self.overlay is not None:
            margin = self.u * 0.05
            c.drawImage(self.overlay, self.w - self.overlay.width() - margin, margin)
        return f

    def _far(self, cam: tuple[float, float, float, float]) -> None:
        """The static far layer under a third of the camera. Nearest sampling: measured at 1280x720, a
        scaled bilinear draw costs 3.3 ms and a rotated one 30 ms against 0.5 ms, and the far layer is soft
        (depth of field) or, in the crisp styles, only slides by whole pixels (no zoom, no turn)."""
        c = self.canvas
        c.save()
        scale, dx, dy, _rot = cam
        if self.look.far_blur > 0:
            s = 1.0 + (scale - 1.0) * FAR_DEPTH + 0.02  # a little over-scan so a slide never shows an edge
            c.translate(self.w / 2 + dx * FAR_DEPTH, self.h / 2 + dy * FAR_DEPTH)
            c.scale(s, s)
            c.translate(-self.w / 2, -self.h / 2)
        else:
            c.translate(round(dx * FAR_DEPTH), round(dy * FAR_DEPTH))
        assert self.far is not None
        c.drawImage(self.far, -self.margin, -self.margin, NEAREST)
        c.restore()

    def _events(self, f: Frame) -> None:
        spec, p = self.spec, f.p
        first_end = (1.0 / max(1, len(spec.beats))) if spec.beats else 0.35
        cue = events.CUES.get(spec.cue)
        if cue is not None:
            a = window(p, 0.0, first_end * 0.15) * (1.0 - window(p, first_end * 0.7, first_end * 1.05))
            if a > 0.01:
                cue(f, a)
        arc = events.ARCS.get(spec.shape)
        if arc is not None:  # a trend's weather follows the measured intensity: a calmer month calms
            arc(f, f.intensity)
        if spec.mode == "trend":
            extra = spec.extra or {}
            events.stars(f, int(extra.get("nights_rested", 0) or 0), int(extra.get("nights_recorded", 0) or 0))
        if spec.relief in events.RELIEFS:
            span = 1.0 - self.last_beat
            sweep = window(p, self.last_beat, self.last_beat + 0.6 * span)
            after = window(p, self.last_beat + 0.6 * span, 1.0 - 0.1 * span)
            events.RELIEFS[spec.relief][1](f, sweep, after)

    # ---- output -----------------------------------------------------------------------------------------

    def video_frame(self, index: int) -> Any:
        self.draw(index)
        return to_video_frame(self.surface, self.readback, self.grain, index)

    def frame(self, index: int) -> NDArray[np.uint8]:
        return self.video_frame(index).to_ndarray(format="rgb24")  # type: ignore[no-any-return]


def _argb(c: tuple[float, float, float], a: float) -> int:
    return int(skia.Color(*(int(v * 255) for v in c), int(max(0.0, min(1.0, a)) * 255)))


def _overlay_image(overlay: NDArray[np.uint8]) -> skia.Image:
    from healthviz_desktop.core.render.post import image_from_array

    return image_from_array(overlay)
