"""CPU time per stage per frame of the local renderer, for the benchmark's heaviest scene of each style.

Not a benchmark with a goal: a breakdown that shows where drawing spends its CPU (thread CPU time, so
other work on a shared machine barely moves it). The render-to-encode ratio is roughly 1 + drawing CPU /
encoding CPU on two cores, so these figures say which stage to make cheaper.
Run: .venv/bin/python benchmarks/profile_render.py [--styles clay ...] [--size 1280x720] [--frames 96]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.bench_render import HEAVY, make_spec  # noqa: E402

Totals = dict[str, float]


def _timed(name: str, fn: Callable[..., Any], totals: Totals) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[name] += time.thread_time() - start
    return run


def profile(style: str, size: tuple[int, int], frames: int) -> tuple[Totals, int]:
    from healthviz_desktop.core.render import post, scene_draw
    from healthviz_desktop.core.render.scene_draw import SceneDrawer

    spec = make_spec(style, 8, size)
    drawer = SceneDrawer(spec, size[0], size[1])
    totals: Totals = defaultdict(float)
    drawer._far = _timed("far layer", drawer._far, totals)  # type: ignore[method-assign]
    drawer.region = replace(drawer.region, prop=_timed("region prop", drawer.region.prop, totals))
    drawer.motif = replace(drawer.motif, subject=_timed(f"subject {spec.motif}", drawer.motif.subject, totals))
    drawer.motions = [replace(m, **{k: _timed(f"motion {name} {k}", getattr(m, k), totals)
                                    for k in ("pre", "post") if getattr(m, k) is not None})
                      for name, m in zip(spec.motions, drawer.motions, strict=True)]
    drawer._events = _timed("events (cue, arc, stars, relief)", drawer._events, totals)  # type: ignore[method-assign]
    drawer.readback.read = _timed("read back", drawer.readback.read, totals)  # type: ignore[method-assign]
    drawer.grain.apply = _timed("grain", drawer.grain.apply, totals)  # type: ignore[method-assign]
    draw = drawer.draw
    drawer.draw = _timed("draw (all)", draw, totals)  # type: ignore[method-assign]
    original = post.to_video_frame

    def to_video_frame(surface: Any, readback: Any, grain: Any, index: int) -> Any:
        frame = readback.read(surface)
        start = time.thread_time()
        out = frame.reformat(format="yuv420p", dst_colorspace="ITU709", interpolation="BILINEAR")
        totals["RGB to YUV"] += time.thread_time() - start
        grain.apply(out, index)
        return out

    scene_draw.to_video_frame = to_video_frame  # type: ignore[assignment]
    step = max(1, drawer.frame_count // frames)
    indices = list(range(0, drawer.frame_count, step))[:frames]
    try:
        start = time.thread_time()
        for index in indices:
            frame = drawer.video_frame(index)
            buffer = b"".join(bytes(p) for p in frame.planes)  # what the helper writes to its pipe
            del buffer
        totals["frame total"] = time.thread_time() - start
    finally:
        scene_draw.to_video_frame = original  # type: ignore[assignment]
    return totals, len(indices)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--styles", nargs="*", default=list(HEAVY))
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--frames", type=int, default=96, help="frames sampled evenly over the clip")
    args = parser.parse_args(argv)
    size = tuple(int(v) for v in args.size.split("x"))
    for style in args.styles:
        totals, count = profile(style, (size[0], size[1]), args.frames)
        print(f"{style} {args.size}, ms of CPU per frame over {count} frames:")
        for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
            print(f"  {name:40s} {1000 * seconds / count:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
