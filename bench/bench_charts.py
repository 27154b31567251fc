"""Time the charts of the window on the 20-year bench database.

    python -m bench.bench_charts [--db PATH] [--runs 7] [--no-evaluations]

The database (``bench/out/bench.sqlite3``, generated if missing) is copied to a scratch
file, and — unless ``--no-evaluations`` — every fifth held activity gets an evaluation
of three questions (random answers, seed 1), so the evaluation charts are drawn too.
Each run is a new Python process (offscreen Qt) with the real ``MainWindow`` on 2015,
the year overview's tables already shown; then, each until ``processEvents()`` has run
(the paint included):

* **first chart**: Årsöversikt → Diagram the first time: the charts' modules imported,
  the year's chart data read (months, evaluations per type), the charts built and painted;
* **next year**: the year changed with the charts shown (2014, then 2015 …): the
  charts' part (their data read and built, and painted); the whole window's change of
  year (its activity table, the summary, the overview's tables) is shown beside it;
* **charts again**: Tabell and back to Diagram for the same year (read again, repainted);
* **period view**: Visa → Diagram för period… the first time (its module, the period
  chooser, the year 2015's charts and the whole insats's per-year charts);
* **period changed**: another year chosen in the period view;
* **period: whole insats**: the whole insats (20 years, 20 000 activities) chosen.

Targets (issue 14): the first chart ≤ 300 ms, later ones ≤ 50 ms; exit code 1 if a
median is over.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_summary import DEFAULT_DB
from bench.generate import generate

FIRST_TARGET_MS = 300.0
LATER_TARGET_MS = 50.0

CHILD = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from app.ui.application import make_application
qt_app = make_application([])
from app.store.database import Store
from app.ui.main_window import MainWindow
import app.store.summaries  # as the app's warm-up thread does after start-up
store = Store.open(Path(sys.argv[1]))
window = MainWindow(store, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
window.show_year(2015)
window.act_show_overview.trigger()
for _ in range(3):
    qt_app.processEvents()
out = {}
def timed(name, action):
    start = time.perf_counter()
    action()
    qt_app.processEvents()
    out.setdefault(name, []).append((time.perf_counter() - start) * 1000)
timed("first chart", window.overview.show_charts)
assert len(window.overview.charts.shown()) >= 3
# From here the charts' own part is timed too: their data and building
# (_refresh_charts) and their painting (ChartView.paintEvent).
from app.ui.charts.chart_view import ChartView
spent = [0.0]
def clocked(function):
    def run(*args):
        start = time.perf_counter()
        try:
            return function(*args)
        finally:
            spent[0] += (time.perf_counter() - start) * 1000
    return run
ChartView.paintEvent = clocked(ChartView.paintEvent)
window.overview._refresh_charts = clocked(window.overview._refresh_charts)
for year in (2014, 2015, 2014, 2015):
    spent[0] = 0.0
    timed("next year, window", lambda: window.show_year(year))
    out.setdefault("next year", []).append(spent[0])
for _ in range(4):
    window.overview.show_charts(False)
    qt_app.processEvents()
    timed("charts again", window.overview.show_charts)
timed("period view", window.act_period_charts.trigger)
from app.ui.charts.period_charts_dialog import PeriodChartsDialog
(dialog,) = window.findChildren(PeriodChartsDialog)
chooser = dialog.chooser
combo = chooser.year_combo
for year in (2014, 2013, 2015):
    timed("period changed", lambda: combo.setCurrentIndex(combo.findData(year)))
timed("period: whole insats", lambda: chooser.insats_radio.setChecked(True))
out["charts"] = [len(dialog.panel.shown())]
print(json.dumps(out))
"""

ORDER = (
    "first chart",
    "next year",
    "next year, window",
    "charts again",
    "period view",
    "period changed",
    "period: whole insats",
)
# Timed for context only: the whole window's change of year (the activity table of the
# year, the summary, the overview's tables), of which "next year" is the charts' part.
NO_TARGET = ("next year, window",)


def add_evaluations(path: Path, seed: int = 1) -> int:
    """An evaluation of three questions for every fifth held activity; how many."""
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    try:
        with con:
            ids = [
                r[0]
                for r in con.execute(
                    "SELECT id FROM activity WHERE status = 'genomford' ORDER BY id"
                )
            ][::5]
            questions = {
                n: [tuple(rng.randint(0, 9) for _ in range(5)) for _ in range(3)]
                for n in range(1, len(ids) + 1)
            }
            con.executemany(
                "INSERT INTO evaluation (id, activity_id, asked, answered, source, notes) "
                "VALUES (?, ?, NULL, ?, 'bench', '')",
                [(n, a, max(sum(q) for q in questions[n])) for n, a in enumerate(ids, start=1)],
            )
            con.executemany(
                "INSERT INTO evaluation_question (evaluation_id, sort_order, text, "
                "n1, n2, n3, n4, n5) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (n, k, f"Fråga {k + 1}", *counts)
                    for n, qs in questions.items()
                    for k, counts in enumerate(qs)
                ],
            )
    finally:
        con.close()
    return len(ids)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-evaluations", action="store_true")
    args = parser.parse_args(argv)
    if not args.db.exists():
        generate(args.db)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    repo = Path(__file__).resolve().parents[1]
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "charts.sqlite3"
        shutil.copy(args.db, db)
        if not args.no_evaluations:
            print(f"{add_evaluations(db)} evaluations added to the scratch copy")
        for i in range(args.runs + 1):
            settings = Path(folder) / f"settings-{i}.ini"
            out = subprocess.run(  # noqa: PLW1510 - the return code is looked at
                [sys.executable, "-c", CHILD, str(db), str(settings)],
                env=env,
                cwd=repo,
                capture_output=True,
                text=True,
            )
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
                return 2
            found = json.loads(out.stdout.splitlines()[-1])
            if i == 0:
                print(f"warm-up run: the period view shows {found['charts'][0]} charts")
                continue  # the first run warms the file cache and the .pyc files
            for name in ORDER:
                times.setdefault(name, []).extend(found[name])
    over = False
    print(f"{'ms':<20}{'min':>8}{'median':>8}{'max':>8}  target")
    for name in ORDER:
        values = times[name]
        target = FIRST_TARGET_MS if name in ("first chart", "period view") else LATER_TARGET_MS
        median = statistics.median(values)
        if name in NO_TARGET:
            print(f"{name:<20}{min(values):8.1f}{median:8.1f}{max(values):8.1f}  –")
            continue
        over |= median > target
        print(f"{name:<20}{min(values):8.1f}{median:8.1f}{max(values):8.1f}  ≤ {target:.0f}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
