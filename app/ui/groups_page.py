"""The Samverkansgrupper page: the insats's groups, where they were active, and their meetings.

A meeting is an activity linked to its group (chosen in the activity dialog). The page
lists them per group but does not log them itself: "Logga möte…" emits
``meeting_requested`` with the group's id, and the main window opens the activity
dialog (with ``app.core.groups.meeting_draft``) so the meeting gets its undo step there.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.groups import (
    ACTIVE_RULE,
    NO_MEETINGS,
    Group,
    counts_as_active,
    grid_years,
    group_grid,
    kommun_label,
    sorted_groups,
    status_in_year,
    status_on,
)
from app.core.wording import count_noun
from app.store.database import Store
from app.ui.formatting import fmt_int
from app.ui.group_dialog import GroupDialog
from app.ui.groups_models import GroupGridModel, GroupTableModel, GroupTableRow, MeetingLogModel

# --- the page -----------------------------------------------------------------------------


def _read_only_table(name: str, model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setHighlightSections(False)
    return view


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class GroupsPage(QWidget):
    """The insats's samverkansgrupper for the shown year."""

    # A group was added, edited or removed (its meetings may have lost their group).
    changed = Signal()
    # "Logga möte…" was pressed for the group with this id.
    meeting_requested = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.insats: Insats | None = None
        self.year = date.today().year
        self.groups: list[Group] = []
        self.kommun_names: dict[int, str] = {}

        self.model = GroupTableModel(self)
        self.table = _read_only_table("groupTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(GroupTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.edit_group)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)

        self.new_button = QPushButton(self.tr("Ny grupp…"))
        self.edit_button = QPushButton(self.tr("Redigera…"))
        self.delete_button = QPushButton(self.tr("Ta bort"))
        self.meeting_button = QPushButton(self.tr("Logga möte…"))
        self.meeting_button.setToolTip(
            self.tr("Lägg till en aktivitet som är ett möte i den markerade gruppen")
        )
        self.new_button.clicked.connect(self.new_group)
        self.edit_button.clicked.connect(self.edit_group)
        self.delete_button.clicked.connect(self.delete_group)
        self.meeting_button.clicked.connect(self._request_meeting)

        self.grid_model = GroupGridModel(self)
        self.grid = _read_only_table("groupGrid", self.grid_model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.setAlternatingRowColors(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setMinimumSectionSize(56)
        self.grid_note = QLabel(
            " ".join(
                (
                    ACTIVE_RULE,
                    self.tr(
                        "Grönt: minst en grupp räknas som aktiv. Gult: kommunens grupper var "
                        "bara vilande och räknas inte. Håll muspekaren över en ruta för att "
                        "se grupperna."
                    ),
                )
            )
        )
        self.grid_note.setWordWrap(True)

        self.meeting_model = MeetingLogModel(self)
        self.meetings = _read_only_table("meetingLog", self.meeting_model)
        mh = self.meetings.horizontalHeader()
        mh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        mh.setSectionResizeMode(MeetingLogModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.meetings_title = _title(self.tr("Möten"))
        self.meetings_summary = QLabel()
        self.meetings_summary.setObjectName("meetingSummary")
        self.meetings_summary.setWordWrap(True)

        self._lay_out()
        self._update_buttons()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.delete_button, self.meeting_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("groupCount")
        buttons.addWidget(self.count_label)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table, 1)

        grid_box = QWidget()
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(_title(self.tr("Aktiva samverkansgrupper per kommun och år")))
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.grid_note)

        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addWidget(self.meetings_title)
        log_layout.addWidget(self.meetings, 1)
        log_layout.addWidget(self.meetings_summary)

        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.setChildrenCollapsible(False)
        bottom.addWidget(grid_box)
        bottom.addWidget(log_box)
        # The grid's columns are narrow figures; the meeting log's titles need the room.
        bottom.setStretchFactor(0, 2)
        bottom.setStretchFactor(1, 3)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    # --- content --------------------------------------------------------------------------
    def set_context(self, insats: Insats, year: int) -> None:
        """Show ``insats``'s groups for ``year``."""
        self.insats = insats
        self.year = year
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the groups, the grid and the selected group's meetings."""
        if self.insats is None or self.insats.id is None or self.insats.forbund_id is None:
            return
        if select_id is None:
            select_id = self.selected_id()
        insats_id = self.insats.id
        self.kommun_names = {
            k.id: k.name
            for k in self.store.reference.kommuner(self.insats.forbund_id)
            if k.id is not None
        }
        self.groups = self.store.groups.list(insats_id)
        counts = self.store.groups.meeting_counts(insats_id, self.year)
        today = date.today()
        rows = [
            GroupTableRow(
                group=g,
                kommun=kommun_label(self.kommun_names, g.kommun_id),
                status_year=status_in_year(g, self.year),
                status_now=status_on(g, today),
                meetings=counts.get(g.id, NO_MEETINGS) if g.id is not None else NO_MEETINGS,
            )
            for g in sorted_groups(self.groups, self.kommun_names)
        ]
        self.model.set_rows(rows, self.year)
        # Up to the insats's last year, but not into years that have not begun (a group
        # still aktiv today would otherwise show as active there too).
        last = max(self.year, min(self.insats.end.year, today.year))
        years = grid_years(self.groups, min(self.insats.start.year, self.year), last)
        self.grid_model.set_grid(
            group_grid(self.groups, self.kommun_names, years),
            self.groups,
            self.kommun_names,
            self.year,
        )
        active = sum(1 for r in rows if counts_as_active(r.status_year))
        self.count_label.setText(
            self.tr("{groups}, {active} {year}").format(
                groups=count_noun(len(rows), "grupp", "grupper"),
                active=count_noun(active, "aktiv", "aktiva"),
                year=self.year,
            )
        )
        if select_id is not None and self.select_group(select_id):
            return
        if rows:
            self.select_group(rows[0].group.id or 0)
        else:
            self._show_meetings(None)
            self.meetings_summary.setText(
                self.tr("Insatsen har inga samverkansgrupper ännu. Lägg till med ”Ny grupp…”.")
            )
            self._update_buttons()

    def select_group(self, group_id: int) -> bool:
        row = self.model.row_of_id(group_id)
        if row is None:
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        # currentRowChanged does not fire when the row stays the same after a reset.
        self._selection_changed()
        return True

    def selected_id(self) -> int | None:
        group = self.selected_group()
        return None if group is None else group.id

    def selected_group(self) -> Group | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.group(index.row())

    def _selection_changed(self, *_: object) -> None:
        self._show_meetings(self.selected_group())
        self._update_buttons()

    def _show_meetings(self, group: Group | None) -> None:
        if group is None or group.id is None:
            self.meeting_model.set_rows([])
            self.meetings_title.setText(self.tr("Möten"))
            self.meetings_summary.setText(self.tr("Markera en grupp för att se dess möten."))
            return
        self.meeting_model.set_rows(self.store.groups.meetings(group.id))
        self.meetings_title.setText(
            self.tr("Möten: {group}").format(
                group=f"{kommun_label(self.kommun_names, group.kommun_id)} – {group.name}"
            )
        )
        if self.meeting_model.rowCount() == 0:
            self.meetings_summary.setText(
                self.tr(
                    "Inga möten loggade. Ett möte är en aktivitet där ”Möte i "
                    "samverkansgrupp” är valt."
                )
            )
        else:
            self.meetings_summary.setText(
                self.tr("{held}, {p} deltagare (volym), alla år.").format(
                    held=count_noun(
                        self.meeting_model.held_count(), "genomfört möte", "genomförda möten"
                    ),
                    p=fmt_int(self.meeting_model.held_participants()),
                )
            )

    def _update_buttons(self) -> None:
        has = self.selected_group() is not None
        self.new_button.setEnabled(self.insats is not None)
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.meeting_button.setEnabled(has)

    # --- actions --------------------------------------------------------------------------
    def new_group(self) -> None:
        if self.insats is None:
            return
        saved = GroupDialog.ask(self, self.store, self.insats, None)
        if saved is not None:
            self.reload(saved.id)
            self.changed.emit()

    def edit_group(self, *_: object) -> None:
        before = self.selected_group()
        if before is None or before.id is None or self.insats is None:
            return
        try:
            current = self.store.groups.get(before.id)
        except DomainError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
            self.reload()
            return
        saved = GroupDialog.ask(self, self.store, self.insats, current)
        if saved is not None:
            self.reload(saved.id)
            self.changed.emit()

    def delete_group(self) -> None:
        group = self.selected_group()
        if group is None or group.id is None:
            return
        held = len(self.store.groups.meetings(group.id))
        text = self.tr("Ta bort samverkansgruppen {name} i {kommun}?").format(
            name=group.name, kommun=kommun_label(self.kommun_names, group.kommun_id)
        )
        if held == 1:
            text += " " + self.tr(
                "Dess möte finns kvar som aktivitet, men utan koppling till en grupp."
            )
        elif held:
            text += " " + self.tr(
                "Dess {n} möten finns kvar som aktiviteter, men utan koppling till en grupp."
            ).format(n=fmt_int(held))
        answer = QMessageBox.question(
            self,
            self.tr("Ta bort samverkansgrupp"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.groups.delete(group.id)
        except DomainError as exc:
            QMessageBox.warning(self, APP_NAME, str(exc))
        self.reload()
        self.changed.emit()

    def _request_meeting(self) -> None:
        group_id = self.selected_id()
        if group_id is not None:
            self.meeting_requested.emit(group_id)
