"""What the player needs to know about a clip before showing it: can Qt's player decode it, and where it came from.

Qt's FFmpeg backend plays some codecs silently as nothing (AV1 reaches the end with zero frames and no
error), so a clip is probed with PyAV first and a clip it cannot show is reported in words instead of
becoming a black rectangle. The probe reads the header and decodes one frame: cheap enough to run beside
the player while it loads. Qt-free, like all of core.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from healthviz_desktop.core.render.clip import PLAYABLE_CODECS

AI_LABEL = "AI-generated illustration — not a medical image"
_CODEC_NAMES = {"av1": "AV1", "h264": "H.264", "hevc": "H.265", "vp8": "VP8", "vp9": "VP9", "mpeg4": "MPEG-4",
                "prores": "ProRes", "mjpeg": "Motion JPEG"}


@dataclass(frozen=True)
class ClipProvenance:
    """Where a clip came from, shown beside it. Part of every clip the player shows (the label is fixed)."""

    provider: str
    model: str = ""
    made_at: datetime | None = None

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) rows for display; the model row only when there is one."""
        rows = [("Made by", self.provider or "unknown")]
        if self.model:
            rows.append(("Model", self.model))
        made = self.made_at
        rows.append(("Made on", f"{made.day} {made:%B %Y, %H:%M}" if made else "unknown"))
        return rows


@dataclass(frozen=True)
class ClipProbe:
    path: Path
    playable: bool
    problem: str = ""  # why it cannot be shown, in words, when not playable
    codec: str = ""  # the codec's canonical FFmpeg name ("h264", "av1")
    width: int = 0
    height: int = 0
    fps: float = 0.0
    seconds: float = 0.0
    title: str = ""
    comment: str = ""

    @property
    def portrait(self) -> bool:
        return self.height > self.width


def codec_label(codec: str) -> str:
    return _CODEC_NAMES.get(codec, codec.upper() or "an unknown format")


def probe_playable(path: Path) -> ClipProbe:
    """Can the embedded player show ``path``? Reads the header and decodes the first frame; never raises for
    a bad file (the answer says why)."""
    import av

    path = Path(path)
    if not path.is_file():
        return ClipProbe(path, False, f"the clip file is missing ({path.name})")
    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                return ClipProbe(path, False, "the file has no video in it")
            stream = container.streams.video[0]
            ctx = stream.codec_context
            codec = ctx.codec.canonical_name
            rate = float(stream.average_rate or stream.guessed_rate or 0)
            seconds = float(container.duration / 1_000_000) if container.duration else 0.0
            meta = dict(container.metadata)
            found = ClipProbe(path, True, "", codec, ctx.width, ctx.height, rate, seconds,
                              meta.get("title", ""), meta.get("comment", ""))
            if codec not in PLAYABLE_CODECS:
                return _unplayable(found, f"it is encoded as {codec_label(codec)}, which this player cannot decode")
            if next(iter(container.decode(stream)), None) is None:
                return _unplayable(found, "the video has no frames")
    except (av.FFmpegError, OSError, ValueError) as exc:
        return ClipProbe(path, False, f"the file is not a readable video ({type(exc).__name__})")
    return found


def _unplayable(found: ClipProbe, problem: str) -> ClipProbe:
    return ClipProbe(found.path, False, problem, found.codec, found.width, found.height, found.fps, found.seconds,
                     found.title, found.comment)


_SOURCE = re.compile(r"source=([\w-]+)")


def provenance_from_file(path: Path, probe: ClipProbe | None = None) -> ClipProvenance:
    """Best effort for a clip opened by path alone (``healthviz play``): the renderer's own mark names the
    local renderer; otherwise the maker is unknown. The date is the file's. The library passes the job's."""
    probe = probe or probe_playable(path)
    source = _SOURCE.search(probe.comment)
    provider = {"local-renderer": "This computer (local renderer)"}.get(source.group(1), source.group(1)) \
        if source else "unknown (opened from a file)"
    try:
        made = datetime.fromtimestamp(Path(path).stat().st_mtime).astimezone()
    except OSError:
        made = None
    return ClipProvenance(provider, "", made)
