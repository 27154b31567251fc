"""Arkiv's file commands: Ny databas…, Öppna…, Senaste filer and Spara en kopia som….

Each database opens in a window of its own (app/ui/open_windows.py); the window the
command was given in stays on its file. The choosers start where the user last chose a
file (app/ui/file_dialogs.py), not in the program's hidden data folder. Imported the
first time one is used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from app import APP_NAME
from app.core.errors import DomainError
from app.store.database import Store
from app.ui.file_dialogs import open_file_name, save_file_name
from app.ui.recent_files import clear_recent, recent_files, remove_recent


class FileWindow(Protocol):
    """What the file commands use of the main window (app.ui.main_window), besides what
    every QMainWindow has."""

    store: Store
    settings: QSettings
    recent_menu: QMenu
    open_database: Callable[[Path], object] | None


def _parts(window: QMainWindow) -> FileWindow:
    return cast(FileWindow, window)


DATABASE_FILTER = "Insatslogg-databas (*.sqlite3);;Alla filer (*)"
SUFFIX = ".sqlite3"


def _with_suffix(path: Path) -> Path:
    """A name typed without an ending gets .sqlite3 (the file dialog may not add it)."""
    return path if path.suffix else path.with_name(path.name + SUFFIX)


def new_database(window: QMainWindow) -> None:
    """Arkiv → Ny databas…: a new file, set up like the first start, in a new window."""
    from app.core.setup import gavleborg_defaults
    from app.store.new_database import create_database, refuse_existing
    from app.ui.setup_dialog import SetupDialog

    chosen = save_file_name(
        window,
        window.tr("Ny databas"),
        "Ny databas.sqlite3",
        window.tr(DATABASE_FILTER),
    )
    if chosen is None:
        return
    path = _with_suffix(chosen)
    try:
        refuse_existing(path)  # before the set-up is asked for
    except DomainError as exc:
        QMessageBox.warning(window, APP_NAME, str(exc))
        return
    setup = SetupDialog.ask(window, gavleborg_defaults())
    if setup is None:
        return
    if _done(window, lambda: create_database(path, setup), f"Databasen {path} kunde inte skapas"):
        _open(window, path)


def open_database(window: QMainWindow) -> None:
    """Arkiv → Öppna…: an existing database, checked, in a window of its own."""
    path = open_file_name(window, window.tr("Öppna databas"), window.tr(DATABASE_FILTER))
    if path is not None:
        _open(window, path)


def open_recent(window: QMainWindow, path: Path) -> None:
    """A file chosen in Arkiv → Senaste filer; one that is gone is taken off the list."""
    if not path.exists():
        remove_recent(_parts(window).settings, path)
        QMessageBox.warning(
            window,
            APP_NAME,
            f"Filen {path} finns inte längre (flyttad eller borttagen). Den är borttagen "
            "ur listan.",
        )
        return
    _open(window, path)


def fill_recent_menu(window: QMainWindow) -> None:
    """Fill Arkiv → Senaste filer, most recent first; a file that is gone is shown
    greyed; the list can be emptied."""
    menu = _parts(window).recent_menu
    menu.clear()
    paths = recent_files(_parts(window).settings)
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {path.name}")
        action.setData(str(path))
        action.setStatusTip(str(path))
        action.setToolTip(str(path))
        action.setEnabled(path.exists())
        action.triggered.connect(lambda _checked=False, p=path: open_recent(window, p))
    if not paths:
        menu.addAction(window.tr("(inga filer ännu)")).setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction(window.tr("&Rensa listan"))
    clear.setEnabled(bool(paths))
    clear.triggered.connect(lambda: clear_recent(_parts(window).settings))


def save_copy(window: QMainWindow) -> None:
    """Arkiv → Spara en kopia som…: a consistent, checked copy in a new file; the window
    stays on its own file."""
    from app.store.database_copy import save_copy as copy_database
    from app.ui.open_windows import find_session

    source = _parts(window).store.path
    chosen = save_file_name(
        window,
        window.tr("Spara en kopia som"),
        f"{source.stem} kopia{SUFFIX}",
        window.tr(DATABASE_FILTER),
    )
    if chosen is None:
        return
    target = _with_suffix(chosen)
    if find_session(target) is not None:
        QMessageBox.warning(
            window,
            APP_NAME,
            f"{target} är en databas som är öppen nu. Välj ett nytt filnamn för kopian.",
        )
        return
    if not _done(
        window, lambda: copy_database(source, target), f"Kopian kunde inte sparas i {target}"
    ):
        return
    window.statusBar().showMessage(
        window.tr("En kontrollerad kopia är sparad: {path}").format(path=target), 10000
    )


def _open(window: QMainWindow, path: Path) -> None:
    """Open ``path`` in a window of its own, the way the application opens files."""
    opener = _parts(window).open_database
    if opener is not None:
        opener(path)


def _done(window: QMainWindow, work: Callable[[], object], failed: str) -> bool:
    """Do ``work``; a refusal (DomainError) or a file that cannot be written is told in
    Swedish, and False returned."""
    try:
        work()
    except DomainError as exc:
        QMessageBox.warning(window, APP_NAME, str(exc))
        return False
    except OSError as exc:
        QMessageBox.critical(window, APP_NAME, f"{failed}: {exc.strerror or exc}.")
        return False
    return True
