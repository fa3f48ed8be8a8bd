"""Kill-and-edit soak: two windows' worth of editors and the CLI edit the same entries at once, and get
SIGKILLed at random, round after round. Afterwards every acknowledged edit must be in the journal (no save
lost, none overwritten unseen) and ``PRAGMA integrity_check`` must say ok.

Each edit adds a unique tag to an entry, so an edit lost to a silent overwrite shows as a missing tag. The
editors are benchmarks/soak_editor.py processes (on a conflict they merge, as the window offers); the CLI
edits are real `healthviz entry edit ID --tag TOKEN` processes, retried when refused with exit code 7.

Usage: .venv/bin/python benchmarks/soak_edits.py [--rounds 50] [--seed 10] [--unsafe] [--no-write]
--unsafe runs the editors without the revision check (as before issue 10): the control that shows the
check is what keeps edits. The figure goes to docs/reliability.md.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.common import write_section  # noqa: E402

ENTRIES = 20  # few, so that edits meet: conflicts are what the soak is about
RELIABILITY = REPO / "docs" / "reliability.md"


@dataclass
class SoakResult:
    rounds: int = 0
    editor_acks: int = 0
    cli_acks: int = 0
    conflicts_merged: int = 0
    cli_refused: int = 0
    kills: int = 0
    lost: list[str] = field(default_factory=list)  # "entry ID: TOKEN" acknowledged but not in the journal
    integrity: list[str] = field(default_factory=list)  # problems found by the checks, per round
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.lost and not self.integrity


def seed_journal(data_dir: Path) -> None:
    from healthviz_desktop.core.demo_data import generate_demo_entries
    from healthviz_desktop.core.journal import Journal

    journal = Journal.open(data_dir)
    journal.add_many(generate_demo_entries(60, seed=3, end=date(2026, 10, 31))[:ENTRIES])
    journal.close()


def check(db: Path, acked: dict[str, int]) -> tuple[list[str], list[str]]:
    """(lost edits, integrity problems) of the journal file, read without changing it."""
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
        entries = conn.execute("SELECT count(*) FROM entry WHERE deleted_at IS NULL").fetchone()[0]
        indexed = conn.execute("SELECT count(*) FROM entry_fts").fetchone()[0]
        if entries != indexed:
            problems.append(f"search index holds {indexed} rows for {entries} entries")
        tags = {(r[0], r[1]) for r in conn.execute("SELECT entry_id, name FROM entry_label WHERE kind = 'tag'")}
    finally:
        conn.close()
    lost = [f"entry {entry_id}: {token}" for token, entry_id in sorted(acked.items()) if (entry_id, token) not in tags]
    return lost, problems


def _kill(proc: subprocess.Popen[str]) -> bool:
    """SIGKILL proc if it still runs; False when it had already ended. Another thread may reap it between
    a poll() and os.kill (the CLI child is waited on by its own thread), so a vanished pid is no error."""
    if proc.poll() is not None:
        return False
    try:
        os.kill(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        return False
    return True


class Round:
    """The processes of one round: editors, and a thread running CLI edits one after another."""

    def __init__(self, data_dir: Path, number: int, rng: random.Random, result: SoakResult, unsafe: bool) -> None:
        self.data_dir, self.number, self.rng, self.result = data_dir, number, rng, result
        self.acked: dict[str, int] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.cli_child: subprocess.Popen[str] | None = None
        self.editors = [subprocess.Popen(
            [sys.executable, "-m", "benchmarks.soak_editor", str(data_dir), f"r{number}w{w}",
             str(rng.randrange(1 << 30)), *(["--unsafe"] if unsafe else [])],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for w in range(2)]
        self.readers = [threading.Thread(target=self._read_editor, args=(p,), daemon=True) for p in self.editors]
        for t in self.readers:
            t.start()
        self.cli = threading.Thread(target=self._cli_edits, daemon=True)
        self.cli.start()

    def _read_editor(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            words = line.split()
            with self.lock:
                if words[:1] == ["ack"]:
                    self.acked[words[2]] = int(words[1])
                    self.result.editor_acks += 1
                elif words[:1] == ["conflict"]:
                    self.result.conflicts_merged += 1

    def _cli_edits(self) -> None:
        n = 0
        while not self.stopping.is_set():
            entry_id, token = self.rng.randint(1, ENTRIES), f"r{self.number}cli-{n}"
            n += 1
            for _attempt in range(5):
                child = subprocess.Popen(
                    [sys.executable, "-m", "healthviz_desktop", "--data-dir", str(self.data_dir), "entry", "edit",
                     str(entry_id), "--tag", token], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    text=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
                self.cli_child = child
                _out, err = child.communicate()
                if child.returncode == 0:
                    with self.lock:
                        self.acked[token] = entry_id
                        self.result.cli_acks += 1
                    break
                if child.returncode == 7:  # refused: the entry changed meanwhile; a script runs it again
                    with self.lock:
                        self.result.cli_refused += 1
                    continue
                if child.returncode == 1 and "at most 50 items" in err:
                    break  # that entry is full of tags: try another
                if child.returncode != -signal.SIGKILL:
                    with self.lock:
                        self.result.integrity.append(f"round {self.number}: CLI exit {child.returncode}: {err[-300:]}")
                break
            if child.returncode == -signal.SIGKILL:
                break

    def kill_some(self) -> None:
        """SIGKILL a random choice of what is running now (at least one process)."""
        victims: list[subprocess.Popen[str]] = [p for p in self.editors if p.poll() is None]
        if self.cli_child is not None and self.cli_child.poll() is None:
            victims.append(self.cli_child)
        chosen = [p for p in victims if self.rng.random() < 0.6] or victims[:1]
        for proc in chosen:
            if _kill(proc):
                self.result.kills += 1

    def stop(self) -> None:
        self.stopping.set()
        for proc in self.editors:
            if _kill(proc):
                self.result.kills += 1
            proc.wait()
        for t in self.readers:
            t.join(timeout=30)
        self.cli.join(timeout=120)
        child = self.cli_child
        if child is not None and child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
        for proc in self.editors:
            assert proc.stderr is not None
            err = proc.stderr.read()
            if proc.returncode not in (-signal.SIGKILL, 0) or "Traceback" in err:
                self.result.integrity.append(f"round {self.number}: editor failed: {err[-400:]}")


def run_soak(rounds: int, seed: int, data_dir: Path, *, unsafe: bool = False,
             round_seconds: tuple[float, float] = (2.0, 4.0)) -> SoakResult:
    rng = random.Random(seed)
    result = SoakResult()
    seed_journal(data_dir)
    acked: dict[str, int] = {}
    started = time.monotonic()
    for number in range(rounds):
        work = Round(data_dir, number, rng, result, unsafe)
        time.sleep(rng.uniform(*round_seconds))
        work.kill_some()
        time.sleep(rng.uniform(0, 0.3))
        work.stop()
        acked.update(work.acked)
        lost, problems = check(data_dir / "journal.sqlite3", acked)
        result.integrity += [f"round {number}: {p}" for p in problems]
        result.lost = lost
        result.rounds = number + 1
    result.seconds = time.monotonic() - started
    return result


def report(result: SoakResult, control: SoakResult | None) -> str:
    lines = [
        f"{result.rounds} rounds of two editor processes (what two windows' editors do: open an entry, type, "
        "save; on a conflict merge and save again) and `healthviz entry edit ID --tag …` processes, all on the "
        f"same {ENTRIES} entries, with a random choice of them SIGKILLed at a random moment in every round "
        "(the rest killed at its end). Each edit adds a unique tag; after each round the journal is checked.",
        "",
        "| | result |",
        "|---|---:|",
        f"| acknowledged edits (editors / CLI) | {result.editor_acks + result.cli_acks:,} "
        f"({result.editor_acks:,} / {result.cli_acks:,}) |",
        f"| conflicts caught and merged by the editors | {result.conflicts_merged:,} |",
        f"| CLI edits refused as changed meanwhile (exit 7), run again | {result.cli_refused:,} |",
        f"| processes SIGKILLed | {result.kills:,} |",
        f"| **acknowledged edits missing afterwards** | **{len(result.lost)}** |",
        f"| `PRAGMA integrity_check`, foreign keys, search index, every round | "
        f"{'ok' if not result.integrity else '; '.join(result.integrity[:3])} |",
        f"| time | {result.seconds:.0f} s |",
    ]
    if control is not None:
        lines += ["", f"Control, the same soak ({control.rounds} rounds) with the editors saving without the revision "
                  "check, as before issue 10 (`--unsafe`): "
                  f"**{len(control.lost)} of {control.editor_acks + control.cli_acks:,} acknowledged edits lost** "
                  "to silent overwrites. The check is what keeps them."]
    lines += ["", "Run: `.venv/bin/python benchmarks/soak_edits.py --rounds 50` (tests/test_edit_soak.py runs "
              "a short one in the suite). Timing on a shared 2-core machine varies; the counts are what matter."]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--unsafe", action="store_true", help="only the control run, without revision checks")
    parser.add_argument("--control-rounds", type=int, default=10)
    parser.add_argument("--no-write", action="store_true", help="print, do not update docs/reliability.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        if args.unsafe:
            control = run_soak(args.rounds, args.seed, Path(work) / "control", unsafe=True)
            print(report(control, None))
            return 0
        result = run_soak(args.rounds, args.seed, Path(work) / "soak")
        control = run_soak(args.control_rounds, args.seed, Path(work) / "control", unsafe=True) \
            if args.control_rounds else None
    text = report(result, control)
    print(text)
    if not args.no_write:
        write_section("Kill-and-edit soak", text, RELIABILITY, title=(
            "# Reliability\n\nHow HealthViz keeps what the person wrote when windows, scripts and crashes meet. "
            "Each section is written by its script in `benchmarks/`.\n"))
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
