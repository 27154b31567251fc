"""A server database set up the program's way (Gävleborg's defaults, insats 2018–2021),
and activities added through the store, for the offline copy's tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from app.core.attendance import Attendance
from app.core.entities import Activity, Scope
from app.core.setup import gavleborg_defaults
from app.store.database import Store
from tests.conftest import SETUP_DAY
from tests.server_databases import ServerDatabases


@contextmanager
def server_with_basics(server_databases: ServerDatabases) -> Iterator[Store]:
    with server_databases.store("setup", gavleborg_defaults(SETUP_DAY)) as store:
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
