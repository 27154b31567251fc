"""An offline copy: a SQLite file taken from a server database, and its base.

The copy is ``insatslogg copy``'s (app.store.server_copy: every table, verified count
by count, made under a temporary name), with the server's change log left out: the
copy's own log starts empty. It is stamped in ``setting`` (``offline.origin``: the
server's URL without password, the database and the time) and carries its base in a
table only offline copies have, ``offline_base``, made by this module (not by a
migration): per record (every table with ``id`` and ``version``) its id here, its id
on the server, and its version and digest on both sides as they were when taken (or
last merged). The digest is of the record's values with its references written as
server ids and its links (named participants, coorganisers, regions) as part of it,
so a change on either side shows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, select

from app.core.errors import DomainError
from app.store.copy_tables import copied_tables
from app.store.database import Store
from app.store.new_database import refuse_existing
from app.store.offline_origin import BASE_TABLE, ORIGIN_KEY, Origin, origin_of
from app.store.query import run
from app.store.server_copy import copy_database

__all__ = ["BASE_TABLE", "ORIGIN_KEY", "Origin", "origin_of"]

# A record's links: (link table, its column naming the record), read as part of it.
LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "activity": (("activity_participant", "activity_id"), ("activity_coorganiser", "activity_id")),
    "county_stats": (("county_stats_region", "stats_id"),),
}
LINK_TABLES = frozenset(t for links in LINKS.values() for t, _ in links)

Key = tuple[str, int]  # (table, id)


def tables() -> list[Table]:
    return copied_tables()


def record_tables() -> list[Table]:
    """The tables merged record by record, parents first."""
    return [t for t in tables() if "id" in t.c and "version" in t.c]


def column_names(table: Table) -> list[str]:
    return [column.name for column in table.columns]


def references(table: Table) -> dict[str, str]:
    """Column → the record table it refers to."""
    return {f.parent.name: f.column.table.name for f in table.foreign_keys}


@dataclass(frozen=True)
class BaseEntry:
    copy_id: int
    server_id: int | None
    copy_version: int | None
    copy_digest: str | None
    server_version: int | None
    server_digest: str | None


@dataclass(frozen=True)
class RecordState:
    """A record as one side holds it: its values, links and digest."""

    values: dict[str, Any]
    links: dict[str, list[list[Any]]]
    digest: str

    @property
    def version(self) -> int:
        return int(self.values["version"])


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def read_side(conn: Connection, to_server: dict[Key, int | str]) -> dict[Key, RecordState]:
    """Every record of the database behind ``conn``; references written through
    ``to_server`` (a copy's id → server id; absent: the id as it is)."""
    link_rows: dict[str, dict[int, list[list[Any]]]] = {}
    for table in tables():
        if table.name not in LINK_TABLES:
            continue
        parent = next(p for links in LINKS.values() for t, p in links if t == table.name)
        refs = references(table)
        per: dict[int, list[list[Any]]] = {}
        for row in conn.execute(select(table)).mappings():
            own = int(row[parent])
            item = [
                to_server.get((refs[c], row[c]), row[c]) if c in refs else _plain(row[c])
                for c in column_names(table)
                if c != parent
            ]
            per.setdefault(own, []).append(item)
        link_rows[table.name] = per
    states: dict[Key, RecordState] = {}
    for table in record_tables():
        refs = references(table)
        for row in conn.execute(select(table)).mappings():
            values = {c: _plain(row[c]) for c in column_names(table)}
            mapped = {
                c: (to_server.get((refs[c], v), v) if c in refs and v is not None else v)
                for c, v in values.items()
                if c not in ("id", "version")
            }
            links = {
                link: sorted(link_rows[link].get(int(row["id"]), []), key=json.dumps)
                for link, _ in LINKS.get(table.name, ())
            }
            text = json.dumps([mapped, links], sort_keys=True, default=str)
            digest = hashlib.sha1(text.encode()).hexdigest()
            states[(table.name, int(row["id"]))] = RecordState(values, links, digest)
    return states


def _create_base(conn: Connection) -> None:
    run(
        conn,
        f"CREATE TABLE {BASE_TABLE} (table_name TEXT NOT NULL, id INTEGER NOT NULL, "
        "server_id INTEGER, copy_version INTEGER, copy_digest TEXT, server_version INTEGER, "
        "server_digest TEXT, PRIMARY KEY (table_name, id))",
    )


def write_base(conn: Connection, entries: Iterable[tuple[str, BaseEntry]]) -> None:
    run(conn, f"DELETE FROM {BASE_TABLE}")
    rows = [
        (
            t,
            e.copy_id,
            e.server_id,
            e.copy_version,
            e.copy_digest,
            e.server_version,
            e.server_digest,
        )
        for t, e in entries
    ]
    for row in rows:
        run(conn, f"INSERT INTO {BASE_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?)", row)


def read_base(copy: Store) -> dict[Key, BaseEntry]:
    with copy.file.read() as con:
        rows = con.execute(
            "SELECT table_name, id, server_id, copy_version, copy_digest, server_version, "
            f"server_digest FROM {BASE_TABLE}"
        ).fetchall()
    return {(str(r[0]), int(r[1])): BaseEntry(*r[1:]) for r in rows}


def take_offline_copy(server: Store, target: Path) -> Origin:
    """Copy the server database ``server`` into the new file ``target``, with its base.

    An existing target is refused (nothing written); a failed copy leaves no file.
    """
    if server.server is None:
        raise DomainError("En offlinekopia tas från en databas på en server, inte från en fil.")
    target = Path(target).expanduser()
    refuse_existing(target, "En offlinekopia sparas bara i en ny fil")
    origin = Origin(
        server.server.url, server.server.database, datetime.now().isoformat(timespec="seconds")
    )
    copy_database(server, target)
    copy = Store.open(target)
    try:
        with copy.file.engine.begin() as conn:
            # The copy holds the server's records as they were copied: their state is
            # the base on both sides.
            states = read_side(conn, {})
            run(conn, "DELETE FROM change_row")
            run(conn, "DELETE FROM change_set")
            run(conn, "DELETE FROM pending_backup_erasure")
            _create_base(conn)
            write_base(conn, (_entry(key, s, s) for key, s in states.items()))
            stamp = json.dumps(origin.__dict__, ensure_ascii=False)
            run(conn, "DELETE FROM setting WHERE key = ?", (ORIGIN_KEY,))
            run(conn, "INSERT INTO setting (key, value) VALUES (?, ?)", (ORIGIN_KEY, stamp))
    except BaseException:
        copy.close()
        target.unlink(missing_ok=True)
        raise
    copy.close()
    return origin


def _entry(key: Key, mine: RecordState | None, theirs: RecordState | None) -> tuple[str, BaseEntry]:
    return key[0], BaseEntry(
        key[1],
        key[1],
        None if mine is None else mine.version,
        None if mine is None else mine.digest,
        None if theirs is None else theirs.version,
        None if theirs is None else theirs.digest,
    )
