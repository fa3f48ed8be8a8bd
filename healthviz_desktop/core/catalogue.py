"""The journal's controlled vocabulary (symptoms, qualities, areas, medications), loaded from package data.

Keys are stable identifiers stored in the database; labels are what people read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from healthviz_desktop.core.resources import load_toml


@dataclass(frozen=True)
class Symptom:
    key: str
    label: str
    family: str
    area: str


@dataclass(frozen=True)
class Quality:
    key: str
    label: str
    group: str


@dataclass(frozen=True)
class Area:
    key: str
    label: str
    region: str


@dataclass(frozen=True)
class MedicationClass:
    key: str
    label: str
    acute: bool
    overuse_days: int | None


@dataclass(frozen=True)
class Medication:
    key: str
    label: str
    drug_class: str
    unit: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    version: int
    severity_anchors: dict[int, str]
    severity_bands: dict[str, tuple[int, int]]
    symptoms: dict[str, Symptom]
    qualities: dict[str, Quality]
    areas: dict[str, Area]
    medication_classes: dict[str, MedicationClass]
    medications: dict[str, Medication]
    units: tuple[str, ...]
    triggers: tuple[str, ...]

    def severity_label(self, severity: int) -> str:
        return f"{severity} — {self.severity_anchors[severity]}"

    def severity_band(self, severity: int) -> str:
        for band, (low, high) in self.severity_bands.items():
            if low <= severity <= high:
                return band
        return "none"

    def symptom_key(self, text: str) -> str | None:
        """The catalogue key for a symptom typed by a person, when it is one we know exactly."""
        return _lookup(text, {**{k: k for k in self.symptoms}, **{_norm(s.label): k for k, s in self.symptoms.items()}})

    def medication_key(self, text: str) -> str | None:
        table: dict[str, str] = {}
        for key, med in self.medications.items():
            table[key] = key
            table[_norm(med.label)] = key
            for alias in med.aliases:
                table[_norm(alias)] = key
        return _lookup(text, table)

    def symptom_label(self, key: str) -> str:
        symptom = self.symptoms.get(key)
        return symptom.label if symptom else key

    def medication_label(self, key: str) -> str:
        med = self.medications.get(key)
        return med.label if med else key


def _norm(text: str) -> str:
    return re.sub(r"[\s\-/]+", "_", text.strip().casefold())


def _lookup(text: str, table: dict[str, str]) -> str | None:
    return table.get(_norm(text))


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    raw = load_toml("catalogue.toml")
    return Catalogue(
        version=int(raw["version"]),
        severity_anchors={int(k): str(v) for k, v in raw["severity"].items()},
        severity_bands={k: (int(v[0]), int(v[1])) for k, v in raw["severity_bands"].items()},
        symptoms={k: Symptom(k, v["label"], v["family"], v["area"]) for k, v in raw["symptoms"].items()},
        qualities={k: Quality(k, v["label"], v["group"]) for k, v in raw["qualities"].items()},
        areas={k: Area(k, v["label"], v["region"]) for k, v in raw["areas"].items()},
        medication_classes={
            k: MedicationClass(k, v["label"], bool(v["acute"]), v.get("overuse_days"))
            for k, v in raw["medication_classes"].items()
        },
        medications={
            k: Medication(k, v["label"], v["class"], v["unit"], tuple(v.get("aliases", ())))
            for k, v in raw["medications"].items()
        },
        units=tuple(raw["units"]["choices"]),
        triggers=tuple(raw["triggers"]["choices"]),
    )
