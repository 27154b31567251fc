"""copy_database: a file to a server and back, value for value; a target with data is
refused; a copy that fails half-way leaves the target as it was."""

from __future__ import annotations

import dataclasses
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy.exc import OperationalError

from app.store import copy_tables
from app.store.copy_tables import TableCopy
from app.store.database import Store
from app.store.new_database import FileExists
from app.store.server_copy import CopyDiffers, TargetNotEmpty, copy_database
from app.store.server_location import ServerLocation
from tests.conftest import SETUP_DAY
from tests.server_databases import ServerDatabases
from tests.store.copied_rows import file_rows, server_rows, server_tables


@pytest.fixture
def fresh_server(server_databases: ServerDatabases) -> Iterator[ServerLocation]:
    """A new database on the server, without tables."""
    location = server_databases.new()
    yield location
    server_databases.drop(location)


def _summaries(store: Store) -> list[str]:
    """Every year's summary as JSON, in its order (the delregioner's included)."""
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    years = store.activities.years(insats.id)
    assert years
    return [
        json.dumps(store.summaries.year_summary(insats.id, y, SETUP_DAY).to_dict(), default=str)
        for y in years
    ]


def test_demo_round_trip_file_server_file(
    demo: Store, fresh_server: ServerLocation, tmp_path: Path
) -> None:
    source_rows = file_rows(demo.path)
    to_server = copy_database(demo, fresh_server)
    on_server = server_rows(fresh_server)
    assert on_server == source_rows  # every table, every row, value for value

    # The report names every table with its rows on both sides, as they are.
    shown = {t.name: (t.source_rows, t.target_rows) for t in to_server.tables}
    assert set(shown) == set(source_rows) and shown["activity"][0] > 0
    assert shown == {n: (len(r), len(r)) for n, r in source_rows.items()}
    assert f"aktiviteter: {len(source_rows['activity'])} = {len(source_rows['activity'])}" in (
        to_server.lines()
    )

    server = Store.open_server(fresh_server)
    back = tmp_path / "tillbaka.sqlite3"
    try:
        copy_database(server, back)
        assert file_rows(back) == source_rows
        returned = Store.open(back)
        try:
            assert _summaries(returned) == _summaries(demo)
        finally:
            returned.close()
        # The copy is no edit of its own; the copied server takes new records and logs them.
        assert server.changes.pending() == demo.changes.pending() == 0
        ids = [dict(r)["id"] for r in source_rows["activity"]]
        first = server.activities.get(min(ids))
        added = server.activities.add(dataclasses.replace(first, id=None, title="Efter kopian"))
        assert added.id is not None and added.id > max(ids)
        assert server.changes.pending() > 0
    finally:
        server.close()


def test_a_target_with_data_is_refused_and_unchanged(
    demo: Store, fresh_server: ServerLocation, tmp_path: Path
) -> None:
    copy_database(demo, fresh_server)
    before = server_rows(fresh_server)
    with pytest.raises(TargetNotEmpty, match="innehåller redan data: .*har inte ändrats"):
        copy_database(demo, fresh_server)
    assert server_rows(fresh_server) == before

    existing = tmp_path / "finns.sqlite3"
    existing.write_bytes(b"other content")
    with pytest.raises(FileExists, match="finns redan"):
        copy_database(demo, existing)
    assert existing.read_bytes() == b"other content"


def test_a_server_database_of_something_else_is_refused(
    demo: Store, fresh_server: ServerLocation
) -> None:
    with psycopg.connect(fresh_server.url, autocommit=True) as con:
        con.execute("CREATE TABLE kunder (id integer PRIMARY KEY, namn text)")
        con.execute("INSERT INTO kunder VALUES (1, 'Anna')")
    with pytest.raises(TargetNotEmpty, match="tabeller som inte är Insatsloggs"):
        copy_database(demo, fresh_server)
    assert server_tables(fresh_server) == ["kunder"]
    assert server_rows(fresh_server) == {"kunder": [(("id", 1), ("namn", "Anna"))]}


def test_an_empty_insatslogg_schema_is_a_target(demo: Store, fresh_server: ServerLocation) -> None:
    Store.open_server(fresh_server).close()  # migrated, nothing in it
    copy_database(demo, fresh_server)
    assert server_rows(fresh_server) == file_rows(demo.path)


def _fail_after(monkeypatch: pytest.MonkeyPatch, tables: int) -> list[str]:
    """The connection breaks while the copy writes its ``tables``+1:th table."""
    written: list[str] = []
    write = copy_tables.write_rows

    def failing(connection: Any, t: Any, rows: Any) -> None:
        if len(written) == tables:
            raise OperationalError("INSERT", {}, Exception("anslutningen bröts"))
        write(connection, t, rows)
        written.append(t.name)

    monkeypatch.setattr(copy_tables, "write_rows", failing)
    return written


def test_a_copy_failing_half_way_leaves_the_target_as_it_was(
    demo: Store,
    server_databases: ServerDatabases,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed = random.randrange(1_000_000)
    print(f"seed {seed}")
    rng = random.Random(seed)
    total = len(copy_tables.copied_tables())
    source = file_rows(demo.path)

    fresh = server_databases.new()
    migrated = server_databases.new()
    try:
        Store.open_server(migrated).close()
        empty_schema = server_rows(migrated)
        for target, before_tables in ((fresh, []), (migrated, server_tables(migrated))):
            written = _fail_after(monkeypatch, rng.randrange(1, total))
            with pytest.raises(Exception, match="anslutningen bröts.*Ingenting har sparats"):
                copy_database(demo, target)
            assert written  # it failed half-way, with tables already written
            assert server_tables(target) == before_tables
            monkeypatch.undo()
        assert server_rows(migrated) == empty_schema
        # What was left is still a target, its change log's triggers in place.
        copy_database(demo, migrated)
        assert server_rows(migrated) == source
        copied = Store.open_server(migrated)
        try:
            first = copied.activities.get(1)
            copied.activities.update(dataclasses.replace(first, title="Ändrad"))
            assert copied.changes.pending() > 0
        finally:
            copied.close()
    finally:
        server_databases.drop(fresh)
        server_databases.drop(migrated)

    folder = tmp_path / "mål"
    folder.mkdir()
    _fail_after(monkeypatch, rng.randrange(1, total))
    with pytest.raises(Exception, match="anslutningen bröts"):
        copy_database(demo, folder / "kopia.sqlite3")
    assert list(folder.iterdir()) == []  # no file, not even a temporary one


def test_the_server_copy_sums_up_as_the_file(demo: Store, fresh_server: ServerLocation) -> None:
    """The year summaries read on the server equal the file's, year by year."""
    copy_database(demo, fresh_server)
    server = Store.open_server(fresh_server)
    try:
        assert _summaries(server) == _summaries(demo)
    finally:
        server.close()


def test_a_table_that_differs_is_named() -> None:
    """What the report says of a table whose copy does not agree with the original."""
    lost = TableCopy("activity", 3, 2, "a", "b")
    changed = TableCopy("kommun", 3, 3, "a", "b")
    same = TableCopy("kommun", 3, 3, "a", "a")
    assert not lost.agrees and not changed.agrees and same.agrees
    assert lost.line() == "aktiviteter: 3 ≠ 2  (innehållet skiljer sig)"
    assert changed.line() == "kommuner: 3 = 3  (innehållet skiljer sig)"
    assert same.line() == "kommuner: 3 = 3"


def test_every_table_has_a_swedish_name() -> None:
    assert {t.name for t in copy_tables.copied_tables()} == set(copy_tables.LABELS)


def test_a_copy_that_does_not_agree_is_not_kept(
    demo: Store,
    fresh_server: ServerLocation,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A row lost on the way (the writer drops the last of a table) is caught by the
    count, named, and the copy rolled back: the server database has no tables again, and
    no file is made."""
    seed = random.randrange(1_000_000)
    print(f"seed {seed}")
    source = file_rows(demo.path)
    # A table no other refers to: a lost parent row would break a reference first.
    referred = {fk.column.table.name for t in copy_tables.copied_tables() for fk in t.foreign_keys}
    table = random.Random(seed).choice(
        sorted(n for n, rows in source.items() if rows and n not in referred)
    )
    write = copy_tables.write_rows

    def losing(connection: Any, t: Any, rows: Any) -> None:
        write(connection, t, rows[:-1] if t.name == table else rows)

    monkeypatch.setattr(copy_tables, "write_rows", losing)
    n = len(source[table])
    shown = f"{copy_tables.label(table)}: {n} ≠ {n - 1}"
    with pytest.raises(CopyDiffers, match=re.escape(f"stämmer inte med originalet ({shown}")):
        copy_database(demo, fresh_server)
    assert server_tables(fresh_server) == []
    folder = tmp_path / "mål"
    folder.mkdir()
    with pytest.raises(CopyDiffers, match=re.escape(f"({shown}")):
        copy_database(demo, folder / "kopia.sqlite3")
    assert list(folder.iterdir()) == []
