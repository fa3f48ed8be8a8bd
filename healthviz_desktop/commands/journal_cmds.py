"""``healthviz entry add|list|show|edit|delete|undelete`` and ``healthviz search``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from healthviz_desktop.commands.common import UserError, add_json_flag, open_journal, print_json

if TYPE_CHECKING:
    from collections.abc import Callable

    from healthviz_desktop.core.model import Entry
    from healthviz_desktop.core.query import JournalFilter


def register(sub: Any) -> None:
    entry = sub.add_parser("entry", help="add, list, show, edit or delete journal entries")
    esub = entry.add_subparsers(dest="entry_command", metavar="ACTION", required=True)

    add = esub.add_parser("add", help="write a new entry")
    _entry_fields(add)
    add.add_argument("--from-json", metavar="FILE", help="read the entry as a JSON object (- for stdin)")
    add_json_flag(add)
    add.set_defaults(handler=cmd_add)

    edit = esub.add_parser(
        "edit", help="change what the options name, keep the rest",
        description="Changes only what the options name. --symptom \"migraine severity=6\" changes that "
                    "symptom's severity and keeps its other details and the other symptoms (a symptom the "
                    "entry lacks is added); --tag and --trigger add. --replace-symptoms (-doses, -tags, "
                    "-triggers) makes the options given the whole list; --remove-symptom NAME (and the "
                    "like) takes one out. Exit code 5 when the entry was changed meanwhile.")
    edit.add_argument("id", type=int)
    _entry_fields(edit)
    for kind, plural in _LISTS:
        edit.add_argument(f"--remove-{kind}", action="append", metavar="NAME", default=[],
                          help=f"take this {kind} out of the entry")
        edit.add_argument(f"--replace-{plural}", action="store_true",
                          help=f"the --{kind} options given are the whole list of {plural} (none: empty it)")
    edit.add_argument("--expect-revision", type=_whole(1), metavar="N",
                      help="save only if the entry is still at revision N (entry show --json); else exit 7")
    add_json_flag(edit)
    edit.set_defaults(handler=cmd_edit)

    lst = esub.add_parser("list", help="list entries, newest first")
    _filters(lst)
    lst.add_argument("--limit", type=_whole(1), default=50, metavar="N")
    lst.add_argument("--trash", action="store_true", help="list entries in the trash")
    add_json_flag(lst)
    lst.set_defaults(handler=cmd_list)

    show = esub.add_parser("show", help="show one entry")
    show.add_argument("id", type=int)
    add_json_flag(show)
    show.set_defaults(handler=cmd_show)

    delete = esub.add_parser("delete", help="move an entry to the trash")
    delete.add_argument("id", type=int)
    delete.set_defaults(handler=cmd_delete)

    undelete = esub.add_parser("undelete", help="bring an entry back from the trash")
    undelete.add_argument("id", type=int)
    undelete.set_defaults(handler=cmd_undelete)

    search = sub.add_parser("search", help="full-text search with filters")
    search.add_argument("query", nargs="?", default="", help="words to find (prefixes match)")
    _filters(search)
    search.add_argument("--limit", type=_whole(1), default=50, metavar="N")
    add_json_flag(search)
    search.set_defaults(handler=cmd_search)


# the repeatable fields: (option, plural)
_LISTS = (("symptom", "symptoms"), ("dose", "doses"), ("tag", "tags"), ("trigger", "triggers"))
_SCALARS = ("at", "day", "notes", "mood", "energy", "sleep_quality", "sleep_hours")


def _entry_fields(p: argparse.ArgumentParser) -> None:
    p.add_argument("--at", help="when (ISO date-time; default now, local time zone)")
    p.add_argument("--day", help="journal day, if not the one --at implies (YYYY-MM-DD)")
    p.add_argument("--notes", help="free-text notes")
    p.add_argument("--symptom", action="append", metavar="SPEC",
                   help='e.g. "migraine severity=7 qualities=throbbing,pressing area=temples duration=3h"')
    p.add_argument("--dose", action="append", metavar="SPEC", help='e.g. "ibuprofen 400 mg relief=some at=09:15"')
    p.add_argument("--tag", action="append")
    p.add_argument("--trigger", action="append")
    for name in ("mood", "energy", "sleep-quality"):
        p.add_argument(f"--{name}", type=int, metavar="0-10")
    p.add_argument("--sleep-hours", type=float)


def _whole(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse type for a whole number in range: out of range is a usage error (exit 2) that says
    the range, instead of a filter that silently matches nothing or a limit that lists nothing."""
    wanted = f"a whole number from {low} to {high}" if high is not None else f"a whole number, at least {low}"

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {wanted}, got {text!r}") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"must be {wanted}, got {value}")
        return value

    return parse


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    p.add_argument("--symptom")
    p.add_argument("--min-severity", type=_whole(0, 10), metavar="0-10")
    p.add_argument("--medication")


def _filter_from(args: argparse.Namespace) -> JournalFilter:
    from healthviz_desktop.commands.entry_specs import parse_day
    from healthviz_desktop.core.query import JournalFilter

    return JournalFilter(
        date_from=parse_day(args.date_from) if args.date_from else None,
        date_to=parse_day(args.date_to) if args.date_to else None,
        symptom=args.symptom, min_severity=args.min_severity, medication=args.medication,
        only_deleted=getattr(args, "trash", False),
    )


def _apply_fields(entry: Entry, args: argparse.Namespace) -> Entry:
    from healthviz_desktop.commands.entry_edits import apply_single_fields
    from healthviz_desktop.commands.entry_specs import parse_dose, parse_symptom

    apply_single_fields(entry, args)
    if args.symptom is not None:
        entry.observations = [parse_symptom(s, entry.occurred_at) for s in args.symptom]
    if args.dose is not None:
        entry.doses = [parse_dose(d, entry.occurred_at) for d in args.dose]
    if args.tag is not None:
        entry.tags = list(args.tag)
    if args.trigger is not None:
        entry.triggers = list(args.trigger)
    return entry


def _read_json_entry(source: str) -> Entry:
    from healthviz_desktop.core.interchange_json import entry_from_dict
    from healthviz_desktop.core.model import FieldError

    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"could not read an entry from {source}: {exc}") from exc
    errors: list[FieldError] = []
    entry = entry_from_dict(data, errors)
    if entry is None:
        raise UserError("invalid entry: " + "; ".join(str(e) for e in errors))
    return entry


def cmd_add(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.model import Entry, nothing_recorded
    from healthviz_desktop.core.timefmt import now_local

    entry = _read_json_entry(args.from_json) if args.from_json else Entry(occurred_at=now_local())
    entry = _apply_fields(entry, args)
    if nothing_recorded(entry):  # as the window refuses an empty entry
        raise UserError("the entry is empty, so nothing was saved: give at least a --symptom, a --dose, --notes, "
                        "a --tag or --trigger, or --mood, --energy or --sleep-hours")
    journal = open_journal(args)
    saved = journal.add(entry)
    _after_write(journal)
    if args.json:
        print_json(_entry_json(journal.get(saved.id) if saved.id is not None else saved))  # as stored
    else:
        print(f"Added entry {saved.id} ({saved.effective_day().isoformat()}).")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from healthviz_desktop.commands.entry_edits import apply_edits

    named = any(getattr(args, name) is not None for name in _SCALARS) or any(
        getattr(args, kind) or getattr(args, f"remove_{kind}") or getattr(args, f"replace_{plural}")
        for kind, plural in _LISTS)
    if not named:
        raise UserError("nothing to change: name what to change, e.g. --symptom \"migraine severity=6\" "
                        "(healthviz entry edit --help lists the options)", exit_code=2)
    journal = open_journal(args)
    current = journal.get(args.id)
    edited = apply_edits(current, args)
    if args.expect_revision is not None:  # the revision the caller read: the save is refused if it moved on
        edited = replace(edited, revision=args.expect_revision)
    saved = journal.update(edited)  # EditConflict (exit 7) when it changed since it was read
    _after_write(journal)
    if args.json:
        print_json(_entry_json(saved))
    else:
        print(f"Saved entry {saved.id} (revision {saved.revision}).")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    journal.delete(args.id)
    print(f"Moved entry {args.id} to the trash. Undo with: healthviz entry undelete {args.id}")
    return 0


def cmd_undelete(args: argparse.Namespace) -> int:
    open_journal(args).undelete(args.id)
    print(f"Entry {args.id} is back in the journal.")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    entry = open_journal(args).get(args.id)
    if args.json:
        print_json(_entry_json(entry))
    else:
        print(format_entry(entry))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    entries = journal.list_entries(_filter_from(args), 0, args.limit)
    if args.json:
        print_json([_entry_json(e) for e in entries])
    else:
        for e in entries:
            print(_summary_line(e))
        if not entries:
            print("No entries.", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    hits = journal.search(args.query, _filter_from(args), args.limit)
    if args.json:
        entries = {e.id: e for e in journal.get_many([h.entry_id for h in hits])}
        print_json([{**_entry_json(entries[h.entry_id]), "snippet": h.snippet} for h in hits])
    else:
        for h in hits:
            text = h.snippet.replace("\n", " ")
            print(f"{h.entry_id:>6}  {h.day}  {h.occurred_at:%H:%M}  {h.summary or '-'}  {text[:60]}")
        if not hits:
            print("Nothing found.", file=sys.stderr)
    return 0


def _after_write(journal: Any) -> None:
    from healthviz_desktop.commands.data_cmds import auto_backup

    auto_backup(journal.paths)


def _entry_json(entry: Entry) -> dict[str, Any]:
    from healthviz_desktop.core.interchange_json import entry_to_dict

    return {"id": entry.id, "revision": entry.revision, **entry_to_dict(entry)}


def _summary_line(entry: Entry) -> str:
    symptoms = ", ".join(f"{o.label} {o.severity}/10" for o in entry.observations) or "-"
    text = entry.notes.replace("\n", " ")
    demo = "[demo] " if entry.demo else ""
    return f"{entry.id:>6}  {entry.effective_day()}  {entry.occurred_at:%H:%M}  {demo}{symptoms}  {text[:60]}"


def format_entry(entry: Entry) -> str:
    from healthviz_desktop.core.entry_text import format_entry as formatted

    return formatted(entry)
