"""Backups on the 20-year bench database: make (copy + integrity_check + rotate), restore,
and the integrity check run at start (the same check: one check decides everything).

    python -m bench.bench_backup [--db PATH] [--runs 7]

The database is copied to a scratch folder first; the bench database is not touched.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.bench_summary import DEFAULT_DB
from bench.generate import generate


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def _line(name: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (
        f"{name}: median {statistics.median(ms):.0f} ms "
        f"(min {min(ms):.0f}, max {max(ms):.0f}, {len(ms)} runs)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.db.exists():
        generate(args.db)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["INSATSLOGG_CONFIG_DIR"] = str(Path(scratch) / "config")
        from app.store import backups, restore
        from app.store.file_checks import integrity_problem

        db = Path(scratch) / "bench.sqlite3"
        shutil.copy(args.db, db)
        size_mb = db.stat().st_size / 1e6
        print(f"database: {args.db.name}, {size_mb:.1f} MB")
        print(
            _line(
                "integrity check at start (integrity_check)",
                _timed(lambda: integrity_problem(db), args.runs),
            )
        )
        made = _timed(lambda: backups.make_backup(db), args.runs)
        print(_line("backup (copy + integrity_check + rotate)", made))
        # Outside the backup folder: the rotation after each run's backup of the state
        # before would otherwise remove it after ten runs.
        newest = Path(scratch) / "kopia.sqlite3"
        shutil.copy(backups.list_backups(db)[0].path, newest)
        print(
            _line(
                "restore (check, backup of the current state, copy back, check)",
                _timed(lambda: restore.restore(newest, db), args.runs),
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
