"""The report's two pictures: the calendar of the period and acute-medication days per month.

Colours are the Trends view's: days by the 0–10 severity bands (ui/theme.py), medication classes in the
chart palette. Each function draws at (x, y) within ``width`` points and returns the height it took.
"""

from __future__ import annotations

from datetime import date, timedelta

from healthviz_desktop.core.report.summary import DaySummary, ReportSummary
from healthviz_desktop.core.trends import class_label, month_label
from healthviz_desktop.reporting.pdf_canvas import MUTED, RULE, TEXT, Canvas
from healthviz_desktop.ui.theme import CHART_PALETTE, band_hex

STRIP_MAX_DAYS = 124  # up to here one row, a cell per day; longer periods get a week-by-week grid
NO_SYMPTOM = "#e4e6ea"  # recorded, no symptom: light, so the bands stand out
UNRECORDED_BORDER = "#c3c7ce"
ACUTE = "#1d1d1f"
PREVENTIVE = "#4e79a7"


def day_colour(day: DaySummary) -> str | None:
    """The fill of a day: its band, light grey when recorded without symptoms, None when not recorded."""
    from healthviz_desktop.core.catalogue import catalogue

    if day.highest is not None and day.highest >= 1:
        return band_hex(catalogue().severity_band(day.highest))
    return NO_SYMPTOM if day.recorded else None


def calendar(c: Canvas, s: ReportSummary, x: float, y: float, width: float) -> float:
    days = s.calendar
    top = y
    if len(days) <= STRIP_MAX_DAYS:
        y += _strip(c, days, x, y, width)
    else:
        y += _week_grid(c, days, x, y, width)
    y += 3
    y += _legend(c, s, x, y, width)
    return y - top


def _strip(c: Canvas, days: list[DaySummary], x: float, y: float, width: float) -> float:
    cell = width / len(days)
    gap = 0.6 if cell > 3 else 0.2
    label_h = 8.0
    for i, day in enumerate(days):  # month starts (and the first day) named above the strip
        if i == 0 or day.day.day == 1:
            text = f"{day.day.day} {day.day:%b}" + (f" {day.day.year}" if i == 0 or day.day.month == 1 else "")
            c.text(x + i * cell, y, 60, text, 5.8, color=MUTED, wrap=False)
            c.line(x + i * cell, y + label_h - 1, x + i * cell, y + label_h + 14, color=RULE, width=0.4)
    y += label_h
    for i, day in enumerate(days):
        cx = x + i * cell
        fill = day_colour(day)
        c.rect(cx + gap / 2, y, cell - gap, 14, fill, None if fill else UNRECORDED_BORDER, 0.4)
        if day.acute:
            c.dot(cx + cell / 2, y + 17.2, min(1.4, cell / 3), ACUTE)
    _preventive_bars(c, [d.preventives for d in days], x, y + 20, cell)
    return label_h + 20 + 3.5 * max(1, len(_preventive_names(days)))


def _week_grid(c: Canvas, days: list[DaySummary], x: float, y: float, width: float) -> float:
    first = days[0].day - timedelta(days=days[0].day.weekday())  # weeks start on Monday
    weeks = (days[-1].day - first).days // 7 + 1
    label_w = 12.0
    cell = min(9.0, (width - label_w) / weeks)
    label_h = 14.0
    gx = x + label_w
    last_month, last_x = None, -100.0
    for w in range(weeks):  # years on the first row (at the start and each January), months below
        start = first + timedelta(days=7 * w)
        shown = days[0].day if w == 0 else next((start + timedelta(days=k) for k in range(7)
                                                 if (start + timedelta(days=k)).day == 1), None)
        if shown is None or shown.month == last_month or gx + w * cell - last_x < 11:
            continue
        last_month, last_x = shown.month, gx + w * cell
        if w == 0 or shown.month == 1:
            c.text(gx + w * cell, y, 40, str(shown.year), 5.5, color=MUTED, wrap=False, bold=True)
        c.text(gx + w * cell, y + 6.5, 40, f"{shown:%b}", 5.5, color=MUTED, wrap=False)
    y += label_h
    for row, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        if name:
            c.text(x, y + row * cell - 0.5, label_w, name, 4.8, color=MUTED, wrap=False)
    gap = 0.5 if cell > 4 else 0.25
    by_day = {d.day: d for d in days}
    for w in range(weeks):
        for row in range(7):
            day = first + timedelta(days=7 * w + row)
            summary = by_day.get(day)
            if summary is None:
                continue
            cx, cy = gx + w * cell, y + row * cell
            fill = day_colour(summary)
            c.rect(cx + gap / 2, cy + gap / 2, cell - gap, cell - gap, fill, None if fill else UNRECORDED_BORDER, 0.3)
            if summary.acute:
                c.dot(cx + cell / 2, cy + cell / 2, max(0.7, cell * 0.17), ACUTE)
    weekly = [tuple(sorted({p for k in range(7) for p in by_day.get(first + timedelta(days=7 * w + k),
                            DaySummary(date.min, False, None, False, ())).preventives})) for w in range(weeks)]
    _preventive_bars(c, weekly, gx, y + 7 * cell + 2.5, cell)
    return label_h + 7 * cell + 2.5 + 3.5 * max(1, len(_preventive_names(days)))


def _preventive_names(days: list[DaySummary]) -> list[str]:
    return sorted({p for d in days for p in d.preventives})


def _preventive_bars(c: Canvas, slots: list[tuple[str, ...]], x: float, y: float, cell: float) -> None:
    """One thin bar per preventive medication under the calendar, drawn where it was taken."""
    names = sorted({p for slot in slots for p in slot})
    for row, name in enumerate(names[:3]):
        start = None
        for i in range(len(slots) + 1):
            taken = i < len(slots) and name in slots[i]
            if taken and start is None:
                start = i
            if not taken and start is not None:
                c.rect(x + start * cell, y + row * 3.5, (i - start) * cell, 2.2,
                       CHART_PALETTE[row % len(CHART_PALETTE)] if row else PREVENTIVE)
                start = None


def _legend(c: Canvas, s: ReportSummary, x: float, y: float, width: float) -> float:
    from healthviz_desktop.core.catalogue import catalogue

    bands = catalogue().severity_bands
    items: list[tuple[str | None, str, str]] = [
        (None, UNRECORDED_BORDER, "no entry"), (NO_SYMPTOM, "", "no symptom"),
        *[(band_hex(b), "", f"{b} {lo}–{hi}") for b, (lo, hi) in bands.items()]]
    cx, top = x, y
    for fill, border, text in items:
        c.rect(cx, y + 1, 6, 6, fill, border or None, 0.4)
        cx += 8
        c.text(cx, y, 80, text, 6.3, color=TEXT, wrap=False)
        cx += c.text_width(text, 6.3) + 8
    c.dot(cx + 2, y + 4, 1.4, ACUTE)
    cx += 6
    text = "acute medication taken"
    c.text(cx, y, 120, text, 6.3, wrap=False)
    cx += c.text_width(text, 6.3) + 8
    names = _preventive_names(s.calendar)
    for row, name in enumerate(names[:3]):
        label = f"{name} (preventive)"
        if cx + 12 + c.text_width(label, 6.3) > x + width:  # the rest on a line of its own
            cx, y = x, y + 9
        colour = CHART_PALETTE[row % len(CHART_PALETTE)] if row else PREVENTIVE
        c.rect(cx, y + 2.8, 10, 2.2, colour)
        cx += 12
        c.text(cx, y, 120, label, 6.3, wrap=False)
        cx += c.text_width(label, 6.3) + 8
    return y - top + 9.0


def acute_chart(c: Canvas, s: ReportSummary, x: float, y: float, width: float, height: float) -> float:
    """Bars per month and class, as the Trends chart draws them, with the ICHD-3 thresholds as dashed lines."""
    months = s.months
    data = s.acute_days_by_month
    axis_w, label_h, legend_h = 16.0, 16.0, 10.0
    plot_h = height - label_h - legend_h
    top_value = max([v for per in data.values() for v in per.values()] + [15])
    scale = plot_h / (top_value + 2)
    px, pw = x + axis_w, width - axis_w
    base = y + plot_h
    for tick in range(0, top_value + 3, 5):  # y axis in days, every 5
        ty = base - tick * scale
        c.line(px, ty, px + pw, ty, color="#ececf0", width=0.4)
        c.text(x, ty - 3.2, axis_w - 3, str(tick), 5.5, color=MUTED, align="right", wrap=False)
    for threshold, what in ((10, "10: triptans, ergots, opioids, combination"), (15, "15: simple analgesics")):
        ty = base - threshold * scale
        c.line(px, ty, px + pw, ty, color="#c0392b", width=0.6, dashed=True)
        c.text(px + pw - 150, ty - 7, 150, what, 5.2, color="#c0392b", align="right", wrap=False)
    group = pw / max(1, len(months))
    classes = list(data)
    bar = min(9.0, group * 0.8 / max(1, len(classes)))
    for m, month in enumerate(months):
        gx = px + m * group + (group - bar * len(classes)) / 2
        for k, cls in enumerate(classes):
            value = data[cls].get(month, 0)
            if value:
                c.rect(gx + k * bar, base - value * scale, bar * 0.9, value * scale, CHART_PALETTE[k % 8])
        name = month_label(month, s.generated_on)
        short = name if len(months) <= 6 else name.split(" ")[0][:3 if group > 12 else 1] + ("*" if "*" in name else "")
        c.text(px + m * group, base + 2, group, short, 5.5, color=MUTED, align="center", wrap=False)
        if len(months) > 6 and (m == 0 or month.endswith("-01")):
            c.text(px + m * group - 6, base + 8, group + 12, month[:4], 5.2, color=MUTED, align="center", wrap=False)
    c.line(px, base, px + pw, base, color=RULE, width=0.6)
    lx, ly = x, y + height - 8
    for k, cls in enumerate(classes):
        if lx + 8 + c.text_width(class_label(cls), 6.2) > x + width:
            lx, ly = x, ly + 8
        c.rect(lx, ly + 1, 6, 6, CHART_PALETTE[k % 8])
        c.text(lx + 8, ly, 100, class_label(cls), 6.2, wrap=False)
        lx += 14 + c.text_width(class_label(cls), 6.2)
    if not classes:
        c.text(px, y + plot_h / 2 - 4, pw, "No acute medication recorded in this period.", 7, color=MUTED,
               align="center")
    return max(height, ly + 8 - y)
