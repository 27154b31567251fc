"""What the repositories need of a database, a file (app.store.database_file) or a
server (app.store.server_database): the same reads, writes and snapshot on both."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlalchemy import Engine


class Database(Protocol):
    dialect: str
    commits: int
    checkpoint_owed: bool
    # The change log's: who writes (a server's Store, None in a file) and the set this
    # Store has open on a server (app.store.change_backend).
    writer: str | None
    open_set: int | None

    @property
    def path(self) -> Path | None: ...

    def read(self) -> AbstractContextManager[Any]:
        """A connection that sees every committed write (sqlite3's calls, both backends)."""
        ...

    def snapshot(self) -> AbstractContextManager[None]: ...

    @property
    def engine(self) -> Engine: ...

    def checkpoint(self) -> bool: ...

    def data_version(self) -> int:
        """A stamp that changes when a write is committed (by anyone): cheap to ask."""
        ...

    def outside_version(self) -> int:
        """A stamp that changes only when another program commits a write."""
        ...

    def dispose(self) -> None: ...
