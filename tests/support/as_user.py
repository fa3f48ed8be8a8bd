"""Running the CLI as a user for whom file modes count.

Root ignores permission bits, so a read-only folder is only read-only to an ordinary user. Under root (as in
CI) the command runs in a forked child that drops to ``nobody`` before running ``healthviz_desktop.cli.run``;
as any other user it runs in a forked child unchanged. A fork rather than a new process: the interpreter may
live where ``nobody`` cannot read (pyenv under /root), and the child needs nothing from disk but the
journal folder, once the parent has imported what the commands use (``warm``).

If the privileges cannot be dropped for real (no ``nobody`` user, or the child can still write where it
should not), the run fails: a test of read-only folders must never pass by running as root.
"""

from __future__ import annotations

import io
import os
import pwd
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

NOT_DROPPED = 97  # the child's exit code when it still had root's powers after dropping them


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def unprivileged() -> tuple[int, int] | None:
    """(uid, gid) to drop to when running as root; None when already an ordinary user."""
    if os.geteuid() != 0:
        return None
    try:
        user = pwd.getpwnam("nobody")
    except KeyError as exc:
        raise AssertionError("running as root and there is no 'nobody' user to drop to") from exc
    return user.pw_uid, user.pw_gid


@contextmanager
def shared_folder() -> Iterator[Path]:
    """A folder the unprivileged user owns, somewhere it can reach (pytest's tmp_path is root's 0700)."""
    ids = unprivileged()
    base = Path(tempfile.mkdtemp(prefix="healthviz-ro-", dir="/tmp" if ids else None))
    try:
        if ids:
            os.chown(base, *ids)
        yield base
    finally:
        for path in (base, *base.rglob("*")):  # what the test made read-only must be removable
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o700)
        shutil.rmtree(base, ignore_errors=True)


def chown_tree(path: Path) -> None:
    ids = unprivileged()
    if ids:
        for item in (path, *path.rglob("*")):
            os.chown(item, *ids)


_WARM: list[bool] = []


def warm() -> None:
    """Import what the commands import lazily, while the interpreter's files can still be read: the modules,
    and a scratch run of the kinds of command the tests use (stdlib modules load on first call, too)."""
    if _WARM:
        return
    import _strptime  # noqa: F401  (datetime.strptime imports it on first use)
    import contextlib

    import sqlalchemy.dialects.sqlite
    import sqlalchemy.dialects.sqlite.pysqlite  # noqa: F401

    import healthviz_desktop.cli as cli
    import healthviz_desktop.commands.data_cmds
    import healthviz_desktop.commands.entry_edits
    import healthviz_desktop.commands.entry_specs
    import healthviz_desktop.commands.journal_cmds
    import healthviz_desktop.core.backups
    import healthviz_desktop.core.demo_data
    import healthviz_desktop.core.interchange_csv
    import healthviz_desktop.core.interchange_json
    import healthviz_desktop.core.journal
    import healthviz_desktop.core.prompting.composer
    import healthviz_desktop.core.settings
    import healthviz_desktop.core.tables
    import healthviz_desktop.core.trends  # noqa: F401

    with tempfile.TemporaryDirectory() as scratch, contextlib.redirect_stdout(io.StringIO()), \
            contextlib.redirect_stderr(io.StringIO()):
        for argv in (["entry", "add", "--notes", "warm", "--tag", "t"], ["entry", "edit", "1", "--notes", "w"],
                     ["entry", "list", "--json"], ["search", "warm", "--json"], ["info", "--json"], ["backup"],
                     ["export", "-o", f"{scratch}/x.json"], ["entry", "delete", "1"], ["demo-data", "--days", "2"]):
            cli.run(["--data-dir", f"{scratch}/j", *argv])
    _WARM.append(True)


def run_cli_as_user(*argv: str, must_not_write: Path) -> Outcome:
    """``healthviz ARGV`` in a child process as an ordinary user; ``must_not_write`` is a path that user must
    not be able to write (checked in the child, so the test cannot pass as root by accident)."""
    warm()
    ids = unprivileged()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            code = 1
            try:
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8")
                sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8")
                if ids:
                    os.setgroups([])
                    os.setgid(ids[1])
                    os.setuid(ids[0])
                if os.geteuid() == 0 or os.access(must_not_write, os.W_OK):
                    print(f"could not drop privileges: {must_not_write} is still writable", file=sys.stderr)
                    code = NOT_DROPPED
                else:
                    from healthviz_desktop.cli import run

                    try:
                        code = run(list(argv))
                    except SystemExit as exc:
                        code = exc.code if isinstance(exc.code, int) else 1
            except BaseException as exc:  # reported through stderr to the parent
                import traceback

                traceback.print_exception(exc, file=sys.stderr)
                code = 98
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = Outcome(code, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))
    assert code != NOT_DROPPED, result.err
    return result
