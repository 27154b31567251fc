"""What the settings dialogs share: save to the store on OK, stay open on a domain error."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.errors import DomainError
from app.store.database import Store
from app.ui.form_widgets import ErrorLabel, ok_cancel_buttons, run_modal
from app.ui.formatting import SWEDISH


def current_insats(store: Store) -> Insats:
    """The current insats, or a DomainError saying the database has none yet."""
    insats = store.reference.current_insats()
    if insats is None or insats.id is None or insats.forbund_id is None:
        raise DomainError("Databasen har ingen insats ännu. Lägg upp förbund och insats först.")
    return insats


def current_forbund_id(store: Store) -> int:
    """The förbund of the current insats (DomainError when there is none yet)."""
    forbund_id = current_insats(store).forbund_id
    assert forbund_id is not None  # current_insats() refuses an insats without one
    return forbund_id


class StoreDialog(QDialog):
    """A settings dialog: content, a red error line and Spara/Avbryt.

    Subclasses take ``(parent, store)``, set their window title, add their widgets with
    ``set_content`` and write to the store in ``save``; a DomainError raised there is shown
    in the dialog, which then stays open.
    """

    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent)
        self.store = store
        self.setLocale(SWEDISH)
        self.error_label = ErrorLabel()
        self.button_box = ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt"))
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self._layout = QVBoxLayout(self)

    def set_content(self, content: QWidget, intro: str = "") -> None:
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            self._layout.addWidget(label)
        self._layout.addWidget(content, 1)
        self._layout.addWidget(self.error_label)
        self._layout.addWidget(self.button_box)

    def save(self) -> None:
        """Write the dialog's content to the store; raise DomainError if it cannot be done."""
        raise NotImplementedError

    def accept(self) -> None:
        if self.error_label.attempt(self.save):
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store) -> bool:
        """Show the dialog; True when something was saved."""
        try:
            dialog = cls(parent, store)
        except DomainError as exc:
            QMessageBox.warning(parent, "Insatslogg", str(exc))
            return False
        return run_modal(dialog)
