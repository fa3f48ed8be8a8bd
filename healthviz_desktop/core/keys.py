"""API keys, one keyring entry per provider, and nowhere else.

- A working OS keyring (Secret Service: GNOME Keyring, KWallet; macOS Keychain; Windows Credential
  Locker) keeps the key. Nothing in the database, settings, logs, exports or error messages.
- No keyring backend: a message naming what to install, and the key may be used for this session only
  (held in memory by this process, gone when it exits). Never a plain-text fallback: file-based backends
  (keyrings.alt, whose mere presence makes a plain-text file the default) are refused.
- A locked keyring: "unlock your keyring".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

SERVICE = "HealthViz Desktop"
KeyState = Literal["stored", "missing", "session", "no_keyring", "locked"]

NO_KEYRING = ("No system keyring is available to keep API keys safe. Install and start GNOME Keyring "
              "(package gnome-keyring) or KDE Wallet (KWallet), or use your system's keychain, then try "
              "again. Until then a key can be used for this session only; it is never written to a file.")
LOCKED = ("Your keyring is locked: unlock your keyring (log in to the desktop session, or open your "
          "keyring or wallet app and unlock it), then try again.")

# Keys typed for this session only, when there is no keyring; they live in this process's memory.
_SESSION: dict[str, str] = {}


class KeyStoreError(Exception):
    """A keyring problem, in words the person can act on (never containing a key)."""


class NoKeyring(KeyStoreError):
    def __init__(self) -> None:
        super().__init__(NO_KEYRING)


class KeyringLocked(KeyStoreError):
    def __init__(self) -> None:
        super().__init__(LOCKED)


@dataclass(frozen=True)
class KeyStatus:
    provider: str
    state: KeyState
    message: str
    backend: str = ""


def _unsafe(backend: Any) -> bool:
    """Backends that would write the key to a plain file, or that do nothing."""
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return True
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return True
    try:
        return float(backend.priority) <= 0
    except Exception:  # a backend whose priority check itself fails is not usable
        return True


def _usable_backend() -> Any | None:
    import keyring
    from keyring.backends.chainer import ChainerBackend

    current = keyring.get_keyring()
    if isinstance(current, ChainerBackend):
        usable = [b for b in current.backends if not _unsafe(b)]
        return usable[0] if usable else None
    return None if _unsafe(current) else current


def _translate(exc: BaseException) -> KeyStoreError:
    from keyring import errors

    text = f"{type(exc).__name__} {exc}".lower()
    if isinstance(exc, errors.KeyringLocked) or "locked" in text or "dismissed" in text:
        return KeyringLocked()
    if isinstance(exc, errors.NoKeyringError):
        return NoKeyring()
    if isinstance(exc, errors.InitError):
        return NoKeyring()
    return KeyStoreError(f"The keyring could not be used ({type(exc).__name__}). Check that your keyring "
                         "service is running and unlocked.")


class KeyStore:
    """Get, set and delete provider keys. Methods raise KeyStoreError subclasses with plain messages."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def backend_name(self) -> str | None:
        backend = _usable_backend()
        return None if backend is None else f"{type(backend).__module__}.{type(backend).__name__}"

    def get(self, provider: str) -> str | None:
        """The key for ``provider``: from the keyring, else one typed for this session, else None."""
        from keyring.errors import KeyringError

        backend = _usable_backend()
        if backend is not None:
            try:
                value = backend.get_password(self.service, provider)
            except (KeyringError, Exception) as exc:  # secretstorage/dbus errors are not KeyringErrors
                raise _translate(exc) from None
            if value:
                return str(value)
        return _SESSION.get(provider)

    def set(self, provider: str, key: str) -> None:
        """Keep ``key`` in the keyring. With no keyring: NoKeyring (then offer set_session)."""
        key = _clean(key)
        backend = _usable_backend()
        if backend is None:
            raise NoKeyring()
        try:
            backend.set_password(self.service, provider, key)
        except Exception as exc:
            raise _translate(exc) from None
        _SESSION.pop(provider, None)

    def set_session(self, provider: str, key: str) -> None:
        """Use ``key`` until this process exits; it is never written anywhere."""
        _SESSION[provider] = _clean(key)

    def delete(self, provider: str) -> bool:
        """Forget the key (keyring and session). True when there was one."""
        from keyring.errors import PasswordDeleteError

        found = _SESSION.pop(provider, None) is not None
        backend = _usable_backend()
        if backend is None:
            return found
        try:
            backend.delete_password(self.service, provider)
            return True
        except PasswordDeleteError:
            return found
        except Exception as exc:
            raise _translate(exc) from None

    def status(self, provider: str) -> KeyStatus:
        backend = _usable_backend()
        if backend is None:
            if provider in _SESSION:
                return KeyStatus(provider, "session", "a key is set for this session only (no keyring)")
            return KeyStatus(provider, "no_keyring", NO_KEYRING)
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        try:
            value = backend.get_password(self.service, provider)
        except Exception as exc:
            err = _translate(exc)
            state: KeyState = "locked" if isinstance(err, KeyringLocked) else "no_keyring"
            return KeyStatus(provider, state, str(err), name)
        if value:
            return KeyStatus(provider, "stored", "a key is stored in the system keyring", name)
        if provider in _SESSION:
            return KeyStatus(provider, "session", "a key is set for this session only", name)
        return KeyStatus(provider, "missing", f"no key stored; add one with `healthviz keys set {provider}`",
                         name)


def _clean(key: str) -> str:
    key = key.strip()
    if not key:
        raise KeyStoreError("The key is empty.")
    if any(c.isspace() for c in key) or len(key) > 4096:
        raise KeyStoreError("That does not look like an API key (it contains spaces or is far too long).")
    return key
