"""Time the Ekonomi figures on the 20-year bench database with about 20 costs a month
(≈ 4 800 costs) and a budget for every line and year: the year's budget against
outcome (the Ekonomi tab's year), the whole insats's, and the funding-rule checks over
every cost.

    python -m bench.bench_economy [--db PATH] [--runs 7]

Works on a scratch copy (bench/out/economy.sqlite3) of the database (generated in
bench/out/bench.sqlite3 when missing). Times in milliseconds (min, median, max).
Targets: a year ≤ 50 ms, the whole insats ≤ 300 ms, the checks ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.core.economy_entities import Cost
from app.core.funding_rules import check_costs
from app.operations.economy import asf_names, insats_economy, year_economy
from app.store.database import Store
from bench.bench_summary import DEFAULT_DB, OUT_DIR, measure
from bench.generate import generate

SCRATCH = OUT_DIR / "economy.sqlite3"
TEXTS = (
    "Lön processledare",
    "Lokalhyra konferens",
    "Fika frukostmöte",
    "Föreläsare seminarium om ASF",
    "Tågresa",
    "Trycksaker",
    "Medlemsavgift Skoopi",
    "Kommunens placeringar",
)


def prepare(source: Path) -> Path:
    if not source.exists():
        generate(source, years=20, per_year=1000, seed=1)
    shutil.copyfile(source, SCRATCH)
    rng = random.Random(15)
    store = Store.open(SCRATCH)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        lines = [x.id for x in store.economy.lines() if x.id is not None]
        costs: list[Cost] = []
        for year in insats.years:
            store.economy.set_budgets(insats.id, year, {i: 10_000_000 for i in lines})
            for month in range(1, 13):
                for n in range(20):
                    day = date(year, month, rng.randint(1, 28))
                    if not insats.start <= day <= insats.end:
                        continue
                    costs.append(
                        Cost(
                            None,
                            insats.id,
                            day,
                            rng.randint(100, 5_000_000),
                            rng.choice(lines),
                            f"{rng.choice(TEXTS)} {n}",
                            verifikation=f"V{len(costs)}",
                            konto="6990",
                            kontonamn="Övriga kostnader",
                            source="huvudbok.xlsx",
                        )
                    )
        store.economy.add_costs(costs)
    finally:
        store.close()
    return SCRATCH


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    OUT_DIR.mkdir(exist_ok=True)
    store = Store.open(prepare(args.db))
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        insats_id = insats.id
        last = insats.end.year
        costs = store.economy.costs(insats_id)
        lines = store.economy.lines()
        names = asf_names(store, insats)
        timings = [
            measure(f"Ekonomi {last}", lambda: year_economy(store, insats, last), args.runs),
            measure("Ekonomi hela insatsen", lambda: insats_economy(store, insats), args.runs),
            measure(
                "Regelkontroll, alla kostnader",
                lambda: check_costs(costs, lines, asf_names=names),
                args.runs,
            ),
        ]
        print(f"{len(costs)} kostnader; {date.today().isoformat()}")
        print(f"{'':<32} {'min':>8} {'median':>8} {'max':>8}")
        for t in timings:
            print(t.line())
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
