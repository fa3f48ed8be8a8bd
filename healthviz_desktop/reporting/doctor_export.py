"""Export for the doctor: report.pdf, the labelled and signed clip, clip-prompt.json and README.txt, in a
new folder or a ZIP. The one entry point the window's dialog, a clip card and the CLI all call.

Everything is made in a private staging folder beside the destination and moved into place only when
complete, so a failure (a full disk, a clip that cannot be read) leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from healthviz_desktop import __version__
from healthviz_desktop.core.report.export_files import (
    CLIP_NAME,
    PROMPT_NAME,
    README_NAME,
    REPORT_NAME,
    ClipFacts,
    ExportRefused,
    ReportOptions,
    clip_facts,
    readme_text,
)
from healthviz_desktop.core.trends import DateRange

if TYPE_CHECKING:
    from healthviz_desktop.core.journal import Journal
    from healthviz_desktop.core.provenance.signing import Verification
    from healthviz_desktop.core.report.summary import ReportSummary

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ExportRequest:
    period: DateRange
    destination: Path  # a folder to create, or a file ending in .zip
    options: ReportOptions = field(default_factory=ReportOptions)
    clip_job: int | None = None

    @property
    def as_zip(self) -> bool:
        return self.destination.suffix.lower() == ".zip"


@dataclass(frozen=True)
class ExportResult:
    destination: Path
    files: list[str]
    pages: int
    verification: Verification | None = None
    notes: list[str] = field(default_factory=list)  # for the person (a session-only signing key)


def describe_contents(summary: ReportSummary, request: ExportRequest, facts: ClipFacts | None) -> list[str]:
    """What the export will hold, in words, for the dialog to show before anything is written."""
    o = request.options
    from healthviz_desktop.core.report.export_files import SECTIONS

    sections = [title for key, title in SECTIONS.items() if o.shows(key) and (key != "clip" or facts)]
    lines = [f"{REPORT_NAME}: {summary.period.first:%d %b %Y} – {summary.period.last:%d %b %Y}, {summary.entries} "
             f"entries on {summary.recorded_days} days. Page one: " + "; ".join(sections) + "."]
    lines.append("Your name: " + (f"“{o.display_name.strip()}”" if o.display_name.strip() else "not included"))
    lines.append("Your notes: " + ("included, on the pages after the first" if o.include_notes else "not included"))
    if facts is not None:
        lines.append(f"{CLIP_NAME}: the clip of job {facts.job_id} ({facts.provider_label}, {facts.seconds} s, "
                     f"{facts.size}), labelled “AI-generated illustration — not a medical image” and signed.")
        lines.append(f"{PROMPT_NAME}: its exact prompt, service, model, length, size, date and source (no notes).")
    else:
        lines.append("No clip.")
    lines.append(f"{README_NAME}: what each file is, and that the data is self-reported.")
    return lines


def export_for_doctor(journal: Journal, request: ExportRequest, *, today: date | None = None,
                      progress: Progress | None = None) -> ExportResult:
    """Write the export; EmptyPeriod / ExportRefused / KeyStoreError with plain messages, nothing written."""
    from healthviz_desktop.core.report.summary import build_summary

    step = progress or (lambda _d, _t, _x: None)
    target = request.destination
    check_destination(target, request.as_zip)
    summary = build_summary(journal, request.period, today=today, include_notes=request.options.include_notes)
    facts = job_clip_facts(journal, request.clip_job) if request.clip_job is not None else None
    notes: list[str] = []
    verification = None
    staging = Path(tempfile.mkdtemp(prefix=".healthviz-export-", dir=target.parent))
    try:
        still = None
        files = [REPORT_NAME]
        if facts is not None:
            step(0, 4, "Labelling the clip…")
            verification, still, note = make_labelled_clip(
                Path(_job_clip(journal, facts.job_id)), staging / CLIP_NAME, journal.paths.root,
                on_progress=lambda f: step(int(f * 300), 400, "Labelling the clip…"))
            notes += [note] if note else []
            (staging / PROMPT_NAME).write_text(facts.as_json(), encoding="utf-8")
            files += [CLIP_NAME, PROMPT_NAME]
        step(300, 400, "Writing the report…")
        from healthviz_desktop.reporting.pdf_report import render_report

        pages = render_report(summary, staging / REPORT_NAME, request.options, facts, still)
        period = f"{summary.period.first:%d %b %Y} – {summary.period.last:%d %b %Y}"
        (staging / README_NAME).write_text(readme_text(period=period, generated=summary.generated_on,
                                                       with_clip=facts is not None, app_version=__version__),
                                           encoding="utf-8")
        files.append(README_NAME)
        step(390, 400, "Saving…")
        _publish(staging, target, files, request.as_zip)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    step(400, 400, "Done")
    return ExportResult(target, files, pages, verification, notes)


def write_report(journal: Journal, period: DateRange, out: Path, options: ReportOptions | None = None,
                 *, clip_job: int | None = None, today: date | None = None) -> int:
    """Only the PDF (``healthviz report``); with ``clip_job`` it shows that clip's still and prompt."""
    from healthviz_desktop.core.atomic import replacing
    from healthviz_desktop.core.report.summary import build_summary
    from healthviz_desktop.reporting.pdf_report import render_report

    options = options or ReportOptions()
    summary = build_summary(journal, period, today=today, include_notes=options.include_notes)
    facts = job_clip_facts(journal, clip_job) if clip_job is not None else None
    still = _still(Path(str(_job_clip(journal, clip_job)))) if clip_job is not None else None
    with replacing(out, ".pdf") as tmp:
        return render_report(summary, tmp, options, facts, still)


def make_labelled_clip(src: Path, dest: Path, data_root: Path, *,
                       on_progress: Callable[[float], None] | None = None) -> tuple[Verification, Any, str]:
    """The clip as a clinician gets it: the visible label burned in from the first frame, the IPTC
    XMP mark, then a C2PA manifest signed with this installation's chain, read back to check it.
    Returns the verification, a QImage still (a third of the way in) and a note for the person."""
    from healthviz_desktop.core.provenance.credentials import signing_credentials, trust_anchors
    from healthviz_desktop.core.provenance.label import clip_size, label_clip
    from healthviz_desktop.core.provenance.signing import SigningUnavailable, sign_clip, verify_clip
    from healthviz_desktop.core.provenance.xmp import add_xmp_box
    from healthviz_desktop.core.render.clip import MARK_COMMENT, MARK_TITLE
    from healthviz_desktop.reporting.label_art import label_overlay

    credentials = signing_credentials(data_root)  # before the long re-encode: a locked keyring says so now
    width, height = clip_size(src)
    unsigned = dest.with_name(f".{dest.name}.unsigned.mp4")
    try:
        label_clip(src, unsigned, label_overlay(width // 2 * 2, height // 2 * 2), on_progress=on_progress,
                   metadata={"title": MARK_TITLE, "comment": _own_mark(src) or MARK_COMMENT})
        add_xmp_box(unsigned)
        sign_clip(unsigned, dest, credentials, title=dest.name, version=__version__)
    finally:
        unsigned.unlink(missing_ok=True)
    verification = verify_clip(dest, trust_anchors(data_root))
    if not verification.trusted:
        dest.unlink(missing_ok=True)
        raise SigningUnavailable("The signed clip did not verify: " + "; ".join(verification.problems or
                                                                                [verification.state]))
    return verification, _still(dest), credentials.note


def _own_mark(clip: Path) -> str:
    """The clip's own HealthViz comment (it says what the scene came from: the local renderer, or a picture
    an Images service made and this computer animated), or "" when it has none (a downloaded clip)."""
    import av

    try:
        with av.open(str(clip)) as container:
            comment = str(container.metadata.get("comment", ""))
    except (av.FFmpegError, OSError):
        return ""
    return comment if comment.startswith("healthviz:illustration;") else ""


def _still(clip: Path) -> Any:
    from PySide6.QtGui import QImage

    from healthviz_desktop.core.provenance.label import first_frame
    from healthviz_desktop.reporting.qt_setup import ensure_gui

    ensure_gui()
    rgb = first_frame(clip, 1 / 3)
    height, width = int(rgb.shape[0]), int(rgb.shape[1])
    return QImage(rgb.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def job_clip_facts(journal: Journal, job_id: int) -> ClipFacts:
    from healthviz_desktop.core.generation.job_store import JobStore

    job = JobStore(journal.db).get(job_id)
    return clip_facts(job, journal, _provider_label(journal, job.provider), __version__)


def _job_clip(journal: Journal, job_id: int) -> str:
    from healthviz_desktop.core.generation.job_store import JobStore

    return str(JobStore(journal.db).get(job_id).clip_path)


def _provider_label(journal: Journal, name: str) -> str:
    from healthviz_desktop.core.providers.registry import Providers

    with contextlib.suppress(Exception):  # a service removed since keeps its name
        return str(Providers(journal.db).get(name).label)
    return name


def check_destination(target: Path, as_zip: bool) -> None:
    nothing = "Nothing was written."
    if not target.parent.is_dir():
        raise ExportRefused(f"The folder {target.parent} does not exist. {nothing}")
    if target.exists() and (as_zip or not target.is_dir() or any(target.iterdir())):
        raise ExportRefused(f"{target} already exists: choose a new {'file' if as_zip else 'folder'} name. {nothing}")


def _publish(staging: Path, target: Path, files: list[str], as_zip: bool) -> None:
    from healthviz_desktop.core.atomic import fsync_dir, replacing

    if as_zip:
        with replacing(target, ".zip") as tmp, zipfile.ZipFile(tmp, "w") as archive:
            folder = target.stem
            for name in files:  # the clip is compressed already
                kind = zipfile.ZIP_STORED if name.endswith(".mp4") else zipfile.ZIP_DEFLATED
                archive.write(staging / name, f"{folder}/{name}", compress_type=kind)
        return
    final = staging.with_name(f".{target.name}.part")
    final.mkdir(mode=0o700)
    for name in files:
        (staging / name).replace(final / name)
    if target.exists():
        target.rmdir()  # empty, checked above
    final.replace(target)
    fsync_dir(target.parent)
