"""The mutation check itself (scripts/mutation_check.py): a list that names code which moved is an error naming
the entry and the file, a surviving mutation fails the run, and the working tree is never changed."""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO

TOOL = REPO / "scripts" / "mutation_check.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mutation_check", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mutation_check", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _entry(id: str, original: str, replacement: str, tests: list[str],
           file: str = "healthviz_desktop/core/trends.py") -> str:
    quoted = ", ".join(f'"{t}"' for t in tests)
    return (f"[[mutation]]\nid = \"{id}\"\ngroup = \"demo\"\nfile = \"{file}\"\noriginal = '''{original}'''\n"
            f"replacement = '''{replacement}'''\ndescription = \"made up for this test\"\ntests = [{quoted}]\n\n")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *args], cwd=REPO, capture_output=True, text=True,
                          timeout=300, check=False)


def test_the_curated_list_applies_to_this_tree() -> None:
    """Every entry's snippet is in its file exactly once (the whole check runs in scripts/run-tests.sh)."""
    tool = _tool()
    mutations = tool.load_mutations(tool.DEFAULT_LIST)
    assert len(mutations) >= 30
    assert [m.id for m in mutations if tool.staleness(m, REPO, "tests/mutations.toml")] == []


def test_moved_code_is_reported_by_entry_and_file_and_fails_the_run(tmp_path: Path) -> None:
    listed = tmp_path / "mutations.toml"
    listed.write_text(
        _entry("gone", "    this line is not in trends.py", "pass", ["tests/test_trends.py"])
        + _entry("twice", "import", "export", ["tests/test_trends.py"])
        + _entry("moved", "x", "y", ["tests/test_trends.py"], file="healthviz_desktop/core/no_such_module.py"),
        encoding="utf-8")
    result = _run("--list", str(listed), "--check-only")
    assert result.returncode == 1
    assert ('STALE mutation "gone" (group demo, ' in result.stderr
            and "its original snippet is no longer in it: healthviz_desktop/core/trends.py changed" in result.stderr)
    assert 'mutation "twice"' in result.stderr and "occurs" in result.stderr and "must be exactly once" in result.stderr
    assert 'mutation "moved"' in result.stderr and "no_such_module.py does not exist" in result.stderr
    assert "0 of 3 mutations apply as written" in result.stdout


@pytest.mark.parametrize(("toml", "message"), [
    ("[[mutation]]\nid = \"a\"\n", "entry 1 (a) lacks group, file, original, replacement, description, tests"),
    (_entry("a", "x", "x", ["tests/test_trends.py"]), "entry a: the replacement is the original"),
    (_entry("a", "x", "y", ["t"]) + _entry("a", "x", "z", ["t"]), "the id a is used twice"),
])
def test_a_malformed_list_is_refused(tmp_path: Path, toml: str, message: str) -> None:
    listed = tmp_path / "mutations.toml"
    listed.write_text(toml, encoding="utf-8")
    result = _run("--list", str(listed), "--check-only")
    assert result.returncode == 1 and message in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("how", [[], ["--no-fork"]], ids=["forked-from-a-loaded-server", "a-fresh-pytest-each"])
def test_a_surviving_mutation_fails_the_run_and_the_tree_is_untouched(tmp_path: Path, how: list[str]) -> None:
    trends = REPO / "healthviz_desktop" / "core" / "trends.py"
    before = hashlib.sha256(trends.read_bytes()).hexdigest()
    listed = tmp_path / "mutations.toml"
    listed.write_text(
        _entry("caught-one", "used_classes >= 2", "used_classes >= 1",
               ["tests/test_trends.py::test_one_class_alone_or_with_unwatched_medicines_is_not_several_classes"])
        + _entry("survivor", "used_classes >= 2", "used_classes >= 1",
                 ["tests/test_trends.py::test_date_range_months"]),  # a test that never reaches that line
        encoding="utf-8")
    result = _run("--list", str(listed), "--workers", "1", *how)
    assert result.returncode == 1, result.stdout + result.stderr
    rows = {line.split()[0]: line.split()[2] for line in result.stdout.splitlines()
            if line.startswith(("caught-one ", "survivor "))}
    assert rows == {"caught-one": "caught", "survivor": "survived"}
    assert "mutation-check: 1 caught, 1 survived, 0 stale, 0 error of 2" in result.stdout
    assert hashlib.sha256(trends.read_bytes()).hexdigest() == before


def test_every_mutation_is_documented() -> None:
    tool = _tool()
    documented = (REPO / "docs" / "testing.md").read_text(encoding="utf-8")
    missing = [m.id for m in tool.load_mutations(tool.DEFAULT_LIST) if f"| `{m.id}` |" not in documented]
    assert missing == [], f"add these to the list in docs/testing.md: {missing}"
