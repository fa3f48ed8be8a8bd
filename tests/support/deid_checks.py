"""What the de-identifier lets through and what it keeps, as the cause tests of issue 15 ask it: the scorer's test
of an identifier surviving (``present``), on one text."""

from __future__ import annotations

from collections.abc import Sequence

from healthviz_desktop.core.prompting.deidentify import deidentify
from tests.corpus.score_heldout import present


def through(text: str, secrets: Sequence[str], private_terms: Sequence[str] = ()) -> list[str]:
    """The secrets still in the de-identified text."""
    out = deidentify(text, private_terms).text
    return [s for s in secrets if present(s, out)]


def lost(text: str, items: Sequence[str]) -> list[str]:
    """The items to keep that the de-identified text no longer holds as written."""
    out = deidentify(text).text
    return [k for k in items if k not in out]
