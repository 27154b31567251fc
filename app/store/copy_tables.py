"""The tables a copy moves, their rows as stored, and the checks that both sides agree.

Rows are read and written as they are stored, without type conversion: on PostgreSQL a
date is the same ``YYYY-MM-DD`` text and a yes/no the same 0/1 as in the file
(app.store.server_types), so a value read on one side is written as it is on the other
and the checksums compare the very values.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Integer, Table, column, insert, table

from app.store import change_models, models  # noqa: F401 - every table on the metadata
from app.store.change_tables import PREFIX, quote_name
from app.store.model_base import Base
from app.store.query import dialect_sql, run

BATCH = 5000
# The rows the migrations themselves put in a new database: replaced by the source's.
SEEDED = frozenset({"budget_line", "change_current"})

LABELS: dict[str, str] = {
    "activity": "aktiviteter",
    "activity_coorganiser": "medarrangörer",
    "activity_participant": "deltagare",
    "activity_series": "aktivitetsserier",
    "activity_step": "aktivitetssteg",
    "activity_type": "aktivitetstyper",
    "budget": "budgetar",
    "budget_line": "budgetrader",
    "change_current": "ändringsloggens läge",
    "change_row": "ändrade rader",
    "change_set": "ändringar",
    "cost": "kostnader",
    "cost_note": "kostnadsanteckningar",
    "county_stats": "länsstatistik",
    "county_stats_region": "länsstatistik per delregion",
    "evaluation": "utvärderingar",
    "evaluation_question": "utvärderingsfrågor",
    "evaluation_quote": "utvärderingscitat",
    "forbund": "förbund",
    "goal_measure": "målmått",
    "insats": "insatser",
    "kommun": "kommuner",
    "konto_mapping": "kontomappning",
    "milestone": "milstolpar",
    "organisation": "organisationer",
    "pending_backup_erasure": "väntande rensningar av säkerhetskopior",
    "person": "personer",
    "placement": "placeringar",
    "plan_goal": "mål i årsplanen",
    "registered_reach": "registrerad räckvidd",
    "report_text": "rapporttexter",
    "samverkansgrupp": "samverkansgrupper",
    "samverkansgrupp_member": "gruppmedlemmar",
    "samverkansgrupp_status": "gruppernas status",
    "setting": "inställningar",
    "stated_figure": "angivna siffror",
}


def copied_tables() -> list[Table]:
    """Every table of the schema, the change log's included, parents before children."""
    return list(Base.metadata.sorted_tables)


def label(name: str) -> str:
    return LABELS.get(name, name)


def _key_positions(t: Table) -> list[int]:
    names = [c.name for c in t.columns]
    return [names.index(c.name) for c in t.primary_key.columns]


def _select(t: Table) -> str:
    columns = ", ".join(quote_name(c.name) for c in t.columns)
    key = ", ".join(quote_name(c.name) for c in t.primary_key.columns)
    return f"SELECT {columns} FROM {quote_name(t.name)} ORDER BY {key}"


def read_rows(connection: Connection, t: Table) -> list[tuple[Any, ...]]:
    """The table's rows as stored, ordered by key (a text key in Python too: the two
    backends may collate text differently)."""
    raw: Any = connection.connection.driver_connection  # plain tuples, in the transaction
    cursor = raw.cursor()
    try:
        cursor.execute(dialect_sql(connection.dialect.name, _select(t)))
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    finally:
        cursor.close()
    if not all(isinstance(c.type, Integer) for c in t.primary_key.columns):
        positions = _key_positions(t)
        rows.sort(key=lambda r: tuple(r[i] for i in positions))
    return rows


def checksum(rows: Sequence[tuple[Any, ...]]) -> str:
    """SHA-256 of the rows in key order, each value with its Python type."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(repr(row).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def count(connection: Connection, t: Table) -> int:
    return int(run(connection, f"SELECT count(*) FROM {quote_name(t.name)}").scalar_one())


def write_rows(connection: Connection, t: Table, rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert ``rows`` (ids kept), values as they are: on a file in batches of
    executemany; on PostgreSQL with COPY, in the connection's transaction (executemany
    took 13 s for the bench database there, COPY a fraction of that)."""
    names = [c.name for c in t.columns]
    if connection.dialect.name == "postgresql":
        columns = ", ".join(quote_name(n) for n in names)
        raw: Any = connection.connection.driver_connection
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {quote_name(t.name)} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    statement = insert(table(t.name, *(column(n) for n in names)))
    for start in range(0, len(rows), BATCH):
        batch = [dict(zip(names, r, strict=True)) for r in rows[start : start + BATCH]]
        connection.execute(statement, batch)


def clear(connection: Connection, t: Table) -> None:
    run(connection, f"DELETE FROM {quote_name(t.name)}")


def drop_change_triggers(connection: Connection) -> None:
    """Remove the change log's triggers, so the copy is not logged as edits (they are
    made again from the schema with change_triggers.install afterwards)."""
    like = PREFIX.replace("_", "\\_") + "%"
    if connection.dialect.name == "postgresql":
        found = connection.exec_driver_sql(
            "SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
            "WHERE NOT tgisinternal AND tgname LIKE %s",
            (like,),
        ).fetchall()
        for name, on in found:
            connection.exec_driver_sql(f"DROP TRIGGER {quote_name(str(name))} ON {on}")
        return
    found = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ? ESCAPE '\\'",
        (like,),
    ).fetchall()
    for (name,) in found:
        connection.exec_driver_sql(f"DROP TRIGGER {quote_name(str(name))}")


def advance_sequences(connection: Connection, tables: Sequence[Table]) -> None:
    """On PostgreSQL, each id sequence set past the highest id copied (SQLite keeps
    its own count from the ids written)."""
    if connection.dialect.name != "postgresql":
        return
    for t in tables:
        key = list(t.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence(%s, %s), "
            f"coalesce(max({quote_name(key[0].name)}), 0) + 1, false) FROM {quote_name(t.name)}",
            (quote_name(t.name), key[0].name),
        )


@dataclass(frozen=True)
class TableCopy:
    """One table as copied: its rows counted and summed on both sides."""

    name: str
    source_rows: int
    target_rows: int
    source_checksum: str
    target_checksum: str

    @property
    def agrees(self) -> bool:
        return self.source_rows == self.target_rows and self.source_checksum == self.target_checksum

    def line(self) -> str:
        same = "=" if self.source_rows == self.target_rows else "≠"
        mark = "" if self.agrees else "  (innehållet skiljer sig)"
        return f"{label(self.name)}: {self.source_rows} {same} {self.target_rows}{mark}"
