"""Quitting the window leaves no D-Bus daemon behind (issue 10: the first launch in an X session without a
session bus left an autolaunched dbus-daemon running). Shown for real: our own Xvfb, no session bus, and
dbus-launch present to be tempted; dbus-launch records each autolaunch in $HOME/.dbus/session-bus/."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from healthviz_desktop.ui.launch import no_dbus_autolaunch
from tests.conftest import REPO
from tests.support.require import unavailable


def test_no_session_bus_means_no_autolaunch_and_a_user_bus_is_used(tmp_path: Path) -> None:
    env: dict[str, str] = {"XDG_RUNTIME_DIR": str(tmp_path)}
    no_dbus_autolaunch(env)
    assert env["DBUS_SESSION_BUS_ADDRESS"] == "disabled:"
    bus = socket.socket(socket.AF_UNIX)
    bus.bind(str(tmp_path / "bus"))
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}
    no_dbus_autolaunch(env)
    assert env["DBUS_SESSION_BUS_ADDRESS"] == f"unix:path={tmp_path / 'bus'}"
    bus.close()
    env = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}
    no_dbus_autolaunch(env)
    assert env == {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"}


@pytest.mark.slow
def test_quitting_the_window_leaves_no_dbus_daemon(tmp_path: Path) -> None:
    xvfb, launcher = shutil.which("Xvfb"), shutil.which("dbus-launch")
    if not xvfb or not launcher:
        unavailable("needs Xvfb and dbus-launch (packages xvfb, dbus-x11) to show what an autolaunch leaves")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    home, runtime = tmp_path / "home", tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    records = home / ".dbus" / "session-bus"
    try:
        with os.fdopen(read_fd) as display_pipe:
            display = display_pipe.readline().strip()
        assert display, "Xvfb did not start"
        env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
        env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb",
                   HEALTHVIZ_BENCH="1", LANG="C.UTF-8", PYTHONDONTWRITEBYTECODE="1")
        proc = subprocess.run([sys.executable, "-m", "healthviz_desktop", "--data-dir", str(tmp_path / "journal")],
                              cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
        launched = sorted(records.glob("*")) if records.is_dir() else []
        assert launched == [], "the window autolaunched a session D-Bus daemon that outlives it"
    finally:
        for record in sorted(records.glob("*")) if records.is_dir() else []:  # clean up what a failure left
            for line in record.read_text(encoding="utf-8").splitlines():
                if line.startswith("DBUS_SESSION_BUS_PID="):
                    os.kill(int(line.split("=", 1)[1]), signal.SIGKILL)
        for pid in _started_with_home(home):  # dbus-launch's watcher: ours, known by the HOME we gave it
            os.kill(pid, signal.SIGKILL)
        server.terminate()
        server.wait(timeout=30)


def _started_with_home(home: Path) -> list[int]:
    """Processes whose environment has HOME=home (only this test's children have that private folder)."""
    wanted = f"HOME={home}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if wanted in (proc / "environ").read_bytes().split(b"\0"):
                    found.append(int(proc.name))
            except OSError:
                continue
    return found
