"""``healthviz export|import|backup|restore|demo-data|info``."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from healthviz_desktop.commands.common import UserError, add_json_flag, open_journal, print_json

if TYPE_CHECKING:
    from healthviz_desktop.core.paths import DataPaths


def register(sub: Any) -> None:
    export = sub.add_parser("export", help="export the journal as JSON (lossless) or CSV (for spreadsheets)")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.set_defaults(handler=cmd_export)

    imp = sub.add_parser("import", help="import a JSON export; all or nothing")
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=cmd_import)

    backup = sub.add_parser("backup", help="back up the journal now (or --list backups)")
    backup.add_argument("--list", action="store_true", help="list backups instead")
    add_json_flag(backup)
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser("restore", help="replace the journal with a backup (the current one is kept)")
    restore.add_argument("file", type=Path)
    restore.set_defaults(handler=cmd_restore)

    demo = sub.add_parser("demo-data", help="add a realistic synthetic journal (for trying the app), or remove it",
                          description="Adds made-up entries, marked as demo entries (shown as such, and left "
                                      "out of nothing else: they feed trends and clips like real ones until "
                                      "removed). --remove moves them all to the trash; --restore undoes that.")
    what = demo.add_mutually_exclusive_group()
    what.add_argument("--remove", action="store_true", help="move every demo entry to the trash")
    what.add_argument("--restore", action="store_true", help="bring back the demo entries --remove trashed")
    demo.add_argument("--days", type=int, default=90)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--end", type=_day, default=None, metavar="YYYY-MM-DD",
                      help="last day of the synthetic journal (default: today); with --seed, the same journal")
    demo.set_defaults(handler=cmd_demo)

    info = sub.add_parser("info", help="where data lives, schema version, entry count, keyring backend")
    add_json_flag(info)
    info.set_defaults(handler=cmd_info)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def auto_backup(paths: DataPaths) -> None:
    """The daily rotating backup, with the interval and count from settings when there are any."""
    from healthviz_desktop.core.backups import maybe_auto_backup
    from healthviz_desktop.core.settings import load_settings

    settings = load_settings(paths.settings)
    if settings.backup_interval_days <= 0:  # the person turned automatic backups off
        return
    try:
        maybe_auto_backup(paths, timedelta(days=settings.backup_interval_days), settings.backup_keep)
    except (OSError, sqlite3.Error) as exc:
        # What the command saved is saved; a backup that could not be made must not say otherwise.
        from healthviz_desktop.core.errors import DISK_FULL, user_message

        known = user_message(exc)
        reason = "the disk is full" if known and known[0] == DISK_FULL else f"{type(exc).__name__}: {exc}"
        print(f"healthviz: warning: the automatic backup was not made: {reason}", file=sys.stderr)


def cmd_export(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    if args.format == "json":
        from healthviz_desktop.core.interchange_json import export_json

        count = export_json(journal, args.output)
        print(f"Exported {count} entries to {args.output}")
    else:
        from healthviz_desktop.core.interchange_csv import export_csv

        count = export_csv(journal, args.output)
        print(f"Exported {count} rows to {args.output}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.backups import create_backup
    from healthviz_desktop.core.interchange_json import (
        ImportRejected,
        collector_paused,
        import_entries,
        read_document,
    )

    if args.file.suffix.lower() == ".csv":
        raise UserError("CSV is an export format for spreadsheets (it is lossy); import a JSON export instead.")
    if not args.file.is_file():
        raise UserError(f"no such file: {args.file}")
    # Paused from parse to insert: the parsed entries stay alive throughout, and a full collection
    # in between (opening the journal allocates) would scan all of them for nothing.
    with collector_paused():
        try:
            # Parsed and validated once, before touching the journal at all; the import takes these
            # entries as they are (benchmarks/bench_storage.py times this command, not a shortcut).
            entries = read_document(args.file)
        except ImportRejected as exc:
            raise UserError(str(exc)) from exc
        journal = open_journal(args)
        if journal.count(_everything()) > 0:
            create_backup(journal.paths, "pre-import")
        report = import_entries(journal, entries)
    extra = f" ({report.already_present} already in the journal, skipped)" if report.already_present else ""
    print(f"Imported {report.added} entries{extra}.")
    return 0


def _everything() -> Any:
    from healthviz_desktop.core.query import JournalFilter

    return JournalFilter(include_deleted=True)


def cmd_backup(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.backups import BackupRejected, create_backup, list_backups
    from healthviz_desktop.core.paths import DataPaths

    paths = DataPaths.at(args.data_dir)
    if args.list:
        backups = list_backups(paths)
        if args.json:
            print_json([{"path": str(b.path), "created": b.created.isoformat(), "reason": b.reason,
                         "bytes": b.size} for b in backups])
        for b in [] if args.json else backups:
            print(f"{b.created:%Y-%m-%d %H:%M} UTC  {b.reason:<14} {b.size / 1024:8.0f} KiB  {b.path}")
        return 0
    open_journal(args).close()  # migrates an old journal (with its own pre-migration copy) first
    try:
        made = create_backup(paths)
    except BackupRejected as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        print_json({"path": str(made)})
    else:
        print(f"Backed up to {made}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.backups import BackupRejected, restore_backup
    from healthviz_desktop.core.paths import DataPaths

    paths = DataPaths.at(args.data_dir)
    try:
        kept = restore_backup(paths, args.file)
    except BackupRejected as exc:
        raise UserError(str(exc)) from exc
    if kept == paths.database:  # restore_backup's answer when the folder had no journal to replace
        print(f"Restored {args.file}. There was no journal here before, so nothing was replaced.")
    else:
        print(f"Restored {args.file}. The journal it replaced is kept at {kept}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.demo_data import generate_demo_entries, remove_demo_entries, restore_demo_entries

    if args.remove or args.restore:
        journal = open_journal(args)
        if args.remove:
            ids = remove_demo_entries(journal)
            print(f"Moved {len(ids)} demo entries to the trash; your own entries are untouched. "
                  "Undo with: healthviz demo-data --restore" if ids else "There are no demo entries to remove.")
        else:
            ids = restore_demo_entries(journal)
            print(f"Brought back {len(ids)} demo entries from the trash." if ids
                  else "There are no removed demo entries in the trash to bring back.")
        return 0
    if not 1 <= args.days <= 50_000:
        raise UserError("--days must be between 1 and 50000")
    end = args.end or date.today()
    made = generate_demo_entries(args.days, args.seed, end)
    journal = open_journal(args)
    # Uids come from the seed, so a second run with the same options finds its entries already there:
    # they are skipped (a harmless no-op) rather than refused as duplicates.
    saved = journal.add_many(made, skip_existing=True)
    print(f"Added {len(saved)} synthetic entries, marked as demo entries, over {args.days} days ending "
          f"{end.isoformat()} (seed {args.seed}); skipped {len(made) - len(saved)} already in the journal or its "
          "trash. Remove them all with: healthviz demo-data --remove")
    return 0


def keyring_backend_description() -> str:
    """The keyring API keys would go to, judged as the key store judges it (plain-text backends refused)."""
    from healthviz_desktop.core.keys import NO_KEYRING, KeyStore

    try:
        name = KeyStore().backend_name()
    except Exception as exc:  # a broken keyring setup must not break `info`
        return f"unavailable ({type(exc).__name__})"
    return name if name else f"none: {NO_KEYRING.split('. ')[1]}"


def cmd_info(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.backups import list_backups
    from healthviz_desktop.core.migrations import SCHEMA_VERSION
    from healthviz_desktop.core.paths import DataPaths

    paths = DataPaths.at(args.data_dir)
    paths.check_folder()  # a file given as --data-dir is said so (exit 4), not reported as an empty journal
    read_only = paths.read_only_reason()
    if not paths.database.exists():  # only looking: a mistyped --data-dir must not leave a journal behind
        data: dict[str, Any] = {
            "data_dir": str(paths.root), "database": f"{paths.database} (none yet: made by the first entry)",
            "schema_version": None, "app_schema_version": SCHEMA_VERSION, "entries": 0, "trash": 0,
            "backups": 0, "latest_backup": None, "access": f"read-only: {read_only}" if read_only else "read and write",
            "keyring_backend": keyring_backend_description(),
        }
    else:
        journal = open_journal(args)
        backups = list_backups(journal.paths)
        data = {
            "data_dir": str(journal.paths.root),
            "database": str(journal.paths.database),
            "schema_version": journal.db.schema_version(),
            "app_schema_version": SCHEMA_VERSION,
            "entries": journal.count(),
            "trash": journal.count(_trash()),
            "backups": len(backups),
            "latest_backup": str(backups[0].path) if backups else None,
            "access": f"read-only: {read_only}" if read_only else "read and write",
            "keyring_backend": keyring_backend_description(),
        }
    if args.json:
        print_json(data)
    else:
        width = max(len(k) for k in data)
        for key, value in data.items():
            print(f"{key.replace('_', ' '):<{width}}  {value}")
    return 0


def _trash() -> Any:
    from healthviz_desktop.core.query import JournalFilter

    return JournalFilter(only_deleted=True)
