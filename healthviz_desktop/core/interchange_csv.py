"""CSV export for spreadsheets: one row per symptom observation (an entry with none gets one row).

Every row says where its data comes from (``source``: self-reported, or made-up demo data), so a sheet
cut out of the file still says it.

Times are ISO-8601 with their UTC offsets; UTF-8 with a BOM-free header. Lossy by design (doses are
summarised), so it is export-only; the JSON format is the one to import.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from healthviz_desktop.core.atomic import write_atomic
from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Entry

COLUMNS = (
    "entry_uid", "day", "occurred_at", "symptom", "symptom_custom", "severity", "severity_anchor", "qualities",
    "body_area", "onset_at", "duration_minutes", "medications", "triggers", "tags", "mood", "energy",
    "sleep_hours", "sleep_quality", "notes", "source",
)
SELF_REPORTED = "self-reported (HealthViz journal)"
DEMO = "made-up demo data (HealthViz demo-data)"


def _blank(value: object) -> str:
    return "" if value is None else str(value)


def _formula_safe(text: str) -> str:
    # Spreadsheets run cells starting with = + - @ as formulas (CSV injection): quote them as text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_rows(entry: Entry) -> list[list[str]]:
    cat = catalogue()
    meds = "; ".join(
        " ".join(p for p in (d.label, _blank(d.amount if d.amount is None else f"{d.amount:g}"), _blank(d.unit),
                             f"relief={d.relief}" if d.relief else "") if p)
        for d in entry.doses
    )
    shared = [
        meds, "; ".join(entry.triggers), "; ".join(entry.tags), _blank(entry.mood), _blank(entry.energy),
        _blank(entry.sleep_hours), _blank(entry.sleep_quality), entry.notes, DEMO if entry.demo else SELF_REPORTED,
    ]
    head = [entry.uid, entry.effective_day().isoformat(), entry.occurred_at.isoformat()]
    if not entry.observations:
        return [[*head, "", "", "", "", "", "", "", "", *shared]]
    rows = []
    for obs in entry.observations:
        rows.append([
            *head, obs.label, "yes" if obs.custom else "no", str(obs.severity), cat.severity_anchors[obs.severity],
            "; ".join(cat.qualities[q].label for q in obs.qualities),
            cat.areas[obs.body_area].label if obs.body_area else "",
            obs.onset_at.isoformat() if obs.onset_at else "", _blank(obs.duration_minutes), *shared,
        ])
    return rows


def export_csv(journal: Journal, path: Path) -> int:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for entry in journal.all_entries():
        for row in csv_rows(entry):
            writer.writerow([_formula_safe(cell) for cell in row])
            count += 1
    write_atomic(path, buffer.getvalue().encode("utf-8"))
    return count
