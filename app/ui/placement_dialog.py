"""The dialog for one huvudman's funded placements in a year.

Figures that contradict each other (more places used than granted, genders or
outcomes that do not add up) are shown as a warning while typing; the user may
still save, and the contradiction is then listed in the follow-up. Impossible
input (no huvudman) keeps the dialog open with a red message.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Kommun
from app.core.placements import (
    COL_GENDER_UNKNOWN,
    Placement,
    check_placement,
    validate_placement,
)
from app.core.vocabulary import Outcome
from app.ui.combo_data import find_data
from app.ui.form_fields import (
    ERROR_STYLE,
    WARNING_STYLE,
    MessageArea,
    count_spin,
    finding_line,
    message_label,
    year_spin,
)
from app.ui.form_widgets import ok_cancel_buttons, run_modal, validated
from app.ui.formatting import SWEDISH

# Every contradiction check_placement can find (four, the outcomes' one on two lines)
# and the line saying one may save anyway.
MESSAGE_LINES = 6
OTHER_PARTY = -1  # the combo's data for "another party"


class PlacementDialog(QDialog):
    def __init__(
        self,
        insats_id: int,
        kommuner: Sequence[Kommun],
        placement: Placement | None = None,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setLocale(SWEDISH)
        self._insats_id = insats_id
        self._original = placement
        self.result_placement: Placement | None = None
        self.setWindowTitle(
            self.tr("Ny placering") if placement is None else self.tr("Redigera placering")
        )

        self.year_spin = year_spin(year or date.today().year)
        self.huvudman_combo = QComboBox()
        self.huvudman_combo.setObjectName("huvudman")
        for k in kommuner:
            self.huvudman_combo.addItem(k.name, k.id)
        self.huvudman_combo.insertSeparator(self.huvudman_combo.count())
        self.huvudman_combo.addItem(self.tr("Annan part…"), OTHER_PARTY)
        self.other_edit = QLineEdit()
        self.other_edit.setObjectName("otherParty")
        self.other_edit.setPlaceholderText(self.tr("t.ex. Region Gävleborg"))
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("targetGroup")
        self.target_edit.setPlaceholderText(
            self.tr("t.ex. Individer särskilt långt från arbetsmarknaden")
        )
        self.granted = count_spin("granted")
        self.used = count_spin("used")
        self.women = count_spin("women")
        self.men = count_spin("men")
        self.unique = count_spin("unique")
        self.unique.setSpecialValueText(self.tr("ej angivet"))
        self.unique.setMinimumWidth(120)
        self.length = count_spin("length", 120)
        self.length.setSpecialValueText(self.tr("ej angiven"))
        self.length.setSuffix(self.tr(" mån"))
        self.length.setMinimumWidth(120)
        self.outcome_spins = {o: count_spin(f"out_{o.value}") for o in Outcome}
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(70)
        self.gender_rest = QLabel()
        self.gender_rest.setObjectName("genderRest")
        self.outcome_rest = QLabel()
        self.outcome_rest.setObjectName("outcomeRest")

        self.warnings = message_label("warnings", WARNING_STYLE)
        self.problems = message_label("problems", ERROR_STYLE)
        self.buttons = ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._layout()
        self.setMinimumWidth(640)

        if placement is not None:
            self._load(placement)
        self.huvudman_combo.currentIndexChanged.connect(self._huvudman_changed)
        for spin in self._spins():
            spin.valueChanged.connect(self._update)
        self.other_edit.textChanged.connect(self._update)
        self.year_spin.valueChanged.connect(self._update)
        self._huvudman_changed()

    def _spins(self) -> list[QSpinBox]:
        return [
            self.granted,
            self.used,
            self.women,
            self.men,
            self.unique,
            *self.outcome_spins.values(),
        ]

    def _layout(self) -> None:
        who = QFormLayout()
        who.addRow(self.tr("&År:"), self.year_spin)
        who.addRow(self.tr("&Huvudman:"), self.huvudman_combo)
        who.addRow(self.tr("Annan &part:"), self.other_edit)
        self._other_label = who.labelForField(self.other_edit)
        who.addRow(self.tr("&Målgrupp:"), self.target_edit)

        places_box = QGroupBox(self.tr("Platser"))
        places = QFormLayout(places_box)
        places.addRow(self.tr("&Beviljade:"), self.granted)
        places.addRow(self.tr("&Nyttjade:"), self.used)
        places.addRow(self.tr("&Kvinnor:"), self.women)
        places.addRow(self.tr("M&än:"), self.men)
        places.addRow(COL_GENDER_UNKNOWN + ":", self.gender_rest)
        places.addRow(self.tr("&Unika individer:"), self.unique)
        places.addRow(self.tr("&Längd per placering:"), self.length)

        outcome_box = QGroupBox(self.tr("Utfall (antal nyttjade platser)"))
        outcomes = QFormLayout(outcome_box)
        for o, spin in self.outcome_spins.items():
            outcomes.addRow(o.label + ":", spin)
        outcomes.addRow(self.tr("Utan utfall:"), self.outcome_rest)

        boxes = QHBoxLayout()
        boxes.addWidget(places_box, 1)
        boxes.addWidget(outcome_box, 1)
        notes = QFormLayout()
        notes.addRow(self.tr("An&teckningar:"), self.notes_edit)

        layout = QVBoxLayout(self)
        layout.addLayout(who)
        layout.addLayout(boxes)
        layout.addLayout(notes)
        # What cannot be saved first, then the contradictions, in room kept for them.
        self.message_area = MessageArea([self.problems, self.warnings], MESSAGE_LINES)
        layout.addWidget(self.message_area)
        layout.addWidget(self.buttons)

    def _load(self, p: Placement) -> None:
        self.year_spin.setValue(p.year)
        if p.kommun_id is not None:
            at = find_data(self.huvudman_combo, p.kommun_id)
            if at < 0:
                self.huvudman_combo.insertItem(
                    0, self.tr("(borttagen kommun, id {})").format(p.kommun_id), p.kommun_id
                )
                at = 0
            self.huvudman_combo.setCurrentIndex(at)
        else:
            self.huvudman_combo.setCurrentIndex(find_data(self.huvudman_combo, OTHER_PARTY))
            self.other_edit.setText(p.huvudman)
        self.target_edit.setText(p.target_group)
        self.granted.setValue(p.granted)
        self.used.setValue(p.used)
        self.women.setValue(p.women)
        self.men.setValue(p.men)
        self.unique.setValue(p.unique_individuals)
        self.length.setValue(p.length_months or 0)
        for o, spin in self.outcome_spins.items():
            spin.setValue(p.outcome(o))
        self.notes_edit.setPlainText(p.notes)

    def _huvudman_changed(self, *_: object) -> None:
        other = self.huvudman_combo.currentData() == OTHER_PARTY
        self.other_edit.setVisible(other)
        if self._other_label is not None:
            self._other_label.setVisible(other)
        self._update()

    def _draft(self) -> Placement:
        kommun = self.huvudman_combo.currentData()
        other = kommun == OTHER_PARTY or kommun is None
        return Placement(
            id=self._original.id if self._original else None,
            version=self._original.version if self._original else 0,
            insats_id=self._original.insats_id if self._original else self._insats_id,
            year=self.year_spin.value(),
            kommun_id=None if other else int(kommun),
            huvudman=self.other_edit.text() if other else "",
            target_group=self.target_edit.text(),
            granted=self.granted.value(),
            used=self.used.value(),
            women=self.women.value(),
            men=self.men.value(),
            unique_individuals=self.unique.value(),
            length_months=self.length.value() or None,
            outcomes={o: s.value() for o, s in self.outcome_spins.items()},
            notes=self.notes_edit.toPlainText(),
        )

    def placement(self) -> Placement:
        """The placement as entered; ValidationError for what cannot be stored."""
        return validate_placement(self._draft())

    def _update(self, *_: object) -> None:
        draft = self._draft()
        self.gender_rest.setText(str(draft.gender_unknown))
        self.outcome_rest.setText(str(draft.used - draft.outcomes_total))
        findings = check_placement(draft, self.huvudman_combo.currentText())
        if findings:
            self.warnings.setText(
                "\n".join(
                    [
                        *(finding_line(f) for f in findings),
                        self.tr("Du kan spara ändå; avvikelsen visas i uppföljningen."),
                    ]
                )
            )
        self.warnings.setVisible(bool(findings))

    def accept(self) -> None:
        placement = validated(self.placement, self.problems)
        if placement is not None:
            self.result_placement = placement
            super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        insats_id: int,
        kommuner: Sequence[Kommun],
        placement: Placement | None = None,
        year: int | None = None,
    ) -> Placement | None:
        """Show the dialog; the placement entered, or None when cancelled."""
        dialog = cls(insats_id, kommuner, placement, year, parent)
        return dialog.result_placement if run_modal(dialog) else None
