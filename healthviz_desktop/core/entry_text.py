"""An entry as plain text, the way `healthviz entry show` prints it and the window's conflict dialog
shows the two versions of an entry side by side."""

from __future__ import annotations

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import Entry

DEMO_MARK = "demo entry (synthetic, from healthviz demo-data)"


def format_entry(entry: Entry, *, heading: bool = True) -> str:
    cat = catalogue()
    lines = [f"Entry {entry.id} — {entry.effective_day():%A %d %B %Y}, {entry.occurred_at:%H:%M (UTC%z)}"
             ] if heading else [f"{entry.effective_day():%A %d %B %Y}, {entry.occurred_at:%H:%M (UTC%z)}"]
    if entry.demo:
        lines.append(f"  [{DEMO_MARK}]")
    for o in entry.observations:
        parts = [f"{o.label} {o.severity}/10 ({cat.severity_anchors[o.severity]})"]
        if o.body_area:
            parts.append(cat.areas[o.body_area].label.lower() if o.body_area in cat.areas else o.body_area)
        if o.qualities:
            parts.append(", ".join(cat.qualities[q].label.lower() if q in cat.qualities else q for q in o.qualities))
        if o.duration_minutes:
            parts.append(f"{o.duration_minutes // 60} h {o.duration_minutes % 60:02d} min")
        lines.append("  • " + " · ".join(parts))
    for d in entry.doses:
        amount = f" {d.amount:g} {d.unit or ''}".rstrip() if d.amount is not None else ""
        relief = f", relief: {d.relief}" if d.relief else ""
        lines.append(f"  ℞ {d.label}{amount}{relief}")
    facts = [f"{k} {v}" for k, v in (("mood", entry.mood), ("energy", entry.energy),
                                     ("sleep", f"{entry.sleep_hours:g} h" if entry.sleep_hours is not None else None),
                                     ("sleep quality", entry.sleep_quality)) if v is not None]
    if facts:
        lines.append("  " + ", ".join(facts))
    if entry.triggers:
        lines.append("  Triggers: " + ", ".join(entry.triggers))
    if entry.tags:
        lines.append("  Tags: " + ", ".join(entry.tags))
    if entry.notes:
        lines.append("  " + entry.notes.replace("\n", "\n  "))
    return "\n".join(lines)
