"""Time importing a ledger extract (huvudboksutdrag) into a fresh database.

    python -m bench.bench_ledger [--rows 20000] [--runs 3] [--seed 1]

The extract (bench/out/ledger-<rows>.xlsx and .csv, rebuilt each time) is printed as a
kommunal system prints a whole year of a förbund: title rows, a konto on every row, a
sub-sum after each konto's rows and a grand total, amounts as numbers (xlsx) or as
"1234,50-" text (csv, Windows-1252). Each run reads it, plans the import (suggested
mapping, duplicates against the costs already there) and writes every cost and the
mapping in one transaction, into a new database (bench/out/ledger-bench.sqlite3); then
plans the same file again (everything a duplicate). Target: under 5 s for all steps.
Exit code 1 when the median is over it.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from app.core.setup import gavleborg_defaults
from app.importers.ledger import read_ledger
from app.operations.cost_import import apply_plan, plan_import
from app.store.database import Store
from app.store.new_database import create_database

OUT_DIR = Path(__file__).resolve().parent / "out"
TARGET_S = 5.0
KONTON = (
    ("4610", "Köp av verksamhet"), ("5010", "Löner tjänstemän"), ("5410", "Arbetsgivaravgifter"),
    ("6110", "Lokalhyra"), ("6410", "Trycksaker och material"),
    ("6450", "Förtäring och representation"), ("6580", "Arvoden föreläsare"),
    ("6990", "Övriga kostnader"), ("7110", "Resekostnader"), ("3010", "Bidrag från medlemmar"),
)  # fmt: skip


def build(folder: Path, rows: int, seed: int, year: int) -> tuple[Path, Path]:
    from openpyxl import Workbook

    rng = random.Random(seed)
    lines: list[tuple[str, str, date, str, str, int]] = []
    for i in range(rows):
        konto, name = rng.choice(KONTON)
        day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        amount = rng.randrange(1, 5_000_000) * (-1 if rng.random() < 0.1 else 1)
        lines.append((konto, name, day, f"V{100000 + i}", "Faktura", amount))
    lines.sort()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Huvudbok")
    text_rows: list[list[str]] = []
    for title in ("Huvudboksutdrag", "Samordningsförbundet Gävleborg", f"Period {year}01-{year}12"):
        ws.append([title])
        text_rows.append([title])
    header = ["Konto", "Kontobenämning", "Bokföringsdatum", "Vernr", "Text", "Belopp"]
    ws.append(header)
    text_rows.append(header)
    total = 0
    for konto, _name in sorted(KONTON):
        of = [x for x in lines if x[0] == konto]
        for k, n, day, ver, text, amount in of:
            ws.append([k, n, day, ver, text, amount / 100])
            kr = f"{abs(amount) // 100},{abs(amount) % 100:02d}" + ("-" if amount < 0 else "")
            text_rows.append([k, n, day.strftime("%Y%m%d"), ver, text, kr])
        s = sum(x[5] for x in of)
        total += s
        ws.append([f"Summa konto {konto}", None, None, None, None, s / 100])
        text_rows.append(
            [f"Summa konto {konto}", "", "", "", "", f"{s / 100:.2f}".replace(".", ",")]
        )
    ws.append(["Totalt", None, None, None, None, total / 100])
    text_rows.append(["Totalt", "", "", "", "", f"{total / 100:.2f}".replace(".", ",")])
    xlsx, csv_path = folder / f"ledger-{rows}.xlsx", folder / f"ledger-{rows}.csv"
    wb.save(xlsx)
    with csv_path.open("w", encoding="cp1252", newline="") as f:
        csv.writer(f, delimiter=";").writerows(text_rows)
    return xlsx, csv_path


def run_once(path: Path, db: Path) -> dict[str, float]:
    for old in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        old.unlink(missing_ok=True)
    create_database(db, gavleborg_defaults(date(2024, 1, 1)))
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        assert insats is not None
        t0 = time.perf_counter()
        extract = read_ledger(path)
        t1 = time.perf_counter()
        plan = plan_import(store, insats, extract)
        t2 = time.perf_counter()
        added = apply_plan(store, plan, mapping_confirmed=True)
        t3 = time.perf_counter()
        again = plan_import(store, insats, read_ledger(path))
        t4 = time.perf_counter()
        assert not extract.errors and added == len(plan.costs)
        assert len(again.duplicates) == added and not again.costs
        return {"read": t1 - t0, "plan": t2 - t1, "write": t3 - t2, "again": t4 - t3,
                "all": t3 - t0}  # fmt: skip
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    OUT_DIR.mkdir(exist_ok=True)
    xlsx, csv_path = build(OUT_DIR, args.rows, args.seed, 2024)
    worst = 0.0
    for path in (xlsx, csv_path):
        runs = [run_once(path, OUT_DIR / "ledger-bench.sqlite3") for _ in range(args.runs)]
        medians = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        shown = ", ".join(f"{k} {v:.2f} s" for k, v in medians.items())
        print(f"{path.name} ({args.rows} rader, median av {args.runs}): {shown}")
        worst = max(worst, medians["all"])
    print(f"mål: under {TARGET_S:.0f} s för läsa + planera + skriva")
    return 0 if worst <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
