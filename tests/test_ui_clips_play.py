"""A double-click plays a clip in the Clips tab's embedded player: from the library's grid and from "Clips from
this entry" in the details. Frames are counted where they arrive (the player's video sink), so these run on a
real (virtual) display like the other player tests (marker ``player``, scripts/run-tests.sh)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.player_env import QT_MEDIA_NOISE, require_player
from tests.test_ui_clips_tab import choose, clips_tab, library  # noqa: F401 - the fixture
from tests.ui_helpers import open_window

pytestmark = [pytest.mark.player, QT_MEDIA_NOISE]


def test_double_click_plays_a_card_and_a_clip_of_the_entry(qtbot: Any, library: dict[str, Any]) -> None:  # noqa: F811
    require_player()
    window = open_window(qtbot, library["data"])
    try:
        window.reload(select_id=library["entry"])
        strip = window._entry_clips
        qtbot.waitUntil(lambda: strip.list.count() == 1, timeout=10_000)
        strip.list.itemActivated.emit(strip.list.item(0))  # what a double-click (or Enter) on it does
        qtbot.waitUntil(lambda: window.tabs.currentIndex() == 2)
        tab = window.clips
        qtbot.waitUntil(lambda: tab.pane.player is not None, timeout=10_000)
        player = tab.pane.player
        assert tab.current_job_id() == library["moment"] and player.clip.name == "moment.mp4"
        qtbot.waitUntil(lambda: player.frames_shown > 3, timeout=15_000)  # playing, frames at the sink
        assert player.provenance.provider.startswith("This computer")

        tab = clips_tab(qtbot, window)
        choose(qtbot, tab, library["trend"])  # another card: the player stops ...
        qtbot.waitUntil(lambda: not player.isVisible())
        index = tab.view.currentIndex()
        rect = tab.view.visualRect(index)
        from PySide6.QtCore import Qt

        # ... and a double-click on its card plays it (a click first, as a person's: QTest's double-click
        # alone did not reach the view here)
        qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: Path(player.clip).name == "trend.mp4" and player.isVisible(), timeout=10_000)
        before = player.frames_shown
        qtbot.waitUntil(lambda: player.frames_shown > before + 3, timeout=15_000)
    finally:
        window.close()
