"""Starting the window: the QApplication, Swedish translations, the database, first set-up."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from app import APP_NAME
from app.core.errors import DomainError
from app.store.database import Store, resolve_path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    icon = RESOURCES / "icons" / "insatslogg.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    translator = QTranslator(app)
    if translator.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
    return app


def open_store(path: Path) -> Store | None:
    """Open the database, or explain in Swedish why not and return None."""
    try:
        return Store.open(path)
    except (DomainError, OSError) as exc:
        QMessageBox.critical(None, APP_NAME, f"Databasen {path} kunde inte öppnas.\n\n{exc}")
        return None


def ensure_set_up(store: Store) -> bool:
    """On first start, ask for the förbund and insats. False if the user cancels."""
    if store.reference.is_set_up():
        return True
    from app.core.setup import gavleborg_defaults
    from app.ui.setup_dialog import SetupDialog

    setup = SetupDialog.ask(None, gavleborg_defaults())
    if setup is None:
        return False
    store.reference.set_up(setup)
    return True


def warm_up_writes() -> None:
    """Import the ORM write path in the background, so the first save is instant.

    The first screen only reads (plain sqlite3); SQLAlchemy takes about half a
    second to import, which the user should not wait for at start.
    """

    def load() -> None:
        import app.store.activity_writes
        import app.store.reference_writes  # noqa: F401

    threading.Thread(target=load, name="warm-up", daemon=True).start()


class Session:
    """The open database and its window; another file can be opened in its place."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.window: QMainWindow | None = None

    def show(self) -> None:
        from app.ui.main_window import MainWindow

        window = MainWindow(self.store, QSettings())
        window.open_database = self.open_database
        window.show()
        self.window = window

    def open_database(self, path: Path) -> None:
        """Close the window and its database, and open ``path`` in a new window."""
        other = open_store(path)
        if other is None:
            return
        if not ensure_set_up(other):
            other.close()
            return
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        self.store.close()
        self.store = other
        self.show()


def run(db: str | None = None) -> int:
    app = make_application()
    store = open_store(resolve_path(db))
    if store is None:
        return 1
    session = Session(store)
    try:
        if not ensure_set_up(store):
            return 0
        session.show()
        QTimer.singleShot(0, warm_up_writes)
        return app.exec()
    finally:
        session.store.close()
