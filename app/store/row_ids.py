"""Ids taken ahead for rows a write inserts with explicit ids (an import), on either
backend.

A table's ids are given by SQLite from ``sqlite_sequence`` (the highest id ever taken,
so that a removed activity's id is never given again) and by PostgreSQL from the
table's sequence. An import takes a block of ids at once so that its steps and
co-organisers can point at their activity without reading anything back:

- in the SQLite file, the ids after the highest ever taken; the write's transaction is
  BEGIN IMMEDIATE, so nobody else can take them meanwhile, and SQLite moves
  ``sqlite_sequence`` on past the inserted ids itself;
- on PostgreSQL, the table is locked against other inserts for the rest of the
  transaction (reads go on), the ids after the highest taken are used, and the
  sequence is set past them (``setval``), so that the next row anyone inserts gets the
  id after the block. A colleague's insert meanwhile waits for the commit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.store.query import run

if TYPE_CHECKING:
    from sqlalchemy import Connection


def take_ids(conn: Connection, table: str, count: int) -> range:
    """``count`` free ids of ``table`` (its ``id`` column), in order, taken for rows
    inserted in ``conn``'s transaction."""
    on_server = conn.dialect.name == "postgresql"
    if on_server:
        run(conn, f'LOCK TABLE "{table}" IN EXCLUSIVE MODE')
    highest = run(conn, f'SELECT max(id) FROM "{table}"').scalar() or 0
    if on_server:
        sequence = run(conn, "SELECT pg_get_serial_sequence(?, 'id')", (table,)).scalar()
        taken, called = tuple(run(conn, f"SELECT last_value, is_called FROM {sequence}").one())
        first = max(highest, taken if called else taken - 1) + 1
        if count:
            run(conn, "SELECT setval(?, ?)", (sequence, first + count - 1))
        return range(first, first + count)
    ever = run(conn, "SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).scalar()
    first = max(ever or 0, highest) + 1
    return range(first, first + count)
