"""The row above the activity table: filter by type, kommun, status and free text."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.core.activity_filter import ActivityFilter
from app.core.vocabulary import Scope, Status
from app.ui.combo_data import refill_names


class ActivityFilterBar(QWidget):
    changed = Signal(object)  # ActivityFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("filterType")
        self.kommun_combo = QComboBox()
        self.kommun_combo.setObjectName("filterKommun")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("filterStatus")
        self.status_combo.addItem(self.tr("Alla statusar"), None)
        for s in Status:
            self.status_combo.addItem(s.label, s.value)
        self.search = QLineEdit()
        self.search.setObjectName("filterText")
        self.search.setPlaceholderText(self.tr("Sök i titel, plats, typ och kommun…"))
        self.search.setClearButtonEnabled(True)
        self.merge_series = QCheckBox(self.tr("Slå ihop serier"))
        self.merge_series.setObjectName("filterMergeSeries")
        self.merge_series.setToolTip(self.tr("En rad per serie och år"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Filter:")))
        layout.addWidget(self.type_combo)
        layout.addWidget(self.kommun_combo)
        layout.addWidget(self.status_combo)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.merge_series)
        for combo in (self.type_combo, self.kommun_combo, self.status_combo):
            combo.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(self._emit)
        self.merge_series.toggled.connect(self._emit)
        self.set_choices([], [])

    def set_choices(self, type_names: Sequence[str], kommun_names: Sequence[str]) -> None:
        """Fill the type and kommun lists, keeping the current choice where it still exists."""
        for combo, all_text, names in (
            (self.type_combo, self.tr("Alla typer"), list(type_names)),
            (
                self.kommun_combo,
                self.tr("Alla kommuner"),
                [*kommun_names, Scope.LANSOVERGRIPANDE.label, Scope.NATIONELLT.label],
            ),
        ):
            refill_names(combo, all_text, names)
        self._emit()

    def current(self) -> ActivityFilter:
        status = self.status_combo.currentData()
        return ActivityFilter(
            type_name=self.type_combo.currentData() or "",
            place_label=self.kommun_combo.currentData() or "",
            status=Status(status) if status else None,
            text=self.search.text(),
            merged=self.merge_series.isChecked(),
        )

    def clear(self) -> None:
        for combo in (self.type_combo, self.kommun_combo, self.status_combo):
            combo.setCurrentIndex(0)
        self.search.clear()

    def _emit(self, *_: object) -> None:
        self.changed.emit(self.current())
