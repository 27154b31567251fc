"""Time the board report of a ten-year period, as PDF and as Word, on the bench database.

    python -m bench.bench_report [--db PATH] [--runs 5] [--only pdf|docx]

Without ``--db`` the database is bench/out/pdf-10y.sqlite3, generated there (10 years ×
1 000 activities, seed 1) when missing. Each run is the whole use case, in-process:
``export_pdf`` (the year summaries, the period, the blocks, the PDF with its charts, the
atomic save) and ``export_docx`` (the same summaries and blocks, the Word file with its
charts as pictures). Target: each under 3 s (median). Exit code 1 when one is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "out"
DEFAULT_DB = OUT_DIR / "pdf-10y.sqlite3"
TARGET_S = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("pdf", "docx"), default=None)
    args = parser.parse_args(argv)
    db = args.db or DEFAULT_DB
    if not db.exists():
        from bench.generate import main as generate

        OUT_DIR.mkdir(parents=True, exist_ok=True)
        generate(["--db", str(db), "--years", "10"])
    from app.operations.reports import export_docx, export_pdf
    from app.reports.export_content import ExportRequest
    from app.store.database import Store

    store = Store.open(db)
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    years = store.activities.years(insats.id)[:10]
    request = ExportRequest(insats.id, years[0], years[-1])
    print(f"period {request.span} ({len(years)} år)")
    medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind, export in (("pdf", export_pdf), ("docx", export_docx)):
            if args.only not in (None, kind):
                continue
            out = Path(folder) / f"rapport.{kind}"
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                export(store, request, out)
                times.append(time.perf_counter() - start)
                size = out.stat().st_size / 1e6
                print(f"{kind}: {times[-1]:.2f} s, {size:.2f} MB")
            medians[kind] = statistics.median(times)
    store.close()
    for kind, median in medians.items():
        print(f"{kind}: median {median:.2f} s (mål < {TARGET_S:.0f} s)")
    return 0 if all(m < TARGET_S for m in medians.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
