"""The Aktiviteter tab: the shown year's activities — filter bar, table and counts — and
the handlers of the window's activity actions (new, edit, duplicate, delete, sign-in
sheet, group meeting).

The window keeps the actions, menus and the edit history; each save here is written,
then recorded as one step of Ångra (``history.record``, by the change log), and
``after_change`` (the window's) shows the changed activity's year and reloads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.activity_columns import table_columns
from app.core.changes import ACTIVITIES_TAB
from app.core.entities import Activity, Insats
from app.core.errors import DomainError, StaleRecord
from app.core.wording import count_noun
from app.store.database import Store
from app.ui import series_edits
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from app.ui.activity_filter_bar import ActivityFilterBar
from app.ui.activity_table_model import ID_ROLE, ActivityTableModel, apply_column_widths
from app.ui.edit_history import EditHistory
from app.ui.formatting import fmt_int
from app.ui.shared_read import shared_read

SERIES_COLUMN = next(i for i, c in enumerate(table_columns()) if c.key == "serie")


class ActivitiesPage(QWidget):
    # The selection or the filter changed: the window updates its actions.
    selection_changed = Signal()
    # A message for the window's status bar: text, milliseconds.
    message = Signal(str, int)

    def __init__(
        self,
        store: Store,
        history: EditHistory,
        after_change: Callable[[int | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ActivitiesPage")
        self.store = store
        self.history = history
        self._after_change = after_change
        self.insats: Insats | None = None
        self.year = date.today().year

        self.model = ActivityTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        apply_column_widths(self.table)
        self.table.doubleClicked.connect(self.edit_activity)
        # Right-click: the table's own actions (Redigera, Ta bort, Ställ in tillfället).
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)

        self.filter_bar = ActivityFilterBar()
        self.filter_bar.changed.connect(self._filter_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        page_layout = QVBoxLayout(self)
        page_layout.addWidget(self.filter_bar)
        page_layout.addWidget(self.table, 1)
        page_layout.addWidget(self.count_label)

    def add_table_actions(self, actions: list[QAction]) -> None:
        """Actions whose shortcuts act on the table only (in the search field, Return and
        Delete edit text)."""
        for action in actions:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.table.addAction(action)

    # --- loading ------------------------------------------------------------------------
    def refresh_choices(self, insats: Insats) -> None:
        """Re-read the kommuner, organisations and activity types of the insats' förbund."""
        assert insats.forbund_id is not None
        self.insats = insats
        self.kommuner = self.store.reference.kommuner(insats.forbund_id)
        self.organisations = self.store.reference.organisations(insats.forbund_id)
        self.types = self.store.reference.activity_types(include_inactive=True)
        self.filter_bar.set_choices([t.name for t in self.types], [k.name for k in self.kommuner])

    def set_context(self, insats: Insats, year: int) -> None:
        """Show the activities of ``insats`` in ``year``, read from the database."""
        assert insats.id is not None
        self.insats = insats
        self.year = year
        rows = self.store.activities.rows(insats.id, year)
        self.model.set_rows(rows)
        # The Serie column only for a year with a series: else its room goes to the title.
        self.table.setColumnHidden(SERIES_COLUMN, not any(r.series_id for r in rows))
        self._update_counts()

    def select_activity(self, activity_id: int) -> None:
        row = self.model.row_of_id(activity_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        # Not selectRow(): that follows the keyboard modifiers held at the moment.
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _filter_changed(self, flt: object) -> None:
        from app.core.activity_filter import ActivityFilter

        if isinstance(flt, ActivityFilter):
            self.model.set_filter(flt)
            self._update_counts()
            self.selection_changed.emit()

    def _update_counts(self) -> None:
        shown, total = self.model.visible_activities(), self.model.total_count
        activities = count_noun(total, "aktivitet", "aktiviteter")
        text = self.tr("{shown} av {activities} {year}").format(
            shown=fmt_int(shown), activities=activities, year=self.year
        )
        if shown == total:
            text = self.tr("{activities} {year}").format(activities=activities, year=self.year)
        participants = self.model.visible_participants()
        self.count_label.setText(
            text + self.tr(" · {n} deltagare (volym)").format(n=fmt_int(participants))
        )

    def selected_ids(self) -> list[int]:
        sel = self.table.selectionModel()
        if sel is None:
            return []
        return [int(self.model.data(i, ID_ROLE)) for i in sel.selectedRows()]

    def selected_in_series(self) -> bool:
        """One occurrence of a series (or a merged series row) is selected."""
        rows = self.table.selectionModel().selectedRows()
        return len(rows) == 1 and self.model.activity_row(rows[0].row()).series_id is not None

    def cancel_occurrence(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and self.selected_in_series():
            series_edits.cancel_occurrence(self, ids[0])

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    # --- editing ------------------------------------------------------------------------
    def _choices(self) -> ActivityChoices:
        from app.ui.participants_editor import StorePeople

        insats = self.insats
        assert insats is not None and insats.id is not None and insats.forbund_id is not None
        return ActivityChoices(
            insats.id,
            tuple(self.types),
            tuple(self.kommuner),
            tuple(self.organisations),
            groups=tuple(self.store.groups.choices(insats.id)),
            goals=tuple(self.store.plan.goal_choices(insats.id)),
            people=StorePeople(self.store, insats.forbund_id),
            series_of=self.store.series.get,
            years=insats.years,
        )

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, APP_NAME, message)

    def _default_date(self) -> date:
        today = date.today()
        return today if today.year == self.year else date(self.year, 1, 1)

    @shared_read  # the reads before, around and after the write
    def _save(
        self, write: Callable[[], int | None] | Callable[[], None], label: str | None = None
    ) -> None:
        """One edit: write it, make it one step of Ångra (the change log), show it."""
        self.history.record()  # a change made outside the window is a step of its own
        try:
            selected = write()
        except StaleRecord as exc:
            self._stale(exc)
            return
        except DomainError as exc:
            self._show_error(str(exc))
            self._after_change(None)
            return
        self.history.record(ACTIVITIES_TAB, label)
        self._after_change(selected)

    def _stale(self, error: StaleRecord) -> None:
        """A colleague saved the activity after it was opened: show both versions; read
        theirs in (the table shows it), or go back to editing mine."""
        from app.ui.stale_record_dialog import StaleRecordDialog

        theirs, mine = error.theirs, error.mine
        if StaleRecordDialog.ask(self, error) or not isinstance(mine, Activity):
            self._after_change(theirs.id if isinstance(theirs, Activity) else None)
        elif isinstance(theirs, Activity):
            self._after_change(theirs.id)
            self._edit(theirs, mine)

    def new_activity(self) -> None:
        activity = ActivityDialog.ask(self, self._choices(), default_date=self._default_date())
        if activity is not None:
            series_edits.save_new(self, activity)

    def edit_activity(self, *_: object) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            before = self.store.activities.get(ids[0])
        except DomainError as exc:
            self._show_error(str(exc))
            self._after_change(None)
            return
        self._edit(before)

    def _edit(self, before: Activity, mine: Activity | None = None) -> None:
        """Open ``before`` in the editor (or ``mine``, the user's refused edit of it) and
        save what changed."""
        after = ActivityDialog.ask(self, self._choices(), mine if mine is not None else before)
        if after is not None and after != before:
            if before.series_id is not None:
                series_edits.save_occurrence(self, before, after)
            else:
                self._save(lambda: self.store.activities.update(after).id)

    def duplicate_activity(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        original = self.store.activities.get(ids[0])
        # The named participants came to the original, not to the copy.
        copy = replace(original, id=None, participant_ids=(), series_id=None)
        label = self.tr("duplicera aktivitet {title}").format(title=original.title)
        self._save(lambda: self.store.activities.add(copy).id, label)

    def new_group_meeting(self, group_id: int) -> None:
        """Log a meeting of a samverkansgrupp: a new activity in its kommun, linked to it."""
        from app.core.groups import meeting_draft

        try:
            group = self.store.groups.get(group_id)
        except DomainError as exc:
            self._show_error(str(exc))
            return
        active = [t for t in self.types if t.active and t.id is not None]
        meeting_type = next((t for t in active if t.name == "Nätverksmöte"), active[0])
        assert meeting_type.id is not None
        draft = meeting_draft(group, meeting_type.id, self._default_date())
        activity = ActivityDialog.ask(self, self._choices(), draft)
        if activity is not None:
            label = self.tr("logga gruppmöte {name}").format(name=group.name)
            series_edits.save_new(self, activity, label)

    def print_signin_sheet(self) -> None:
        from app.ui.activity_table_context import print_signin_sheet

        ids = self.selected_ids()
        if len(ids) == 1:
            print_signin_sheet(self, self.store, ids[0])

    def delete_activities(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1 and self.selected_in_series():
            series_edits.delete_occurrence(self, self.store.activities.get(ids[0]))
            return

        def delete() -> int | None:
            self.store.activities.delete_many(ids)
            return None

        self._save(delete)
        removed = count_noun(len(ids), "aktivitet borttagen", "aktiviteter borttagna")
        self.message.emit(self.tr("{removed}. Ångra med Ctrl+Z.").format(removed=removed), 5000)
