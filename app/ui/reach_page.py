"""The page "Nådda personer": the year's reach, and the figures registered apart from activities.

The totals are volumes (one person counts once per occasion); unique individuals, where
participants are named, and reach kept out of the total (e.g. podcast listeners) are
shown beside them, never added in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
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
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats, Kommun
from app.core.errors import DomainError
from app.core.findings import Finding
from app.core.reach import RegisteredReach, place_of
from app.core.table_keys import TableKey
from app.core.wording import count_noun
from app.store.database import Store
from app.ui.form_widgets import ask_yes_no, warn
from app.ui.formatting import fmt_int
from app.ui.overview_widget import SummaryTableView
from app.ui.reach_dialog import ReachDialog
from app.ui.row_table_model import RowTableModel
from app.ui.summary_table_model import SummaryTableModel

_CONTEXT = "ReachPage"

TOTAL_KEYS = (TableKey.NADDA_PERSONER, TableKey.NADDA_UTANFOR_TOTAL)
BREAKDOWN_KEYS = (
    TableKey.NADDA_KOMMUN,
    TableKey.NADDA_ORGANISATION,
    TableKey.NADDA_ROLL,
    TableKey.NADDA_KON,
)


class RegisteredReachModel(RowTableModel[RegisteredReach]):
    """The year's figures registered apart from the activities (read-only rows)."""

    REASON, PLACE, IN_TOTAL, COUNT = range(4)
    HEADERS = (
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Orsak/forum")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Kommun")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "I totalen")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Antal (volym)")),
    )
    CONTEXT = _CONTEXT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kommun_names: dict[int, str] = {}

    def set_entries(self, entries: Sequence[RegisteredReach], kommun_names: dict[int, str]) -> None:
        self._kommun_names = dict(kommun_names)
        self.set_rows(entries)

    def entry(self, row: int) -> RegisteredReach:
        return self.row_at(row)

    def row_of(self, entry_id: int | None) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == entry_id), -1)

    def cell(self, e: RegisteredReach, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == self.REASON:
            return e.reason
        if role == Qt.ItemDataRole.ToolTipRole and col == self.IN_TOTAL:
            if e.in_total:
                return QCoreApplication.translate(_CONTEXT, "Räknas in i totalen av nådda")
            return QCoreApplication.translate(
                _CONTEXT, "Hålls utanför totalen och visas för sig (t.ex. poddlyssnare)"
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == self.REASON:
            return e.reason
        if col == self.PLACE:
            return place_of(e, self._kommun_names)
        if col == self.IN_TOTAL:
            if e.in_total:
                return QCoreApplication.translate(_CONTEXT, "Ja")
            return QCoreApplication.translate(_CONTEXT, "Nej")
        return fmt_int(e.attendance.total)


def findings_text(findings: Sequence[Finding]) -> str:
    return "\n".join(f"• {f}" for f in findings)


class ReachPage(QScrollArea):
    """People reached in the year: totals (volume), beside them what is not in the total,
    the breakdowns, and the editable list of figures registered apart from activities."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.insats: Insats | None = None
        self.year = 0
        self.kommuner: list[Kommun] = []
        self.setWidgetResizable(True)

        self.heading = QLabel()
        self.heading.setObjectName("reachHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        self.models: dict[str, SummaryTableModel] = {}
        self.views: dict[str, SummaryTableView] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.notes: dict[str, QLabel] = {}

        def table_box(key: str) -> QGroupBox:
            box = QGroupBox()
            view = SummaryTableView()
            view.setObjectName(f"reach_{key}")
            model = SummaryTableModel(parent=self)
            view.setModel(model)
            note = QLabel()
            note.setObjectName(f"reachNote_{key}")
            note.setWordWrap(True)
            note.setVisible(False)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(view)
            box_layout.addWidget(note)
            self.models[key], self.views[key], self.boxes[key] = model, view, box
            self.notes[key] = note
            return box

        self.findings_box = QGroupBox(self.tr("Att kontrollera"))
        self.findings_label = QLabel()
        self.findings_label.setObjectName("reachFindings")
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.findings_label.setStyleSheet("color: #b3261e;")
        QVBoxLayout(self.findings_box).addWidget(self.findings_label)

        # The registered figures: a table with Ny…/Redigera…/Ta bort.
        self.entries_model = RegisteredReachModel(self)
        self.entries_view = QTableView()
        self.entries_view.setObjectName("reachEntries")
        self.entries_view.setModel(self.entries_model)
        self.entries_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries_view.setAlternatingRowColors(True)
        self.entries_view.verticalHeader().hide()
        self.entries_view.setWordWrap(False)  # long reasons are elided; the tooltip has them
        self.entries_view.verticalHeader().setDefaultSectionSize(
            self.entries_view.fontMetrics().height() + 8
        )
        self.entries_view.setMinimumHeight(self.entries_view.fontMetrics().height() * 8)
        header = self.entries_view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(RegisteredReachModel.REASON, QHeaderView.ResizeMode.Stretch)
        for col in (
            RegisteredReachModel.PLACE,
            RegisteredReachModel.IN_TOTAL,
            RegisteredReachModel.COUNT,
        ):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.entries_view.doubleClicked.connect(self.edit_entry)
        self.new_button = QPushButton(self.tr("Ny…"))
        self.edit_button = QPushButton(self.tr("Redigera…"))
        self.delete_button = QPushButton(self.tr("Ta bort"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.new_button.clicked.connect(self.new_entry)
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.entries_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.entries_model.modelReset.connect(self._update_buttons)

        entries_box = QGroupBox(self.tr("Registrerat utanför aktiviteterna"))
        entries_intro = QLabel(
            self.tr(
                "Personer som nåtts på annat sätt än genom en loggad aktivitet, med orsak "
                "(t.ex. information i ett annat forum). Det som inte räknas in i totalen, "
                "t.ex. poddlyssnare, visas för sig."
            )
        )
        entries_intro.setWordWrap(True)
        entries_layout = QVBoxLayout(entries_box)
        entries_layout.addWidget(entries_intro)
        entries_layout.addWidget(self.entries_view, 1)
        entries_layout.addLayout(buttons)

        # Two columns: the totals and two breakdowns on the left; the registered
        # figures, what to check and the other two breakdowns on the right.
        left = QVBoxLayout()
        for key in (*TOTAL_KEYS, TableKey.NADDA_KOMMUN):
            left.addWidget(table_box(key))
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(entries_box)
        right.addWidget(self.findings_box)
        for key in (TableKey.NADDA_ORGANISATION, TableKey.NADDA_ROLL, TableKey.NADDA_KON):
            right.addWidget(table_box(key))
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addWidget(self.heading)
        layout.addLayout(columns)
        layout.addStretch(1)
        self.setWidget(inner)
        self._update_buttons()

    # --- context ------------------------------------------------------------------------
    def set_context(self, insats: Insats, year: int) -> None:
        """Show ``year`` of ``insats``."""
        self.insats = insats
        self.year = year
        assert insats.forbund_id is not None
        self.kommuner = self.store.reference.kommuner(insats.forbund_id)
        self.reload()

    def _insats_id(self) -> int:
        assert self.insats is not None and self.insats.id is not None
        return self.insats.id

    def reload(self, select_id: int | None = None) -> None:
        if self.insats is None:
            return
        insats_id = self._insats_id()
        self.heading.setText(
            self.tr("Nådda personer {year} – {insats}").format(
                year=self.year, insats=self.insats.name
            )
        )
        for table in self.store.reach.tables(insats_id, self.year):
            if table.key not in self.models:
                continue
            self.boxes[table.key].setTitle(table.title)
            self.models[table.key].set_table(table)
            self.views[table.key].fit_height()
            self.notes[table.key].setText(table.note)
            self.notes[table.key].setVisible(bool(table.note))
        kommun_names = {k.id: k.name for k in self.kommuner if k.id is not None}
        self.entries_model.set_entries(self.store.reach.entries(insats_id, self.year), kommun_names)
        row = self.entries_model.row_of(select_id) if select_id is not None else -1
        if row >= 0:
            self.entries_view.setCurrentIndex(self.entries_model.index(row, 0))
        findings = self.store.reach.findings(insats_id, self.year)
        self.findings_label.setText(findings_text(findings))
        self.findings_box.setVisible(bool(findings))
        self._update_buttons()

    # --- editing ------------------------------------------------------------------------
    def selected_entry(self) -> RegisteredReach | None:
        row = self.entries_view.currentIndex().row()
        return self.entries_model.entry(row) if 0 <= row < self.entries_model.rowCount() else None

    def new_entry(self) -> None:
        if self.insats is None:
            return
        entry = ReachDialog.ask(self, self.kommuner, self._insats_id(), self.year)
        if entry is not None:
            self._save(entry)

    def edit_entry(self, *_: object) -> None:
        before = self.selected_entry()
        if before is None or self.insats is None:
            return
        after = ReachDialog.ask(self, self.kommuner, self._insats_id(), self.year, before)
        if after is not None and after != before:
            self._save(after)

    def delete_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.id is None:
            return
        question = self.tr("Ta bort ”{reason}” ({n})?").format(
            reason=entry.reason, n=count_noun(entry.attendance.total, "person", "personer")
        )
        if not self.confirm(self, question):
            return
        try:
            self.store.reach.delete(entry.id)
        except DomainError as exc:
            self.show_error(self, str(exc))
        self.reload()
        self.changed.emit()

    def _save(self, entry: RegisteredReach) -> None:
        try:
            saved = self.store.reach.save(entry)
        except DomainError as exc:
            self.show_error(self, str(exc))
            self.reload()
            return
        self.reload(select_id=saved.id)
        self.changed.emit()

    def _update_buttons(self, *_: object) -> None:
        has_context = self.insats is not None
        selected = self.selected_entry() is not None
        self.new_button.setEnabled(has_context)
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    # --- questions and messages (tests replace these) -----------------------------------
    @staticmethod
    def confirm(parent: QWidget, question: str) -> bool:
        return ask_yes_no(parent, question)

    @staticmethod
    def show_error(parent: QWidget, message: str) -> None:
        warn(parent, message)
