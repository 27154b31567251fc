"""Time `insatslogg copy` of the bench database from its file to PostgreSQL, and back.

    python -m bench.bench_copy [--db PATH] [--runs 3]

Without ``--db`` the database is bench/out/bench.sqlite3 (20 years × 1000 activities,
generated when missing). It is copied to a scratch folder first (opening it may bring
its schema up to date), and each run copies it into a new database on a throwaway
PostgreSQL cluster (tests.scratch_server: initdb in a temporary folder, a local
socket). The time is copy_database's whole: the migrations on the server, the rows,
the triggers and the verification (counts and checksums of both sides).
Target: ≤ 10 s SQLite → PostgreSQL (issue 16).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import psycopg

from app.store.database import Store
from app.store.server_copy import copy_database
from app.store.server_location import ServerLocation
from bench.bench_summary import DEFAULT_DB
from bench.generate import generate
from tests import scratch_server

TARGET_S = 10.0


def run(db: Path, runs: int) -> tuple[list[float], list[float], int]:
    """Seconds per run to the server and back to a file, and the rows copied."""
    to_server: list[float] = []
    to_file: list[float] = []
    rows = 0
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "bench.sqlite3"
        shutil.copy(db, copy)
        server = scratch_server.start()
        try:
            source = Store.open(copy)
            try:
                for n in range(runs):
                    name = f"bench_{n}"
                    with psycopg.connect(server.url(), autocommit=True) as con:
                        con.execute(f"CREATE DATABASE {name}")
                    location = ServerLocation.parse(server.url(name))
                    t0 = time.perf_counter()
                    report = copy_database(source, location)
                    to_server.append(time.perf_counter() - t0)
                    rows = sum(t.source_rows for t in report.tables)
                    on_server = Store(location)
                    try:
                        t0 = time.perf_counter()
                        copy_database(on_server, Path(scratch) / f"tillbaka_{n}.sqlite3")
                        to_file.append(time.perf_counter() - t0)
                    finally:
                        on_server.close()
            finally:
                source.close()
        finally:
            server.stop()
    return to_server, to_file, rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_copy",
        description="Mät kopieringen av bänkdatabasen från fil till PostgreSQL och tillbaka.",
    )
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="PATH")
    parser.add_argument("--runs", type=int, default=3, help="körningar (3)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs måste vara minst 1")
    if not args.db.exists():
        generate(args.db)
    to_server, to_file, rows = run(args.db, args.runs)
    print(f"{rows} rader, {args.runs} körningar (sekunder: min / median / max)")
    for label, times in (("fil → PostgreSQL", to_server), ("PostgreSQL → fil", to_file)):
        print(f"{label:<18} {min(times):6.2f} {statistics.median(times):6.2f} {max(times):6.2f}")
    ok = statistics.median(to_server) <= TARGET_S
    verdict = "OK" if ok else "ÖVER MÅLET"
    print(f"mål: fil → PostgreSQL ≤ {TARGET_S:.0f} s (median): {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
