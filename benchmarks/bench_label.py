"""Labelled-clip benchmark: burning the "AI-generated illustration — not a medical image" label into a 12 s
1280x720 clip against a plain decode + re-encode of the same clip with the same settings, in the same run.

Goal (issue #13): label <= 1.2x plain. Both go through core/provenance/label.py's label_clip (libx264, the
same preset, CRF and keyframe interval); the labelled run blends the label into each frame's 4:2:0 planes.
Runs alternate so load on a shared machine hits both alike; wall time and CPU time are both reported.
Run: .venv/bin/python benchmarks/bench_label.py [--quick] [--no-write]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import write_section
from healthviz_desktop.core.provenance.label import label_clip


def source_clip(path: Path, seconds: int) -> Path:
    """A 1280x720 24 fps clip drawn by the local renderer (the kind of picture the label sits on)."""
    from healthviz_desktop.core.render.clip import render_clip
    from healthviz_desktop.core.scene import ArcPoint, PaletteColour, SceneSpec

    spec = SceneSpec(mode="trend", family="headache", motif="knot_of_light", style="abstract_3d", intensity=0.7,
                     pulse_hz=1.2, scale=0.6, region="crown", motions=("pulse", "embers"), seconds=seconds,
                     palette=(PaletteColour("crimson", "#b0123a"), PaletteColour("amber", "#f0a030"),
                              PaletteColour("gold", "#ffd060"), PaletteColour("ink", "#101020")),
                     arc=(ArcPoint(0.0, 0.2), ArcPoint(0.5, 0.9), ArcPoint(1.0, 0.4)))
    render_clip(spec, path, seconds=seconds, size=(1280, 720))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 4 s clip, one run each")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args(argv)
    seconds, runs = (4, 1) if args.quick else (12, 3)
    from healthviz_desktop.reporting.label_art import label_overlay

    overlay = label_overlay(1280, 720)
    with tempfile.TemporaryDirectory() as tmp:
        src = source_clip(Path(tmp) / "source.mp4", seconds)
        wall: dict[str, list[float]] = {"plain": [], "label": []}
        cpu: dict[str, list[float]] = {"plain": [], "label": []}
        for _ in range(runs):
            for name, over in (("plain", None), ("label", overlay)):
                start, start_cpu = time.perf_counter(), time.process_time()
                frames = label_clip(src, Path(tmp) / f"{name}.mp4", over)
                wall[name].append(time.perf_counter() - start)
                cpu[name].append(time.process_time() - start_cpu)
    ratio, cpu_ratio = min(wall["label"]) / min(wall["plain"]), min(cpu["label"]) / min(cpu["plain"])
    verdict = "meets" if ratio <= 1.2 else "misses"
    body = (f"Clip: {seconds} s, 1280x720, {frames} frames (local renderer). Best of {runs} alternating runs.\n\n"
            "| what | wall | CPU (all threads) |\n|---|---:|---:|\n"
            f"| Plain decode + re-encode (baseline) | {min(wall['plain']):.2f} s | {min(cpu['plain']):.2f} s |\n"
            f"| With the label burned in | {min(wall['label']):.2f} s | {min(cpu['label']):.2f} s |\n"
            f"| Ratio | **{ratio:.2f}** | {cpu_ratio:.2f} |\n\n"
            f"Goal: ≤ 1.2× — {verdict} it in this run. The label is drawn once with Qt; each frame only blends its "
            "box, in place, in the decoded Y/U/V planes.")
    print(body)
    if not args.no_write:
        write_section("Labelled clip", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
