"""The Årsplan page's "Måluppfyllelse": per measure of the year's goals and of the insats
its goal, label, target, outcome, share and status (in words, never colour only), with
the buttons that open the measures of the chosen goal or of the insats."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.goal_progress import COLUMNS, INSATS_GOAL, GoalProgressTable, MeasureProgress
from app.core.year_plan import PlanGoal
from app.store.database import Store
from app.ui.goal_measures_editor import edit_measures
from app.ui.row_table_model import RowTableModel

_CONTEXT = "GoalProgress"
_REACHED = QColor("#e6f4ea")
_NUMERIC = (2, 3, 4)

for _column in COLUMNS:  # the headers, for the translation tools
    QT_TRANSLATE_NOOP(_CONTEXT, _column)


class GoalProgressModel(RowTableModel[MeasureProgress]):
    """One row per measure, as core.goal_progress shows it (MeasureProgress.cells)."""

    HEADERS = COLUMNS
    CONTEXT = _CONTEXT

    def cell(self, item: MeasureProgress, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = item.cells()[column]
            if role == Qt.ItemDataRole.ToolTipRole and column == 1:
                return f"{text}: {item.rule}, {item.span_label}."
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == 5 and item.reached:
            return QBrush(_REACHED)
        return None


class GoalProgressBox(QGroupBox):
    """The table and its buttons; ``changed`` after measures were saved."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalProgressBox")
        self.store = store
        self.insats: Insats | None = None
        self.year = 0
        # The goal chosen on the page (set by the page): its measures are edited.
        self.chosen_goal: Callable[[], PlanGoal | None] = lambda: None
        self.table: GoalProgressTable | None = None
        self.model = GoalProgressModel(self)
        self.view = QTableView()
        self.view.setObjectName("goalProgress")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.empty = QLabel(
            self.tr(
                "Inga mått ännu. Ge ett mål mätbara målvärden (t.ex. nå 200 personer, "
                "5 kommuner med antagen policy): markera målet och välj ”Mått för markerat "
                "mål…”, eller ”Insatsens mått…” för hela insatsen."
            )
        )
        self.empty.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("goalProgressNote")
        self.note.setWordWrap(True)
        self.goal_button = QPushButton(self.tr("Mått för markerat mål…"))
        self.goal_button.setToolTip(self.tr("Målvärden för målet som är markerat i listan"))
        self.goal_button.setObjectName("goalMeasuresButton")
        self.insats_button = QPushButton(self.tr("Insatsens mått…"))
        self.insats_button.setObjectName("insatsMeasuresButton")
        self.goal_button.clicked.connect(self.edit_goal_measures)
        self.insats_button.clicked.connect(self.edit_insats_measures)
        # The buttons' row, for the page to put where the goals are chosen.
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.goal_button)
        self.buttons.addWidget(self.insats_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        layout.addWidget(self.note)

    def set_context(self, insats: Insats, year: int) -> None:
        self.insats, self.year = insats, year
        self.refresh()

    def refresh(self) -> None:
        from app.operations.goal_progress import year_progress

        if self.insats is None or self.insats.id is None:
            return
        table = year_progress(self.store, self.insats.id, self.year)
        self.table = table
        self.setTitle(table.title)
        self.model.set_rows(table.rows)
        has = bool(table.rows)
        self.view.setVisible(has)
        self.empty.setVisible(not has)
        self.note.setText(table.note)
        self.note.setVisible(has)
        rows = max(1, len(table.rows))
        height = self.view.horizontalHeader().height() + rows * (
            self.view.verticalHeader().defaultSectionSize()
        )
        self.view.setFixedHeight(height + 2 * self.view.frameWidth() + 2)
        self.update_buttons()

    def update_buttons(self) -> None:
        goal = self.chosen_goal()
        self.goal_button.setEnabled(goal is not None and goal.id is not None)

    def edit_goal_measures(self) -> None:
        goal = self.chosen_goal()
        if goal is None or goal.id is None:
            return
        text = self.tr("Årsplan {year}: {goal}").format(year=self.year, goal=goal.text)
        self._edit(goal.id, text)

    def edit_insats_measures(self) -> None:
        assert self.insats is not None
        text = self.tr("{what} – {insats} (mäts över hela insatsen)").format(
            what=INSATS_GOAL, insats=self.insats.name
        )
        self._edit(None, text)

    def _edit(self, goal_id: int | None, text: str) -> None:
        assert self.insats is not None and self.insats.id is not None
        if edit_measures(self, self.store, self.insats.id, goal_id, text) is None:
            return
        self.refresh()
        self.changed.emit()
