"""A still of the current frame, as PNG, labelled like the clip it comes from.

The picture is the decoded frame itself (from the video sink, at the clip's own size: a widget grab is
blank for video). A still may be shown to a clinician as readily as the clip, so it carries the same
label: visibly, in a strip below the frame (nothing of the picture is covered), and machine-readably, as
PNG text chunks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from healthviz_desktop import __version__
from healthviz_desktop.core.clip_media import AI_LABEL, ClipProvenance
from healthviz_desktop.ui.player.panels import LABEL_BACKGROUND, LABEL_TEXT


class StillError(Exception):
    pass


def labelled_still(frame: QImage, provenance: ClipProvenance | None, at_ms: int) -> QImage:
    if frame.isNull():
        raise StillError("There is no frame to save yet: play the clip or step to a frame first.")
    frame = frame.convertToFormat(QImage.Format.Format_RGB32)
    strip = max(28, frame.height() // 18)
    out = QImage(frame.width(), frame.height() + strip, QImage.Format.Format_RGB32)
    out.fill(QColor(LABEL_BACKGROUND))
    painter = QPainter(out)
    try:
        painter.drawImage(0, 0, frame)
        font = QFont()
        font.setPixelSize(max(11, strip * 11 // 20))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(LABEL_TEXT))
        maker = f" · {provenance.provider}" if provenance and provenance.provider else ""
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(10, frame.height(), frame.width() - 20, strip, align, f"{AI_LABEL}{maker}")
    finally:
        painter.end()
    out.setText("Description", AI_LABEL)
    out.setText("Software", f"HealthViz {__version__}")
    out.setText("Comment", f"healthviz:illustration; frame at {at_ms / 1000:.3f} s; not a medical image")
    if provenance is not None:
        out.setText("Source", provenance.provider)
        if provenance.model:
            out.setText("Model", provenance.model)
        if provenance.made_at is not None:
            out.setText("Creation Time", provenance.made_at.isoformat(timespec="seconds"))
    return out


def save_still(frame: QImage, provenance: ClipProvenance | None, at_ms: int, path: Path) -> Path:
    image = labelled_still(frame, provenance, at_ms)
    path = Path(path).with_suffix(".png")
    if not image.save(str(path)):  # PNG, from the suffix
        raise StillError(f"The picture could not be saved to {path}.")
    return path


def default_still_name(clip: Path, at_ms: int) -> str:
    return f"{clip.stem}-at-{at_ms / 1000:.2f}s.png"
