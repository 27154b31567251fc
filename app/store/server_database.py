"""A database on a PostgreSQL server, reached the same two ways as the file.

Reads go through one psycopg connection per thread, kept open and in autocommit (each
read sees every committed write, also a colleague's); writes through a SQLAlchemy
engine on the same server. Both take the store's one SQL (app.store.query).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from app.store.server_location import ServerLocation

if TYPE_CHECKING:
    import psycopg
    from sqlalchemy import Engine

    from app.store.change_notices import ChangeNotices
    from app.store.server_reads import ServerConnection

APPLICATION_NAME = "Insatslogg"


def connect_args(location: ServerLocation) -> dict[str, Any]:
    args: dict[str, Any] = {"application_name": APPLICATION_NAME, "connect_timeout": 10}
    password = location.password()
    if password is not None:
        args["password"] = password
    return args


def make_server_engine(location: ServerLocation) -> Engine:
    from sqlalchemy import create_engine

    from app.store.server_types import store_as_sqlite

    engine = create_engine(
        location.engine_url, connect_args=connect_args(location), pool_pre_ping=True
    )
    store_as_sqlite(engine)
    return engine


class ServerDatabase:
    dialect = "postgresql"
    path = None  # not a file: no file checks, no file backups

    def __init__(self, location: ServerLocation) -> None:
        self.location = location
        self._engine: Engine | None = None
        self._local = threading.local()
        self._connections: list[ServerConnection] = []
        self.commits = 0
        self.checkpoint_owed = False
        self._notices: ChangeNotices | None = None
        # This Store's own id in the change log, and its open set (app.store.server_writer).
        self.writer: str | None = uuid.uuid4().hex
        self.open_set: int | None = None

    def _connect(self) -> psycopg.Connection[Any]:
        import psycopg

        return psycopg.connect(self.location.url, autocommit=True, **connect_args(self.location))

    def _connection(self) -> ServerConnection:
        con: ServerConnection | None = getattr(self._local, "con", None)
        if con is None or con.closed:
            from app.store.server_reads import ServerConnection, adapt_numbers

            raw = self._connect()
            raw.execute("SET default_transaction_read_only = on")
            adapt_numbers(raw)
            con = ServerConnection(raw)
            self._local.con = con
            self._connections.append(con)
        return con

    @contextmanager
    def read(self) -> Iterator[Any]:
        yield self._connection()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        con = self._connection()
        began = not con.in_transaction
        if began:
            con.execute("BEGIN")
        try:
            yield
        finally:
            if began:
                con.execute("ROLLBACK")

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from sqlalchemy import event

            from app.store import server_writer

            engine = make_server_engine(self.location)
            server_writer.attach(engine, self)
            event.listen(engine, "commit", self._count_commit)
            event.listen(engine, "connect", self._own_connection)
            self._engine = engine
        return self._engine

    def _own_connection(self, dbapi_connection: Any, _record: object) -> None:
        self._change_notices().own.add(int(dbapi_connection.info.backend_pid))

    def _change_notices(self) -> ChangeNotices:
        if self._notices is None:
            from app.store.change_notices import ChangeNotices

            self._notices = ChangeNotices(self._connect)
        return self._notices

    def data_version(self) -> int:
        """Changes whenever a write to the database is committed, this store's or
        another's, since the first call (the server's notices: no query)."""
        notices = self._change_notices()
        notices.read()
        return notices.all

    def outside_version(self) -> int:
        """Changes only when another program (a colleague) commits a write."""
        notices = self._change_notices()
        notices.read()
        return notices.outside

    def _count_commit(self, _connection: object) -> None:
        self.commits += 1

    def written_version(self) -> int:
        """A stamp that changes whenever anyone (this program, a colleague, a command)
        has committed a change to the records, read with one small query: for what must
        see this store's own write at once (the search's cache), where data_version's
        notices arrive just after the commit. Every write of a record table leaves a row
        in change_row (app.store.server_triggers): the highest committed row's id (not
        the sequence's last value, which a colleague's transaction moves on before it
        commits), plus the count of change sets, which an undo's bookkeeping changes."""
        with self.read() as con:
            row, sets = con.execute(
                "SELECT (SELECT coalesce(max(id), 0) FROM change_row), "
                "(SELECT count(*) FROM change_set)"
            ).fetchone()
        return int(row) + int(sets)

    def checkpoint(self) -> bool:
        """Nothing to fold in: the server writes its own log."""
        return True

    def dispose(self) -> None:
        for con in self._connections:
            if not con.closed:
                con.close()
        self._connections.clear()
        if self._notices is not None:
            self._notices.close()
            self._notices = None
        self._local = threading.local()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
