"""Putting finished clips in place: durable, owner-only, atomic."""

from __future__ import annotations

import os
from pathlib import Path


def publish(src: Path, dest: Path) -> None:
    """fsync, owner-only, atomic rename into place, then fsync the directory so the rename is durable."""
    fd = os.open(src, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(src, 0o600)
    os.replace(src, dest)
    dir_fd = os.open(dest.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


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
