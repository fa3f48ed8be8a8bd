"""The Clips tab in the real window, on a real journal file with real MP4s: cards and their filters, a card's
source link (the entry selected in the journal, the period in Trends), Reuse prompt (Compose opened with the
clip's exact prompt), Rename, Delete with Undo, and "Clips from this entry" in the details. Playing (a
double-click) is in test_ui_clips_play.py; jobs on their way (Stop, Resume, Retry, Remix) in
test_ui_clips_jobs.py."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.generation.job_store import JobStore
from healthviz_desktop.core.generation.studio import ClipChoices, ClipSource, ClipStudio
from healthviz_desktop.core.journal import Journal
from tests.support.clips import counter_clip
from tests.ui_helpers import OFFSCREEN_ONLY, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY

END = date.today() - timedelta(days=1)


def made_clip(journal: Journal, source: ClipSource, name: str, *, size: tuple[int, int] = (320, 180)) -> int:
    """A job for ``source`` written through the studio, then made: a real MP4 in the journal's clips folder."""
    studio = ClipStudio(journal)
    job = studio.send(studio.quote(source, ClipChoices(seconds=4), "local"))
    journal.paths.clips.mkdir(parents=True, exist_ok=True)
    clip = counter_clip(journal.paths.clips / name, frames=12, size=size)
    JobStore(journal.db).update(job.id, status="completed", clip_path=str(clip), progress=100,
                                finished_at=job.created_at)
    return job.id


@pytest.fixture
def library(tmp_path: Path) -> dict[str, Any]:
    """A journal of 4 days with a clip from its newest entry, one from a period and one still queued."""
    data = tmp_path / "data"
    seed_journal(data, make_entries(4, end=END))
    journal = Journal.open(data)
    try:
        entry = journal.list_entries()[0]
        moment = made_clip(journal, ClipSource.moment(entry.id), "moment.mp4")
        trend = made_clip(journal, ClipSource.trend(END - timedelta(days=3), END), "trend.mp4", size=(180, 320))
        studio = ClipStudio(journal)
        queued = studio.send(studio.quote(ClipSource.explainer("Calmer nights this month."),
                                          ClipChoices(seconds=4), "local")).id
    finally:
        journal.close()
    return {"data": data, "entry": entry.id, "moment": moment, "trend": trend, "queued": queued}


def clips_tab(qtbot: Any, window: Any) -> Any:
    """The Clips tab (Ctrl+3), once its first read is shown."""
    window.tabs.setCurrentIndex(2)
    tab = window.clips
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10_000)
    return tab


def choose(qtbot: Any, tab: Any, job_id: int) -> Any:
    assert tab.select_job(job_id)
    qtbot.waitUntil(lambda: tab.pane.card is not None and tab.pane.card.job_id == job_id)
    return tab.pane.card


def test_the_library_shows_every_clip_and_job_with_filters_and_a_list_view(qtbot: Any, library: dict[str, Any],
                                                                          ) -> None:
    window = open_window(qtbot, library["data"])
    try:
        tab = clips_tab(qtbot, window)
        model = tab.model
        assert [model.card_at(r).job_id for r in range(model.rowCount())] == [
            library["queued"], library["trend"], library["moment"]]  # newest first
        assert window.windowTitle() == "HealthViz — Clips" and tab.count.text() == "3 clips"
        # filters: made from an entry; finished clips only; oldest first
        tab.kind_box.setCurrentIndex(tab.kind_box.findData("moment"))
        assert [model.card_at(r).job_id for r in range(model.rowCount())] == [library["moment"]]
        tab.kind_box.setCurrentIndex(0)
        tab.show_box.setCurrentIndex(tab.show_box.findData("clips"))
        tab.sort_box.setCurrentIndex(tab.sort_box.findData(False))
        assert [model.card_at(r).job_id for r in range(model.rowCount())] == [library["moment"], library["trend"]]
        family = model.card_at(0).family
        tab.family_box.setCurrentIndex(tab.family_box.findData(family))
        assert model.rowCount() >= 1 and all(model.card_at(r).family == family for r in range(model.rowCount()))
        # the list view shows the same cards, one a row
        tab.list_button.click()
        assert tab.view.viewMode() == tab.view.ViewMode.ListMode
        tab.grid_button.click()
        assert tab.view.viewMode() == tab.view.ViewMode.IconMode
        # the pictures are made off the GUI thread and arrive as pixmaps for the cards painted
        qtbot.waitUntil(lambda: len(model.pictures) >= 1, timeout=20_000)
    finally:
        window.close()


def test_a_cards_source_link_selects_its_entry_or_shows_its_period(qtbot: Any, library: dict[str, Any]) -> None:
    window = open_window(qtbot, library["data"])
    try:
        tab = clips_tab(qtbot, window)
        card = choose(qtbot, tab, library["moment"])
        assert card.entry_id == library["entry"] and "<a href" in tab.pane.source.text()
        window.filters.search.setText("no entry says this")  # a filter that hides the entry is cleared
        qtbot.waitUntil(lambda: not window.filters.is_filtered() or window.model.rowCount() == 0)
        window.tabs.setCurrentIndex(2)
        tab.pane.source.linkActivated.emit("source")
        qtbot.waitUntil(lambda: window.tabs.currentIndex() == 0)
        qtbot.waitUntil(lambda: window.selected_entry() is not None
                        and window.selected_entry().id == library["entry"], timeout=10_000)

        window.tabs.setCurrentIndex(2)
        choose(qtbot, tab, library["trend"])
        tab.clip_actions.run("source")
        assert window.tabs.currentIndex() == 1
        shown = window.trends.date_range()
        assert (shown.first, shown.last) == (END - timedelta(days=3), END)
    finally:
        window.close()


def test_reuse_prompt_and_export_open_their_dialogs_for_the_clip(qtbot: Any, library: dict[str, Any]) -> None:
    from healthviz_desktop.ui.compose_dialog import ComposeDialog

    window = open_window(qtbot, library["data"])
    try:
        tab = clips_tab(qtbot, window)
        card = choose(qtbot, tab, library["moment"])
        tab.pane.buttons["reuse"].click()
        qtbot.waitUntil(lambda: bool(window.findChildren(ComposeDialog)))
        dialog = window.findChildren(ComposeDialog)[0]
        assert dialog.prompt.toPlainText() == card.prompt
        assert dialog.mode.currentData() == "moment" and dialog.entry.currentData() == library["entry"]
        assert dialog.provider.currentData() == "local" and dialog.seconds.currentData() == 4
        assert dialog.composed is not None and dialog.composed.verdict.ok and dialog.send.isEnabled()
        dialog.reject()

        tab.pane.buttons["export"].click()  # Export…: the doctor's export, with this clip chosen
        from healthviz_desktop.ui.doctor_export_dialog import DoctorExportDialog

        qtbot.waitUntil(lambda: bool(window.findChildren(DoctorExportDialog)))
        export = window.findChildren(DoctorExportDialog)[0]
        assert export.clip.currentData() == library["moment"]
        export.reject()
    finally:
        window.close()


def test_rename_delete_and_undo(qtbot: Any, library: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = open_window(qtbot, library["data"])
    try:
        tab = clips_tab(qtbot, window)
        choose(qtbot, tab, library["moment"])
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("For Dr Rivera", True))
        tab.pane.buttons["rename"].click()
        qtbot.waitUntil(lambda: tab.pane.card is not None and tab.pane.card.name == "For Dr Rivera",
                        timeout=10_000)
        assert JobStore(window.journal.db).get(library["moment"]).title == "For Dr Rivera"

        clip = Path(tab.pane.card.clip_path)
        tab.pane.buttons["delete"].click()
        qtbot.waitUntil(lambda: tab.model.row_of(library["moment"]) is None, timeout=10_000)
        assert tab.undo_button.isVisibleTo(tab) and "For Dr Rivera" in tab.undo_label.text()
        assert JobStore(window.journal.db).get(library["moment"]).trashed_at and clip.is_file()
        tab.undo_button.click()
        qtbot.waitUntil(lambda: tab.model.row_of(library["moment"]) is not None, timeout=10_000)
        assert not tab.undo_button.isVisibleTo(tab)
        assert JobStore(window.journal.db).get(library["moment"]).trashed_at is None
        assert tab.current_job_id() == library["moment"]  # chosen again where it was
    finally:
        window.close()


def test_the_entry_details_list_the_clips_made_from_it_with_thumbnails(qtbot: Any, library: dict[str, Any]) -> None:
    window = open_window(qtbot, library["data"])
    try:
        window.reload(select_id=library["entry"])
        qtbot.waitUntil(lambda: window.details.entry is not None and window.details.entry.id == library["entry"])
        strip = window._entry_clips
        qtbot.waitUntil(lambda: strip.list.count() == 1, timeout=10_000)
        assert strip.isVisibleTo(window) and strip.heading.text() == "Clips from this entry (1)"
        assert strip.list.item(0).data(0x0100 + 1) == library["moment"]
        qtbot.waitUntil(lambda: not strip.list.item(0).icon().isNull(), timeout=20_000)  # its thumbnail
        others = [e for e in window.journal.list_entries() if e.id != library["entry"]]
        window.reload(select_id=others[0].id)  # an entry without clips: the strip hides
        qtbot.waitUntil(lambda: not strip.isVisibleTo(window), timeout=10_000)
    finally:
        window.close()
