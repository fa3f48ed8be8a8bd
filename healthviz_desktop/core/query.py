"""Journal filters and their SQL: shared by the list view, search and the CLI."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class JournalFilter:
    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    symptom: str | None = None
    min_severity: int | None = None
    medication: str | None = None
    include_deleted: bool = False
    only_deleted: bool = False

    def fts_query(self) -> str:
        """The person's words as an FTS5 query: every word must match, as a prefix; no FTS syntax leaks."""
        words = _WORD.findall(self.text)
        return " ".join(f'"{w}"*' for w in words)


def filter_sql(flt: JournalFilter, *, with_text: bool = True) -> tuple[str, list[Any]]:
    """A WHERE clause over ``entry e`` with its parameters. Without ``with_text`` the caller matches
    the text itself (search drives the query from the full-text index)."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.only_deleted:
        clauses.append("e.deleted_at IS NOT NULL")
    elif not flt.include_deleted:
        clauses.append("e.deleted_at IS NULL")
    if flt.date_from:
        clauses.append("e.day >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to:
        clauses.append("e.day <= ?")
        params.append(flt.date_to.isoformat())
    if flt.symptom or flt.min_severity is not None:
        sub = "SELECT 1 FROM observation o WHERE o.entry_id = e.id"
        if flt.symptom:
            from healthviz_desktop.core.catalogue import catalogue  # not at import: the window paints first

            key = catalogue().symptom_key(flt.symptom) or flt.symptom
            sub += " AND (o.symptom = ? OR lower(o.symptom) = lower(?))"
            params.extend([key, flt.symptom])
        if flt.min_severity is not None:
            sub += " AND o.severity >= ?"
            params.append(flt.min_severity)
        clauses.append(f"EXISTS ({sub})")
    if flt.medication:
        from healthviz_desktop.core.catalogue import catalogue

        key = catalogue().medication_key(flt.medication) or flt.medication
        clauses.append(
            "EXISTS (SELECT 1 FROM dose d WHERE d.entry_id = e.id AND (d.name = ? OR lower(d.name) = lower(?)))")
        params.extend([key, flt.medication])
    fts = flt.fts_query()
    if fts and with_text:
        # The index holds live entries only (trash leaves it), so this also means "not deleted".
        clauses.append("e.id IN (SELECT entry_id FROM entry_fts WHERE entry_fts MATCH ?)")
        params.append(fts)
    return " AND ".join(clauses) or "1", params
