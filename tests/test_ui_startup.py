"""What the window may cost before its first paint (issue #3, benchmarks/bench_startup.py).

Run in a fresh interpreter: the test session has long since imported everything. Each module or Python
type named below was measured as milliseconds of start-up and is deferred to after the first paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from healthviz_desktop.ui.launch import parse_args

PROBE = r"""
import json, sys
import PySide6.QtCore as QtCore, PySide6.QtWidgets as QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from healthviz_desktop.ui.launch import build_window, make_app

window = build_window(__import__("pathlib").Path(sys.argv[1]))
app = make_app()
seen = {}

class Hook(QObject):
    def eventFilter(self, obj, event):
        if not seen and event.type() == QEvent.Type.Paint:
            seen["modules"] = sorted(sys.modules)
            # Python types PySide builds on first use: the Qt namespace (~30 ms of enum classes) and QStyle.
            seen["qt_namespace"] = "Qt" in QtCore.__dict__
            seen["qstyle"] = "QStyle" in QtWidgets.__dict__
            seen["title"] = window.windowTitle()
            seen["has_list"] = window.list.isVisible() and window.filters.isVisible()
            QTimer.singleShot(0, app.quit)
        return False

hook = Hook()
window.installEventFilter(hook)
window.show()
app.exec()
seen["style"] = app.style().name()
print(json.dumps(seen))
"""

NOT_BEFORE_PAINT = (
    "sqlalchemy", "sqlmodel", "openai", "av", "numpy", "keyring", "tomllib", "uuid", "html",
    "PySide6.QtCharts", "PySide6.QtMultimedia",
    "healthviz_desktop.core.prompting", "healthviz_desktop.core.model", "healthviz_desktop.core.catalogue",
    "healthviz_desktop.core.query", "healthviz_desktop.core.journal", "healthviz_desktop.core.journal_reader",
    "healthviz_desktop.core.backups", "healthviz_desktop.core.trends",
    "healthviz_desktop.ui.data_actions", "healthviz_desktop.ui.trends_view", "healthviz_desktop.ui.entry_editor",
    "healthviz_desktop.ui.compose_dialog", "healthviz_desktop.ui.journal_delegate",
    "healthviz_desktop.ui.settings_dialog", "healthviz_desktop.ui.opening",
    "healthviz_desktop.ui.player.view", "healthviz_desktop.ui.thumbnails", "healthviz_desktop.core.clip_media",
)


@pytest.fixture(scope="module")
def first_paint(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    data = tmp_path_factory.mktemp("startup") / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", PROBE, str(data)], capture_output=True, text=True, env=env,
                          timeout=60, cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def test_first_paint_is_the_real_window(first_paint: dict[str, object]) -> None:
    assert str(first_paint["title"]).startswith("HealthViz")
    assert first_paint["has_list"] is True
    assert first_paint["style"] == "fusion"  # from "-style Fusion", not setStyle()


def test_nothing_heavy_is_imported_before_the_first_paint(first_paint: dict[str, object]) -> None:
    modules = first_paint["modules"]
    assert isinstance(modules, list)
    early = sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_BEFORE_PAINT))
    assert early == []


def test_no_costly_pyside_type_is_built_before_the_first_paint(first_paint: dict[str, object]) -> None:
    assert first_paint["qt_namespace"] is False
    assert first_paint["qstyle"] is False


def test_parse_args_takes_only_the_data_dir() -> None:
    assert parse_args([]) is None
    assert parse_args(["--data-dir", "/x"]) == Path("/x")
    assert parse_args(["--data-dir=/y"]) == Path("/y")
    with pytest.raises(SystemExit):
        parse_args(["--verbose"])
