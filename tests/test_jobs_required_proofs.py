"""The proofs the generation engine leans on (the spec contract, the real Secret Service, Qt playback) skip
when their tool is missing, except under scripts/run-tests.sh, which sets HEALTHVIZ_REQUIRE_ALL=1: then
they fail with the same reason, so a CI run cannot pass with them silently skipped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.support.require import REQUIRE_ALL, unavailable

PROOFS = ["tests/test_contract_spec.py", "tests/test_keys_secret_service.py", "tests/test_render_playback.py"]
# In the child: no npx on PATH, no session bus, and no Qt Multimedia module to import.
CHILD = ("import sys; sys.modules['PySide6.QtMultimedia'] = None; import pytest; "
         "sys.exit(pytest.main(['-q', '-rfEs', '-p', 'no:cacheprovider', *sys.argv[1:]]))")


def _run_required_without_their_tools() -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": str(Path(sys.executable).parent), REQUIRE_ALL: "1",
           "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus", "QT_QPA_PLATFORM": "offscreen",
           "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", CHILD, *PROOFS], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_under_run_tests_sh_a_missing_tool_fails_the_proof_instead_of_skipping_it() -> None:
    assert f"export {REQUIRE_ALL}=1" in (REPO / "scripts/run-tests.sh").read_text()
    proc = _run_required_without_their_tools()
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    for reason in ("node/npx is not installed", "no Secret Service reachable", "PySide6.QtMultimedia"):
        assert reason in out
    last = proc.stdout.strip().splitlines()[-1]  # e.g. "1 passed, 7 errors in 0.4s": no proof skipped
    assert "7 errors in" in last and "skipped" not in last, last


def test_elsewhere_the_same_proofs_skip_with_their_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(REQUIRE_ALL, raising=False)
    with pytest.raises(pytest.skip.Exception, match="the tool is missing"):
        unavailable("the tool is missing")
    monkeypatch.setenv(REQUIRE_ALL, "1")
    with pytest.raises(pytest.fail.Exception, match="the tool is missing"):
        unavailable("the tool is missing")
