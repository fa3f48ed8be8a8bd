"""The person's preferences: a small JSON file next to the journal, written atomically, owner-only (0600).

Unknown keys are kept (a newer version may have written them); bad values fall back to defaults
rather than stopping the app from opening. The one exception is the private terms: a file that exists
but cannot be read is marked ``unreadable``, and work that sends something (``private_terms_of``,
the Compose window) refuses to go ahead rather than quietly use none.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from healthviz_desktop.core.limits import DAY_ROLLOVER_HOUR, MAX_NAME_CHARS

APPEARANCES = ("system", "light", "dark")
BACKUP_INTERVALS = {"off": 0, "daily": 1, "weekly": 7}
MAX_PRIVATE_TERMS = 500
PLAYER_SPEEDS = (0.25, 0.5, 1.0, 1.5, 2.0)


@dataclass
class Settings:
    appearance: str = "system"
    backup_interval: str = "daily"
    backup_keep: int = 10
    private_terms: list[str] = field(default_factory=list)
    day_rollover_hour: int = DAY_ROLLOVER_HOUR
    first_run_done: bool = False
    player_speed: float = 1.0  # the clip player's last speed, kept across sessions
    safe_video: bool = False  # play clips with hardware decoding off (read at start-up, see ui/player/guard.py)
    extra: dict[str, Any] = field(default_factory=dict)
    # Why the file on disk could not be read ("" when it could); never saved.
    unreadable: str = field(default="", compare=False)

    @property
    def backup_interval_days(self) -> int:
        return BACKUP_INTERVALS[self.backup_interval]

    def problems(self) -> list[str]:
        """What is wrong with these values, in words; empty when they can be saved."""
        out: list[str] = []
        if self.appearance not in APPEARANCES:
            out.append(f"appearance must be one of {', '.join(APPEARANCES)}")
        if self.backup_interval not in BACKUP_INTERVALS:
            out.append(f"backup interval must be one of {', '.join(BACKUP_INTERVALS)}")
        if not 1 <= self.backup_keep <= 1000:
            out.append("keep between 1 and 1000 backups")
        if not 0 <= self.day_rollover_hour <= 12:
            out.append("the day rollover hour must be between 0 and 12")
        if self.player_speed not in PLAYER_SPEEDS:
            out.append(f"the player speed must be one of {', '.join(f'{s:g}' for s in PLAYER_SPEEDS)}")
        if len(self.private_terms) > MAX_PRIVATE_TERMS:
            out.append(f"at most {MAX_PRIVATE_TERMS} private terms")
        for term in self.private_terms:
            if not term.strip() or len(term) > MAX_NAME_CHARS or any(ord(c) < 32 for c in term):
                out.append(f"private term {term[:20]!r} must be 1–{MAX_NAME_CHARS} characters on one line")
        return out


class SettingsUnreadable(Exception):
    """The settings file exists but cannot be read, so the private terms are unknown."""


def unreadable_message(path: Path, reason: str) -> str:
    return (f"Your settings file could not be read ({reason}), so HealthViz does not know your private terms "
            f"and will not build or send a prompt. Fix or remove {path}, or open Settings and save your "
            "private terms again (the unreadable file is then kept beside it).")


def private_terms_of(path: Path) -> list[str]:
    """The saved private terms, for work that must not go ahead without them; none when there is no file."""
    settings = load_settings(path)
    if settings.unreadable:
        raise SettingsUnreadable(unreadable_message(path, settings.unreadable))
    return list(settings.private_terms)


def _kept_name(path: Path) -> Path:
    """Where an unreadable settings file is kept: a new name each time, never over an earlier one."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for n in range(1, 1000):
        kept = path.with_name(f"{path.stem}.unreadable-{stamp}{'' if n == 1 else f'-{n}'}{path.suffix}")
        if not kept.exists():
            return kept
    raise OSError(f"too many unreadable settings files kept beside {path}")


def clean_terms(terms: list[str]) -> list[str]:
    """Trimmed, non-empty, without case-insensitive duplicates, in the order given."""
    seen: dict[str, str] = {}
    for term in terms:
        t = " ".join(term.split())
        if t and t.casefold() not in seen:
            seen[t.casefold()] = t
    return list(seen.values())


def _coerce(raw: dict[str, Any]) -> Settings:
    default = Settings()
    known = {f.name for f in fields(Settings)} - {"extra", "unreadable"}
    values: dict[str, Any] = {}
    for name in known:
        if name not in raw:
            continue
        value, want = raw[name], getattr(default, name)
        if isinstance(want, bool):
            ok = isinstance(value, bool)
        elif isinstance(want, int):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(want, float):
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            value = float(value) if ok else value
        elif isinstance(want, list):
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        else:
            ok = isinstance(value, str)
        if ok:
            values[name] = value
    settings = Settings(**values, extra={k: v for k, v in raw.items() if k not in known})
    if "private_terms" in raw and "private_terms" not in values:
        settings.unreadable = "its private terms are not a list of words"
    if settings.problems():
        # Keep what is valid field by field: one bad value must not reset the rest.
        for name in ("appearance", "backup_interval", "backup_keep", "day_rollover_hour", "player_speed"):
            trial = Settings(**{name: getattr(settings, name)})
            if trial.problems():
                setattr(settings, name, getattr(default, name))
        settings.private_terms = [t for t in clean_terms(settings.private_terms)
                                  if len(t) <= MAX_NAME_CHARS][:MAX_PRIVATE_TERMS]
    return settings


def load_settings(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        return Settings(unreadable=exc.strerror or type(exc).__name__)
    except ValueError:
        return Settings(unreadable="it is not valid JSON")
    if not isinstance(raw, dict):
        return Settings(unreadable="it is not a JSON object")
    return _coerce(raw)


def save_settings(path: Path, settings: Settings, *, over_unreadable: bool = False) -> None:
    """Write atomically: a private temp file in the same folder, fsync, then rename over the old one.

    A file on disk that cannot be read may hold the person's private terms, so it is never written over
    by the way (the first-run flag, say): that raises SettingsUnreadable. Only the person saving their
    settings (``over_unreadable``) replaces it, and the unreadable file is kept beside it."""
    settings.private_terms = clean_terms(settings.private_terms)
    problems = settings.problems()
    if problems:
        raise ValueError("; ".join(problems))
    data = asdict(settings)
    extra = data.pop("extra")
    data.pop("unreadable")
    on_disk = settings.unreadable or (load_settings(path).unreadable if path.exists() else "")
    if on_disk:
        if not over_unreadable:
            raise SettingsUnreadable(unreadable_message(path, on_disk))
        os.replace(path, _kept_name(path))
        settings.unreadable = ""
    payload = json.dumps({**extra, **data}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
