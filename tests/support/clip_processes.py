"""Real `healthviz` processes making clips against the fake /videos service (tests/fake_videos_server.py),
stopped with a signal at a chosen stage: the service holds the request of that stage (a hang fault), the
test sees it held, signals the process, then lets the request go."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.conftest import REPO

# stage → (route, fault, variant): where the service holds the client when it is stopped
STAGES: dict[str, tuple[str, str, str | None]] = {
    "create sent, nothing made yet": ("create", "hang", None),
    "create made, answer not back": ("create", "hang_after", None),
    "polling": ("retrieve", "hang_after", None),
    "downloading the clip": ("content", "hang_after", "video"),
    "downloading the thumbnail": ("content", "hang_after", "thumbnail"),
}


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
            "PYTHON_KEYRING_BACKEND": "tests.support.env_keyring.EnvKeyring", "HEALTHVIZ_TEST_KEY": "test-key"}


def spawn(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "healthviz_desktop", "--data-dir", str(data_dir), *args],
                            cwd=REPO, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run(data_dir: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "healthviz_desktop", "--data-dir", str(data_dir), *args],
                          cwd=REPO, env=child_env(), capture_output=True, text=True, timeout=timeout, check=False)


def render(data_dir: Path, entry_id: int, out: Path, provider: str = "fake") -> subprocess.Popen[str]:
    return spawn(data_dir, "render", "--entry", str(entry_id), "--provider", provider, "--seconds", "4",
                 "--yes", "-o", str(out))


def prepare(data_dir: Path, fake: Any, *, settle: float = 0.3) -> int:
    """A journal with one made-up entry and provider "fake" pointing at ``fake``; the entry's id."""
    from healthviz_desktop.core.journal import Journal
    from tests.conftest import sample_entry
    from tests.fake_videos_server import save_fake_provider

    fake.create_poll_after_ms = 10  # the CLI's default first wait is 2 s
    journal = Journal.open(data_dir)
    try:
        save_fake_provider(journal.db, fake, key=None, timeout=10.0, settle=settle)
        entry_id = journal.add(sample_entry()).id
        assert entry_id is not None
        return entry_id
    finally:
        journal.close()


def stop_at(fake: Any, proc: subprocess.Popen[str], stage: str, sig: int, *,
            timeout: float = 60) -> tuple[bool, int, str]:
    """Hold the process at ``stage`` and signal it there. (reached, exit code, stderr)."""
    route, kind, variant = STAGES[stage]
    fake.fault(route, kind, variant=variant, delay=120)
    deadline = time.monotonic() + timeout
    while not fake.holding.is_set() and proc.poll() is None:
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"the process never reached {stage}")
        time.sleep(0.005)
    reached = fake.holding.is_set() and proc.poll() is None
    if reached:
        os.kill(proc.pid, sig)
    _out, err = proc.communicate(timeout=60)
    fake.release_hold()
    fake.faults.clear()
    return reached, proc.returncode, err


def stop_after(proc: subprocess.Popen[str], seconds: float, sig: int = signal.SIGKILL) -> tuple[bool, int, str]:
    """Signal the process after ``seconds``, wherever it is (if it is still running)."""
    try:
        _out, err = proc.communicate(timeout=seconds)
        return False, proc.returncode, err
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, sig)
        _out, err = proc.communicate(timeout=60)
        return True, proc.returncode, err
