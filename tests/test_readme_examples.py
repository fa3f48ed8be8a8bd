"""The README's command examples work as written, on a new journal, in order (issue 10: they named entry
ids a fresh journal did not have). Lines that need a person, a key or the network are listed and skipped."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow

# Lines that cannot run unattended and offline, and why (each must still be in the README: see below).
NOT_RUN = {
    "healthviz restore ~/.local/share/HealthViz/backups/journal-…-manual.sqlite3": "a placeholder file name",
    "healthviz keys set myservice": "asks for a key",
    "healthviz keys set openai-images": "asks for a key",
    "healthviz render --entry 12 --provider openai-images --quality medium -o still.mp4": "a remote service",
    "healthviz render --range 2026-10-01..2026-10-28 --provider myservice -o month.mp4": "a remote service",
    "healthviz render --entry 14 --provider myservice --remix 3 -o calmer.mp4": "a remote service",
    "healthviz play migraine.mp4": "opens the player's window (tests/test_player_playback.py plays clips)",
    "healthviz export-doctor … --name Alex Example --notes --omit patterns": "options added to the line above",
}


def readme_commands() -> list[list[str]]:
    """The ``sh`` blocks of "Using it from the command line" as words, continuation lines joined, comments
    dropped."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Using it from the command line", 1)[1].split("\n## ", 1)[0]
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if words:
                commands.append(words)
    return commands


def test_every_readme_command_runs_as_written_on_a_new_journal(tmp_path: Path) -> None:
    commands = readme_commands()
    assert commands[0][:2] == ["healthviz", "demo-data"]
    assert set(NOT_RUN) <= {" ".join(c) for c in commands}, "a skipped line is no longer in the README"
    (tmp_path / "names.txt").write_text("Amara Quell\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Amara Quell said the dark room helps.\n", encoding="utf-8")
    env = {**os.environ, "HEALTHVIZ_DATA_DIR": str(tmp_path / "journal"), "LANG": "C.UTF-8",
           "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(REPO)}
    (tmp_path / "home").mkdir()
    ran = 0
    for words in commands:
        command = " ".join(words)
        if command in NOT_RUN:
            continue
        stdin = None
        if "<" in words:  # the one shell redirection the README uses
            at = words.index("<")
            stdin, words = (tmp_path / words[at + 1]).read_bytes(), words[:at]
        home = tmp_path / "home"  # what a shell makes of ~/ (the README writes the doctor's folder there)
        words = [str(home / w[2:]) if w.startswith("~/") else w for w in words]
        assert words[0] == "healthviz", command
        proc = subprocess.run([sys.executable, "-m", "healthviz_desktop", *words[1:]], input=stdin,
                              capture_output=True, cwd=tmp_path, env=env, timeout=180, check=False)
        assert proc.returncode == 0, (command, proc.stderr.decode("utf-8", "replace"))
        ran += 1
    assert ran == len(commands) - len(NOT_RUN) >= 20
