"""The clip trash and a clip's title: writes on a job row, each one transaction logged in the job's history.

Delete moves a finished job to the trash (``trashed_at``): its card leaves the library, its file stays, and
Undo (``restore_clip``) brings it back as it was. Only emptying the trash deletes files: the clip, the
service's thumbnail and an Images job's still, and only those inside this journal's clips folder (a copy
the person saved elsewhere is theirs). The row itself is kept, marked emptied: the cost ledger and the
job's history refer to it. A job still on its way cannot be trashed (stop it first): its clip would arrive
in the trash unseen. All functions take the Journal first, as the window's write thread calls them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from healthviz_desktop.core.generation.job_store import FINISHED, JobStore
from healthviz_desktop.core.generation.problems import JobRefused
from healthviz_desktop.core.timefmt import now_utc_iso

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.job_store import Job
    from healthviz_desktop.core.journal import Journal

log = logging.getLogger(__name__)
MAX_TITLE = 120


def trash_clip(journal: Journal, job_id: int) -> Job:
    store = JobStore(journal.db)
    job = store.get(job_id)
    if job.status not in FINISHED:
        raise JobRefused(f"This clip is still being made ({job.status}): stop it first, then delete it.")
    if job.undelivered:
        raise JobRefused(f"This clip has not been copied to {job.output_path} yet: resume it first.")
    if job.trashed_at:
        return job
    return store.update(job_id, event="moved to the clip trash", expect=FINISHED, trashed_at=now_utc_iso())


def restore_clip(journal: Journal, job_id: int) -> Job:
    """Undo a delete: back in the library as it was (refused once the trash was emptied of it)."""
    store = JobStore(journal.db)
    job = store.get(job_id)
    if job.emptied_at:
        raise JobRefused("This clip's file was deleted when the trash was emptied; it cannot come back.")
    if not job.trashed_at:
        return job
    return store.update(job_id, event="restored from the clip trash", trashed_at=None)


def rename_clip(journal: Journal, job_id: int, title: str) -> Job:
    """The clip's own title; an empty one goes back to the title made from its source."""
    clean = " ".join(title.split())
    if len(clean) > MAX_TITLE:
        raise JobRefused(f"A title can be {MAX_TITLE} characters at most; this one has {len(clean)}.")
    return JobStore(journal.db).update(job_id, event="renamed", title=clean or None)


@dataclass(frozen=True)
class Emptied:
    jobs: int  # how many left the trash
    files: int  # files deleted
    kept: list[str]  # files that could not be deleted (the reason each), so the person can see to them


def empty_trash(journal: Journal) -> Emptied:
    """Delete the files of every job in the trash, and mark each row emptied."""
    store = JobStore(journal.db)
    with journal.db.raw() as raw:
        ids = [int(r[0]) for r in raw.execute(
            "SELECT id FROM generation_job WHERE trashed_at IS NOT NULL AND emptied_at IS NULL ORDER BY id")]
    from healthviz_desktop.core.clip_thumbnails import ThumbnailCache

    cache = ThumbnailCache(journal.paths.thumbnails)
    clips = journal.paths.clips.resolve()
    files, kept, done = 0, [], 0
    for job_id in ids:
        job = store.get(job_id)
        left = False
        for path in map(Path, _files_of(job)):
            if not _inside(path, clips):
                continue  # not ours to delete
            picture = cache.cached(path)
            try:
                path.unlink()
                files += 1
            except FileNotFoundError:
                pass
            except OSError as exc:
                kept.append(f"{path} ({exc.strerror or exc})")
                left = True
                continue
            if picture is not None:
                picture.unlink(missing_ok=True)
        if not left:
            gone: dict[str, Any] = {"clip_path": None, "thumb_path": None}
            if hasattr(job, "still_path"):
                gone["still_path"] = None
            store.update(job_id, event="the clip trash was emptied: its files deleted", emptied_at=now_utc_iso(),
                         **gone)
            done += 1
    try:  # the cache also forgets pictures of clips gone some other way: it keeps the most recently used
        cache.prune()
    except OSError as exc:
        log.warning("the thumbnail cache could not be pruned: %s", exc)
    return Emptied(done, files, kept)


def _files_of(job: Job) -> list[str]:
    still = getattr(job, "still_path", None)  # issue 16's Images jobs keep their picture too
    return [p for p in (job.clip_path, job.thumb_path, still) if p]


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder)
    except OSError:
        return False
