"""A keyring backend for child processes in tests: the key comes from HEALTHVIZ_TEST_KEY (a fake key such as
`test-key`), so a real `healthviz render` process can talk to the fake /videos service without a desktop
keyring. Selected with PYTHON_KEYRING_BACKEND=tests.support.env_keyring.EnvKeyring (cwd: the repository)."""

from __future__ import annotations

import os

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class EnvKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return os.environ.get("HEALTHVIZ_TEST_KEY")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError("the test keyring only reads HEALTHVIZ_TEST_KEY")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("the test keyring only reads HEALTHVIZ_TEST_KEY")


# Only ever used when a test names it: keep it out of keyring's discovery in the test process itself.
KeyringBackend._classes.discard(EnvKeyring)  # type: ignore[attr-defined]
