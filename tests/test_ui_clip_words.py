"""What the clip windows say (issue 10, item 8): the local renderer's progress says it draws (it downloads
nothing: the job's card says "Drawing"); "Show in folder" with no file manager says so and offers the path
to copy; Compose writes the entry's day as it writes the dates beside it; the approval box points to where
the text it approves is."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from healthviz_desktop.core.generation.job_store import JobStore
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.ui import open_folder
from healthviz_desktop.ui.compose_dialog import ComposeDialog
from tests.conftest import sample_entry
from tests.support.player_env import QT_MEDIA_NOISE
from tests.test_ui_clips_tab import choose, clips_tab
from tests.test_ui_clips_tab import library as clips_library  # noqa: F401 - a fixture, used by name
from tests.ui_helpers import OFFSCREEN_ONLY, open_window

pytestmark = [OFFSCREEN_ONLY, QT_MEDIA_NOISE]


@pytest.mark.slow
def test_a_local_render_says_drawing_and_show_in_folder_without_a_file_manager_offers_the_path(
        qtbot: Any, clips_library: dict[str, Any], monkeypatch: pytest.MonkeyPatch,  # noqa: F811 - the fixture
) -> None:
    monkeypatch.setattr(open_folder, "no_folder_handler", lambda: True)  # a bare desktop: nothing opens folders
    window = open_window(qtbot, clips_library["data"])
    try:
        tab = clips_tab(qtbot, window)
        headlines: list[str] = []  # what the queued local job's card says while the window draws it
        tab.model.dataChanged.connect(lambda *_a: headlines.extend(
            c.state().headline for c in (tab.model.card_at(r) for r in range(tab.model.rowCount()))
            if c is not None and c.job_id == clips_library["queued"]))
        choose(qtbot, tab, clips_library["queued"])
        tab.pane.buttons["resume"].click() if tab.pane.buttons["resume"].isVisibleTo(tab) else None
        qtbot.waitUntil(lambda: JobStore(window.journal.db).get(clips_library["queued"]).status == "completed",
                        timeout=120_000)
        assert not any(h.startswith("Download") for h in headlines), headlines
        assert any(h.startswith("Drawing") for h in headlines), headlines

        card = choose(qtbot, tab, clips_library["moment"])
        tab.pane.buttons["folder"].click()  # no file manager: the path is offered instead
        folder = str(Path(card.clip_path).parent)
        box = tab.clip_actions.folder_box
        assert box is not None and box.isVisible() and folder in box.text()
        next(b for b in box.buttons() if b.text() == "Copy path").click()
        assert QGuiApplication.clipboard().text() == folder
    finally:
        window.close()


def test_open_folder_says_so_when_the_desktop_cannot_open_it(qtbot: Any, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    # Linux: no xdg-open, or xdg-open with no program for folders (xdg-mime names none), is no file manager
    mime = tmp_path / "xdg-mime"
    mime.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")  # answers, naming no program
    mime.chmod(0o755)
    tools = {"xdg-open": "/usr/bin/xdg-open", "xdg-mime": str(mime)}
    monkeypatch.setattr(open_folder.shutil, "which", lambda name: tools.get(name))
    assert open_folder.no_folder_handler()
    mime.write_text("#!/bin/sh\necho org.example.Files.desktop\n", encoding="utf-8")
    assert not open_folder.no_folder_handler()
    tools.clear()
    assert open_folder.no_folder_handler()

    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(open_folder, "no_folder_handler", lambda: False)
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))  # Qt could not either
    box = open_folder.open_folder(parent, tmp_path)
    assert box is not None and str(tmp_path) in box.text() and "No file manager" in box.text()
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: True))
    assert open_folder.open_folder(parent, tmp_path) is None  # opened: nothing more to say


def test_compose_writes_the_entry_day_as_it_writes_the_dates(qtbot: Any, journal: Journal) -> None:
    entry = journal.add(sample_entry(day=date(2026, 12, 4), hour=21))  # a Friday
    dialog = ComposeDialog(journal, [], entry_ids=[entry.id])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown_day = dialog.date_from.text()
    assert dialog.date_from.date().toPython() == date(2026, 12, 4)
    assert dialog.entry.currentText().startswith(shown_day + " 21:15"), (dialog.entry.currentText(), shown_day)
    assert "Dec" in shown_day and "2026" in shown_day and "4" in shown_day  # a day a person reads, not 12-04
    # the approval box names the side the prompt it approves is on
    approve_right = dialog.approve.mapTo(dialog, QPoint(dialog.approve.width(), 0)).x()
    prompt_left = dialog.tabs.mapTo(dialog, QPoint(0, 0)).x()
    assert approve_right <= prompt_left and "on the right" in dialog.approve.text()
    assert "below" not in dialog.approve.text()
