"""The dialog for one cost of the insats: booked by hand, planned, or a line of the
ledger (whose verifikation, konto, kontonamn and file are shown, not edited).

Date (within the insats), amount ("1 234,50", "−500" for a credit), budget line (the
active ones, and the cost's own), text, the activity it was for (optional, searchable
among the year's activities) and whether it is still only planned. What cannot be saved
is listed in red (core's validate_cost) and the dialog stays open: nothing half-saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.economy_entities import MAX_TEXT, BudgetLine, Cost, validate_cost
from app.core.entities import Insats
from app.core.errors import ValidationError
from app.core.money import MoneyError, kronor, parse_kronor
from app.ui.combo_data import find_data
from app.ui.form_widgets import ErrorLabel, limit_length, make_date_edit, ok_cancel_buttons
from app.ui.formatting import SWEDISH, from_qdate, to_qdate
from app.ui.screen_fit import resize_to_fit

NO_ACTIVITY = "Ingen aktivitet"
# (id, date, title) of the insats's activities, for the activity combo.
ActivityChoice = tuple[int, date, str]


def activity_text(day: date, title: str) -> str:
    return f"{day.isoformat()} {title}"


class CostDialog(QDialog):
    def __init__(
        self,
        insats: Insats,
        lines: Sequence[BudgetLine],
        activities: Sequence[ActivityChoice],
        cost: Cost | None = None,
        day: date | None = None,
        planned: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert insats.id is not None
        self.setLocale(SWEDISH)
        self.insats = insats
        self.original = cost
        self._activities = list(activities)
        start = day or insats.start
        self.base = cost or Cost(None, insats.id, start, 0, 0, planned=planned)
        if cost is None:
            title = "Ny planerad kostnad" if planned else "Ny kostnad"
        else:
            title = "Planerad kostnad" if cost.planned else "Kostnad"
        self.setWindowTitle(self.tr(title) + " – Insatslogg")

        self.date_edit = make_date_edit(self.base.day, self)
        self.date_edit.setObjectName("costDate")
        self.date_edit.setDateRange(to_qdate(insats.start), to_qdate(insats.end))
        if not insats.start <= self.base.day <= insats.end:  # kept as stored, never moved
            self.date_edit.setDateRange(
                to_qdate(min(insats.start, self.base.day)), to_qdate(max(insats.end, self.base.day))
            )
        self.date_edit.setDate(to_qdate(self.base.day))
        self.amount_edit = QLineEdit(kronor(self.base.amount) if cost is not None else "")
        self.amount_edit.setObjectName("costAmount")
        self.amount_edit.setPlaceholderText("t.ex. 1 234,50")
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line_combo = QComboBox()
        self.line_combo.setObjectName("costLine")
        for line in lines:
            if line.active or line.id == self.base.line_id:
                self.line_combo.addItem(line.name, line.id)
        self._line_ids = [line.id for line in lines if line.id is not None]
        self.line_combo.setCurrentIndex(max(find_data(self.line_combo, self.base.line_id), 0))
        self.text_edit = QLineEdit(self.base.text)
        self.text_edit.setObjectName("costText")
        limit_length(self.text_edit, MAX_TEXT)
        self.activity_combo = QComboBox()
        self.activity_combo.setObjectName("costActivity")
        self.activity_combo.setEditable(True)
        self.activity_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.activity_combo.setMinimumContentsLength(30)
        completer = self.activity_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.planned_box = QCheckBox(self.tr("Planerad (ännu inte bokförd): räknas i prognosen"))
        self.planned_box.setObjectName("costPlanned")
        self.planned_box.setChecked(self.base.planned)
        self._fill_activities(self.base.activity_id)
        self.date_edit.dateChanged.connect(lambda _d: self._fill_activities(self.activity_id()))

        form = QFormLayout()
        form.addRow(self.tr("&Datum:"), self.date_edit)
        form.addRow(self.tr("&Belopp (kr):"), self.amount_edit)
        form.addRow(self.tr("B&udgetrad:"), self.line_combo)
        form.addRow(self.tr("&Text:"), self.text_edit)
        form.addRow(self.tr("A&ktivitet:"), self.activity_combo)
        form.addRow("", self.planned_box)
        if self.base.from_ledger or self.base.verifikation:
            for label, value in (
                ("Verifikation:", self.base.verifikation),
                ("Konto:", f"{self.base.konto} {self.base.kontonamn}".strip()),
                ("Källa:", self.base.source or "För hand"),
            ):
                shown = QLabel(value or "–")
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                form.addRow(self.tr(label), shown)
        self.error_label = ErrorLabel()
        note = QLabel(
            self.tr(
                "En kreditering (återbetalning, rättelse) skrivs med minus. Regelkontrollen "
                "hindrar aldrig en sparning: fynd visas under fliken Ekonomi."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt")))
        self.result_cost: Cost | None = None
        resize_to_fit(self, 600, 0)

    # --- the activity combo ---------------------------------------------------------------
    def _fill_activities(self, keep: int | None) -> None:
        year = from_qdate(self.date_edit.date()).year
        combo = self.activity_combo
        combo.clear()
        combo.addItem(self.tr(NO_ACTIVITY), None)
        for activity_id, day, title in self._activities:
            if day.year == year or activity_id == keep:
                combo.addItem(activity_text(day, title), activity_id)
        combo.setCurrentIndex(max(find_data(combo, keep), 0))

    def activity_id(self) -> int | None:
        """The chosen activity (a text typed and not in the list is not one)."""
        combo = self.activity_combo
        text = combo.currentText().strip()
        if not text or text == self.tr(NO_ACTIVITY):
            return None
        index = combo.findText(text, Qt.MatchFlag.MatchExactly)
        if index < 0:
            raise ValidationError(["Välj en aktivitet i listan (eller ingen)."])
        data = combo.itemData(index)
        return None if data is None else int(data)

    # --- saving ---------------------------------------------------------------------------
    def cost(self) -> Cost:
        """The cost as the form shows it; ValidationError (Swedish) when it cannot be saved."""
        problems: list[str] = []
        try:
            amount = parse_kronor(self.amount_edit.text())
        except MoneyError as exc:
            text = self.amount_edit.text().strip()
            problems.append(str(exc) if text else "Skriv ett belopp, t.ex. 1 234,50.")
            amount = self.base.amount or 1
        try:
            activity = self.activity_id()
        except ValidationError as exc:
            problems += exc.problems
            activity = None
        line = self.line_combo.currentData()
        cost = replace(
            self.base,
            day=from_qdate(self.date_edit.date()),
            amount=amount,
            line_id=int(line) if line is not None else 0,
            text=self.text_edit.text().strip(),
            activity_id=activity,
            planned=self.planned_box.isChecked(),
        )
        day = cost.day
        if not self.insats.start <= day <= self.insats.end and (
            self.original is None or day != self.original.day
        ):
            problems.append(
                f"Datumet {day.isoformat()} ligger utanför insatsen "
                f"({self.insats.start.isoformat()}–{self.insats.end.isoformat()})."
            )
        try:
            validate_cost(cost, self.insats.years, self._line_ids)
        except ValidationError as exc:
            problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return cost

    def accept(self) -> None:
        if self.error_label.attempt(self._take):
            super().accept()

    def _take(self) -> None:
        self.result_cost = self.cost()
