"""The page "Utvärderingar": the shown year's evaluated activities with their figures
(n svar av n deltagare, svarsfrekvens, medel, andel 4–5), the same per activity type and
for the year. Opening a row opens the activity's Utvärdering… dialog (the window's, so
the save is one step of Ångra). Every figure is core.evaluation's."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.evaluation import EvaluationTables
from app.core.wording import count_noun
from app.store.database import Store
from app.ui.evaluation_models import ID_ROLE, EvaluatedActivitiesModel, FiguresModel


def _view(name: str, stretch: int) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class EvaluationsPage(QWidget):
    # Saved something (the window records it): never emitted by the page itself, whose
    # edits go through the window's dialog.
    changed = Signal()
    # The user opened an activity's evaluation: the activity's id.
    evaluation_requested = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tables: EvaluationTables | None = None
        self.activity_model = EvaluatedActivitiesModel(self)
        self.activity_view = _view("evaluatedActivities", 1)
        self.activity_view.setModel(self.activity_model)
        self.activity_view.doubleClicked.connect(self.open_selected)
        self.type_model = FiguresModel("Typ", self)
        self.type_view = _view("evaluationsPerType", 0)
        self.type_view.setModel(self.type_model)
        self.title = QLabel()
        self.title.setObjectName("evaluationsTitle")
        self.note = QLabel()
        self.note.setObjectName("evaluationsNote")
        self.note.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Öppna utvärdering…"))
        self.open_button.clicked.connect(self.open_selected)
        hint = QLabel(
            self.tr(
                "Lägg till en utvärdering från aktivitetstabellen: markera aktiviteten och "
                "välj Redigera → Utvärdering… (eller högerklicka)."
            )
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.activity_view, 3)
        layout.addLayout(buttons)
        layout.addWidget(
            QLabel(self.tr("Per aktivitetstyp och för året (genomförda aktiviteter):"))
        )
        layout.addWidget(self.type_view, 2)
        layout.addWidget(self.note)

    def set_context(self, insats: Insats, year: int) -> None:
        assert insats.id is not None
        tables = self.store.evaluations.year_tables(insats.id, year)
        self.tables = tables
        self.activity_model.set_rows(tables.activities)
        self.type_model.set_rows([*tables.per_type, tables.total])
        n = len(tables.activities)
        self.title.setText(
            self.tr("Utvärderingar {year}: {n}").format(
                year=year, n=count_noun(n, "utvärderad aktivitet", "utvärderade aktiviteter")
            )
        )
        self.note.setText(tables.note())
        self.note.setVisible(bool(tables.note()))
        self.open_button.setEnabled(n > 0)

    def select_activity(self, activity_id: int) -> bool:
        row = self.activity_model.row_of(activity_id)
        if row < 0:
            return False
        self.activity_view.selectRow(row)
        return True

    def selected_id(self) -> int | None:
        rows = self.activity_view.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.activity_model.data(rows[0], ID_ROLE))

    def open_selected(self, *_: object) -> None:
        activity_id = self.selected_id()
        if activity_id is not None:
            self.evaluation_requested.emit(activity_id)
