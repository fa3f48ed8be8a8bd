"""Small real clips whose frames say which frame they are, for player tests that check what is on screen.

Frame i is one flat grey level, ``level(i)``: a test reads a pixel of the frame Qt shows and knows
exactly which frame it is (H.264 keeps a flat grey within a couple of levels), so a seek, a frame step
or a loop is checked by content, not only by the timestamps the player reports.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

FPS = 24
STEP = 5  # grey levels between frames: 48 frames fit in 10..245


def level(i: int) -> int:
    return 10 + STEP * i


def frame_index(grey: int) -> int:
    return round((grey - 10) / STEP)


def counter_clip(path: Path, *, frames: int = 48, size: tuple[int, int] = (320, 180), codec: str = "libx264",
                 gop: int = 12, fps: int = FPS) -> Path:
    """An MP4 of ``frames`` flat grey frames (see ``level``), a keyframe every ``gop`` frames."""
    import av
    import numpy as np

    assert level(frames - 1) <= 250, "too many frames to tell apart by grey level"
    width, height = size
    container: Any = av.open(str(path), "w", format="mp4")
    try:
        stream: Any = container.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.time_base = Fraction(1, fps * 512)
        if codec == "libx264":
            stream.options = {"preset": "ultrafast", "crf": "18", "g": str(gop), "keyint_min": str(gop),
                              "sc_threshold": "0"}
        else:
            stream.options = {"g": str(gop)}
        for i in range(frames):
            image = np.full((height, width, 3), level(i), dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24").reformat(format="yuv420p")
            frame.pts = i * 512
            frame.time_base = stream.time_base
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    finally:
        container.close()
    return path


def clip_with_sound(path: Path, seconds: float = 1.0) -> Path:
    """An H.264 clip with an AAC sound track (a quiet tone), as some services deliver."""
    import av
    import numpy as np

    container: Any = av.open(str(path), "w", format="mp4")
    try:
        video: Any = container.add_stream("libx264", rate=FPS)
        video.width, video.height, video.pix_fmt = 320, 180, "yuv420p"
        audio: Any = container.add_stream("aac", rate=48000)
        for i in range(int(seconds * FPS)):
            image = np.full((180, 320, 3), level(i % 48), dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24").reformat(format="yuv420p")
            frame.pts = i
            for packet in video.encode(frame):
                container.mux(packet)
        samples = int(seconds * 48000)
        tone = (0.05 * np.sin(np.arange(samples) * 2 * np.pi * 440 / 48000)).astype(np.float32)
        for start in range(0, samples - 1024, 1024):
            chunk = av.AudioFrame.from_ndarray(tone[None, start:start + 1024], format="fltp", layout="mono")
            chunk.sample_rate, chunk.pts = 48000, start
            for packet in audio.encode(chunk):
                container.mux(packet)
        for stream in (video, audio):
            for packet in stream.encode():
                container.mux(packet)
    finally:
        container.close()
    return path


def av1_clip(path: Path, frames: int = 24) -> Path:
    """A clip in a codec PyAV encodes but Qt's player shows as nothing (stack-facts.md: AV1, zero frames)."""
    return counter_clip(path, frames=frames, codec="libsvtav1", gop=frames)
