"""Clip thumbnails: the first keyframe, scaled to fit a card, cached on disk as a small JPEG.

Only keyframes are decoded (``skip_frame = "NONKEY"``): the decoder never has to rebuild a predicted
frame, which is what makes a screenful of thumbnails quick. A cached thumbnail is named by a hash of the
clip's resolved path, modification time (ns), size and the thumbnail size, so a clip that changes (or a
new clip under an old name) gets a new one; nothing has to be invalidated. Writes are atomic (a temp name,
then rename), so two workers making the same thumbnail, or a crash mid-write, never leave half a file.
A clip that cannot be decoded raises ThumbnailError with the reason. Qt-free, like all of core.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

THUMB_SIZE = (320, 180)  # fits a 16:9 card; a portrait clip comes out 101x180
_VERSION = "1"  # bump when the way thumbnails look changes, so old ones are not reused
_JPEG_QUALITY = 3  # MJPEG quantiser (2 best .. 31 worst): small files without visible blocks at this size


class ThumbnailError(Exception):
    """A clip whose thumbnail cannot be made (unreadable, no video, nothing decodable)."""


@dataclass(frozen=True)
class Keyframe:
    rgb: Any  # numpy array, height x width x 3, uint8
    width: int
    height: int


def fit(width: int, height: int, box: tuple[int, int]) -> tuple[int, int]:
    """The largest size with the clip's aspect that fits ``box`` (even sides: chroma subsampling needs them)."""
    scale = min(box[0] / width, box[1] / height, 1.0)
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def _first_keyframe(clip: Path) -> Any:
    import av

    try:
        with av.open(str(clip)) as container:
            if not container.streams.video:
                raise ThumbnailError(f"{clip.name} has no video in it")
            stream = container.streams.video[0]
            stream.codec_context.skip_frame = "NONKEY"
            # One thread: frame threading would make the decoder wait for several frames before the first.
            stream.codec_context.thread_count = 1
            for frame in container.decode(stream):
                return frame
    except ThumbnailError:
        raise
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise ThumbnailError(f"{clip.name} is not a readable video ({type(exc).__name__})") from exc
    raise ThumbnailError(f"{clip.name} has no picture to show")


def keyframe_rgb(clip: Path, box: tuple[int, int] = THUMB_SIZE) -> Keyframe:
    """The clip's first keyframe scaled to fit ``box``, as RGB (no cache)."""
    frame = _first_keyframe(clip)
    width, height = fit(frame.width, frame.height, box)
    rgb = frame.to_ndarray(width=width, height=height, format="rgb24", interpolation="AREA")
    return Keyframe(rgb, width, height)


class ThumbnailCache:
    """Thumbnails under ``root`` (the data folder's ``thumbnails``), one JPEG per clip version."""

    def __init__(self, root: Path, box: tuple[int, int] = THUMB_SIZE) -> None:
        self.root, self.box = Path(root), box

    def key(self, clip: Path) -> str:
        """Stable for an unchanged clip; different once it is replaced, edited or moved. Raises OSError if
        the clip is gone."""
        real = Path(clip).resolve()
        st = real.stat()
        text = f"{_VERSION}\0{real}\0{st.st_mtime_ns}\0{st.st_size}\0{self.box[0]}x{self.box[1]}"
        return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()

    def path_for(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.jpg"

    def cached(self, clip: Path) -> Path | None:
        """The cached thumbnail of this version of ``clip``, or None (also when the clip is gone)."""
        try:
            path = self.path_for(self.key(clip))
        except OSError:
            return None
        return path if path.is_file() else None

    def get(self, clip: Path) -> Path:
        """The thumbnail's file, made now if it is not cached yet. Raises ThumbnailError."""
        try:
            key = self.key(clip)
        except OSError as exc:
            raise ThumbnailError(f"{Path(clip).name} cannot be read ({exc.strerror or type(exc).__name__})") from exc
        path = self.path_for(key)
        if path.is_file():
            return path
        frame = _first_keyframe(Path(clip))
        data = _jpeg(frame, fit(frame.width, frame.height, self.box))
        _write_atomically(path, data)
        return path

    def prune(self, keep: int = 2000) -> int:
        """Remove all but the ``keep`` most recently used thumbnails; returns how many went."""
        files = sorted(self.root.glob("??/*.jpg"), key=_used_at, reverse=True)
        removed = 0
        for path in files[keep:]:
            try:
                path.unlink()
                removed += 1
            except FileNotFoundError:
                pass
        return removed


def _used_at(path: Path) -> float:
    try:
        st = path.stat()
    except FileNotFoundError:
        return 0.0
    return max(st.st_atime, st.st_mtime)


def _jpeg(frame: Any, size: tuple[int, int]) -> bytes:
    import av

    small = frame.reformat(width=size[0], height=size[1], format="yuvj420p", interpolation="AREA")
    encoder: Any = av.CodecContext.create("mjpeg", "w")
    encoder.width, encoder.height, encoder.pix_fmt = size[0], size[1], "yuvj420p"
    encoder.time_base = Fraction(1, 1)
    encoder.qmin = encoder.qmax = _JPEG_QUALITY
    return b"".join(bytes(p) for p in [*encoder.encode(small), *encoder.encode(None)])


def _write_atomically(path: Path, data: bytes) -> None:
    from healthviz_desktop.core.paths import make_private_dir

    make_private_dir(path.parent.parent)  # clips say what was felt: their pictures are private too
    path.parent.mkdir(exist_ok=True, mode=0o700)
    fd, tmp = tempfile.mkstemp(prefix=".thumb-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)  # no fsync: a cache entry lost to a power cut is simply made again
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
