"""Bringing a database on a PostgreSQL server to the newest schema: the same Alembic
migrations as the file, in one transaction, one client at a time.

The server's own backups stand behind an upgrade there (the IT department's, see the
README); a copy with pg_dump can be taken from Arkiv first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import db
from app.core.errors import DomainError
from app.store.schema_versions import known_revisions
from app.store.server_location import ServerLocation

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Any number, the same in every client: two starting at once upgrade one after the other.
_UPGRADE_LOCK = 0x1A5A7510


def _revision(connection: Connection) -> str | None:
    exists = connection.exec_driver_sql(
        "SELECT to_regclass('alembic_version') IS NOT NULL"
    ).scalar()
    if not exists:
        return None
    found = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return None if found is None else str(found)


def server_revision(location: ServerLocation) -> str | None:
    from app.store.server_database import make_server_engine

    engine = make_server_engine(location)
    try:
        with engine.connect() as connection:
            return _revision(connection)
    finally:
        engine.dispose()


def upgrade_server(location: ServerLocation) -> bool:
    """Apply any missing migrations on the server; True when something was applied.

    A database stamped by a newer Insatslogg is refused; a failed migration leaves the
    database as it was (PostgreSQL runs DDL in the transaction) and is a DomainError.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from app.store.server_database import make_server_engine

    engine = make_server_engine(location)
    try:
        with engine.begin() as connection:
            return upgrade_on(connection)
    except SQLAlchemyError as exc:
        raise DomainError(
            f"Databasen {location.label} kunde inte uppgraderas ({exc}). Den har inte ändrats."
        ) from exc
    finally:
        engine.dispose()


def upgrade_on(connection: Connection) -> bool:
    """Apply any missing migrations in ``connection``'s transaction (which is theirs to
    roll back), one client at a time; True when something was applied."""
    from alembic.config import Config

    from app.store import change_triggers, server_triggers

    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_UPGRADE_LOCK})")
    found = _revision(connection)
    if found == db.HEAD_REVISION:
        server_triggers.ensure_notice(connection)  # a database made before the notices
        return False
    if found is not None and found not in known_revisions():
        raise DomainError(
            "Databasen är skapad av en nyare version av Insatslogg "
            f"(schemaversion {found}). Uppdatera programmet för att öppna den."
        )
    from alembic import command

    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    change_triggers.install(connection)
    return True
