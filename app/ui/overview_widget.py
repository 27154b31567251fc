"""The year overview: the core YearSummary's tables, side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.summary import YearSummary
from app.ui.summary_table_model import SummaryTableModel

# The two columns of the page: activities on the left, participants on the right.
COLUMNS_OF_TABLES = (
    ("nyckeltal", "aktiviteter_typ", "aktiviteter_kommun"),
    ("deltagare_kommun", "deltagare_organisation", "deltagare_roll", "deltagare_kon"),
)


class SummaryTableView(QTableView):
    """A read-only table exactly as tall as its rows: the page scrolls, not each table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def fit_height(self) -> None:
        model = self.model()
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        rows = model.rowCount() if model is not None else 0
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(rows))
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        self.setFixedHeight(height)


class OverviewWidget(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        inner = QWidget()
        self.heading = QLabel()
        self.heading.setObjectName("overviewHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.models: dict[str, SummaryTableModel] = {}
        self.views: dict[str, SummaryTableView] = {}
        self.boxes: dict[str, QGroupBox] = {}
        columns = QHBoxLayout()
        columns.setSpacing(16)
        for keys in COLUMNS_OF_TABLES:
            column = QVBoxLayout()
            for key in keys:
                box = QGroupBox()
                view = SummaryTableView()
                view.setObjectName(f"summary_{key}")
                model = SummaryTableModel(parent=self)
                view.setModel(model)
                box_layout = QVBoxLayout(box)
                box_layout.addWidget(view)
                column.addWidget(box)
                self.models[key], self.views[key], self.boxes[key] = model, view, box
            column.addStretch(1)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(columns)
        layout.addStretch(1)
        self.setWidget(inner)
        self.summary: YearSummary | None = None

    def set_summary(self, summary: YearSummary) -> None:
        self.summary = summary
        self.heading.setText(
            self.tr("Årsöversikt {year} – {insats}").format(
                year=summary.year, insats=summary.insats_name
            )
        )
        notes = [t.note for t in summary.tables if t.note]
        self.note.setText(" ".join(notes))
        for table in summary.tables:
            if table.key in self.models:  # every table the core makes has a place
                self.boxes[table.key].setTitle(table.title)
                self.models[table.key].set_table(table)
                self.views[table.key].fit_height()
