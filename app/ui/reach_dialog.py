"""The dialog for a figure of people reached apart from the activities, with its reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Kommun
from app.core.errors import ValidationError
from app.core.reach import RegisteredReach, validate_registered_reach
from app.core.vocabulary import Scope
from app.ui.attendance_editor import AttendanceEditor
from app.ui.combo_data import find_data
from app.ui.form_widgets import ErrorLabel, ok_cancel_buttons, run_modal
from app.ui.formatting import SWEDISH


class ReachDialog(QDialog):
    def __init__(
        self,
        kommuner: Sequence[Kommun],
        insats_id: int,
        year: int,
        entry: RegisteredReach | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setLocale(SWEDISH)
        self._insats_id = insats_id
        self._original = entry
        self.result_entry: RegisteredReach | None = None
        self.setWindowTitle(
            self.tr("Nytt registrerat antal")
            if entry is None or entry.id is None
            else self.tr("Redigera registrerat antal")
        )

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(
            self.tr("t.ex. Information på kommunens chefsforum, poddlyssnare")
        )
        self.year_spin = QSpinBox()
        self.year_spin.setObjectName("year")
        self.year_spin.setRange(1900, 2200)
        self.year_spin.setGroupSeparatorShown(False)
        self.year_spin.setValue(year)
        self.where_combo = QComboBox()
        self.where_combo.setObjectName("where")
        for k in kommuner:
            self.where_combo.addItem(k.name, k.id)
        self.where_combo.insertSeparator(self.where_combo.count())
        for scope in (Scope.LANSOVERGRIPANDE, Scope.NATIONELLT):
            self.where_combo.addItem(scope.label, scope.value)
        # The combo's data: a kommun's id, or the value of a scope without kommun.
        self.where_combo.setCurrentIndex(find_data(self.where_combo, Scope.LANSOVERGRIPANDE.value))
        self.in_total_check = QCheckBox(self.tr("Räknas in i totalen av nådda personer"))
        self.in_total_check.setObjectName("inTotal")
        self.in_total_check.setChecked(True)
        in_total_hint = QLabel(
            self.tr(
                "Bocka ur för räckvidd som ska visas för sig och aldrig läggas till "
                "totalen, t.ex. poddlyssnare."
            )
        )
        in_total_hint.setWordWrap(True)
        in_total_hint.setEnabled(False)  # greyed: a hint, not a field
        self.attendance = AttendanceEditor()

        form = QFormLayout()
        form.addRow(self.tr("Orsak/forum:"), self.reason_edit)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        form.addRow(self.tr("År:"), year_row)
        form.addRow(self.tr("Kommun:"), self.where_combo)
        in_total_box = QVBoxLayout()
        in_total_box.setSpacing(2)
        in_total_box.addWidget(self.in_total_check)
        in_total_box.addWidget(in_total_hint)
        form.addRow("", in_total_box)
        general = QGroupBox(self.tr("Registrerat utanför aktiviteterna"))
        general.setLayout(form)
        who = QGroupBox(self.tr("Nådda personer (volym)"))
        who_layout = QVBoxLayout(who)
        who_layout.addWidget(self.attendance)

        self.problems = ErrorLabel()
        self.buttons = ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(who, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        if entry is not None:
            self._load(entry)

    def _load(self, e: RegisteredReach) -> None:
        self.reason_edit.setText(e.reason)
        self.year_spin.setValue(e.year)
        where = e.kommun_id if e.scope is Scope.KOMMUN else e.scope.value
        self.where_combo.setCurrentIndex(max(0, find_data(self.where_combo, where)))
        self.in_total_check.setChecked(e.in_total)
        self.attendance.set_attendance(e.attendance)

    def entry(self) -> RegisteredReach:
        """The figure as entered; raises ValidationError listing every problem."""
        problems: list[str] = []
        try:
            attendance = self.attendance.attendance()
        except ValidationError as exc:
            problems += exc.problems
            attendance = None
        where = self.where_combo.currentData()
        kommun_id = where if isinstance(where, int) else None
        scope = Scope.KOMMUN if kommun_id is not None else Scope(where)
        draft = RegisteredReach(
            id=self._original.id if self._original else None,
            version=self._original.version if self._original else 0,
            insats_id=self._original.insats_id if self._original else self._insats_id,
            year=self.year_spin.value(),
            scope=scope,
            kommun_id=kommun_id,
            reason=self.reason_edit.text(),
            in_total=self.in_total_check.isChecked(),
        )
        if attendance is not None:
            draft = replace(draft, attendance=attendance)
        try:
            draft = validate_registered_reach(draft)
        except ValidationError as exc:
            problems += [p for p in exc.problems if p not in problems]
        if problems:
            raise ValidationError(problems)
        return draft

    def accept(self) -> None:
        try:
            self.result_entry = self.entry()
        except ValidationError as exc:
            self.problems.show_problems(exc.problems)
            return
        self.problems.clear_problems()
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        kommuner: Sequence[Kommun],
        insats_id: int,
        year: int,
        entry: RegisteredReach | None = None,
    ) -> RegisteredReach | None:
        """Show the dialog; the figure entered, or None when cancelled."""
        dialog = cls(kommuner, insats_id, year, entry, parent)
        return dialog.result_entry if run_modal(dialog) else None
