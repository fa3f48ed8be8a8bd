"""Package data read through importlib.resources, so source runs and frozen builds find it alike."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def read_text(name: str) -> str:
    return resources.files("healthviz_desktop.data").joinpath(name).read_text(encoding="utf-8")


def read_bytes(name: str) -> bytes:
    return resources.files("healthviz_desktop.data").joinpath(name).read_bytes()


def load_toml(name: str) -> dict[str, Any]:
    return tomllib.loads(read_text(name))
