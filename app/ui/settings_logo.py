"""Inställningar → Logotyp för rapporter…: the picture on the board report's cover.

A PNG or JPEG of at most 2 MB, checked (its header by core, the whole picture by Qt);
kept in the database, so the report looks the same on every computer. Spara saves the
choice (or its removal); Avbryt changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.errors import DomainError, ValidationError
from app.operations.report_logo import (
    read_logo_file,
    remove_report_logo,
    report_logo,
    set_report_logo,
)
from app.store.database import Store
from app.ui.file_dialogs import open_file_name
from app.ui.settings_base import StoreDialog

PREVIEW_WIDTH, PREVIEW_HEIGHT = 320, 140


def readable_image(data: bytes, name: str) -> QImage:
    """The picture as Qt reads it; DomainError (in Swedish) when it cannot be read."""
    image = QImage()
    if not image.loadFromData(data) or image.isNull():
        raise DomainError(f"{name} går inte att läsa som bild (filen verkar skadad).")
    return image


class ReportLogoDialog(StoreDialog):
    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent, store)
        self.setWindowTitle(self.tr("Logotyp för rapporter"))
        self.stored = report_logo(store)
        self.chosen: bytes | None = self.stored

        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.preview.setStyleSheet("QLabel#preview { border: 1px solid #c8c8c8; }")
        self.choose_button = QPushButton(self.tr("Välj bild…"))
        self.choose_button.setObjectName("choose")
        self.remove_button = QPushButton(self.tr("Ta bort logotyp"))
        self.remove_button.setObjectName("remove")
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        self.set_content(
            content,
            self.tr(
                "Logotypen visas på rapportens försättsblad (PDF och Word). Välj en PNG- "
                "eller JPEG-bild på högst 2 MB. Den sparas i databasen, så rapporten ser "
                "likadan ut på alla datorer."
            ),
        )
        self.choose_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self.remove)
        self._show()

    def _show(self) -> None:
        self.remove_button.setEnabled(self.chosen is not None)
        if self.chosen is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("Ingen logotyp vald."))
            return
        image = readable_image(self.chosen, self.tr("Logotypen"))
        pixmap = QPixmap.fromImage(image).scaled(
            PREVIEW_WIDTH,
            PREVIEW_HEIGHT,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.preview.setPixmap(pixmap)

    def _choose(self) -> None:
        path = open_file_name(self, self.tr("Välj logotyp"), self.tr("Bilder (*.png *.jpg *.jpeg)"))
        if path is not None:
            self.choose_file(path)

    def choose_file(self, path: Path) -> bool:
        """Take the picture in ``path`` if it can be used; else say why (it is not taken)."""
        try:
            data = read_logo_file(path)
            readable_image(data, path.name)
        except DomainError as exc:
            self.error_label.show_problems(
                exc.problems if isinstance(exc, ValidationError) else [str(exc)]
            )
            return False
        self.error_label.clear_problems()
        self.chosen = data
        self._show()
        return True

    def remove(self) -> None:
        self.chosen = None
        self.error_label.clear_problems()
        self._show()

    def save(self) -> None:
        if self.chosen == self.stored:
            return  # unchanged: nothing written
        if self.chosen is None:
            remove_report_logo(self.store)
        else:
            set_report_logo(self.store, self.chosen)
