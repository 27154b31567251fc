"""Time sorting and filtering the activity table.

    python -m bench.bench_table [--db PATH] [--scale 25]

Loads every activity of the 20-year bench database (20,000 rows) into the real
ActivityTableModel shown in a QTableView (offscreen), then times sorting by each
column and setting and clearing filters, as the header click and the filter bar
do. ``--scale`` repeats the rows (with new ids) for a second, larger round
(25 × 20,000 = 500,000 rows). Target: every answer under 100 ms at 20,000 rows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from app.core.activity_filter import ActivityFilter  # noqa: E402
from app.core.entities import ActivityRow  # noqa: E402
from app.core.vocabulary import Status  # noqa: E402
from app.store.database import Store  # noqa: E402
from app.ui.activity_table_model import ActivityTableModel  # noqa: E402
from bench.bench_summary import DEFAULT_DB  # noqa: E402
from bench.generate import generate  # noqa: E402

TARGET_MS = 100.0


def timed(app: QApplication, action: Callable[[], None], runs: int = 5) -> float:
    """Median milliseconds for ``action`` plus the view's repaint."""
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        action()
        app.processEvents()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def measure(app: QApplication, rows: list[ActivityRow]) -> float:
    model = ActivityTableModel()
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.resize(1200, 700)
    view.show()
    t = time.perf_counter()
    model.set_rows(rows)
    app.processEvents()
    print(f"  load {len(rows):,} rows: {(time.perf_counter() - t) * 1000:.1f} ms")
    worst = 0.0
    for col, name in enumerate(c.header for c in model.columns):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            ms = timed(app, lambda c=col, o=order: view.sortByColumn(c, o))
            worst = max(worst, ms)
        print(f"  sort by {name:<12} {ms:7.1f} ms")
    filters = {
        "typ = Seminarium": ActivityFilter(type_name="Seminarium"),
        "kommun = Gävle": ActivityFilter(place_label="Gävle"),
        "status = planerad": ActivityFilter(status=Status.PLANERAD),
        "fritext 'utbildning gävle'": ActivityFilter(text="utbildning gävle"),
    }
    for label, flt in filters.items():
        ms_set = timed(app, lambda f=flt: (model.set_filter(ActivityFilter()), model.set_filter(f)))
        ms_clear = timed(
            app, lambda f=flt: (model.set_filter(f), model.set_filter(ActivityFilter()))
        )
        worst = max(worst, ms_set, ms_clear)
        print(f"  filter {label:<28} set+clear {ms_set:6.1f} ms / clear {ms_clear:6.1f} ms")
    view.close()
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--scale", type=int, default=25)
    args = parser.parse_args(argv)
    if not args.db.exists():
        generate(args.db)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    store = Store.open(args.db)
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    rows = store.activities.rows(insats.id, None)
    store.close()
    print(f"{len(rows):,} rows (all years):")
    worst = measure(app, rows)
    print(f"worst answer: {worst:.1f} ms (target < {TARGET_MS} ms)")
    if args.scale > 1:
        big = [replace(r, id=r.id + k * 10_000_000) for k in range(args.scale) for r in rows]
        print(f"{len(big):,} rows (×{args.scale}):")
        print(f"worst answer: {measure(app, big):.1f} ms")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
