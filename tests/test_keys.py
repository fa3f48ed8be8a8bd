"""Keys: no backend, a locked keyring, plain-text backends refused, and the session-only key. These use
keyring's own backend API (keyring.set_keyring) with small in-test backends; the real Secret Service
round trip is in test_keys_secret_service.py."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked as BackendLocked

from healthviz_desktop.core import keys
from healthviz_desktop.core.keys import LOCKED, KeyStore, KeyStoreError, NoKeyring


class MemoryKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise BackendLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise BackendLocked("Failed to unlock the collection!")


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's file backend: must be refused even though it works."""


# keyring registers every KeyringBackend subclass for its own discovery (the chainer); these test
# backends must only ever be used when a test installs one, never found by discovery in later tests.
for _cls in (MemoryKeyring, LockedKeyring, PlaintextKeyring):
    KeyringBackend._classes.discard(_cls)  # type: ignore[attr-defined]


@pytest.fixture
def backend() -> Iterator[Any]:
    before = keyring.get_keyring()
    keys._SESSION.clear()
    yield keyring.set_keyring
    keyring.set_keyring(before)
    keys._SESSION.clear()


def test_a_working_keyring_keeps_one_entry_per_provider(backend: Any) -> None:
    memory = MemoryKeyring()
    backend(memory)
    store = KeyStore()
    store.set("fake", "  test-key \n")
    store.set("other", "test-key-2")
    assert store.get("fake") == "test-key" and store.get("other") == "test-key-2"
    assert memory.items == {("HealthViz Desktop", "fake"): "test-key", ("HealthViz Desktop", "other"): "test-key-2"}
    assert store.status("fake").state == "stored" and "test-key" not in store.status("fake").message
    assert store.delete("fake") and store.get("fake") is None and not store.delete("fake")
    assert store.status("fake").state == "missing"


def test_no_backend_names_what_to_install_and_allows_a_session_only_key(backend: Any) -> None:
    backend(fail.Keyring())
    store = KeyStore()
    with pytest.raises(NoKeyring) as caught:
        store.set("fake", "test-key")
    assert "GNOME Keyring" in str(caught.value) and "KWallet" in str(caught.value)
    assert store.status("fake").state == "no_keyring"
    assert store.get("fake") is None
    store.set_session("fake", "test-key")
    assert store.get("fake") == "test-key" and store.status("fake").state == "session"
    assert store.delete("fake") and store.get("fake") is None


def test_a_locked_keyring_says_unlock_it(backend: Any) -> None:
    backend(LockedKeyring())
    store = KeyStore()
    with pytest.raises(KeyStoreError) as caught:
        store.get("fake")
    assert str(caught.value) == LOCKED and "unlock your keyring" in LOCKED
    with pytest.raises(KeyStoreError, match="unlock your keyring"):
        store.set("fake", "test-key")
    assert store.status("fake").state == "locked"


def test_a_key_typed_for_the_session_stands_while_the_keyring_is_locked_or_failing(backend: Any) -> None:
    """A person whose keyring fails types a key for the session; the failing keyring must not hide it (a modal
    'API key for this session' dialog came back at every send, and hung a CI run waiting for an answer)."""
    backend(LockedKeyring())
    store = KeyStore()
    store.set_session("fake", "test-key-not-real")
    assert store.get("fake") == "test-key-not-real"
    status = store.status("fake")
    assert status.state == "session" and "unlock your keyring" in status.message
    assert "test-key-not-real" not in status.message


def test_a_plain_text_backend_is_never_used(backend: Any) -> None:
    plain = PlaintextKeyring()
    backend(plain)
    store = KeyStore()
    with pytest.raises(NoKeyring):
        store.set("fake", "test-key")
    assert plain.items == {}


def test_keys_that_are_not_keys_are_refused_without_echoing_them(backend: Any) -> None:
    backend(MemoryKeyring())
    with pytest.raises(KeyStoreError) as caught:
        KeyStore().set("fake", "test key with spaces")
    assert "test key" not in str(caught.value)
    with pytest.raises(KeyStoreError, match="empty"):
        KeyStore().set("fake", "   ")


def test_a_locked_keyring_at_send_time_stalls_the_job_plainly_without_sending(backend: Any, tmp_path: Any) -> None:
    from tests.fake_videos_server import FakeVideos, make_media, request, runner_for

    fake = FakeVideos(*make_media(4)).start()
    try:
        runner = runner_for(tmp_path, fake, key=None)
        backend(LockedKeyring())
        job = runner.run(runner.submit("fake", request(4)).id)
        # stalled, not failed: once the keyring is unlocked, `healthviz jobs resume` sends it
        assert job.status == "stalled" and job.error_code == "key_missing" and "unlock your keyring" in job.message
        assert fake.requests == []
    finally:
        fake.stop()
