"""What the player remembers across sessions (its speed), kept in the person's settings file."""

from __future__ import annotations

import logging
from pathlib import Path

from healthviz_desktop.core.settings import PLAYER_SPEEDS, Settings, SettingsUnreadable, save_settings

log = logging.getLogger(__name__)


class PlayerPrefs:
    """Shares the window's Settings object (so a later Settings save keeps the speed) and saves it on change."""

    def __init__(self, settings: Settings, path: Path | None) -> None:
        self.settings, self.path = settings, path

    @property
    def speed(self) -> float:
        return self.settings.player_speed if self.settings.player_speed in PLAYER_SPEEDS else 1.0

    def remember_speed(self, speed: float) -> None:
        if speed not in PLAYER_SPEEDS or speed == self.settings.player_speed:
            return
        self.settings.player_speed = speed
        if self.path is None:
            return
        try:
            save_settings(self.path, self.settings)
        except SettingsUnreadable:
            pass  # never written over by the way: it may hold private terms (the window says so elsewhere)
        except OSError as exc:
            log.warning("could not save the player speed: %s", exc)
