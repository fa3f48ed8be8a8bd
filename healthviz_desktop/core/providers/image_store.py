"""Pictures an Images service sent, kept on this computer the moment they arrive.

An Images request is answered once, with the picture itself; the service gives it no id and keeps no list
HealthViz could ask later. So the answer is written here before anything else happens: first a small
record of what was asked (and what the answer's usage says it cost), then the picture, each written to a
temporary name, fsynced and renamed. A picture is here only when its whole file is; a record without its
picture is ignored. A job cut off after the answer arrived (a kill before the job row learnt of it) finds
its picture here by what was asked and when (``find``), so a paid picture is never lost nor paid twice.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from healthviz_desktop.core.atomic import write_atomic

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# what a picture request is matched on (beside the time): a picture made for another request is not this one's
MATCHED = ("model", "prompt", "size", "quality")
CLOCK_MARGIN = 1.0  # seconds: the record's time and the job's are taken from the same clock


@dataclass(frozen=True)
class Kept:
    id: str
    picture: Path
    record: dict[str, Any]

    @property
    def received_at(self) -> float:
        return float(self.record.get("received_at", 0.0))

    @property
    def cost(self) -> float | None:
        value = self.record.get("cost")
        return None if value is None else float(value)


class ReceivedPictures:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _paths(self, picture_id: str) -> tuple[Path, Path]:
        if not picture_id.replace("_", "").isalnum():
            raise ValueError(f"not a picture id: {picture_id!r}")
        return self.folder / f"{picture_id}.png", self.folder / f"{picture_id}.json"

    def keep(self, png: bytes, asked: dict[str, Any], *, usage: dict[str, Any] | None, cost: float | None,
             created: int | None = None) -> Kept:
        """Write the picture and its record (atomically, owner-only); its new id. Raises OSError (a full disk:
        then neither is kept under its name) or ValueError (the bytes are not a PNG)."""
        from healthviz_desktop.core.paths import make_private_dir

        if not png.startswith(PNG_MAGIC):
            raise ValueError("the answer held no PNG picture")
        make_private_dir(self.folder)
        picture_id = f"img_{uuid.uuid4().hex[:20]}"
        picture, record_path = self._paths(picture_id)
        record = {"id": picture_id, **{k: asked.get(k) for k in MATCHED}, "received_at": time.time(),
                  "created": created, "usage": usage, "cost": cost, "bytes": len(png)}
        write_atomic(record_path, json.dumps(record, sort_keys=True).encode())
        try:
            write_atomic(picture, png)
        except BaseException:
            with contextlib.suppress(OSError):
                record_path.unlink()
            raise
        return Kept(picture_id, picture, record)

    def get(self, picture_id: str) -> Kept | None:
        try:
            picture, record_path = self._paths(picture_id)
        except ValueError:
            return None
        if not picture.is_file():
            return None
        try:
            record = json.loads(record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = {"id": picture_id}
        return Kept(picture_id, picture, record)

    def find(self, asked: dict[str, Any], sent_from: float, sent_until: float,
             exclude: frozenset[str]) -> list[Kept]:
        """Pictures kept for exactly this request, received between the send and ``sent_until``, that no job
        has taken (``exclude``); oldest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for record_path in self.folder.glob("img_*.json"):
            kept = self.get(record_path.stem)
            if kept is None or kept.id in exclude:
                continue
            if any(kept.record.get(k) != asked.get(k) for k in MATCHED):
                continue
            if sent_from - CLOCK_MARGIN <= kept.received_at <= sent_until + CLOCK_MARGIN:
                found.append(kept)
        return sorted(found, key=lambda k: (k.received_at, k.id))

    def forget(self, picture_id: str) -> None:
        """Drop a picture a job has kept for itself (beside its clip)."""
        try:
            paths = self._paths(picture_id)
        except ValueError:
            return
        for path in paths:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
