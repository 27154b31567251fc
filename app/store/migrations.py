"""Brings a database file to the newest schema with the Alembic migrations in db/."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

import db
from app.core.atomic_file import fsync_file, fsync_folder, new_temporary_file
from app.core.errors import DomainError
from app.store.schema_versions import known_revisions

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine


def current_revision(path: Path) -> str | None:
    """The revision stamped in the file, read with plain sqlite3 (cheap at start)."""
    if not path.exists():
        return None
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        version = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if version is None else str(version[0])
    except sqlite3.DatabaseError as exc:
        raise DomainError(
            f"Filen {path} går inte att läsa som en Insatslogg-databas ({exc})."
        ) from exc
    finally:
        con.close()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory(str(db.MIGRATIONS_DIR)).get_current_head()
    assert head is not None
    return head


def backup_before_migration(path: Path, revision: str) -> Path:
    """A verified backup (SQLite's online backup API) before the schema is changed.

    If the chosen backup folder cannot be reached (a USB stick that is not plugged in),
    the copy goes to the default folder beside the database: the upgrade must neither
    go ahead without a copy nor lock the user out of their data.
    """
    from app.store.backups import BEFORE_SCHEMA, BackupError, make_backup
    from app.store.local_config import default_backup_folder

    reason = f"{BEFORE_SCHEMA}{revision}"
    try:
        return make_backup(path, reason=reason).path
    except BackupError:
        return make_backup(path, reason=reason, folder=default_backup_folder(path)).path


def create_database(path: Path) -> None:
    """A new database at ``path`` (which must not exist): migrated under a private
    temporary name beside it, then renamed into place whole."""
    tmp = new_temporary_file(path)
    try:
        upgrade(tmp)
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal, to rename
        finally:
            con.close()
        fsync_file(tmp)
        os.replace(tmp, path)
    finally:
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)
    fsync_folder(path.parent)


def upgrade(path: Path) -> bool:
    """Apply any missing migrations. Returns True when something was applied.

    A file written by a newer Insatslogg (an unknown revision) is refused. The
    migrations run in one transaction: one that fails leaves the file as it was and is
    a DomainError in Swedish.
    """
    found = current_revision(path)
    if found == db.HEAD_REVISION:
        return False
    if found is not None and found not in known_revisions():
        raise DomainError(
            "Databasen är skapad av en nyare version av Insatslogg "
            f"(schemaversion {found}). Uppdatera programmet för att öppna den."
        )
    if found is not None:
        backup_before_migration(path, found)
    from alembic.config import Config
    from sqlalchemy.exc import SQLAlchemyError

    from app.store.engine import make_engine

    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    migration_engine = make_engine(path, foreign_keys=False)
    try:
        _migrate(migration_engine, config)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        from app.store.file_checks import describe_sqlite_error

        cause = getattr(exc, "orig", exc)
        detail = describe_sqlite_error(cause) if isinstance(cause, sqlite3.Error) else str(exc)
        raise DomainError(
            f"Databasen {path} kunde inte uppgraderas ({detail}). Den har inte ändrats."
        ) from exc
    finally:
        migration_engine.dispose()
    return True


def _migrate(migration_engine: Engine, config: Config) -> None:
    from alembic import command

    with migration_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        from app.store import change_triggers

        change_triggers.install(connection)
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise DomainError(
                f"Uppgraderingen av databasen skulle lämna trasiga referenser: {broken}"
            )
