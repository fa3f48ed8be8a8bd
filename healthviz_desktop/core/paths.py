"""Where the journal lives. ``--data-dir`` overrides the platformdirs default everywhere."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "HealthViz"
# What HealthViz itself keeps in its folder (and the temporary names it writes them under)
_OURS = re.compile(r"journal\.sqlite3(?:-wal|-shm|-journal)?|settings\.json|settings\.unreadable-[\w-]+\.json"
                   r"|\.settings-\w+\.json|backups|clips|provenance|thumbnails")
DATA_DIR_ENV = "HEALTHVIZ_DATA_DIR"


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # imported here: keeps light commands (deidentify) quick to start

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def make_private_dir(path: Path) -> Path:
    """Create ``path`` readable by its owner only (0700); tighten it if it already exists."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if (path.stat().st_mode & 0o777) != 0o700:
        path.chmod(0o700)
    return path


def touch_private_file(path: Path) -> None:
    """Create ``path`` as 0600 before anything else opens it (SQLite gives -wal/-shm the same mode)."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    if (path.stat().st_mode & 0o777) != 0o600:
        path.chmod(0o600)


@dataclass(frozen=True)
class DataPaths:
    root: Path

    @classmethod
    def at(cls, root: Path | None = None) -> DataPaths:
        return cls(Path(root).expanduser().resolve() if root else default_data_dir())

    @property
    def database(self) -> Path:
        return self.root / "journal.sqlite3"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def clips(self) -> Path:
        return self.root / "clips"

    @property
    def thumbnails(self) -> Path:
        """Clip thumbnails, a cache (core/clip_thumbnails.py): safe to delete, made again when needed."""
        return self.root / "thumbnails"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    def ensure(self) -> DataPaths:
        # The folder is tightened to 0700 when it is ours: new, or holding nothing but what HealthViz keeps
        # there. A busy folder someone points --data-dir at (their home, /tmp, a shared drive) keeps its
        # mode: the journal, settings and backups in it are private on their own (0600 files, 0700 dirs).
        if not self.root.exists() or all(_OURS.fullmatch(p.name) for p in self.root.iterdir()):
            make_private_dir(self.root)
        else:
            self.root.mkdir(parents=True, exist_ok=True)
        make_private_dir(self.backups)
        return self
