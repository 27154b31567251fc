"""A database at schema 0004 gets the clock times (0005) and keeps every activity."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from datetime import time
from pathlib import Path

from alembic import command
from alembic.config import Config

import db
from app.core.entities import Step
from app.store.database import Store
from app.store.engine import make_engine
from app.store.migrations import current_revision

OLD = Path(__file__).resolve().parents[1] / "data" / "insatslogg-0001.sqlite3"


def _at_0004(path: Path) -> None:
    shutil.copy(OLD, path)
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS_DIR))
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0004")
    finally:
        engine.dispose()


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return sorted(con.execute(f"SELECT * FROM {table}").fetchall())
    finally:
        con.close()


def test_every_activity_and_step_survives_with_no_times(tmp_path: Path) -> None:
    path = tmp_path / "0004.sqlite3"
    _at_0004(path)
    assert current_revision(path) == "0004"
    before = {t: _rows(path, t) for t in ("activity", "activity_step")}

    store = Store.open(path)
    try:
        assert current_revision(path) == db.HEAD_REVISION
        for table, rows in before.items():
            after = _rows(path, table)
            assert [r[: len(rows[0])] for r in after] == rows, table
            # The two clock times, none; for an activity then 0007's approximate flags
            # and 0008's series (none) and invitation texts (empty); then 0010's
            # version, 1.
            kept = {
                "activity": (None, None, 0, 0, None, "", "", "", 1),
                "activity_step": (None, None, 1),
            }[table]
            assert {r[len(rows[0]) :] for r in after} == {kept}, table
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        ids = [r[0] for r in before["activity"]]
        activities = store.activities.get_many(ids)
        assert len(activities) == len(before["activity"]) == 8
        assert all(a.start_time is None and a.end_time is None for a in activities)
        training = next(a for a in activities if len(a.steps) == 4)
        assert all(s.start_time is None for s in training.timed_steps)

        # The upgraded file takes times at once.
        timed = replace(
            training,
            start_time=time(9),
            step_times=(Step(training.steps[1], time(13), time(16, 30)),),
        )
        stored = store.activities.update(timed)
        assert stored.start_time == time(9)
        assert stored.timed_steps[1] == Step(training.steps[1], time(13), time(16, 30))
    finally:
        store.close()
