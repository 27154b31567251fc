"""The tables of evaluations: the questions of one evaluation (the text and the counts
1–5 editable, the mean and the share 4–5 shown), the evaluated activities of a year and
the figures per type. Every figure is core.evaluation's."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from app.core.evaluation import (
    EvaluatedActivity,
    Figures,
    Question,
    decimal_text,
    mean_figure,
    percent_text,
    share_percent,
)
from app.core.evaluation_scale import Distribution
from app.ui.formatting import fmt_int
from app.ui.row_table_model import READ_ONLY_FLAGS, AnyIndex, RowTableModel, is_cell

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class QuestionsModel(RowTableModel[Question]):
    """One row per question: Fråga, 1 … 5 (editable), Svar, Medel, Andel 4–5."""

    HEADERS = ("Fråga", "1", "2", "3", "4", "5", "Svar", "Medel", "Andel 4–5")
    CONTEXT = "QuestionsModel"
    edited = Signal()

    def cell(self, item: Question, column: int, role: int) -> Any:
        d = item.answers
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return item.text
            if 1 <= column <= 5:
                n = d.counts[column - 1]
                return n if role == Qt.ItemDataRole.EditRole else fmt_int(n)
            if column == 6:
                return fmt_int(d.answers)
            if column == 7:
                return decimal_text(mean_figure(d))
            if column == 8:
                return percent_text(share_percent(d))
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not is_cell(self, index):
            return Qt.ItemFlag.NoItemFlags
        if index.column() <= 5:
            return READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsEditable
        return READ_ONLY_FLAGS

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not is_cell(self, index) or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), index.column()
        q = self._rows[row]
        if column == 0:
            new = replace(q, text=str(value))
        elif 1 <= column <= 5:
            try:
                n = int(value)
            except (TypeError, ValueError):
                return False
            if n < 0:
                return False
            counts = list(q.answers.counts)
            counts[column - 1] = n
            new = replace(q, answers=Distribution(*counts))
        else:
            return False
        if new != q:
            self._rows[row] = new
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            self.edited.emit()
        return True

    def append(self, question: Question) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(question)
        self.endInsertRows()
        self.edited.emit()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()


def figure_cells(f: Figures) -> tuple[str, ...]:
    """Deltagare, Tillfrågade, Svar, Svarsfrekvens, Medel, Andel 4–5 as shown."""
    return (fmt_int(f.participants), fmt_int(f.asked), fmt_int(f.answered), *f.texts())


FIGURE_HEADERS = ("Deltagare", "Tillfrågade", "Svar", "Svarsfrekvens", "Medel", "Andel 4–5")


class EvaluatedActivitiesModel(RowTableModel[EvaluatedActivity]):
    """The year's evaluated activities: Datum, Aktivitet, Typ, then the figures."""

    HEADERS = ("Datum", "Aktivitet", "Typ", *FIGURE_HEADERS)
    CONTEXT = "EvaluatedActivitiesModel"

    def cell(self, item: EvaluatedActivity, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.day.isoformat()
            if column == 1:
                return item.shown_title
            if column == 2:
                return item.type_name
            return figure_cells(item.figures)[column - 3]
        if role == ID_ROLE:
            return item.activity_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return RIGHT
        return None

    def row_of(self, activity_id: int) -> int:
        return next((i for i, a in enumerate(self._rows) if a.activity_id == activity_id), -1)


class FiguresModel(RowTableModel[Figures]):
    """Figures per type (or per year): the label, Utvärderade aktiviteter, the figures;
    the total last."""

    HEADERS = ("Typ", "Utvärderade", *FIGURE_HEADERS)
    CONTEXT = "FiguresModel"

    def __init__(self, first_header: str = "Typ", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = (first_header, *self.HEADERS[1:])

    def cell(self, item: Figures, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.label
            if column == 1:
                return fmt_int(item.evaluations)
            return figure_cells(item)[column - 2]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 1:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and item is self._rows[-1] and len(self._rows) > 1:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None
