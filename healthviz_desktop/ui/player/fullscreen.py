"""Full screen for the whole player (video, controls and provenance), wherever it sits.

A player that is its own window simply goes full screen. An embedded one moves into a full-screen window
of its own, leaving a placeholder where it was, and moves back on Esc or F. Making only the video widget
full screen (QVideoWidget.setFullScreen) would hide the controls and the "not a medical image" label.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QSplitter, QVBoxLayout, QWidget


class FullScreen:
    def __init__(self, player: QWidget) -> None:
        self.player = player
        self._host: QWidget | None = None
        self._placeholder: QWidget | None = None
        self._home: QLayout | QSplitter | None = None
        self._own_window = False

    @property
    def on(self) -> bool:
        return self._own_window or self._host is not None

    def toggle(self) -> None:
        self.leave() if self.on else self.enter()

    def enter(self) -> None:
        if self.on:
            return
        player = self.player
        if player.isWindow():
            self._own_window = True
            player.showFullScreen()
            return
        parent = player.parentWidget()
        layout = parent.layout() if parent is not None else None
        placeholder = QWidget(parent)
        if isinstance(parent, QSplitter):
            parent.replaceWidget(parent.indexOf(player), placeholder)
            self._home = parent
        elif layout is not None and layout.indexOf(player) >= 0:
            layout.replaceWidget(player, placeholder)
            self._home = layout
        else:
            placeholder.deleteLater()
            return  # nowhere to come back to: stay embedded rather than lose the player
        host = QWidget(None, Qt.WindowType.Window)
        host.setWindowTitle(player.window().windowTitle())
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(player)
        self._host, self._placeholder = host, placeholder
        host.showFullScreen()
        player.setFocus()

    def leave(self) -> None:
        player = self.player
        if self._own_window:
            self._own_window = False
            player.showNormal()
            return
        host, placeholder, home = self._host, self._placeholder, self._home
        if host is None or placeholder is None or home is None:
            return
        self._host = self._placeholder = self._home = None
        if isinstance(home, QSplitter):
            home.replaceWidget(home.indexOf(placeholder), player)
        else:
            home.replaceWidget(placeholder, player)
        placeholder.deleteLater()
        host.hide()
        host.deleteLater()
        player.show()
        player.setFocus()
