"""One database file, reached two ways.

Reads use the standard library's sqlite3 directly: they are what the first
screen needs, and importing SQLAlchemy alone takes longer than the whole
start-up budget. Writes go through SQLAlchemy, whose engine is made on first use.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine


CHECKPOINT_WAIT = 0.2  # seconds: do not keep the window waiting for another's reader


def checkpoint(path: Path) -> bool:
    """``PRAGMA wal_checkpoint(TRUNCATE)`` on ``path``: every page of the -wal written into
    the database file and the -wal emptied. False when a reader kept it from finishing."""
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=CHECKPOINT_WAIT)
    try:
        busy, _, _ = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:  # locked by a writer for longer than the wait
        return False
    finally:
        con.close()
    return not busy


class DatabaseFile:
    dialect = "sqlite"
    writer: str | None = None  # one program writes the file: its rows are unnamed
    open_set: int | None = None  # the file's open set is its change_current row

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine: Engine | None = None
        self._open = threading.local()
        # Transactions committed through this file's engine: a backup on close is only
        # needed when something was written.
        self.commits = 0
        # An erasure's checkpoint that a reader kept from finishing: tried again at close.
        self.checkpoint_owed = False
        self._version_con: sqlite3.Connection | None = None
        self._version_lock = threading.Lock()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A short-lived connection that sees every committed write and cannot write.

        Nested reads in the same thread share the outermost one's connection (and so
        one consistent snapshot when the outer caller reads in a transaction).
        """
        current: sqlite3.Connection | None = getattr(self._open, "con", None)
        if current is not None:
            yield current
            return
        # mode=rw: a file that has gone missing is an error, not a new empty database.
        con = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True, timeout=5.0)
        self._open.con = con
        try:
            con.execute("PRAGMA query_only = ON")
            con.execute("PRAGMA secure_delete = ON")
            yield con
        finally:
            self._open.con = None
            con.close()

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """One connection and one consistent snapshot for every read inside (the
        caller's own, when it already has one; a snapshot begun here ends here)."""
        with self.read() as con:
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

            from app.store.change_triggers import close_left_open
            from app.store.engine import make_engine

            engine = make_engine(self.path)
            close_left_open(engine)
            event.listen(engine, "commit", self._count_commit)
            self._engine = engine
        return self._engine

    def _count_commit(self, _connection: object) -> None:
        self.commits += 1

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database file and empty it, so that what an
        erasure overwrote is gone from the -wal too. Returns whether it could be done.

        A program still reading an older state keeps the -wal's old pages alive; the
        checkpoint is then owed and tried again at close (and at the next start).
        """
        done = checkpoint(self.path)
        self.checkpoint_owed = not done
        return done

    def data_version(self) -> int:
        """``PRAGMA data_version`` on a connection kept for it: it changes whenever
        another connection (this program's writes too) commits to the file."""
        with self._version_lock:
            if self._version_con is None:
                uri = f"{self.path.resolve().as_uri()}?mode=rw"
                self._version_con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            (version,) = self._version_con.execute("PRAGMA data_version").fetchone()
            return int(version)

    def outside_version(self) -> int:
        """Always 0: only one program opens a file (app.store.instance_lock), so every
        change to it is this program's own."""
        return 0

    def dispose(self) -> None:
        with self._version_lock:
            if self._version_con is not None:
                self._version_con.close()
                self._version_con = None
        if self.checkpoint_owed and self._engine is not None:
            self.checkpoint()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
