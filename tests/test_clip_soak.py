"""The soak: real `healthviz render` and `healthviz jobs resume` processes killed (SIGKILL, and SIGINT as a
person's Ctrl-C) over and over, at every stage of making a clip, against the fake /videos service. In the end
every job has its clip at the path its render was given, the service made exactly one video per clip, and
`healthviz jobs ledger` adds up to what the service charged. Figures: docs/reliability.md.

``python -m tests.test_clip_soak ROUNDS`` runs a longer one and prints its figures.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.fake_videos_server import FakeVideos
from tests.support.clip_processes import STAGES, prepare, render, run, spawn, stop_after, stop_at

pytestmark = pytest.mark.slow


@dataclass
class Soak:
    kills: dict[str, int] = field(default_factory=dict)  # "stage/signal" → how many landed
    clips: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.kills.values())

    def count(self, what: str) -> None:
        self.kills[what] = self.kills.get(what, 0) + 1


def soak(tmp: Path, fake: FakeVideos, rounds: int, seed: int = 9, min_kills: int = 0) -> Soak:
    """Each round: a render stopped at the next stage (signals alternate), then a `jobs resume` carrying on
    every open job, itself killed at a random moment (also between stages: completion, delivery). A resume
    may finish before its kill lands, so past ``rounds`` more rounds run (up to twice as many) until
    ``min_kills`` kills have landed."""
    rng = random.Random(seed)
    data = tmp / "data"
    entry = prepare(data, fake)
    stages = list(STAGES)
    result = Soak()
    started = time.monotonic()
    n = -1
    while (n := n + 1) < rounds or (result.total < min_kills and n < 2 * rounds):
        out = tmp / f"clip-{n:02d}.mp4"
        result.clips.append(out)
        stage, sig = stages[n % len(stages)], (signal.SIGKILL, signal.SIGINT)[(n // len(stages)) % 2]
        reached, _code, err = stop_at(fake, render(data, entry, out), stage, sig)
        assert "Traceback" not in err, err
        if reached:
            result.count(f"render at {stage} / {signal.Signals(sig).name}")
        killed, _code, err = stop_after(spawn(data, "jobs", "resume"), rng.uniform(0.3, 1.5))
        assert "Traceback" not in err, err
        if killed:
            result.count("jobs resume at a random moment / SIGKILL")
    final = run(data, "jobs", "resume")
    assert final.returncode == 0, final.stdout + final.stderr
    result.seconds = time.monotonic() - started
    return result


def check(tmp: Path, fake: FakeVideos, result: Soak, media: bytes) -> None:
    data = tmp / "data"
    conn = sqlite3.connect(data / "journal.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        jobs = conn.execute("SELECT id, status, output_path, delivered_at, remote_id FROM generation_job").fetchall()
    finally:
        conn.close()
    assert len(jobs) == len(result.clips)
    assert {j[1] for j in jobs} == {"completed"} and all(j[3] for j in jobs)
    assert sorted(j[2] for j in jobs) == sorted(str(p) for p in result.clips)
    assert all(p.read_bytes() == media for p in result.clips)  # every clip at its requested path
    assert fake.made() == len(result.clips)  # exactly one video made (and paid) per clip
    assert len({j[4] for j in jobs}) == len(jobs)  # and each job has its own
    ledger = json.loads(run(data, "jobs", "ledger", "--json").stdout)
    assert round(sum(float(r["amount"]) for r in ledger), 4) == fake.charged()


def test_over_twenty_kills_at_every_stage_lose_no_clip_and_pay_for_each_once(
        tmp_path: Path, fake: FakeVideos, media: tuple[bytes, bytes]) -> None:
    result = soak(tmp_path, fake, rounds=12, min_kills=21)
    check(tmp_path, fake, result, media[0])
    assert result.total > 20, result.kills
    assert all(any(k.startswith(f"render at {stage} / ") for k in result.kills) for stage in STAGES)
    assert any(k.endswith("SIGINT") for k in result.kills) and any(k.endswith("SIGKILL") for k in result.kills)
    print(f"\nsoak: {len(result.clips)} clips, {result.total} kills, {fake.count('create')} create requests, "
          f"{fake.made()} videos made, ${fake.charged():.2f} charged = ledger, {result.seconds:.1f} s")


if __name__ == "__main__":  # a longer soak by hand: python -m tests.test_clip_soak 40
    import tempfile

    from tests.fake_videos_server import make_media

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    clip, thumb = make_media(4)
    server = FakeVideos(clip, thumb).start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            outcome = soak(Path(tmp), server, rounds)
            check(Path(tmp), server, outcome, clip)
    finally:
        server.stop()
    print(json.dumps({"clips": len(outcome.clips), "kills": outcome.total, "seconds": round(outcome.seconds, 1),
                      "creates": server.count("create"), "videos_made": server.made(),
                      "charged": server.charged(), "by_stage": outcome.kills}, indent=2))
