"""The first-run welcome offers made-up demo entries only to an empty journal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from healthviz_desktop.core.settings import Settings
from healthviz_desktop.ui.welcome import WelcomeDialog
from tests.ui_helpers import OFFSCREEN_ONLY, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY


def test_no_demo_offer_for_a_journal_with_entries(qtbot: Any, tmp_path: Path) -> None:
    seed_journal(tmp_path / "d", make_entries(4), Settings(first_run_done=False, backup_interval="off"))
    window = open_window(qtbot, tmp_path / "d")
    try:
        welcome = window.findChild(WelcomeDialog)
        assert welcome is not None and welcome.isVisible()
        assert not welcome.demo.isVisible() and not welcome.wants_demo
        welcome.accept()
        assert window.model.total == 8
    finally:
        window.close()
