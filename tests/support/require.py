"""Proofs that must not silently skip: under scripts/run-tests.sh (HEALTHVIZ_REQUIRE_ALL=1) a missing
tool or service fails the test with the reason a skip would have given; elsewhere it is a skip."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

REQUIRE_ALL = "HEALTHVIZ_REQUIRE_ALL"


def required() -> bool:
    return os.environ.get(REQUIRE_ALL, "") not in ("", "0")


def unavailable(reason: str) -> NoReturn:
    """Skip, or fail with the same reason when every proof is required."""
    if required():
        pytest.fail(f"{reason} ({REQUIRE_ALL} is set: this proof may not be skipped)", pytrace=False)
    pytest.skip(reason)
