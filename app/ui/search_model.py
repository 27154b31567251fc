"""The hits of Sök i alla år… as a table: Datum, År, Aktivitet, Typ, Kommun, Status,
Deltagare and where the text was found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from app.core.activity_columns import approximate_count
from app.core.activity_search import SearchHit
from app.ui.row_table_model import RowTableModel

ID_ROLE = Qt.ItemDataRole.UserRole

DATE, YEAR, TITLE, TYPE, KOMMUN, STATUS, PARTICIPANTS, FOUND = range(8)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class SearchHitModel(RowTableModel[SearchHit]):
    HEADERS = ("Datum", "År", "Aktivitet", "Typ", "Kommun", "Status", "Deltagare", "Träff i")
    CONTEXT = "SearchHitModel"

    def cell(self, item: SearchHit, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in (YEAR, PARTICIPANTS) else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, FOUND):
            return item.title if column == TITLE else item.found or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            item.start.isoformat(),
            str(item.year),
            item.title,
            item.type_name,
            item.place_label,
            item.status.label,
            approximate_count(item.participants, item.counts_approximate),
            item.found,
        )[column]

    def row_of_id(self, activity_id: int) -> int | None:
        return next((i for i, h in enumerate(self._rows) if h.id == activity_id), None)
