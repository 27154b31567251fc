"""The register extract (registerutdrag) of one person: shown as text, saved as a text
file written atomically."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
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

from app.core.atomic_file import atomic_write, save_error
from app.core.errors import DomainError
from app.ui.file_dialogs import save_file_name
from app.ui.form_widgets import run_modal
from app.ui.save_target import target_refused
from app.ui.screen_fit import resize_to_fit


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to a temporary file beside ``path``, then rename it into place,
    so that a failure never leaves half a file under the chosen name. DomainError (in
    Swedish) when it cannot be saved."""
    try:
        with atomic_write(path) as tmp:
            tmp.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise save_error(path, exc) from exc


class RegisterExtractDialog(QDialog):
    """The register extract as text, read-only, with "Spara som…"."""

    def __init__(
        self,
        text: str,
        filename: str,
        parent: QWidget | None = None,
        database: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Registerutdrag – Insatslogg"))
        self._filename = filename
        self._database = database  # its files are never saved over
        self.text_view = QPlainTextEdit(text)
        self.text_view.setObjectName("extract")
        self.text_view.setReadOnly(True)
        self.text_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setWordWrap(True)
        self.saved_label.hide()
        self.save_button = QPushButton(self.tr("Spara som…"))
        self.save_button.setAutoDefault(False)
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.button_box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        self.button_box.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.button_box.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_as)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_view, 1)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.button_box)
        resize_to_fit(self, 780, 600)

    def text(self) -> str:
        return self.text_view.toPlainText()

    def save_as(self) -> None:
        """Ask where to save the extract and write it there (UTF-8 text)."""
        path = save_file_name(
            self,
            self.tr("Spara registerutdrag"),
            self._filename,
            self.tr("Textfiler (*.txt);;Alla filer (*)"),
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".txt")
        if target_refused(self, self.tr("Registerutdrag"), path, self._database):
            return
        try:
            write_text_atomic(path, self.text() + ("" if self.text().endswith("\n") else "\n"))
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("Registerutdrag"), str(exc))
            return
        self.saved_label.setText(self.tr("Sparat i {}").format(path))
        self.saved_label.show()

    @classmethod
    def show_extract(
        cls, parent: QWidget | None, text: str, filename: str, database: Path | None = None
    ) -> None:
        run_modal(cls(text, filename, parent, database))
