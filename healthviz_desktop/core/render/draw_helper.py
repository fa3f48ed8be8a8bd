"""A second process that draws every other frame of a clip, so drawing uses both cores.

Drawing is the slow side of a render (Skia's anti-aliased paths, in one thread), and a second thread
cannot share it: skia-python keeps the GIL while it draws (skia-python issue #165; measured here, two
threads drawing half the frames each took 1.25 s against 1.23 s for one). A second process can. It draws
the odd frames with its own SceneDrawer (drawing is a pure function of the spec and the frame's index, so
its frames are the very frames this process would have drawn) and sends each as the encoder's YUV 4:2:0
planes through a pipe (its stdout), straight into a new frame's buffers. The pipe holds less than a
frame, so the helper is never more than one frame ahead: memory stays flat.

Not used for short clips (starting the process, ~0.4 s, costs more than it saves), on one core, or in
the frozen binary (a spawned child there would start the app again; see ``splits``).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from healthviz_desktop.core.scene import SceneSpec

MIN_FRAMES = 48  # 2 s at 24 fps: below this a single process is as fast
FRAME, DONE, ERROR = b"F", b"D", b"E"
HEADER = struct.Struct("<cI")  # tag, length of what follows (the error text; 0 for a frame or the end)


class HelperFailed(RuntimeError):
    """The drawing helper stopped before it sent every frame it owed."""


def splits(frame_count: int) -> bool:
    """Whether a render of this many frames should share its drawing with a helper process."""
    if getattr(sys, "frozen", False):
        return False
    return frame_count >= MIN_FRAMES and (os.cpu_count() or 1) >= 2


class DrawHelper:
    """Starts the helper at once (it imports and prepares while this process prepares its own drawer);
    ``receive`` returns its next frame; ``close`` stops it whatever state it is in.

    A plain child interpreter (``python -m`` this module), not multiprocessing: a spawned multiprocessing
    child re-runs the parent's main script, which breaks any caller without a main guard."""

    def __init__(self, spec: SceneSpec, width: int, height: int, *, fps: int, seconds: float | None,
                 overlay: Any = None, backdrop: Any = None) -> None:
        package_root = str(Path(__file__).resolve().parents[3])  # the same code as this process runs
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        self.width, self.height = width, height
        self._process = subprocess.Popen([sys.executable, "-m", __name__], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, env=env)
        assert self._process.stdin is not None and self._process.stdout is not None
        self._out: IO[bytes] = self._process.stdout
        try:
            pickle.dump((spec, width, height, fps, seconds, overlay, backdrop), self._process.stdin)
            self._process.stdin.close()
        except OSError:
            pass  # it died at start: receive() says so

    def receive(self) -> Any:
        import av

        try:
            tag, size = HEADER.unpack(_read_exactly(self._out, HEADER.size))
            if tag == ERROR:
                message = _read_exactly(self._out, size).decode(errors="replace")
                raise HelperFailed(f"the drawing helper failed: {message}")
            if tag != FRAME:
                raise HelperFailed("the drawing helper ran out of frames")
            frame = av.VideoFrame(self.width, self.height, "yuv420p")
            for plane in frame.planes:
                _read_into(self._out, memoryview(plane))
        except (EOFError, OSError) as exc:
            raise HelperFailed(f"the drawing helper stopped ({exc.__class__.__name__})") from exc
        return frame

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._out.close()
        self._process.wait()


def _read_into(stream: IO[bytes], view: memoryview) -> None:
    done = 0
    while done < len(view):
        got = stream.readinto(view[done:])  # type: ignore[attr-defined]  # a BufferedReader
        if not got:
            raise EOFError
        done += got


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    buffer = bytearray(size)
    _read_into(stream, memoryview(buffer))
    return bytes(buffer)


def _draw_odd_frames(out: IO[bytes]) -> None:
    try:
        from healthviz_desktop.core.render.scene_draw import SceneDrawer

        spec, width, height, fps, seconds, overlay, backdrop = pickle.load(sys.stdin.buffer)
        drawer = SceneDrawer(spec, width, height, fps=fps, seconds=seconds, overlay=overlay, backdrop=backdrop)
        for index in range(1, drawer.frame_count, 2):
            frame = drawer.video_frame(index)
            out.write(HEADER.pack(FRAME, 0))
            for plane in frame.planes:
                out.write(memoryview(plane))
            out.flush()
        out.write(HEADER.pack(DONE, 0))
    except BrokenPipeError:
        return  # the render stopped (cancelled or failed): nobody is listening
    except Exception as exc:  # reported to the render, which raises it there
        message = f"{exc.__class__.__name__}: {exc}".encode()
        out.write(HEADER.pack(ERROR, len(message)) + message)
    out.flush()


if __name__ == "__main__":
    # the frames go to the real stdout; anything printed goes to stderr instead of into the stream
    frames_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    with contextlib.suppress(BrokenPipeError):
        _draw_odd_frames(frames_out)
