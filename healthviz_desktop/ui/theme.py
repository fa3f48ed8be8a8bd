"""Appearance: system, light or dark, and the few colours the journal draws itself.

Qt 6.8+ can ask the platform for a colour scheme (``QStyleHints.setColorScheme``); where the platform
cannot honour it (plain X11 without a desktop theme, offscreen) the scheme stays Unknown, so we fall
back to Fusion with our own palette. "System" follows ``colorSchemeChanged`` while the app runs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# DVPRS-style bands: mild green, moderate amber, severe red; tuned for contrast on both backgrounds.
_BANDS = {
    False: {"none": "#8a8f98", "mild": "#2e8540", "moderate": "#b26b00", "severe": "#c0392b"},
    True: {"none": "#9aa0a6", "mild": "#5cc46f", "moderate": "#f0a33a", "severe": "#ff6b5e"},
}


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


def apply_appearance(app: QApplication, appearance: str) -> None:
    """Apply "system", "light" or "dark". Safe to call again when the setting changes."""
    hints = app.styleHints()
    want: bool | None
    if appearance == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        want = True
    elif appearance == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        want = False
    else:
        hints.unsetColorScheme()
        scheme = hints.colorScheme()
        want = None if scheme == Qt.ColorScheme.Unknown else scheme == Qt.ColorScheme.Dark
    app.setStyle("Fusion")  # one look everywhere; follows the palette below
    app.setPalette(_palette(bool(want)))
    app.setProperty("healthviz_appearance", appearance)


def follow_system(app: QApplication) -> None:
    """Re-apply when the OS switches between light and dark while we run."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if app.property("healthviz_appearance") == "system":
            apply_appearance(app, "system")

    app.styleHints().colorSchemeChanged.connect(changed)
