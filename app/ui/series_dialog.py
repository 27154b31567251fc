"""Upprepa…: the series editor. How often (Varje vecka / Varje månad, var N:e), on which
weekday (for monthly: den första … sista), when it ends (a date, or after N
tillfällen), with the dates and the Swedish description shown as the rule is typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core import series as core
from app.core.series import MAX_OCCURRENCES, MONTHLY, WEEKLY, SeriesRule
from app.ui.combo_data import select_data
from app.ui.form_widgets import make_date_edit
from app.ui.formatting import from_qdate, to_qdate


def day_text(day: date) -> str:
    """'tisdag 14 januari 2025'."""
    return f"{core.WEEKDAYS[day.weekday()]} {core.long_date(day)}"


class SeriesDialog(QDialog):
    def __init__(
        self,
        first_date: date,
        rule: SeriesRule | None = None,
        years: range | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SeriesDialog")
        self.setWindowTitle(self.tr("Upprepa aktiviteten"))
        self._first = first_date
        self._years = years
        self.result_rule: SeriesRule | None = None

        self.frequency = QComboBox()
        self.frequency.setObjectName("seriesFrequency")
        self.frequency.addItem(self.tr("Varje vecka"), WEEKLY)
        self.frequency.addItem(self.tr("Varje månad"), MONTHLY)
        self.interval = QSpinBox()
        self.interval.setObjectName("seriesInterval")
        self.interval.setRange(1, 52)
        self.interval.setPrefix(self.tr("Var "))
        self.unit = QLabel()
        self.nth = QComboBox()
        self.nth.setObjectName("seriesNth")
        for n in core.NTH_VALUES:
            self.nth.addItem(self.tr("den {}").format(core.ORDINALS[n]), n)
        self.weekday = QComboBox()
        self.weekday.setObjectName("seriesWeekday")
        for i, name in enumerate(core.WEEKDAYS):
            self.weekday.addItem(name, i)
        self.ends_on = QRadioButton(self.tr("Datum:"))
        self.ends_on.setObjectName("seriesEndsOn")
        self.ends_after = QRadioButton(self.tr("Efter:"))
        self.ends_after.setObjectName("seriesEndsAfter")
        ends = QButtonGroup(self)
        ends.addButton(self.ends_on)
        ends.addButton(self.ends_after)
        self.until = make_date_edit(first_date + timedelta(weeks=12))
        self.until.setObjectName("seriesUntil")
        self.until.setCalendarPopup(True)
        self.count = QSpinBox()
        self.count.setObjectName("seriesCount")
        self.count.setRange(1, MAX_OCCURRENCES)
        self.count.setSuffix(self.tr(" tillfällen"))
        self.count.setValue(10)

        self.description = QLabel()
        self.description.setObjectName("seriesDescription")
        self.description.setWordWrap(True)
        self.preview = QListWidget()
        self.preview.setObjectName("seriesPreview")
        self.problems = QLabel()
        self.problems.setObjectName("seriesProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Använd"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._load(rule)
        for combo in (self.frequency, self.nth, self.weekday):
            combo.currentIndexChanged.connect(self._update)
        for spin in (self.interval, self.count):
            spin.valueChanged.connect(self._update)
        self.until.dateChanged.connect(self._update)
        self.ends_on.toggled.connect(self._update)
        self._update()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Upprepas:"), self.frequency)
        every = QHBoxLayout()
        every.addWidget(self.interval)
        every.addWidget(self.unit)
        every.addStretch(1)
        form.addRow(self.tr("Hur ofta:"), every)
        day = QHBoxLayout()
        day.addWidget(self.nth)
        day.addWidget(self.weekday)
        day.addStretch(1)
        form.addRow(self.tr("Veckodag:"), day)
        end_on = QHBoxLayout()
        end_on.addWidget(self.ends_on)
        end_on.addWidget(self.until)
        end_on.addStretch(1)
        end_after = QHBoxLayout()
        end_after.addWidget(self.ends_after)
        end_after.addWidget(self.count)
        end_after.addStretch(1)
        form.addRow(self.tr("Slutar:"), end_on)
        form.addRow("", end_after)
        rule_box = QGroupBox(self.tr("Upprepning"))
        rule_box.setLayout(form)
        dates_box = QGroupBox(self.tr("Tillfällen"))
        dates = QVBoxLayout(dates_box)
        dates.addWidget(self.description)
        dates.addWidget(self.preview, 1)
        columns = QHBoxLayout()
        columns.addWidget(rule_box, 1)
        columns.addWidget(dates_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.resize(720, 420)

    def _load(self, rule: SeriesRule | None) -> None:
        first = self._first
        if rule is None:
            rule = SeriesRule(WEEKLY, 1, first.weekday(), first, count=10)
        select_data(self.frequency, rule.frequency)
        self.interval.setValue(rule.interval)
        select_data(self.weekday, rule.weekday)
        nth = rule.nth if rule.nth is not None else min(core.nth_of(first), 4)
        select_data(self.nth, nth)
        self.ends_after.setChecked(rule.until is None)
        self.ends_on.setChecked(rule.until is not None)
        if rule.count is not None:
            self.count.setValue(rule.count)
        if rule.until is not None:
            self.until.setDate(to_qdate(rule.until))

    def rule(self) -> SeriesRule:
        monthly = self.frequency.currentData() == MONTHLY
        by_date = self.ends_on.isChecked()
        return SeriesRule(
            str(self.frequency.currentData()),
            self.interval.value(),
            int(self.weekday.currentData()),
            self._first,
            nth=int(self.nth.currentData()) if monthly else None,
            until=from_qdate(self.until.date()) if by_date else None,
            count=None if by_date else self.count.value(),
        )

    def _update(self, *_: object) -> None:
        monthly = self.frequency.currentData() == MONTHLY
        self.unit.setText(self.tr("månad") if monthly else self.tr("vecka"))
        self.nth.setVisible(monthly)
        self.until.setEnabled(self.ends_on.isChecked())
        self.count.setEnabled(self.ends_after.isChecked())
        rule = self.rule()
        self.description.setText(core.describe(rule))
        problems = core.problems(rule, self._years)
        self.preview.clear()
        if not core.problems(rule, None):
            self.preview.addItems([day_text(d) for d in core.occurrences(rule)])
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.ok.setEnabled(not problems)

    def accept(self) -> None:
        rule = self.rule()
        if core.problems(rule, self._years):
            return
        self.result_rule = rule
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        first_date: date,
        rule: SeriesRule | None = None,
        years: range | None = None,
    ) -> SeriesRule | None:
        dialog = cls(
            first_date, replace(rule, first_date=first_date) if rule else None, years, parent
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_rule
        return None
