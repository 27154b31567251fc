"""Time from launching the app to the main window shown and populated.

    python -m bench.bench_startup [--db PATH] [--runs 10]

Each run is a new Python process (offscreen Qt) that goes through the app's own
start path — the log, make_application, open_store (location check, instance lock,
integrity check, migrations), MainWindow, show — on the 20-year bench
database, for the year with the most activities. The clock starts in this process
just before the child is spawned, so interpreter start-up is included.
Target: under 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.bench_summary import DEFAULT_DB
from bench.generate import generate

CHILD = """
import sys, time
from pathlib import Path
from app import app_log
app_log.start(window=True)
from app.store.opening import EarlyCheck
early = EarlyCheck(Path(sys.argv[1]))
from app.ui.application import make_application, open_store
app = make_application([])
opened = open_store(Path(sys.argv[1]), early)
from app.ui.main_window import MainWindow
from PySide6.QtCore import QSettings
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = MainWindow(opened.store, settings)
window.show()
app.processEvents()
shown = time.time()
assert window.activities.model.rowCount() > 0, "the table is empty"
print(shown, window.activities.model.rowCount(), window.year)
"""

TARGET_S = 0.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    if not args.db.exists():
        generate(args.db)
    settings = args.db.parent / "startup-settings.ini"
    settings.write_text("[main]\nyear=2015\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    repo = Path(__file__).resolve().parents[1]
    times: list[float] = []
    for i in range(args.runs + 1):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(args.db), str(settings)],
            env=env,
            cwd=repo,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        if i == 0:
            print(f"warm-up run: {out[1]} rows of {out[2]} shown")
            continue  # the first run warms the file cache and .pyc files
        times.append(float(out[0]) - started)
    print(
        f"launch → window shown and populated, {args.runs} runs: "
        f"min {min(times):.3f} s, median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s (target < {TARGET_S} s)"
    )
    return 0 if statistics.median(times) < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
