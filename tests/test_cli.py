"""The headless CLI: every journal command, JSON output, and user errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_healthviz


def test_add_show_list_edit_delete_undelete(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("entry", "add", "--at", "2026-03-03T00:30:00+01:00", "--notes", "Woke at 4 ☕",
            "--symptom", "migraine severity=7 qualities=throbbing,pressing area=temples duration=3h",
            "--dose", "Advil 400 mg relief=some at=00:45", "--trigger", "poor sleep", "--mood", "4", "--json")
    assert r.code == 0, r.err
    added = json.loads(r.out)
    assert added["day"] == "2026-03-02" and added["doses"][0]["name"] == "ibuprofen"
    assert added["observations"][0]["duration_minutes"] == 180
    assert added["doses"][0]["taken_at"] == "2026-03-03T00:45:00+01:00"
    entry_id = str(added["id"])

    shown = cli("entry", "show", entry_id)
    assert "Migraine 7/10 (hard to concentrate" in shown.out and "Ibuprofen 400 mg" in shown.out

    assert cli("entry", "edit", entry_id, "--symptom", "migraine severity=5").code == 0
    assert json.loads(cli("entry", "show", entry_id, "--json").out)["observations"][0]["severity"] == 5

    listed = json.loads(cli("entry", "list", "--json").out)
    assert [e["id"] for e in listed] == [added["id"]]
    assert "Moved entry" in cli("entry", "delete", entry_id).out
    assert json.loads(cli("entry", "list", "--json").out) == []
    assert len(json.loads(cli("entry", "list", "--trash", "--json").out)) == 1
    assert cli("entry", "undelete", entry_id).code == 0
    assert len(json.loads(cli("entry", "list", "--json").out)) == 1


def test_add_from_json_on_stdin(data_dir: Path) -> None:
    body = json.dumps({"occurred_at": "2026-03-02T21:00:00-05:00", "notes": "مرحبا 🤕",
                       "observations": [{"symptom": "Fatigue", "severity": 6}]})
    proc = run_healthviz("--data-dir", str(data_dir), "entry", "add", "--from-json", "-", "--json", stdin=body)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["observations"][0]["symptom"] == "fatigue"


def test_search_with_filters(cli) -> None:  # type: ignore[no-untyped-def]
    cli("entry", "add", "--at", "2026-03-02T09:00+01:00", "--notes", "after the café",
        "--symptom", "migraine severity=8", "--dose", "sumatriptan 50 mg")
    cli("entry", "add", "--at", "2026-03-05T09:00+01:00", "--notes", "after a long drive",
        "--symptom", "lower back pain severity=4")
    assert len(json.loads(cli("search", "after", "--json").out)) == 2
    assert len(json.loads(cli("search", "cafe", "--json").out)) == 1
    assert len(json.loads(cli("search", "--min-severity", "6", "--json").out)) == 1
    assert len(json.loads(cli("search", "--medication", "sumatriptan", "--json").out)) == 1
    assert len(json.loads(cli("search", "--symptom", "Lower back pain", "--json").out)) == 1
    assert len(json.loads(cli("search", "after", "--from", "2026-03-04", "--to", "2026-03-31", "--json").out)) == 1


def test_export_import_backup_restore_info(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo-data", "--days", "20", "--seed", "3").code == 0
    out = tmp_path / "journal.json"
    assert cli("export", "--format", "json", "-o", str(out)).code == 0
    assert cli("export", "--format", "csv", "-o", str(tmp_path / "journal.csv")).code == 0
    info = json.loads(cli("info", "--json").out)
    assert info["entries"] > 20 and info["schema_version"] == info["app_schema_version"]
    assert "keyring_backend" in info and info["data_dir"].endswith("journal-data")
    assert "already in the journal" in cli("import", str(out)).out
    made = cli("backup", "--json")
    backup_path = json.loads(made.out)["path"]
    cli("entry", "add", "--symptom", "nausea severity=2")
    restored = cli("restore", backup_path)
    assert restored.code == 0 and "kept at" in restored.out
    assert json.loads(cli("info", "--json").out)["entries"] == info["entries"]
    assert len(json.loads(cli("backup", "--list", "--json").out)) >= 2


def test_import_parses_the_file_once_and_stays_all_or_nothing(  # type: ignore[no-untyped-def]
        cli, tmp_path: Path, monkeypatch) -> None:
    import healthviz_desktop.core.interchange_json as interchange_json

    cli("entry", "add", "--symptom", "nausea severity=2")
    before = cli("entry", "list", "--json").out
    record = {"occurred_at": "2026-03-02T09:00:00+01:00", "observations": [{"symptom": "migraine", "severity": 6}]}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "healthviz-journal", "version": 1, "entries": [
        {**record, "uid": "fine-1"}, {**record, "uid": "odd-2", "observations": [{"symptom": "migraine",
                                                                                  "severity": 42}]}]}))
    refused = cli("import", str(bad))
    assert refused.code == 1 and "nothing was changed" in refused.err
    assert "entry 2 (uid odd-2): observations[0].severity: must be a whole number from 0 to 10" in refused.err
    assert cli("entry", "list", "--json").out == before  # not even the good first record
    assert "pre-import" not in cli("backup", "--list").out  # refused before the journal was touched

    good = tmp_path / "good.json"
    good.write_text(json.dumps({"format": "healthviz-journal", "version": 1,
                                "entries": [{**record, "uid": f"fine-{n}"} for n in range(3)]}))
    parsed: list[int] = []
    real_loads = json.loads

    def counting_loads(text: str | bytes, **kwargs: object) -> object:
        parsed.append(len(text))
        return real_loads(text, **kwargs)

    monkeypatch.setattr(interchange_json.json, "loads", counting_loads)
    done = cli("import", str(good))
    monkeypatch.setattr(interchange_json.json, "loads", real_loads)
    assert done.code == 0 and "Imported 3 entries." in done.out, done.err
    assert parsed.count(len(good.read_text())) == 1  # validated once; the import step reuses the result
    assert len(json.loads(cli("entry", "list", "--json").out)) == 4


def test_user_errors_are_one_line_on_stderr_with_nonzero_exit(data_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "healthviz-journal", "version": 1, "entries": [{"occurred_at": 5}]', encoding="utf-8")
    cases = [
        (["entry", "show", "42"], "There is no entry 42"),
        (["entry", "add", "--symptom", "migraine severity=eleven"], "severity must be a whole number"),
        (["entry", "add", "--symptom", "migraine severity=3", "--mood", "12"], "mood: must be a whole number"),
        (["entry", "add", "--at", "last tuesday"], "not a date-time"),
        (["import", str(bad)], "nothing was changed"),
        (["import", str(tmp_path / "missing.json")], "no such file"),
        (["import", str(tmp_path / "x.csv")], "CSV is an export format"),
        (["restore", str(bad)], "not a readable SQLite database"),
        (["demo-data", "--days", "0"], "--days must be between"),
    ]
    for args, message in cases:
        proc = run_healthviz("--data-dir", str(data_dir), *args)
        assert proc.returncode != 0, args
        assert message in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr, args
    assert json.loads(run_healthviz("--data-dir", str(data_dir), "info", "--json").stdout)["entries"] == 0


def test_data_dir_from_the_environment_is_honoured(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HEALTHVIZ_DATA_DIR", str(tmp_path / "env-dir"))
    proc = run_healthviz("info", "--json")
    assert json.loads(proc.stdout)["data_dir"] == str(tmp_path / "env-dir")


def test_console_script_is_installed_and_runs(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    script = Path(sys.executable).parent / "healthviz"
    assert script.exists() or shutil.which("healthviz"), "the healthviz entry point is not installed"
    proc = subprocess.run([str(script if script.exists() else "healthviz"), "--version"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("HealthViz ")


def test_demo_data_twice_is_harmless_and_end_makes_it_reproducible(data_dir: Path, tmp_path: Path) -> None:
    from datetime import date

    from healthviz_desktop.core.demo_data import generate_demo_entries

    expected = generate_demo_entries(5, seed=3, end=date(2026, 3, 31))
    args = ("--data-dir", str(data_dir), "demo-data", "--days", "5", "--seed", "3", "--end", "2026-03-31")
    first = run_healthviz(*args)  # the audit's reproduction, as a real process: the second run used to crash
    assert first.returncode == 0, first.stderr
    assert f"Added {len(expected)} synthetic entries" in first.stdout and "skipped 0" in first.stdout
    second = run_healthviz(*args)
    assert second.returncode == 0 and "Traceback" not in second.stderr, second.stderr
    assert "Added 0 synthetic entries" in second.stdout and f"skipped {len(expected)}" in second.stdout
    out = tmp_path / "demo.json"
    assert run_healthviz("--data-dir", str(data_dir), "export", "-o", str(out)).returncode == 0
    saved = json.loads(out.read_text(encoding="utf-8"))["entries"]
    # --end reaches the generator: the journal holds exactly the entries that seed and end date make.
    assert sorted((e["uid"], e["occurred_at"]) for e in saved) == sorted(
        (e.uid, e.occurred_at.isoformat()) for e in expected)


def test_demo_data_end_must_be_a_date(cli) -> None:  # type: ignore[no-untyped-def]
    r = cli("demo-data", "--days", "5", "--end", "31/03/2026")
    assert r.code == 2 and "argument --end: not a date: '31/03/2026' (use YYYY-MM-DD)" in r.err


def test_adding_an_entry_whose_uid_is_taken_names_the_uid_and_changes_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    body = tmp_path / "entry.json"
    body.write_text(json.dumps({"uid": "made-up-uid-1", "occurred_at": "2026-03-02T21:00:00+01:00",
                                "observations": [{"symptom": "fatigue", "severity": 6}]}), encoding="utf-8")
    assert cli("entry", "add", "--from-json", str(body)).code == 0
    before = cli("entry", "list", "--json").out
    again = cli("entry", "add", "--from-json", str(body), "--notes", "a second try")
    assert again.code == 1, again.err  # in-process: an untranslated error would raise here instead
    assert again.err.strip() == ("healthviz: error: An entry with uid made-up-uid-1 is already in this journal, "
                                 "so nothing was saved.")
    assert cli("entry", "list", "--json").out == before
    entry_id = str(json.loads(before)[0]["id"])
    assert cli("entry", "delete", entry_id).code == 0
    trashed = cli("entry", "add", "--from-json", str(body))
    assert trashed.code == 1 and "uid made-up-uid-1 is already in this journal's trash" in trashed.err


def test_filter_numbers_are_range_checked_as_usage_errors(cli) -> None:  # type: ignore[no-untyped-def]
    cli("entry", "add", "--symptom", "migraine severity=10")
    cases = [
        (("search", "--min-severity", "11"), "argument --min-severity: must be a whole number from 0 to 10, got 11"),
        (("entry", "list", "--min-severity", "-1"), "argument --min-severity: must be a whole number from 0 to 10"),
        (("search", "x", "--limit", "0"), "argument --limit: must be a whole number, at least 1, got 0"),
        (("entry", "list", "--limit", "-5"), "argument --limit: must be a whole number, at least 1, got -5"),
        (("entry", "list", "--limit", "ten"), "argument --limit: expected a whole number, at least 1, got 'ten'"),
    ]
    for args, message in cases:
        r = cli(*args)
        assert r.code == 2 and message in r.err, (args, r.err)
    assert len(json.loads(cli("search", "--min-severity", "10", "--limit", "1", "--json").out)) == 1
    assert len(json.loads(cli("entry", "list", "--min-severity", "0", "--json").out)) == 1


def test_restore_refuses_the_live_journal_and_says_when_nothing_was_replaced(  # type: ignore[no-untyped-def]
        cli, data_dir: Path, tmp_path: Path, capsys) -> None:
    from healthviz_desktop.cli import run

    cli("entry", "add", "--symptom", "nausea severity=2")
    backup = json.loads(cli("backup", "--json").out)["path"]
    live = data_dir / "journal.sqlite3"
    refused = cli("restore", str(live))
    assert refused.code == 1 and "is the live journal itself, not a backup" in refused.err, refused.err
    assert "pre-restore" not in [b["reason"] for b in json.loads(cli("backup", "--list", "--json").out)]
    assert len(json.loads(cli("entry", "list", "--json").out)) == 1

    capsys.readouterr()
    assert run(["--data-dir", str(tmp_path / "empty"), "restore", backup]) == 0
    out = capsys.readouterr().out
    assert "nothing was replaced" in out and "kept at" not in out
    assert run(["--data-dir", str(tmp_path / "empty"), "entry", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_the_build_backend_is_new_enough_for_the_license_field() -> None:
    import re
    import tomllib

    from tests.conftest import REPO

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    if isinstance(pyproject["project"]["license"], str):  # the SPDX string form arrived in setuptools 77
        (setuptools,) = [r for r in pyproject["build-system"]["requires"] if r.startswith("setuptools")]
        floor = re.fullmatch(r"setuptools\s*>=\s*(\d+)(?:\.\d+)*", setuptools)
        assert floor is not None and int(floor.group(1)) >= 77, setuptools


def test_info_on_a_folder_without_a_journal_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "deep"
    proc = run_healthviz("--data-dir", str(missing), "info", "--json")
    assert proc.returncode == 0, proc.stderr
    info = json.loads(proc.stdout)
    assert info["entries"] == 0 and info["schema_version"] is None and "none yet" in info["database"]
    assert not (tmp_path / "typo").exists()
