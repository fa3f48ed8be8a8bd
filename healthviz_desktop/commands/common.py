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
    from healthviz_desktop.core.errors import user_message

    return user_message(exc)


def open_journal(args: argparse.Namespace) -> Journal:
    from healthviz_desktop.core.journal import Journal

    return Journal.open(args.data_dir)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")
