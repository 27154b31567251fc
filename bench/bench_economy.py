"""Time the economy of an insats on the 20-year bench database with ~20 costs a month.

    python -m bench.bench_economy [--db PATH] [--runs 20] [--regenerate]

Without ``--db`` the database is bench/out/bench_economy.sqlite3: the bench database
(bench.generate: 20 years × 1000 activities, seed 1) with, added here from seed 15, a
budget for every line and year and 20 costs a month (≈ 4 800: by hand, from the ledger
and planned, some linked to activities, one in twenty a text the funding rules flag).
Measured (median of ``--runs``, ms): the year's economy (``year_economy``, the Ekonomi
tab's year), the whole insats's (``insats_economy``) and ``check_costs`` over every cost.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from app.core.economy_entities import Cost
from app.core.funding_rules import check_costs
from app.operations.economy import asf_names, insats_economy, span_economy, year_economy
from app.store.database import Store
from bench.bench_summary import Timing, measure
from bench.generate import generate

OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_DB = OUT_DIR / "bench_economy.sqlite3"
TARGETS_MS = {"year_economy": 50.0, "insats_economy": 300.0, "check_costs": 100.0}
PER_MONTH = 20
TEXTS = (
    "Lokalhyra",
    "Fika till deltagarna",
    "Föreläsare om ASF",
    "Resa till studiebesök",
    "Tryck av foldrar",
    "Lön processledare",
    "Inspirationsdag om ASF",
    "Utbildning om ASF för målgruppen",
)
FLAGGED = (
    "Medlemsavgift Skoopi",
    "Kontantbidrag till Gröna Händer AB",
    "Affärsutveckling för personalen på socialt företag",
    "Uppstartsstöd ASF",
)


def add_economy(db: Path, seed: int = 15) -> int:
    """Budgets and costs for every year of the bench insats; returns the costs' number."""
    rng = random.Random(seed)
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        lines = [x for x in store.economy.lines() if x.id is not None]
        rows = store.activities.rows(insats.id, None)
        costs: list[Cost] = []
        voucher = 0
        for year in insats.years:
            amounts = {x.id: rng.randrange(1, 40) * 1_000_000 for x in lines if x.id is not None}
            store.economy.set_budgets(insats.id, year, amounts)
            in_year = [a.id for a in rows if a.start.year == year]
            for month in range(1, 13):
                for _ in range(PER_MONTH):
                    line = rng.choice(lines)
                    assert line.id is not None
                    ledger, voucher = rng.random() < 0.6, voucher + 1
                    flagged = rng.random() < 0.05
                    text = rng.choice(FLAGGED if flagged else TEXTS)
                    costs.append(
                        Cost(
                            None,
                            insats.id,
                            date(year, month, rng.randint(1, 28)),
                            rng.randrange(100, 5_000_000),
                            line.id,
                            f"{text} {voucher}",
                            rng.choice(in_year) if in_year and rng.random() < 0.3 else None,
                            verifikation=f"V{voucher}" if ledger else "",
                            konto="6110" if ledger else "",
                            kontonamn="Lokalhyra" if ledger else "",
                            source="huvudbok.xlsx" if ledger else "",
                            planned=not ledger and rng.random() < 0.2,
                        )
                    )
        return store.economy.add_costs(costs)
    finally:
        store.close()


def run(db: Path, runs: int) -> list[Timing]:
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        if insats is None or insats.id is None:
            raise SystemExit(f"{db} har ingen insats")
        insats_id = insats.id
        costs = store.economy.costs(insats_id)
        years = list(insats.years)
        mid = years[len(years) // 2]
        print(f"{db}: {len(costs)} kostnader, {years[0]}–{years[-1]}, {runs} körningar")
        lines, names = store.economy.lines(), asf_names(store, insats)
        notes = store.economy.notes(insats_id)
        whole = insats_economy(store, insats)
        pieces = [store.summaries.year_summary(insats_id, y) for y in years]
        given = span_economy(store, insats, insats.start, insats.end, None, pieces)
        assert given.to_dict() == whole.to_dict()
        assert whole.total.booked + whole.total.planned == sum(c.amount for c in costs)
        return [
            measure(f"year_economy({mid})", lambda: year_economy(store, insats, mid), runs),
            measure("insats_economy", lambda: insats_economy(store, insats), runs),
            # As an export or a report calls it: with the year summaries it already has.
            measure(
                "insats_economy(summaries)",
                lambda: span_economy(store, insats, insats.start, insats.end, None, pieces),
                runs,
            ),
            measure(
                f"check_costs({len(costs)})",
                lambda: check_costs(costs, lines, asf_names=names, notes=notes),
                runs,
            ),
        ]
    finally:
        store.close()


def report(timings: Sequence[Timing]) -> bool:
    print(f"{'ms':<28} {'min':>8} {'median':>8} {'max':>8}")
    ok = True
    for t in timings:
        target = TARGETS_MS[t.label.split("(")[0]]
        within = t.median <= target
        ok = ok and within
        print(f"{t.line()}   mål ≤ {target:.0f} ms: {'OK' if within else 'ÖVER MÅLET'}")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.bench_economy",
        description="Mät ekonomin (budget mot utfall, regelkontrollen) på en stor databas.",
    )
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, metavar="PATH")
    parser.add_argument("--runs", type=int, default=20, help="körningar per mätning (20)")
    parser.add_argument(
        "--regenerate", action="store_true", help="skapa databasen på nytt (bara i bench/out/)"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs måste vara minst 1")
    if args.regenerate or not args.db.exists():
        if args.db.resolve().parent != OUT_DIR:
            parser.error(f"databasen skapas bara i {OUT_DIR}")
        generate(args.db, force=True)
        print(f"{add_economy(args.db)} kostnader tillagda")
    return 0 if report(run(args.db, args.runs)) else 1


if __name__ == "__main__":
    sys.exit(main())
