"""A thin layer over QPdfWriter + QPainter that works in points (1/72 inch) and can measure without
drawing, so the report can try a layout, see whether page one holds it, and only then paint.

Fonts are sized in points on the PDF device itself (QFontMetricsF(font, writer)): the metrics of the
page, not of a screen. Everything drawn is vector: text stays text (pdftotext reads it back).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TEXT = "#1d1d1f"
MUTED = "#5f6368"
RULE = "#d6d6db"
FAINT = "#f3f3f5"
RESOLUTION = 720  # device units per inch: 10 per point, fine enough for hairlines


@dataclass(frozen=True)
class Page:
    width: float  # points
    height: float
    margin: float = 36.0

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.margin


class Canvas:
    """Draws in points on one PDF; ``dry`` canvases only measure."""

    def __init__(self, writer: Any, painter: Any | None, family: str) -> None:
        self.writer, self.painter, self.family = writer, painter, family
        self.u: float = writer.resolution() / 72.0
        self._fonts: dict[tuple[float, bool], Any] = {}

    @property
    def dry(self) -> bool:
        return self.painter is None

    def font(self, size: float, bold: bool = False) -> Any:
        key = (size, bold)
        if key not in self._fonts:
            from PySide6.QtGui import QFont

            font = QFont(self.family)
            font.setPointSizeF(size)
            font.setBold(bold)
            font.setKerning(True)
            self._fonts[key] = font
        return self._fonts[key]

    def text_width(self, text: str, size: float, bold: bool = False) -> float:
        from PySide6.QtGui import QFontMetricsF

        return float(QFontMetricsF(self.font(size, bold), self.writer).horizontalAdvance(text)) / float(self.u)

    def line_height(self, size: float) -> float:
        from PySide6.QtGui import QFontMetricsF

        return float(QFontMetricsF(self.font(size), self.writer).lineSpacing()) / float(self.u)

    def text(self, x: float, y: float, width: float, text: str, size: float = 8.5, *, bold: bool = False,
             color: str = TEXT, align: str = "left", wrap: bool = True) -> float:
        """Draw ``text`` in a box ``width`` wide from (x, y) down; returns the height it takes."""
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QColor, QFontMetricsF

        flags = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight,
                 "center": Qt.AlignmentFlag.AlignHCenter}[align] | Qt.AlignmentFlag.AlignTop
        if wrap:
            flags |= Qt.TextFlag.TextWordWrap
        font = self.font(size, bold)
        u = float(self.u)
        box = QRectF(x * u, y * u, width * u, 100_000 * u)
        height = float(QFontMetricsF(font, self.writer).boundingRect(box, int(flags), text).height()) / u
        if self.painter is not None:
            self.painter.setFont(font)
            self.painter.setPen(QColor(color))
            self.painter.drawText(QRectF(x * u, y * u, width * u, (height + 1) * u), int(flags), text)
        return height

    def rect(self, x: float, y: float, w: float, h: float, fill: str | None, border: str | None = None,
             border_width: float = 0.5) -> None:
        if self.painter is None:
            return
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QColor, QPen

        p, u = self.painter, self.u
        p.setPen(QPen(QColor(border), border_width * u) if border else Qt.PenStyle.NoPen)
        p.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x * u, y * u, w * u, h * u))

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str = RULE, width: float = 0.5,
             dashed: bool = False) -> None:
        if self.painter is None:
            return
        from PySide6.QtCore import QLineF, Qt
        from PySide6.QtGui import QColor, QPen

        pen = QPen(QColor(color), width * self.u)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.painter.setPen(pen)
        u = self.u
        self.painter.drawLine(QLineF(x1 * u, y1 * u, x2 * u, y2 * u))

    def dot(self, x: float, y: float, radius: float, color: str) -> None:
        if self.painter is None:
            return
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtGui import QColor

        self.painter.setPen(Qt.PenStyle.NoPen)
        self.painter.setBrush(QColor(color))
        self.painter.drawEllipse(QPointF(x * self.u, y * self.u), radius * self.u, radius * self.u)

    def image(self, x: float, y: float, w: float, h: float, image: Any) -> None:
        if self.painter is None:
            return
        from PySide6.QtCore import QRectF

        u = self.u
        self.painter.drawImage(QRectF(x * u, y * u, w * u, h * u), image)
