"""The entry details pane's HTML (each kind of thing noted under its own heading) and the status bar's data folder."""

from __future__ import annotations

from datetime import UTC, datetime

from healthviz_desktop.core.model import Entry
from healthviz_desktop.ui.details_view import entry_html


def test_tags_triggers_and_check_in_sit_under_their_own_heading() -> None:
    entry = Entry(occurred_at=datetime(2026, 11, 22, 16, 16, tzinfo=UTC), tags=["migraine"],
                  triggers=["red wine"], mood=6, notes="Aura first.")
    html = entry_html(entry)
    heading = html.index("<h3>Also noted</h3>")
    assert heading < html.index("Tags") < html.index("<h3>Notes</h3>")
    assert html.index("Triggers") > heading and html.index("6/10") > heading


def test_no_heading_when_nothing_else_was_noted() -> None:
    entry = Entry(occurred_at=datetime(2026, 11, 22, 16, 16, tzinfo=UTC), notes="Quiet day.")
    assert "Also noted" not in entry_html(entry)


def test_the_data_folder_is_shown_from_the_home_folder(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from healthviz_desktop.ui.status_line import shown_path

    monkeypatch.setenv("HOME", str(tmp_path))
    assert shown_path(tmp_path / ".local" / "share" / "HealthViz") == "~/.local/share/HealthViz"
    assert shown_path(Path("/srv/journal")) == "/srv/journal"
