"""Time the Excel export of 100 000 activities against a bare openpyxl write-only loop.

    python -m bench.bench_export [--db PATH] [--runs 3] [--regenerate] [--keep]

Without ``--db`` the database is bench/out/export-100k.sqlite3, generated there
(20 years × 5 000 activities, seed 1) when missing. Each measurement runs in a fresh
Python process, one after the other:

* ``export``: ``export_excel`` of all the insats's years (a period), as the app and
  ``insatslogg export excel --from … --to …`` run it: 20 year summaries, the period
  tables, the närvarologg streamed from SQLite, the summary sheets, the atomic save;
* ``bare``: the same närvarologg rows (read into a list first, not timed) appended to a
  one-sheet write-only workbook and saved — the least openpyxl can do with those cells.

Reported: wall time (median of ``--runs``), the ratio export/bare (target ≤ 1.2), and
the export's peak memory: the process's peak RSS (VmHWM, else resource.getrusage) and, in a
separate run, the peak of Python's own allocations (tracemalloc). Target: < 150 MB.
Exit code 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_DB = OUT_DIR / "export-100k.sqlite3"
YEARS, PER_YEAR = 20, 5000
RATIO_TARGET = 1.2
MEMORY_TARGET_MB = 150.0


def _store_and_span(db: Path):  # type: ignore[no-untyped-def]
    from app.store.database import Store

    store = Store.open(db)
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    years = store.activities.years(insats.id)
    return store, insats.id, years[0], years[-1]


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM starts afresh at exec; ru_maxrss
    would also count the parent's memory at fork (e.g. after generating a database)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_export(db: Path, out: Path, trace: bool) -> dict[str, float]:
    if trace:
        import tracemalloc

        tracemalloc.start()
    from app.operations.exports import export_excel
    from app.reports.export_content import ExportRequest

    store, insats_id, first, last = _store_and_span(db)
    t0 = time.perf_counter()
    result = export_excel(store, ExportRequest(insats_id, first, last), out)
    seconds = time.perf_counter() - t0
    store.close()
    figures = {
        "seconds": seconds,
        "rows": float(result.activities),
        "bytes": float(out.stat().st_size),
        "maxrss_mb": peak_rss_mb(),
    }
    if trace:
        import tracemalloc

        figures["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    return figures


def child_bare(db: Path, out: Path) -> dict[str, float]:
    from openpyxl import Workbook

    from app.core.activity_columns import log_columns, log_values

    columns = log_columns()
    store, insats_id, first, last = _store_and_span(db)
    activities = store.exports.activity_rows(insats_id, first, last)
    rows = [log_values(columns, a) for a in activities]  # not timed
    store.close()
    cells = sum(1 for r in rows for v in r if v is not None)
    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Närvarologg")
    ws.append([c.log_header for c in columns])
    for row in rows:
        ws.append(row)
    wb.save(out)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "rows": float(len(rows)), "cells": float(cells)}


def run_child(mode: str, db: Path, out: Path) -> dict[str, float]:
    cmd = [sys.executable, "-m", "bench.bench_export", "--child", mode, "--db", str(db)]
    cmd += ["--out", str(out)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_export")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--keep", action="store_true", help="behåll de skrivna filerna")
    parser.add_argument("--child", choices=["export", "export-traced", "bare"])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)

    db = args.db or DEFAULT_DB
    if args.child:
        if args.child == "bare":
            figures = child_bare(db, args.out)
        else:
            figures = child_export(db, args.out, trace=args.child == "export-traced")
        print(json.dumps(figures))
        return 0

    if args.regenerate or not db.exists():
        if args.db is not None and args.regenerate:
            parser.error("--regenerate skriver bara över databasen i bench/out/")
        from bench.generate import generate

        OUT_DIR.mkdir(exist_ok=True)
        generate(db, years=YEARS, per_year=PER_YEAR, seed=1, force=True)

    export_out = OUT_DIR / "export-100k.xlsx"
    bare_out = OUT_DIR / "bare-100k.xlsx"
    exports: list[dict[str, float]] = []
    bares: list[dict[str, float]] = []
    for run in range(args.runs):  # interleaved, so machine load hits both alike
        bares.append(run_child("bare", db, bare_out))
        exports.append(run_child("export", db, export_out))
        print(
            f"run {run + 1}: bare {bares[-1]['seconds']:.2f} s, "
            f"export {exports[-1]['seconds']:.2f} s",
            flush=True,
        )
    traced = run_child("export-traced", db, export_out)

    bare_s = statistics.median(b["seconds"] for b in bares)
    export_s = statistics.median(e["seconds"] for e in exports)
    ratio = export_s / bare_s
    rss = max(e["maxrss_mb"] for e in exports)
    print()
    print(f"database           {db} ({int(exports[0]['rows'])} activities)")
    print(f"närvarologg cells  {int(bares[0]['cells'])} (not empty)")
    print(f"bare openpyxl loop {bare_s:6.2f} s  (min {min(b['seconds'] for b in bares):.2f})")
    print(f"export_excel       {export_s:6.2f} s  (min {min(e['seconds'] for e in exports):.2f})")
    print(f"ratio              {ratio:6.2f}   (target ≤ {RATIO_TARGET})")
    print(f"peak RSS export    {rss:6.1f} MB (target < {MEMORY_TARGET_MB:.0f} MB)")
    print(f"tracemalloc peak   {traced['traced_peak_mb']:6.1f} MB")
    print(f"file size          {exports[0]['bytes'] / 2**20:6.1f} MB")
    if not args.keep:
        export_out.unlink(missing_ok=True)
        bare_out.unlink(missing_ok=True)
    ok = ratio <= RATIO_TARGET and rss < MEMORY_TARGET_MB
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
