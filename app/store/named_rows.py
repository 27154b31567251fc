"""Reading plain-SQL rows by column name, never by position, and an activity's counts
from such a row (the columns named as on the ``activity`` table, store.columns)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from app.core.attendance import Attendance
from app.core.vocabulary import OrgCategory, Role
from app.store.columns import COUNT_COLUMNS, ORG_COLUMNS, ROLE_COLUMNS

_ORGS = tuple((OrgCategory(k), column) for k, column in ORG_COLUMNS.items())
_ROLES = tuple((Role(k), column) for k, column in ROLE_COLUMNS.items())


def named_rows(con: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> Iterator[sqlite3.Row]:
    """The rows of ``sql``, each read by column name (the connection is left as it is)."""
    cursor = con.cursor()
    cursor.row_factory = sqlite3.Row
    return iter(cursor.execute(sql, params))


def count_columns(prefix: str, summed: bool = False) -> str:
    """The count columns for a SELECT, each under its own name: ``a.women AS women``, or
    with ``summed`` ``sum(a.women) AS women``."""
    if summed:
        return ", ".join(f"sum({prefix}{c}) AS {c}" for c in COUNT_COLUMNS)
    return ", ".join(f"{prefix}{c} AS {c}" for c in COUNT_COLUMNS)


def attendance_of(row: sqlite3.Row) -> Attendance:
    """The counts of a row selected with ``count_columns``."""
    return Attendance(
        row["participants"],
        {category: row[column] for category, column in _ORGS},
        {role: row[column] for role, column in _ROLES},
        row["women"],
        row["men"],
    )
