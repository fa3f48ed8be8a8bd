"""The Clips library without a window: every clip the journal made and every job on its way, as cards.

A card is a row of ``generation_job`` read with plain SQL (the JSON fields the library shows are pulled out by
SQLite's ``json_extract``; a 500-clip library is one query of a few milliseconds), plus what the window
needs to show and offer: a title, its source (an entry, a date range, the person's notes), the exact prompt,
and the state in plain words with the actions that fit it. ``select`` filters and sorts; the Qt model
(ui/clips_model.py) only adapts the result. The trash and renaming are in core/clip_trash.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from healthviz_desktop.core.generation.job_store import FINISHED, UNFINISHED

if TYPE_CHECKING:
    from healthviz_desktop.core.database import Database
    from healthviz_desktop.core.providers.registry import Providers

KIND_LABELS = {"moment": "An entry", "trend": "A date range", "explainer": "Your notes", "scene": "A scene file"}
SHOW = {"all": "Everything", "clips": "Finished clips", "jobs": "On the way or waiting", "failed": "Not made",
        "trash": "Trash"}
WORKING = ("pending", "sending", "running", "downloading")

# What the person decides for a job the service could not account for, in the window's words (the job's own
# message names the CLI commands): the two buttons and what each does.
DECISION = ("HealthViz sent this request, but the answer never arrived, and {provider} cannot tell us now "
            "whether it made the clip. If it did, you may already have been charged for it.")
DECISION_CHOICES = (
    ("Send it again", "Ask {provider} to make it once more. Both requests are then counted as spent "
                      "({cost} each), checked against your monthly budget first."),
    ("Cancel the job", "Make nothing more. The first request stays counted as spent, in case it was "
                       "charged."),
)


@dataclass(frozen=True)
class ProviderFacts:
    label: str
    remote: bool
    remix: bool


def provider_facts(providers: Providers) -> dict[str, ProviderFacts]:
    """Label, remote or not, can remix: per provider name (a provider removed since keeps its name)."""
    out = {}
    for info in providers.infos():
        caps = providers.get(info.name).capabilities()
        out[info.name] = ProviderFacts(info.label, caps.remote, caps.remix)
    return out


@dataclass(frozen=True)
class CardState:
    headline: str  # "Being made 40%", "Needs your decision", "Not made"
    detail: str  # why, in plain words ("" when the headline says it all)
    progress: int | None  # 0..100 while it is worked on; None otherwise
    tone: str  # "done" | "working" | "waiting" | "failed"


@dataclass(frozen=True)
class ClipCard:
    job_id: int
    status: str
    provider: str
    provider_label: str
    remote: bool
    can_remix: bool
    model: str
    prompt: str
    seconds: int
    size: str
    estimate: float
    currency: str
    created_at: str
    finished_at: str | None
    clip_path: str | None
    thumb_path: str | None
    still_path: str | None  # an Images job's picture (issue 16), when the journal has that column
    progress: int  # 0..100 within the current status
    message: str
    error_code: str | None
    remote_id: str | None
    sent_at: str | None
    title: str | None
    source: dict[str, Any] | None
    entry_ids: tuple[int, ...]
    family: str
    style: str
    mode: str
    trashed_at: str | None

    # ---- what it is -------------------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        """moment | trend | explainer | scene: from the recorded source, else the scene's mode."""
        kind = (self.source or {}).get("kind") or self.mode
        return kind if kind in KIND_LABELS else "scene"

    @property
    def period(self) -> tuple[date, date] | None:
        src = self.source or {}
        try:
            return date.fromisoformat(src["first"]), date.fromisoformat(src["last"])
        except (KeyError, TypeError, ValueError):
            return None

    @property
    def entry_id(self) -> int | None:
        """The entry a moment clip was made from."""
        return self.entry_ids[0] if self.kind == "moment" and self.entry_ids else None

    @property
    def made_at(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.finished_at or self.created_at)
        except ValueError:
            return None

    @property
    def is_clip(self) -> bool:
        """A clip on this computer: made, or kept though it arrived after the person's Stop."""
        return self.status in ("completed", "cancelled") and bool(self.clip_path)

    @property
    def picture(self) -> str | None:
        """What the card's thumbnail is made from: an Images job's still, else the clip's first keyframe."""
        return self.still_path or (self.clip_path if self.is_clip else None)

    @property
    def family_label(self) -> str:
        return family_label(self.family)

    @property
    def name(self) -> str:
        """The person's title, else one made from the source: "Headache · 3 Mar 2026"."""
        if self.title:
            return self.title
        made = self.made_at
        when = f"{made.day} {made:%b %Y}" if made else ""
        if self.kind == "trend" and self.period:
            first, last = self.period
            return f"{self.family_label} · {first.day} {first:%b} – {last.day} {last:%b %Y}"
        if self.kind == "explainer":
            return f"Explainer · {when}".strip(" ·")
        return f"{self.family_label} · {when}".strip(" ·") if self.family else f"Clip {self.job_id}"

    def source_words(self) -> str:
        """Where it came from, for the card's link."""
        if self.kind == "moment":
            return "From an entry" if self.entry_id is not None else "From an entry (not recorded)"
        if self.kind == "trend":
            if self.period:
                first, last = self.period
                return f"From {first.day} {first:%b %Y} to {last.day} {last:%b %Y}"
            return "From a date range (not recorded)"
        return "From your notes" if self.kind == "explainer" else "From a scene file"

    def facts(self) -> str:
        """"8 s · 1280×720 · This computer": length, size and maker."""
        bits = [f"{self.seconds} s" if self.seconds else "", self.size.replace("x", "×"), self.provider_label]
        return " · ".join(b for b in bits if b)

    def cost(self) -> str:
        return "free" if not self.estimate else f"{self.estimate:.2f} {self.currency}"

    # ---- its state, in plain words ------------------------------------------------------------------------

    def state(self) -> CardState:
        s = self.status
        if s == "completed":
            if self.clip_path:
                return CardState("Ready", "", None, "done")
            return CardState("Made, file gone", "The clip's file was deleted when the trash was emptied.", None,
                             "failed")
        if s == "pending":
            if self.remote and not self.sent_at:
                return CardState("Not sent yet", f"Nothing has gone to {self.provider_label} yet. Resume sends "
                                 "it; Stop drops it.", None, "waiting")
            return CardState("Queued", plain(self.message), 0, "working")
        if s == "sending":
            return CardState("Sending", plain(self.message), 0, "working")
        if s == "running":
            return CardState(f"Being made {self.progress}%", plain(self.message), self.progress, "working")
        if s == "downloading":
            verb = "Downloading" if self.remote else "Drawing"
            return CardState(f"{verb} {self.progress}%", plain(self.message), self.progress, "working")
        if s == "stalled":
            return CardState("Paused", plain(self.message) or "Waiting for you: Resume carries on.", None,
                             "waiting")
        if s == "needs_decision":
            return CardState("Needs your decision", DECISION.format(provider=self.provider_label), None, "waiting")
        if s == "cancelled":
            words = plain(self.message) if self.message != "cancelled" else ""
            return CardState("Stopped", words, None, "done" if self.clip_path else "failed")
        return CardState("Not made", plain(self.message), None, "failed")

    def decision_choices(self) -> list[tuple[str, str]]:
        return [(button, words.format(provider=self.provider_label, cost=self.cost()))
                for button, words in DECISION_CHOICES]

    def actions(self) -> frozenset[str]:
        """What the person can do with this card now (buttons and menu entries are shown for these)."""
        s, out = self.status, {"reuse"}
        if self.trashed_at:
            return frozenset({"restore"})
        if s in WORKING or s == "stalled":
            out.add("stop")
        if s == "stalled" or (s == "pending" and self.remote and not self.sent_at):
            out.add("resume")
        if s == "needs_decision":
            out.add("decide")  # its two choices say what Stop would: cancel it
        if s in ("failed", "cancelled"):
            out.add("remake" if self.error_code == "expired" else "retry")
        if s in FINISHED:
            out.add("delete")
        if self.is_clip:
            out |= {"play", "rename", "folder", "export"}
            if self.can_remix and self.remote_id:
                out.add("remix")
        return frozenset(out)

    def with_event(self, status: str, progress: float, message: str) -> ClipCard:
        """The card after a job event (status, progress 0..1 within it, message), before the row is read."""
        return replace(self, status=status, progress=int(max(0.0, min(1.0, progress)) * 100), message=message)


def family_label(key: str) -> str:
    return key.replace("_", " ").capitalize() if key else "Other"


_CLI_HINT = re.compile(r"[^.:]*`healthviz [^`]*`[^.]*\.?")


def plain(message: str) -> str:
    """A job's message without the sentences that name CLI commands (the window has buttons for them)."""
    return re.sub(r"\s{2,}", " ", _CLI_HINT.sub("", message or "")).strip(" :")


# ---- reading -----------------------------------------------------------------------------------------------

_FIELDS = ("id, status, provider, json_extract(request_json, '$.model'), json_extract(request_json, '$.prompt'), "
           "json_extract(request_json, '$.seconds'), json_extract(request_json, '$.size'), estimate, currency, "
           "created_at, finished_at, clip_path, thumb_path, {still}, progress, message, error_code, remote_id, "
           "sent_at, title, source_json, entry_ids, json_extract(spec_json, '$.family'), "
           "json_extract(spec_json, '$.style'), json_extract(spec_json, '$.mode'), trashed_at")


def _still_column(raw: Any) -> str:
    """Issue 16's ``still_path`` where this journal has it (read defensively: an older schema has none)."""
    names = {r[1] for r in raw.execute("PRAGMA table_info(generation_job)")}
    return "still_path" if "still_path" in names else "NULL"


def _card(row: tuple[Any, ...], facts: dict[str, ProviderFacts]) -> ClipCard:
    (job_id, status, provider, model, prompt, seconds, size, estimate, currency, created, finished, clip, thumb,
     still, progress, message, error_code, remote_id, sent_at, title, source, entry_ids, family, style, mode,
     trashed) = row
    fact = facts.get(provider) or ProviderFacts(provider, provider != "local", False)
    try:
        secs = int(seconds or 0)
    except (TypeError, ValueError):
        secs = 0
    return ClipCard(int(job_id), status, provider, fact.label, fact.remote, fact.remix, model or "", prompt or "",
                    secs, size or "", float(estimate or 0), currency or "USD", created, finished, clip, thumb,
                    still, int(progress or 0), message or "", error_code, remote_id, sent_at, title,
                    json.loads(source) if source else None, tuple(json.loads(entry_ids or "[]")), family or "",
                    style or "", mode or "", trashed)


def load_cards(db: Database, facts: dict[str, ProviderFacts], *, trashed: bool = False) -> list[ClipCard]:
    """Every job, newest first: those in the trash, or all the others."""
    with db.raw() as raw:
        where = "trashed_at IS NOT NULL AND emptied_at IS NULL" if trashed else "trashed_at IS NULL"
        sql = f"SELECT {_FIELDS.format(still=_still_column(raw))} FROM generation_job WHERE {where} ORDER BY id DESC"
        return [_card(tuple(r), facts) for r in raw.execute(sql)]


def load_card(db: Database, facts: dict[str, ProviderFacts], job_id: int) -> ClipCard | None:
    with db.raw() as raw:
        sql = f"SELECT {_FIELDS.format(still=_still_column(raw))} FROM generation_job WHERE id = ?"
        row = raw.execute(sql, (job_id,)).fetchone()
    return _card(tuple(row), facts) if row is not None else None


def cards_for_entry(db: Database, facts: dict[str, ProviderFacts], entry_id: int) -> list[ClipCard]:
    """The finished clips made from this entry (alone or with others), newest first; not those in the trash."""
    with db.raw() as raw:
        sql = (f"SELECT {_FIELDS.format(still=_still_column(raw))} FROM generation_job WHERE trashed_at IS NULL "
               "AND status = 'completed' AND clip_path IS NOT NULL "
               "AND EXISTS (SELECT 1 FROM json_each(entry_ids) WHERE value = ?) ORDER BY id DESC")
        return [_card(tuple(r), facts) for r in raw.execute(sql, (entry_id,))]


# ---- choosing what is shown ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class CardFilter:
    show: str = "all"  # a key of SHOW ("trash" is read separately: load_cards(trashed=True))
    kind: str | None = None  # a key of KIND_LABELS
    family: str | None = None
    provider: str | None = None
    newest_first: bool = True

    def keeps(self, card: ClipCard) -> bool:
        if self.show == "clips" and not card.is_clip:
            return False
        if self.show == "jobs" and card.status not in (*UNFINISHED, "needs_decision"):
            return False
        if self.show == "failed" and card.status not in ("failed", "cancelled"):
            return False
        return ((self.kind is None or card.kind == self.kind) and (self.family is None or card.family == self.family)
                and (self.provider is None or card.provider == self.provider))


def select(cards: list[ClipCard], flt: CardFilter) -> list[ClipCard]:
    """The cards the filter keeps, by date made (then by job, for jobs made the same second)."""
    kept = [c for c in cards if flt.keeps(c)]
    kept.sort(key=lambda c: (c.created_at, c.job_id), reverse=flt.newest_first)
    return kept


def choices(cards: list[ClipCard]) -> dict[str, list[tuple[str, str]]]:
    """The filter menus' entries (key, label) from the cards there are: kinds, families, providers."""
    kinds = sorted({c.kind for c in cards}, key=list(KIND_LABELS).index)
    families = sorted({c.family for c in cards if c.family})
    providers = sorted({(c.provider, c.provider_label) for c in cards}, key=lambda p: p[1])
    return {"kind": [(k, KIND_LABELS[k]) for k in kinds], "family": [(f, family_label(f)) for f in families],
            "provider": list(providers)}
