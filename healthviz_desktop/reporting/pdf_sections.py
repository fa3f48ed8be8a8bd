"""The blocks of page one, in clinicians' reading order: the key numbers per symptom (days, the 3-month
trend, severity, duration), acute-medication days with the overuse flag, medications and relief,
triggers and qualities, and the clip. Each draws at (x, y) and returns the height it took."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.report.export_files import ClipFacts
from healthviz_desktop.core.report.summary import MedicationSummary, ReportSummary, format_minutes
from healthviz_desktop.core.trends import FLAG_CAVEAT, grouped_flags, month_label, months_note
from healthviz_desktop.reporting.pdf_canvas import FAINT, MUTED, RULE, TEXT, Canvas
from healthviz_desktop.ui.theme import band_hex

BODY = 7.6
SMALL = 6.4


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    align: str = "left"
    size: float = BODY


def heading(c: Canvas, x: float, y: float, width: float, text: str, aside: str = "") -> float:
    c.text(x, y, width, text, 9.5, bold=True)
    if aside:
        c.text(x, y + 1.6, width, aside, SMALL, color=MUTED, align="right", wrap=False)
    c.line(x, y + 13, x + width, y + 13, color=RULE, width=0.6)
    return 16.0


def table(c: Canvas, x: float, y: float, columns: list[Column], rows: list[list[str]],
          groups: list[tuple[str, int]] | None = None, colours: dict[tuple[int, int], str] | None = None) -> float:
    """A plain table: optional group titles over the column titles, zebra rows, one line per cell."""
    top = y
    width = sum(col.width for col in columns)
    if groups:
        gx, start = x, 0
        for title, span in groups:
            w = sum(col.width for col in columns[start:start + span])
            start += span
            if title:
                c.text(gx, y, w, title, SMALL, bold=True, color=MUTED, align="center", wrap=False)
                c.line(gx + 3, y + 8.4, gx + w - 3, y + 8.4, color=RULE, width=0.4)
            gx += w
        y += 9.5
    cx = x
    for col in columns:
        c.text(cx + 1.5, y, col.width - 3, col.title, SMALL, color=MUTED, align=col.align, wrap=False)
        cx += col.width
    y += 9.0
    row_h = c.line_height(BODY) + 1.6
    for r, row in enumerate(rows):
        if r % 2 == 0:
            c.rect(x, y, width, row_h, FAINT)
        cx = x
        for k, (col, cell) in enumerate(zip(columns, row, strict=True)):
            colour = (colours or {}).get((r, k))
            if colour:
                c.rect(cx + 1.5, y + row_h / 2 - 2.4, 4.8, 4.8, colour)
                c.text(cx + 8, y + 0.8, col.width - 9.5, cell, BODY, align=col.align, wrap=False)
            else:
                c.text(cx + 1.5, y + 0.8 + (BODY - col.size) * 0.6, col.width - 3, cell, col.size, align=col.align,
                       wrap=False, bold=k == 0)
            cx += col.width
        y += row_h
    return y - top


def _severity(value: float | None) -> tuple[str, str | None]:
    if value is None:
        return "—", None
    band = catalogue().severity_band(round(value))
    shown = f"{value:.1f}" if isinstance(value, float) else str(value)
    return f"{shown} {band}", band_hex(band)


def key_numbers(c: Canvas, s: ReportSummary, x: float, y: float, width: float, rows: int) -> float:
    top = y
    trend = s.months[-3:]
    y += heading(c, x, y, width, "How often, how bad, how long",
                 f"{s.days}-day period against the {s.days} days before")
    scale = width / 494.0
    cols = [Column("Symptom", 100), Column("this period", 36, "right"), Column("previous", 36, "right"),
            Column("change", 36, "right"),
            *[Column(month_label(m, s.generated_on).split(" ")[0] + ("*" if month_label(m, s.generated_on)
                     .endswith("*") else ""), 30, "right") for m in trend],
            *[Column("", 30) for _ in range(3 - len(trend))],
            Column("mean", 58), Column("highest", 58), Column("total", 40, "right"), Column("median", 40, "right")]
    cols = [Column(col.title, col.width * scale, col.align) for col in cols]
    body: list[list[str]] = []
    colours: dict[tuple[int, int], str] = {}
    for r, sym in enumerate(s.symptoms[:rows]):
        mean, mean_colour = _severity(sym.mean_severity)
        high, high_colour = _severity(sym.highest)
        change = "new" if sym.change is None and sym.days else "—" if sym.change is None else f"{sym.change:+.0%}"
        body.append([sym.label, str(sym.days), str(sym.previous_days), change.replace("-", "−"),
                     *[str(sym.by_month.get(m, 0)) for m in trend], *["" for _ in range(3 - len(trend))],
                     mean, high, format_minutes(sym.total_minutes) if sym.timed else "—",
                     format_minutes(sym.median_minutes) if sym.median_minutes is not None else "—"])
        for k, colour in ((7, mean_colour), (8, high_colour)):
            if colour:
                colours[(r, k)] = colour
    groups = [("", 1), ("Days felt", 3), ("Days per month", 3), ("Severity 0–10", 2), ("Duration", 2)]
    if trend:
        groups[2] = (f"Days per month, {trend[-1][:4]}" if trend[0][:4] == trend[-1][:4] else "Days per month", 3)
    y += table(c, x, y, cols, body, groups, colours)
    if not body:
        y += c.text(x, y + 2, width, "No symptom was recorded in this period.", BODY, color=MUTED) + 2
    anchors = sorted({sym.highest for sym in s.symptoms[:rows] if sym.highest})
    cat = catalogue()
    notes = ["Severity: each day's highest rating, averaged over the days felt. "
             + " · ".join(f"{v} = {cat.severity_anchors[v]}" for v in anchors)]
    notes.append(f"Days per month: {months_note(s.months, s.generated_on)}.")
    if len(s.symptoms) > rows:
        notes.append(f"{len(s.symptoms) - rows} more symptom(s) on the detail page.")
    y += 2
    for note in notes:
        y += c.text(x, y, width, note, SMALL, color=MUTED)
    return y - top


def medication_days(c: Canvas, s: ReportSummary, x: float, y: float, width: float) -> float:
    from healthviz_desktop.reporting.pdf_charts import acute_chart

    top = y
    y += heading(c, x, y, width, "Acute-medication days per month",
                 f"{s.acute_days} days in this period · {s.previous_acute_days} in the previous")
    chart_w = width * 0.56
    height = acute_chart(c, s, x, y, chart_w, 96)
    right = x + chart_w + 12
    rw = width - chart_w - 12
    ry = y
    ry += c.text(right, ry, rw, "Medication-overuse flag (ICHD-3 8.2)", BODY, bold=True) + 1.5
    if s.flags:
        for line in grouped_flags(s.flags, s.generated_on):
            ry += c.text(right, ry, rw, "⚑ " + line, BODY, color="#a12a1e") + 1.2
        ry += c.text(right, ry, rw, "Worth discussing with a clinician; not a diagnosis.", BODY, color="#a12a1e") + 1
    else:
        ry += c.text(right, ry, rw, "No month reaches a threshold in this period: simple analgesics on 15 or more "
                     "days a month; triptans, ergots, opioids or combination analgesics (or several classes "
                     "together) on 10 or more.", BODY) + 1.2
    ry += c.text(right, ry + 1, rw, FLAG_CAVEAT, SMALL, color=MUTED) + 1
    return max(height, ry - y) + (y - top)


def _relief(m: MedicationSummary) -> str:
    if not m.relief_reported:
        return "not rated"
    helped = m.relief.get("good", 0) + m.relief.get("complete", 0)
    text = f"good/complete {helped} of {m.relief_reported}"
    if m.relief.get("none"):
        text += f", none {m.relief['none']}"
    return text + (f"; {m.doses - m.relief_reported} unrated" if m.doses > m.relief_reported else "")


def medications(c: Canvas, s: ReportSummary, x: float, y: float, width: float, rows: int) -> float:
    top = y
    y += heading(c, x, y, width, "Medications", "acute: taken for symptoms · preventive: taken regularly")
    scale = width / 523.0
    cols = [Column("Medication", 98), Column("Kind", 118, size=6.9), Column("Usual dose", 52),
            Column("Doses", 30, "right"), Column("Days taken", 52, "right"),
            Column("Relief after a dose", 173, size=6.9)]
    cols = [Column(col.title, col.width * scale, col.align, col.size) for col in cols]
    body = []
    for m in s.medications[:rows]:
        kind = ("acute" if m.acute else "preventive" if m.acute is False else "not classified")
        kind = f"{kind} · {m.class_label}" if m.acute is not None else kind
        days = str(m.days)
        if m.acute is False:
            days = f"{m.days} of {(s.period.last - m.first_day).days + 1}"
        body.append([m.label, kind, m.usual_dose or "—", str(m.doses), days,
                     _relief(m) if m.acute is not False else "—"])
    y += table(c, x, y, cols, body)
    if not body:
        y += c.text(x, y + 2, width, "No medication was recorded in this period.", BODY, color=MUTED) + 2
    if len(s.medications) > rows:
        y += c.text(x, y + 1, width, f"{len(s.medications) - rows} more on the detail page.", SMALL, color=MUTED) + 1
    y += c.text(x, y + 1, width, "Days taken for a preventive: days with a dose, of the days since its first dose "
                "in this period. Relief: doses the patient rated good or complete, of those rated.", SMALL,
                color=MUTED) + 1
    return y - top


def patterns(c: Canvas, s: ReportSummary, x: float, y: float, width: float) -> float:
    from healthviz_desktop.core.report.summary import MIN_PATTERN_DAYS

    top = y
    y += heading(c, x, y, width, "Triggers and qualities the patient noted")
    for title, items in (("Triggers noted (days)", s.triggers[:10]),
                         ("How symptoms felt (days)", s.qualities[:10])):
        text = " · ".join(f"{p.name} {p.days}" for p in items) or "none noted often enough to list"
        label_w = 124.0
        c.text(x, y, label_w, title, BODY, bold=True, wrap=False)
        y += max(c.text(x + label_w, y, width - label_w, text, BODY), c.line_height(BODY)) + 1.5
    y += c.text(x, y + 0.5, width, f"Listed once noted on at least {MIN_PATTERN_DAYS} of the {s.recorded_days} days "
                "with entries (and absent on as many). Counted together with the symptoms, not as causes: "
                "a count says nothing about what brought a symptom on.", SMALL, color=MUTED) + 0.5
    return y - top


def clip(c: Canvas, facts: ClipFacts, still: Any, x: float, y: float, width: float, prompt_size: float) -> float:
    from healthviz_desktop.core.provenance.xmp import LABEL_TEXT

    top = y
    y += heading(c, x, y, width, "The illustration clip", "a visual metaphor of the journal, made to show")
    still_w = 132.0
    still_h = still_w * still.height() / max(1, still.width()) if still is not None else 74.0
    if still_h > 150:  # portrait: keep the block short
        still_h = 150.0
        still_w = still_h * still.width() / max(1, still.height())
    if still is not None:
        c.image(x, y, still_w, still_h, still)
    c.rect(x, y, still_w, still_h, None, RULE, 0.5)
    cap = c.text(x, y + still_h + 2, max(still_w, 132.0), LABEL_TEXT, SMALL, bold=True)
    right, rw = x + max(still_w, 132.0) + 10, width - max(still_w, 132.0) - 10
    ry = y
    made = facts.created[:16].replace("T", " ")
    ry += c.text(right, ry, rw, f"Made by: {facts.provider_label} · model {facts.model or '—'} · {facts.seconds} s, "
                 f"{facts.size} · {made} UTC" + (f" · from the journal of {facts.source.replace('..', ' to ')}"
                                                  if facts.source else ""), BODY) + 2
    ry += c.text(right, ry, rw, "The exact prompt:", SMALL, bold=True, color=MUTED)
    ry += c.text(right, ry, rw, facts.prompt or "(none: drawn from a scene file on this computer)", prompt_size,
                 color=TEXT)
    return max(still_h + 2 + cap, ry - y) + (y - top)
