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
    from sqlalchemy import Engine

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
        # This Store's own id in the change log, and its open set (app.store.server_writer).
        self.writer: str | None = uuid.uuid4().hex
        self.open_set: int | None = None

    def _connection(self) -> ServerConnection:
        con: ServerConnection | None = getattr(self._local, "con", None)
        if con is None or con.closed:
            import psycopg

            from app.store.server_reads import ServerConnection, adapt_numbers

            raw = psycopg.connect(self.location.url, autocommit=True, **connect_args(self.location))
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
            self._engine = engine
        return self._engine

    def _count_commit(self, _connection: object) -> None:
        self.commits += 1

    def checkpoint(self) -> bool:
        """Nothing to fold in: the server writes its own log."""
        return True

    def dispose(self) -> None:
        for con in self._connections:
            if not con.closed:
                con.close()
        self._connections.clear()
        self._local = threading.local()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
