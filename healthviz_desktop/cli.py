"""``healthviz ...``: every capability headless. Each command group lives in healthviz_desktop/commands/
and registers its own sub-parsers; their modules import only argparse at top level so that light
commands (``deidentify``) start fast, and heavy imports happen inside the handlers.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from healthviz_desktop import __version__

# Order here is the order in --help.
COMMAND_MODULES = (
    "healthviz_desktop.commands.journal_cmds",
    "healthviz_desktop.commands.data_cmds",
    "healthviz_desktop.commands.prompt_cmds",
    "healthviz_desktop.commands.generate_cmds",
    "healthviz_desktop.commands.service_cmds",
    "healthviz_desktop.commands.report_cmds",
    "healthviz_desktop.commands.clips_cmds",
    "healthviz_desktop.commands.player_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="healthviz",
        description="HealthViz Desktop: a private symptom journal. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"HealthViz {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None,
                        help="where the journal lives (default: your user data folder)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="check that this installation works, on a throwaway demo journal (window "
                             "offscreen, a 1 s local clip played by Qt's player, keyring backend); exit 1 "
                             "on any failure")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    """Run a CLI command; returns the exit code. User errors print one line to stderr, no traceback."""
    from healthviz_desktop.commands import exit_codes
    from healthviz_desktop.commands.common import UserError, report_error

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.smoke_test:
        if args.command:
            parser.error("--smoke-test takes no command")
        from healthviz_desktop.smoke import run_smoke_test  # imported only here: nothing else pays for it

        return run_smoke_test()
    if not getattr(args, "handler", None):
        parser.print_help()
        return exit_codes.USAGE
    os.umask(0o077)  # anything we create (exports, backups, clips) is private by default
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        return report_error(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return report_error("interrupted", exit_codes.INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()  # `healthviz entry list | head` is fine
        return 0
    except Exception as exc:  # known user-facing failures from core carry their own messages
        from healthviz_desktop.commands.common import translate_error

        translated = translate_error(exc)
        if translated is None:
            raise
        return report_error(*translated)


def main(argv: Sequence[str] | None = None) -> int:
    return run(argv)
