"""A still picture as a clip's scene: a slow, eased push-in toward the subject with a gentle pan.

The picture (an Images service's, issue 16) is scaled once, with a good filter, to cover the frame with room
to move, and kept opaque in the surface's pixel order; each frame then draws it bilinear at a scale just
under 1 (measured at 1280x720 from a 1536x1024 picture: ~3 ms a frame, against ~4.5 ms premultiplied RGBA
and ~22 ms with mipmaps). The motion overlays keep the region's own camera, so they drift a little against
the picture (parallax). Its edges never show: every offset is clamped so the picture still covers the frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import skia

from healthviz_desktop.core.render.kit import LINEAR, ease

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

START_ZOOM, END_ZOOM = 1.03, 1.12  # of the cover fit: a push-in of about 9 % over the whole clip
PAN = 0.018  # of the frame's width, from one side to the other
TOWARD = 0.5  # the push-in closes in on a point this far from the centre toward the subject


def prepare_still(picture: NDArray[np.uint8], width: int, height: int) -> skia.Image:
    """The picture scaled (Mitchell) to cover ``width`` x ``height`` at the closest zoom of the move."""
    import numpy as np

    from healthviz_desktop.core.render.post import image_from_array

    image = image_from_array(picture)
    cover = max(width / image.width(), height / image.height()) * END_ZOOM
    w, h = max(1, round(image.width() * cover)), max(1, round(image.height() * cover))
    if (w, h) != (image.width(), image.height()):
        image = image.resize(w, h, skia.SamplingOptions(skia.CubicResampler.Mitchell()))
    if picture.shape[2] == 4 and int(picture[..., 3].min()) < 255:
        return image
    # opaque, in the surface's own order: each frame's draw is then a plain resample (3.2 ms against 4.3 ms)
    pixels = np.ascontiguousarray(image.toarray(colorType=skia.kBGRA_8888_ColorType))
    return skia.Image.fromarray(pixels, colorType=skia.kBGRA_8888_ColorType, alphaType=skia.kOpaque_AlphaType)


def still_rect(image: skia.Image, p: float, width: int, height: int, focus: tuple[float, float]) -> skia.Rect:
    """Where the picture lies at clip position ``p`` (0..1): zooming about a point between the frame's
    centre and the subject's place (``focus``), panning gently, and always covering the whole frame."""
    e = ease(p)
    fit = max(width / image.width(), height / image.height())  # scales the picture to cover the frame exactly
    zoom = START_ZOOM + (END_ZOOM - START_ZOOM) * e
    grow = zoom / START_ZOOM
    dw, dh = image.width() * fit * zoom, image.height() * fit * zoom
    ax = width / 2 + (focus[0] - width / 2) * TOWARD  # the zoom's fixed point
    ay = height / 2 + (focus[1] - height / 2) * TOWARD
    cx = ax + (width / 2 - ax) * grow + width * PAN * (0.5 - e)
    cy = ay + (height / 2 - ay) * grow
    room_x, room_y = max(0.0, (dw - width) / 2), max(0.0, (dh - height) / 2)
    cx = min(width / 2 + room_x, max(width / 2 - room_x, cx))
    cy = min(height / 2 + room_y, max(height / 2 - room_y, cy))
    return skia.Rect.MakeXYWH(cx - dw / 2, cy - dh / 2, dw, dh)


def draw_still(canvas: skia.Canvas, image: skia.Image, p: float, width: int, height: int,
               focus: tuple[float, float]) -> None:
    canvas.drawImageRect(image, still_rect(image, p, width, height, focus), LINEAR)
