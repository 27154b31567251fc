"""Whether a database is an offline copy, and where it was taken from: read with the
store's plain reads (no SQLAlchemy), so the window can ask at start."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.store.database import Store

ORIGIN_KEY = "offline.origin"
BASE_TABLE = "offline_base"


@dataclass(frozen=True)
class Origin:
    url: str
    database: str
    taken_at: str

    def describe(self) -> str:
        return f"databasen {self.database} ({self.url}), tagen {self.taken_at}"


def origin_of(store: Store) -> Origin | None:
    """Where ``store`` was taken from, or None when it is not an offline copy."""
    if store.server is not None:
        return None
    with store.file.read() as con:
        found = con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", (BASE_TABLE,)
        ).fetchone()
        if found is None:
            return None
        row = con.execute("SELECT value FROM setting WHERE key = ?", (ORIGIN_KEY,)).fetchone()
    if row is None:
        return None
    data = json.loads(row[0])
    return Origin(str(data["url"]), str(data["database"]), str(data["taken_at"]))
