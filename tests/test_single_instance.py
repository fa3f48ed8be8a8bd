"""A second `healthviz` on the same journal raises the first window instead of opening a rival; another
journal opens its own; a killed first instance does not block the next one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.ui.single_instance import SingleInstance
from tests.conftest import REPO
from tests.ui_helpers import OFFSCREEN_ONLY

pytestmark = OFFSCREEN_ONLY


def _env(runtime: Path) -> dict[str, str]:
    return {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1"}


def test_a_second_instance_raises_the_first_and_exits(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    journal = tmp_path / "journal"
    first = SingleInstance(DataPaths.at(journal))
    assert first.claim()
    first.listen()
    with qtbot.waitSignal(first.raise_requested, timeout=30_000):
        second = subprocess.Popen([sys.executable, "-m", "healthviz_desktop", "--data-dir", str(journal)],
                                  cwd=REPO, env=_env(runtime), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    assert "already open on this journal: its window was brought to the front" in out
    assert not journal.exists()  # the second instance opened nothing, not even the journal
    assert SingleInstance(DataPaths.at(tmp_path / "other journal")).claim()  # another journal: its own window
    first.release()


def test_a_killed_first_instance_does_not_block_the_next(tmp_path: Path, monkeypatch: Any) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    journal = tmp_path / "journal"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from healthviz_desktop.core.paths import DataPaths; "
         "from healthviz_desktop.ui.single_instance import SingleInstance; "
         "s = SingleInstance(DataPaths.at(sys.argv[1])); print(s.claim(), flush=True); time.sleep(60)",
         str(journal)], cwd=REPO, env=_env(runtime), stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
    assert not SingleInstance(DataPaths.at(journal)).claim()  # held by a live process
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    again = SingleInstance(DataPaths.at(journal))
    assert again.claim()  # the dead process's lock is taken over
    again.release()


def test_two_launches_of_the_app_make_one_window(tmp_path: Path) -> None:
    import time

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    journal = tmp_path / "journal"
    cmd = [sys.executable, "-m", "healthviz_desktop", "--data-dir", str(journal)]
    first = subprocess.Popen(cmd, cwd=REPO, env=_env(runtime), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        deadline = time.monotonic() + 60
        while not any(p.suffix == ".socket" for p in runtime.iterdir()):  # listening once it has painted
            assert first.poll() is None and time.monotonic() < deadline, first.stderr.read() if first.stderr else ""
            time.sleep(0.1)
        second = subprocess.run(cmd, cwd=REPO, env=_env(runtime), capture_output=True, text=True, timeout=60,
                                check=False)
        assert second.returncode == 0 and "its window was brought to the front" in second.stdout, second.stderr
        assert first.poll() is None  # the first window is still open
    finally:
        first.terminate()
        first.wait(timeout=60)
