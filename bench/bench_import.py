"""Time importing a messy 10 000-row activity sheet into a fresh database.

    python -m bench.bench_import [--rows 10000] [--runs 3] [--seed 1]
    python -m bench.bench_import --memory [--rows 1000000] [--cap N]


The sheet (bench/out/import-<rows>.xlsx, rebuilt each time) looks like what people keep:
two title rows with merged cells above a Swedish header, dates as real dates, as serial
numbers and as text in four shapes, kommuner written several ways, counts as numbers and
as "12 st", an unknown column, a blank row every 40 rows, 1 % of the rows with an
impossible date, and a totals row at the bottom. Each run imports it into a new database
(bench/out/import-bench.sqlite3) the way the app does — read, propose the mapping and
read every row, then one Core executemany transaction — and prints the time of each
step. Target: under 5 s in all. Exit code 1 when the median is over it.

With ``--memory`` each run is a child process (``--child``) and the figures are its time
and its peak memory (``ru_maxrss`` from ``os.wait4``): what a user's import of that sheet
costs, refused or not. ``--cap N`` raises or lowers the row cap of an import
(``app.core.limits.MAX_IMPORT_ROWS``) in the child, to measure reading a million rows
through. Target: at most 300 MB (MEMORY_TARGET_MB), whatever the size of the sheet.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.core.setup import gavleborg_defaults
from app.importers import SourceKind, build_report, read_source
from app.operations.imports import load_context
from app.store.database import Store
from app.store.new_database import create_database

OUT_DIR = Path(__file__).resolve().parent / "out"
TARGET_S = 5.0
MEMORY_TARGET_MB = 300.0
# Sheets above this many rows are written with openpyxl's write-only workbook (no merged
# title cells: write-only has none), or building them would take gigabytes.
WRITE_ONLY_ABOVE = 50_000
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")  # fmt: skip
TYPES = ("Frukostmöte", "Seminarium", "Workshop", "Temadag", "Utbildning", "Konferens",
         "Nätverksmöte", "Processtöd", "Informationsmöte", "")  # fmt: skip
KOMMUNER = ("Gävle", "Gävle kommun", "Sandvikens kommun", "Hofors", "Bollnäs", "Söderhamn",
            "Hudiksvall", "Ljusdal", "Nordanstig", "Ockelbo", "Ovanåker", "Hela länet",
            "Nationellt")  # fmt: skip
HEADER = ("Datum", "Aktivitet", "Tema", "Ort", "Antal deltagare", "AF", "FK", "Kommun",
          "Region", "Kvinnor", "Män", "Tid", "Kommentar")  # fmt: skip


def _date_cell(day: date, rng: random.Random) -> Any:
    shape = rng.randrange(6)
    if shape == 0:
        return datetime(day.year, day.month, day.day)
    if shape == 1:
        return (day - date(1899, 12, 30)).days  # an Excel serial number
    if shape == 2:
        return day.isoformat()
    if shape == 3:
        return f"{day.day}/{day.month} {day.year}"
    if shape == 4:
        return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{day.day}.{day.month}.{day.year}"


def build_sheet(path: Path, rows: int, seed: int, first_year: int) -> int:
    """Write the messy sheet; the number of data rows that should be imported."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    write_only = rows > WRITE_ONLY_ABOVE
    wb = Workbook(write_only=write_only)
    ws: Any = wb.create_sheet("Blad1") if write_only else wb.active
    assert ws is not None
    ws.title = "Blad1"
    ws.append(["Aktiviteter inom ASF-insatsen"])
    ws.append(["Samordningsförbund Gävleborg", None, None, "Uppdaterad av processledaren"])
    if not write_only:
        ws.merge_cells("A1:M1")
        ws.merge_cells("A2:C2")
    ws.append([])
    ws.append(list(HEADER))
    good = 0
    start = date(first_year, 1, 1)
    for n in range(rows):
        if n and n % 40 == 0:
            ws.append([])
        day = start + timedelta(days=rng.randrange(4 * 365))
        kind = rng.choice(TYPES)
        total = rng.randrange(5, 60)
        af, fk, kommun, region = (rng.randrange(0, total // 4 + 1) for _ in range(4))
        women = rng.randrange(0, total + 1)
        men = rng.randrange(0, total - women + 1)
        bad = rng.random() < 0.01
        ws.append(
            [
                f"31/2 {day.year}" if bad else _date_cell(day, rng),
                kind,
                f"{kind or 'Träff'} om ASF nr {n}",
                rng.choice(KOMMUNER),
                total if rng.random() < 0.8 else f"{total} st",
                af,
                fk,
                kommun,
                region,
                women,
                men,
                f"{rng.randrange(8, 16)}.00",
                "" if rng.random() < 0.7 else "Bra samtal om upphandling",
            ]
        )
        good += not bad
    ws.append(["Summa", None, None, None, "=SUM(E5:E99999)"])
    wb.save(path)
    return good


def run_once(sheet: Path, db: Path, expected: int) -> dict[str, float]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    create_database(db, gavleborg_defaults(date(2018, 1, 1)))  # the one set-up path
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        t0 = time.perf_counter()
        source = read_source(sheet, SourceKind.EXCEL, (insats.start, insats.end))
        t1 = time.perf_counter()
        context = load_context(store, insats)
        report = build_report(source, context)
        t2 = time.perf_counter()
        ids = store.activities.import_many(report.activities())
        t3 = time.perf_counter()
        if len(ids) != expected or len(store.activities.rows(insats.id, None)) != expected:
            raise SystemExit(f"imported {len(ids)}, expected {expected}")
        if report.duplicates:
            raise SystemExit(f"unexpected duplicates: {report.duplicates[0]}")
        return {
            "read": t1 - t0,
            "parse": t2 - t1,
            "import": t3 - t2,
            "total": t3 - t0,
            "rejected": len(report.rejected),
        }
    finally:
        store.close()


def child(sheet: Path, db: Path, cap: int | None) -> dict[str, Any]:
    """One import of ``sheet`` as the app does it, in this (child) process: the times, and
    what the user gets — the number of activities imported, or the message refusing it."""
    from app.core.errors import DomainError

    if cap is not None:
        try:
            from app.core import limits
        except ImportError:  # before the row cap existed
            pass
        else:
            limits.MAX_IMPORT_ROWS = cap  # type: ignore[misc]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    create_database(db, gavleborg_defaults(date(2018, 1, 1)))  # the one set-up path
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        t0 = time.perf_counter()
        try:
            source = read_source(sheet, SourceKind.EXCEL, (insats.start, insats.end))
            report = build_report(source, load_context(store, insats))
            ids = store.activities.import_many(report.activities())
        except DomainError as exc:
            return {"seconds": time.perf_counter() - t0, "imported": 0, "refused": str(exc)}
        return {"seconds": time.perf_counter() - t0, "imported": len(ids), "refused": ""}
    finally:
        store.close()


def run_child(sheet: Path, db: Path, cap: int | None) -> dict[str, Any]:
    """``child`` in a new process; adds its peak memory in MB (ru_maxrss, from wait4)."""
    command = [sys.executable, "-m", "bench.bench_import", "--child", str(sheet), "--db", str(db)]
    if cap is not None:
        command += ["--cap", str(cap)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=OUT_DIR.parent.parent)
    assert process.stdout is not None
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"the child failed ({process.returncode})")
    result: dict[str, Any] = json.loads(out)
    result["peak_mb"] = usage.ru_maxrss / 1024  # kilobytes on Linux
    return result


def main_memory(args: argparse.Namespace) -> int:
    sheet = OUT_DIR / f"import-{args.rows}.xlsx"
    if not sheet.exists() or args.rebuild:
        t = time.perf_counter()
        build_sheet(sheet, args.rows, args.seed, 2018)
        print(f"sheet: {sheet.name}, {args.rows} rows, {sheet.stat().st_size / 1e6:.0f} MB, "
              f"built in {time.perf_counter() - t:.0f} s")  # fmt: skip
    cap = f", row cap {args.cap}" if args.cap is not None else ""
    print(f"{sheet.name}{cap}: {'run':>3} {'s':>7} {'peak MB':>8}  outcome")
    peaks = []
    for run in range(1, args.runs + 1):
        r = run_child(sheet, OUT_DIR / "import-memory.sqlite3", args.cap)
        peaks.append(r["peak_mb"])
        outcome = r["refused"] or f"{r['imported']} activities imported"
        print(f"{run:>3} {r['seconds']:7.1f} {r['peak_mb']:8.0f}  {outcome}")
    worst = max(peaks)
    print(f"worst peak {worst:.0f} MB (target <= {MEMORY_TARGET_MB:.0f} MB)")
    return 0 if worst <= MEMORY_TARGET_MB else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--memory", action="store_true", help="time and peak memory, in a child")
    parser.add_argument("--cap", type=int, default=None, help="the row cap in the child")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the --memory sheet")
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child, args.db, args.cap)))
        return 0
    OUT_DIR.mkdir(exist_ok=True)
    if args.memory:
        return main_memory(args)
    sheet = OUT_DIR / f"import-{args.rows}.xlsx"
    t = time.perf_counter()
    expected = build_sheet(sheet, args.rows, args.seed, 2018)
    print(f"sheet: {sheet.name}, {args.rows} rows ({expected} readable), "
          f"built in {time.perf_counter() - t:.1f} s")  # fmt: skip
    print(f"{'run':>3} {'read':>7} {'parse':>7} {'import':>7} {'total':>7}  rejected")
    totals = []
    for run in range(1, args.runs + 1):
        r = run_once(sheet, OUT_DIR / "import-bench.sqlite3", expected)
        totals.append(r["total"])
        print(f"{run:>3} {r['read']:7.2f} {r['parse']:7.2f} {r['import']:7.2f} {r['total']:7.2f}"
              f"  {int(r['rejected'])}")  # fmt: skip
    median = statistics.median(totals)
    print(f"median total {median:.2f} s (target < {TARGET_S:.0f} s)")
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
