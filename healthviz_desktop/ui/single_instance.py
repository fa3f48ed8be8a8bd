"""One window per journal: a second `healthviz` on the same journal raises the first window and exits.

The first instance takes a lock file for its journal (QLockFile: a crashed or killed instance's lock is
recognised by its dead process id and taken over) and, once its window has painted, listens on a local
socket named after the journal. A second instance finds the lock taken, connects, says ``raise`` and
exits. Both live in the user's private runtime folder ($XDG_RUNTIME_DIR, else a 0700 folder of their own
in the temp folder). Another journal (``--data-dir``) gets its own lock, so windows on different journals
open side by side. If the first instance does not answer (it is still starting), the second opens anyway:
revisions (core/journal.py) keep two windows from overwriting each other's edits.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal

from healthviz_desktop.core.paths import DataPaths

MESSAGE = b"raise\n"


def runtime_dir() -> Path:
    """A folder only this user can use, for the lock and the socket."""
    xdg = os.environ.get("XDG_RUNTIME_DIR")
    if xdg and Path(xdg).is_dir() and os.access(xdg, os.W_OK):
        return Path(xdg)
    own = Path(tempfile.gettempdir()) / f"healthviz-{os.getuid()}"
    own.mkdir(mode=0o700, exist_ok=True)
    info = own.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise OSError(f"{own} is not a private folder of this user")  # someone else's: do not use it
    return own


class SingleInstance(QObject):
    raise_requested = Signal()  # a second instance asked for this window

    def __init__(self, paths: DataPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        key = hashlib.sha256(str(paths.root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        folder = runtime_dir()
        self.lock = QLockFile(str(folder / f"healthviz-{key}.lock"))
        self.lock.setStaleLockTime(0)  # never stale by age (the app stays open for days), only when its owner died
        self.socket_path = str(folder / f"healthviz-{key}.socket")
        self._server: object = None

    def claim(self) -> bool:
        """True when this is the first instance on the journal (the lock is now held until exit)."""
        return bool(self.lock.tryLock(0))

    def listen(self) -> None:
        """Answer later instances (call once the window has painted: QtNetwork is imported here)."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.socket_path)  # a socket file a killed instance left: we hold the lock
        if not server.listen(self.socket_path):
            return  # a second instance will open its own window; edits stay safe either way
        server.newConnection.connect(lambda: self._answer(server))
        self._server = server

    def _answer(self, server: object) -> None:
        from PySide6.QtNetwork import QLocalServer

        assert isinstance(server, QLocalServer)
        while server.hasPendingConnections():
            conn = server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)
            if conn.bytesAvailable():  # arrived before readyRead was connected
                self._read(conn)

    def _read(self, conn: object) -> None:
        from PySide6.QtNetwork import QLocalSocket

        assert isinstance(conn, QLocalSocket)
        if bytes(conn.readAll().data()).startswith(MESSAGE.strip()):
            self.raise_requested.emit()
        conn.disconnectFromServer()

    def ask_first_to_raise(self, timeout_s: float = 5.0) -> bool:
        """From a second instance: ask the first to show its window. False when it does not answer."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            sock = QLocalSocket()
            sock.connectToServer(self.socket_path)
            if sock.waitForConnected(500):
                sock.write(MESSAGE)
                sent = sock.waitForBytesWritten(1000)
                sock.disconnectFromServer()
                return sent
            time.sleep(0.1)  # the first instance may not have painted (and listened) yet
        return False

    def release(self) -> None:
        self.lock.unlock()
