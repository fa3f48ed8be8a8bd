"""``healthviz play CLIP``: open a clip in HealthViz's own player, in a window of its own.

Until the Clips tab hosts the player, this is the way to watch a clip with its provenance beside it.
Only argparse at top level (see cli.py); Qt loads inside the handler.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from healthviz_desktop.commands.common import UserError


def register(sub: Any) -> None:
    play = sub.add_parser("play", help="play a clip in HealthViz's player (opens a window)",
                          description="Play a clip with its provenance beside it: Space/K play or pause, "
                                      ", and . step a frame, ←/→ or J/L jump a second, F full screen, M mute.")
    play.add_argument("clip", type=Path, help="the video file")
    play.add_argument("--safe-video", action="store_true",
                      help="turn hardware video decoding off (also: the Settings switch, HEALTHVIZ_SAFE_VIDEO=1)")
    play.add_argument("--provider", help="who made the clip (shown beside it; default: read from the file)")
    play.add_argument("--model", default="", help="the model that made it")
    play.add_argument("--made", type=_when, help="when it was made (ISO date and time; default: the file's)")
    play.add_argument("--quit-after", type=float, default=0.0, help=argparse.SUPPRESS)  # screenshots, smoke tests
    play.set_defaults(handler=cmd_play)


def _when(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-30 or 2026-11-30T14:05") from None
    return value if value.tzinfo else value.astimezone()


def cmd_play(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.settings import load_settings
    from healthviz_desktop.ui.player.guard import apply_safe_video, safe_video_wanted

    clip = Path(args.clip).expanduser()
    if not clip.is_file():
        raise UserError(f"there is no file {clip}")
    paths = DataPaths.at(args.data_dir)
    settings = load_settings(paths.settings)
    apply_safe_video(safe_video_wanted(settings.safe_video, args.safe_video))  # before QtMultimedia loads

    from healthviz_desktop.core.clip_media import provenance_from_file
    from healthviz_desktop.ui.player.prefs import PlayerPrefs
    from healthviz_desktop.ui.player.window import run_player

    provenance = provenance_from_file(clip)
    provenance = replace(provenance, provider=args.provider or provenance.provider, model=args.model,
                         made_at=args.made or provenance.made_at)
    # The speed is remembered in the settings file, when there is one: playing a clip creates no journal folder.
    prefs = PlayerPrefs(settings, paths.settings if paths.settings.exists() else None)
    return run_player(clip, provenance, prefs, quit_after_ms=int(args.quit_after * 1000))
