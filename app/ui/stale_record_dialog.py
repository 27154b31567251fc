"""The one dialog every editor shows when its save is refused as stale (StaleRecord): a
colleague saved the record after the user opened it. The fields that differ are shown
side by side, yours and theirs; "Läs in deras version" discards yours and reloads the
record, "Avbryt" goes back to editing yours."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, time
from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import StaleRecord

# The fields as the editors name them; a field not named here is shown by its own name.
FIELD_NAMES = {
    "title": "Titel",
    "name": "Namn",
    "start": "Datum",
    "end": "Slutdatum",
    "steps": "Steg",
    "start_time": "Starttid",
    "end_time": "Sluttid",
    "step_times": "Stegens tider",
    "scope": "Var",
    "kommun_id": "Kommun",
    "place": "Plats",
    "format": "Format",
    "status": "Status",
    "coorganiser_ids": "Medarrangörer",
    "notes": "Anteckningar",
    "attendance": "Deltagare",
    "group_id": "Samverkansgrupp",
    "goal_id": "Mål",
    "participant_ids": "Namngivna deltagare",
    "highlight": "Höjdpunkt",
    "date_approximate": "Datum ungefärligt",
    "counts_approximate": "Antal ungefärliga",
    "link": "Länk",
    "description": "Beskrivning",
    "registration": "Anmälan",
    "email": "E-post",
    "organisation_id": "Organisation",
    "formed": "Bildad",
    "statuses": "Statusar",
    "members": "Medlemmar",
}


def shown(value: object) -> str:
    """A field's value as the dialog shows it."""
    if value is None or value == "" or value == ():
        return "–"
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H.%M")
    if isinstance(value, tuple):
        return ", ".join(shown(v) for v in value)
    total = getattr(value, "total", None)  # Attendance: its total first
    if isinstance(total, int) and dataclasses.is_dataclass(value):
        return f"{total} ({value})"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return " ".join(shown(getattr(value, f.name)) for f in dataclasses.fields(value))
    return str(value)


def differences(mine: object, theirs: object) -> list[tuple[str, str, str]]:
    """(field, yours, theirs) of every compared field in which the two differ."""
    if not (dataclasses.is_dataclass(mine) and dataclasses.is_dataclass(theirs)):
        return []
    fields: Iterable[dataclasses.Field[object]] = dataclasses.fields(mine)  # type: ignore[arg-type]
    found = []
    for f in fields:
        if not f.compare or not hasattr(theirs, f.name):
            continue
        a, b = getattr(mine, f.name), getattr(theirs, f.name)
        if a != b:
            found.append((FIELD_NAMES.get(f.name, f.name), shown(a), shown(b)))
    return found


class StaleRecordDialog(QDialog):
    """Yours against theirs; accepted: read theirs in (yours discarded)."""

    def __init__(self, error: StaleRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staleRecordDialog")
        self.setWindowTitle("Posten har ändrats av någon annan")
        layout = QVBoxLayout(self)
        message = QLabel(str(error))
        message.setObjectName("staleMessage")
        message.setWordWrap(True)
        layout.addWidget(message)
        rows = differences(error.mine, error.theirs)
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName("staleDifferences")
        self.table.setHorizontalHeaderLabels(
            ["Fält", f"Din version ({error.my_version})", f"Deras version ({error.their_version})"]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):  # yours and theirs, side by side, each half of the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        self.resize(760, 420)  # both versions readable; fits a 1366×768 screen
        buttons = QDialogButtonBox()
        self.reload_button = buttons.addButton(
            "Läs in deras version", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.reload_button.setObjectName("reloadTheirs")
        self.cancel_button = buttons.addButton("Avbryt", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("keepEditing")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """The table as shown: (field, yours, theirs)."""
        return [
            tuple(self.table.item(i, j).text() for j in range(3))  # type: ignore[misc]
            for i in range(self.table.rowCount())
        ]

    @classmethod
    def ask(cls, parent: QWidget | None, error: StaleRecord) -> bool:
        """Show the dialog; True: read their version in, False: go on editing yours."""
        dialog = cls(error, parent)
        try:  # as form_widgets.run_modal, which uses this dialog (no import circle)
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
