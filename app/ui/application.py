"""Starting the window: the QApplication, Swedish translations, the database, first set-up."""

from __future__ import annotations

import logging
import sys
import threading
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, ClassVar, cast

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_NAME
from app.core.errors import DomainError
from app.core.wording import count_noun
from app.store import restore
from app.store.database import Store, resolve_where
from app.store.instance_lock import DatabaseInUse
from app.store.opening import DamagedDatabase, EarlyCheck, OpenDatabase, open_database
from app.store.server_location import ServerLocation
from app.ui import open_windows

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    # No application display name: Qt would append it to every window title with a
    # dash of the platform's choosing (an em dash on Linux). The titles name the
    # program themselves, with the en dash used everywhere else ("Kommuner – Insatslogg").
    icon = RESOURCES / "icons" / "insatslogg.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    install_swedish(app)
    return app


class _QtCorrections(QTranslator):
    """Where Qt's own Swedish differs from how a careful writer puts it: "OK", not
    "Ok". Installed after Qt's translation, so it is asked first."""

    CORRECTIONS = {"OK": "OK", "&OK": "&OK"}

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return self.CORRECTIONS.get(source)

    def isEmpty(self) -> bool:
        return False


def install_swedish(app: QApplication) -> list[QTranslator]:
    """Qt's standard texts (buttons, dialogs) in Swedish, as corrected; returns the
    translators installed."""
    installed: list[QTranslator] = []
    translator = QTranslator(app)
    if translator.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(translator)
        installed.append(translator)
    corrections = _QtCorrections(app)
    app.installTranslator(corrections)
    installed.append(corrections)
    return installed


def open_store(path: Path | ServerLocation, early: EarlyCheck | None = None) -> OpenDatabase | None:
    """Open the database with every check, or explain in Swedish why not and return None.

    A damaged file is never opened: the user is offered the newest good backup, and the
    damaged file is kept aside when it is restored.
    """
    while True:
        try:
            return open_database(path, early=early)
        except DatabaseInUse as exc:
            QMessageBox.information(None, APP_NAME, str(exc))
            return None
        except DamagedDatabase as exc:
            early = None  # check the restored file afresh
            if not restore_damaged(exc):
                return None
        except (DomainError, OSError) as exc:
            QMessageBox.critical(None, APP_NAME, f"Databasen {path} kunde inte öppnas.\n\n{exc}")
            return None
        except Exception as exc:  # noqa: BLE001 - every start failure is a window
            show_unexpected(exc, f"Databasen {path} kunde inte öppnas. ")
            return None


def ask_restore_damaged(exc: DamagedDatabase) -> bool:
    """Ask whether to restore the newest good backup over a damaged database."""
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, exc.question())
    if exc.backup is None:
        box.addButton("Avsluta", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return False
    restore_button = box.addButton("Återställ säkerhetskopian", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Avsluta", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore_button)
    box.exec()
    return box.clickedButton() is restore_button


def restore_damaged(exc: DamagedDatabase) -> bool:
    """Offer the newest good backup; True when it was restored (the damaged file kept aside).
    Without a backup the user is told so, in a window too."""
    if not ask_restore_damaged(exc) or exc.backup is None:
        return False
    try:
        result = restore.restore_unopened(exc.backup.path, exc.path)
    except (DomainError, OSError) as error:
        QMessageBox.critical(None, APP_NAME, f"Återställningen misslyckades.\n\n{error}")
        return False
    kept = (
        f"Den skadade filen finns kvar som {result.damaged_kept_as}."
        if result.damaged_kept_as is not None
        else "Läget före återställningen finns kvar som säkerhetskopia."
    )
    QMessageBox.information(
        None,
        APP_NAME,
        f"Databasen är återställd från säkerhetskopian från "
        f"{exc.backup.taken_at:%Y-%m-%d %H:%M}.\n\n{kept}",
    )
    return True


def ensure_set_up(store: Store) -> bool:
    """On first start, ask for the förbund and insats. False if the user cancels."""
    if store.reference.is_set_up():
        return True
    from app.core.setup import gavleborg_defaults
    from app.ui.setup_dialog import SetupDialog

    setup = SetupDialog.ask(None, gavleborg_defaults())
    if setup is None:
        return False
    from app.store.new_database import set_up

    set_up(store, setup)  # the set-up `insatslogg init` and Arkiv → Ny databas… write
    return True


def warm_up_writes() -> None:
    """Import the ORM write path and the year overview's reads in the background, so
    the first save and the first overview do not wait for them.

    The first screen only reads (plain sqlite3); SQLAlchemy takes about half a
    second to import, which the user should not wait for at start.
    """

    def load() -> None:
        import app.store.activity_writes
        import app.store.reference_writes
        import app.store.summaries  # noqa: F401 - the year overview's, read when first shown

    threading.Thread(target=load, name="warm-up", daemon=True).start()


def offer_gallring(store: Store, today: date | None = None) -> int:
    """Apply the gallring period at start, after asking; returns how many names were erased."""
    from app.core.people import gallring_cutoff
    from app.ui.form_widgets import ask_yes_no

    insats = store.reference.current_insats()
    if insats is None or insats.forbund_id is None:
        return 0
    years = store.people.gallring_years()
    due = store.people.stale_people(
        insats.forbund_id, gallring_cutoff(today or date.today(), years)
    )
    if not due:
        return 0
    who = count_noun(len(due), "person", "personer")
    if not ask_yes_no(
        None,
        f"Gallring av personuppgifter\n\n{who} har inte varit med i någon aktivitet på "
        f"{years} år (gallringstiden under Inställningar → Personuppgifter).\n\n"
        "Ta bort namnen nu? Alla antal står kvar. Väljer du Nej frågar programmet igen "
        "nästa gång.",
    ):
        return 0
    erased = store.people.erase_many([p.id for p in due if p.id is not None])
    log.info("Gallring vid start: %d personer", erased)
    unfinished = store.people.backup_erasure_warning()
    if unfinished is not None:
        QMessageBox.warning(None, APP_NAME, unfinished)
    return erased


class Session:
    """An open database and its window; a backup can be restored into it. Another file
    opens in a session and window of its own (app/ui/open_windows.py)."""

    # Every database open in this program, each with its window.
    open_sessions: ClassVar[list[Session]] = open_windows.SESSIONS  # type: ignore[assignment]

    def __init__(self, opened: OpenDatabase) -> None:
        self.opened = opened
        self.window: MainWindow | None = None
        Session.open_sessions.append(self)

    @property
    def store(self) -> Store:
        return self.opened.store

    def show(self) -> None:
        from app.ui.main_window import MainWindow

        window = MainWindow(self.store, QSettings())
        window.open_database = self.open_database
        window.restore_database = self.restore_database
        window.on_closed = self._window_closed
        window.show()
        self.window = window
        QTimer.singleShot(0, self._remember_file)

    def _remember_file(self) -> None:
        """Put the file first in Arkiv → Senaste filer (after the window is up)."""
        from app.ui.recent_files import add_recent

        if self.window is not None and self.store.server is None:  # a file, not a server
            add_recent(self.window.settings, self.store.path)

    def _window_closed(self) -> None:
        """The user closed the window: its database is closed (backed up if it changed)."""
        window, self.window = self.window, None
        if window is not None:
            window.deleteLater()  # once its close has finished
        self.close()

    def _close_window(self) -> None:
        if self.window is not None:
            self.window.on_closed = None  # the file stays open
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def open_database(self, path: Path | ServerLocation) -> Session | None:
        """Open ``path`` in a window of its own; this window stays on its file."""
        return open_in_new_window(path, self.window)

    def restore_database(self, backup: Path) -> None:
        """Put ``backup`` in place of the open database (which is backed up first)."""
        path = self.store.path
        self._close_window()
        self.store.close()
        try:
            result = restore.restore(backup, path)
        except DomainError as exc:
            QMessageBox.warning(None, APP_NAME, str(exc))
            result = None
        # The lock is still ours; open what is in the file now (migrated if it is older).
        try:
            self.opened = OpenDatabase(Store.open(path), self.opened.lock)
            if self.opened.lock is not None:
                # A restore that put a checked copy in place made a new file (a new
                # inode): lock that identity too, so a hard link cannot open it twice.
                self.opened.lock.hold_identity()
        except (DomainError, OSError) as exc:
            QMessageBox.critical(None, APP_NAME, f"Databasen {path} kunde inte öppnas.\n\n{exc}")
            QApplication.quit()
            return
        except Exception as exc:  # noqa: BLE001 - shown, not printed
            show_unexpected(exc, f"Databasen {path} kunde inte öppnas. ")
            QApplication.quit()
            return
        self.show()
        if result is not None and self.window is not None:
            log.info("Återställd från %s", backup.name)
            self.window.statusBar().showMessage(
                f"Återställd från {backup.name}. Läget före finns kvar som säkerhetskopia.", 15000
            )

    def close(self) -> None:
        """Close the database: a backup if anything changed, then the lock is let go."""
        if self in Session.open_sessions:
            Session.open_sessions.remove(self)
        try:
            self.opened.close()
        except DomainError as exc:
            QMessageBox.warning(
                None,
                APP_NAME,
                f"Säkerhetskopian vid stängning kunde inte göras.\n\n{exc}\n\n"
                "Det du registrerat är sparat i databasen.",
            )


def open_in_new_window(
    path: Path | ServerLocation, parent: QWidget | None = None
) -> Session | None:
    """Open the existing database ``path`` in a window of its own, with every check the
    start makes (damaged, empty, newer, in use elsewhere: told in Swedish, nothing
    changed). A file open here already has its window brought forward. None when it was
    not opened."""
    from app.ui.open_windows import bring_forward, find_session

    if not isinstance(path, ServerLocation):  # a file: its checks first
        path = path.expanduser()
        found = find_session(path)
        if found is not None:
            bring_forward(found)
            return cast(Session, found)
        if not path.exists():
            QMessageBox.warning(
                parent, APP_NAME, f"Filen {path} finns inte. Ingenting har öppnats."
            )
            return None
        if path.is_dir():
            QMessageBox.warning(parent, APP_NAME, f"{path} är en mapp, inte en databasfil.")
            return None
    opened = open_store(path)
    if opened is None:
        return None
    if not ensure_set_up(opened.store):
        opened.close(backup=False)
        return None
    session = Session(opened)
    session.show()
    return session


def run(db: str | None = None, early: EarlyCheck | None = None) -> int:
    app = make_application()
    install_excepthook()
    try:
        where = resolve_where(db)
    except DomainError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    opened = open_store(where, early)
    if opened is None:
        return 1
    session = Session(opened)
    try:
        try:
            if not ensure_set_up(session.store):
                return 0
            offer_gallring(session.store)
            session.show()
        except Exception as exc:  # noqa: BLE001 - every start failure is a window
            show_unexpected(exc, "Programmet kunde inte starta. ")
            return 1
        QTimer.singleShot(0, warm_up_writes)
        return app.exec()
    finally:
        session.close()
        for other in list(Session.open_sessions):  # the windows opened from Arkiv
            other.close()


def show_unexpected(exc: BaseException, lead: str = "") -> None:
    """An unexpected error as a Swedish message box (the details, without data, go to the
    log): the user never has to read a traceback, and never sees nothing at all."""
    from app import app_log

    where = app_log.record_unexpected(exc)
    QMessageBox.critical(
        QApplication.activeWindow(),
        APP_NAME,
        f"{lead}Ett oväntat fel inträffade ({type(exc).__name__}). Det du redan sparat "
        f"finns kvar.\n\nTekniska detaljer (utan personuppgifter) finns i loggfilen {where}.",
    )


def install_excepthook() -> None:
    """An unexpected error goes to the log (without data) and to a Swedish message box;
    the user never has to read a traceback. Everything already saved stays saved."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        show_unexpected(exc)

    sys.excepthook = hook
