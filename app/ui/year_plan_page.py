"""The page "Årsplan": the year's goals, the follow-up of planned vs held, and the activities.

The goals are edited in place (add, remove, reorder, edit the text) and saved the moment
the list is complete: every goal has a text and no text appears twice. Activities are put
under a goal in the activity dialog ("Mål i årsplanen").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.errors import DomainError, ValidationError
from app.core.wording import count_noun
from app.core.year_plan import PlanActivity, PlanGoal
from app.store.database import Store
from app.ui.form_widgets import ErrorLabel, ask_yes_no, warn
from app.ui.formatting import fmt_int, fmt_span
from app.ui.goal_progress_box import GoalProgressBox
from app.ui.list_editor import ListEditor
from app.ui.list_models import Column, EntityListModel
from app.ui.overview_widget import SummaryTableView
from app.ui.reach_page import findings_text
from app.ui.row_table_model import RowTableModel
from app.ui.summary_table_model import SummaryTableModel

_CONTEXT = "YearPlanPage"


# How many rows of the activities the column widths are measured on.
SIZED_FROM_ROWS = 100


class GoalListModel(EntityListModel):  # type: ignore[type-arg]
    """The year's goals, editable and reorderable; new rows have id None."""

    columns = (Column(str(QT_TRANSLATE_NOOP("ListModels", "Mål")), "text", stretch=True),)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self.insats_id = 0
        self.year = 0

    def new_entity(self) -> PlanGoal:
        return PlanGoal(None, self.insats_id, self.year, "")

    def goals(self) -> list[PlanGoal]:
        return list(self._rows)

    def adopt(self, saved: Sequence[PlanGoal]) -> None:
        """Take the ids the store gave: the same goals, in the same order, as saved."""
        assert len(saved) == len(self._rows)
        self._rows = list(saved)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))


class GoalListEditor(ListEditor):
    """The list editor, asking before a goal with activities is removed."""

    def __init__(self, model: GoalListModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self.may_remove: Callable[[PlanGoal], bool] = lambda _goal: True

    def remove_row(self) -> None:
        row = self.current_row()
        if 0 <= row < self.model.rowCount() and not self.may_remove(self.model.entity(row)):
            return
        super().remove_row()


class PlanActivitiesModel(RowTableModel[PlanActivity]):
    """The activities under one goal (or under none), read-only."""

    DATE, TITLE, TYPE, STATUS, PARTICIPANTS = range(5)
    HEADERS = (
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Datum")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Aktivitet")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Typ")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Status")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Deltagare")),
    )
    CONTEXT = _CONTEXT

    def set_activities(self, activities: Sequence[PlanActivity]) -> None:
        self.set_rows(activities)

    def activity(self, row: int) -> PlanActivity:
        return self.row_at(row)

    def cell(self, a: PlanActivity, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.PARTICIPANTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TITLE:
            return a.title
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == self.DATE:
            return fmt_span(a.start, a.end)
        if col == self.TITLE:
            return a.title
        if col == self.TYPE:
            return a.type_name
        if col == self.STATUS:
            return a.status.label
        return fmt_int(a.participants)


def _table_view(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setHighlightSections(False)
    return view


class YearPlanPage(QScrollArea):
    """The year plan of the insats for one year."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.insats: Insats | None = None
        self.year = 0
        self.today: Callable[[], date] = date.today
        self.activities: list[PlanActivity] = []
        self.followup_goals: list[PlanGoal] = []  # the goals as stored: the follow-up's rows
        self._loading = False
        self.setWidgetResizable(True)

        self.heading = QLabel()
        self.heading.setObjectName("planHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        # The goals: edited in place, saved when the list is complete.
        self.goals_model = GoalListModel(self)
        self.goals_editor = GoalListEditor(self.goals_model)
        self.goals_editor.may_remove = self._may_remove
        self.goals_editor.view.setObjectName("planGoals")
        self.goals_status = QLabel()
        self.goals_status.setObjectName("planGoalsStatus")
        self.goals_status.setWordWrap(True)
        self.goals_error = ErrorLabel()
        goals_box = QGroupBox(self.tr("Mål för året"))
        goals_layout = QVBoxLayout(goals_box)
        intro = QLabel(
            self.tr(
                "Handlingsplanens mål, i ordning. Ändringar sparas direkt. Lägg en aktivitet "
                "under ett mål i aktivitetens dialog (”Mål i årsplanen”)."
            )
        )
        intro.setWordWrap(True)
        goals_layout.addWidget(intro)
        goals_layout.addWidget(self.goals_editor, 1)
        goals_layout.addWidget(self.goals_status)
        goals_layout.addWidget(self.goals_error)
        # Måluppfyllelse (goal_progress_box): its buttons under the goals they measure.
        self.progress_box = GoalProgressBox(store)
        self.progress_box.chosen_goal = self._chosen_goal
        self.progress_box.changed.connect(self.changed)
        goals_layout.addLayout(self.progress_box.buttons)

        # The follow-up: one row per goal, "Utan mål" and the total; a row picks the list.
        self.followup_model = SummaryTableModel(parent=self)
        self.followup_view = SummaryTableView()
        self.followup_view.setObjectName("planFollowup")
        self.followup_view.setModel(self.followup_model)
        self.followup_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.followup_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.followup_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.followup_view.setWordWrap(False)
        self.followup_note = QLabel()
        self.followup_note.setWordWrap(True)
        self.followup_box = QGroupBox()
        followup_layout = QVBoxLayout(self.followup_box)
        followup_layout.addWidget(self.followup_view)
        followup_layout.addWidget(self.followup_note)

        self.activities_model = PlanActivitiesModel(self)
        self.activities_view = _table_view("planActivities")
        self.activities_view.setModel(self.activities_model)
        header = self.activities_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PlanActivitiesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # The widths from the first rows: measuring all of a year's 1 000 activities took
        # about 150 ms each time the tab was shown.
        header.setResizeContentsPrecision(SIZED_FROM_ROWS)
        self.activities_view.setMinimumHeight(self.activities_view.fontMetrics().height() * 10)
        self.activities_box = QGroupBox()
        QVBoxLayout(self.activities_box).addWidget(self.activities_view)

        self.findings_box = QGroupBox(self.tr("Att kontrollera"))
        self.findings_label = QLabel()
        self.findings_label.setObjectName("planFindings")
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.findings_label.setStyleSheet("color: #b3261e;")
        QVBoxLayout(self.findings_box).addWidget(self.findings_label)

        # The follow-up across the top; below it the goals beside the chosen row's activities.
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(goals_box, 1)
        columns.addWidget(self.activities_box, 1)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addWidget(self.followup_box)
        layout.addLayout(columns, 1)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.findings_box)
        self.setWidget(inner)

        for signal in (
            self.goals_model.dataChanged,
            self.goals_model.rowsInserted,
            self.goals_model.rowsRemoved,
            self.goals_model.rowsMoved,
        ):
            signal.connect(self._goals_edited)
        self.followup_view.selectionModel().currentRowChanged.connect(self._show_activities)
        self.goals_editor.view.selectionModel().currentRowChanged.connect(self._goal_picked)
        self.goals_editor.view.selectionModel().currentRowChanged.connect(
            lambda *_: self.progress_box.update_buttons()
        )

    # --- context ------------------------------------------------------------------------
    def set_context(self, insats: Insats, year: int) -> None:
        """Show the year plan of ``year`` for ``insats``."""
        assert insats.id is not None
        self.insats = insats
        self.year = year
        self.heading.setText(
            self.tr("Årsplan {year} – {insats}").format(year=year, insats=insats.name)
        )
        self._loading = True
        try:
            self.goals_model.insats_id, self.goals_model.year = insats.id, year
            self.goals_model.set_entities(self.store.plan.goals(insats.id, year))
        finally:
            self._loading = False
        self.goals_error.clear_problems()
        self.goals_status.setText("")
        self.refresh()

    def _insats_id(self) -> int:
        assert self.insats is not None and self.insats.id is not None
        return self.insats.id

    def refresh(self) -> None:
        """Read the follow-up, the activities and the findings again (e.g. after an edit)."""
        if self.insats is None:
            return
        insats_id = self._insats_id()
        current = self.followup_view.currentIndex().row()
        self.followup_goals = self.store.plan.goals(insats_id, self.year)
        table = self.store.plan.followup(insats_id, self.year)
        self.activities = self.store.plan.activities(insats_id, self.year)
        self.followup_box.setTitle(table.title)
        self.followup_model.set_table(table)
        self.followup_view.fit_height()
        self.followup_note.setText(table.note)
        row = current if 0 <= current < self.followup_model.rowCount() else 0
        self.followup_view.setCurrentIndex(self.followup_model.index(row, 0))
        self._show_activities()
        findings = self.store.plan.findings(insats_id, self.year, self.today())
        self.findings_label.setText(findings_text(findings))
        self.findings_box.setVisible(bool(findings))
        self.progress_box.set_context(self.insats, self.year)

    def _chosen_goal(self) -> PlanGoal | None:
        row = self.goals_editor.view.currentIndex().row()
        return self.goals_model.entity(row) if 0 <= row < self.goals_model.rowCount() else None

    # --- the activities under the chosen row of the follow-up ---------------------------
    def _show_activities(self, *_: object) -> None:
        row = self.followup_view.currentIndex().row()
        goals = self.followup_goals
        if 0 <= row < len(goals):
            goal_id: int | None = goals[row].id
            title = self.tr("Aktiviteter under målet: {goal}").format(goal=goals[row].text)
            shown = [a for a in self.activities if a.goal_id == goal_id]
        elif row == len(goals):
            title = self.tr("Aktiviteter utan mål")
            shown = [a for a in self.activities if a.goal_id is None]
        else:
            title = self.tr("Alla aktiviteter i årsplanen")
            shown = list(self.activities)
        self.activities_box.setTitle(f"{title} ({len(shown)})")
        self.activities_model.set_activities(shown)

    def _goal_picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        goal = self.goals_model.entity(current.row())
        if goal.id is None:
            return
        row = next((i for i, g in enumerate(self.followup_goals) if g.id == goal.id), -1)
        if row >= 0:
            self.followup_view.setCurrentIndex(self.followup_model.index(row, 0))

    # --- editing the goals --------------------------------------------------------------
    def _may_remove(self, goal: PlanGoal) -> bool:
        if goal.id is None:
            return True
        n = sum(1 for a in self.activities if a.goal_id == goal.id)
        measures = len(self.store.goal_measures.for_goal(self._insats_id(), goal.id))
        if n == 0 and measures == 0:
            return True
        what = count_noun(n, "aktivitet", "aktiviteter")
        question = self.tr(
            "Målet ”{goal}” har {what}. De ligger kvar, men utan mål. Ta bort målet?"
        ).format(goal=goal.text, what=what)
        if measures:  # the measures go with the goal (Ångra brings them back)
            held = count_noun(measures, "mått med målvärde", "mått med målvärden")
            what = f"{what} och {held}" if n else held
            question = self.tr("Målet ”{goal}” har {what}. Ta bort målet och dess mått?").format(
                goal=goal.text, what=what
            )
        return self.confirm(self, question)

    def _goals_edited(self, *_: object) -> None:
        if self._loading or self.insats is None:
            return
        goals = self.goals_model.goals()
        if any(not g.text.strip() for g in goals):
            self.goals_error.clear_problems()
            self.goals_status.setText(
                self.tr("Skriv målets text – listan sparas när alla mål har text.")
            )
            return
        try:
            saved = self.store.plan.save_goals(self._insats_id(), self.year, goals)
        except ValidationError as exc:
            self.goals_status.setText(self.tr("Inte sparat."))
            self.goals_error.show_problems(exc.problems)
            return
        except DomainError as exc:
            self.show_error(self, str(exc))
            self.set_context(self.insats, self.year)
            return
        self._loading = True
        try:
            self.goals_model.adopt(saved)
        finally:
            self._loading = False
        self.goals_error.clear_problems()
        self.goals_status.setText(self.tr("Sparat."))
        self.refresh()
        self.changed.emit()

    # --- questions and messages (tests replace these) -----------------------------------
    @staticmethod
    def confirm(parent: QWidget, question: str) -> bool:
        return ask_yes_no(parent, question)

    @staticmethod
    def show_error(parent: QWidget, message: str) -> None:
        warn(parent, message)
