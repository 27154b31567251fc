"""Time the common user actions in the main window on the 20-year bench database.

    python -m bench.bench_interactions [--db PATH] [--runs 5]

The database (``bench/out/bench.sqlite3``, generated if missing) is copied to a
scratch file, and the real ``MainWindow`` (a ``Store`` and a ``QSettings`` in a
temporary file) is opened offscreen on the year with the most activities. Each action
is timed with ``time.perf_counter`` from the call to the moment
``QApplication.processEvents()`` has run the events it posted (the repaint included):

* each tab shown the first time (a new window for each run) and again;
* changing year (``show_year``), back and forth between two full years;
* opening the activity dialog as Redigera aktivitet does (``edit_activity``: the
  activity read, the dialog built and shown; its ``exec`` is patched to return at once);
* saving an edit of one activity through the Aktiviteter page (``_save`` with an
  update: written, recorded as one step of Ångra, table reloaded), the first save of
  the window and the next ones, and the year overview shown after an edit (recomputed);
* Ångra and Gör om (``undo_stack.undo()`` / ``redo()``);
* Redigera → Ändringslogg (``show_change_log``, its ``exec`` patched likewise).

The ORM write path and the summaries are imported before the first window, as the
app's warm-up thread does after start-up (``warm_up_writes``).
Target: every median ≤ 50 ms; exit code 1 if one is over.

On a server (issue 16): ``--server postgresql://user@host/db`` (an empty database, filled
with the same data by ``bench.server_data``; it is written to, so never a real one) or
``--scratch-server`` (the tests' throwaway cluster on a local socket). Target there:
every median ≤ 100 ms. An action that fails is named with its error, not timed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_summary import DEFAULT_DB  # noqa: E402
from bench.generate import generate  # noqa: E402

TARGET_MS = 50.0
SERVER_TARGET_MS = 100.0
YEARS = (2015, 2014)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=5, help="windows (first-time actions)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--server", help="an empty PostgreSQL database to fill and time")
    where.add_argument("--scratch-server", action="store_true", help="a throwaway cluster")
    args = parser.parse_args(argv)
    if args.server or args.scratch_server:
        return on_server(args)
    if not args.db.exists():
        generate(args.db)

    with tempfile.TemporaryDirectory(prefix="bench-interactions-") as tmp:
        scratch = Path(tmp) / "bench.sqlite3"
        shutil.copyfile(args.db, scratch)
        return run_windows(scratch, Path(tmp), args.runs, f"{args.db.name} (a copy)", TARGET_MS)


def on_server(args: argparse.Namespace) -> int:
    from app.store.server_location import ServerLocation
    from bench.server_data import fill, scratch_server

    with tempfile.TemporaryDirectory(prefix="bench-interactions-") as tmp:
        if args.server:
            location = ServerLocation.parse(args.server)
            fill(location)
            return run_windows(location, Path(tmp), args.runs, location.label, SERVER_TARGET_MS)
        with scratch_server() as location:
            fill(location)
            return run_windows(location, Path(tmp), args.runs, location.label, SERVER_TARGET_MS)


def run_windows(where: Any, tmp: Path, runs: int, name: str, target: float) -> int:
    """``runs`` windows (and one to warm up) on the database ``where``; the figures."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QDialog

    import app.store.activity_writes
    import app.store.reference_writes
    import app.store.summaries  # noqa: F401 - the app's warm-up thread imports these
    from app.store.database import Store
    from app.ui.activity_dialog import ActivityDialog
    from app.ui.change_log_dialog import ChangeLogDialog
    from app.ui.main_window import MainWindow

    qt_app = QApplication.instance() or QApplication([])

    def settle() -> None:
        QApplication.processEvents()

    # The dialogs are shown and their events run, then closed instead of blocking.
    def shown_exec(dialog: QDialog) -> int:
        dialog.show()
        settle()
        shown.append(time.perf_counter())
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    shown: list[float] = []
    ActivityDialog.exec = shown_exec  # type: ignore[assignment,method-assign]
    ChangeLogDialog.exec = shown_exec  # type: ignore[assignment,method-assign]

    times: dict[str, list[float]] = {}
    failed: dict[str, str] = {}

    def timed(name: str, action: Callable[[], object], until_shown: bool = False) -> None:
        shown.clear()
        start = time.perf_counter()
        try:
            action()
        except Exception as exc:  # named below, not timed
            failed.setdefault(name, f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
            return
        settle()
        end = shown[0] if until_shown and shown else time.perf_counter()
        times.setdefault(name, []).append((end - start) * 1000)

    for run in range(runs + 1):
        record = run > 0  # the first window warms the imports and the file cache
        if not record:
            saved = times
            times = {}
        store = Store.open(where) if isinstance(where, Path) else Store.open_server(where)
        settings = QSettings(str(tmp / f"s{run}.ini"), QSettings.Format.IniFormat)
        settings.setValue("main/year", YEARS[0])
        window = one_window(MainWindow(store, settings), store, timed, settle)
        window.close()
        window.deleteLater()
        settle()
        store.close()
        if not record:
            times = saved
    del qt_app

    print(f"{runs} windows on {name}, ms, target ≤ {target:.0f}:")
    width = max(len(name) for name in times)
    print(f"{'action':<{width}}  {'n':>3} {'min':>7} {'median':>7} {'max':>7}")
    over = []
    for name, values in times.items():
        med = statistics.median(values)
        flag = "  OVER" if med > target else ""
        if flag:
            over.append(name)
        print(
            f"{name:<{width}}  {len(values):>3} {min(values):7.1f} {med:7.1f} "
            f"{max(values):7.1f}{flag}"
        )
    for action, error in failed.items():
        print(f"FAILED {action}: {error}")
    if over:
        print(f"over the target: {', '.join(over)}")
    return 1 if over or failed else 0


def one_window(
    window: Any, store: Any, timed: Callable[..., None], settle: Callable[[], None]
) -> Any:
    """Every action once or more in a new window; returns the window."""
    window.show()
    settle()
    tabs = window.tabs
    titles = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
    for i in range(1, tabs.count()):
        timed(f"tab {titles[i]}, first time", lambda i=i: tabs.setCurrentIndex(i))
    for _ in range(2):
        for i in [*range(1, tabs.count()), 0]:
            timed(f"tab {titles[i]}, again", lambda i=i: tabs.setCurrentIndex(i))
    for year in (YEARS[1], YEARS[0], YEARS[1], YEARS[0]):
        timed("change year (show_year)", lambda y=year: window.show_year(y))

    page = window.activities
    row_id = page.model.data(page.model.index(0, 0), _id_role())
    page.select_activity(int(row_id))
    settle()
    for _ in range(3):
        timed("open activity dialog", page.edit_activity, until_shown=True)
    for n in range(3):
        before = store.activities.get(int(row_id))
        after = replace(before, title=f"{before.title.rstrip(' *')}{' *' * (n % 2)}")
        name = "save edit (first of window)" if n == 0 else "save edit"
        timed(name, lambda a=after: page._save(lambda: store.activities.update(a).id))
    before = store.activities.get(int(row_id))
    after = replace(before, notes=(before.notes or "") + ".")
    page._save(lambda: store.activities.update(after).id)
    settle()
    timed("Årsöversikt after an edit", lambda: tabs.setCurrentIndex(len(titles) - 1))
    tabs.setCurrentIndex(0)
    settle()
    for _ in range(2):
        timed("undo (Ångra)", window.undo_stack.undo)
        timed("redo (Gör om)", window.undo_stack.redo)
    tabs.setCurrentIndex(0)
    settle()
    timed("Redigera → Ändringslogg", window.show_change_log, until_shown=True)
    timed("Redigera → Ändringslogg", window.show_change_log, until_shown=True)

    return window


def _id_role() -> int:
    from app.ui.activity_table_model import ID_ROLE

    return int(ID_ROLE)


if __name__ == "__main__":
    sys.exit(main())
