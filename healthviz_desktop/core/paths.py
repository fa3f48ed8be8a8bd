"""Where the journal lives. ``--data-dir`` overrides the platformdirs default everywhere."""

from __future__ import annotations

import os
import re
import stat
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


class DataFolderUnusable(Exception):
    """The folder given for the journal cannot hold one (it is a file, or cannot be made or entered)."""

    exit_code = 4


def make_private_dir(path: Path) -> Path:
    """Create ``path`` readable by its owner only (0700). An existing folder loses what group and others
    may do, and nothing more: permissions the person took away themselves (``chmod 500``) are never given
    back, so a read-only folder stays read-only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        path.chmod(mode & 0o700)
    return path


def touch_private_file(path: Path) -> None:
    """Create ``path`` as 0600 before anything else opens it (SQLite gives -wal/-shm the same mode); an
    existing file loses group and other permissions, never gains any."""
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        path.chmod(mode & 0o600)


def writable(path: Path) -> bool:
    """Whether the journal may write there. On our own folder or file the owner's bits say what the person
    meant, even to root (who could write anyway: a ``chmod 500`` folder is still read-only to HealthViz);
    on anyone else's, what the kernel allows."""
    info = path.stat()
    is_dir = stat.S_ISDIR(info.st_mode)
    if info.st_uid == os.geteuid():
        need = stat.S_IWUSR | (stat.S_IXUSR if is_dir else 0)
        return info.st_mode & need == need
    return os.access(path, os.W_OK | (os.X_OK if is_dir else 0))


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

    def check_folder(self) -> None:
        """Raise DataFolderUnusable, changing nothing, when the data folder is not a folder at all."""
        for place in (self.root, *self.root.parents):
            if place.exists():
                if not place.is_dir():
                    what = "the data folder" if place == self.root else f"the folder above it, {place},"
                    raise DataFolderUnusable(
                        f"{self.root} cannot hold a journal: {what} is a file, not a folder. Nothing was "
                        "changed; choose a folder with --data-dir.")
                return

    def read_only_reason(self) -> str | None:
        """Why the journal here can only be read (its folder or its file is read-only), or None."""
        if self.root.is_dir() and not writable(self.root):
            return f"its folder {self.root} is read-only"
        if self.database.exists() and not writable(self.database):
            return f"the file {self.database} is read-only"
        return None

    def ensure(self) -> DataPaths:
        # The folder is tightened to 0700 when it is ours: new, or holding nothing but what HealthViz keeps
        # there. A busy folder someone points --data-dir at (their home, /tmp, a shared drive) keeps its
        # mode: the journal, settings and backups in it are private on their own (0600 files, 0700 dirs).
        # Tightening only takes permissions away (make_private_dir); a read-only folder is left as it is.
        self.check_folder()
        if self.root.is_dir() and not writable(self.root):
            return self
        try:
            if not self.root.exists() or all(_OURS.fullmatch(p.name) for p in self.root.iterdir()):
                make_private_dir(self.root)
            else:
                self.root.mkdir(parents=True, exist_ok=True)
            make_private_dir(self.backups)
        except PermissionError as exc:
            raise DataFolderUnusable(f"{self.root} cannot hold a journal: {exc.strerror} ({exc.filename}). "
                                     "Nothing was changed; choose another folder with --data-dir.") from exc
        return self
