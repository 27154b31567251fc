"""Writing recorded rows back: the work of undo and redo, inside one transaction.

A row is put back only if it is still exactly as the change left it; after the
writes, what the triggers recorded must be the exact inverse of the change, so that
an undo that would also touch later data (a row added since to an activity being
removed) is refused rather than done.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection

from app.core.changes import RowChange, kind_of
from app.core.errors import DomainError
from app.store.query import run

KeyColumns = Callable[[Connection, str], list[str]]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def current_row(
    conn: Connection, table: str, key: tuple[Any, ...], columns: list[str]
) -> dict[str, Any] | None:
    where = " AND ".join(f"{_quote(c)} IS ?" for c in columns)
    result = run(conn, f"SELECT * FROM {_quote(table)} WHERE {where}", tuple(key))
    row = result.mappings().fetchone()
    return None if row is None else dict(row)


def _same(stored: dict[str, Any] | None, recorded: dict[str, Any] | None) -> bool:
    if stored is None or recorded is None:
        return stored is recorded
    return all(stored.get(k) == v for k, v in recorded.items())


def check_current(conn: Connection, changes: Sequence[RowChange], keys: KeyColumns) -> None:
    """Every row the change wrote is still as it left it."""
    for change in changes:
        now = current_row(conn, change.table, change.key, keys(conn, change.table))
        if not _same(now, change.after):
            raise DomainError(
                f"Ändringen kan inte ångras: {kind_of(change.table).one} har ändrats "
                "efter den. Ångra de senare ändringarna först. Ingenting har ändrats."
            )


def apply(conn: Connection, change: RowChange, key: list[str]) -> None:
    """Make the row go from ``change.before`` to ``change.after``."""
    table = _quote(change.table)
    where = " AND ".join(f"{_quote(c)} IS ?" for c in key)
    if change.after is None:
        run(conn, f"DELETE FROM {table} WHERE {where}", tuple(change.key))
    elif change.before is None:
        columns = list(change.after)
        names = ", ".join(_quote(c) for c in columns)
        marks = ", ".join("?" for _ in columns)
        run(
            conn,
            f"INSERT INTO {table} ({names}) VALUES ({marks})",
            tuple(change.after[c] for c in columns),
        )
    else:
        columns = [c for c in change.after if change.after[c] != change.before.get(c)]
        if not columns:
            return
        sets = ", ".join(f"{_quote(c)} = ?" for c in columns)
        run(
            conn,
            f"UPDATE {table} SET {sets} WHERE {where}",
            (*(change.after[c] for c in columns), *change.key),
        )


def _signature(changes: Sequence[RowChange]) -> set[tuple[str, str, str, str]]:
    import json

    return {
        (
            c.table,
            json.dumps(list(c.key)),
            json.dumps(c.before, sort_keys=True),
            json.dumps(c.after, sort_keys=True),
        )
        for c in changes
    }


def check_exact(done: Sequence[RowChange], wanted: Sequence[RowChange]) -> None:
    """The writes did exactly the inverse of the change, and nothing more."""
    extra = _signature(done) - _signature(wanted)
    if extra or _signature(wanted) - _signature(done):
        tables = sorted({t for t, *_ in extra}) or sorted({c.table for c in wanted})
        what = ", ".join(kind_of(t).many for t in tables)
        raise DomainError(
            "Ändringen kan inte ångras: senare ändringar bygger på den "
            f"({what}). Ångra dem först. Ingenting har ändrats."
        )
