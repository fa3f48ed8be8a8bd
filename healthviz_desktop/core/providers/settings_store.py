"""Provider settings in the journal's provider_setting table: which services the person configured, with
their base URL, model, sizes, lengths and prices. Never a key (keys live in the OS keyring).

Its own store, so provider code does not depend on how clip jobs are kept.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from healthviz_desktop.core.timefmt import now_utc_iso

if TYPE_CHECKING:
    from healthviz_desktop.core.database import Database


class ProviderSettingsStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> dict[str, tuple[str, dict[str, Any]]]:
        """name → (kind, settings)."""
        with self.db.raw() as raw:
            return {r[0]: (r[1], json.loads(r[2])) for r in raw.execute(
                "SELECT name, kind, settings FROM provider_setting ORDER BY name")}

    def save(self, name: str, kind: str, settings: dict[str, Any]) -> None:
        with self.db.write() as conn:
            conn.connection.dbapi_connection.execute(
                "INSERT INTO provider_setting (name, kind, settings, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, settings = excluded.settings, "
                "updated_at = excluded.updated_at",
                (name, kind, json.dumps(settings, sort_keys=True), now_utc_iso()))

    def remove(self, name: str) -> bool:
        with self.db.write() as conn:
            cur = conn.connection.dbapi_connection.execute("DELETE FROM provider_setting WHERE name = ?", (name,))
            return bool(cur.rowcount)
