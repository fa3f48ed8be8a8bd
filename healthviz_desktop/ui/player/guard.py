"""Is there a working video player on this system, and the safe-video switch. Imports no Qt at module level.

Two things go wrong with QtMultimedia on real systems, and neither may take the app down with it:
- the module is missing or will not load (a packaged build without it, ``libpulse`` absent): ImportError;
- it loads but finds no backend ("No QtMultimedia backends found", e.g. ``libxrandr2`` missing), and a
  QMediaPlayer reports ``isAvailable() == False``.
Either way the player area says what is missing and offers the system's own player (the Picard model:
import guarded, availability checked before use).

Safe video turns hardware decoding off. VAAPI decode crashes are known on Linux, and the FFmpeg backend
reads its switches when it loads, so they are set in the environment before anything imports
QtMultimedia: at start-up, from the setting, ``--safe-video`` or ``HEALTHVIZ_SAFE_VIDEO=1``.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

SAFE_VIDEO_ENV = "HEALTHVIZ_SAFE_VIDEO"
# Qt's FFmpeg backend: an empty device list (a lone comma: an empty value counts as unset) means "no
# hardware decoder/encoder"; the texture switch keeps decoded frames out of GPU texture conversion.
SAFE_VIDEO_SWITCHES = {
    "QT_FFMPEG_DECODING_HW_DEVICE_TYPES": ",",
    "QT_FFMPEG_ENCODING_HW_DEVICE_TYPES": ",",
    "QT_DISABLE_HW_TEXTURES_CONVERSION": "1",
}
_MULTIMEDIA = "PySide6.QtMultimedia"

_problem: str | None = None
_checked = False


def safe_video_wanted(setting: bool = False, flag: bool = False) -> bool:
    env = os.environ.get(SAFE_VIDEO_ENV, "").strip().lower()
    return setting or flag or env in ("1", "true", "yes", "on")


def apply_safe_video(on: bool) -> bool:
    """Turn hardware decoding off for this process when ``on``. True when the switches are in force; False if
    QtMultimedia was already loaded (then they may come too late, and this says so in the log)."""
    if not on:
        return False
    if _MULTIMEDIA in sys.modules:
        log.warning("safe video asked for after Qt Multimedia was loaded; it applies from the next start")
    for name, value in SAFE_VIDEO_SWITCHES.items():
        os.environ[name] = value
    os.environ[SAFE_VIDEO_ENV] = "1"  # a player opened later in this process (or a child) knows it is on
    return _MULTIMEDIA not in sys.modules


def safe_video_on() -> bool:
    return all(os.environ.get(k) == v for k, v in SAFE_VIDEO_SWITCHES.items())


def multimedia_problem() -> str | None:
    """Why the embedded player cannot work here, in words; None when it can. Needs a QApplication. The answer
    is kept: neither a missing module nor a missing backend changes while the app runs."""
    global _problem, _checked
    if _checked:
        return _problem
    try:
        from PySide6.QtMultimedia import QMediaPlayer
    except ImportError as exc:  # the module, or a library it needs, is not there
        _problem = f"Qt Multimedia, which plays video, could not be loaded ({exc})."
    else:
        probe = QMediaPlayer()
        if not probe.isAvailable():
            _problem = ("Qt Multimedia found no video backend on this system (“No QtMultimedia backends "
                        "found”). On Linux this usually means a system library such as libxrandr2 is missing.")
        probe.deleteLater()
    _checked = True
    if _problem:
        log.warning("embedded player unavailable: %s", _problem)
    return _problem
