"""A second process that draws two frames in three of a clip, so drawing uses both cores.

Drawing is the slow side of a render (Skia's anti-aliased paths, in one thread), and a second thread
cannot share it: skia-python keeps the GIL while it draws (skia-python issue #165; measured here, two
threads drawing half the frames each took 1.25 s against 1.23 s for one). A second process can. It draws
two frames in three (``helper_draws``) with its own SceneDrawer (drawing is a pure function of the spec
and the frame's index, so its frames are the very frames this process would have drawn) and sends each
as the encoder's YUV 4:2:0 planes through a pipe (its stdout), straight into a new frame's buffers (each
plane's visible rows only: the two sides may pad rows differently, ``_plane_rows``); a reader thread keeps up
to AHEAD of them waiting, so memory stays flat. If the helper fails, the render draws the rest itself: a helper
costs at most speed, never a clip.

Not used for short clips (starting the process, ~0.4 s, costs more than it saves), on fewer than four cores, or in
the frozen binary (a spawned child there would start the app again; see ``splits``).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from healthviz_desktop.core.scene import SceneSpec

MIN_FRAMES = 48  # 2 s at 24 fps: below this a single process is as fast
MIN_CORES = 4  # on two, the encoder's threads have the second core (see ``splits``)
AHEAD = 3  # frames read ahead from the helper (1.4 MB each at 1280x720)
LEAD = 12  # the first frames are all this process's: the helper takes ~0.5 s to start and prepare
PIPE_BYTES = 1 << 20  # Linux's default most; a 64 KB pipe hands a 1.4 MB frame over in 22 round trips
FRAME, DONE, ERROR = b"F", b"D", b"E"
HEADER = struct.Struct("<cI")  # tag, length of what follows (the error text; 0 for a frame or the end)


class HelperFailed(RuntimeError):
    """The drawing helper stopped before it sent every frame it owed."""


def helper_draws(index: int) -> bool:
    """Two frames in three are the helper's: this process also feeds the encoder (whose threads share
    the cores) and its drawing thread shares the GIL with that; measured with one in two, this process's
    drawing was the one the encoder waited for. The first LEAD frames are this process's: it has its drawer
    ready before the helper has (measured 0.25-0.4 s against 0.55-0.65 s to the helper's first frame), and
    the encoder would otherwise wait for the helper's first frame with one core idle."""
    return index >= LEAD and index % 3 != 0


def splits(frame_count: int, cores: int | None = None) -> bool:
    """Whether a render of this many frames should share its drawing with a helper process: with four
    cores or more. On two, libx264's threads already keep the second core busy while this process draws,
    so a helper only competes with them: measured over the benchmark's ten scenes on two cores, one
    process was 0.1 s faster on average (5 faster, 4 slower, 1 even) and used 10-25% less CPU."""
    if getattr(sys, "frozen", False):
        return False
    return frame_count >= MIN_FRAMES and (cores if cores is not None else _cores()) >= MIN_CORES


def _cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


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
        _widen(self._out)
        try:
            pickle.dump((spec, width, height, fps, seconds, overlay, backdrop), self._process.stdin)
            self._process.stdin.close()
        except OSError:
            pass  # it died at start: receive() says so
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
        self._failed: HelperFailed | None = None
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read_frames, name="render-helper-read", daemon=True)
        self._reader.start()

    def receive(self) -> Any:
        """The helper's next frame (waits for it), or HelperFailed if it stopped or failed."""
        item = self._failed or self._queue.get()
        if isinstance(item, HelperFailed):
            self._failed = item  # every later call fails the same way rather than waiting forever
            raise item
        return item

    def close(self) -> None:
        self._stop.set()
        if self._process.poll() is None:
            self._process.kill()  # its pipe closes: the reader's wait ends
        while self._reader.is_alive():
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.05)
        self._reader.join()
        self._out.close()
        self._process.wait()

    def _read_frames(self) -> None:
        """Reads ahead in a thread of its own (the pipe wait releases the GIL), so the helper never waits
        for this process to finish drawing its own frame before it can hand over the next one."""
        while not self._stop.is_set():
            try:
                item: Any = self._read_one()
            except HelperFailed as exc:
                item = exc
            while not self._stop.is_set():
                with contextlib.suppress(queue.Full):
                    self._queue.put(item, timeout=0.1)
                    break
            if isinstance(item, HelperFailed):
                return

    def _read_one(self) -> Any:
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
                rows = _plane_rows(plane)
                if rows.shape[1] == plane.line_size:
                    _read_into(self._out, memoryview(plane))
                else:  # a padded plane: its rows one by one, the padding left as it is
                    for row in rows:
                        _read_into(self._out, memoryview(row))
        except (EOFError, OSError, ValueError) as exc:  # ValueError: the pipe was closed under the read
            raise HelperFailed(f"the drawing helper stopped ({exc.__class__.__name__})") from exc
        return frame


def _plane_rows(plane: Any) -> Any:
    """A plane's visible pixels as rows (a view into its buffer): the two sides of the pipe may lay a plane out with
    different padding at the end of each row (PyAV 18.1.1's reformat pads rows to 64 bytes, a new frame does not), so
    only the visible width goes through it."""
    import numpy as np

    stride, width, height = int(plane.line_size), int(plane.width), int(plane.height)
    return np.frombuffer(memoryview(plane), dtype=np.uint8)[: stride * height].reshape(height, stride)[:, :width]


def _widen(pipe: IO[bytes]) -> None:
    """A larger pipe (Linux only; elsewhere the default one is only slower, and a refusal changes nothing)."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass


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


def _draw_its_frames(out: IO[bytes]) -> None:
    try:
        from healthviz_desktop.core.render.scene_draw import SceneDrawer

        spec, width, height, fps, seconds, overlay, backdrop = pickle.load(sys.stdin.buffer)
        drawer = SceneDrawer(spec, width, height, fps=fps, seconds=seconds, overlay=overlay, backdrop=backdrop)
        for index in filter(helper_draws, range(drawer.frame_count)):
            frame = drawer.video_frame(index)
            out.write(HEADER.pack(FRAME, 0))
            for plane in frame.planes:
                out.write(_plane_rows(plane).tobytes() if plane.line_size != plane.width else memoryview(plane))
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
        _draw_its_frames(frames_out)
