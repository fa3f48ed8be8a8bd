"""Burning a visible label into an existing clip: decode, blend the label onto every frame, re-encode.

The label arrives as an RGBA image already drawn (by Qt, outside core: reporting/label_art.py) with the
place it goes. It is converted to Y'CbCr once, and each frame is blended only inside the label's box,
directly in the decoded 4:2:0 planes: no frame is converted to RGB and back, so labelling costs little
more than the decode and re-encode it needs anyway (benchmarks/bench_label.py). Audio is copied as is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Progress = Callable[[float], None]

# Y'CbCr from R'G'B' (0..1), per colour matrix: (Kr, Kb)
_MATRICES = {"bt709": (0.2126, 0.0722), "bt601": (0.299, 0.114)}
_BT601_SPACES = {5, 6}  # AVCOL_SPC_BT470BG, AVCOL_SPC_SMPTE170M


class NotAClip(Exception):
    """The file cannot be labelled: not a readable video."""


@dataclass(frozen=True)
class Overlay:
    """An RGBA uint8 image (height x width x 4, straight alpha) placed with its top-left corner at x, y."""

    rgba: Any
    x: int
    y: int


@dataclass(frozen=True)
class EncodeSettings:
    """What the re-encode uses; the benchmark's plain re-encode uses the very same."""

    preset: str = "veryfast"
    crf: int = 18  # visually lossless for a second generation
    keyframe_seconds: float = 1.0  # the player seeks to exact frames from the previous keyframe


@dataclass(frozen=True)
class _Blend:
    """The overlay split into planes: alpha (0..255) and premultiplied values, full size for luma and
    2x2-averaged for chroma, clipped to the frame."""

    y0: int
    x0: int
    luma: Any
    luma_alpha: Any
    chroma: tuple[Any, Any]
    chroma_alpha: Any

    @classmethod
    def of(cls, overlay: Overlay, width: int, height: int, colorspace: int | None) -> _Blend | None:
        import numpy as np

        x0, y0 = overlay.x - overlay.x % 2, overlay.y - overlay.y % 2  # chroma sits on even pixels
        rgba = np.asarray(overlay.rgba, dtype=np.uint8)
        h = min(rgba.shape[0], height - y0) // 2 * 2
        w = min(rgba.shape[1], width - x0) // 2 * 2
        if h <= 0 or w <= 0 or x0 < 0 or y0 < 0:
            return None
        rgb = rgba[:h, :w, :3].astype(np.float32) / 255.0
        alpha = rgba[:h, :w, 3].astype(np.float32) / 255.0
        kr, kb = _MATRICES["bt601" if colorspace in _BT601_SPACES else "bt709"]
        luma = kr * rgb[..., 0] + (1 - kr - kb) * rgb[..., 1] + kb * rgb[..., 2]
        cb = (rgb[..., 2] - luma) / (2 * (1 - kb))
        cr = (rgb[..., 0] - luma) / (2 * (1 - kr))
        y_code = 16 + 219 * luma  # limited range, as H.264 from every service we know
        cb_code, cr_code = 128 + 224 * cb, 128 + 224 * cr

        def half(a: Any) -> Any:
            return a.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))

        a_half = half(alpha)
        return cls(y0, x0, (y_code * alpha), alpha,
                   (half(cb_code * alpha), half(cr_code * alpha)), a_half)

    def apply(self, frame: Any) -> Any:
        """Blend the label into a yuv420p ``frame``, in place (made writable first: a decoded frame may share
        its buffers with the decoder's reference frames)."""
        import numpy as np

        frame.make_writable()
        h, w = self.luma.shape
        cy, cx = self.y0 // 2, self.x0 // 2
        for plane, (top, left, rows, cols), value, alpha in (
                (frame.planes[0], (self.y0, self.x0, h, w), self.luma, self.luma_alpha),
                (frame.planes[1], (cy, cx, h // 2, w // 2), self.chroma[0], self.chroma_alpha),
                (frame.planes[2], (cy, cx, h // 2, w // 2), self.chroma[1], self.chroma_alpha)):
            pixels = np.frombuffer(plane, np.uint8).reshape(plane.height, plane.line_size)
            box = pixels[top:top + rows, left:left + cols]
            box[...] = (box * (1 - alpha) + value + 0.5).astype(np.uint8)
        return frame


def label_clip(src: Path, dest: Path, overlay: Overlay | None, *, settings: EncodeSettings = EncodeSettings(),
               on_progress: Progress | None = None, metadata: dict[str, str] | None = None) -> int:
    """Re-encode ``src`` into ``dest`` (H.264 MP4) with ``overlay`` burned into every frame, from the first.

    ``overlay=None`` re-encodes with the same settings and no label (the benchmark's baseline). Returns the
    number of frames written. ``dest`` is removed when anything fails."""
    import av

    try:
        source: Any = av.open(str(src))
    except (av.FFmpegError, OSError) as exc:
        raise NotAClip(f"{src.name} is not a readable video ({exc.__class__.__name__}).") from None
    try:
        if not source.streams.video:
            raise NotAClip(f"{src.name} has no video in it.")
        return _relabel(source, dest, overlay, settings, on_progress, metadata)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    finally:
        source.close()


def _relabel(source: Any, dest: Path, overlay: Overlay | None, settings: EncodeSettings,
             on_progress: Progress | None, metadata: dict[str, str] | None) -> int:
    import av

    video = source.streams.video[0]
    video.thread_type = "AUTO"
    in_ctx = video.codec_context
    width, height = in_ctx.width // 2 * 2, in_ctx.height // 2 * 2
    rate = video.average_rate or video.guessed_rate or 24
    total = video.frames or 0
    audio = [s for s in source.streams.audio][:1]
    out: Any = av.open(str(dest), "w", format="mp4", options={"movflags": "+faststart"})
    count = 0
    try:
        for key, value in (metadata or {}).items():
            out.metadata[key] = value
        stream: Any = out.add_stream("libx264", rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.time_base = video.time_base
        stream.options = {"preset": settings.preset, "crf": str(settings.crf),
                          "g": str(max(1, round(float(rate) * settings.keyframe_seconds)))}
        ctx = stream.codec_context
        # keep the source's colour tags (BT.709 limited when it gave none)
        ctx.colorspace = in_ctx.colorspace if in_ctx.colorspace not in (None, 2) else 1
        ctx.color_primaries = in_ctx.color_primaries if in_ctx.color_primaries not in (None, 2) else 1
        ctx.color_trc = in_ctx.color_trc if in_ctx.color_trc not in (None, 2) else 1
        ctx.color_range = 1
        audio_out = [out.add_stream_from_template(a) for a in audio]
        blend = _Blend.of(overlay, width, height, ctx.colorspace) if overlay is not None else None
        for packet in source.demux(video, *audio):
            if packet.stream.type == "audio":
                if packet.dts is not None:
                    packet.stream = audio_out[0]
                    out.mux(packet)
                continue
            for frame in packet.decode():
                frame = _as_yuv420(frame, width, height)
                if blend is not None:
                    frame = blend.apply(frame)
                for encoded in stream.encode(frame):
                    out.mux(encoded)
                count += 1
                if on_progress is not None and total:
                    on_progress(min(1.0, count / total))
        for encoded in stream.encode():
            out.mux(encoded)
    finally:
        out.close()
    if count == 0:
        raise NotAClip("the video has no frames")
    return count


def _as_yuv420(frame: Any, width: int, height: int) -> Any:
    if frame.format.name == "yuv420p" and frame.width == width and frame.height == height:
        return frame
    converted = frame.reformat(width=width, height=height, format="yuv420p")
    converted.pts, converted.time_base = frame.pts, frame.time_base
    return converted


def first_frame(path: Path, at_fraction: float = 0.0) -> Any:
    """An RGB uint8 array of the frame at ``at_fraction`` of the clip (0: the first frame)."""
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        total = stream.frames or 0
        target = int(total * at_fraction) if total else 0
        for i, frame in enumerate(container.decode(stream)):
            if i >= target:
                return frame.to_ndarray(format="rgb24")
    raise NotAClip(f"{path.name} has no frames")


def clip_size(path: Path) -> tuple[int, int]:
    """The clip's frame size, from its header (nothing decoded); NotAClip when it has no video."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise NotAClip(f"{path.name} has no video in it.")
            ctx = container.streams.video[0].codec_context
            return int(ctx.width), int(ctx.height)
    except (av.FFmpegError, OSError) as exc:
        raise NotAClip(f"{path.name} is not a readable video ({exc.__class__.__name__}).") from None
