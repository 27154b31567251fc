"""The dialog "Mått och målvärden": the measures of one goal of the year plan, or of the
insats itself — kind, activity type or milestone kind where the kind needs one, an own
label, the target, and the outcome of a measure entered by hand.

The list is saved as a whole when the dialog is accepted (one step of Ångra: the caller
records it); a list that does not validate keeps the dialog open with every problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core import goal_kinds as gk
from app.core.errors import DomainError, ValidationError
from app.core.goal_progress import (
    COUNTED,
    KIND_LABELS,
    KIND_RULES,
    GoalMeasure,
    default_label,
    shown_label,
    value_text,
)
from app.core.vocabulary import MilestoneKind
from app.store.database import Store
from app.ui.combo_data import find_data
from app.ui.form_widgets import ErrorLabel
from app.ui.formatting import SWEDISH

ALL_TYPES = "Alla typer"
MAX_VALUE = 10_000_000


def _fitting_target(kind: str, target: float) -> float:
    """``target``, or one that fits ``kind`` when it does not: a mean lies within 1–5,
    a count is a whole number of at least 1."""
    if kind == gk.EVALUATION_MEAN and not 1 <= target <= 5:
        return 4.0
    if kind in COUNTED and (target < 1 or not float(target).is_integer()):
        return float(max(1, round(target)))
    return target


def _decimals(kind: str) -> int:
    if kind in COUNTED:
        return 0
    return 1 if kind == gk.EVALUATION_MEAN else 2


class GoalMeasuresDialog(QDialog):
    """Edit the measures of ``goal_id`` (None: the insats's own measures)."""

    def __init__(
        self,
        store: Store,
        insats_id: int,
        goal_id: int | None,
        goal_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("GoalMeasuresDialog")
        self.store = store
        self.insats_id = insats_id
        self.goal_id = goal_id
        self.measures: list[GoalMeasure] = store.goal_measures.for_goal(insats_id, goal_id)
        self.saved: list[GoalMeasure] | None = None
        self.type_names = {
            t.id: t.name
            for t in store.reference.activity_types(include_inactive=True)
            if t.id is not None
        }
        self._loading = False
        self.setWindowTitle(self.tr("Mått och målvärden"))
        self.resize(860, 460)

        heading = QLabel(goal_text)
        heading.setObjectName("measuresGoal")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.list = QListWidget()
        self.list.setObjectName("measureList")
        self.add_button = QPushButton(self.tr("Lägg till mått"))
        self.remove_button = QPushButton(self.tr("Ta bort"))
        self.up_button = QPushButton(self.tr("Flytta upp"))
        self.down_button = QPushButton(self.tr("Flytta ned"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)

        self.kind = QComboBox()
        self.kind.setObjectName("measureKind")
        for kind in gk.MEASURE_KINDS:
            self.kind.addItem(self.tr(KIND_LABELS[kind]), kind)
        self.type = QComboBox()
        self.type.setObjectName("measureType")
        self.type.addItem(self.tr(ALL_TYPES), None)
        for type_id, name in sorted(self.type_names.items(), key=lambda t: t[1].casefold()):
            self.type.addItem(name, type_id)
        self.milestone = QComboBox()
        self.milestone.setObjectName("measureMilestone")
        for mk in MilestoneKind:
            self.milestone.addItem(mk.label, mk.value)
        self.label = QLineEdit()
        self.label.setObjectName("measureLabel")
        self.target = QDoubleSpinBox()
        self.target.setObjectName("measureTarget")
        self.target.setRange(0, MAX_VALUE)
        self.has_manual = QCheckBox(self.tr("Utfallet är känt"))
        self.manual = QDoubleSpinBox()
        self.manual.setObjectName("measureManual")
        self.manual.setRange(0, MAX_VALUE)
        self.manual.setDecimals(2)
        for spin in (self.target, self.manual):
            spin.setLocale(SWEDISH)
        manual_row = QHBoxLayout()
        manual_row.addWidget(self.has_manual)
        manual_row.addWidget(self.manual, 1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Mått"), self.kind)
        self.form.addRow(self.tr("Aktivitetstyp"), self.type)
        self.form.addRow(self.tr("Milstolpe"), self.milestone)
        self.form.addRow(self.tr("Egen benämning"), self.label)
        self.form.addRow(self.tr("Målvärde"), self.target)
        self.form.addRow(self.tr("Utfall (anges för hand)"), manual_row)
        self.rule = QLabel()
        self.rule.setObjectName("measureRule")
        self.rule.setWordWrap(True)
        self.form_box = QWidget()
        right = QVBoxLayout(self.form_box)
        right.addLayout(self.form)
        right.addWidget(self.rule)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.form_box, 1)
        self.error = ErrorLabel()
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Spara"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(box)

        self.list.currentRowChanged.connect(self._show_row)
        self.add_button.clicked.connect(self.add_measure)
        self.remove_button.clicked.connect(self.remove_measure)
        self.up_button.clicked.connect(lambda: self.move_measure(-1))
        self.down_button.clicked.connect(lambda: self.move_measure(1))
        for combo in (self.kind, self.type, self.milestone):
            combo.currentIndexChanged.connect(self._edited)
        self.label.textEdited.connect(self._edited)
        self.target.valueChanged.connect(self._edited)
        self.manual.valueChanged.connect(self._edited)
        self.has_manual.toggled.connect(self._edited)
        self._fill_list()
        self.list.setCurrentRow(0 if self.measures else -1)
        self._show_row(self.list.currentRow())

    # --- the list -----------------------------------------------------------------------
    def _item_text(self, m: GoalMeasure) -> str:
        return self.tr("{label} – mål {target}").format(
            label=shown_label(m, self.type_names), target=value_text(m.target, m.kind)
        )

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for m in self.measures:
            self.list.addItem(self._item_text(m))
        self.list.blockSignals(False)

    def add_measure(self) -> None:
        self.measures.append(GoalMeasure(None, self.insats_id, self.goal_id, gk.REACH_VOLUME, 100))
        self._fill_list()
        self.list.setCurrentRow(len(self.measures) - 1)

    def remove_measure(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.measures):
            del self.measures[row]
            self._fill_list()
            self.list.setCurrentRow(min(row, len(self.measures) - 1))
            self._show_row(self.list.currentRow())

    def move_measure(self, step: int) -> None:
        row = self.list.currentRow()
        other = row + step
        if 0 <= row < len(self.measures) and 0 <= other < len(self.measures):
            self.measures[row], self.measures[other] = self.measures[other], self.measures[row]
            self._fill_list()
            self.list.setCurrentRow(other)

    # --- the form -----------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        has = 0 <= row < len(self.measures)
        self.form_box.setEnabled(has)
        for b in (self.remove_button, self.up_button, self.down_button):
            b.setEnabled(has)
        if not has:
            return
        m = self.measures[row]
        self._loading = True
        try:
            self.kind.setCurrentIndex(find_data(self.kind, m.kind))
            self.type.setCurrentIndex(max(0, find_data(self.type, m.type_id)))
            milestone = m.milestone_kind or MilestoneKind.POLICY.value
            self.milestone.setCurrentIndex(find_data(self.milestone, milestone))
            self.label.setText(m.label)
            self.target.setDecimals(_decimals(m.kind))
            self.target.setValue(m.target)
            self.has_manual.setChecked(m.manual_value is not None)
            self.manual.setValue(m.manual_value or 0)
        finally:
            self._loading = False
        self._show_kind(m)

    def _show_kind(self, m: GoalMeasure) -> None:
        kind = m.kind
        self.form.setRowVisible(self.type, kind == gk.ACTIVITIES)
        self.form.setRowVisible(self.milestone, kind == gk.POLICY_KOMMUNER)
        self.form.setRowVisible(5, kind == gk.MANUAL)
        self.manual.setEnabled(self.has_manual.isChecked())
        self.label.setPlaceholderText(default_label(m, self.type_names))
        self.rule.setText(self.tr("Utfall: {rule}.").format(rule=KIND_RULES[kind]))

    def form_measure(self, m: GoalMeasure) -> GoalMeasure:
        """``m`` as the form shows it."""
        kind = str(self.kind.currentData())
        self.target.setDecimals(_decimals(kind))
        manual = self.manual.value() if kind == gk.MANUAL and self.has_manual.isChecked() else None
        return replace(
            m,
            kind=kind,
            type_id=self.type.currentData() if kind == gk.ACTIVITIES else None,
            milestone_kind=self.milestone.currentData() if kind == gk.POLICY_KOMMUNER else None,
            label=self.label.text(),
            target=self.target.value(),
            manual_value=manual,
        )

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self.commit_form()

    def commit_form(self) -> None:
        """Write the form into the measure it shows (each edit does so at once)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.measures):
            return
        before = self.measures[row]
        m = self.form_measure(before)
        fitting = _fitting_target(m.kind, before.target)
        if m.kind != before.kind and fitting != before.target:  # a target that fits the kind
            self._loading = True
            try:
                self.target.setValue(fitting)
            finally:
                self._loading = False
            m = replace(m, target=self.target.value())
        self.measures[row] = m
        item = self.list.item(row)
        if item is not None:
            item.setText(self._item_text(m))
        self._show_kind(m)

    # --- saving -------------------------------------------------------------------------
    def accept(self) -> None:
        self.commit_form()
        try:
            self.saved = self.store.goal_measures.save(self.insats_id, self.goal_id, self.measures)
        except ValidationError as exc:
            self.error.show_problems(exc.problems)
            return
        except DomainError as exc:
            self.error.show_problems([str(exc)])
            return
        super().accept()


def edit_measures(
    parent: QWidget, store: Store, insats_id: int, goal_id: int | None, goal_text: str
) -> Sequence[GoalMeasure] | None:
    """Show the dialog; the saved measures, or None when it was cancelled."""
    dialog = GoalMeasuresDialog(store, insats_id, goal_id, goal_text, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.saved if accepted else None
    finally:
        dialog.deleteLater()
