"""A server database with a förbund, an insats and a type written directly (the
shared set-up writes its change set with SQL not yet on the server in this branch),
and activities added through the store, for the offline copy's tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from app.core.attendance import Attendance
from app.core.entities import Activity, Scope
from app.store.database import Store
from app.store.query import run
from tests.server_databases import ServerDatabases


@contextmanager
def server_with_basics(server_databases: ServerDatabases) -> Iterator[Store]:
    # The database's first things written directly: the shared set-up writes its
    # change set with SQL not yet on the server in this branch.
    with server_databases.store("empty", None) as store:
        with store.file.engine.begin() as conn:
            run(conn, "INSERT INTO forbund (id, name) VALUES (1, 'Förbundet')")
            run(
                conn,
                "INSERT INTO insats (id, forbund_id, name, start_date, end_date, goals, "
                "is_current) VALUES (1, 1, 'Insatsen', '2018-01-01', '2021-12-31', '', 1)",
            )
            run(
                conn,
                "INSERT INTO activity_type (id, name, sort_order, active) VALUES "
                "(1, 'Seminarium', 0, 1)",
            )
        yield store


def add_activity(store: Store, title: str, day: date) -> Activity:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    types = store.reference.activity_types(include_inactive=True)
    return store.activities.add(
        Activity(
            id=None,
            insats_id=insats.id,
            type_id=types[0].id or 0,
            title=title,
            start=day,
            scope=Scope.LANSOVERGRIPANDE,
            kommun_id=None,
            attendance=Attendance(total=5),
        )
    )
