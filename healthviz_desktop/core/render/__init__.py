"""The local renderer: draws a SceneSpec with Skia and encodes it as H.264 MP4 with PyAV.

Nothing here imports av, numpy or skia at module level: the window imports core at start-up and must not pay
for them; `render_clip` imports them when a clip is actually made.
"""

from __future__ import annotations

from healthviz_desktop.core.render.clip import ClipInfo, InvalidClip, RenderCancelled, probe_clip, render_clip

__all__ = ["ClipInfo", "InvalidClip", "RenderCancelled", "probe_clip", "render_clip"]
