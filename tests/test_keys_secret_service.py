"""Keys against a real Secret Service (gnome-keyring under dbus-run-session, as scripts/run-tests.sh runs
the suite), and a full session through the CLI after which the key is in no file under the data directory."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_healthviz
from tests.fake_videos_server import FakeVideos, make_media
from tests.support.require import unavailable

KEY = "test-key-secret-service-7f3a9c"


def _secret_service_reason() -> str | None:
    """None when a Secret Service answers on the session bus; otherwise why not (the skip reason)."""
    try:
        import secretstorage

        conn = secretstorage.dbus_init()
        try:
            if not secretstorage.check_service_availability(conn):
                return "no Secret Service on the session bus (run under scripts/run-tests.sh)"
            collection = secretstorage.get_default_collection(conn)
            if collection.is_locked():
                return "the Secret Service's default collection is locked"
        finally:
            conn.close()
    except Exception as exc:
        return f"no Secret Service reachable ({type(exc).__name__}); run under scripts/run-tests.sh"
    return None


_REASON = _secret_service_reason()
pytestmark = [pytest.mark.keyring]


@pytest.fixture(autouse=True)
def _secret_service() -> None:
    """Skips without a Secret Service; fails instead under scripts/run-tests.sh (HEALTHVIZ_REQUIRE_ALL=1)."""
    if _REASON is not None:
        unavailable(_REASON)


@pytest.fixture
def fake() -> Iterator[FakeVideos]:
    server = FakeVideos(*make_media(4), key=KEY).start()
    yield server
    server.stop()


def test_the_real_keyring_round_trips_one_entry_per_provider() -> None:
    from healthviz_desktop.core.keys import KeyStore

    store = KeyStore()
    assert "SecretService" in str(store.backend_name())
    try:
        store.set("hv-test-a", KEY)
        store.set("hv-test-b", "test-key-b")
        assert store.get("hv-test-a") == KEY and store.get("hv-test-b") == "test-key-b"
        assert store.status("hv-test-a").state == "stored"
    finally:
        assert store.delete("hv-test-a") and store.delete("hv-test-b")
    assert store.get("hv-test-a") is None


def test_a_full_session_leaves_the_key_in_no_file(tmp_path: Path, fake: FakeVideos) -> None:
    data = tmp_path / "data"

    def hv(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        proc = run_healthviz("--data-dir", str(data), *args, stdin=stdin)
        assert KEY not in proc.stdout + proc.stderr
        return proc

    assert hv("keys", "set", "fake", stdin=KEY + "\n").returncode == 0
    try:
        assert json.loads(hv("keys", "status", "fake", "--json").stdout)["state"] == "stored"
        assert hv("providers", "set", "fake", "--base-url", fake.url).returncode == 0
        added = hv("entry", "add", "--at", "2026-03-03T09:30:00+01:00", "--notes", "Dark room helped.",
                   "--symptom", "migraine severity=7 qualities=throbbing area=temples", "--json")
        assert added.returncode == 0, added.stderr
        entry_id = str(json.loads(added.stdout)["id"])
        out = tmp_path / "clip.mp4"
        render = hv("render", "--entry", entry_id, "--provider", "fake", "--seconds", "4", "--yes", "-o", str(out))
        assert render.returncode == 0, render.stderr
        assert out.exists() and fake.count("create") == 1 and fake.seen("create")[0].authorized
        assert "This request leaves your computer" in render.stderr and "$0.40" in render.stderr
        jobs = json.loads(hv("jobs", "list", "--json").stdout)
        assert jobs[0]["status"] == "completed"
        assert hv("jobs", "ledger").returncode == 0
        assert hv("export", "-o", str(data / "export.json")).returncode == 0
        assert hv("backup").returncode == 0
    finally:
        assert hv("keys", "delete", "fake").returncode == 0
    assert hv("keys", "status", "fake").returncode == 1  # no key to use (3 is "journal too new")
    files = [p for p in data.rglob("*") if p.is_file()]
    assert len(files) > 3
    leaks = [p for p in files if KEY.encode() in p.read_bytes() or KEY[:16].encode() in p.read_bytes()]
    assert leaks == []
