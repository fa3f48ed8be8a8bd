"""Parsing the CLI's compact symptom and dose specs into domain objects.

    --symptom "migraine severity=7 qualities=throbbing,pressing area=temples duration=3h onset=08:30"
    --dose "ibuprofen 400 mg relief=some at=09:15"

Words before the first key=value (or, for doses, before the amount) are the name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from healthviz_desktop.commands.common import UserError
from healthviz_desktop.core.model import Dose, Observation

_DURATION = re.compile(r"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?:in)?)?$")


def parse_when(text: str, base: datetime | None = None) -> datetime:
    """An ISO date-time (local time zone when no offset is given), or HH:MM on ``base``'s day."""
    try:
        if re.fullmatch(r"\d{1,2}:\d{2}", text) and base is not None:
            return datetime.combine(base.date(), time.fromisoformat(text.zfill(5)), base.tzinfo)
        value = datetime.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"not a date-time: {text!r} (use e.g. 2026-03-01T08:30 or 08:30)") from exc
    return value if value.tzinfo else value.astimezone()


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(f"not a date: {text!r} (use YYYY-MM-DD)") from exc


def parse_duration(text: str) -> int:
    if text.isdigit():
        return int(text)
    m = _DURATION.match(text)
    if not m or not any(m.groups()):
        raise UserError(f"not a duration: {text!r} (use minutes, or e.g. 3h, 1h30m, 2d)")
    days, hours, minutes = (int(g or 0) for g in m.groups())
    return days * 1440 + hours * 60 + minutes


def _split(spec: str) -> tuple[list[str], dict[str, str]]:
    words: list[str] = []
    options: dict[str, str] = {}
    for token in spec.split():
        if "=" in token:
            key, _, value = token.partition("=")
            options[key.strip().lower()] = value.strip()
        elif options:
            raise UserError(f"in {spec!r}: put the name first, then key=value options")
        else:
            words.append(token)
    return words, options


_SYMPTOM_OPTIONS = {"severity", "qualities", "area", "duration", "onset"}


def _symptom_options(spec: str, occurred_at: datetime) -> tuple[str, dict[str, object]]:
    """The name and the fields a symptom spec gives, each converted (absent keys are left out)."""
    words, opts = _split(spec)
    unknown = set(opts) - _SYMPTOM_OPTIONS
    if unknown:
        raise UserError(f"in --symptom {spec!r}: unknown option(s) {', '.join(sorted(unknown))}; "
                        f"use {', '.join(sorted(_SYMPTOM_OPTIONS))}")
    if not words:
        raise UserError(f"--symptom {spec!r} needs a symptom name")
    fields: dict[str, object] = {}
    if "severity" in opts:
        try:
            fields["severity"] = int(opts["severity"])
        except ValueError as exc:
            raise UserError(f"in --symptom {spec!r}: severity must be a whole number 0-10") from exc
    if "qualities" in opts:
        fields["qualities"] = [q.strip() for q in opts["qualities"].split(",") if q.strip()]
    if "area" in opts:
        fields["body_area"] = opts["area"] or None
    if "duration" in opts:
        fields["duration_minutes"] = parse_duration(opts["duration"]) if opts["duration"] else None
    if "onset" in opts:
        fields["onset_at"] = parse_when(opts["onset"], occurred_at) if opts["onset"] else None
    return " ".join(words), fields


def parse_symptom(spec: str, occurred_at: datetime) -> Observation:
    name, fields = _symptom_options(spec, occurred_at)
    if "severity" not in fields:
        raise UserError(f"--symptom {spec!r} needs severity=0..10")
    return Observation(symptom=name, **fields)  # type: ignore[arg-type]


def parse_symptom_change(spec: str, occurred_at: datetime) -> tuple[str, Callable[[Observation], Observation]]:
    """For ``entry edit``: the symptom's name, and what the spec changes in it (only the keys it gives;
    an empty value such as ``area=`` clears that field)."""
    name, fields = _symptom_options(spec, occurred_at)
    return name, lambda obs: replace(obs, **fields)


def parse_dose(spec: str, occurred_at: datetime) -> Dose:
    name, amount, unit, opts = _dose_parts(spec)
    return Dose(
        name=name, amount=amount, unit=unit, relief=opts.get("relief"),
        taken_at=parse_when(opts["at"], occurred_at) if "at" in opts else occurred_at,
        drug_class=opts.get("class"),
    )


def parse_dose_change(spec: str, occurred_at: datetime) -> tuple[str, Callable[[Dose], Dose]]:
    """For ``entry edit``: the medication's name, and what the spec changes in that dose (an amount given
    replaces amount and unit; relief=, at=, class= only when given, empty to clear)."""
    name, amount, unit, opts = _dose_parts(spec)
    fields: dict[str, object] = {}
    if amount is not None:
        fields.update(amount=amount, unit=unit)
    if "relief" in opts:
        fields["relief"] = opts["relief"] or None
    if "at" in opts:
        fields["taken_at"] = parse_when(opts["at"], occurred_at) if opts["at"] else None
    if "class" in opts:
        fields["drug_class"] = opts["class"] or None
    return name, lambda dose: replace(dose, **fields)


def _dose_parts(spec: str) -> tuple[str, float | None, str | None, dict[str, str]]:
    words, opts = _split(spec)
    unknown = set(opts) - {"relief", "at", "class"}
    if unknown:
        raise UserError(f"in --dose {spec!r}: unknown option(s) {', '.join(sorted(unknown))}; use relief, at, class")
    name: list[str] = []
    amount: float | None = None
    unit: str | None = None
    for i, word in enumerate(words):
        try:
            amount = float(word)
        except ValueError:
            name.append(word)
            continue
        rest = words[i + 1:]
        unit = rest[0] if rest else None
        if len(rest) > 1:
            raise UserError(f"in --dose {spec!r}: expected NAME AMOUNT UNIT, got extra words {' '.join(rest[1:])!r}")
        break
    if not name:
        raise UserError(f"--dose {spec!r} needs a medication name")
    return " ".join(name), amount, unit, opts


def range_days(text: str) -> tuple[date, date]:
    """``FROM..TO`` (inclusive days), or ``last-30d`` style shortcuts."""
    m = re.fullmatch(r"last-(\d+)d", text)
    if m:
        today = date.today()
        return today - timedelta(days=int(m.group(1)) - 1), today
    first, sep, last = text.partition("..")
    if not sep:
        raise UserError(f"not a range: {text!r} (use FROM..TO, e.g. 2026-10-01..2026-10-31, or last-30d)")
    start, end = parse_day(first), parse_day(last)
    if end < start:
        raise UserError(f"range {text!r} ends before it starts")
    return start, end
