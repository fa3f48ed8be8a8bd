"""Limits and the day rollover shared by the model and the settings.

Kept apart from ``core/model.py`` so that reading the settings (before the window paints) does not
import the model and what it pulls in (the catalogue, TOML, uuid).
"""

from __future__ import annotations

DAY_ROLLOVER_HOUR = 4
MAX_NAME_CHARS = 80
