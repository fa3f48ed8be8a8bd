"""Local renderer benchmark: an 8 s 1280x720 render against encoding the same number of pre-drawn frames.

Goals (issue #5): render <= 1.5x the baseline, and <= real time (the clip's own length).
The baseline encodes frames that already exist in memory at full size with the same encoder settings, so
the ratio is what drawing the scene adds. Run: .venv/bin/python benchmarks/bench_render.py [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.common import write_section
from healthviz_desktop.core.scene import ArcPoint, PaletteColour, SceneSpec

SCENES = {
    "throbbing crown (pulse, embers)": ("crown", ("pulse", "embers")),
    "stabbing + tingling (shards, static, arcs)": ("core", ("shards", "static", "arcs")),
    "dizzy trend (fog, waves, tilt, spiral)": ("field", ("fog", "waves", "tilt", "spiral")),
}


def make_spec(region: str, motions: tuple[str, ...], seconds: int) -> SceneSpec:
    return SceneSpec(
        mode="trend", family="headache", motif="knot_of_light", style="abstract_3d", intensity=0.7,
        pulse_hz=1.2, scale=0.6, region=region, motions=motions, seconds=seconds,
        palette=(PaletteColour("crimson", "#b0123a"), PaletteColour("amber", "#f0a030"),
                 PaletteColour("gold", "#ffd060"), PaletteColour("ink", "#101020")),
        arc=(ArcPoint(0.0, 0.2), ArcPoint(0.5, 0.9), ArcPoint(1.0, 0.4)),
    )


def baseline(spec: SceneSpec, width: int, height: int, out: Path) -> float:
    """Encode this scene's own frames, drawn beforehand into memory: same content, same encoder."""
    from healthviz_desktop.core.render.clip import encode_frames
    from healthviz_desktop.core.render.scene_draw import SceneDrawer

    drawer = SceneDrawer(spec, width, height)
    drawn = [drawer.frame(i) for i in range(drawer.frame_count)]
    start = time.perf_counter()
    encode_frames(drawn, out, width, height, total=len(drawn), threaded=False)
    return time.perf_counter() - start


def render(spec: SceneSpec, out: Path) -> float:
    from healthviz_desktop.core.render import render_clip

    start = time.perf_counter()
    render_clip(spec, out, out.with_suffix(".png"))
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 s clips, one run each (a smoke check)")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (median is reported)")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args(argv)
    seconds = 2 if args.quick else 8
    runs = args.runs or (1 if args.quick else 3)
    width, height, frames = 1280, 720, seconds * 24
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "clip.mp4"
        for name, (region, motions) in SCENES.items():
            spec = make_spec(region, motions, seconds)
            base = statistics.median(baseline(spec, width, height, out) for _ in range(runs))
            took = statistics.median(render(spec, out) for _ in range(runs))
            rows.append((name, base, took, took / base, took / seconds))
    lines = [f"Local renderer, {seconds} s {width}x{height} at 24 fps ({frames} frames), median of {runs} run(s).",
             "Baseline: encoding the same scene's frames, drawn beforehand into memory (same encoder settings).",
             "",
             "| scene | baseline s | render s | render / baseline (goal ≤ 1.5) | render / clip length (goal ≤ 1.0) |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {name} | {base:.2f} | {took:.2f} | {ratio:.2f}× | {realtime:.2f} |"
              for name, base, took, ratio, realtime in rows]
    worst = max(r[3] for r in rows)
    worst_rt = max(r[4] for r in rows)
    ok = worst <= 1.5 and worst_rt <= 1.0
    lines += ["", f"Worst ratio {worst:.2f}×, worst real-time factor {worst_rt:.2f}: "
                  f"{'goal met' if ok else 'GOAL MISSED'}."]
    body = "\n".join(lines)
    print(body)
    if not args.no_write and not args.quick:
        write_section("Local renderer", body)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
