"""Ändra budget…: the budget of one year of the insats, per budget line.

Amounts are written as people write them ("12 000", "1 234,50", "12000 kr"); an empty
field is no budget. What cannot be read is named per line in Swedish and nothing is
saved; the page saves the changed lines in one transaction (``set_budgets``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.economy_entities import BudgetLine, validate_budget
from app.core.errors import DomainError, ValidationError
from app.core.money import MoneyError, kronor, kronor_kr, parse_kronor
from app.ui.form_widgets import ErrorLabel, ok_cancel_buttons
from app.ui.formatting import SWEDISH
from app.ui.screen_fit import resize_to_fit


class BudgetDialog(QDialog):
    def __init__(
        self,
        insats_name: str,
        year: int,
        lines: Sequence[BudgetLine],
        amounts: Mapping[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setLocale(SWEDISH)
        self.setWindowTitle(self.tr("Budget {year} – Insatslogg").format(year=year))
        self.year = year
        self.before = {lid: a for lid, a in amounts.items() if a}
        self.lines = [x for x in lines if x.id is not None and (x.active or x.id in self.before)]
        self.edits: dict[int, QLineEdit] = {}
        form = QFormLayout()
        for line in self.lines:
            assert line.id is not None
            amount = self.before.get(line.id, 0)
            edit = QLineEdit(kronor(amount) if amount else "")
            edit.setObjectName(f"budget_{line.id}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setPlaceholderText("0")
            edit.textChanged.connect(self._update_total)
            self.edits[line.id] = edit
            name = line.name if line.active else f"{line.name} (inaktiv)"
            form.addRow(name + ":", edit)
        self.total_label = QLabel()
        self.total_label.setObjectName("budgetTotal")
        form.addRow(self.tr("Totalt:"), self.total_label)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        intro = QLabel(
            self.tr(
                "Budgeten {year} per budgetrad för {name}, i kronor (t.ex. 12 000 eller "
                "1 234,50). En tom ruta är ingen budget."
            ).format(year=year, name=insats_name)
        )
        intro.setWordWrap(True)
        self.error_label = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt")))
        self.result_amounts: dict[int, int] = {}
        self._update_total()
        resize_to_fit(self, 520, 460)

    def amounts(self) -> dict[int, int]:
        """Every shown line's amount in öre; ValidationError naming the lines that
        cannot be read."""
        problems: list[str] = []
        out: dict[int, int] = {}
        for line in self.lines:
            assert line.id is not None
            text = self.edits[line.id].text().strip()
            try:
                amount = parse_kronor(text) if text else 0
                validate_budget(amount)
            except MoneyError as exc:
                problems.append(f"{line.name}: {exc}")
                continue
            except ValidationError as exc:
                problems += [f"{line.name}: {p}" for p in exc.problems]
                continue
            out[line.id] = amount
        if problems:
            raise ValidationError(problems)
        return out

    def changed_amounts(self) -> dict[int, int]:
        """The lines whose amount the user changed (empty: an unchanged save)."""
        return {lid: a for lid, a in self.amounts().items() if a != self.before.get(lid, 0)}

    def _update_total(self) -> None:
        try:
            total = sum(self.amounts().values())
        except DomainError:
            self.total_label.setText("–")
            return
        self.total_label.setText(kronor_kr(total))

    def accept(self) -> None:
        if self.error_label.attempt(self._take):
            super().accept()

    def _take(self) -> None:
        self.result_amounts = self.changed_amounts()
