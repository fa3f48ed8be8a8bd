"""The visible label on exported clips, drawn once with Qt text into an RGBA image that core blends into
every frame (core/provenance/label.py): "AI-generated illustration — not a medical image", top-right,
white on a dark translucent plate, sized from the frame's short side so it reads at 720p and in portrait.
"""

from __future__ import annotations

from typing import Any

from healthviz_desktop.core.provenance.label import Overlay
from healthviz_desktop.core.provenance.xmp import LABEL_TEXT

# The sentence breaks here when one line would take more than MAX_WIDTH of the frame (portrait clips).
LINES = ("AI-generated illustration —", "not a medical image")
MAX_WIDTH = 0.62


def label_overlay(width: int, height: int) -> Overlay:
    """The label for a ``width`` x ``height`` frame, placed at its top-right corner."""
    import numpy as np
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

    from healthviz_desktop.reporting.qt_setup import ensure_gui, report_font_family

    ensure_gui()
    short = min(width, height)
    font = QFont(report_font_family())
    font.setPixelSize(max(14, round(short * 0.031)))  # 22 px at 720p, in landscape or portrait
    font.setBold(True)
    metrics = QFontMetricsF(font)
    lines = [LABEL_TEXT] if metrics.horizontalAdvance(LABEL_TEXT) <= width * MAX_WIDTH else list(LINES)
    pad = round(font.pixelSize() * 0.55)
    margin = max(8, round(short * 0.025))
    text_w = max(metrics.horizontalAdvance(line) for line in lines)
    line_h = metrics.lineSpacing()
    box_w = int(text_w + 2 * pad + 1) // 2 * 2 + 2
    box_h = int(line_h * len(lines) + 2 * pad * 0.8 + 1) // 2 * 2 + 2
    image = QImage(box_w, box_h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(12, 14, 18, 190))
        painter.drawRoundedRect(QRectF(0, 0, box_w, box_h), pad * 0.6, pad * 0.6)
        painter.setFont(font)
        painter.setPen(QColor(255, 255, 255))
        for i, line in enumerate(lines):
            painter.drawText(QRectF(pad, pad * 0.8 + i * line_h, text_w + 1, line_h),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
    finally:
        painter.end()
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    stride = rgba.bytesPerLine()
    data: Any = np.frombuffer(rgba.constBits(), np.uint8, count=stride * box_h)
    pixels = data.reshape(box_h, stride)[:, :box_w * 4].reshape(box_h, box_w, 4).copy()
    return Overlay(pixels, width - margin - box_w, margin)
