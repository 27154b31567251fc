"""The Ekonomi tab's tables: budget against outcome per line (and per year), the costs
per activity and participant, the costs, and the funding rules' findings. Every figure
is core.economy's (EconomySummary), only formatted here (app.core.money.kronor)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from app.core.economy import COLUMNS, TOTAL, YEAR_COLUMNS, EconomyRow
from app.core.economy_entities import Cost
from app.core.funding_rules import FundingFinding
from app.core.money import kronor, percent_text
from app.core.wording import NBSP, count_noun, thousands
from app.ui.row_table_model import RowTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
OVER = " ▲ över"  # after a negative Kvar av budget: over budget, said in text, not by colour
NOTHING = "–"
BY_HAND, PLANNED = "För hand", "Planerad"
FLAG = "⚠ Regelkontroll"


def used_text(row: EconomyRow) -> str:
    return percent_text(row.used_percent)


def remaining_text(row: EconomyRow) -> str:
    return kronor(row.remaining) + (OVER if row.remaining < 0 else "")


def economy_cells(row: EconomyRow) -> tuple[str, ...]:
    """Budget, Utfall, Planerat, Prognos, Kvar av budget, Förbrukat as shown."""
    return (
        kronor(row.budget),
        kronor(row.booked),
        kronor(row.planned),
        kronor(row.forecast),
        remaining_text(row),
        used_text(row),
    )


class EconomyRowsModel(RowTableModel[EconomyRow]):
    """Per budget line (or per year), with the Totalt row last (bold)."""

    CONTEXT = "EconomyModels"

    def __init__(self, per_year: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = YEAR_COLUMNS if per_year else COLUMNS

    def set_figures(self, rows: Iterable[EconomyRow], total: EconomyRow) -> None:
        self.set_rows([*rows, total])

    def is_total(self, row: int) -> bool:
        return row == len(self._rows) - 1

    def cell(self, item: EconomyRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return item.label if column == 0 else economy_cells(item)[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and item.label == TOTAL and item.line_id is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and item.remaining < 0:
            return "Prognosen är större än budgeten"
        if role == ID_ROLE:
            return item.line_id
        return None


def divided_by(label_index: int, count: int | None) -> str:
    """What a cost ratio was divided by: '8 aktiviteter', '586 nådda', '12 unika individer'."""
    if count is None:
        return "ingen uppgift"
    if label_index == 0:
        return count_noun(count, "genomförd aktivitet", "genomförda aktiviteter")
    if label_index == 1:
        return f"{thousands(count)} nådda"
    return count_noun(count, "unik individ", "unika individer")


class RatiosModel(RowTableModel[tuple[int, str, int | None, int | None]]):
    HEADERS = ("Nyckeltal", "Kostnad", "Delat med")
    CONTEXT = "EconomyModels"

    def set_ratios(self, rows: Iterable[tuple[str, int | None, int | None]]) -> None:
        self.set_rows((i, label, value, count) for i, (label, value, count) in enumerate(rows))

    def cell(self, item: tuple[int, str, int | None, int | None], column: int, role: int) -> Any:
        index, label, value, count = item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return label
            if column == 1:
                return NOTHING if value is None else f"{thousands(value)}{NBSP}kr"
            return divided_by(index, count)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return RIGHT
        return None


def source_text(cost: Cost) -> str:
    if cost.planned:
        return PLANNED
    return cost.source if cost.from_ledger else BY_HAND


class CostsModel(RowTableModel[Cost]):
    HEADERS = (
        "Datum",
        "Belopp",
        "Budgetrad",
        "Text",
        "Aktivitet",
        "Verifikation",
        "Konto",
        "Källa",
        "Regelkontroll",
    )
    CONTEXT = "EconomyModels"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: Mapping[int, str] = {}
        self._activities: Mapping[int, str] = {}
        self._flagged: set[int] = set()

    def set_costs(
        self,
        costs: Iterable[Cost],
        lines: Mapping[int, str],
        activities: Mapping[int, str],
        flagged: Iterable[int],
    ) -> None:
        self._lines, self._activities, self._flagged = lines, activities, set(flagged)
        self.set_rows(costs)

    def row_of(self, cost_id: int) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == cost_id), -1)

    def cell(self, item: Cost, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and item.planned:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ID_ROLE:
            return item.id
        return None

    def text(self, c: Cost, column: int) -> str:
        konto = f"{c.konto} {c.kontonamn}".strip()
        activity = self._activities.get(c.activity_id, "") if c.activity_id is not None else ""
        flag = FLAG if c.id in self._flagged else ""
        return (
            c.day.isoformat(),
            kronor(c.amount),
            self._lines.get(c.line_id, ""),
            c.text,
            activity,
            c.verifikation,
            konto,
            source_text(c),
            flag,
        )[column]


class FindingsModel(RowTableModel[FundingFinding]):
    HEADERS = ("Datum", "Belopp", "Text", "Fynd", "Träff på", "Vägledningen", "Bedömning")
    CONTEXT = "EconomyModels"

    def cell(self, item: FundingFinding, column: int, role: int) -> Any:
        c = item.cost
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                c.day.isoformat(),
                kronor(c.amount),
                c.text,
                item.rule.title,
                item.matched,
                item.rule.cited,
                item.note or "Inte bedömd",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 5, 6):
            return (c.text, item.rule.cited, item.note)[(2, 5, 6).index(column)] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and not item.noted and column == 6:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ID_ROLE:
            return (c.id, item.rule.code)
        return None
