"""Trends with QtCharts: severity per symptom per day, days with each symptom per month, and
medication days per month with the ICHD-3 medication-overuse flag (a flag to discuss, not a diagnosis).

Aggregation runs in a worker (core/trends.py); this file only turns numbers into charts.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.trends import (
    FLAG_CAVEAT,
    MAX_SHOWN,
    DateRange,
    Trends,
    acute_medication_days,
    class_label,
    compute_trends,
    month_label,
    months_note,
    ranked_symptoms,
)
from healthviz_desktop.ui.theme import CHART_PALETTE as PALETTE
from healthviz_desktop.ui.theme import is_dark
from healthviz_desktop.ui.workers import Workers

if TYPE_CHECKING:
    from healthviz_desktop.core.journal import Journal
    from healthviz_desktop.core.journal_reader import JournalReader

MAX_SERIES = MAX_SHOWN
PERIODS = (("Last 30 days", 30), ("Last 90 days", 90), ("Last 365 days", 365), ("Custom…", -1))


def _label(symptom: str) -> str:
    return catalogue().symptom_label(symptom)


def _consecutive_runs(points: list[tuple[date, int]]) -> list[list[tuple[date, int]]]:
    runs: list[list[tuple[date, int]]] = []
    for day, sev in points:
        if runs and (day - runs[-1][-1][0]).days == 1:
            runs[-1].append((day, sev))
        else:
            runs.append([(day, sev)])
    return [r for r in runs if len(r) > 1]


def axis_labels(months: list[str], today: date | None = None) -> list[str]:
    """Month names, the year under the first one and under each January: 13 labels of "Sep 2026" are
    cut to "Se..." in half a window, and the year repeated on each says nothing new."""
    out = []
    for i, month in enumerate(months):
        name, year = month_label(month, today).split(" ")
        star = "*" if year.endswith("*") else ""
        out.append(f"{name}{star}<br>{year.rstrip('*')}" if i == 0 or month.endswith("-01") else name + star)
    return out


def _msecs(day: date) -> int:
    return int(datetime.combine(day, time(12)).timestamp() * 1000)


class TrendsView(QWidget):
    updated = Signal(object)  # Trends, after the charts show it

    def __init__(self, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workers = workers
        self.journal: Journal | JournalReader | None = None
        self.trends: Trends | None = None
        self._generation = 0
        self.period = QComboBox(self)
        self.period.setAccessibleName("Trend period")
        for label, days in PERIODS:
            self.period.addItem(label, days)
        self.period.setCurrentIndex(1)
        today = QDate.currentDate()
        self.first = QDateEdit(today.addDays(-89), self)
        self.last = QDateEdit(today, self)
        for edit, name in ((self.first, "Trends from"), (self.last, "Trends to")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setVisible(False)
            edit.dateChanged.connect(lambda _d: self.refresh())
        self.period.currentIndexChanged.connect(self._period_changed)
        self.status = QLabel(self)
        self.status.setObjectName("hint")

        self.severity_chart, self.severity_view = self._chart("Severity per day (highest each day, 0–10)")
        self.days_chart, self.days_view = self._chart("Days with each symptom per month")
        self.meds_chart, self.meds_view = self._chart("Days with acute medication per month")
        self.flags = QLabel(self)
        self.flags.setObjectName("overuseFlags")
        self.flags.setWordWrap(True)
        self.flags.setTextFormat(Qt.TextFormat.RichText)
        self.flags.setAccessibleName("Medication overuse flags")

        top = QHBoxLayout()
        top.addWidget(QLabel("Period", self))
        top.addWidget(self.period)
        top.addWidget(self.first)
        top.addWidget(self.last)
        top.addStretch(1)
        top.addWidget(self.status)
        grid = QGridLayout()
        grid.addWidget(self.severity_view, 0, 0, 1, 2)
        grid.addWidget(self.days_view, 1, 0)
        meds = QVBoxLayout()
        meds.addWidget(self.meds_view, 1)
        meds.addWidget(self.flags)
        grid.addLayout(meds, 1, 1)
        grid.setRowStretch(0, 5)
        grid.setRowStretch(1, 6)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(grid, 1)

    def _chart(self, title: str) -> tuple[QChart, QChartView]:
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        view = QChartView(chart, self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setAccessibleName(title)
        view.setMinimumHeight(220)
        return chart, view

    def _period_changed(self, _i: int) -> None:
        custom = self.period.currentData() == -1
        self.first.setVisible(custom)
        self.last.setVisible(custom)
        self.refresh()

    def date_range(self, today: date | None = None) -> DateRange:
        days = self.period.currentData()
        if days == -1:
            first: date = self.first.date().toPython()  # type: ignore[assignment]
            last: date = self.last.date().toPython()  # type: ignore[assignment]
            return DateRange(min(first, last), max(first, last))
        return DateRange.last_days(int(days), today or date.today())

    def show_range(self, first: date, last: date) -> None:
        """Show exactly ``first``..``last`` (a clip card's period): the custom period, read once."""
        for w in (self.period, self.first, self.last):
            w.blockSignals(True)
        try:
            self.period.setCurrentIndex(self.period.findData(-1))
            self.first.setDate(QDate(first.year, first.month, first.day))
            self.last.setDate(QDate(last.year, last.month, last.day))
        finally:
            for w in (self.period, self.first, self.last):
                w.blockSignals(False)
        self.first.setVisible(True)
        self.last.setVisible(True)
        self.refresh()

    def set_journal(self, journal: Journal | JournalReader | None) -> None:
        self.journal = journal
        self.refresh()

    def refresh(self) -> None:
        if self.journal is None:
            return
        self._generation += 1
        generation = self._generation
        self.status.setText("Counting…")
        self.workers.submit(compute_trends, self.journal, self.date_range(),
                            on_result=lambda t: self._show(t, generation))

    # ---- drawing -------------------------------------------------------------------------------

    def _show(self, trends: Trends, generation: int) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.trends = trends
        theme = QChart.ChartTheme.ChartThemeDark if is_dark() else QChart.ChartTheme.ChartThemeLight
        bg = self.palette().color(self.backgroundRole())
        for chart in (self.severity_chart, self.days_chart, self.meds_chart):
            chart.removeAllSeries()
            for axis in chart.axes():
                chart.removeAxis(axis)
            chart.setTheme(theme)
            chart.setBackgroundBrush(bg)
        rng = trends.range
        shown = ranked_symptoms(trends)[:MAX_SERIES]
        self._draw_severity(trends, shown)
        self._draw_bars(self.days_chart, trends.months, {s: trends.symptom_days.get(s, {}) for s in shown},
                        _label, "days")
        self._draw_bars(self.meds_chart, trends.months, acute_medication_days(trends), class_label, "days")
        self._draw_flags(trends)
        n_days = (rng.last - rng.first).days + 1
        self.status.setText(f"{rng.first:%d %b %Y} – {rng.last:%d %b %Y} · {n_days} days · "
                            f"{len(trends.severity)} symptoms recorded")
        self.updated.emit(trends)

    def _draw_severity(self, trends: Trends, shown: list[str]) -> None:
        chart, rng = self.severity_chart, trends.range
        x = QDateTimeAxis()
        x.setFormat("d MMM" if (rng.last - rng.first).days <= 120 else "MMM yyyy")
        x.setRange(QDateTime.fromMSecsSinceEpoch(_msecs(rng.first)), QDateTime.fromMSecsSinceEpoch(_msecs(rng.last)))
        x.setTickCount(7)
        y = QValueAxis()
        y.setRange(0, 10)
        y.setTickCount(6)
        y.setLabelFormat("%d")
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for i, symptom in enumerate(shown):
            colour = QColor(PALETTE[i % len(PALETTE)])
            points = trends.severity.get(symptom, [])
            # Dots for every recorded day; lines only join consecutive days, so a gap of unrecorded
            # days is never drawn as if the symptom had stayed at the same level.
            dots = QScatterSeries()
            dots.setName(_label(symptom))
            dots.setMarkerSize(7 if (rng.last - rng.first).days <= 120 else 5)
            dots.setColor(colour)
            dots.setBorderColor(colour)
            for day, sev in points:
                dots.append(_msecs(day), sev)
            for run in _consecutive_runs(points):
                line = QLineSeries()
                line.setColor(colour)
                for day, sev in run:
                    line.append(_msecs(day), sev)
                chart.addSeries(line)
                line.attachAxis(x)
                line.attachAxis(y)
                for marker in chart.legend().markers(line):
                    marker.setVisible(False)
            chart.addSeries(dots)
            dots.attachAxis(x)
            dots.attachAxis(y)
        if not shown:
            chart.setTitle("Severity per day — no symptoms recorded in this period")
        else:
            chart.setTitle("Severity per day (highest each day, 0–10)")

    def _draw_bars(self, chart: QChart, months: list[str], data: dict[str, dict[str, int]],
                   label: object, unit: str) -> None:
        series = QBarSeries()
        top = 0
        for i, (key, per_month) in enumerate(data.items()):
            bar = QBarSet(label(key))  # type: ignore[operator]
            values = [per_month.get(m, 0) for m in months]
            top = max(top, *values) if values else top
            bar.append([float(v) for v in values])
            bar.setColor(QColor(PALETTE[i % len(PALETTE)]))
            series.append(bar)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(axis_labels(months))
        x.setTruncateLabels(False)  # QtCharts cuts "2026" to "20..." in a 13-month axis it has room for
        x.setTitleText(months_note(months))
        y = QValueAxis()
        step = max(1, -(-(top + 1) // 6))  # whole days per tick, about six ticks
        y.setRange(0, step * max(5, -(-(top + 1) // step)))
        y.setTickType(QValueAxis.TickType.TicksDynamic)
        y.setTickAnchor(0)
        y.setTickInterval(step)
        y.setLabelFormat("%d")
        y.setTitleText(unit)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def _draw_flags(self, trends: Trends) -> None:
        if not trends.flags:
            self.flags.setText("<p>No medication-overuse flag in this period. "
                               "<span style='opacity:.7'>Flags follow ICHD-3: simple analgesics on 15 or "
                               "more days a month; triptans, ergots, opioids or combination analgesics on "
                               "10 or more.</span></p>")
            return
        items = "".join(f"<li>{f.describe()}</li>" for f in trends.flags)
        self.flags.setText(f"<p><b>⚑ Flag to discuss — not a diagnosis</b></p><ul>{items}</ul>"
                           f"<p style='opacity:.75'>{FLAG_CAVEAT}</p>")
