"""Encoding a drawn scene to H.264 MP4 (PyAV), writing its thumbnail, and checking any clip before we keep it.

Drawing and encoding overlap: a worker thread draws frame n+1 with Skia and converts it to YUV 4:2:0
(tagged BT.709 so players show the palette's colours) while this thread hands frame n to libx264, whose
own threads do the encoding. The clip is written under a temporary name beside the final one and renamed
only when it is complete, so a crash, a cancel or a full disk never leaves a partial file under that name.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from healthviz_desktop.core.scene import SceneSpec

log = logging.getLogger(__name__)

# What Qt's bundled FFmpeg backend actually shows: AV1 reaches EndOfMedia with no frames at all.
PLAYABLE_CODECS = frozenset({"h264", "hevc", "vp8", "vp9"})
FPS = 24
MARK_TITLE = "HealthViz illustration - not a medical image"
MARK_COMMENT = ("healthviz:illustration; source=local-renderer; drawn from self-reported journal data; "
                "not a medical image")

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


class InvalidClip(Exception):
    """A file that is not a clip we can keep (unreadable, empty, or a codec the player cannot show)."""


class RenderCancelled(Exception):
    """The person stopped the render; the partial file has been removed."""


@dataclass(frozen=True)
class ClipInfo:
    path: Path
    codec: str
    width: int
    height: int
    frames: int
    seconds: float


def render_clip(spec: SceneSpec, video_path: Path, thumb_path: Path | None = None, *,
                seconds: float | None = None, size: tuple[int, int] | None = None, fps: int = FPS,
                preset: str = "superfast", on_progress: Progress | None = None,
                cancelled: Cancelled | None = None, overlay: Any = None, backdrop: Any = None,
                source: str = "local-renderer", split: bool | None = None) -> ClipInfo:
    """Draw and encode ``spec`` to ``video_path`` (and a PNG thumbnail of its middle frame).

    ``on_progress`` gets 0..1 after each frame; ``cancelled`` is checked before each frame and stops
    the render with RenderCancelled (the partial file is removed). ``overlay`` (an RGBA uint8 array, e.g.
    a label) is composited top-right on every frame; ``backdrop`` (an RGB/RGBA array) replaces the drawn
    scene with a still image (under a slow push-in and pan) beneath the same motion, relief, cue and grain
    layers. ``source`` names what the scene came from in the clip's machine-readable comment. ``split``
    draws two frames in three in a helper process (draw_helper.py); by default when that is faster."""
    from healthviz_desktop.core.atomic import replacing
    from healthviz_desktop.core.render.draw_helper import DrawHelper, HelperFailed, helper_draws, splits
    from healthviz_desktop.core.render.scene_draw import SceneDrawer

    width, height = size or (spec.width, spec.height)
    if width % 2 or height % 2 or width < 16 or height < 16:
        raise ValueError(f"a clip must be at least 16x16 with even sides, not {width}x{height}")
    frame_count = max(1, round(float(seconds if seconds is not None else spec.seconds) * fps))
    if split is None:
        split = splits(frame_count)
    # started first: it imports and prepares its drawer while this process prepares its own
    helper = DrawHelper(spec, width, height, fps=fps, seconds=seconds, overlay=overlay,
                        backdrop=backdrop) if split and frame_count > 1 else None
    try:
        drawer = SceneDrawer(spec, width, height, fps=fps, seconds=seconds, overlay=overlay, backdrop=backdrop)
        middle = drawer.frame_count // 2
        thumb: list[Any] = []

        def draw(i: int) -> Any:
            nonlocal helper
            frame = None
            if helper is not None and helper_draws(i):
                try:
                    frame = helper.receive()
                except HelperFailed as exc:  # only speed is lost: this process draws the rest itself
                    log.warning("render: %s; drawing the rest in one process", exc)
                    helper.close()
                    helper = None
            if frame is None:
                frame = drawer.video_frame(i)
            if i == middle:
                thumb.append(frame.to_ndarray(format="rgb24"))
            return frame

        with replacing(video_path) as partial:
            encode_frames((draw(i) for i in range(drawer.frame_count)), partial, width, height, fps=fps,
                          total=drawer.frame_count, preset=preset, on_progress=on_progress,
                          cancelled=cancelled, metadata={
                              "title": MARK_TITLE, "comment": MARK_COMMENT.replace("local-renderer", source)})
    finally:
        if helper is not None:
            helper.close()
    if thumb_path is not None and thumb:
        with replacing(thumb_path) as partial_thumb:
            write_png(thumb[0], partial_thumb, fast=True)
    # Not probed here: the job checks every clip (local or downloaded) the same way before keeping it.
    return ClipInfo(video_path, "h264", width, height, drawer.frame_count, drawer.frame_count / fps)


def encode_frames(frames: Any, path: Path, width: int, height: int, *, fps: int = FPS, total: int = 0,
                  preset: str = "superfast", on_progress: Progress | None = None,
                  cancelled: Cancelled | None = None, metadata: dict[str, str] | None = None,
                  threaded: bool = True) -> int:
    """Encode an iterable of RGB uint8 arrays (any size; scaled to width x height), or of av.VideoFrames
    already in yuv420p at that size, as H.264 MP4."""
    import av

    def convert(image: Any) -> Any:
        if isinstance(image, av.VideoFrame):
            if image.format.name == "yuv420p" and (image.width, image.height) == (width, height):
                return image
            return image.reformat(width=width, height=height, format="yuv420p", dst_colorspace="ITU709",
                                  interpolation="BILINEAR")
        frame = av.VideoFrame.from_ndarray(image, format="rgb24")
        return frame.reformat(width=width, height=height, format="yuv420p", dst_colorspace="ITU709",
                              interpolation="BILINEAR")

    # Threaded, the worker draws AND converts (scale + RGB to YUV), so this thread only feeds libx264:
    # measured on 2 cores, converting here instead left the encoder waiting (2.37 s against 2.08 s for an
    # 8 s clip). Frames that already exist encode fastest without the thread (threaded=False).
    converted = (convert(image) for image in frames)
    source: Any = _prefetch(converted) if threaded else converted
    container: Any = av.open(str(path), "w", format="mp4", options={"movflags": "+faststart"})
    count = 0
    try:
        for key, value in (metadata or {}).items():
            container.metadata[key] = value
        stream: Any = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": preset, "crf": "20"}
        ctx = stream.codec_context
        ctx.colorspace, ctx.color_primaries, ctx.color_trc, ctx.color_range = 1, 1, 1, 1  # BT.709, limited
        for frame in source:
            if cancelled is not None and cancelled():
                raise RenderCancelled("The render was stopped.")
            frame.pts = count
            for packet in stream.encode(frame):
                container.mux(packet)
            count += 1
            if on_progress is not None and total:
                on_progress(min(1.0, count / total))
        for packet in stream.encode():
            container.mux(packet)
    finally:
        if hasattr(source, "close"):
            source.close()
        container.close()
    return count


class _prefetch:  # used like a generator, hence the lower-case name
    """Run an iterator in a worker thread, a few items ahead; `close()` stops it."""

    def __init__(self, items: Any, depth: int = 3) -> None:
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(items,), daemon=True, name="render-draw")
        self._thread.start()

    def _run(self, items: Any) -> None:
        try:
            for item in items:
                while not self._stop.is_set():
                    try:
                        self._queue.put(("item", item), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if self._stop.is_set():
                    return
            self._queue.put(("end", None))
        except BaseException as exc:  # re-raised on the consuming thread
            self._queue.put(("error", exc))

    def __iter__(self) -> _prefetch:
        return self

    def __next__(self) -> Any:
        kind, value = self._queue.get()
        if kind == "end":
            raise StopIteration
        if kind == "error":
            raise value
        return value

    def close(self) -> None:
        self._stop.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._thread.join()


def write_png(image: Any, path: Path, *, fast: bool = False) -> None:
    """A PNG of an RGB uint8 array, through FFmpeg's PNG encoder (no imaging library needed). ``fast``
    deflates at level 1: a render's thumbnail, written after its last frame, took 0.15 s at the default
    level against 0.03 s, for a file 14% larger (film grain leaves deflate little to find either way)."""
    import av

    height, width = int(image.shape[0]), int(image.shape[1])
    ctx: Any = av.CodecContext.create("png", "w")
    ctx.width, ctx.height, ctx.pix_fmt = width, height, "rgb24"
    if fast:
        ctx.options = {"compression_level": "1"}
    frame = av.VideoFrame.from_ndarray(image, format="rgb24")
    data = b"".join(bytes(p) for p in [*ctx.encode(frame), *ctx.encode(None)])
    path.write_bytes(data)


def probe_clip(path: Path, *, expect_seconds: float | None = None) -> ClipInfo:
    """Decode the whole clip: it must have a video stream in a playable codec and at least one frame."""
    import av

    try:
        with av.open(str(path)) as container:
            streams = container.streams.video
            if not streams:
                raise InvalidClip("the file has no video in it")
            stream = streams[0]
            codec = stream.codec_context.name
            if codec not in PLAYABLE_CODECS:
                raise InvalidClip(f"the video is encoded as {codec}, which the player cannot show")
            frames = 0
            last_time = 0.0
            for frame in container.decode(stream):
                frames += 1
                if frame.time is not None:
                    last_time = float(frame.time)
            width, height = stream.codec_context.width, stream.codec_context.height
            rate = float(stream.average_rate or FPS)
    except InvalidClip:
        raise
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise InvalidClip(f"the file is not a readable video ({exc.__class__.__name__})") from exc
    if frames == 0:
        raise InvalidClip("the video has no frames")
    seconds = last_time + 1.0 / rate if rate else last_time
    if expect_seconds is not None and abs(seconds - expect_seconds) > max(0.5, expect_seconds * 0.1):
        raise InvalidClip(f"the video lasts {seconds:.1f} s, not the {expect_seconds:g} s asked for")
    return ClipInfo(path, codec, width, height, frames, seconds)
