"""What a doctor's export holds besides the PDF, and the choices that shape it: the report's options,
the facts about a clip (clip-prompt.json: the prompt and how it was made, never notes), README.txt.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from healthviz_desktop.core.provenance.xmp import LABEL_TEXT

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.job_store import Job
    from healthviz_desktop.core.journal_reads import JournalReads

SELF_REPORTED = "Self-reported by the patient with HealthViz — not a medical record"
# Sections of the report that can be left out, in page order (the period, the self-reported line and the
# generation date are always there).
SECTIONS = {
    "key_numbers": "Days, severity and duration per symptom",
    "calendar": "Calendar of the period",
    "medication_days": "Acute-medication days and the overuse flag",
    "medications": "Medications, doses and relief",
    "patterns": "Triggers and qualities",
    "clip": "The clip: a still, its prompt, provider and model",
    "detail": "A detail page (every month and symptom)",
}
REPORT_NAME, CLIP_NAME, PROMPT_NAME, README_NAME = "report.pdf", "ai-illustration.mp4", "clip-prompt.json", "README.txt"


class ExportRefused(Exception):
    """The export cannot be written as asked (a message the person can act on); nothing was written."""


@dataclass(frozen=True)
class ReportOptions:
    display_name: str = ""  # off (empty) unless the person adds it
    include_notes: bool = False
    sections: frozenset[str] = frozenset(SECTIONS)
    paper: str = "auto"  # "a4", "letter" or "auto" (by the system's locale)

    def __post_init__(self) -> None:
        unknown = set(self.sections) - set(SECTIONS)
        if unknown:
            raise ExportRefused(f"Unknown report section {sorted(unknown)[0]!r}: choose from {', '.join(SECTIONS)}.")
        if self.paper not in ("auto", "a4", "letter"):
            raise ExportRefused(f"Paper {self.paper!r}: choose a4, letter or auto.")

    def shows(self, section: str) -> bool:
        return section in self.sections


@dataclass(frozen=True)
class ClipFacts:
    """What the report and clip-prompt.json say about a clip: how it was made, nothing of the journal's
    text (the prompt is the de-identified one that was sent, or would have been)."""

    job_id: int
    prompt: str
    provider: str
    provider_label: str
    model: str
    seconds: int
    size: str
    created: str  # ISO time the job was made
    source: str  # the entry's day, or FROM..TO of the entries it was made from
    app_version: str
    extra: dict[str, Any] = field(default_factory=dict)
    picture: dict[str, Any] | None = None  # an Images job: the picture bought (size, quality), animated here

    def as_json(self) -> str:
        data = asdict(self)
        data.pop("extra")
        data.pop("provider_label")
        data["source"] = self.source or None  # a job made from the command line does not record its entries
        data["label"] = LABEL_TEXT
        if self.picture is None:
            data.pop("picture")
            given = "The prompt a video generator was given."
        else:
            given = ("The prompt an image generator was given; HealthViz drew the clip on this computer from the "
                     "picture it made.")
        data["note"] = (f"{given} It was built from the journal's structured fields through HealthViz's own "
                        "vocabulary; the person's notes are not in it.")
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def clip_facts(job: Job, journal: JournalReads, provider_label: str, app_version: str) -> ClipFacts:
    """The facts of a finished job's clip; ExportRefused when the job has no clip to export."""
    from pathlib import Path

    if job.status != "completed" or not job.clip_path:
        raise ExportRefused(f"Job {job.id} has no finished clip ({job.status}); choose a finished one.")
    if not Path(job.clip_path).is_file():
        raise ExportRefused(f"The clip of job {job.id} is no longer at {job.clip_path}.")
    days = sorted(d for d in (_entry_day(journal, i) for i in job.entry_ids) if d is not None)
    # the journal days it was made from, when the job recorded its entries
    source = "" if not days else days[0].isoformat() if days[0] == days[-1] else f"{days[0]}..{days[-1]}"
    picture = {k: job.request.get(k) for k in ("size", "quality")} if job.picture else None
    return ClipFacts(job.id, str(job.request.get("prompt", "")), job.provider, provider_label,
                     str(job.request.get("model", "")), job.clip_seconds, job.clip_size, job.created_at, source,
                     app_version, picture=picture)


def _entry_day(journal: JournalReads, entry_id: int) -> date | None:
    from healthviz_desktop.core.journal_reads import EntryNotFound

    try:
        return journal.get(entry_id, include_deleted=True).effective_day()
    except EntryNotFound:
        return None


def readme_text(*, period: str, generated: date, with_clip: bool, app_version: str) -> str:
    lines = [
        "Symptom summary exported with HealthViz Desktop",
        "=" * 48,
        "",
        f"{SELF_REPORTED}.",
        f"Period: {period}. Generated on the patient's own computer on {generated:%d %B %Y} (HealthViz {app_version}).",
        "",
        f"{REPORT_NAME}  The summary: page one holds it all; a second page may carry detail.",
    ]
    if with_clip:
        lines += [
            f"{CLIP_NAME}  A short illustration made from the journal. {LABEL_TEXT}: it is labelled so",
            "                     on screen from the first frame, and says so in its metadata (IPTC",
            "                     DigitalSourceType trainedAlgorithmicMedia) and in a signed C2PA manifest.",
            f"{PROMPT_NAME}     The exact prompt that made it, the service and model, and when (no notes).",
            "",
            "About the signature: the clip is signed on the patient's computer by a certificate HealthViz made",
            "there, not by a public authority, so C2PA viewers show the signer as \"untrusted\"; that is expected.",
            "Any change to the clip after signing makes its validation fail. On the patient's computer,",
            f"`healthviz verify {CLIP_NAME}` checks it against that certificate.",
        ]
    lines += ["", "Nothing in this folder was sent anywhere by HealthViz; it holds what the patient chose to share.",
              ""]
    return "\n".join(lines)
