"""The Personuppgifter dialog's table: each person of the förbund with organisation,
e-mail, number of activities and the latest one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QObject,
    Qt,
)

from app.core.people import (
    PersonListing,
    swedish_key,
)
from app.ui.formatting import fmt_date, fmt_int
from app.ui.row_table_model import RowTableModel

_CONTEXT = "PrivacyDialog"  # the translation context of the column titles
SORT_ROLE = Qt.ItemDataRole.UserRole


ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PersonListingModel(RowTableModel[PersonListing]):
    """The förbund's persons with organisation, e-mail, number of activities and the latest."""

    NAME, ORGANISATION, EMAIL, ACTIVITIES, LATEST = range(5)
    HEADERS = (
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Namn")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Organisation")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "E-post")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Antal aktiviteter")),
        str(QT_TRANSLATE_NOOP(_CONTEXT, "Senaste aktivitet")),
    )
    CONTEXT = _CONTEXT

    def __init__(self, rows: list[PersonListing], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def listing(self, row: int) -> PersonListing:
        return self.row_at(row)

    def cell(self, x: PersonListing, column: int, role: int) -> Any:
        if role == ID_ROLE:
            return x.person.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ACTIVITIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            if column == self.ACTIVITIES:
                return x.activities
            if column == self.LATEST:
                return x.latest.isoformat() if x.latest else ""
            return swedish_key(self._text(x, column))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(x, column)
        return None

    @classmethod
    def _text(cls, x: PersonListing, column: int) -> str:
        if column == cls.NAME:
            return x.person.name
        if column == cls.ORGANISATION:
            return x.organisation_name
        if column == cls.EMAIL:
            return x.person.email
        if column == cls.ACTIVITIES:
            return fmt_int(x.activities)
        return fmt_date(x.latest) if x.latest else "–"
