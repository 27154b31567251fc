"""Time the PDF period report of ten years on the bench database.

    python -m bench.bench_pdf [--db PATH] [--runs 3]

Without ``--db`` the database is bench/out/pdf-10y.sqlite3, generated there (10 years ×
1 000 activities, seed 1) when missing. Each run is ``export_pdf`` of all the years (the
year summaries, the period, the document with its charts, the atomic save), in-process.
Target: under 3 s (median). Exit code 1 when missed.
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
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    db = args.db or DEFAULT_DB
    if not db.exists():
        from bench.generate import main as generate

        OUT_DIR.mkdir(parents=True, exist_ok=True)
        generate(["--db", str(db), "--years", "10"])
    from app.operations.reports import export_pdf
    from app.reports.export_content import ExportRequest
    from app.store.database import Store

    store = Store.open(db)
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    years = store.activities.years(insats.id)
    request = ExportRequest(insats.id, years[0], years[-1])
    times = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "rapport.pdf"
        for _ in range(args.runs):
            start = time.perf_counter()
            result = export_pdf(store, request, out)
            times.append(time.perf_counter() - start)
            print(f"{times[-1]:.2f} s, {result.pages} sidor, {out.stat().st_size / 1e6:.1f} MB")
    store.close()
    median = statistics.median(times)
    print(f"median {median:.2f} s (mål < {TARGET_S:.0f} s)")
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
