"""``healthviz deidentify`` and ``healthviz prompt`` end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from healthviz_desktop.core.journal import Journal
from tests.conftest import REPO, run_healthviz, sample_entry

HEAVY = ("sqlmodel", "sqlalchemy", "openai", "PySide6", "av", "numpy")


def test_deidentify_stdin_to_stdout(tmp_path: Path) -> None:
    terms = tmp_path / "terms.txt"
    terms.write_text("# people\nAnna Marsh\nEastvale\n", encoding="utf-8")
    text = "Anna Marsh drove me from Eastvale on 03/04/2026. Bell's palsy, pain 7/10, BP 128/82.\n"
    res = run_healthviz("deidentify", "--private-terms", str(terms), stdin=text)
    assert res.returncode == 0, res.stderr
    assert res.stdout == "[PRIVATE] drove me from [PRIVATE] on [DATE]. Bell's palsy, pain 7/10, BP 128/82.\n"


def test_deidentify_jsonl_batches(tmp_path: Path) -> None:
    lines = [{"id": 1, "text": "Call 555-010-2233 about TSH 4.2"}, {"id": "b", "text": "Nurse Okafor, 93 years old"}]
    res = run_healthviz("deidentify", "--jsonl", stdin="\n".join(json.dumps(x) for x in lines) + "\n\n")
    assert res.returncode == 0, res.stderr
    out = [json.loads(x) for x in res.stdout.splitlines()]
    assert out == [{"id": 1, "text": "Call [PHONE] about TSH 4.2"}, {"id": "b", "text": "Nurse [NAME], [AGE]"}]
    bad = run_healthviz("deidentify", "--jsonl", stdin='{"id": 1}\n')
    assert bad.returncode == 1 and "line 1" in bad.stderr and bad.stdout == ""


def test_deidentify_path_imports_nothing_heavy() -> None:
    code = ("import io, sys; sys.stdin = io.StringIO('Dr. Bell, 03/04/2026'); from healthviz_desktop.app import main;"
            " main(['deidentify']); print(); print(','.join(sorted(m for m in sys.modules)))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    first, modules = res.stdout.splitlines()[0], set(res.stdout.splitlines()[-1].split(","))
    assert first == "Dr. [NAME], [DATE]"
    assert not {m for m in modules if m.split(".")[0] in HEAVY}


def _journal(data_dir: Path) -> list[int]:
    j = Journal.open(data_dir)
    try:
        a = j.add(sample_entry(notes="Jonah Whitfield came by; call 555-010-2233", tags=["Oakridge"]))
        b = j.add(sample_entry(day=sample_entry().occurred_at.date().replace(day=20), notes="better"))
        return [a.id or 0, b.id or 0]
    finally:
        j.close()


def test_prompt_entry_prints_the_exact_request(data_dir: Path, cli: Any) -> None:
    first, _ = _journal(data_dir)
    res = cli("prompt", "--entry", str(first), "--json", "--seconds", "4", "--style", "clay")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert data["request"]["seconds"] == "4" and data["request"]["size"] == "1280x720"
    assert data["verdict"]["ok"] and data["mode"] == "moment"
    assert "Jonah" not in data["request"]["prompt"] and "555" not in data["request"]["prompt"]
    assert {r["field"] for r in data["removed"]} >= {"notes", "tags[0]"}
    text = cli("prompt", "--entry", str(first))
    assert text.code == 0 and "Exactly what would be sent" in text.out and "Check: passed" in text.out


def test_prompt_range_and_blocked_exit_code(data_dir: Path, cli: Any, tmp_path: Path) -> None:
    _journal(data_dir)
    res = cli("prompt", "--range", "2026-03-01..2026-03-31", "--json")
    assert res.code == 0, res.err
    assert json.loads(res.out)["mode"] == "trend"
    terms = tmp_path / "t.txt"
    terms.write_text("frosted\n", encoding="utf-8")  # a private term that the motif itself uses
    blocked = cli("prompt", "--range", "2026-03-01..2026-03-31", "--private-terms", str(terms))
    assert blocked.code == 6 and "Check: blocked" in blocked.out and "frosted" in blocked.out
    assert cli("prompt", "--range", "2026-03-31..2026-03-01").code == 1
    assert cli("prompt", "--range", "March").code == 1
    assert cli("prompt", "--entry", "999").code == 1


def test_prompt_explainer_and_settings_terms(data_dir: Path, cli: Any, tmp_path: Path) -> None:
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.settings import Settings, save_settings

    paths = DataPaths.at(data_dir).ensure()
    save_settings(paths.settings, Settings(private_terms=["Westfield"]))
    notes = tmp_path / "notes.txt"
    notes.write_text("Magnesium may calm nerve signals, Westfield's pharmacist said. It takes weeks.",
                     encoding="utf-8")
    res = cli("prompt", "--explainer", str(notes), "--json")
    assert res.code == 0, res.err
    data = json.loads(res.out)
    assert "Westfield" not in data["request"]["prompt"] and "[PRIVATE]" in data["request"]["prompt"]
    assert data["needs_approval"] is True


def test_unreadable_settings_stop_prompt_and_deidentify(tmp_path: Path) -> None:
    data = tmp_path / "data"
    journal = Journal.open(data)
    entry_id = journal.add(sample_entry()).id
    journal.close()
    (data / "settings.json").write_text('{"private_terms": ["Quenby"],}', encoding="utf-8")  # a stray comma
    for args, stdin in ((["prompt", "--entry", str(entry_id)], None), (["deidentify"], "Quenby came.")):
        res = run_healthviz("--data-dir", str(data), *args, stdin=stdin)
        assert res.returncode == 1 and res.stdout == "", (args, res.stdout)
        assert "settings file could not be read" in res.stderr and "Traceback" not in res.stderr
