"""Which failures are the person's to act on, and their message: shared by the CLI and the window.

Every exception listed here carries a message written for people (and never an API key). Anything
else is a bug and should surface as one. Modules are only consulted once loaded: an exception of a
class can only exist if its module was imported, and light paths (``deidentify``) stay light.
"""

from __future__ import annotations

import errno
import sqlite3
import sys

DISK_FULL = ("The disk is full, so nothing was saved (the journal is as it was before). Free some space "
             "and try again.")
BUSY = "Another HealthViz window or command is writing to this journal right now; try again in a moment."
READ_ONLY = "The journal's folder or file is read-only, so nothing was saved. Check its permissions."

# (module, class names, exit code for the CLI)
_KNOWN: tuple[tuple[str, tuple[str, ...], int | None], ...] = (
    ("healthviz_desktop.core.database", ("StorageError",), None),  # carries its own exit code (3, 4, 6)
    ("healthviz_desktop.core.paths", ("DataFolderUnusable",), None),  # 4
    ("healthviz_desktop.core.journal_reads", ("EntryNotFound",), 1),
    ("healthviz_desktop.core.model", ("ValidationFailed",), 1),
    ("healthviz_desktop.core.backups", ("BackupRejected",), 1),
    ("healthviz_desktop.core.interchange_json", ("ImportRejected",), 1),
    ("healthviz_desktop.core.generation.costs", ("BudgetExceeded",), 1),
    ("healthviz_desktop.core.generation.problems", ("JobBusy", "JobRefused"), 1),
    ("healthviz_desktop.core.generation.job_store", ("JobNotFound",), 1),
    ("healthviz_desktop.core.keys", ("KeyStoreError",), 1),
    ("healthviz_desktop.core.providers.base", ("ProviderError",), 1),
    ("healthviz_desktop.core.providers.registry", ("UnknownProvider",), 1),
    ("healthviz_desktop.core.settings", ("SettingsUnreadable",), 1),
    ("healthviz_desktop.core.journal", ("DuplicateEntry", "EditConflict"), 1),  # EditConflict: 7
    ("healthviz_desktop.core.report.summary", ("EmptyPeriod",), 1),
    ("healthviz_desktop.core.provenance.signing", ("SigningUnavailable", "NotAClip"), 1),
    ("healthviz_desktop.core.report.export_files", ("ExportRefused",), 1),
)


def user_message(exc: BaseException) -> tuple[str, int] | None:
    """(message, CLI exit code) for a failure the person can act on; None for a bug."""
    for module_name, names, code in _KNOWN:
        module = sys.modules.get(module_name)
        if module is None or not isinstance(exc, tuple(getattr(module, n) for n in names)):
            continue
        text = str(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else str(exc)
        if names == ("ValidationFailed",):
            text = f"invalid entry: {exc}"
        return text, int(getattr(exc, "exit_code", code if code is not None else 1))
    condition = _storage_condition(exc)
    if condition is not None:
        return condition, 1
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.strerror}: {exc.filename}", 1
    return None


def _storage_condition(exc: BaseException) -> str | None:
    """Conditions of the machine rather than of the data: a full disk, a busy or read-only journal."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return DISK_FULL
    driver = getattr(exc, "orig", exc)  # SQLAlchemy wraps the sqlite3 error it got
    if isinstance(driver, sqlite3.OperationalError):
        text = str(driver).lower()
        if "disk is full" in text or "disk i/o error" in text:
            return DISK_FULL if "full" in text else f"The disk reported an error, so nothing was saved ({text})."
        if "locked" in text or "busy" in text:
            return BUSY
        if "readonly" in text or "read-only" in text:
            return READ_ONLY
    return None
