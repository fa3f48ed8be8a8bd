"""Helpers shared by CLI commands: opening the journal, JSON output, turning errors into messages."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from healthviz_desktop.core.journal import Journal


class UserError(Exception):
    """Something the person can fix; printed as one line, exit code 1 unless told otherwise."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def report_error(message: str, code: int) -> int:
    print(f"healthviz: error: {message}", file=sys.stderr)
    return code


def translate_error(exc: BaseException) -> tuple[str, int] | None:
    """A message and exit code for failures the person can act on; None for real bugs."""
    from healthviz_desktop.core.database import StorageError
    from healthviz_desktop.core.journal import EntryNotFound
    from healthviz_desktop.core.model import ValidationFailed

    if isinstance(exc, StorageError):
        return str(exc), exc.exit_code
    if isinstance(exc, EntryNotFound):
        return str(exc), 1
    if isinstance(exc, ValidationFailed):
        return f"invalid entry: {exc}", 1
    from healthviz_desktop.core.backups import BackupRejected
    from healthviz_desktop.core.interchange_json import ImportRejected

    if isinstance(exc, BackupRejected | ImportRejected):
        return str(exc), 1
    generation = _generation_error(exc)
    if generation is not None:
        return generation, 1
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.strerror}: {exc.filename}", 1
    return None


def _generation_error(exc: BaseException) -> str | None:
    """Clip-generation failures already carry plain messages (never a key). Their modules are only
    checked once loaded: an exception of a class can only exist if its module was imported."""
    checks = (
        ("healthviz_desktop.core.costs", ("BudgetExceeded",)),
        ("healthviz_desktop.core.jobs", ("JobBusy", "JobRefused")),
        ("healthviz_desktop.core.jobs_store", ("JobNotFound",)),
        ("healthviz_desktop.core.keys", ("KeyStoreError",)),
        ("healthviz_desktop.core.providers.base", ("ProviderError",)),
        ("healthviz_desktop.core.providers.registry", ("UnknownProvider",)),
    )
    for module_name, names in checks:
        module = sys.modules.get(module_name)
        if module is not None and isinstance(exc, tuple(getattr(module, n) for n in names)):
            return str(exc.args[0]) if exc.args else str(exc)
    return None


def open_journal(args: argparse.Namespace) -> Journal:
    from healthviz_desktop.core.journal import Journal

    return Journal.open(args.data_dir)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")
