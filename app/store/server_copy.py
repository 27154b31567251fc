"""`insatslogg copy`: the whole database from a file to a server, or back, verified.

The target must be new or empty: a file that does not exist, or a database on the
server without tables (or with Insatslogg's schema and no data in it). Its schema is
made by the migrations, then every table (the change log's included) is copied in
foreign-key order with its ids, in ONE transaction, and checked before it is committed:
each table's count and a checksum of its rows in key order must agree on both sides.

The change log's triggers are dropped on the target for the copy and made again from
the schema afterwards (change_triggers.install): the log is copied as it is, and the
copy itself is no edit in it. (PostgreSQL's ``session_replication_role`` would need a
superuser.) All or nothing: a file is written under a temporary name and given its name
only at the end; on a server a failure rolls the transaction back, the migrations'
tables with it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import DomainError
from app.store.server_location import ServerLocation

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from app.store.copy_tables import TableCopy
    from app.store.database import Store

_FILE_LEAD = "En kopia skrivs bara till en ny fil"


class TargetNotEmpty(DomainError):
    """The target already holds data: nothing was written."""


class CopyDiffers(DomainError):
    """The copy's counts or checksums did not agree: it was not kept."""


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    tables: tuple[TableCopy, ...]
    seconds: float

    def lines(self) -> list[str]:
        return [
            f"Kopierat {self.source} → {self.target} på {self.seconds:.1f} s.",
            *(t.line() for t in self.tables),
            "Alla tabeller stämmer: antal rader och kontrollsummor är lika på båda sidor.",
        ]


@contextmanager
def _reading(source: Store) -> Iterator[Connection]:
    """One consistent view of the source for the whole copy."""
    if source.server is not None:
        connection = source.file.engine.connect().execution_options(
            isolation_level="REPEATABLE READ"
        )
        try:
            with connection.begin():
                connection.exec_driver_sql("SET TRANSACTION READ ONLY")
                yield connection
        finally:
            connection.close()
        return
    from app.store.engine import make_engine

    engine = make_engine(source.path)  # BEGIN IMMEDIATE: no write gets in between
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def copy_database(source: Store, target: Path | ServerLocation) -> CopyReport:
    """Copy ``source`` whole into ``target`` (a new file or an empty server database).

    TargetNotEmpty (a FileExists for a file) with nothing written when the target holds
    data; CopyDiffers or a DomainError when the copy fails, the target as it was.
    """
    from sqlalchemy.exc import SQLAlchemyError

    started = time.perf_counter()
    name = target.label if isinstance(target, ServerLocation) else str(target)
    try:
        with _reading(source) as reading:
            if isinstance(target, ServerLocation):
                tables = _to_server(reading, target)
            else:
                tables = _to_file(reading, Path(target).expanduser())
    except SQLAlchemyError as exc:
        raise DomainError(
            f"Kopieringen till {name} misslyckades ({getattr(exc, 'orig', exc)}). "
            f"Ingenting har sparats där; {source.label} är oförändrad."
        ) from exc
    return CopyReport(source.label, name, tables, time.perf_counter() - started)


def _to_server(reading: Connection, location: ServerLocation) -> tuple[TableCopy, ...]:
    from app.store.server_database import make_server_engine
    from app.store.server_migrations import upgrade_on

    engine = make_server_engine(location)
    try:
        with engine.begin() as connection:
            tables = connection.exec_driver_sql(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema()"
            ).fetchall()
            if tables and "alembic_version" not in {str(r[0]) for r in tables}:
                raise TargetNotEmpty(
                    f"Databasen {location.label} har redan tabeller som inte är Insatsloggs. "
                    "Den har inte ändrats; välj en tom databas att kopiera till."
                )
            upgrade_on(connection)
            return _copy_into(reading, connection, location.label)
    finally:
        engine.dispose()


def _to_file(reading: Connection, path: Path) -> tuple[TableCopy, ...]:
    from app.core.atomic_file import fsync_folder
    from app.core.temp_files import temporary_name
    from app.store import migrations
    from app.store.engine import make_engine
    from app.store.file_checks import check_location, make_private
    from app.store.new_database import (
        make_self_contained,
        refuse_existing,
        rename_without_replacing,
    )

    refuse_existing(path, _FILE_LEAD)
    check_location(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    work = temporary_name(path)
    try:
        migrations.create_database(work)
        make_private(work)
        engine = make_engine(work, foreign_keys=False)
        try:
            with engine.begin() as connection:
                copied = _copy_into(reading, connection, str(path))
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise CopyDiffers(
                        f"Kopian till {path} skulle få trasiga referenser ({len(broken)} rader) "
                        "och sparades inte."
                    )
        finally:
            engine.dispose()
        make_self_contained(work)
        rename_without_replacing(work, path, _FILE_LEAD)
    finally:
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(f"{work}{extra}").unlink(missing_ok=True)
    fsync_folder(path.parent)
    return copied


def _copy_into(reading: Connection, writing: Connection, name: str) -> tuple[TableCopy, ...]:
    """Every table from ``reading`` into the migrated, empty ``writing``, checked."""
    from app.store import change_triggers, copy_tables
    from app.store.copy_tables import TableCopy

    tables = copy_tables.copied_tables()
    holding = [
        (t.name, n)
        for t in tables
        if t.name not in copy_tables.SEEDED and (n := copy_tables.count(writing, t))
    ]
    if holding:
        shown = ", ".join(f"{copy_tables.label(t)} ({n})" for t, n in holding[:5])
        raise TargetNotEmpty(
            f"{name} innehåller redan data: {shown}. En kopia skrivs bara till en tom "
            "databas, så den har inte ändrats."
        )
    copy_tables.drop_change_triggers(writing)
    for t in reversed(tables):
        if t.name in copy_tables.SEEDED:
            copy_tables.clear(writing, t)
    sums: list[tuple[str, int, str]] = []
    for t in tables:
        rows = copy_tables.read_rows(reading, t)
        copy_tables.write_rows(writing, t, rows)
        sums.append((t.name, len(rows), copy_tables.checksum(rows)))
    copy_tables.advance_sequences(writing, tables)
    change_triggers.install(writing)
    copied = tuple(
        TableCopy(
            table,
            rows,
            copy_tables.count(writing, t),
            digest,
            copy_tables.checksum(copy_tables.read_rows(writing, t)),
        )
        for (table, rows, digest), t in zip(sums, tables, strict=True)
    )
    differ = [c for c in copied if not c.agrees]
    if differ:
        raise CopyDiffers(
            f"Kopian till {name} stämmer inte med originalet ("
            + "; ".join(c.line() for c in differ)
            + "). Den sparades inte."
        )
    return copied
