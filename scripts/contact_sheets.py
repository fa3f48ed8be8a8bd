"""Contact sheets for the local renderer: for each of the 12 fixed scenes (scripts/contact_sheet_scenes.py),
one PNG with 8 frames of the clip, each under its time and the prompt's beat, and the prompt text beside.
Qt (offscreen) sets the text; the frames come from the same drawer the clip is encoded from.
  .venv/bin/python scripts/contact_sheets.py [OUTPUT_DIR] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

FRAMES = 8
THUMB_LONG = 360  # the long side of each frame on the sheet
TEXT_WIDTH = 620


def beat_at(spec, t: float) -> int:
    n = max(1, len(spec.beats))
    return min(n, int(t / spec.seconds * n) + 1)


def sheet(name: str, composed, out: Path) -> Path:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from healthviz_desktop.core.render.scene_draw import SceneDrawer

    spec = composed.spec
    w, h = spec.width, spec.height
    drawer = SceneDrawer(spec, w, h)
    scale = THUMB_LONG / max(w, h)
    tw, th = int(w * scale), int(h * scale)
    cols = 4 if w >= h else 8
    rows = FRAMES // cols
    label_h = 34
    pad = 12
    grid_w = cols * (tw + pad) + pad
    grid_h = rows * (th + label_h + pad) + pad
    page = QImage(grid_w + TEXT_WIDTH, max(grid_h, 760), QImage.Format.Format_RGB888)
    page.fill(QColor("#f4f3ef"))
    painter = QPainter(page)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    small = QFont("DejaVu Sans", 9)
    for k in range(FRAMES):
        index = min(drawer.frame_count - 1, round((k + 0.5) * drawer.frame_count / FRAMES))
        rgb = drawer.frame(index)
        image = QImage(rgb.data, w, h, w * 3, QImage.Format.Format_RGB888).copy()
        x = pad + (k % cols) * (tw + pad)
        y = pad + (k // cols) * (th + label_h + pad)
        painter.drawImage(QRectF(x, y, tw, th), image)
        t = index / drawer.fps
        painter.setFont(small)
        painter.setPen(QColor("#333333"))
        painter.drawText(QRectF(x, y + th + 2, tw, label_h), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         f"{k + 1}. t = {t:.1f} s, beat {beat_at(spec, t)}")
    painter.setFont(QFont("DejaVu Sans", 9))
    painter.setPen(QColor("#111111"))
    text = f"{name}  ({spec.style}, {spec.family}, {w}x{h}, {spec.seconds} s)\n\n{composed.prompt}"
    painter.drawText(QRectF(grid_w + 8, pad, TEXT_WIDTH - 20, page.height() - 2 * pad),
                     Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text)
    painter.end()
    path = out / f"{name}.png"
    page.save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/contact_sheets")
    parser.add_argument("--only", nargs="*", default=None, help="names (or prefixes) of scenes to draw")
    args = parser.parse_args(argv)
    from contact_sheet_scenes import scenes
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["contact-sheets"])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, composed in scenes().items():
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        print(sheet(name, composed, out))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
