"""The bench data on a PostgreSQL server (issue 16): the same 20-year insats as
``bench.generate`` writes to a file, written the app's way into a server database.

    python -m bench.server_data --server postgresql://user@host/db [--years 20] [--per-year 1000]

Refuses a database that has an insats already. ``scratch_server`` starts the tests'
own throwaway cluster (tests.scratch_server) for a bench run on this machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date

from sqlalchemy import insert

from app.core.setup import gavleborg_defaults
from app.store.database import Store
from app.store.models import ActivityCoorganiserModel, ActivityModel, ActivityStepModel
from app.store.new_database import set_up
from app.store.server_location import ServerLocation
from bench.generate import FIRST_YEAR, _table, build_rows


def fill(location: ServerLocation, years: int = 20, per_year: int = 1000, seed: int = 1) -> None:
    """Migrate the server database, set it up and write the bench's activities."""
    t0 = time.perf_counter()
    store = Store.open_server(location)
    try:
        if store.reference.current_insats() is not None:
            raise RuntimeError(f"{location.label} har redan en insats")
        defaults = gavleborg_defaults(date(FIRST_YEAR, 1, 1))
        last_year = FIRST_YEAR + years - 1
        setup = replace(defaults, insats=replace(defaults.insats, end=date(last_year, 12, 31)))
        insats = set_up(store, setup)
        assert insats.id is not None and insats.forbund_id is not None
        forbund = insats.forbund_id
        rows = build_rows(
            insats_id=insats.id,
            years=list(insats.years),
            per_year=per_year,
            type_ids={t.name: t.id for t in store.reference.activity_types() if t.id},
            kommun_ids=[k.id for k in store.reference.kommuner(forbund) if k.id],
            organisation_ids=[o.id for o in store.reference.organisations(forbund) if o.id],
            seed=seed,
        )
        with store.file.engine.begin() as conn:
            for model, values in (
                (ActivityModel, rows.activities),
                (ActivityStepModel, rows.steps),
                (ActivityCoorganiserModel, rows.coorganisers),
            ):
                if values:
                    conn.execute(insert(_table(model)), values)
            # Explicit ids: the sequences go on after them.
            for table in ("activity", "activity_step"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
        store.changes.collect(label="testdata", locked=True)
    finally:
        store.close()
    print(
        f"{location.label}: {len(rows.activities)} aktiviteter ({years} år × {per_year}) "
        f"på {time.perf_counter() - t0:.1f} s"
    )


@contextmanager
def scratch_server() -> Iterator[ServerLocation]:
    """A new database on a throwaway cluster of the tests (initdb in a temp folder)."""
    import psycopg

    from tests.scratch_server import start

    server = start()
    try:
        with psycopg.connect(server.url(), autocommit=True) as con:
            con.execute("CREATE DATABASE bench")
        yield ServerLocation.parse(server.url("bench"))
    finally:
        server.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="postgresql://user@host/db")
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--per-year", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    fill(ServerLocation.parse(args.server), args.years, args.per_year, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
