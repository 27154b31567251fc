"""Every row of a database, read straight from the file (sqlite3) or the server (psycopg),
each table by the live catalogue: what a copy must carry over value for value."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg

from app.store.server_location import ServerLocation

# The schema's stamp and SQLite's own counter: made by the migrations, not copied.
NOT_DATA = frozenset({"alembic_version", "sqlite_sequence"})

Dump = dict[str, list[tuple[tuple[str, Any], ...]]]


def _sorted(rows: list[tuple[tuple[str, Any], ...]]) -> list[tuple[tuple[str, Any], ...]]:
    return sorted(rows, key=repr)


def file_rows(path: Path) -> Dump:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [
            str(r[0])
            for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if str(r[0]) not in NOT_DATA
        ]
        dump: Dump = {}
        for name in names:
            cur = con.execute(f'SELECT * FROM "{name}"')
            columns = [d[0] for d in cur.description]
            dump[name] = _sorted([tuple(sorted(zip(columns, r, strict=True))) for r in cur])
        return dump
    finally:
        con.close()


def server_rows(location: ServerLocation) -> Dump:
    with psycopg.connect(location.url) as con:
        names = [
            str(r[0])
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
            if str(r[0]) not in NOT_DATA
        ]
        dump: Dump = {}
        for name in names:
            cur = con.execute(f'SELECT * FROM "{name}"')
            assert cur.description is not None
            columns = [d.name for d in cur.description]
            dump[name] = _sorted([tuple(sorted(zip(columns, r, strict=True))) for r in cur])
        return dump


def server_tables(location: ServerLocation) -> list[str]:
    with psycopg.connect(location.url) as con:
        return sorted(
            str(r[0])
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            )
        )
