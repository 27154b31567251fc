"""The dialog for one milestone: date, kind, kommun and/or organisation, text and link."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Kommun, Organisation
from app.core.milestones import Milestone, validate_milestone
from app.core.vocabulary import MilestoneKind
from app.ui.combo_data import select_data
from app.ui.file_dialogs import open_file_name
from app.ui.form_fields import ERROR_STYLE, fixed_width, message_label
from app.ui.form_widgets import (
    choice_combo,
    make_date_edit,
    ok_cancel_buttons,
    run_modal,
    validated,
)
from app.ui.formatting import SWEDISH, from_qdate, to_qdate


class MilestoneDialog(QDialog):
    def __init__(
        self,
        insats_id: int,
        kommuner: Sequence[Kommun],
        organisations: Sequence[Organisation],
        milestone: Milestone | None = None,
        default_date: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setLocale(SWEDISH)
        self._insats_id = insats_id
        self._original = milestone
        self.result_milestone: Milestone | None = None
        self.setWindowTitle(
            self.tr("Ny milstolpe") if milestone is None else self.tr("Redigera milstolpe")
        )

        self.date_edit = make_date_edit(default_date or date.today())
        self.date_edit.setObjectName("date")
        fixed_width(self.date_edit)
        # The source gives no exact date ("datum ungefärligt" in the reports).
        self.date_approximate = QCheckBox(self.tr("Datum ungefärligt"))
        self.date_approximate.setObjectName("date_approximate")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        for kind in MilestoneKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.kommun_combo = choice_combo("kommun", self.tr("(ingen kommun)"), kommuner)
        self.org_combo = choice_combo(
            "organisation", self.tr("(ingen organisation)"), organisations
        )
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("text")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(
            self.tr("t.ex. Bollnäs kommun antar policy för främjande av ASF")
        )
        self.text_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.link_edit = QLineEdit()
        self.link_edit.setObjectName("link")
        self.link_edit.setPlaceholderText(self.tr("webbadress eller sökväg till en fil"))
        self.browse_button = QPushButton(self.tr("Välj fil…"))
        self.browse_button.clicked.connect(self._browse)

        self.problems = message_label("problems", ERROR_STYLE)
        self.buttons = ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        link_row = QHBoxLayout()
        link_row.addWidget(self.link_edit, 1)
        link_row.addWidget(self.browse_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.date_approximate)
        date_row.addStretch(1)
        date_label = QLabel(self.tr("&Datum:"))
        date_label.setBuddy(self.date_edit)
        form.addRow(date_label, date_row)
        form.addRow(self.tr("&Typ:"), self.kind_combo)
        form.addRow(self.tr("&Kommun:"), self.kommun_combo)
        form.addRow(self.tr("&Organisation:"), self.org_combo)
        form.addRow(self.tr("&Beskrivning:"), self.text_edit)
        link_label = QLabel(self.tr("&Länk eller fil:"))
        link_label.setBuddy(self.link_edit)
        form.addRow(link_label, link_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        if milestone is not None:
            self._load(milestone)

    def _load(self, m: Milestone) -> None:
        self.date_edit.setDate(to_qdate(m.day))
        self.date_approximate.setChecked(m.date_approximate)
        select_data(self.kind_combo, m.kind.value)
        for combo, value in ((self.kommun_combo, m.kommun_id), (self.org_combo, m.organisation_id)):
            select_data(combo, value, self.tr("(borttagen, id {})").format(value))
        self.text_edit.setPlainText(m.text)
        self.link_edit.setText(m.link)

    def _browse(self) -> None:
        path = open_file_name(self, self.tr("Välj fil"))
        if path is not None:
            self.link_edit.setText(str(path))

    def milestone(self) -> Milestone:
        """The milestone as entered; ValidationError for what is missing."""
        return validate_milestone(
            Milestone(
                id=self._original.id if self._original else None,
                version=self._original.version if self._original else 0,
                insats_id=self._original.insats_id if self._original else self._insats_id,
                day=from_qdate(self.date_edit.date()),
                kind=MilestoneKind(self.kind_combo.currentData()),
                text=self.text_edit.toPlainText(),
                kommun_id=self.kommun_combo.currentData(),
                organisation_id=self.org_combo.currentData(),
                link=self.link_edit.text(),
                date_approximate=self.date_approximate.isChecked(),
            )
        )

    def accept(self) -> None:
        milestone = validated(self.milestone, self.problems)
        if milestone is not None:
            self.result_milestone = milestone
            super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        insats_id: int,
        kommuner: Sequence[Kommun],
        organisations: Sequence[Organisation],
        milestone: Milestone | None = None,
        default_date: date | None = None,
    ) -> Milestone | None:
        """Show the dialog; the milestone entered, or None when cancelled."""
        dialog = cls(insats_id, kommuner, organisations, milestone, default_date, parent)
        return dialog.result_milestone if run_modal(dialog) else None
