"""The one query layer: the app's SQL, written once, run on SQLite or PostgreSQL.

Every statement the store writes by hand is written once, in the SQL both backends
share, with ``?`` for its parameters as the sqlite3 module takes them. On PostgreSQL
``server_sql`` turns it into what psycopg takes: ``%s`` for ``?`` (and ``%%`` for a
literal ``%``), and the few words that differ between the two: SQLite's
``group_concat`` is PostgreSQL's ``string_agg``, and SQLite's null-safe ``IS ?`` is
``IS NOT DISTINCT FROM``. Quoted text and quoted names are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection, CursorResult

# Outside quotes: the words that differ. Longest first, so IS NOT ? wins over IS ?.
_WORDS = (
    (re.compile(r"\bIS\s+NOT\s+\?", re.IGNORECASE), "IS DISTINCT FROM %s"),
    (re.compile(r"\bIS\s+\?", re.IGNORECASE), "IS NOT DISTINCT FROM %s"),
    (re.compile(r"\bgroup_concat\s*\(", re.IGNORECASE), "string_agg("),
    # SQLite's CROSS JOIN … ON (an inner join in the order written: a planner hint) is
    # PostgreSQL's JOIN.
    (re.compile(r"\bCROSS\s+JOIN(\s+\w+(?:\s+\w+)?\s+ON)\b", re.IGNORECASE), r"JOIN\1"),
)
# A quoted string or name (SQL doubles a quote inside it), or anything else up to one.
_PIECES = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[^'\"]+")


@lru_cache(maxsize=4096)
def server_sql(sql: str) -> str:
    """``sql`` as PostgreSQL (psycopg) takes it."""
    out: list[str] = []
    for piece in _PIECES.findall(sql):
        if piece[0] in "'\"":
            out.append(piece.replace("%", "%%"))
            continue
        piece = piece.replace("%", "%%")
        for pattern, replacement in _WORDS:
            piece = pattern.sub(replacement, piece)
        out.append(piece.replace("?", "%s"))
    return "".join(out)


def dialect_sql(dialect: str, sql: str) -> str:
    return server_sql(sql) if dialect == "postgresql" else sql


def run(connection: Connection, sql: str, params: Sequence[Any] | None = None) -> CursorResult[Any]:
    """Run ``sql`` (the shared SQL, ``?`` parameters) on a SQLAlchemy connection."""
    text = dialect_sql(connection.dialect.name, sql)
    if params is None:
        return connection.exec_driver_sql(text)
    return connection.exec_driver_sql(text, tuple(params))


def run_many(connection: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """``sql`` once per row of parameters."""
    text = dialect_sql(connection.dialect.name, sql)
    connection.exec_driver_sql(text, [tuple(r) for r in rows])
