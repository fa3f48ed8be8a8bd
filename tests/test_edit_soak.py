"""A short kill-and-edit soak (benchmarks/soak_edits.py runs 50 rounds for docs/reliability.md): editors and
CLI edits on the same entries, SIGKILLed at random; every acknowledged edit is there, integrity ok."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.soak_edits import check, run_soak

pytestmark = pytest.mark.slow


def test_a_short_kill_and_edit_soak_loses_nothing(tmp_path: Path) -> None:
    result = run_soak(5, seed=20261204, data_dir=tmp_path / "soak", round_seconds=(2.5, 4.0))
    assert result.integrity == [] and result.lost == []
    assert result.editor_acks >= 5 and result.cli_acks >= 1 and result.kills >= 5  # it really edited and killed


def test_the_soak_check_sees_a_lost_edit(tmp_path: Path) -> None:
    from healthviz_desktop.core.journal import Journal
    from tests.conftest import sample_entry

    journal = Journal.open(tmp_path / "j")
    saved = journal.add(sample_entry(tags=["kept-1"]))
    journal.close()
    assert saved.id is not None
    lost, problems = check(tmp_path / "j" / "journal.sqlite3", {"kept-1": saved.id, "overwritten-2": saved.id})
    assert lost == [f"entry {saved.id}: overwritten-2"] and problems == []
