"""The tables of Arkiv → Importera huvudboksutdrag: the konto mapping the user confirms
(konto, kontonamn, rader, summa, budgetrad as a combo, "ny"), and the read-only lists of
what is added, the duplicates and what is left out. Every figure comes from the plan
(app.operations.cost_import); nothing is summed here."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from app.core.konto_suggestions import NOT_A_COST
from app.core.money import kronor
from app.operations.cost_import import KontoPlan
from app.ui.import_models import TextRowsModel
from app.ui.row_table_model import READ_ONLY_FLAGS, AnyIndex, RowTableModel, is_cell

DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
KONTO, NAME, ROWS, SUM, LINE, NEW = range(6)


class KontoMappingModel(RowTableModel[KontoPlan]):
    """One row per konto of the extract; the Budgetrad column is edited (EditRole: the
    line id, None for not a cost). ``chosen`` emits (konto, line id) on a change."""

    HEADERS = ("Konto", "Kontonamn", "Rader", "Summa (kr)", "Budgetrad", "Status")
    chosen = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.line_names: dict[int | None, str] = {None: NOT_A_COST}

    def set_plan(self, konton: list[KontoPlan], line_names: dict[int | None, str]) -> None:
        self.line_names = {None: NOT_A_COST, **line_names}
        self.set_rows(konton)

    def choices(self) -> list[tuple[str, Any]]:
        """The combo's items: the lines, then "Inte en kostnad för insatsen"."""
        return [(n, i) for i, n in self.line_names.items() if i is not None] + [(NOT_A_COST, None)]

    def cell(self, item: KontoPlan, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ROWS, SUM):
            return RIGHT
        if role == EDIT and column == LINE:
            return item.line_id
        if role == Qt.ItemDataRole.ToolTipRole and column == NEW and item.new:
            return "Kontot är nytt: kontrollera budgetraden, den är ett förslag."
        if role != DISPLAY:
            return None
        if column == KONTO:
            return item.konto
        if column == NAME:
            return item.kontonamn
        if column == ROWS:
            return str(item.rows)
        if column == SUM:
            return kronor(item.amount)
        if column == LINE:
            return self.line_names.get(item.line_id, NOT_A_COST)
        return "ny" if item.new else ("ändrad" if item.changed else "")

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not is_cell(self, index):
            return Qt.ItemFlag.NoItemFlags
        if index.column() == LINE:
            return READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsEditable
        return READ_ONLY_FLAGS

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not is_cell(self, index) or index.column() != LINE:
            return False
        if value is not None and value not in self.line_names:
            return False
        item = self._rows[index.row()]
        if item.line_id == value:
            return False
        # The dialog makes the plan again from the choice; the row shows it now.
        self._rows[index.row()] = replace(item, line_id=value)
        self.dataChanged.emit(index, index, [DISPLAY, EDIT])
        self.chosen.emit(item.konto, value)
        return True


class RowsModel(TextRowsModel):
    """Read-only rows of text, the columns named in ``amounts`` right-aligned (kronor)."""

    def __init__(
        self, headers: tuple[str, ...], amounts: tuple[int, ...], parent: QObject | None = None
    ) -> None:
        super().__init__(headers, parent=parent)
        self._amounts = amounts

    def cell(self, item: tuple[str, ...], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._amounts:
            return RIGHT
        return super().cell(item, column, role)
