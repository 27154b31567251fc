"""Inbjudan… on one activity: its invitation text to paste into a mail ("Kopiera"),
and the activity as a calendar file ("Spara .ics…")."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError
from app.ui.file_dialogs import save_file_name
from app.ui.save_target import target_refused

if TYPE_CHECKING:
    from app.store.database import Store


def _tr(text: str) -> str:
    return QCoreApplication.translate("invitation_dialog", text)


def file_name(title: str, suffix: str) -> str:
    """A file name from a title: 'Frukostmöte: ASF?' → 'Frukostmöte ASF.ics'."""
    cleaned = " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]', " ", title).split())[:80].strip(". ")
    return f"{cleaned or 'Inbjudan'}{suffix}"


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, file_filter: str, store: Store
) -> Path | None:
    """Where to save (with the suffix of ``suggested``); None when cancelled. One of the
    database's own files is refused with a message, and the user is asked again."""
    suffix = Path(suggested).suffix
    while True:
        path = save_file_name(parent, title, suggested, file_filter)
        if path is None:
            return None
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        if not target_refused(parent, title, path, store.path):
            return path


def save_activity_ics(parent: QWidget | None, store: Store, activity_id: int, title: str) -> bool:
    """Ask where, and write the activity's calendar file; a Swedish message on failure."""
    from app.operations.invitations import export_activity_ics

    path = ask_save_path(
        parent,
        _tr("Spara kalenderfil"),
        file_name(title, ".ics"),
        _tr("Kalenderfiler (*.ics)"),
        store,
    )
    if path is None:
        return False
    try:
        export_activity_ics(store, activity_id, path)
    except DomainError as exc:
        QMessageBox.warning(parent, _tr("Kalenderfil"), str(exc))
        return False
    return True


class InvitationDialog(QDialog):
    def __init__(self, store: Store, activity_id: int, parent: QWidget | None = None) -> None:
        from app.operations.invitations import invitation

        super().__init__(parent)
        self.store = store
        self.activity_id = activity_id
        invited, text = invitation(store, activity_id)
        self.title = invited.activity.title
        self.setWindowTitle(self.tr("Inbjudan – {title}").format(title=self.title[:60]))
        hint = QLabel(
            self.tr(
                "Kopiera texten och klistra in den i ett mejl. Kalenderfilen (.ics) kan "
                "bifogas eller öppnas i Outlook och Google Kalender. Beskrivning, länk och "
                "anmälan fyller du i på aktivitetens flik Inbjudan."
            )
        )
        hint.setWordWrap(True)
        self.text_edit = QPlainTextEdit(text)
        self.text_edit.setObjectName("invitationText")
        self.text_edit.setReadOnly(True)
        self.text_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.status = QLabel()
        self.status.setObjectName("status")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        self.copy_button = QPushButton(self.tr("&Kopiera"))
        self.copy_button.setObjectName("copy")
        self.ics_button = QPushButton(self.tr("&Spara .ics…"))
        self.ics_button.setObjectName("saveIcs")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.ics_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.ics_button.clicked.connect(self.save_ics)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(620, 460)

    def text(self) -> str:
        return self.text_edit.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.status.setText(self.tr("Texten är kopierad. Klistra in den i ditt mejl."))

    def save_ics(self) -> None:
        if save_activity_ics(self, self.store, self.activity_id, self.title):
            self.status.setText(self.tr("Kalenderfilen är sparad."))

    @classmethod
    def show_for(cls, parent: QWidget | None, store: Store, activity_id: int) -> None:
        try:
            dialog = cls(store, activity_id, parent)
        except DomainError as exc:
            QMessageBox.warning(parent, _tr("Inbjudan"), str(exc))
            return
        dialog.exec()
        dialog.deleteLater()
