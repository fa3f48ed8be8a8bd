"""Put each curated bug (tests/mutations.toml) into a scratch copy of the tree, run the tests that should
catch it, and report which did: caught, survived, stale (the code it names has moved or changed), error.

Never touches the working tree: every worker copies the project (the files git knows, as they are on disk)
into a temporary folder, applies one mutation at a time there, runs pytest on that copy (PYTHONPATH points
at it, and a check proves the copy is what gets imported), and puts the file back before the next one. The
runs are forked from scripts/pytest_forkserver.py, which has pytest and the heavy third-party modules loaded
but never the project (--no-fork: a fresh pytest each time).
Before any mutation, the listed tests must pass, unskipped, on the unmutated copy: a test that already
fails, or skips, would "catch" everything.

Exit status: 0 when every mutation was caught; 1 when any survived, any snippet is stale, any run erred
or the baseline failed. Usage: scripts/mutation-check.sh [--workers N] [--only ID ...] [--group G ...]
[--check-only] [--list FILE] [--keep] [--no-fork]
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_LIST = REPO / "tests" / "mutations.toml"
FORK_SERVER = Path(__file__).resolve().parent / "pytest_forkserver.py"
PER_TEST_TIMEOUT = 120  # pytest-timeout, seconds: a mutation that makes a test hang fails it
RUN_TIMEOUT = 600  # the whole pytest run for one mutation
SKIP_DIRS = {".git", ".venv", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis",
             "build", "dist"}


@dataclass(frozen=True)
class Mutation:
    id: str
    group: str
    file: str
    original: str
    replacement: str
    description: str
    tests: tuple[str, ...]


@dataclass
class Outcome:
    mutation: Mutation
    state: str  # caught | survived | stale | error
    detail: str = ""
    seconds: float = 0.0
    output: str = field(default="", repr=False)


class ListError(Exception):
    pass


def load_mutations(path: Path) -> list[Mutation]:
    """The curated list. Each entry needs every field; ids are unique."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    entries = data.get("mutation")
    if not isinstance(entries, list) or not entries:
        raise ListError(f"{path}: no [[mutation]] entries")
    out: list[Mutation] = []
    seen: set[str] = set()
    for n, raw in enumerate(entries, 1):
        missing = [k for k in ("id", "group", "file", "original", "replacement", "description", "tests")
                   if not raw.get(k)]
        if missing:
            raise ListError(f"{path}: entry {n} ({raw.get('id', 'no id')}) lacks {', '.join(missing)}")
        unknown = set(raw) - {"id", "group", "file", "original", "replacement", "description", "tests"}
        if unknown:
            raise ListError(f"{path}: entry {raw['id']} has unknown keys {sorted(unknown)}")
        if raw["id"] in seen:
            raise ListError(f"{path}: the id {raw['id']} is used twice")
        if raw["original"] == raw["replacement"]:
            raise ListError(f"{path}: entry {raw['id']}: the replacement is the original")
        seen.add(raw["id"])
        out.append(Mutation(raw["id"], raw["group"], raw["file"], raw["original"], raw["replacement"],
                            raw["description"], tuple(raw["tests"])))
    return out


def staleness(m: Mutation, root: Path, list_name: str) -> str | None:
    """Why this mutation cannot be applied as written (None: it can). Names the entry and the file, so moved
    code is re-pointed, not silently skipped."""
    where = f'mutation "{m.id}" (group {m.group}, {list_name})'
    target = root / m.file
    if not target.is_file():
        return f"{where}: {m.file} does not exist (moved or renamed?): re-point the entry's file"
    found = target.read_text(encoding="utf-8").count(m.original)
    if found != 1:
        how = "is no longer in it" if found == 0 else f"occurs {found} times in it (must be exactly once)"
        return f"{where}: its original snippet {how}: {m.file} changed; re-point the snippet"
    for test in m.tests:
        test_file = root / test.split("::")[0]
        if not test_file.is_file():
            return f"{where}: its test file {test_file.relative_to(root)} does not exist"
    return None


def project_files(repo: Path) -> list[Path]:
    """The files git knows (tracked, and new ones not ignored), as they are on disk now."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=repo, capture_output=True, check=True).stdout.decode().split("\0")
        files = [repo / name for name in listed if name]
    except (OSError, subprocess.CalledProcessError):
        files = [p for p in repo.rglob("*") if p.is_file() and not SKIP_DIRS & set(p.relative_to(repo).parts)]
    return [f for f in files if f.is_file() and not SKIP_DIRS & set(f.relative_to(repo).parts)]


def make_copy(repo: Path, scratch: Path, files: list[Path]) -> Path:
    """``scratch/<repo name>`` holding the project, with ``scratch/shared`` beside it as in CI."""
    root = scratch / repo.name
    for src in files:
        dest = root / src.relative_to(repo)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
    shared = repo.parent / "shared"
    if shared.exists():
        (scratch / "shared").symlink_to(shared, target_is_directory=True)
    return root


class Clock:
    """Distinct modification times for every write, so no byte-code cache ever matches a changed file
    (a .pyc is checked against the source's size and whole-second mtime)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next = int(time.time()) + 10

    def stamp(self, path: Path) -> None:
        with self._lock:
            self._next += 2
            t = self._next
        os.utime(path, (t, t))


def environment(root: Path, tmp: Path) -> dict[str, str]:
    """As scripts/run-tests.sh runs the suite, but importing the copy. Byte code may be cached in the copy
    (a second or so per run): Clock gives every write its own mtime, so no stale cache is ever used."""
    drop = ("PYTEST_ADDOPTS", "PYTHONHOME", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(PYTHONPATH=str(root), QT_QPA_PLATFORM="offscreen", HEALTHVIZ_REQUIRE_ALL="1",
               LANG=env.get("LANG") or "C.UTF-8", TMPDIR=str(tmp))
    return env


def check_imports_from(root: Path, env: dict[str, str]) -> None:
    """The copy, not the working tree (or an installed package), must be what the tests import."""
    probe = subprocess.run([sys.executable, "-c", "import healthviz_desktop, tests; "
                            "print(healthviz_desktop.__file__); print(tests.__file__)"],
                           cwd=root, env=env, capture_output=True, text=True, check=False)
    paths = probe.stdout.split()
    if probe.returncode != 0 or len(paths) != 2 or not all(Path(p).is_relative_to(root) for p in paths):
        raise SystemExit(f"mutation-check: the scratch copy at {root} is not what Python imports "
                         f"({probe.stdout.strip() or probe.stderr.strip()}); refusing to report on it")


def pytest_args(tests: list[str], basetemp: Path, *, stop_first: bool) -> list[str]:
    return ["-q", "-rfEs", "-p", "no:cacheprovider", "--no-header", f"--timeout={PER_TEST_TIMEOUT}",
            f"--basetemp={basetemp}", "--hypothesis-seed=0", *(["-x"] if stop_first else []), *tests]


def run_pytest(root: Path, env: dict[str, str], tests: list[str], basetemp: Path, *,
               stop_first: bool) -> tuple[int, str, float]:
    cmd = [sys.executable, "-m", "pytest", *pytest_args(tests, basetemp, stop_first=stop_first)]
    started = time.monotonic()
    try:
        proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT,
                              check=False)
        return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - started
    except subprocess.TimeoutExpired as exc:
        out = (exc.stdout or b"").decode(errors="replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        return -1, out + f"\n(timed out after {RUN_TIMEOUT} s)", time.monotonic() - started


def _first_failure(output: str) -> str:
    for line in output.splitlines():
        if line.startswith(("FAILED ", "ERROR ")):
            return line.split(" - ")[0].split(" ", 1)[1]
    return ""


def classify(code: int, output: str) -> tuple[str, str]:
    if code == 1:
        return "caught", _first_failure(output)
    if code == -1:
        return "caught", "timed out (the mutation made a test hang)"
    if code == 0:
        return "survived", "every listed test passed with the bug in place"
    reasons = {2: "interrupted or collection error", 3: "pytest internal error", 4: "usage error (a test id "
               "that does not exist?)", 5: "no tests collected"}
    return "error", f"pytest exit {code}: {reasons.get(code, 'unknown')}"


class ForkServer:
    """scripts/pytest_forkserver.py for one copy: each run forks from a process that has pytest and the heavy
    third-party modules loaded already, and imports the project afresh (about a third of a second saved per run)."""

    def __init__(self, root: Path, env: dict[str, str], output: Path) -> None:
        self.output = output
        self.proc = subprocess.Popen([sys.executable, str(FORK_SERVER)], cwd=root, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def run(self, args: list[str]) -> tuple[int, str, float]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps({"args": args, "output": str(self.output), "timeout": RUN_TIMEOUT}) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise OSError(f"the pytest fork server stopped (exit {self.proc.wait()})")
        reply = json.loads(line)
        output = self.output.read_text(encoding="utf-8", errors="replace")
        if reply["timed_out"]:
            return -1, output + f"\n(timed out after {RUN_TIMEOUT} s)", reply["seconds"]
        return reply["code"], output, reply["seconds"]

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Worker:
    def __init__(self, number: int, scratch: Path, files: list[Path], clock: Clock, *, fork: bool) -> None:
        base = scratch / f"w{number}"
        base.mkdir()
        self.root = make_copy(REPO, base, files)
        self.basetemp = base / "pytest-tmp"
        (base / "tmp").mkdir()
        self.env = environment(self.root, base / "tmp")
        self.clock = clock
        check_imports_from(self.root, self.env)
        self.server = ForkServer(self.root, self.env, base / "run-output.txt") if fork else None

    def run(self, tests: list[str]) -> tuple[int, str, float]:
        if self.server is not None:
            return self.server.run(pytest_args(tests, self.basetemp, stop_first=True))
        return run_pytest(self.root, self.env, tests, self.basetemp, stop_first=True)

    def try_mutation(self, m: Mutation) -> Outcome:
        target = self.root / m.file
        original = target.read_bytes()
        text = original.decode("utf-8")
        if text.count(m.original) != 1:  # checked up front too; never apply anything ambiguous
            return Outcome(m, "stale", "snippet not found exactly once in the copy")
        try:
            target.write_text(text.replace(m.original, m.replacement), encoding="utf-8")
            self.clock.stamp(target)
            code, output, seconds = self.run(list(m.tests))
        except OSError as exc:
            return Outcome(m, "error", str(exc))
        finally:
            target.write_bytes(original)
            self.clock.stamp(target)
        state, detail = classify(code, output)
        return Outcome(m, state, detail, seconds, output)


def baseline(workers: list[Worker], tests: list[str]) -> tuple[bool, str, float]:
    """The listed tests on the unmutated copies, split between the workers: all must pass, none may skip."""
    halves = [tests[i::len(workers)] for i in range(len(workers))]
    results: list[tuple[int, str, float]] = [(0, "", 0.0)] * len(workers)

    def run(i: int) -> None:
        if halves[i]:
            results[i] = run_pytest(workers[i].root, workers[i].env, halves[i], workers[i].basetemp,
                                    stop_first=False)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    output = "\n".join(r[1] for r in results)
    skipped = re.findall(r"(\d+) skipped", output)
    ok = all(r[0] == 0 for r in results) and not any(int(n) for n in skipped)
    return ok, output, max(r[2] for r in results)


def print_table(outcomes: list[Outcome]) -> None:
    width = max(len(o.mutation.id) for o in outcomes)
    gwidth = max(len(o.mutation.group) for o in outcomes)
    print(f"{'mutation':<{width}}  {'group':<{gwidth}}  {'result':<8}  {'secs':>5}  detail")
    for o in outcomes:
        print(f"{o.mutation.id:<{width}}  {o.mutation.group:<{gwidth}}  {o.state:<8}  {o.seconds:5.1f}  {o.detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", type=Path, default=DEFAULT_LIST, help="the mutation list (TOML)")
    parser.add_argument("--workers", type=int, default=2, help="copies run in parallel (default 2)")
    parser.add_argument("--only", nargs="+", default=[], metavar="ID", help="just these mutations")
    parser.add_argument("--group", nargs="+", default=[], metavar="G", help="just these groups")
    parser.add_argument("--check-only", action="store_true", help="only check that every snippet still matches")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copies (their path is printed)")
    parser.add_argument("--no-fork", action="store_true",
                        help="start a fresh pytest per mutation instead of forking it from a loaded server")
    args = parser.parse_args(argv)

    try:
        mutations = load_mutations(args.list)
    except (OSError, tomllib.TOMLDecodeError, ListError) as exc:
        print(f"mutation-check: {exc}", file=sys.stderr)
        return 1
    unknown = set(args.only) - {m.id for m in mutations}
    if unknown:
        print(f"mutation-check: no mutation called {', '.join(sorted(unknown))}", file=sys.stderr)
        return 1
    chosen = [m for m in mutations if (not args.only or m.id in args.only)
              and (not args.group or m.group in args.group)]
    list_name = str(args.list.relative_to(REPO)) if args.list.is_relative_to(REPO) else str(args.list)

    stale = {m.id: reason for m in chosen if (reason := staleness(m, REPO, list_name))}
    for reason in stale.values():
        print(f"STALE {reason}", file=sys.stderr)
    if args.check_only:
        print(f"{len(chosen) - len(stale)} of {len(chosen)} mutations apply as written")
        return 1 if stale else 0
    runnable = [m for m in chosen if m.id not in stale]

    started = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="healthviz-mutants-"))
    workers: list[Worker] = []
    try:
        files = project_files(REPO)
        clock = Clock()
        fork = hasattr(os, "fork") and not args.no_fork
        workers.extend(Worker(n, scratch, files, clock, fork=fork) for n in range(max(1, args.workers)))
        tests = sorted({t for m in runnable for t in m.tests})
        print(f"mutation-check: {len(runnable)} mutations, {len(tests)} test ids, {len(workers)} workers "
              f"(scratch copies in {scratch})", flush=True)
        ok, output, seconds = baseline(workers, tests) if tests else (True, "", 0.0)
        if not ok:
            print(output[-6000:])
            print("mutation-check: the listed tests do not all pass (or some skip) on the unmutated tree, so no "
                  "mutation result would mean anything. Fix that first.", file=sys.stderr)
            return 1
        print(f"baseline: the listed tests pass on the unmutated copy ({seconds:.1f} s)", flush=True)

        todo: queue.Queue[Mutation] = queue.Queue()
        for m in runnable:
            todo.put(m)
        outcomes: dict[str, Outcome] = {}
        lock = threading.Lock()

        def work(worker: Worker) -> None:
            while True:
                try:
                    m = todo.get_nowait()
                except queue.Empty:
                    return
                outcome = worker.try_mutation(m)
                with lock:
                    outcomes[m.id] = outcome
                    print(f"  {outcome.state:<8} {m.id} ({outcome.seconds:.1f} s)", flush=True)

        threads = [threading.Thread(target=work, args=(w,)) for w in workers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        for w in workers:
            if w.server is not None:
                w.server.close()
        if args.keep:
            print(f"scratch copies kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    for m in chosen:
        if m.id in stale:
            outcomes[m.id] = Outcome(m, "stale", stale[m.id].split(": ", 1)[1])
    ordered = [outcomes[m.id] for m in chosen]
    print()
    print_table(ordered)
    for o in ordered:
        if o.state in ("survived", "error"):
            print(f"\n--- {o.mutation.id}: {o.mutation.description}\n{o.output[-3000:]}")
    counts = {s: sum(1 for o in ordered if o.state == s) for s in ("caught", "survived", "stale", "error")}
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    print(f"\nmutation-check: {summary} of {len(ordered)} in {time.monotonic() - started:.0f} s")
    return 0 if counts["caught"] == len(ordered) else 1


if __name__ == "__main__":
    sys.exit(main())
