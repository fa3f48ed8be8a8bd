"""Putting finished clips in place: durable, owner-only, atomic; and the copy to where the person asked."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from healthviz_desktop.core.generation.problems import JobRefused


def publish(src: Path, dest: Path) -> None:
    """fsync, owner-only, atomic rename into place, then fsync the directory so the rename is durable."""
    fd = os.open(src, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(src, 0o600)
    os.replace(src, dest)
    _fsync_dir(dest.parent)


def _fsync_dir(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def deliver(clip: Path, out: Path) -> None:
    """Copy a finished clip to ``out``: written beside it under a hidden name, then renamed, so ``out`` is
    the whole clip or absent. Raises OSError (a folder gone, a full disk); the clip itself is untouched."""
    tmp = out.with_name(f".{out.name}.part")
    try:
        shutil.copyfile(clip, tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # some folders (a network share) cannot be opened for fsync
        _fsync_dir(out.parent)


def check_output(out: Path) -> None:
    """Before anything is rendered or paid for: the clip must be able to land where it was asked to."""
    folder = out.parent
    nothing = "Nothing was rendered or sent."
    if out.is_dir():
        raise JobRefused(f"{out} is a folder: give a file name for the clip, e.g. {out / 'clip.mp4'}. {nothing}")
    if not folder.is_dir():
        raise JobRefused(f"The folder {folder} does not exist, so the clip cannot be saved as {out}. Create it "
                         f"or choose another place. {nothing}")
    try:  # a real file, not os.access(): that says yes to root and knows nothing of read-only mounts
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{out.name}.", suffix=".check"):
            pass
    except OSError as exc:
        raise JobRefused(f"The clip cannot be saved in {folder} ({exc.strerror or exc}). Choose a folder you "
                         f"can write to. {nothing}") from None


def image_ext(path: Path) -> str:
    head = path.read_bytes()[:12]
    if head.startswith(b"\x89PNG"):
        return ".png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ".webp"
    if head.startswith(b"\xff\xd8"):
        return ".jpg"
    return ".img"


def existing_thumb(clips: Path, uid: str) -> Path | None:
    return next(iter(sorted(clips.glob(f"{uid}.thumb.*"))), None)
