"""Merging two edits of one entry: what this editor changed and what another window or command saved
meanwhile, both made from the same version (``base``).

Field by field, a change on one side is taken; a field both changed in the same way is that value; a field
both changed differently keeps this editor's value and is named in ``both_changed``, so the person can
look at it before saving. Notes changed on both sides keep both texts (nothing typed is dropped). Lists
merge item by item: symptoms by symptom, doses by medication, tags and triggers by name.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from healthviz_desktop.core.model import Dose, Entry, Observation, normalise_entry

T = TypeVar("T")

OTHER_NOTES = "— the other version's notes: —"
_SCALARS = ("occurred_at", "mood", "energy", "sleep_hours", "sleep_quality")


@dataclass(frozen=True)
class Merged:
    entry: Entry  # to be saved against ``theirs``' revision
    both_changed: tuple[str, ...]  # fields both sides changed differently (this editor's value was kept)


def merge_entries(base: Entry, mine: Entry, theirs: Entry) -> Merged:
    mine = normalise_entry(replace(mine, observations=[replace(o) for o in mine.observations],
                                   doses=[replace(d) for d in mine.doses], tags=list(mine.tags),
                                   triggers=list(mine.triggers)))
    both: list[str] = []
    values: dict[str, Any] = {}
    for name in _SCALARS:
        values[name] = _pick(getattr(base, name), getattr(mine, name), getattr(theirs, name), name, both)
    day_source = mine if values["occurred_at"] == mine.occurred_at and mine.occurred_at != base.occurred_at else theirs
    values["day"] = day_source.day
    values["notes"] = _notes(base.notes, mine.notes, theirs.notes, both)
    values["observations"] = _merge_items(base.observations, mine.observations, theirs.observations,
                                          _observation_key, "symptoms", both)
    values["doses"] = _merge_items(base.doses, mine.doses, theirs.doses, _dose_key, "medications", both)
    values["tags"] = _merge_items(base.tags, mine.tags, theirs.tags, str.casefold, "tags", both)
    values["triggers"] = _merge_items(base.triggers, mine.triggers, theirs.triggers, str.casefold, "triggers", both)
    merged = replace(theirs, **values)  # id, uid, revision, demo and timestamps: the stored entry's
    return Merged(merged, tuple(dict.fromkeys(both)))


def _pick(base: T | None, mine: T, theirs: T, name: str, both: list[str]) -> T:
    if mine == base:
        return theirs
    if theirs != base and theirs != mine:
        both.append(name)
    return mine


def _notes(base: str, mine: str, theirs: str, both: list[str]) -> str:
    if mine in (base, theirs):
        return theirs
    if theirs == base:
        return mine
    both.append("notes")
    return f"{mine.rstrip()}\n\n{OTHER_NOTES}\n{theirs}"


def _observation_key(obs: Observation) -> Hashable:
    return (obs.custom, obs.symptom if not obs.custom else obs.symptom.casefold())


def _dose_key(dose: Dose) -> Hashable:
    return (dose.custom, dose.name if not dose.custom else dose.name.casefold())


def _merge_items(base: Sequence[T], mine: Sequence[T], theirs: Sequence[T], key: Callable[[T], Hashable],
                 what: str, both: list[str]) -> list[T]:
    b, m, t = ({key(i): i for i in items} for items in (base, mine, theirs))
    out: list[T] = []
    for k, item in list(t.items()) + [(k, i) for k, i in m.items() if k not in t]:
        in_base, in_mine, in_theirs = k in b, k in m, k in t
        if in_theirs and in_mine:
            out.append(_pick(b.get(k), m[k], t[k], what, both))  # b.get: None when both added it
        elif in_theirs:  # not in mine: I removed it (if it was there), or they added it
            if not in_base:
                out.append(item)
            elif t[k] != b[k]:  # I removed what they changed: keep theirs, and say so
                both.append(what)
                out.append(t[k])
        elif not in_base:  # only mine: I added it
            out.append(m[k])
        elif m[k] != b[k]:  # they removed what I changed: keep mine, and say so
            both.append(what)
            out.append(m[k])
    return out
