from datetime import date
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Boolean, Date, create_engine
from sqlalchemy.dialects import postgresql

import db
from app.core.errors import DomainError
from app.store import (
    change_models,  # noqa: F401  (the log's tables are part of the schema)
    migrations,
)
from app.store.database import Store
from app.store.models import Base
from app.store.server_database import connect_args
from app.store.server_migrations import server_revision, upgrade_server
from tests.conftest import stamp_revision


def test_migrating_an_empty_file_gives_the_models_schema(db_path):
    db_path.touch()  # an empty file, as a fresh sqlite3 database is
    assert migrations.current_revision(db_path) is None

    assert migrations.upgrade(db_path) is True

    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
            tables = set(engine.dialect.get_table_names(connection))
    finally:
        engine.dispose()
    assert diff == []
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    assert migrations.current_revision(db_path) == db.HEAD_REVISION


def _as_stored(_context, _inspected, _column, inspected_type, metadata_type):
    """On the server a date is VARCHAR(10) and a yes/no SMALLINT (app.store.server_types):
    those columns are compared as the server stores them, the rest as Alembic does."""
    if isinstance(metadata_type, Date | Boolean):
        dialect = postgresql.dialect()
        return inspected_type.compile(dialect=dialect) != metadata_type.compile(dialect=dialect)
    return None


def _fk_shape(fk: Any) -> tuple[str, tuple[str, ...], str, str | None]:
    return (fk.parent.name, tuple(c.name for c in fk.columns), fk.referred_table.name, fk.ondelete)


def _but_deferrable(diff: list[Any]) -> list[Any]:
    """The differences but the foreign keys made DEFERRABLE on a server for undo
    (app.store.server_triggers): a removed and an added key of the same shape."""
    removed = [d[1] for d in diff if d[0] == "remove_fk"]
    added = [d[1] for d in diff if d[0] == "add_fk"]
    assert sorted(map(_fk_shape, removed)) == sorted(map(_fk_shape, added))
    assert all(fk.deferrable for fk in removed)
    return [d for d in diff if d[0] not in ("remove_fk", "add_fk")]


def test_migrating_an_empty_server_database_gives_the_models_schema(server_databases):
    location = server_databases.new()
    try:
        assert server_revision(location) is None

        assert upgrade_server(location) is True

        # A plain engine: the dialect's reflection compares booleans of pg_catalog.
        engine = create_engine(location.engine_url, connect_args=connect_args(location))
        try:
            with engine.connect() as connection:
                context = MigrationContext.configure(connection, opts={"compare_type": _as_stored})
                diff = compare_metadata(context, Base.metadata)
                tables = set(engine.dialect.get_table_names(connection))
        finally:
            engine.dispose()
        assert _but_deferrable(diff) == []
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
        assert server_revision(location) == db.HEAD_REVISION
        assert upgrade_server(location) is False  # up to date: nothing done
    finally:
        server_databases.drop(location)


def test_upgrading_an_up_to_date_file_does_nothing(db_path):
    assert migrations.upgrade(db_path) is True  # creates the file
    assert db_path.exists()

    assert migrations.upgrade(db_path) is False
    assert migrations.current_revision(db_path) == db.HEAD_REVISION


def test_head_revision_constant_names_the_newest_migration():
    assert migrations.head_revision() == db.HEAD_REVISION
    assert db.HEAD_REVISION in migrations.known_revisions()


def test_a_database_from_a_newer_version_is_refused(db_path):
    Store.open(db_path).close()
    stamp_revision(db_path, "9999_framtida")

    with pytest.raises(DomainError) as info:
        Store.open(db_path)

    assert "nyare version" in str(info.value)
    assert "9999_framtida" in str(info.value)
    # The file is left as it was.
    assert migrations.current_revision(db_path) == "9999_framtida"


def test_a_file_that_is_not_a_database_is_refused(db_path):
    db_path.write_text("Det här är en textfil, ingen databas.\n" * 20, encoding="utf-8")

    with pytest.raises(DomainError, match="går inte att läsa som en Insatslogg-databas"):
        Store.open(db_path)


@pytest.mark.file_only
def test_the_app_engine_enforces_foreign_keys_and_uses_wal(store):
    with store.file.engine.connect() as connection:
        foreign_keys = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
        journal_mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        synchronous = connection.exec_driver_sql("PRAGMA synchronous").scalar()

    assert foreign_keys == 1
    assert journal_mode == "wal"
    assert synchronous == 2  # FULL


@pytest.mark.file_only
def test_backup_before_migration_is_a_full_copy(store, add_activity, db_path):
    add_activity("Workshop", "Gävle", date(2018, 5, 1), title="Före uppgraderingen")
    backup = migrations.backup_before_migration(db_path, "0001")
    assert backup.parent == db_path.parent / "säkerhetskopior"
    assert backup.name.startswith("test-") and backup.name.endswith("-fore-schema-0001.sqlite3")
    copy = Store.open(backup)
    try:
        insats = copy.reference.current_insats()
        assert insats is not None and insats.id is not None
        assert [r.title for r in copy.activities.rows(insats.id, 2018)] == ["Före uppgraderingen"]
    finally:
        copy.close()


def test_a_new_file_gets_no_backup(db_path):
    Store.open(db_path).close()
    assert not (db_path.parent / "säkerhetskopior").exists()


@pytest.mark.file_only
def test_the_copy_before_an_upgrade_falls_back_beside_the_database_when_the_usb_is_out(
    store, db_path, tmp_path
) -> None:
    from app.store import local_config

    local_config.set_backup_folder(db_path, tmp_path / "usb-som-saknas" / "kopior")
    backup = migrations.backup_before_migration(db_path, "0002")
    assert backup.parent == db_path.parent / "säkerhetskopior"
    assert backup.name.endswith("-fore-schema-0002.sqlite3")
    assert not (tmp_path / "usb-som-saknas").exists()


def test_the_attendance_columns_are_the_ones_the_reads_name() -> None:
    from app.store.columns import COUNT_COLUMNS
    from app.store.models import ActivityModel, AttendanceColumns
    from app.store.record_models import RegisteredReachModel

    declared = [n for n in vars(AttendanceColumns) if not n.startswith("_")]
    assert declared == list(COUNT_COLUMNS)
    for model in (ActivityModel, RegisteredReachModel):
        assert set(COUNT_COLUMNS) <= {c.name for c in model.__table__.columns}
