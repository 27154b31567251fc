"""Two programs on one database (issue 16, colleagues' changes shown live): the
window's Store and a colleague's, on SQLite (one file) or on the tests' server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from app.core.attendance import Attendance
from app.core.entities import Activity
from app.core.setup import gavleborg_defaults
from app.core.vocabulary import Scope, Status
from app.store.database import Store
from app.store.new_database import create_database, set_up
from tests.conftest import SETUP_DAY
from tests.server_databases import ServerDatabases


@contextmanager
def set_up_store(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[Store]:
    """A database set up with Gävleborg's defaults, its change log collected."""
    if backend == "sqlite":
        path = tmp_path / "delad.sqlite3"
        create_database(path, gavleborg_defaults(SETUP_DAY))
        store = Store.open(path)
    else:
        databases: ServerDatabases = request.getfixturevalue("server_databases")
        location = databases.new()
        store = Store.open_server(location)
        set_up(store, gavleborg_defaults(SETUP_DAY))  # the program's one set-up path
    try:
        yield store
    finally:
        store.close()
        if store.server is not None:
            databases.drop(store.server)


def an_activity(store: Store, title: str, day: date = date(2018, 3, 14)) -> Activity:
    """A held seminar in Gävle of the current insats (built, not stored)."""
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None and insats.forbund_id is not None
    types = {t.name: t.id for t in store.reference.activity_types()}
    kommuner = {k.name: k.id for k in store.reference.kommuner(insats.forbund_id)}
    type_id, kommun_id = types["Seminarium"], kommuner["Gävle"]
    assert type_id is not None and kommun_id is not None
    return Activity(
        id=None,
        insats_id=insats.id,
        type_id=type_id,
        title=title,
        start=day,
        scope=Scope.KOMMUN,
        kommun_id=kommun_id,
        status=Status.GENOMFORD,
        attendance=Attendance(total=12),
    )


def colleague_of(store: Store) -> Store:
    """Another program's Store on the same database."""
    return Store(store.server) if store.server is not None else Store(store.path)
