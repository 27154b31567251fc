"""Small pieces of the record dialogs' forms: count and year fields, and the messages
under a form (problems that stop a save, warnings that do not) in room kept for them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.findings import Finding
from app.ui.formatting import SWEDISH

MAX_COUNT = 100_000
WARNING_STYLE = "color: #8a4b00;"
ERROR_STYLE = "color: #b3261e;"


def fixed_width(widget: QWidget) -> None:
    """Keep a short field (a year, a date) from stretching across a form."""
    widget.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


def count_spin(name: str, maximum: int = MAX_COUNT) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, maximum)
    spin.setLocale(SWEDISH)
    spin.setMinimumWidth(80)
    return spin


def year_spin(year: int) -> QSpinBox:
    spin = count_spin("year", 2100)
    spin.setRange(1990, 2100)
    spin.setValue(year)
    spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
    fixed_width(spin)
    return spin


def finding_line(f: Finding) -> str:
    """A finding as the dialogs list it: what, expected and found."""
    return f"• {f.what}: väntat {f.expected}, angivet {f.found}."


def message_label(name: str, style: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label


class MessageArea(QScrollArea):
    """A place of fixed height under a form for its messages (``labels``, top to bottom).

    A message that appears or goes while the user types never moves the form or the
    buttons; room is kept for ``lines`` lines, and a longer message scrolls.
    """

    def __init__(self, labels: Sequence[QLabel], lines: int) -> None:
        super().__init__()
        self.setObjectName("messageArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        inner = QWidget()
        inner.setAutoFillBackground(False)
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        for label in labels:
            column.addWidget(label)
        column.addStretch(1)
        self.setWidget(inner)
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 4)
