"""``healthviz play CLIP``: the player in a window of its own (until the Clips tab hosts it)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget

from healthviz_desktop.core.clip_media import ClipProvenance
from healthviz_desktop.ui.player import create_player
from healthviz_desktop.ui.player.prefs import PlayerPrefs


def open_player_window(clip: Path, provenance: ClipProvenance | None, prefs: PlayerPrefs | None) -> QWidget:
    player = create_player(None, prefs)
    player.setWindowTitle(f"{clip.name} — HealthViz")
    player.resize(1100, 560)
    # Shown first, then opened: the other order made the first frame ~15 ms later (benchmarks/bench_clips.py).
    player.show()
    player.open(clip, provenance)  # type: ignore[attr-defined]
    player.setFocus()
    return player


def run_player(clip: Path, provenance: ClipProvenance | None, prefs: PlayerPrefs | None,
               *, quit_after_ms: int = 0) -> int:
    """Show the player until its window closes. ``quit_after_ms`` (screenshots, smoke tests) closes it."""
    from healthviz_desktop.ui.launch import make_app

    os.umask(0o077)
    app = make_app()
    window = open_player_window(clip, provenance, prefs)
    if quit_after_ms:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(quit_after_ms, window.close)
    return int(app.exec())
