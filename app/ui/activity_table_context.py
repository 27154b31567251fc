"""Actions on the activity chosen in the activity table: Närvarolista (PDF)…"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import DomainError
from app.ui.file_dialogs import save_file_name
from app.ui.save_target import target_refused

if TYPE_CHECKING:
    from app.store.database import Store


def _tr(text: str) -> str:
    return QCoreApplication.translate("activity_table_context", text)


def print_signin_sheet(parent: QWidget | None, store: Store, activity_id: int) -> bool:
    """Ask where to save the activity's sign-in sheet and write it there as PDF.

    False when the user cancels or the file cannot be written (a Swedish message is
    shown); True when the file is written. One of the database's own files is refused
    with a message, and the user is asked again.
    """
    from app.operations.reports import signin_sheet_for
    from app.reports.signin_sheet import write_signin_sheet

    try:
        sheet = signin_sheet_for(store, activity_id)
    except DomainError as exc:
        QMessageBox.warning(parent, _tr("Närvarolista"), str(exc))
        return False
    while True:  # asked again after one of the database's own files was chosen
        path = save_file_name(
            parent, _tr("Spara närvarolistan"), sheet.file_name(), _tr("PDF-filer (*.pdf)")
        )
        if path is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if not target_refused(parent, _tr("Närvarolista"), path, store.path):
            break
    try:
        write_signin_sheet(path, sheet)
    except DomainError as exc:
        QMessageBox.warning(parent, _tr("Närvarolista"), str(exc))
        return False
    return True
