"""`healthviz entry edit` changes what its options name and nothing else; whole lists only when asked;
an entry changed meanwhile is refused by name (exit 7); an empty `entry add` saves nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import CliResult

Cli = Any


def _show(cli: Cli, entry_id: str = "1") -> dict[str, Any]:
    shown: dict[str, Any] = json.loads(cli("entry", "show", entry_id, "--json").out)
    return shown


@pytest.fixture
def entry(cli: Cli) -> dict[str, Any]:
    made = cli("entry", "add", "--at", "2026-03-03T08:30:00+01:00", "--notes", "dark room helped",
               "--symptom", "migraine severity=7 qualities=throbbing,pressing area=temples duration=3h",
               "--symptom", "nausea severity=3 qualities=rolling",
               "--dose", "ibuprofen 400 mg relief=some", "--dose", "paracetamol 1000 mg",
               "--tag", "work", "--trigger", "poor sleep", "--mood", "4", "--json")
    assert made.code == 0, made.err
    added: dict[str, Any] = json.loads(made.out)
    return added


def test_editing_one_field_of_one_symptom_keeps_everything_else(cli: Cli, entry: dict[str, Any]) -> None:
    assert cli("entry", "edit", "1", "--symptom", "migraine severity=6").code == 0  # the README's pattern
    after = _show(cli)
    migraine, nausea = after["observations"]
    assert migraine["severity"] == 6
    assert (migraine["qualities"], migraine["body_area"], migraine["duration_minutes"]) == (
        ["throbbing", "pressing"], "temples", 180)
    assert nausea == entry["observations"][1]
    unchanged = ("doses", "tags", "triggers", "notes", "mood", "occurred_at", "day", "uid")
    assert {k: after[k] for k in unchanged} == {k: entry[k] for k in unchanged}


def test_one_dose_changes_by_name_and_others_stay(cli: Cli, entry: dict[str, Any]) -> None:
    assert cli("entry", "edit", "1", "--dose", "Advil relief=good").code == 0  # a brand name finds ibuprofen
    ibuprofen, paracetamol = _show(cli)["doses"]
    assert (ibuprofen["amount"], ibuprofen["unit"], ibuprofen["relief"]) == (400.0, "mg", "good")
    assert paracetamol == entry["doses"][1]


def test_a_symptom_the_entry_lacks_is_added_and_needs_a_severity(cli: Cli, entry: dict[str, Any]) -> None:
    missing = cli("entry", "edit", "1", "--symptom", "fatigue qualities=heavy")
    assert missing.code == 1 and "needs severity" in missing.err
    assert _show(cli) == {**entry, "revision": 1}
    assert cli("entry", "edit", "1", "--symptom", "fatigue severity=4").code == 0
    assert [o["symptom"] for o in _show(cli)["observations"]] == ["migraine", "nausea", "fatigue"]


def test_whole_lists_are_replaced_or_emptied_only_when_asked(cli: Cli, entry: dict[str, Any]) -> None:
    assert cli("entry", "edit", "1", "--replace-symptoms", "--symptom", "dizziness severity=2").code == 0
    assert [o["symptom"] for o in _show(cli)["observations"]] == ["dizziness"]
    assert cli("entry", "edit", "1", "--replace-doses").code == 0
    assert _show(cli)["doses"] == []
    assert cli("entry", "edit", "1", "--tag", "travel").code == 0
    assert _show(cli)["tags"] == ["work", "travel"]
    assert cli("entry", "edit", "1", "--replace-tags", "--tag", "home").code == 0
    assert _show(cli)["tags"] == ["home"]
    assert cli("entry", "edit", "1", "--remove-trigger", "Poor Sleep").code == 0
    assert _show(cli)["triggers"] == []


def test_removing_one_symptom_leaves_the_others(cli: Cli, entry: dict[str, Any]) -> None:
    assert cli("entry", "edit", "1", "--remove-symptom", "Nausea").code == 0
    assert [o["symptom"] for o in _show(cli)["observations"]] == ["migraine"]
    gone = cli("entry", "edit", "1", "--remove-symptom", "nausea")
    assert gone.code == 1 and "has no symptom 'nausea'" in gone.err


def test_an_ambiguous_name_is_refused_and_changes_nothing(cli: Cli) -> None:
    assert cli("entry", "add", "--symptom", "migraine severity=4", "--symptom", "migraine severity=8").code == 0
    before = _show(cli)
    refused = cli("entry", "edit", "1", "--symptom", "migraine severity=5")
    assert refused.code == 1 and "2 symptoms named 'migraine'" in refused.err and "--replace-symptoms" in refused.err
    assert _show(cli) == before


def test_an_edit_that_names_nothing_is_a_usage_error(cli: Cli, entry: dict[str, Any]) -> None:
    r = cli("entry", "edit", "1")
    assert r.code == 2 and "nothing to change" in r.err
    assert _show(cli)["revision"] == 1  # not even saved again


def test_an_entry_changed_since_it_was_read_is_refused_by_name(cli: Cli, entry: dict[str, Any]) -> None:
    assert _show(cli)["revision"] == 1
    assert cli("entry", "edit", "1", "--mood", "5", "--expect-revision", "1").code == 0
    assert _show(cli)["revision"] == 2
    stale: CliResult = cli("entry", "edit", "1", "--mood", "9", "--expect-revision", "1")
    assert stale.code == 7
    assert "Entry 1 was changed by another window or command" in stale.err and "not saved" in stale.err
    assert _show(cli)["mood"] == 5 and _show(cli)["revision"] == 2


def test_an_empty_entry_is_refused_like_the_window_refuses_it(cli: Cli) -> None:
    r = cli("entry", "add")
    assert r.code == 1 and "the entry is empty, so nothing was saved" in r.err
    r = cli("entry", "add", "--at", "2026-03-03T08:30:00+01:00")
    assert r.code == 1
    assert json.loads(cli("entry", "list", "--json").out) == []
    assert cli("entry", "add", "--mood", "6").code == 0  # how one felt is something to record
