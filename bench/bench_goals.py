"""Time Måluppfyllelse on the 20-year bench database: the Årsplan page's table for a
year (the year's goals over the year, the insats's own measures from its start to the
year's end) and the final report's table over the whole insats.

    python -m bench.bench_goals [--db PATH] [--runs 5]

Works on a scratch copy (bench/out/goals.sqlite3) of the database (generated in
bench/out/bench.sqlite3 when missing), given a measure of every kind under the insats
and two under each year's one goal. Times in milliseconds (min, median, max).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.core import goal_kinds as gk
from app.core.goal_progress import GoalMeasure
from app.core.report_period import ReportPeriod
from app.core.year_plan import PlanGoal
from app.operations.goal_progress import report_progress, year_progress
from app.store.database import Store
from bench.bench_summary import DEFAULT_DB, OUT_DIR, measure
from bench.generate import generate

SCRATCH = OUT_DIR / "goals.sqlite3"


def _measures(insats_id: int, goal_id: int | None) -> list[GoalMeasure]:
    targets = {gk.EVALUATION_MEAN: 4.0, gk.MANUAL: 10.0}
    return [
        GoalMeasure(None, insats_id, goal_id, kind, targets.get(kind, 100.0))
        for kind in gk.MEASURE_KINDS
    ]


def prepare(source: Path) -> Path:
    if not source.exists():
        generate(source, years=20, per_year=1000, seed=1)
    shutil.copyfile(source, SCRATCH)
    store = Store.open(SCRATCH)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        store.goal_measures.save(insats.id, None, _measures(insats.id, None))
        for year in insats.years:
            goal = store.plan.save_goals(insats.id, year, [PlanGoal(None, insats.id, year, "Mål")])
            assert goal[0].id is not None
            store.goal_measures.save(insats.id, goal[0].id, _measures(insats.id, goal[0].id)[:2])
    finally:
        store.close()
    return SCRATCH


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    OUT_DIR.mkdir(exist_ok=True)
    store = Store.open(prepare(args.db))
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        insats_id = insats.id
        last, middle = insats.end.year, insats.start.year + 9
        whole = ReportPeriod.whole_insats(insats.start, insats.end)
        timings = [
            measure(
                f"Årsplan {insats.start.year}",
                lambda: year_progress(store, insats_id, insats.start.year),
                args.runs,
            ),
            measure(
                f"Årsplan {middle}", lambda: year_progress(store, insats_id, middle), args.runs
            ),
            measure(f"Årsplan {last}", lambda: year_progress(store, insats_id, last), args.runs),
            measure(
                "Slutrapport (hela insatsen)",
                lambda: report_progress(store, insats_id, whole),
                args.runs,
            ),
        ]
        rows = year_progress(store, insats_id, last).rows
        print(f"{len(rows)} mått; {date.today().isoformat()}")
        print(f"{'':<28} {'min':>8} {'median':>8} {'max':>8}")
        for t in timings:
            print(t.line())
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
