"""API keys, one keyring entry per provider, and nowhere else.

- A working OS keyring (Secret Service: GNOME Keyring, KWallet; macOS Keychain; Windows Credential
  Locker) keeps the key. Nothing in the database, settings, logs, exports or error messages.
- No keyring backend: a message naming what to install, and the key may be used for this session only
  (held in memory by this process, gone when it exits). Never a plain-text fallback: file-based backends
  (keyrings.alt, whose mere presence makes a plain-text file the default) are refused.
- A locked keyring: "unlock your keyring". A keyring that cannot even load its backend (a misspelt
  PYTHON_KEYRING_BACKEND, a broken backend package): a plain message, never a traceback.
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


class KeyringBroken(KeyStoreError):
    """The keyring library could not load a backend at all (PYTHON_KEYRING_BACKEND names a module that is not
    there, a keyring config file does, or a backend package is broken)."""

    def __init__(self, exc: BaseException) -> None:
        import os

        named = os.environ.get("PYTHON_KEYRING_BACKEND")
        where = (f"the backend named in PYTHON_KEYRING_BACKEND ({named})" if named
                 else "the configured keyring backend")
        super().__init__(
            f"The system keyring could not be used: {where} did not load ({type(exc).__name__}: {exc}). "
            "Unset PYTHON_KEYRING_BACKEND or fix the keyring configuration, then try again. Until then a key "
            "can be used for this session only; it is never written to a file.")


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
    """The backend keys go to, None when there is none; KeyringBroken when the keyring cannot even load."""
    import keyring
    from keyring.backends.chainer import ChainerBackend

    try:
        current = keyring.get_keyring()
    except Exception as exc:  # keyring imports the configured backend lazily, here
        raise KeyringBroken(exc) from None
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

        try:
            backend = _usable_backend()
        except KeyringBroken:
            if provider in _SESSION:
                return _SESSION[provider]
            raise
        if backend is not None:
            try:
                value = backend.get_password(self.service, provider)
            except (KeyringError, Exception) as exc:  # secretstorage/dbus errors are not KeyringErrors
                if provider in _SESSION:  # (typed because the keyring failed: it stands while the keyring does)
                    return _SESSION[provider]
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
        """Forget the key (keyring and session). True when there was one. With no keyring to ask (and no
        session key), NoKeyring: nobody can say whether a key is stored somewhere."""
        from keyring.errors import PasswordDeleteError

        found = _SESSION.pop(provider, None) is not None
        backend = _usable_backend()
        if backend is None:
            if found:
                return True
            raise NoKeyring()
        try:
            backend.delete_password(self.service, provider)
            return True
        except PasswordDeleteError:
            return found
        except Exception as exc:
            raise _translate(exc) from None

    def status(self, provider: str) -> KeyStatus:
        try:
            backend = _usable_backend()
        except KeyringBroken as exc:
            if provider in _SESSION:
                return KeyStatus(provider, "session", "a key is set for this session only (the keyring is broken)")
            return KeyStatus(provider, "no_keyring", str(exc))
        if backend is None:
            if provider in _SESSION:
                return KeyStatus(provider, "session", "a key is set for this session only (no keyring)")
            return KeyStatus(provider, "no_keyring", NO_KEYRING)
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        try:
            value = backend.get_password(self.service, provider)
        except Exception as exc:
            err = _translate(exc)
            if provider in _SESSION:  # (a locked or failing keyring: the key typed for this session stands)
                return KeyStatus(provider, "session", f"a key is set for this session only ({err})", name)
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
