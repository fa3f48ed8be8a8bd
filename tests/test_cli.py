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
