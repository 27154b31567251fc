"""What the change log does differently on SQLite and on PostgreSQL, in one place.

The log's SQL is written once (app.store.query); what differs is how a set is opened
and who wrote a row. In the file, the open set is the one row of ``change_current``
and every row's writer is NULL (one program writes the file at a time). On a server
several users write at once: each Store's engine connections carry the Store's own id
(``insatslogg.writer``, set on connect, app.store.server_writer) and the open set is
a transaction-local setting (``insatslogg.set_id``) that the triggers read
(app.store.server_triggers), so no colleague's rows end up in my set and no set of
mine in a colleague's.

Undo writes rows back in the reverse order of the set, which foreign keys may not
allow until the end: SQLite defers them with ``PRAGMA defer_foreign_keys``; on
PostgreSQL every foreign key is made DEFERRABLE INITIALLY IMMEDIATE after each
migration (server_triggers.install) and the undo says ``SET CONSTRAINTS ALL DEFERRED``.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from app.store.database_protocol import Database
from app.store.query import run

if TYPE_CHECKING:
    from sqlalchemy import Connection

SET_SETTING = "insatslogg.set_id"
WRITER_SETTING = "insatslogg.writer"


def computer_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (a container, a service)
        return "okänd användare"


def _server(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def log_user(conn: Connection) -> str:
    """Who the log names: the database user on a server, the computer's user in a file."""
    if _server(conn):
        return str(run(conn, "SELECT current_user").scalar())
    return computer_user()


def open_set(
    conn: Connection, db: Database, set_id: int | None, *, transaction: bool = False
) -> None:
    """Rows written from now on belong to ``set_id`` (None: to no set, to be collected).

    In the file for every writer until closed; on a server for this store's
    transactions only: this one (``transaction``), or each one it begins from now on.
    """
    if not _server(conn):
        run(conn, "UPDATE change_current SET set_id = ? WHERE id = 1", (set_id,))
        return
    if transaction:
        value = "" if set_id is None else str(set_id)
        run(conn, "SELECT set_config(?, ?, true)", (SET_SETTING, value))
    else:
        db.open_set = set_id


def defer_foreign_keys(conn: Connection) -> None:
    """Foreign keys checked at commit, not at each statement, in this transaction."""
    if _server(conn):
        run(conn, "SET CONSTRAINTS ALL DEFERRED")
    else:
        run(conn, "PRAGMA defer_foreign_keys = ON")


def key_columns(conn: Connection, table: str) -> list[str]:
    """The table's primary key columns in key order (SQLite's rowid when it has none)."""
    from sqlalchemy import inspect

    found = inspect(conn).get_pk_constraint(table)["constrained_columns"]
    return [str(c) for c in found] or ["rowid"]


def has_table(conn: Connection, table: str) -> bool:
    from sqlalchemy import inspect

    return bool(inspect(conn).has_table(table))
