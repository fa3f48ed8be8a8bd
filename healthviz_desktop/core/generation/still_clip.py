"""The last steps of an Images job: keep the picture beside the clip, then draw the clip from it here.

An Images service answers a request with the picture itself, which the provider keeps on this computer
before anything else happens (core/providers/image_store.py). From there, in this order:
1. The picture is copied beside the clip (clips/UID.still.png: written to .partial/, fsynced, renamed), and
   in one transaction the job records its path and the ledger is charged what the answer's usage says it
   cost (the estimate when it says nothing). The picture is paid for, whatever becomes of the clip. Then
   the provider's own copy is dropped.
2. The clip is drawn from the picture by the local renderer (``render_clip(backdrop=...)``: a slow push-in
   and pan under the entry's motion overlays, relief ending and grain), at the clip's length and size, to
   .partial/, checked with PyAV (exact frames), renamed into clips/. A kill or a stop anywhere here starts
   the drawing again from the kept picture: nothing is sent or paid again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from healthviz_desktop.core.generation.clip_files import image_ext, publish
from healthviz_desktop.core.generation.job_store import Job
from healthviz_desktop.core.paths import make_private_dir
from healthviz_desktop.core.providers.base import (
    Expired,
    GenerationRequest,
    NotFound,
    Provider,
    ProviderError,
    format_money,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from healthviz_desktop.core.database import Database
    from healthviz_desktop.core.generation.job_store import JobStore
    from healthviz_desktop.core.generation.steps import Step

REMAKE = "Make it again with `healthviz jobs remake {id}` (a new paid job)."


class StillClipSteps:
    """Part of JobSteps (steps.py): the phase after an Images service answered."""

    db: Database
    store: JobStore
    max_attempts: int

    if TYPE_CHECKING:
        def _emit(self, job: Job, progress: float | None = None, message: str | None = None) -> None: ...
        def _retry(self, job: Job, exc: ProviderError, *, status: str, retryable: bool = False) -> Step: ...
        def _stall(self, job: Job, exc: ProviderError, **fields: Any) -> Step: ...
        def _fail(self, job: Job, exc: ProviderError, note: str = "", *, charge: bool = False,
                  error_code: str | None = None) -> Step: ...
        def _complete(self, job: Job, clip: Path, thumb: Path | None) -> Step: ...

    def _still_clip(self, job: Job, provider: Provider, request: GenerationRequest,
                    cancelled: Callable[[], bool] | None) -> Step:
        from healthviz_desktop.core.generation.steps import Step

        assert job.remote_id is not None
        clips = make_private_dir(self.db.paths.clips)
        partial = make_private_dir(clips / ".partial")
        if not job.still_path:
            kept = self._keep_still(job, provider, request, clips, partial)
            if not isinstance(kept, Job):
                return kept
            job = kept
            if job.status != "downloading":  # cancelled meanwhile: the picture is kept, the clip is not drawn
                return Step(job, None)
        provider.release(str(job.remote_id))  # again after a crash: dropping a copy already gone is harmless
        return self._draw_from_still(job, request, clips, partial, cancelled)

    def _keep_still(self, job: Job, provider: Provider, request: GenerationRequest, clips: Path,
                    partial: Path) -> Job | Step:

        assert job.remote_id is not None
        part = partial / f"{job.uid}.still.part"
        try:
            got = provider.download(job.remote_id, request, part, partial / f"{job.uid}.unused.part")
            ext = image_ext(part)
        except (Expired, NotFound) as exc:  # made (and billed), then gone before the job kept it
            return self._fail(job, exc, " It is counted as spent. " + REMAKE.format(id=job.id), charge=True,
                              error_code="expired")
        except ProviderError as exc:
            if exc.retryable and job.attempts + 1 < self.max_attempts:
                return self._retry(job, exc, status="downloading")
            return self._stall(job, exc)
        except OSError as exc:
            return self._stall(job, ProviderError(f"The picture could not be put beside the clip "
                                                  f"({exc.strerror or exc})."))
        if ext == ".img":
            part.unlink(missing_ok=True)
            return self._stall(job, ProviderError(f"What {provider.label} sent is not a picture."))
        still = clips / f"{job.uid}.still{ext}"
        publish(part, still)
        paid = f"{format_money(got.cost, job.currency)} by the answer's usage" if got.cost is not None else \
            f"{format_money(job.estimate, job.currency)} (the estimate: the answer gave no usage)"
        job = self.store.keep_still(job.id, still_path=str(still), amount=got.cost,
                                    detail=f"picture kept at {still}; charged {paid}")
        self._emit(job, 0.0, "")
        return job

    def _draw_from_still(self, job: Job, request: GenerationRequest, clips: Path, partial: Path,
                         cancelled: Callable[[], bool] | None) -> Step:
        from healthviz_desktop.core.generation.clip_files import existing_thumb
        from healthviz_desktop.core.generation.steps import Step
        from healthviz_desktop.core.render import InvalidClip, RenderCancelled, probe_clip, render_clip

        assert job.still_path is not None
        seconds, size = request.spec.seconds, (request.spec.width, request.spec.height)
        final = clips / f"{job.uid}.mp4"
        if final.exists():  # a crash came after the rename, before the database knew
            try:
                probe_clip(final, expect_seconds=seconds)
                return self._complete(job, final, existing_thumb(clips, job.uid))
            except InvalidClip:
                final.unlink()
        part, thumb_part = partial / f"{job.uid}.mp4.part", partial / f"{job.uid}.thumb.part"
        last = [-1]

        def progress(fraction: float) -> None:
            if int(fraction * 100) != last[0]:
                last[0] = int(fraction * 100)
                self._emit(job, fraction, "")

        try:
            picture = read_picture(Path(job.still_path))
            model = str(request.body.get("model", "an image model"))
            render_clip(request.spec, part, thumb_part, seconds=seconds, size=size, backdrop=picture,
                        on_progress=progress, cancelled=cancelled, source=f"a still by {model}, animated here")
            probe_clip(part, expect_seconds=seconds)
        except RenderCancelled:
            return Step(self.store.get(job.id), None)
        except InvalidClip as exc:
            part.unlink(missing_ok=True)
            err = ProviderError(f"The clip drawn from the picture could not be used ({exc}).")
            if job.attempts + 1 < self.max_attempts:
                return self._retry(job, err, status="downloading", retryable=True)
            return self._stall(job, err)
        except (OSError, ValueError) as exc:  # a full disk, or a kept picture that cannot be read
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            return self._stall(job, ProviderError(f"The clip could not be drawn from the picture ({detail}). "
                                                  f"The picture is kept at {job.still_path}."))
        thumb = None
        if thumb_part.exists():
            thumb = clips / f"{job.uid}.thumb.png"
            publish(thumb_part, thumb)
        publish(part, final)
        return self._complete(job, final, thumb)


def read_picture(path: Path) -> Any:
    """A kept picture as an RGB uint8 array (PyAV decodes PNG, JPEG and WebP). ValueError when it cannot."""
    import av

    try:
        with av.open(str(path)) as container:
            frame = next(container.decode(video=0))
            return frame.to_ndarray(format="rgb24")
    except (av.FFmpegError, StopIteration) as exc:
        raise ValueError(f"the picture at {path} cannot be read") from exc
