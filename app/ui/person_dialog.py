"""The dialog for registering a named participant, or correcting one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Organisation
from app.core.errors import DomainError, StaleRecord, ValidationError
from app.core.people import EMAIL_MAX, NAME_MAX, Person
from app.ui.combo_data import find_data
from app.ui.form_widgets import ErrorLabel, choice_combo, ok_cancel_buttons, run_modal
from app.ui.formatting import SWEDISH
from app.ui.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from app.store.database import Store

SavePerson = Callable[[Person], Person]


class PersonDialog(QDialog):
    """Name, organisation (optional) and e-mail (optional); saved to the store on Spara."""

    def __init__(
        self,
        person: Person,
        organisations: Sequence[Organisation],
        save: SavePerson,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._person = person
        self._save = save
        self.result_person: Person | None = None
        self.setLocale(SWEDISH)
        self.setWindowTitle(
            self.tr("Ny person – Insatslogg")
            if person.id is None
            else self.tr("Ändra person – Insatslogg")
        )

        self.name_edit = QLineEdit(person.name)
        self.name_edit.setObjectName("name")
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setPlaceholderText(self.tr("För- och efternamn"))
        self.org_combo = choice_combo("organisation", self.tr("(ingen angiven)"), organisations)
        if person.organisation_id is not None:
            at = find_data(self.org_combo, person.organisation_id)
            if at < 0:
                self.org_combo.addItem(
                    self.tr("(borttagen, id {})").format(person.organisation_id),
                    person.organisation_id,
                )
                at = self.org_combo.count() - 1
            self.org_combo.setCurrentIndex(at)
        self.email_edit = QLineEdit(person.email)
        self.email_edit.setObjectName("email")
        self.email_edit.setMaxLength(EMAIL_MAX)
        self.email_edit.setPlaceholderText(self.tr("valfritt, t.ex. anna.larsson@gavle.se"))

        intro = QLabel(
            self.tr(
                "Namn behövs bara där det är viktigt för uppföljningen; antalet deltagare "
                "räknas ändå. Uppgifterna kan visas, lämnas ut och raderas under "
                "Inställningar → Personuppgifter."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Namn:"), self.name_edit)
        form.addRow(self.tr("&Organisation:"), self.org_combo)
        form.addRow(self.tr("&E-post:"), self.email_edit)

        self.error_label = ErrorLabel()
        self.button_box = ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt"))
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.button_box)
        resize_to_fit(self, 520, self.sizeHint().height())

    def person(self) -> Person:
        """The person as the form shows it (not yet checked)."""
        return replace(
            self._person,
            name=self.name_edit.text(),
            organisation_id=self.org_combo.currentData(),
            email=self.email_edit.text(),
        )

    def accept(self) -> None:
        try:
            self.result_person = self._save(self.person())
        except StaleRecord as exc:
            from app.ui.stale_record_dialog import StaleRecordDialog

            self.error_label.show_problems([str(exc)])
            if StaleRecordDialog.ask(self, exc) and isinstance(exc.theirs, Person):
                self.result_person = exc.theirs  # theirs read in: the list shows it
                super().accept()
            return
        except ValidationError as exc:
            self.error_label.show_problems(exc.problems)
            return
        except DomainError as exc:
            self.error_label.show_problems([str(exc)])
            return
        super().accept()

    @classmethod
    def ask_with(
        cls,
        parent: QWidget | None,
        person: Person,
        organisations: Sequence[Organisation],
        save: SavePerson,
    ) -> Person | None:
        """Show the dialog for ``person`` (id None for a new one); the saved person or None."""
        dialog = cls(person, organisations, save, parent)
        return dialog.result_person if run_modal(dialog) else None

    @classmethod
    def ask(
        cls, parent: QWidget | None, store: Store, forbund_id: int, person: Person | None = None
    ) -> Person | None:
        """Register a new person of the förbund (``person`` None) or correct one."""
        try:
            organisations = store.reference.organisations(forbund_id)
        except DomainError as exc:
            QMessageBox.warning(parent, "Insatslogg", str(exc))
            return None
        return cls.ask_with(
            parent,
            person if person is not None else Person(None, forbund_id, ""),
            organisations,
            store.people.save,
        )
