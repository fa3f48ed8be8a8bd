"""A pytest fork server for the mutation check (scripts/mutation_check.py): started once per scratch copy, with the
copy as its working directory and the environment the check builds, it imports pytest and the heavy third-party
modules the tests use, then runs each request in a forked child. Each child imports the project afresh from the
copy as it is on disk at that moment (the server itself never imports healthviz_desktop or tests), so a mutation
is seen exactly as by ``python -m pytest``; what is saved is the interpreter's and pytest's own start-up, about
a third of a second of each run.

Protocol, one JSON object per line: the request on stdin {"args": [...], "output": path, "timeout": seconds};
the reply on stdout {"code": exit code (negative: killed by that signal), "timed_out": bool, "seconds": float}.
The child's stdout and stderr go to the request's output file. POSIX only (os.fork); the check falls back to a
subprocess per run where fork is missing."""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import signal
import sys
import time
import traceback

# third-party only: anything of the copy imported here would be the unmutated module in every child; and no pytest
# plugin (pytest-qt, pytest-timeout, hypothesis), which pytest must import itself to rewrite their asserts
PRELOAD = ("pytest", "_pytest.assertion.rewrite", "_pytest.python", "PySide6.QtCore", "PySide6.QtGui",
           "PySide6.QtWidgets", "sqlalchemy", "platformdirs")
PROJECT_PACKAGES = ("healthviz_desktop", "tests")


def _preload() -> None:
    for name in PRELOAD:
        with contextlib.suppress(ImportError):  # one this environment lacks: the child misses it as pytest would
            importlib.import_module(name)
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in PROJECT_PACKAGES)
    if leaked:
        raise SystemExit(f"pytest-forkserver: the preload imported the project ({', '.join(leaked)})")


def _child(args: list[str], output: str) -> None:
    """Runs in the forked process; never returns."""
    code = 3
    try:
        os.setpgid(0, 0)  # its own process group, so a timeout kills what the tests started too
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)  # the server's stdin carries requests, not the tests' input
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        import pytest

        code = int(pytest.main(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 3
    except BaseException:
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):  # the child is exiting whatever its streams say
                stream.flush()
        os._exit(code)


def _wait(pid: int, timeout: float) -> tuple[int, bool]:
    deadline = time.monotonic() + timeout
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status), False
        if time.monotonic() > deadline:
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError:
                os.kill(pid, signal.SIGKILL)  # killed before it had made its own group
            os.waitpid(pid, 0)
            return -signal.SIGKILL, True
        time.sleep(0.005)


def main() -> int:
    sys.path[0] = os.getcwd()  # as `python -m pytest` run in the copy sees it
    _preload()
    for line in sys.stdin:
        request = json.loads(line)
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            _child(list(request["args"]), request["output"])
        code, timed_out = _wait(pid, float(request["timeout"]))
        reply = {"code": code, "timed_out": timed_out, "seconds": time.monotonic() - started}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
