"""The period of a report or an export, as the dialog offers it: the whole insats, a
year, a tertial, a half-year or a quarter of the chosen year, several whole years, or
any two dates. Below the choices, the period as the report will name it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from app.core.entities import Insats
from app.core.period import MONTHS
from app.core.report_period import PeriodKind, ReportPeriod, span_label
from app.reports.export_content import ExportRequest
from app.ui.combo_data import find_data
from app.ui.form_widgets import make_date_edit
from app.ui.formatting import from_qdate


def _parts(kind: PeriodKind, count: int) -> tuple[tuple[int, str], ...]:
    """(number, "1: januari–april") for each part of a year."""
    found = []
    for n in range(1, count + 1):
        part = ReportPeriod.part(kind, 2001, n)
        found.append((n, f"{n}: {MONTHS[part.first.month - 1]}–{MONTHS[part.last.month - 1]}"))
    return tuple(found)


PARTS: dict[PeriodKind, tuple[tuple[int, str], ...]] = {
    PeriodKind.TERTIAL: _parts(PeriodKind.TERTIAL, 3),
    PeriodKind.HALF_YEAR: _parts(PeriodKind.HALF_YEAR, 2),
    PeriodKind.QUARTER: _parts(PeriodKind.QUARTER, 4),
}
YEARS_BACKWARDS = "Periodens första år kommer efter det sista."
DAYS_BACKWARDS = "Periodens sista dag kommer före den första."


def _part_of(day: date, kind: PeriodKind) -> int:
    """Which tertial, half-year or quarter ``day`` falls in."""
    months = 12 // len(PARTS[kind])
    return (day.month - 1) // months + 1


class PeriodChooser(QWidget):
    """Radio buttons for the kinds of period, each with its fields; ``changed`` when
    anything changes."""

    changed = Signal()

    def __init__(
        self,
        insats: Insats,
        years: Sequence[int],
        year: int,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        assert insats.id is not None and years
        self._insats = insats
        self._insats_id = insats.id
        today = today or date.today()
        self.insats_radio = self._radio("insatsRadio", "Hela insatsen:")
        self.year_radio = self._radio("yearRadio", "Ett år:")
        self.tertial_radio = self._radio("tertialRadio", "Tertial:")
        self.half_radio = self._radio("halfYearRadio", "Halvår:")
        self.quarter_radio = self._radio("quarterRadio", "Kvartal:")
        self.period_radio = self._radio("periodRadio", "Flera år:")
        self.days_radio = self._radio("daysRadio", "Egna datum:")
        group = QButtonGroup(self)
        for radio in self._radios():
            group.addButton(radio)
        self.insats_label = QLabel(span_label(insats.start, insats.end))
        self.insats_label.setObjectName("insatsPeriod")
        self.year_combo = self._year_combo("year", years, year)
        within = today if today.year == year else date(year, 1, 1)
        self.part_combos: dict[PeriodKind, QComboBox] = {}
        for kind, name in (
            (PeriodKind.TERTIAL, "tertial"),
            (PeriodKind.HALF_YEAR, "halfYear"),
            (PeriodKind.QUARTER, "quarter"),
        ):
            combo = QComboBox()
            combo.setObjectName(name)
            for number, text in PARTS[kind]:
                combo.addItem(self.tr(text), number)
            combo.setCurrentIndex(_part_of(within, kind) - 1)
            self.part_combos[kind] = combo
        self.tertial_combo = self.part_combos[PeriodKind.TERTIAL]
        self.half_combo = self.part_combos[PeriodKind.HALF_YEAR]
        self.quarter_combo = self.part_combos[PeriodKind.QUARTER]
        self.from_combo = self._year_combo("yearFrom", years, years[0])
        self.to_combo = self._year_combo("yearTo", years, years[-1])
        self.from_date = make_date_edit(date(year, 1, 1))
        self.from_date.setObjectName("dayFrom")
        self.to_date = make_date_edit(today if today.year == year else date(year, 12, 31))
        self.to_date.setObjectName("dayTo")
        self.year_hint = QLabel(self.tr("av året ovan"))
        self.year_hint.setObjectName("partsOfYear")
        self.year_hint.setStyleSheet("color: #555;")
        self.shown_label = QLabel()
        self.shown_label.setObjectName("periodLabel")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.insats_radio, 0, 0)
        grid.addWidget(self.insats_label, 0, 1, 1, 3)
        grid.addWidget(self.year_radio, 1, 0)
        grid.addWidget(self.year_combo, 1, 1)
        for row, (radio, combo) in enumerate(
            (
                (self.tertial_radio, self.tertial_combo),
                (self.half_radio, self.half_combo),
                (self.quarter_radio, self.quarter_combo),
            ),
            start=2,
        ):
            grid.addWidget(radio, row, 0)
            grid.addWidget(combo, row, 1)
        grid.addWidget(self.year_hint, 2, 2, 3, 2)  # beside all three parts
        grid.addWidget(self.period_radio, 5, 0)
        grid.addWidget(self.from_combo, 5, 1)
        grid.addWidget(QLabel("–"), 5, 2)
        grid.addWidget(self.to_combo, 5, 3)
        grid.addWidget(self.days_radio, 6, 0)
        grid.addWidget(self.from_date, 6, 1)
        grid.addWidget(QLabel("–"), 6, 2)
        grid.addWidget(self.to_date, 6, 3)
        grid.addWidget(self.shown_label, 7, 0, 1, 4)
        grid.setColumnStretch(4, 1)

        self.year_radio.setChecked(True)
        for radio in self._radios():
            radio.toggled.connect(self._update)
        for combo in (
            self.year_combo,
            self.from_combo,
            self.to_combo,
            *self.part_combos.values(),
        ):
            combo.currentIndexChanged.connect(self._update)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self._update)
        self._update()

    def _radio(self, name: str, text: str) -> QRadioButton:
        radio = QRadioButton(self.tr(text))
        radio.setObjectName(name)
        return radio

    def _radios(self) -> tuple[QRadioButton, ...]:
        return (
            self.insats_radio,
            self.year_radio,
            self.tertial_radio,
            self.half_radio,
            self.quarter_radio,
            self.period_radio,
            self.days_radio,
        )

    @staticmethod
    def _year_combo(name: str, years: Sequence[int], selected: int) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for y in years:
            combo.addItem(str(y), y)
        index = find_data(combo, selected)
        combo.setCurrentIndex(index if index >= 0 else len(years) - 1)
        return combo

    # --- what is chosen -------------------------------------------------------------------
    def kind(self) -> PeriodKind:
        if self.insats_radio.isChecked():
            return PeriodKind.INSATS
        if self.period_radio.isChecked() or self.days_radio.isChecked():
            return PeriodKind.OWN
        for kind, radio in (
            (PeriodKind.TERTIAL, self.tertial_radio),
            (PeriodKind.HALF_YEAR, self.half_radio),
            (PeriodKind.QUARTER, self.quarter_radio),
        ):
            if radio.isChecked():
                return kind
        return PeriodKind.YEAR

    def request(self, include_names: bool = False) -> ExportRequest:
        """What is chosen: a year or whole years as before, else exactly its dates."""
        kind = self.kind()
        year = int(self.year_combo.currentData())
        if kind is PeriodKind.YEAR:
            return ExportRequest(self._insats_id, year, year, include_names)
        if self.period_radio.isChecked():
            first, last = int(self.from_combo.currentData()), int(self.to_combo.currentData())
            return ExportRequest(self._insats_id, first, last, include_names)
        if kind is PeriodKind.INSATS:
            period = ReportPeriod(self._insats.start, self._insats.end, PeriodKind.INSATS)
        elif kind is PeriodKind.OWN:
            first_day = from_qdate(self.from_date.date())
            last_day = from_qdate(self.to_date.date())
            period = ReportPeriod(first_day, last_day, PeriodKind.OWN)
        else:
            period = ReportPeriod.part(kind, year, int(self.part_combos[kind].currentData()))
        return ExportRequest.for_period(self._insats_id, period, include_names)

    def problem(self) -> str:
        """Why the chosen period cannot be reported ('' when it can)."""
        if self.period_radio.isChecked():
            if int(self.from_combo.currentData()) > int(self.to_combo.currentData()):
                return self.tr(YEARS_BACKWARDS)
            return ""
        if self.days_radio.isChecked():
            request = self.request()
            if request.period.last < request.period.first:
                return self.tr(DAYS_BACKWARDS)
            return " ".join(request.period.problems())
        return ""

    def _update(self) -> None:
        kind = self.kind()
        in_year = kind in (
            PeriodKind.YEAR,
            PeriodKind.TERTIAL,
            PeriodKind.HALF_YEAR,
            PeriodKind.QUARTER,
        )
        self.year_combo.setEnabled(in_year)
        for part, combo in self.part_combos.items():
            combo.setEnabled(kind is part)
        years = self.period_radio.isChecked()
        self.from_combo.setEnabled(years)
        self.to_combo.setEnabled(years)
        days = self.days_radio.isChecked()
        self.from_date.setEnabled(days)
        self.to_date.setEnabled(days)
        problem = self.problem()
        text = "" if problem else self.tr("Rapporten gäller {0}.").format(self.request().span)
        self.shown_label.setText(text)
        self.changed.emit()
