"""The same stored values on PostgreSQL as in the SQLite file.

Every read is plain SQL that runs on both backends (app.store.query), so a value must
look the same on both: a date is the text ``YYYY-MM-DD`` and a yes/no the integer 0 or
1, as SQLAlchemy stores them in SQLite. On PostgreSQL the DDL therefore makes DATE
columns VARCHAR(10) and BOOLEAN columns SMALLINT, and the engine binds and reads them
as SQLite's dialect does. Comparing,
sorting and ``substr`` on a date then mean the same on both, a copy between them is
value for value, and the change log's JSON of a row is the same.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Date, Engine
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import sqltypes
from sqlalchemy.sql.elements import False_, True_


@compiles(Date, "postgresql")
def _date_ddl(_type: Any, _compiler: Any, **_kw: Any) -> str:
    return "VARCHAR(10)"


@compiles(Boolean, "postgresql")
def _boolean_ddl(_type: Any, _compiler: Any, **_kw: Any) -> str:
    return "SMALLINT"


@compiles(True_, "postgresql")
def _true(element: Any, compiler: Any, **kw: Any) -> str:
    """1 on the store's engine (no native booleans, see store_as_sqlite); ``true`` on any
    other, whose own queries (the dialect's reflection of pg_catalog) compare booleans."""
    return (
        "1" if not compiler.dialect.supports_native_boolean else compiler.visit_true(element, **kw)
    )


@compiles(False_, "postgresql")
def _false(element: Any, compiler: Any, **kw: Any) -> str:
    return (
        "0" if not compiler.dialect.supports_native_boolean else compiler.visit_false(element, **kw)
    )


class _IntegerBoolean(sqltypes.Boolean):
    """A yes/no stored as 0 or 1 (as in SQLite), read back as a bool."""

    def bind_processor(self, dialect: Any) -> Any:
        def process(value: Any) -> int | None:
            return None if value is None else int(bool(value))

        return process

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        def process(value: Any) -> bool | None:
            return None if value is None else bool(value)

        return process


def store_as_sqlite(engine: Engine) -> None:
    """Bind and read dates and yes/no on ``engine`` (PostgreSQL) as in SQLite."""
    dialect = engine.dialect
    dialect.colspecs = {
        **dialect.colspecs,
        sqltypes.Date: sqlite.DATE,
        sqltypes.Boolean: _IntegerBoolean,
    }
    # No native booleans: a comparison with true()/false() is one with 1/0.
    dialect.supports_native_boolean = False
