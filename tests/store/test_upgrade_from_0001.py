"""A database written by issue 2's code (schema 0001) is upgraded without losing a row."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

import db
from app.store.database import Store
from app.store.models import Base

OLD = Path(__file__).resolve().parents[1] / "data" / "insatslogg-0001.sqlite3"
TABLES = (
    "forbund",
    "insats",
    "kommun",
    "organisation",
    "activity_type",
    "activity",
    "activity_step",
    "activity_coorganiser",
)


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in TABLES}
    finally:
        con.close()


@pytest.fixture
def upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "gammal.sqlite3"
    shutil.copy(OLD, path)
    Store.open(path).close()
    return path


def test_the_kept_file_is_at_0001() -> None:
    con = sqlite3.connect(f"{OLD.as_uri()}?mode=ro", uri=True)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    finally:
        con.close()


def _versions_taken_off(rows: dict[str, list[tuple[object, ...]]]) -> None:
    """0010's version, the last column of every record table: 1 on each old row."""
    for table in TABLES:
        if table == "activity_coorganiser":  # a pair of ids, not a record
            continue
        assert {row[-1] for row in rows[table]} == {1}, table
        rows[table] = [row[:-1] for row in rows[table]]


def test_every_row_survives(upgraded: Path) -> None:
    before, after = _dump(OLD), _dump(upgraded)
    _versions_taken_off(after)
    for table in TABLES:
        if table in ("activity", "activity_step"):
            # New columns at the end (group_id, goal_id, highlight; the clock times of
            # 0005), all empty; then 0007's approximate flags of an activity, all false;
            # then 0008's series (none) and invitation texts (link, description,
            # registration: all empty).
            width = len(before[table][0])
            flags, tail = (2, 4) if table == "activity" else (0, 0)
            rest = len(after[table][0]) - tail
            assert [row[:width] for row in after[table]] == before[table]
            assert {row[width : rest - flags] for row in after[table]} == {
                (None,) * (rest - width - flags)
            }
            assert {row[rest - flags : rest] for row in after[table]} == {(0,) * flags}
            assert {row[rest:] for row in after[table]} == ({(None, "", "", "")} if tail else {()})
            assert len(after[table][0]) > width
        else:
            assert after[table] == before[table], table
    assert len(before["activity"]) == 8 and len(before["activity_step"]) == 4


def test_upgraded_schema_is_the_models_schema(upgraded: Path) -> None:
    engine = create_engine(f"sqlite:///{upgraded}")
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()
    assert version == db.HEAD_REVISION


def test_rules_of_the_activity_table_survive_the_rebuild(upgraded: Path) -> None:
    con = sqlite3.connect(upgraded)
    try:
        sql = con.execute("SELECT sql FROM sqlite_master WHERE name = 'activity'").fetchone()[0]
        assert "AUTOINCREMENT" in sql
        assert "ck_activity_orgs_within_total" in sql
        with pytest.raises(sqlite3.IntegrityError):
            con.execute("UPDATE activity SET women = participants + 1 WHERE id = 1")
    finally:
        con.close()


def test_the_upgraded_file_reads_as_before(upgraded: Path) -> None:
    store = Store.open(upgraded)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        rows = store.activities.rows(insats.id, 2018)
        assert [(r.start, r.title, r.participants) for r in rows] == [
            (date(2018, 1, 17), "Processutbildning Arbetsförmedlingen", 15),
            (date(2018, 12, 6), "Länsövergripande kunskapsdialog", 40),
        ]
        training = store.activities.get(rows[0].id)
        assert len(training.steps) == 4
        summary = store.summaries.year_summary(insats.id, 2017)
        assert summary.table("nyckeltal").value("Deltagare (volym)", "2017") == 210
    finally:
        store.close()


def test_a_copy_is_kept_from_before_the_upgrade(upgraded: Path) -> None:
    folder = upgraded.parent / "säkerhetskopior"
    copies = [p for p in folder.iterdir() if p.name.endswith("-fore-schema-0001.sqlite3")]
    assert len(copies) == 1
    assert _dump(copies[0]) == _dump(OLD)
