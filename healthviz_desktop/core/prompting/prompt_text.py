"""Writing the prompt text from a scene spec and grammar phrases, in the shape of a cinematographer's brief
(after OpenAI's Sora prompting guide): style line, scene in prose, cinematography, counted beats, and
no text on screen. Duration and size are request parameters, never prose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from healthviz_desktop.core.prompting.grammar import Grammar
from healthviz_desktop.core.scene import SceneSpec

# which template beats to keep for a clip with 2, 3 or 4 beats (templates hold four)
_BEAT_PICK = {1: (1,), 2: (1, 3), 3: (0, 1, 3), 4: (0, 1, 2, 3)}


@dataclass(frozen=True)
class ClipOptions:
    style: str
    seconds: int
    width: int
    height: int
    model: str

    @property
    def size(self) -> str:
        return f"{self.width}x{self.height}"


def clip_options(g: Grammar, style: str, seconds: int, size: str, model: str | None) -> ClipOptions:
    """Validated request parameters; ValueError names what is wrong and what is allowed."""
    if style not in g.styles:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(g.styles)}")
    if seconds not in g.allowed_seconds:
        raise ValueError(f"seconds must be one of {', '.join(str(s) for s in g.allowed_seconds)}")
    if size not in g.allowed_sizes:
        raise ValueError(f"size must be one of {', '.join(g.allowed_sizes)}")
    width, height = (int(v) for v in size.split("x"))
    return ClipOptions(style, seconds, width, height, model or str(g.defaults["model"]))


def pick_beats(templates: Sequence[str], count: int) -> list[str]:
    if len(templates) == 4 and count in _BEAT_PICK:
        return [templates[i] for i in _BEAT_PICK[count]]
    if len(templates) <= count:
        return list(templates)
    step = len(templates) / count
    return [templates[int(i * step)] for i in range(count)]


def sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def render(g: Grammar, spec: SceneSpec, prose: Sequence[str], shot: str) -> str:
    """The full prompt: the same layout for every mode."""
    t = g.prompt
    style = g.styles[spec.style]
    lines = [t["style_line"].format(style=style.line), "", " ".join(sentence(p) for p in prose if p), ""]
    lines.append(t["cinematography"])
    lines.append(t["shot"].format(shot=shot))
    lines.append(t["lens"].format(lens=style.lens))
    lines.append(t["lighting"].format(lighting=style.lighting, kelvin=spec.colour_temperature))
    lines.append(t["palette"].format(colours=", ".join(c.name for c in spec.palette)))
    lines.append("")
    lines.append(t["actions"])
    n = len(spec.beats)
    for i, beat in enumerate(spec.beats):
        start, end = round(spec.seconds * i / n), round(spec.seconds * (i + 1) / n)
        lines.append(t["beat"].format(n=i + 1, start=start, end=end, action=beat.rstrip(".")))
    lines.append("")
    lines.append(t["closing"])
    return "\n".join(lines)


def build_request(options: ClipOptions, prompt: str) -> dict[str, Any]:
    """The exact body of the video create call. ``seconds`` is a string, as the API wants it."""
    return {"model": options.model, "prompt": prompt, "seconds": str(options.seconds), "size": options.size}
