"""One section of the Uppföljning page: a heading, a table, Ny…/Redigera…/Ta bort and
the contradictions found in its figures under the table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.findings import Finding
from app.ui.followup_models import BREACH_FOREGROUND


class FollowUpSection(QWidget):
    """A heading, a table, Ny…/Redigera…/Ta bort, and the findings under the table."""

    def __init__(self, model: QAbstractTableModel, name: str, hint: str = "") -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setObjectName(f"{name}Heading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.view = QTableView()
        self.view.setObjectName(f"{name}Table")
        self.view.setModel(model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.horizontalHeader().setHighlightSections(False)
        self.new_button = QPushButton(self.tr("Ny…"))
        self.new_button.setObjectName(f"{name}New")
        self.edit_button = QPushButton(self.tr("Redigera…"))
        self.edit_button.setObjectName(f"{name}Edit")
        self.delete_button = QPushButton(self.tr("Ta bort"))
        self.delete_button.setObjectName(f"{name}Delete")
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.findings = QLabel()
        self.findings.setObjectName(f"{name}Findings")
        self.findings.setWordWrap(True)
        self.findings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.findings.setStyleSheet(f"color: {BREACH_FOREGROUND.name()};")
        self.findings.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            layout.addWidget(hint_label)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.findings)

    def show_findings(self, findings: Sequence[Finding]) -> None:
        lines = [self.tr("Avvikelser att se över ({n}):").format(n=len(findings))]
        lines += [f"• {f}" for f in findings]
        self.findings.setText("\n".join(lines))
        self.findings.setVisible(bool(findings))

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        selected = self.view.selectionModel().selectedIndexes()
        if not selected or not index.isValid():
            return None
        return index.row()

    def current_column(self) -> int | None:
        selected = self.view.selectionModel().selectedIndexes()
        return selected[0].column() if selected else None

    def select(self, row: int, column: int = 0) -> None:
        model = self.view.model()
        if 0 <= row < model.rowCount() and 0 <= column < model.columnCount():
            self.view.setCurrentIndex(model.index(row, column))
