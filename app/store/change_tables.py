"""What the change log records: every table but its own and the bookkeeping, with
triggers named ``chg_…`` (app.store.change_triggers on SQLite, app.store.server_triggers
on PostgreSQL)."""

from __future__ import annotations

# Not the user's data: the log itself, the schema stamp, and bookkeeping of erasure.
NOT_LOGGED = frozenset(
    {"alembic_version", "change_set", "change_row", "change_current", "pending_backup_erasure"}
)
PREFIX = "chg_"


def quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
