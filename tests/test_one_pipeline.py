"""`healthviz render` and the window's Send make a clip through the same core object, ClipStudio: quote, send,
drive (core/generation/studio.py, whose docstring says what happens on Send)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from healthviz_desktop.core.generation.studio import ClipChoices, ClipOrder, ClipSource, ClipStudio
from healthviz_desktop.core.journal import Journal
from tests.conftest import sample_entry
from tests.ui_helpers import OFFSCREEN_ONLY


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    for name in ("quote", "send", "drive"):
        real = getattr(ClipStudio, name)

        def spy(self: ClipStudio, *args: Any, _real: Callable[..., Any] = real, _name: str = name,
                **kwargs: Any) -> Any:
            seen.append(_name)
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(ClipStudio, name, spy)
    return seen


def test_the_cli_renders_through_clip_studio(cli: Any, calls: list[str], tmp_path: Path) -> None:
    added = cli("entry", "add", "--at", "2026-03-03T09:30:00+01:00", "--symptom", "migraine severity=6", "--json")
    out = tmp_path / "clip.mp4"
    r = cli("render", "--entry", str(json.loads(added.out)["id"]), "--seconds", "4", "-o", str(out))
    assert r.code == 0, r.err
    assert calls == ["quote", "send", "drive"] and out.exists()


@OFFSCREEN_ONLY
def test_the_windows_send_goes_through_clip_studio(qtbot: Any, journal: Journal, calls: list[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from healthviz_desktop.ui.clip_jobs import ClipJobs
    from healthviz_desktop.ui.clip_sender import ClipSender

    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    entry = journal.add(sample_entry())
    parent = QWidget()
    qtbot.addWidget(parent)
    sender = ClipSender(parent, ClipJobs(ClipStudio(journal), parent))
    with qtbot.waitSignal(sender.finished, timeout=120_000) as done:
        sender.send(ClipOrder(ClipSource.moment(int(entry.id or 0)), ClipChoices(seconds=4), "local"))
    assert done.args[0].status == "completed" and calls == ["quote", "send", "drive"]
