"""Entry point: ``healthviz`` with no command opens the window; with a command, runs the CLI.

No import-time side effects: nothing here touches Qt, the disk or the network until main() runs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def _wants_window(argv: Sequence[str]) -> bool:
    """True when argv holds only the window's options (``--data-dir DIR``, ``--safe-video``), i.e. no command."""
    rest = list(argv)
    while rest:
        head = rest.pop(0)
        if head == "--safe-video":
            continue
        if head == "--data-dir":
            if not rest:
                return False
            rest.pop(0)
        elif head.startswith("--data-dir="):
            continue
        else:
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _wants_window(args):
        from healthviz_desktop.ui.launch import run_gui

        return run_gui(args)
    from healthviz_desktop.cli import run

    return run(args)
