"""The Clips library's Qt model without a window: cards read from a real journal file, filtered and sorted,
thumbnails asked for only when shown and made off the GUI thread from real MP4s, a job's progress moving its
card in place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from healthviz_desktop.core.clip_library import CardFilter, load_card, load_cards, provider_facts
from healthviz_desktop.core.clip_thumbnails import ThumbnailCache
from healthviz_desktop.core.clip_trash import trash_clip
from healthviz_desktop.core.generation.job_store import JobStore
from healthviz_desktop.core.generation.steps import JobEvent
from healthviz_desktop.core.generation.studio import ClipChoices, ClipSource, ClipStudio
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.providers.registry import Providers
from healthviz_desktop.ui.clips_model import CardRole, ClipsModel, ThumbRole
from healthviz_desktop.ui.thumbnails import ThumbnailLoader
from tests.conftest import sample_entry
from tests.test_ui_clips_tab import made_clip


@pytest.fixture
def filled(journal: Journal) -> Iterator[dict[str, Any]]:
    entry = journal.add(sample_entry())
    assert entry.id is not None
    made = made_clip(journal, ClipSource.moment(entry.id), "made.mp4")
    broken = made_clip(journal, ClipSource.moment(entry.id), "broken.mp4")
    Path(JobStore(journal.db).get(broken).clip_path or "").write_bytes(b"not a video")
    studio = ClipStudio(journal)
    queued = studio.send(studio.quote(ClipSource.moment(entry.id), ClipChoices(seconds=4), "local")).id
    yield {"journal": journal, "made": made, "broken": broken, "queued": queued}


def read(journal: Journal) -> list[Any]:
    return load_cards(journal.db, provider_facts(Providers(journal.db)))


def test_the_model_shows_the_cards_the_filter_keeps(qtbot: Any, filled: dict[str, Any]) -> None:
    model = ClipsModel(None)
    with qtbot.waitSignal(model.modelReset):
        model.set_cards(read(filled["journal"]))
    assert [model.index(r, 0).data(CardRole).job_id for r in range(model.rowCount())] == [
        filled["queued"], filled["broken"], filled["made"]]
    text = model.index(2, 0).data(Qt.ItemDataRole.DisplayRole)
    assert text.startswith("Headache · ") and "4 s · 1280×720 · This computer" in text and text.endswith("Ready")
    assert "From an entry" in model.index(2, 0).data(Qt.ItemDataRole.ToolTipRole)
    model.set_filter(CardFilter(show="clips", newest_first=False))
    assert [model.card_at(r).job_id for r in range(model.rowCount())] == [filled["made"], filled["broken"]]
    assert model.row_of(filled["queued"]) is None


def test_a_job_event_moves_its_card_in_place_and_a_trashed_card_leaves(qtbot: Any, filled: dict[str, Any]) -> None:
    model = ClipsModel(None)
    model.set_cards(read(filled["journal"]))
    row = model.row_of(filled["queued"])
    assert row is not None
    with qtbot.waitSignal(model.dataChanged) as changed, qtbot.assertNotEmitted(model.modelReset):
        model.job_event(JobEvent(filled["queued"], "running", 0.4, "Drawing frames"))
    assert changed.args[0].row() == row
    state = model.card_at(row).state()
    assert (state.headline, state.progress) == ("Being made 40%", 40)
    journal = filled["journal"]
    trash_clip(journal, filled["made"])
    card = load_card(journal.db, provider_facts(Providers(journal.db)), filled["made"])
    assert card is not None
    model.put(card)  # read again after the write: it is in the trash now
    assert model.row_of(filled["made"]) is None and model.rowCount() == 2


def test_thumbnails_are_made_off_the_gui_thread_when_a_card_is_shown(qtbot: Any, filled: dict[str, Any],
                                                                      tmp_path: Path) -> None:
    loader = ThumbnailLoader(ThumbnailCache(tmp_path / "thumbs"))
    model = ClipsModel(loader)
    model.set_cards(read(filled["journal"]))
    made, broken, queued = (model.index(model.row_of(filled[k]) or 0, 0) for k in ("made", "broken", "queued"))
    assert queued.data(ThumbRole) == ""  # nothing to show yet: a job on its way has no picture
    with qtbot.waitSignal(loader.ready, timeout=20_000), qtbot.waitSignal(loader.failed, timeout=20_000):
        assert made.data(ThumbRole) is None and broken.data(ThumbRole) is None  # asked for, being made
    picture = made.data(ThumbRole)
    assert isinstance(picture, QPixmap) and not picture.isNull()
    assert picture.width() <= model.thumb.width() and picture.height() <= model.thumb.height()
    assert isinstance(broken.data(ThumbRole), str) and broken.data(ThumbRole)  # why there is none
    assert list((tmp_path / "thumbs").glob("**/*.jpg"))  # cached on disk for the next time
    loader.forget()
    loader.wait()
