"""Reading from PostgreSQL with the same calls as from the SQLite file.

The store's reads take a DB-API connection in the manner of the sqlite3 module:
``con.execute(sql, params)``, a cursor whose ``row_factory`` may be ``sqlite3.Row``
(rows read by position or by name), ``in_transaction``. ``ServerConnection`` gives that
on a psycopg connection, with the shared SQL turned into PostgreSQL's by
app.store.query, and the numbers of a sum read back as int (PostgreSQL sums integers
into NUMERIC).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import psycopg
from psycopg.adapt import Loader

from app.store.query import server_sql


class _NumericLoader(Loader):
    """NUMERIC as an int when whole (a sum of integers), else a float, as in SQLite."""

    def load(self, data: Any) -> int | float:
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


def adapt_numbers(con: psycopg.Connection[Any]) -> None:
    con.adapters.register_loader("numeric", _NumericLoader)


class Row(tuple[Any, ...]):
    """A row readable by position and by column name, like sqlite3.Row."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


class ServerCursor:
    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self._cursor = cursor
        self.row_factory: Any = None
        self._names: dict[str, int] = {}

    def execute(self, sql: str, params: Sequence[Any] = ()) -> ServerCursor:
        self._cursor.execute(server_sql(sql), tuple(params) or None)
        description = self._cursor.description or ()
        self._names = {d.name: i for i, d in enumerate(description)}
        return self

    def _row(self, values: Any) -> Any:
        if values is None or self.row_factory is None:
            return values
        return Row(values, self._names)

    def fetchone(self) -> Any:
        return self._row(self._cursor.fetchone())

    def fetchall(self) -> list[Any]:
        return [self._row(r) for r in self._cursor.fetchall()]

    def fetchmany(self, size: int = 1) -> list[Any]:
        return [self._row(r) for r in self._cursor.fetchmany(size)]

    def __iter__(self) -> Iterator[Any]:
        return (self._row(r) for r in self._cursor)

    @property
    def description(self) -> Any:
        return self._cursor.description

    def close(self) -> None:
        self._cursor.close()


class ServerConnection:
    """A read-only psycopg connection that takes the store's SQL as sqlite3 does."""

    def __init__(self, con: psycopg.Connection[Any]) -> None:
        self._con = con
        self._snapshot = False

    @property
    def in_transaction(self) -> bool:
        return self._snapshot

    def cursor(self) -> ServerCursor:
        return ServerCursor(self._con.cursor())

    def execute(self, sql: str, params: Sequence[Any] = ()) -> ServerCursor:
        word = sql.strip().upper()
        if word == "BEGIN":  # one consistent snapshot for every read until ROLLBACK
            self._con.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            self._snapshot = True
            return self.cursor()
        if word == "ROLLBACK":
            self._con.execute("ROLLBACK")
            self._snapshot = False
            return self.cursor()
        return self.cursor().execute(sql, params)

    def create_function(self, *_args: Any, **_kwargs: Any) -> None:
        """SQLite's Python functions have no counterpart here: the store's SQL does not
        use one on PostgreSQL (see app.store.activity_search)."""

    def close(self) -> None:
        self._con.close()

    @property
    def closed(self) -> bool:
        return bool(self._con.closed)


# The errors a read may raise on either backend.
READ_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, psycopg.Error)
