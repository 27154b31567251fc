"""Säkerhetskopior: where they go, which there are, take one now, restore one.

The dialog only chooses; the window restores (it has to close the database first).
``BackupDialog.ask`` returns the file the user chose to restore, or None.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.backup_rotation import DEFAULT_POLICY
from app.core.errors import DomainError
from app.core.wording import count_noun
from app.operations import backups
from app.store.backups import BackupInfo
from app.ui.file_dialogs import existing_directory, open_file_name
from app.ui.form_widgets import run_modal
from app.ui.row_table_model import RowTableModel
from app.ui.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from app.store.server_location import ServerLocation


class BackupListModel(RowTableModel[BackupInfo]):
    HEADERS = ("Tagen", "Anledning", "Storlek", "Fil")
    CONTEXT = "BackupListModel"

    def cell(self, item: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                f"{item.taken_at:%Y-%m-%d %H:%M:%S}",
                item.label,
                item.size_text,
                item.path.name,
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(item.path)
        return None


def take_backup(parent: QWidget | None, db_path: Path) -> BackupInfo | None:
    """Back up now with a wait cursor; a failure is shown, and None returned."""
    error = ""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        made: BackupInfo | None = backups.take_backup(db_path)
    except DomainError as exc:
        made, error = None, str(exc)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if made is None:
        QMessageBox.warning(parent, "Säkerhetskopior", error)
    return made


def take_server_backup(parent: QWidget | None, location: ServerLocation) -> BackupInfo | None:
    """A pg_dump copy of the server database (app.store.server_backups); when it cannot
    be made (no pg_dump here, the server refused), the user is told why and that the
    server's own backups apply."""
    from app.store.server_backups import make_dump

    error = ""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        made: BackupInfo | None = make_dump(location)
    except DomainError as exc:
        made, error = None, str(exc)
    finally:
        QGuiApplication.restoreOverrideCursor()
    if made is None:
        QMessageBox.information(parent, "Säkerhetskopior", error)
    return made


def show_server_backups(parent: QWidget | None, location: ServerLocation) -> None:
    """The copies made here of the server database, and how IT restores one."""
    from app.store.server_backups import RESTORE_NOTE, dump_folder, list_dumps

    dumps = list_dumps(location)
    shown = "\n".join(f"{b.taken_at:%Y-%m-%d %H:%M}  {b.size_text}" for b in dumps[:10])
    QMessageBox.information(
        parent,
        "Säkerhetskopior",
        f"Databasen {location.label} ligger på en server; serverns egna säkerhetskopior "
        f"gäller (fråga IT).\n\nEgna kopior (pg_dump) på den här datorn, i "
        f"{dump_folder(location)}:\n{shown or 'inga ännu'}\n\n{RESTORE_NOTE}",
    )


def confirm_restore(parent: QWidget | None, chosen: Path, taken: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Insatslogg",
        f"Återställa databasen från säkerhetskopian {taken}?\n\n"
        "Allt som registrerats efter att kopian togs försvinner ur databasen. Läget just nu "
        "sparas först som en egen säkerhetskopia, så återställningen går att ångra genom att "
        f"återställa den.\n\n{chosen}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class BackupDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Säkerhetskopior"))
        resize_to_fit(self, 820, 460)

        intro = QLabel(
            self.tr(
                "Insatslogg tar en säkerhetskopia när programmet stängs (om något ändrats) och "
                "före varje uppgradering av databasen. Varje kopia kontrolleras innan den "
                "sparas. {policy}"
            ).format(policy=DEFAULT_POLICY.describe())
        )
        intro.setWordWrap(True)

        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("backupFolder")
        self.folder_edit.setReadOnly(True)
        self.choose_folder_button = QPushButton(self.tr("Byt mapp…"))
        self.choose_folder_button.clicked.connect(self._choose_folder)
        self.default_folder_button = QPushButton(self.tr("Standardmapp"))
        self.default_folder_button.clicked.connect(self._default_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Mapp:")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_folder_button)
        folder_row.addWidget(self.default_folder_button)

        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._restore_index)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyLabel")

        self.backup_button = QPushButton(self.tr("Säkerhetskopiera nu"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("Återställ vald…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Återställ från fil…"))
        self.restore_file_button.clicked.connect(self.restore_from_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        button_row = QHBoxLayout()
        button_row.addWidget(self.backup_button)
        button_row.addWidget(self.restore_button)
        button_row.addWidget(self.restore_file_button)
        button_row.addStretch(1)
        button_row.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(button_row)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: Path) -> Path | None:
        """Show the dialog; the backup the user chose to restore, or None."""
        dialog = cls(db_path, parent)
        return dialog.chosen if run_modal(dialog) else None

    # --- contents ---------------------------------------------------------------------
    def refresh(self) -> None:
        listing = backups.backups_of(self.db_path)
        self.folder_edit.setText(str(listing.folder))
        self.default_folder_button.setEnabled(not listing.default_folder)
        listed = listing.backups
        self.model.set_rows(listed)
        self.empty_label.setText(
            self.tr("{n}.").format(n=count_noun(len(listed), "säkerhetskopia", "säkerhetskopior"))
            if listed
            else self.tr("Inga säkerhetskopior i mappen ännu.")
        )
        if listed:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Säkerhetskopior"), message)

    # --- actions ----------------------------------------------------------------------
    def _choose_folder(self) -> None:
        folder = existing_directory(
            self, self.tr("Mapp för säkerhetskopior"), start=Path(self.folder_edit.text())
        )
        if folder is not None:
            self.set_folder(folder)

    def set_folder(self, folder: Path | None) -> None:
        try:
            backups.choose_backup_folder(self.db_path, folder)
        except OSError as exc:
            self._error(self.tr("Valet kunde inte sparas: {e}").format(e=exc.strerror or exc))
        self.refresh()

    def _default_folder(self) -> None:
        self.set_folder(None)

    def backup_now(self) -> BackupInfo | None:
        made = take_backup(self, self.db_path)
        self.refresh()
        return made

    def _restore_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.restore_selected()

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.model.row_at(rows[0].row())
        self._choose(item.path, f"{item.taken_at:%Y-%m-%d %H:%M}")

    def restore_from_file(self) -> None:
        path = open_file_name(
            self,
            self.tr("Välj säkerhetskopia"),
            self.tr("Insatslogg-databas (*.sqlite3 *.db);;Alla filer (*)"),
            start=Path(self.folder_edit.text()),
        )
        if path is not None:
            self._choose(path, path.name)

    def _choose(self, path: Path, taken: str) -> None:
        problem = backups.restore_problem(path)
        if problem is not None:
            self._error(self.tr("Filen kan inte återställas: {problem}.").format(problem=problem))
            return
        if confirm_restore(self, path, taken):
            self.chosen = path
            self.accept()
