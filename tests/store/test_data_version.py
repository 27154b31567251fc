"""The store's data version (issue 16): a colleague's commit on the same database is
noticed, a read is not, and this store's own writes change the data version but not
the outside one."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.store.database import Store
from tests.live_stores import an_activity, colleague_of, set_up_store


@pytest.fixture
def mine(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[Store]:
    with set_up_store(request, backend, tmp_path) as store:
        yield store


@pytest.fixture
def colleague(mine: Store) -> Iterator[Store]:
    other = colleague_of(mine)
    yield other
    other.close()


def test_a_colleagues_write_is_noticed(mine: Store, colleague: Store) -> None:
    version, outside = mine.file.data_version(), mine.file.outside_version()
    assert mine.file.data_version() == version  # nothing written: the same stamp
    colleague.activities.add(an_activity(colleague, "Kollegans seminarium"))
    assert mine.file.data_version() != version
    if mine.server is not None:
        assert mine.file.outside_version() == outside + 1
    else:  # one program per file (the instance lock): nothing on a file is another's
        assert mine.file.outside_version() == outside == 0


def test_own_writes_are_not_a_colleagues(mine: Store) -> None:
    version, outside = mine.file.data_version(), mine.file.outside_version()
    added = mine.activities.add(an_activity(mine, "Eget seminarium"))
    assert added.id is not None
    mine.activities.delete(added.id)
    assert mine.file.data_version() != version
    assert mine.file.outside_version() == outside


def test_reads_change_nothing(mine: Store, colleague: Store) -> None:
    version, outside = mine.file.data_version(), mine.file.outside_version()
    insats = colleague.reference.current_insats()
    assert insats is not None and insats.id is not None
    colleague.activities.rows(insats.id, 2018)
    assert (mine.file.data_version(), mine.file.outside_version()) == (version, outside)


def test_a_server_database_made_before_the_notices_gets_them_at_open(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    with set_up_store(request, "postgresql", tmp_path) as store:
        with store.file.engine.begin() as connection:  # as a database of 0010 was made
            connection.exec_driver_sql("DROP TRIGGER chg_notice ON change_row")
        assert store.server is not None
        reopened = Store.open_server(store.server)  # up to date: only the notice made
        colleague = colleague_of(store)
        try:
            outside = reopened.file.outside_version()
            colleague.activities.add(an_activity(colleague, "Kollegans seminarium"))
            assert reopened.file.outside_version() == outside + 1
        finally:
            colleague.close()
            reopened.close()


def test_a_lost_listening_connection_counts_as_a_change(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """What was committed while the notices could not come is not lost: re-read."""
    import psycopg

    with set_up_store(request, "postgresql", tmp_path) as store:
        assert store.server is not None
        outside = store.file.outside_version()
        with psycopg.connect(store.server.url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            others = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            while admin.execute(others + " AND pid <> pg_backend_pid()").fetchone() != (0,):
                time.sleep(0.01)  # terminating is asynchronous
        # Noticed at a later look (the window's next tick), counted once.
        seen = [store.file.outside_version() for _ in range(5)]
        assert seen[-1] == outside + 1, seen
        assert set(seen) <= {outside, outside + 1}
        colleague = colleague_of(store)
        try:
            colleague.activities.add(an_activity(colleague, "Kollegans seminarium"))
        finally:
            colleague.close()
        assert store.file.outside_version() == outside + 2
