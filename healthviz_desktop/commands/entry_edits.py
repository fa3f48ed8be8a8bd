"""``healthviz entry edit``: change what the options name, and nothing else.

    healthviz entry edit 12 --symptom "migraine severity=6"

changes the severity of entry 12's migraine and keeps its qualities, area, duration and every other
symptom. A symptom the entry does not have yet is added (then it needs severity=). Lists are replaced
whole only when asked: ``--replace-symptoms`` (the --symptom options are then the whole list; none
given empties it), and the same for doses, tags and triggers; ``--remove-symptom NAME`` and friends take
one item out. Tags and triggers given without --replace-… are added to the entry's own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from healthviz_desktop.commands.common import UserError
from healthviz_desktop.commands.entry_specs import (
    parse_dose,
    parse_dose_change,
    parse_symptom,
    parse_symptom_change,
)
from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import Dose, Entry, Observation

T = TypeVar("T")


def apply_single_fields(entry: Entry, args: argparse.Namespace) -> None:
    """The options that name one value (time, day, notes, mood, energy, sleep), set on ``entry`` in place;
    shared by `entry add` and `entry edit`."""
    from healthviz_desktop.commands.entry_specs import parse_day, parse_when
    from healthviz_desktop.core.model import journal_day

    if args.at:
        entry.occurred_at = parse_when(args.at)
        entry.day = journal_day(entry.occurred_at)
    if args.day:
        entry.day = parse_day(args.day)
    if args.notes is not None:
        entry.notes = args.notes
    for name in ("mood", "energy", "sleep_quality", "sleep_hours"):
        if getattr(args, name) is not None:
            setattr(entry, name, getattr(args, name))


def apply_edits(entry: Entry, args: argparse.Namespace) -> Entry:
    """``entry`` with the changes the options name; everything else as it was."""
    entry = replace(entry, observations=[replace(o) for o in entry.observations],
                    doses=[replace(d) for d in entry.doses], tags=list(entry.tags), triggers=list(entry.triggers))
    apply_single_fields(entry, args)
    where = f"entry {entry.id}"
    entry.observations = _edit_list(
        entry.observations, args.symptom or [], args.remove_symptom, args.replace_symptoms, where, "symptom",
        key=_symptom_key, parse_new=lambda spec: parse_symptom(spec, entry.occurred_at),
        parse_change=lambda spec: parse_symptom_change(spec, entry.occurred_at), spec_key=_symptom_key)
    entry.doses = _edit_list(
        entry.doses, args.dose or [], args.remove_dose, args.replace_doses, where, "dose",
        key=_dose_key, parse_new=lambda spec: parse_dose(spec, entry.occurred_at),
        parse_change=lambda spec: parse_dose_change(spec, entry.occurred_at), spec_key=_dose_key)
    entry.tags = _edit_labels(entry.tags, args.tag or [], args.remove_tag, args.replace_tags, where, "tag")
    entry.triggers = _edit_labels(entry.triggers, args.trigger or [], args.remove_trigger, args.replace_triggers,
                                  where, "trigger")
    return entry


def _symptom_key(item: Observation | str) -> str:
    name = item if isinstance(item, str) else item.symptom
    if isinstance(item, Observation) and not item.custom:
        return item.symptom
    return catalogue().symptom_key(name) or " ".join(name.casefold().split())


def _dose_key(item: Dose | str) -> str:
    name = item if isinstance(item, str) else item.name
    if isinstance(item, Dose) and not item.custom:
        return item.name
    return catalogue().medication_key(name) or " ".join(name.casefold().split())


def _edit_list(items: list[T], specs: list[str], removals: list[str], replace_all: bool, where: str, kind: str, *,
               key: Callable[[Any], str], parse_new: Callable[[str], T],
               parse_change: Callable[[str], tuple[str, Callable[[T], T]]], spec_key: Callable[[str], str]
               ) -> list[T]:
    if replace_all:
        if removals:
            raise UserError(f"--replace-{kind}s gives the whole list: leave out --remove-{kind}")
        return [parse_new(spec) for spec in specs]
    out = list(items)
    for name in removals:
        index = _find(out, key, spec_key(name), name, where, kind)
        if index is None:
            raise UserError(f"{where} has no {kind} {name!r} to remove; nothing was changed")
        del out[index]
    for spec in specs:
        name, change = parse_change(spec)
        index = _find(out, key, spec_key(name), name, where, kind)
        if index is None:
            out.append(parse_new(spec))  # not in the entry yet: added, with all a new one needs
        else:
            out[index] = change(out[index])
    return out


def _find(items: list[T], key: Callable[[Any], str], wanted: str, name: str, where: str, kind: str) -> int | None:
    hits = [i for i, item in enumerate(items) if key(item) == wanted]
    if len(hits) > 1:
        raise UserError(f"{where} has {len(hits)} {kind}s named {name!r}, so it is not clear which to change; "
                        f"give the whole list with --replace-{kind}s. Nothing was changed.")
    return hits[0] if hits else None


def _edit_labels(items: list[str], added: list[str], removals: list[str], replace_all: bool, where: str,
                 kind: str) -> list[str]:
    if replace_all:
        if removals:
            raise UserError(f"--replace-{kind}s gives the whole list: leave out --remove-{kind}")
        return list(added)
    out = list(items)
    for name in removals:
        folded = [i.casefold() for i in out]
        if name.strip().casefold() not in folded:
            raise UserError(f"{where} has no {kind} {name!r} to remove; nothing was changed")
        del out[folded.index(name.strip().casefold())]
    return out + [a for a in added if a.strip().casefold() not in {i.casefold() for i in out}]
