"""What the clip commands say, and the code they exit with, is true (issue 9, items 4, 6 and 7): an expired
clip is final and spent, with a way to make it again; a keyring that cannot load is a plain message; "no"
at the confirmation is not an error; `keys delete` with no keyring does not claim to know; the exit codes
are the ones README.md lists."""

from __future__ import annotations

import builtins
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.commands.exit_codes import MEANINGS
from healthviz_desktop.core.database import DatabaseTooNew, StorageError
from tests.conftest import REPO, sample_entry
from tests.fake_videos_server import FakeVideos, save_fake_provider
from tests.support.clip_processes import child_env, prepare, run

Cli = Callable[..., Any]


@pytest.fixture
def entry(data_dir: Path, fake: FakeVideos) -> str:
    """A made-up entry, and provider "fake" (a session key in this process) at the fake service."""
    from healthviz_desktop.core.journal import Journal

    fake.create_poll_after_ms = 10
    journal = Journal.open(data_dir)
    try:
        save_fake_provider(journal.db, fake)
        return str(journal.add(sample_entry()).id)
    finally:
        journal.close()


def test_an_expired_clip_is_said_plainly_charged_once_and_can_be_made_again(
        cli: Cli, entry: str, fake: FakeVideos, tmp_path: Path, media: tuple[bytes, bytes]) -> None:
    out = tmp_path / "clip.mp4"
    fake.fault("content", "410")
    r = cli("render", "--entry", entry, "--provider", "fake", "--seconds", "4", "--yes", "-o", str(out))
    assert r.code == 5
    assert "no longer has this clip (HTTP 410)" in r.err and "Error code" not in r.err
    assert "stays in the ledger as spent" in r.err and "`healthviz jobs remake 1`" in r.err
    (charge,) = json.loads(cli("jobs", "ledger", "--json").out)
    assert charge["job_id"] == 1 and charge["amount"] == pytest.approx(0.40)
    assert "$0.40 spent" in cli("jobs", "budget").out and "still running" not in cli("jobs", "budget").out
    downloads = fake.count("content")
    again = cli("jobs", "resume", "1")  # final: not asked for again, and said so
    assert again.code == 5 and "job 1: failed" in again.out and fake.count("content") == downloads
    remade = cli("jobs", "remake", "1", "--yes")
    assert remade.code == 0, remade.err
    assert out.read_bytes() == media[0]  # to the path the first render was given
    assert fake.made() == 2 and len(json.loads(cli("jobs", "ledger", "--json").out)) == 2


@pytest.mark.parametrize("backend", ["no.such.Keyring", "tests.support.broken_keyring.Keyring"])
def test_a_keyring_that_cannot_load_is_a_plain_message(tmp_path: Path, fake: FakeVideos, backend: str) -> None:
    data = tmp_path / "data"
    entry = prepare(data, fake)
    env = {**child_env(), "PYTHON_KEYRING_BACKEND": backend}
    for args, stdin in ((["keys", "status", "fake"], None), (["keys", "set", "fake"], "test-key\n"),
                        (["keys", "delete", "fake"], None),
                        (["render", "--entry", str(entry), "--provider", "fake", "--yes", "-o",
                          str(tmp_path / "x.mp4")], None)):
        import subprocess

        proc = subprocess.run([sys.executable, "-m", "healthviz_desktop", "--data-dir", str(data), *args],
                              cwd=REPO, env=env, input=stdin, capture_output=True, text=True, timeout=120)
        said = proc.stdout + proc.stderr
        assert proc.returncode == 1, (args, said)
        assert "Traceback" not in said and "The system keyring could not be used" in said, (args, said)
        assert "PYTHON_KEYRING_BACKEND" in said and "test-key" not in said
    assert fake.requests == []


def test_no_at_the_confirmation_is_not_an_error(cli: Cli, entry: str, fake: FakeVideos, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", lambda _prompt="": "n")
    r = cli("render", "--entry", entry, "--provider", "fake", "--seconds", "4", "-o", str(tmp_path / "x.mp4"))
    assert r.code == 0 and "Not sent: nothing left this computer." in r.err and "error" not in r.err
    assert fake.requests == [] and json.loads(cli("jobs", "list", "--json").out) == []


def test_keys_delete_with_no_keyring_does_not_claim_the_key_was_not_stored(
        cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    from healthviz_desktop.core import keys

    monkeypatch.setattr(keys, "_SESSION", {})  # no key typed for this session either
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        r = cli("keys", "delete", "fake")
        assert r.code == 1 and "was not stored" not in r.out + r.err and "No system keyring" in r.err
        s = cli("keys", "status", "fake")
        assert s.code == 1 and "no_keyring" in s.out  # 3 means "journal too new"
    finally:
        keyring.set_keyring(before)


def _table(text: str) -> dict[int, str]:
    rows = re.findall(r"^\| (\d+) \| (.+) \|$", text, flags=re.MULTILINE)
    return {int(code): meaning for code, meaning in rows}


def test_the_exit_codes_readme_and_docs_list_are_the_codes_the_cli_uses() -> None:
    assert _table((REPO / "README.md").read_text(encoding="utf-8")) == MEANINGS
    assert DatabaseTooNew.exit_code == 3 and StorageError.exit_code == 4
    from healthviz_desktop.commands import exit_codes
    from healthviz_desktop.core.database import JournalReadOnly
    from healthviz_desktop.core.journal import EditConflict
    assert EditConflict.exit_code == exit_codes.EDIT_CONFLICT and JournalReadOnly.exit_code == exit_codes.READ_ONLY
    from healthviz_desktop.commands import generate_cmds, prompt_cmds

    assert (generate_cmds.DID_NOT_FINISH, generate_cmds.INTERRUPTED, prompt_cmds.EXIT_BLOCKED) == (5, 130, 6)
    reliability = (REPO / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert "README.md#exit-codes" in reliability or _table(reliability) == MEANINGS


def test_usage_exit_code(tmp_path: Path) -> None:
    proc = run(tmp_path, "jobs")
    assert proc.returncode == 2
