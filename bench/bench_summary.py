"""Time the year summary and the activity table on a large database.

    python -m bench.bench_summary [--db PATH] [--runs 20] [--regenerate]

Without ``--db`` the database is bench/out/bench.sqlite3, generated there (20 years ×
1000 activities, seed 1) when missing. Each measured call is made once to warm up and
then ``--runs`` times; min/median/max are in milliseconds (time.perf_counter).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.summary import UNALLOCATED
from app.store.database import Store
from bench.generate import generate

OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_DB = OUT_DIR / "bench.sqlite3"
SUMMARY_TARGET_MS = 50.0


@dataclass(frozen=True)
class Timing:
    label: str
    ms: tuple[float, ...]

    @property
    def min(self) -> float:
        return min(self.ms)

    @property
    def median(self) -> float:
        return statistics.median(self.ms)

    @property
    def max(self) -> float:
        return max(self.ms)

    def line(self) -> str:
        return f"{self.label:<28} {self.min:8.1f} {self.median:8.1f} {self.max:8.1f}"


def measure(label: str, fn: Callable[[], object], runs: int) -> Timing:
    """Call ``fn`` once to warm up, then ``runs`` times; the times in milliseconds."""
    fn()
    ms: list[float] = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1000)
    return Timing(label, tuple(ms))


def check_summary(store: Store, insats_id: int, year: int) -> None:
    """Cheap sanity check: the summary's totals agree with SQL and with each other."""
    summary = store.summaries.year_summary(insats_id, year)
    con = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)
    try:
        (volume,) = con.execute(
            "SELECT coalesce(sum(participants), 0) FROM activity WHERE insats_id = ? "
            "AND status = 'genomford' AND substr(start_date, 1, 4) = ?",
            (insats_id, str(year)),
        ).fetchone()
    finally:
        con.close()
    key = summary.table("nyckeltal").value("Deltagare (volym)", str(year))
    assert key == volume, f"volym {key} != SQL {volume}"
    for name in ("deltagare_kommun", "deltagare_organisation", "deltagare_roll", "deltagare_kon"):
        total = summary.table(name).value("Totalt", str(year))
        assert total == volume, f"{name}: {total} != {volume}"
    assert summary.table("deltagare_organisation").value(UNALLOCATED, str(year)) >= 0


def run(db: Path, runs: int) -> list[Timing]:
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        if insats is None or insats.id is None:
            raise SystemExit(f"{db} har ingen insats")
        insats_id = insats.id
        years = store.activities.years(insats_id)
        n = len(store.activities.rows(insats_id, None))
        print(f"{db}: {n} aktiviteter, {years[0]}–{years[-1]}, {runs} körningar per mätning")
        check_summary(store, insats_id, years[len(years) // 2])

        def summary_of(year: int) -> Callable[[], object]:
            return lambda: store.summaries.year_summary(insats_id, year)

        timings = [measure(f"year_summary({y})", summary_of(y), runs) for y in years]
        mid = years[len(years) // 2]
        timings.append(
            measure(f"facts({mid})", lambda: store.summaries.facts(insats_id, mid), runs)
        )
        timings.append(measure(f"rows({mid})", lambda: store.activities.rows(insats_id, mid), runs))
        timings.append(measure("rows(None)", lambda: store.activities.rows(insats_id, None), runs))
        return timings
    finally:
        store.close()


def report(timings: Sequence[Timing]) -> bool:
    """Print the table; True when every year summary is under the target (by median)."""
    print(f"{'ms':<28} {'min':>8} {'median':>8} {'max':>8}")
    for t in timings:
        print(t.line())
    summaries = [t for t in timings if t.label.startswith("year_summary")]
    all_ms = [ms for t in summaries for ms in t.ms]
    overall = Timing(f"year_summary, alla {len(summaries)} år", tuple(all_ms))
    print("-" * 56)
    print(overall.line())
    ok = all(t.median < SUMMARY_TARGET_MS for t in summaries)
    verdict = "OK" if ok else "ÖVER MÅLET"
    print(f"mål: year_summary < {SUMMARY_TARGET_MS:.0f} ms (median per år): {verdict}")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_summary",
        description="Mät årsöversikten och aktivitetstabellen på en stor databas.",
    )
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="PATH")
    parser.add_argument("--runs", type=int, default=20, help="körningar per mätning (20)")
    parser.add_argument(
        "--regenerate",
        action="store_true",
        help="skapa databasen på nytt även om den finns (bara i bench/out/)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs måste vara minst 1")
    if args.regenerate:
        if args.db.resolve().parent != OUT_DIR:
            parser.error(f"--regenerate skriver bara över databaser i {OUT_DIR}")
        generate(args.db, force=True)
    elif not args.db.exists():
        generate(args.db)
    ok = report(run(args.db, args.runs))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
