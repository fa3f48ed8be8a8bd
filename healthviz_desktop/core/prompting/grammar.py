"""The metaphor grammar: package data (``data/metaphors.toml``) that maps the controlled vocabulary to motifs.

Everything a moment or trend prompt may say comes from this file, so the set of its words is also the
prompt vocabulary the outbound check enforces for those modes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from healthviz_desktop.core.resources import load_toml
from healthviz_desktop.core.scene import PaletteColour

GRAMMAR_FILE = "metaphors.toml"
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Family:
    key: str
    motif: str
    subject: str
    action: str
    setting: str
    background: str
    accent: PaletteColour


@dataclass(frozen=True)
class QualityMap:
    key: str
    motion: str
    texture: str
    phrase: str


@dataclass(frozen=True)
class Region:
    key: str
    phrase: str
    shot: str


@dataclass(frozen=True)
class DurationClass:
    key: str
    max_minutes: int
    arc: tuple[tuple[float, float], ...]
    beats: tuple[str, ...]


@dataclass(frozen=True)
class Relief:
    key: str
    phrase: str
    end: float


@dataclass(frozen=True)
class ArcShape:
    key: str
    phrase: str
    beats: tuple[str, ...]
    phrase_same: str = ""  # when the clip starts and ends in the same severity band ("" : use phrase)
    verbs: tuple[tuple[str, str], ...] = ()  # (degree of change, verb): slight, clear, large

    def verb(self, degree: str) -> str:
        return dict(self.verbs).get(degree, "")


@dataclass(frozen=True)
class Style:
    key: str
    label: str
    line: str
    lens: str
    lighting: str


@dataclass(frozen=True)
class SeverityScale:
    pulse_hz: tuple[float, float]
    scale: tuple[float, float]
    kelvin: tuple[int, int]
    strength: dict[str, str]
    coverage: dict[str, str]
    pace: tuple[tuple[float, str], ...]

    def _lerp(self, pair: tuple[float, float], severity: float) -> float:
        return pair[0] + (pair[1] - pair[0]) * max(0.0, min(10.0, severity)) / 10.0

    def pulse_at(self, severity: float) -> float:
        return round(self._lerp(self.pulse_hz, severity), 2)

    def scale_at(self, severity: float) -> float:
        return round(self._lerp(self.scale, severity), 2)

    def kelvin_at(self, severity: float) -> int:
        # round to 100 K: a number in prose, and the same severity always reads the same
        return int(round(self._lerp((float(self.kelvin[0]), float(self.kelvin[1])), severity), -2))

    def pace_for(self, pulse_hz: float) -> str:
        for limit, words in self.pace:
            if pulse_hz <= limit:
                return words
        return self.pace[-1][1]


@dataclass(frozen=True)
class Grammar:
    version: int
    defaults: dict[str, Any]
    prompt: dict[str, str]
    severity: SeverityScale
    palettes: dict[str, tuple[PaletteColour, ...]]
    families: dict[str, Family]
    qualities: dict[str, QualityMap]
    regions: dict[str, Region]
    durations: tuple[DurationClass, ...]
    relief: dict[str, Relief]
    triggers: dict[str, str]
    arcs: dict[str, ArcShape]
    trend_levels: dict[str, str]  # severity band -> what the weather is at that level (trend prompts)
    styles: dict[str, Style]
    synonyms: dict[str, str]  # word -> family
    alternatives: dict[str, str]  # grammar word -> what to say instead when it is a private term
    vocabulary: frozenset[str]  # every word a moment or trend prompt may contain, casefolded

    @property
    def allowed_seconds(self) -> tuple[int, ...]:
        return tuple(int(s) for s in self.defaults["allowed_seconds"])

    @property
    def allowed_sizes(self) -> tuple[str, ...]:
        return tuple(str(s) for s in self.defaults["allowed_sizes"])

    def beats_for(self, seconds: int) -> int:
        return int(self.defaults["beats_for_seconds"].get(str(seconds), 3))

    def duration_class(self, minutes: int | None) -> DurationClass:
        unknown = next(d for d in self.durations if d.max_minutes < 0)
        if minutes is None:
            return unknown
        for d in sorted((d for d in self.durations if d.max_minutes >= 0), key=lambda d: d.max_minutes):
            if minutes <= d.max_minutes:
                return d
        return unknown

    def family_for_words(self, text: str) -> str | None:
        """The family a typed name points to through the synonym words, or None. Deterministic: the
        first word (left to right) that names a family wins."""
        for word in _WORD.findall(text.casefold()):
            family = self.synonyms.get(word)
            if family is not None:
                return family
        return None


def _colour(raw: dict[str, str]) -> PaletteColour:
    return PaletteColour(name=str(raw["name"]), hex=str(raw["hex"]))


def _words_of(value: Any, out: set[str]) -> None:
    if isinstance(value, str):
        out.update(w.casefold() for w in _WORD.findall(value))
    elif isinstance(value, dict):
        for v in value.values():
            _words_of(v, out)
    elif isinstance(value, list | tuple):
        for v in value:
            _words_of(v, out)


def build_grammar(raw: dict[str, Any]) -> Grammar:
    sev = raw["severity"]
    severity = SeverityScale(
        pulse_hz=(float(sev["pulse_hz"][0]), float(sev["pulse_hz"][1])),
        scale=(float(sev["scale"][0]), float(sev["scale"][1])),
        kelvin=(int(sev["kelvin"][0]), int(sev["kelvin"][1])),
        strength={k: str(v) for k, v in sev["strength"].items()},
        coverage={k: str(v) for k, v in sev["coverage"].items()},
        pace=tuple((float(limit), str(words)) for limit, words in sev["pace"]),
    )
    synonyms: dict[str, str] = {}
    for family, words in raw["synonyms"].items():
        for word in words:
            synonyms.setdefault(str(word).casefold(), family)
    # The vocabulary is every word the grammar can emit; synonyms are input words, never output.
    vocab: set[str] = set()
    for section, value in raw.items():
        if section not in ("synonyms", "version"):
            _words_of(value, vocab)
    vocab.update(("x",))  # the "1280x720" size form
    return Grammar(
        version=int(raw["version"]),
        defaults=dict(raw["defaults"]),
        prompt={k: str(v) for k, v in raw["prompt"].items()},
        severity=severity,
        palettes={k: tuple(_colour(c) for c in v) for k, v in raw["palettes"].items()},
        families={k: Family(k, v["motif"], v["subject"], v["action"], v["setting"], v["background"],
                            _colour(v["accent"])) for k, v in raw["families"].items()},
        qualities={k: QualityMap(k, v["motion"], v["texture"], v["phrase"]) for k, v in raw["qualities"].items()},
        regions={k: Region(k, v["phrase"], v["shot"]) for k, v in raw["regions"].items()},
        durations=tuple(DurationClass(k, int(v["max_minutes"]), tuple((float(a), float(b)) for a, b in v["arc"]),
                                      tuple(v["beats"])) for k, v in raw["durations"].items()),
        relief={k: Relief(k, v["phrase"], float(v["end"])) for k, v in raw["relief"].items()},
        triggers={str(k): str(v) for k, v in raw["triggers"].items()},
        arcs={k: ArcShape(k, v["phrase"], tuple(v["beats"]), str(v.get("phrase_same", "")),
                          tuple((str(d), str(w)) for d, w in v.get("verb", {}).items()))
              for k, v in raw["arcs"].items()},
        trend_levels={str(k): str(v) for k, v in raw.get("trend_levels", {}).items()},
        styles={k: Style(k, v["label"], v["line"], v["lens"], v["lighting"]) for k, v in raw["styles"].items()},
        synonyms=synonyms,
        alternatives={str(k).casefold(): str(v) for k, v in raw.get("alternatives", {}).items()},
        vocabulary=frozenset(vocab),
    )


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    return build_grammar(load_toml(GRAMMAR_FILE))
