"""The dialog for a year's county ASF statistics: totals and parts, each as reported.

Every figure may be left "ej rapporterat". A total that differs from the sum of its
parts is shown beside the parts and listed as a warning while typing; it can still
be saved as reported.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.county_stats import (
    CountyStats,
    TotalCheck,
    check_county_stats,
    delregion_order,
    total_checks,
    validate_county_stats,
)
from app.core.errors import ValidationError
from app.core.findings import sum_text
from app.core.vocabulary import PlacedSource
from app.ui.form_fields import (
    ERROR_STYLE,
    WARNING_STYLE,
    MessageArea,
    finding_line,
    message_label,
    year_spin,
)
from app.ui.form_widgets import make_date_edit, ok_cancel_buttons, run_modal, validated
from app.ui.formatting import SWEDISH, from_qdate, to_qdate

MAX_FIGURE = 1_000_000
# The three totals that can contradict their parts, and the line saying one may save.
MESSAGE_LINES = 6
NOT_REPORTED = -1


class OptionalSpin(QSpinBox):
    """A count that may be "ej rapporterat" (its lowest value); value() −1 is None."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setLocale(SWEDISH)
        self.setRange(NOT_REPORTED, MAX_FIGURE)
        self.setSpecialValueText(self.tr("ej rapporterat"))
        self.setValue(NOT_REPORTED)
        self.setMinimumWidth(120)

    def figure(self) -> int | None:
        return None if self.value() == NOT_REPORTED else self.value()

    def set_figure(self, n: int | None) -> None:
        self.setValue(NOT_REPORTED if n is None else n)


class CountyStatsDialog(QDialog):
    def __init__(
        self,
        forbund_id: int,
        delregioner: Sequence[str],
        stats: CountyStats | None = None,
        year: int | None = None,
        taken_years: Collection[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setLocale(SWEDISH)
        self._forbund_id = forbund_id
        self._original = stats
        self._taken = set(taken_years) - ({stats.year} if stats else set())
        self.result_stats: CountyStats | None = None
        self.setWindowTitle(
            self.tr("Ny länsstatistik") if stats is None else self.tr("Redigera länsstatistik")
        )
        start_year = stats.year if stats else (year or date.today().year)

        self.year_spin = year_spin(start_year)
        self.date_check = QCheckBox(self.tr("känt:"))
        self.date_check.setObjectName("hasDate")
        self.date_edit = make_date_edit(date(start_year, 10, 1))
        self.date_edit.setObjectName("snapshotDate")
        self.date_edit.setToolTip(
            self.tr("Dagen uppgifterna avser, t.ex. inventeringen hösten 2018")
        )
        self.source_edit = QLineEdit()
        self.source_edit.setObjectName("source")
        self.source_edit.setPlaceholderText(self.tr("t.ex. Coompanion Gävleborg, hösten 2018"))

        regions = delregion_order([stats] if stats else [], delregioner)
        self.companies_total = OptionalSpin("companiesTotal")
        self.region_spins = {r: OptionalSpin(f"region_{r}") for r in regions}
        self.employees_total = OptionalSpin("employeesTotal")
        self.women = OptionalSpin("women")
        self.men = OptionalSpin("men")
        self.placed_total = OptionalSpin("placedTotal")
        self.source_spins = {s: OptionalSpin(f"placed_{s.value}") for s in PlacedSource}
        self.sum_labels = [QLabel() for _ in range(3)]
        for i, label in enumerate(self.sum_labels):
            label.setObjectName(f"partsSum{i}")
            label.setWordWrap(True)
            # Room for the longest sum ("… (alla delar är inte rapporterade) – stämmer inte
            # med totalen …"), so a sum that grows while typing moves no field.
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setMinimumHeight(3 * label.fontMetrics().lineSpacing())
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(60)

        self.warnings = message_label("warnings", WARNING_STYLE)
        self.problems = message_label("problems", ERROR_STYLE)
        self.buttons = ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._layout(bool(delregioner))

        if stats is not None:
            self._load(stats)
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        self.date_edit.setEnabled(self.date_check.isChecked())
        for spin in self._spins():
            spin.valueChanged.connect(self._update)
        self.year_spin.valueChanged.connect(self._update)
        self._update()

    def _spins(self) -> list[OptionalSpin]:
        return [
            self.companies_total,
            *self.region_spins.values(),
            self.employees_total,
            self.women,
            self.men,
            self.placed_total,
            *self.source_spins.values(),
        ]

    def _group(
        self,
        title: str,
        total: OptionalSpin,
        parts: Sequence[tuple[str, OptionalSpin]],
        sum_label: QLabel,
    ) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.addRow(self.tr("Totalt (som rapporterat):"), total)
        for label, spin in parts:
            form.addRow(label + ":", spin)
        form.addRow(sum_label)
        return box, form

    def _layout(self, has_regions: bool) -> None:
        head = QFormLayout()
        head.addRow(self.tr("&År:"), self.year_spin)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_check)
        date_row.addWidget(self.date_edit)
        date_row.addStretch(1)
        head.addRow(self.tr("Datum:"), date_row)
        head.addRow(self.tr("&Källa:"), self.source_edit)

        companies, companies_form = self._group(
            self.tr("Registrerade företag"),
            self.companies_total,
            [(self.tr("i {}").format(r), s) for r, s in self.region_spins.items()],
            self.sum_labels[0],
        )
        if not has_regions:
            hint = QLabel(
                self.tr(
                    "Ange kommunernas delregion under Inställningar → Kommuner "
                    "för att fördela företagen."
                )
            )
            hint.setWordWrap(True)
            companies_form.addRow(hint)
        employees, _ = self._group(
            self.tr("Anställda"),
            self.employees_total,
            [(self.tr("Kvinnor"), self.women), (self.tr("Män"), self.men)],
            self.sum_labels[1],
        )
        placed, _ = self._group(
            self.tr("Placerade i företagen"),
            self.placed_total,
            [(s.label, spin) for s, spin in self.source_spins.items()],
            self.sum_labels[2],
        )
        grid = QGridLayout()
        grid.addWidget(companies, 0, 0)
        grid.addWidget(employees, 1, 0)
        grid.addWidget(placed, 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        notes = QFormLayout()
        notes.addRow(self.tr("An&teckningar:"), self.notes_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addLayout(notes)
        # Warnings come and go while the user types: room is kept for them, so the form
        # and the buttons stay where they are.
        self.message_area = MessageArea([self.problems, self.warnings], MESSAGE_LINES)
        layout.addWidget(self.message_area)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(660)

    def _load(self, s: CountyStats) -> None:
        if s.snapshot_date is not None:
            self.date_check.setChecked(True)
            self.date_edit.setDate(to_qdate(s.snapshot_date))
        self.source_edit.setText(s.source)
        self.companies_total.set_figure(s.companies_total)
        for region, spin in self.region_spins.items():
            spin.set_figure(s.companies_by_region.get(region))
        self.employees_total.set_figure(s.employees_total)
        self.women.set_figure(s.employees_women)
        self.men.set_figure(s.employees_men)
        self.placed_total.set_figure(s.placed_total)
        for src, spin in self.source_spins.items():
            spin.set_figure(s.placed(src))
        self.notes_edit.setPlainText(s.notes)

    def _draft(self) -> CountyStats:
        regions = {r: n for r, sp in self.region_spins.items() if (n := sp.figure()) is not None}
        placed = {s: n for s, sp in self.source_spins.items() if (n := sp.figure()) is not None}
        on_date = self.date_check.isChecked()
        return CountyStats(
            id=self._original.id if self._original else None,
            version=self._original.version if self._original else 0,
            forbund_id=self._original.forbund_id if self._original else self._forbund_id,
            year=self.year_spin.value(),
            snapshot_date=from_qdate(self.date_edit.date()) if on_date else None,
            source=self.source_edit.text(),
            companies_total=self.companies_total.figure(),
            companies_by_region=regions,
            employees_total=self.employees_total.figure(),
            employees_women=self.women.figure(),
            employees_men=self.men.figure(),
            placed_total=self.placed_total.figure(),
            placed_by_source=placed,
            notes=self.notes_edit.toPlainText(),
        )

    def stats(self) -> CountyStats:
        """The statistics as entered; ValidationError for what cannot be stored."""
        draft = self._draft()
        problems: list[str] = []
        if draft.year in self._taken:
            problems.append(
                self.tr(
                    "Det finns redan länsstatistik för {}. Redigera den i stället för att "
                    "lägga till en ny."
                ).format(draft.year)
            )
        try:
            draft = validate_county_stats(draft)
        except ValidationError as exc:
            problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return draft

    def _sum_text(self, check: TotalCheck) -> str:
        if not check.parts:
            return self.tr("Inga delar angivna.")
        text = self.tr("Summa av delarna: {}").format(
            sum_text(list(check.parts)) if len(check.parts) > 1 else check.parts[0]
        )
        if not check.complete:
            text += self.tr(" (alla delar är inte rapporterade)")
        if check.contradicts:
            text += self.tr(" – stämmer inte med totalen {}.").format(check.total)
        return text

    def _update(self, *_: object) -> None:
        draft = self._draft()
        for label, check in zip(self.sum_labels, total_checks(draft), strict=True):
            label.setText(self._sum_text(check))
            label.setStyleSheet(WARNING_STYLE if check.contradicts else "")
        findings = check_county_stats(draft)
        if findings:
            self.warnings.setText(
                "\n".join(
                    [
                        *(finding_line(f) for f in findings),
                        self.tr(
                            "Du kan spara ändå: siffrorna sparas som de rapporterats och "
                            "avvikelsen visas i uppföljningen."
                        ),
                    ]
                )
            )
        self.warnings.setVisible(bool(findings))

    def accept(self) -> None:
        stats = validated(self.stats, self.problems)
        if stats is not None:
            self.result_stats = stats
            super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        forbund_id: int,
        delregioner: Sequence[str],
        stats: CountyStats | None = None,
        year: int | None = None,
        taken_years: Collection[int] = (),
    ) -> CountyStats | None:
        """Show the dialog; the statistics entered, or None when cancelled."""
        dialog = cls(forbund_id, delregioner, stats, year, taken_years, parent)
        return dialog.result_stats if run_modal(dialog) else None
