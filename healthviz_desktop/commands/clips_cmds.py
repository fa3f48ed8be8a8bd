"""``healthviz clips``: the Clips library headless, as the window's Clips tab shows it: list (filtered by
what a clip was made from, symptom family and maker; by date), rename, delete to the clip trash, restore
(undo a delete), and empty the trash. Jobs on their way are driven with ``healthviz jobs``.

Only argparse at top level (see cli.py).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from healthviz_desktop.commands.common import UserError, add_json_flag, open_journal, print_json

if TYPE_CHECKING:
    from healthviz_desktop.core.clip_library import ClipCard

KINDS = ("moment", "trend", "explainer", "scene")
SHOWN = ("all", "clips", "jobs", "failed")


def register(sub: Any) -> None:
    clips = sub.add_parser("clips", help="the clip library: list, rename, delete (to the trash), restore",
                           description="Every clip of the journal and every job on its way, as the Clips tab "
                                       "shows them.")
    csub = clips.add_subparsers(dest="clips_command", metavar="ACTION", required=True)
    lst = csub.add_parser("list", help="clips and jobs, newest first")
    lst.add_argument("--show", choices=SHOWN, default="all",
                     help="all; clips (finished); jobs (on the way or waiting); failed (not made)")
    lst.add_argument("--from", dest="kind", choices=KINDS,
                     help="made from: moment (an entry), trend (a date range), explainer (your notes), scene")
    lst.add_argument("--family", help="symptom family (e.g. headache)")
    lst.add_argument("--provider", help="who made it (e.g. local)")
    lst.add_argument("--oldest-first", action="store_true")
    lst.add_argument("--trash", action="store_true", help="list the clip trash instead")
    add_json_flag(lst)
    lst.set_defaults(handler=cmd_list)
    rename = csub.add_parser("rename", help="give a clip a title of your own (\"\": the one from its source)")
    rename.add_argument("id", type=int)
    rename.add_argument("title")
    rename.set_defaults(handler=cmd_rename)
    delete = csub.add_parser("delete", help="move a clip to the clip trash (its file stays until emptied)")
    delete.add_argument("id", type=int)
    delete.set_defaults(handler=cmd_delete)
    restore = csub.add_parser("restore", help="take a clip out of the trash")
    restore.add_argument("id", type=int)
    restore.set_defaults(handler=cmd_restore)
    empty = csub.add_parser("empty-trash", help="delete the files of every clip in the trash, for good")
    empty.add_argument("--yes", action="store_true", help="required: this cannot be undone")
    empty.set_defaults(handler=cmd_empty)


def _summary(card: ClipCard) -> dict[str, Any]:
    state = card.state()
    return {"id": card.job_id, "title": card.name, "own_title": card.title, "status": card.status,
            "state": state.headline, "detail": state.detail, "from": card.kind, "source": card.source_words(),
            "entry_id": card.entry_id, "entry_ids": list(card.entry_ids),
            "period": [d.isoformat() for d in card.period] if card.period else None,
            "family": card.family, "provider": card.provider, "model": card.model, "seconds": card.seconds,
            "size": card.size, "cost": card.estimate, "currency": card.currency, "created_at": card.created_at,
            "finished_at": card.finished_at, "clip": card.clip_path, "prompt": card.prompt,
            "trashed_at": card.trashed_at}


def cmd_list(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.clip_library import CardFilter, load_cards, provider_facts, select
    from healthviz_desktop.core.providers.registry import Providers

    journal = open_journal(args)
    try:
        cards = load_cards(journal.db, provider_facts(Providers(journal.db)), trashed=args.trash)
    finally:
        journal.close()
    shown = select(cards, CardFilter(show="all" if args.trash else args.show, kind=args.kind, family=args.family,
                                     provider=args.provider, newest_first=not args.oldest_first))
    if args.json:
        print_json([_summary(c) for c in shown])
        return 0
    for card in shown:
        state = card.state()
        size = _size(card.clip_path)
        print(f"{card.job_id:>4}  {card.name}  [{card.facts()}{' · ' + size if size else ''} · {card.cost()}]")
        print(f"      {card.source_words()} · {state.headline}" + (f": {state.detail}" if state.detail else ""))
    if not shown:
        print("The clip trash is empty." if args.trash else "No clips match.")
    return 0


def _size(path: str | None) -> str:
    from pathlib import Path

    try:
        size = Path(path).stat().st_size if path else 0
    except OSError:
        return ""
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size // 1000} kB" if size else ""


def _write(args: argparse.Namespace, what: Any, *extra: Any) -> Any:
    journal = open_journal(args)
    try:
        return what(journal, args.id, *extra)
    finally:
        journal.close()


def cmd_rename(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.clip_trash import rename_clip

    job = _write(args, rename_clip, args.title)
    print(f"clip {job.id}: " + (f"titled “{job.title}”" if job.title else "its title is made from its source"))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.clip_trash import trash_clip

    job = _write(args, trash_clip)
    print(f"clip {job.id}: moved to the clip trash (`healthviz clips restore {job.id}` brings it back)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.clip_trash import restore_clip

    job = _write(args, restore_clip)
    print(f"clip {job.id}: back in the library")
    return 0


def cmd_empty(args: argparse.Namespace) -> int:
    from healthviz_desktop.core.clip_trash import empty_trash

    if not args.yes:
        raise UserError("emptying the clip trash deletes the files for good: add --yes to do it")
    journal = open_journal(args)
    try:
        result = empty_trash(journal)
    finally:
        journal.close()
    print(f"{result.jobs} clip(s) left the trash, {result.files} file(s) deleted")
    for kept in result.kept:
        print(f"kept (could not delete): {kept}")
    return 1 if result.kept else 0
