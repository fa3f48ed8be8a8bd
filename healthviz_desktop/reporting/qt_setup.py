"""Qt for drawing without a window: a QGuiApplication when none is running (offscreen), and the
report's own font, loaded from package data so a PDF looks the same on every computer."""

from __future__ import annotations

from typing import Any

FAMILY = "HealthViz Sans"
_FONT_FILES = ("fonts/HealthVizSans-Regular.ttf", "fonts/HealthVizSans-Bold.ttf")
_state: dict[str, Any] = {}


def ensure_gui() -> Any:
    """The running QGuiApplication (the window's), or an offscreen one made for this process."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["healthviz", "-platform", "offscreen"])
        _state["app"] = app  # kept alive for the rest of the process
    return app


def report_font_family() -> str:
    """Load the shipped font once (needs ensure_gui() first) and return its family name."""
    if "family" not in _state:
        from PySide6.QtCore import QByteArray
        from PySide6.QtGui import QFontDatabase

        from healthviz_desktop.core.resources import read_bytes

        families: list[str] = []
        for name in _FONT_FILES:
            font_id = QFontDatabase.addApplicationFontFromData(QByteArray(read_bytes(name)))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        _state["family"] = FAMILY if FAMILY in families else (families[0] if families else "Sans Serif")
    return str(_state["family"])
