import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from app.core.attendance import Attendance
from app.core.entities import Activity, Insats
from app.core.setup import gavleborg_defaults
from app.core.vocabulary import Scope, Status
from app.store.database import Store
from app.store.new_database import create_database
from tests.server_databases import ServerDatabases

# Fixtures shared across folders: the in-process keyring (memory_keyring).
pytest_plugins = ("tests.memory_keyring",)

SETUP_DAY = date(2018, 1, 1)

MakeActivity = Callable[..., Activity]


def stamp_revision(path: Path, revision: str) -> None:
    """Make ``path`` look written by another Insatslogg version.

    The only raw SQL in the tests: no API writes alembic_version.
    """
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    finally:
        con.close()


@pytest.fixture(autouse=True)
def private_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test gets its own config and log folders: nothing is read from or written to
    the real user's."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("INSATSLOGG_CONFIG_DIR", str(folder))
    monkeypatch.setenv("INSATSLOGG_LOG_DIR", str(folder / "logg"))
    return folder


BACKENDS = ("sqlite", "postgresql")
# The folders of tests that run on both backends, and the mark that makes another do so.
BOTH_BACKENDS = frozenset({"store", "operations"})
BOTH = "both_backends"
# Tests of what only a file has (its checks, its backups, its locks): the file alone.
FILE_ONLY = "file_only"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{BOTH}: runs on SQLite and on PostgreSQL")
    config.addinivalue_line(
        "markers", f"{FILE_ONLY}: tests what only a database file has (run on SQLite only)"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test of the store or the operations on a database runs on both backends."""
    if "backend" not in metafunc.fixturenames:
        return
    where = Path(str(metafunc.definition.path)).parent.name
    both = where in BOTH_BACKENDS or metafunc.definition.get_closest_marker(BOTH) is not None
    if metafunc.definition.get_closest_marker(FILE_ONLY) is not None:
        both = False
    metafunc.parametrize("backend", BACKENDS if both else BACKENDS[:1])


@pytest.fixture(scope="session")
def server_databases() -> Iterator[ServerDatabases]:
    """The tests' own PostgreSQL cluster (initdb in a temporary folder, a local socket),
    started on first use and removed at the end."""
    from tests import scratch_server

    server = scratch_server.start()
    try:
        yield ServerDatabases(server)
    finally:
        server.stop()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite3"


def _store_on(request: pytest.FixtureRequest, backend: str, setup: bool) -> Iterator[Store]:
    if backend == "postgresql":
        databases: ServerDatabases = request.getfixturevalue("server_databases")
        with databases.store(
            "setup" if setup else "empty", gavleborg_defaults(SETUP_DAY) if setup else None
        ) as store:
            yield store
        return
    db_path: Path = request.getfixturevalue("db_path")
    if setup:  # the program's one set-up path
        create_database(db_path, gavleborg_defaults(SETUP_DAY))
    store = Store.open(db_path)
    yield store
    store.close()


@pytest.fixture
def backend() -> str:
    """Overridden by pytest_generate_tests where a test asks for a database: the
    store and operations tests run once on SQLite and once on PostgreSQL."""
    return "sqlite"


@pytest.fixture
def empty_store(request: pytest.FixtureRequest, backend: str) -> Iterator[Store]:
    """A migrated database with nothing in it (no förbund, no insats)."""
    yield from _store_on(request, backend, setup=False)


@pytest.fixture
def store(request: pytest.FixtureRequest, backend: str) -> Iterator[Store]:
    """A database set up with Gävleborg's defaults; its insats runs 2018–2021."""
    yield from _store_on(request, backend, setup=True)


@pytest.fixture
def insats(store: Store) -> Insats:
    current = store.reference.current_insats()
    assert current is not None and current.id is not None
    return current


@pytest.fixture
def type_ids(store: Store) -> dict[str, int]:
    return {
        t.name: t.id
        for t in store.reference.activity_types(include_inactive=True)
        if t.id is not None
    }


@pytest.fixture
def kommun_ids(store: Store, insats: Insats) -> dict[str, int]:
    assert insats.forbund_id is not None
    return {k.name: k.id for k in store.reference.kommuner(insats.forbund_id) if k.id is not None}


@pytest.fixture
def org_ids(store: Store, insats: Insats) -> dict[str, int]:
    assert insats.forbund_id is not None
    return {
        o.name: o.id for o in store.reference.organisations(insats.forbund_id) if o.id is not None
    }


@pytest.fixture
def make_activity(
    insats: Insats, type_ids: dict[str, int], kommun_ids: dict[str, int]
) -> MakeActivity:
    """Build (not store) an Activity of the current insats.

    ``where`` is a kommun name or a Scope (Länsövergripande/Nationellt).
    """

    def make(
        type_name: str = "Seminarium",
        where: str | Scope = "Gävle",
        day: date = date(2018, 3, 14),
        status: Status = Status.GENOMFORD,
        attendance: Attendance | None = None,
        *,
        title: str | None = None,
        **fields: object,
    ) -> Activity:
        if isinstance(where, Scope):
            scope, kommun_id = where, None
        else:
            scope, kommun_id = Scope.KOMMUN, kommun_ids[where]
        assert insats.id is not None
        return Activity(
            id=None,
            insats_id=insats.id,
            type_id=type_ids[type_name],
            title=title if title is not None else f"{type_name} {day.isoformat()}",
            start=day,
            scope=scope,
            kommun_id=kommun_id,
            status=status,
            attendance=attendance if attendance is not None else Attendance(),
            **fields,  # type: ignore[arg-type]
        )

    return make


@pytest.fixture
def add_activity(store: Store, make_activity: MakeActivity) -> MakeActivity:
    """Like ``make_activity`` but stores the activity and returns it as stored."""

    def add(*args: object, **kwargs: object) -> Activity:
        return store.activities.add(make_activity(*args, **kwargs))

    return add


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Gävleborg demo, built once; tests take a copy (``demo``)."""
    from app.demo.gavleborg import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    build_demo(path)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Store]:
    """A copy of the demo, open, its making already in the change log."""
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, path)
    store = Store.open(path)
    store.changes.collect()  # the demo's own making
    yield store
    store.close()
