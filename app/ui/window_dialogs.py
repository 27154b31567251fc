"""The main window's menu handlers that open a dialog: Arkiv (export, report, import,
backups), Inställningar (insats, kommuner, organisations, types, privacy) and Hjälp
(example data, about), with their actions. ``MainWindow`` inherits them; they keep its
method names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from app import APP_NAME, __version__
from app.core.changes import ChangeSet
from app.core.entities import Insats
from app.store.database import Store
from app.store.server_location import ServerLocation
from app.ui import economy_actions

if TYPE_CHECKING:
    from app.ui.edit_history import EditHistory


class WindowDialogs(QMainWindow):
    """The dialog-opening handlers; the window sets the attributes below."""

    store: Store
    insats: Insats
    year: int
    undo_stack: QUndoStack
    settings: QSettings
    # Set by the application: opens another database file in a window of its own.
    open_database: Callable[[Path | ServerLocation], object] | None
    # Set by the application: closes this window and restores a backup into the file.
    restore_database: Callable[[Path], None] | None
    # After a change to the insats or its lists: re-read them and reload (MainWindow's).
    _after_reference_change: Callable[[], None]
    # After an undo from the change log window: show it (MainWindow's).
    _after_reverted: Callable[[ChangeSet | None], None]
    history: EditHistory

    # --- actions ------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _create_dialog_actions(self) -> None:
        """The actions of the handlers below (the window puts them in its menus)."""
        self.act_export = self._action(
            self.tr("&Exportera till Excel…"),
            self.export_excel,
            QKeySequence("Ctrl+E"),
            self.tr("Närvarologg och sammanställningar för ett år eller en period"),
        )
        self.act_report = self._action(
            self.tr("&Rapport till styrelsen (PDF)…"),
            self.export_pdf,
            QKeySequence("Ctrl+R"),
            self.tr("Års- eller periodrapport som PDF"),
        )
        self.act_report_texts = self._action(
            self.tr("Rapport&texter…"),
            self.edit_report_texts,
            None,
            self.tr("Bakgrund, analys, slutsatser och angivna siffror för rapporten"),
        )
        self.act_import = self._action(
            self.tr("&Importera…"),
            self.import_file,
            QKeySequence("Ctrl+I"),
            self.tr("Aktiviteter från Excel, CSV eller en kalender (.ics)"),
        )
        from app.ui.ledger_actions import import_ledger_into  # issue 15: the ledger import

        self.act_import_ledger = self._action(
            self.tr("Importera &huvudboksutdrag…"),
            lambda: import_ledger_into(self),
            None,
            self.tr("Kostnader från förbundets huvudbok (Excel eller CSV)"),
        )
        self.act_insats = self._action(self.tr("&Förbund och insats…"), self._edit_insats)
        self.act_insatser = self._action(
            self.tr("&Byt eller lägg till insats…"), self._choose_insats
        )
        self.act_kommuner = self._action(self.tr("&Kommuner…"), self._edit_kommuner)
        self.act_orgs = self._action(self.tr("&Organisationer…"), self._edit_organisations)
        self.act_types = self._action(self.tr("&Aktivitetstyper…"), self._edit_types)
        self.act_budget_lines = economy_actions.budget_lines_action(self)  # issue 15
        self.act_logo = self._action(
            self.tr("&Logotyp för rapporter…"),
            self._edit_logo,
            None,
            self.tr("Bilden på rapportens försättsblad"),
        )
        self.act_privacy = self._action(self.tr("&Personuppgifter…"), self._privacy)
        self.act_server = self._action(self.tr("&Databasserver…"), self._choose_server)
        self.act_backups = self._action(
            self.tr("&Säkerhetskopior…"),
            self.manage_backups,
            None,
            self.tr("Mapp för säkerhetskopior, lista, återställning"),
        )
        self.act_backup_now = self._action(
            self.tr("Säkerhets&kopiera nu"),
            self.backup_now,
            None,
            self.tr("Ta en kontrollerad kopia av databasen"),
        )
        self.act_restore = self._action(
            self.tr("Åter&ställ från säkerhetskopia…"),
            self.manage_backups,
            None,
            self.tr("Ersätt databasens innehåll med en säkerhetskopia"),
        )
        self.act_about = self._action(self.tr("&Om Insatslogg"), self._about)
        self.act_change_log = self._action(
            self.tr("Ä&ndringslogg…"),
            self.show_change_log,
            QKeySequence("Ctrl+Shift+L"),
            self.tr("Varje ändring: när, vem, vad, före och efter"),
        )
        self._create_file_actions()
        self.act_demo = self._action(
            self.tr("Öppna &exempeldata…"),
            self.open_demo,
            None,
            self.tr("Skapa en databas med Gävleborgs ASF-insats 2016–2020 och öppna den"),
        )

    # --- handlers -----------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)

    def _record_pending(self) -> None:
        """Whatever a dialog saved is one step of Ångra, also when it then was cancelled."""
        self.history.record()

    def _edit_insats(self) -> None:
        from app.ui.settings_dialogs import InsatsDialog

        if InsatsDialog.ask(self, self.store):
            self._after_reference_change()
        self._record_pending()

    def _choose_insats(self) -> None:
        from app.ui.settings_dialogs import InsatserDialog

        if InsatserDialog.ask(self, self.store):
            # Undo steps belong to the insats they were made in.
            self.undo_stack.clear()
            self._after_reference_change()

    def _edit_kommuner(self) -> None:
        from app.ui.settings_dialogs import KommunerDialog

        if KommunerDialog.ask(self, self.store):
            self._after_reference_change()
        self._record_pending()

    def _edit_organisations(self) -> None:
        from app.ui.settings_dialogs import OrganisationsDialog

        if OrganisationsDialog.ask(self, self.store):
            self._after_reference_change()
        self._record_pending()

    def _edit_types(self) -> None:
        from app.ui.settings_dialogs import ActivityTypesDialog

        if ActivityTypesDialog.ask(self, self.store):
            self._after_reference_change()
        self._record_pending()

    def _edit_logo(self) -> None:
        from app.ui.settings_dialogs import ReportLogoDialog

        ReportLogoDialog.ask(self, self.store)
        self._record_pending()

    def export_excel(self) -> None:
        from app.ui.export_dialog import ExportDialog, export_with_progress

        choice = ExportDialog.ask(self, self.store, self.insats, self.year)
        if choice is not None:
            export_with_progress(self, self.store, choice)  # reports in the status bar

    def export_pdf(self) -> None:
        from app.ui.export_dialog import PDF, ExportDialog
        from app.ui.report_preview import ReportPreviewDialog

        choice = ExportDialog.ask(self, self.store, self.insats, self.year, PDF)
        if choice is not None:  # built in the background, then previewed, printed, saved
            ReportPreviewDialog.show_report(self, self.store, choice.request)

    def show_change_log(self) -> None:
        from app.ui.change_log_dialog import ChangeLogDialog

        self._record_pending()
        dialog = ChangeLogDialog(self.store, self)
        dialog.reverted.connect(self._after_reverted)
        dialog.exec()
        dialog.deleteLater()

    def edit_report_texts(self) -> None:
        from app.ui.report_texts_dialog import ReportTextsDialog

        ReportTextsDialog.ask(self, self.store, self.insats, self.year)
        self._record_pending()

    def import_file(self) -> None:
        from app.ui.import_dialog import ImportDialog

        if ImportDialog.run(self, self.store, self.insats):
            self._after_reference_change()
            self.statusBar().showMessage(self.tr("Importen är klar."), 8000)

    def open_demo(self) -> None:
        """Hjälp → Öppna exempeldata: build the Gävleborg demo in a new file and open it."""
        from app.demo_gavleborg import build_demo
        from app.ui.background import run_in_background
        from app.ui.file_dialogs import save_file_name

        path = save_file_name(
            self,
            self.tr("Spara exempeldatabasen som"),
            "Insatslogg exempel Gävleborg.sqlite3",
            self.tr("Insatslogg-databas (*.sqlite3)"),
        )
        if path is None:
            return
        from app.ui.open_windows import find_session

        if find_session(path) is not None:
            self._show_error(self.tr("Välj en annan fil än en databas som är öppen nu."))
            return
        for old in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            old.unlink(missing_ok=True)  # the file dialog has asked before overwriting
        outcome = run_in_background(
            self,
            self.tr("Exempeldata"),
            self.tr("Skapar exempeldatabasen…"),
            lambda progress: build_demo(path),
        )
        if outcome.error is not None:
            self._show_error(str(outcome.error))
        elif outcome.ok and self.open_database is not None:
            self.open_database(path)

    def _privacy(self) -> None:
        from app.ui.privacy_dialog import PrivacyDialog

        assert self.insats.forbund_id is not None
        changed, erased = PrivacyDialog.run(self, self.store, self.insats.forbund_id)
        if erased:
            # The steps before an erasure may hold the erased data: they cannot be undone.
            self.undo_stack.clear()
        if changed:
            self._after_reference_change()
        self._record_pending()

    def _choose_server(self) -> None:
        """Inställningar → Databasserver…: connect, and open it in a window of its own."""
        from app.ui.server_dialog import ServerDialog

        chosen = ServerDialog.ask(self, self.settings)
        if chosen is not None and self.open_database is not None:
            self.open_database(chosen)

    def backup_now(self) -> None:
        """Arkiv → Säkerhetskopiera nu."""
        from app.ui.backup_dialog import take_backup, take_server_backup

        if self.store.server is not None:  # a pg_dump copy, or why the server's apply
            made = take_server_backup(self, self.store.server)
        else:
            made = take_backup(self, self.store.path)
        if made is None:
            return
        self.statusBar().showMessage(
            self.tr("Säkerhetskopian är sparad och kontrollerad: {path}").format(path=made.path),
            10000,
        )

    def manage_backups(self) -> None:
        """The backups dialog; a chosen backup is restored by the application."""
        from app.ui.backup_dialog import BackupDialog, show_server_backups

        if self.store.server is not None:  # no restore from the program on a server
            show_server_backups(self, self.store.server)
            return
        chosen = BackupDialog.ask(self, self.store.path)
        if chosen is not None and self.restore_database is not None:
            self.restore_database(chosen)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Om Insatslogg"),
            self.tr(
                "<h3>Insatslogg {version}</h3>"
                "<p>Aktiviteter, deltagare och årsuppföljning för processledare i "
                "samordningsförbund.</p><p>Databas: {path}</p>"
            ).format(version=__version__, path=self.store.path),
        )

    # --- Arkiv: files (app/ui/file_menu.py, imported when used) ---------------------------
    def _create_file_actions(self) -> None:
        def command(name: str) -> Callable[[], None]:
            def run() -> None:
                from app.ui import file_menu

                getattr(file_menu, name)(self)

            return run

        self.act_new_database = self._action(
            self.tr("Ny &databas…"), command("new_database"), None, self.tr("Skapa en ny databas")
        )
        self.act_open_database = self._action(
            self.tr("Ö&ppna…"),
            command("open_database"),
            QKeySequence.StandardKey.Open,
            self.tr("Öppna en databas i ett nytt fönster"),
        )
        self.act_save_copy = self._action(
            self.tr("Spara en k&opia som…"),
            command("save_copy"),
            None,
            self.tr("Spara en kontrollerad kopia av databasen; fönstret stannar på sin fil"),
        )
        self._create_offline_actions()
        self.recent_menu = QMenu(self.tr("Senaste &filer"), self)
        self.recent_menu.aboutToShow.connect(command("fill_recent_menu"))

    def _create_offline_actions(self) -> None:
        """Arkiv → Ta offlinekopia… (a server database) and Slå ihop offlinekopia… (a
        file that is an offline copy); hidden otherwise (issue 16)."""
        from app.store.offline_origin import origin_of

        def command(name: str) -> Callable[[], None]:
            def run() -> None:
                from app.ui import offline_dialog

                getattr(offline_dialog, name)(self)

            return run

        self.act_offline_take = self._action(
            self.tr("Ta offlinekopia…"),
            command("take_copy"),
            None,
            self.tr("Ta en kopia av serverdatabasen att arbeta i utan nätverk"),
        )
        self.act_offline_take.setVisible(self.store.server is not None)
        self.act_offline_merge = self._action(
            self.tr("Slå ihop offlinekopia…"),
            command("merge_copy"),
            None,
            self.tr("Lägg till och uppdatera på servern det som ändrats i offlinekopian"),
        )
        self.act_offline_merge.setVisible(origin_of(self.store) is not None)
