"""The app icon, from the PNGs in package data (rendered from resources/healthviz.svg)."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from healthviz_desktop.core.resources import read_bytes

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """Every size, so the window manager, the task switcher and dialogs each get a sharp one."""
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData(read_bytes(f"icons/healthviz-{size}.png"), "PNG"):
            icon.addPixmap(pixmap)
    return icon
