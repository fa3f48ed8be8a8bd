"""Appearance: system, light or dark, and the few colours the journal draws itself.

Qt 6.8+ can ask the platform for a colour scheme (``QStyleHints.setColorScheme``); where the platform
cannot honour it (plain X11 without a desktop theme, offscreen) the scheme stays Unknown, so we fall
back to Fusion with our own palette. "System" follows ``colorSchemeChanged`` while the app runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # at run time imported where used: see _system_is_dark()
    from PySide6.QtCore import Qt

# One look everywhere. make_app() starts the application with "-style Fusion" rather than calling
# setStyle(): that returns the QStyle, and wrapping it builds QStyle's Python type (~15 ms of enum
# classes) before the first paint.
STYLE = "Fusion"
STYLE_ARGS = ["-style", STYLE]

# DVPRS-style bands: mild green, moderate amber, severe red; tuned for contrast on both backgrounds.
_BANDS = {
    False: {"none": "#8a8f98", "mild": "#2e8540", "moderate": "#b26b00", "severe": "#c0392b"},
    True: {"none": "#9aa0a6", "mild": "#5cc46f", "moderate": "#f0a33a", "severe": "#ff6b5e"},
}

# Series colours of the Trends charts, reused by the doctor's report so both look alike.
CHART_PALETTE = ("#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2", "#edc948", "#9c755f")


def band_hex(band: str, dark: bool = False) -> str:
    """The colour of a severity band ("none", "mild", "moderate", "severe") as #rrggbb."""
    return _BANDS[dark].get(band, _BANDS[False]["none"])


def is_dark(app: QGuiApplication | None = None) -> bool:
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    if app is None:
        return False
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def band_color(band: str) -> QColor:
    return QColor(_BANDS[is_dark()].get(band, _BANDS[False]["none"]))


def _palette(dark: bool) -> QPalette:
    p = QPalette()
    if dark:
        base, window, text, mid = "#1e1f22", "#2b2d31", "#e6e6e6", "#3a3c42"
        highlight, link, disabled = "#3d7bd9", "#8ab4f8", "#80848c"
    else:
        base, window, text, mid = "#ffffff", "#f3f3f5", "#1d1d1f", "#d6d6db"
        highlight, link, disabled = "#2f6fd0", "#1a5fb4", "#8e8e93"
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, window), (roles.WindowText, text), (roles.Base, base),
                         (roles.AlternateBase, window), (roles.Text, text), (roles.Button, window),
                         (roles.ButtonText, text), (roles.ToolTipBase, base), (roles.ToolTipText, text),
                         (roles.PlaceholderText, disabled), (roles.Highlight, highlight),
                         (roles.HighlightedText, "#ffffff"), (roles.Link, link), (roles.Mid, mid),
                         (roles.Midlight, mid), (roles.BrightText, "#ff5555")):
        p.setColor(role, QColor(colour))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return p


def _system_is_dark(app: QApplication) -> bool:
    """Whether the platform's colour scheme is Dark (Unknown counts as light).

    The first time, before we have set a palette of our own, Qt's palette for this platform and
    scheme answers: it is dark exactly when the scheme is Dark (checked under xcb with the gtk3 theme,
    Adwaita and Adwaita:dark). Asking colorScheme() instead would build the Python type of the whole
    Qt namespace (~30 ms of enum classes) before the window's first paint.
    """
    if app.property("healthviz_appearance") is None:
        return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    from PySide6.QtCore import Qt

    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_appearance(app: QApplication, appearance: str) -> None:
    """Apply "system", "light" or "dark". Safe to call again when the setting changes."""
    hints = app.styleHints()
    if appearance in ("dark", "light"):
        from PySide6.QtCore import Qt

        dark = appearance == "dark"
        hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
    else:
        hints.unsetColorScheme()
        dark = _system_is_dark(app)
    if app.property("healthviz_style") != STYLE:  # not started with STYLE_ARGS
        app.setStyle(STYLE)
        app.setProperty("healthviz_style", STYLE)
    app.setPalette(_palette(dark))
    app.setProperty("healthviz_appearance", appearance)


def follow_system(app: QApplication) -> None:
    """Re-apply when the OS switches between light and dark while we run."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if app.property("healthviz_appearance") == "system":
            apply_appearance(app, "system")

    app.styleHints().colorSchemeChanged.connect(changed)
