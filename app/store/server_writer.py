"""Each Store's own id on its server connections, and its open change set.

Every connection of a ServerDatabase's engine says, as it is made, which Store it
writes for (``insatslogg.writer``); the change triggers write it into
``change_row.writer``, so a Store collects its own rows only. While the Store has a set
open (ChangeLog.recording), each transaction it begins names that set in a
transaction-local setting, which the triggers read (app.store.change_backend).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, event

from app.store.change_backend import SET_SETTING, WRITER_SETTING
from app.store.database_protocol import Database


def attach(engine: Engine, db: Database) -> None:
    writer = db.writer

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, false)", (WRITER_SETTING, writer))
        dbapi_connection.commit()  # a session setting, kept past this first transaction

    def on_begin(connection: Connection) -> None:
        if db.open_set is not None:
            connection.exec_driver_sql(
                "SELECT set_config(%s, %s, true)", (SET_SETTING, str(db.open_set))
            )

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
