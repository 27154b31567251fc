"""Personuppgifter: every named person, their register extract, erasure and gallring.

Erasing a person removes the name and the links to activities; the activities' counts
are never touched, so every figure of the follow-up stays as it was.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import DomainError, ValidationError
from app.core.people import (
    MAX_GALLRING_YEARS,
    PersonListing,
    extract_filename,
    gallring_cutoff,
    register_extract,
)
from app.core.wording import count_noun
from app.store.database import Store
from app.ui.form_widgets import run_modal
from app.ui.formatting import SWEDISH, fmt_date, fmt_int
from app.ui.person_dialog import PersonDialog
from app.ui.person_listing_model import ID_ROLE, SORT_ROLE, PersonListingModel
from app.ui.register_extract_dialog import RegisterExtractDialog
from app.ui.screen_fit import resize_to_fit

_CONTEXT = "PrivacyDialog"


def persons(n: int) -> str:
    return count_noun(n, "person", "personer")


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before something that cannot be undone; True when the user chose ``action``."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(
        QCoreApplication.translate(_CONTEXT, "Avbryt"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


class PrivacyDialog(QDialog):
    """Inställningar → Personuppgifter…"""

    def __init__(
        self,
        parent: QWidget | None,
        store: Store,
        forbund_id: int,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.forbund_id = forbund_id
        self.today = today or date.today()
        self.changed_anything = False
        # A person was erased: the undo steps before it may not be undone (the window's).
        self.erased_anyone = False
        self.setLocale(SWEDISH)
        self.setWindowTitle(self.tr("Personuppgifter – Insatslogg"))

        intro = QLabel(
            self.tr(
                "Personer som registrerats med namn i aktiviteter. Här kan du visa och spara "
                "ett registerutdrag, rätta uppgifter och radera en person. Att radera tar bort "
                "namn, organisation, e-post och kopplingarna till aktiviteterna – antalet "
                "deltagare i aktiviteterna och i uppföljningen ändras inte."
            )
        )
        intro.setWordWrap(True)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(self.tr("Sök på namn, organisation eller e-post"))
        self.search_edit.setClearButtonEnabled(True)

        self.model = PersonListingModel(store.people.listing(forbund_id), self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView()
        self.view.setObjectName("people")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(PersonListingModel.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (PersonListingModel.NAME, PersonListingModel.ORGANISATION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PersonListingModel.EMAIL, QHeaderView.ResizeMode.Stretch)
        for column in (PersonListingModel.ACTIVITIES, PersonListingModel.LATEST):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        self.extract_button = QPushButton(self.tr("Visa registerutdrag…"))
        self.edit_button = QPushButton(self.tr("Ändra…"))
        self.erase_button = QPushButton(self.tr("Radera person…"))
        for b in (self.extract_button, self.edit_button, self.erase_button):
            b.setAutoDefault(False)

        self.years_spin = QSpinBox()
        self.years_spin.setObjectName("gallringYears")
        self.years_spin.setRange(1, MAX_GALLRING_YEARS)
        self.years_spin.setSuffix(self.tr(" år"))
        self.years_spin.setValue(store.people.gallring_years())
        self.gallra_button = QPushButton(self.tr("Gallra nu…"))
        self.gallra_button.setAutoDefault(False)
        self.gallring_label = QLabel()
        self.gallring_label.setObjectName("gallringLabel")
        self.gallring_label.setWordWrap(True)

        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.button_box.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Stäng"))
        self.button_box.rejected.connect(self.reject)

        self._layout(intro)
        self.search_edit.textChanged.connect(self._filter)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.doubleClicked.connect(self.show_extract)
        self.extract_button.clicked.connect(self.show_extract)
        self.edit_button.clicked.connect(self.edit_person)
        self.erase_button.clicked.connect(self.erase_person)
        self.years_spin.valueChanged.connect(self._years_changed)
        self.gallra_button.clicked.connect(self.gallra)
        self._refresh_labels()
        self._update_buttons()
        resize_to_fit(self, 860, 600)

    def _layout(self, intro: QLabel) -> None:
        search_row = QHBoxLayout()
        search_row.addWidget(QLabel(self.tr("Sök:")))
        search_row.addWidget(self.search_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.extract_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        gallring = QGroupBox(self.tr("Gallring"))
        gallring_layout = QVBoxLayout(gallring)
        years_row = QHBoxLayout()
        years_label = QLabel(self.tr("Radera namn äldre än"))
        years_label.setBuddy(self.years_spin)
        years_row.addWidget(years_label)
        years_row.addWidget(self.years_spin)
        years_row.addStretch(1)
        years_row.addWidget(self.gallra_button)
        gallring_layout.addLayout(years_row)
        gallring_layout.addWidget(self.gallring_label)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(search_row)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(gallring)
        layout.addWidget(self.status_label)
        layout.addWidget(self.button_box)

    # --- the table ----------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._refresh_labels()
        self._update_buttons()

    def selected(self) -> PersonListing | None:
        rows = self.view.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        return self.model.listing(self.proxy.mapToSource(rows[0]).row())

    def select_person(self, person_id: int) -> None:
        """Select the row of ``person_id`` (tests and callers that know whom they want)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == person_id:
                self.view.selectRow(row)
                return
        self.view.clearSelection()

    def _update_buttons(self, *_: object) -> None:
        one = self.selected() is not None
        for b in (self.extract_button, self.edit_button, self.erase_button):
            b.setEnabled(one)

    def _reload(self) -> None:
        self.model.set_rows(self.store.people.listing(self.forbund_id))
        self._refresh_labels()
        self._update_buttons()

    def _stale_count(self) -> int:
        cutoff = gallring_cutoff(self.today, self.years_spin.value())
        return len(self.store.people.stale_people(self.forbund_id, cutoff))

    def _refresh_labels(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        text = persons(total) if shown == total else f"{fmt_int(shown)} av {persons(total)}"
        self.count_label.setText(text)
        cutoff = gallring_cutoff(self.today, self.years_spin.value())
        n = self._stale_count()
        self.gallring_label.setText(
            self.tr(
                "Raderar personer vars senaste aktivitet började före {cutoff}, och personer "
                "som inte är med i någon aktivitet: {n} just nu. Antalen ändras inte."
            ).format(cutoff=fmt_date(cutoff), n=persons(n))
        )
        self.gallra_button.setEnabled(n > 0)

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.show()

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), text)

    # --- actions ------------------------------------------------------------------------
    def show_extract(self, *_: object) -> None:
        x = self.selected()
        if x is None or x.person.id is None:
            return
        try:
            attended = self.store.people.attended(x.person.id)
            forbund = self.store.reference.forbund(self.forbund_id).name
        except DomainError as exc:
            self._warn(str(exc))
            return
        text = register_extract(
            x.person, x.organisation_name, attended, made_on=self.today, forbund_name=forbund
        )
        RegisterExtractDialog.show_extract(
            self, text, extract_filename(x.person, self.today), self.store.path
        )

    def edit_person(self) -> None:
        x = self.selected()
        if x is None or x.person.id is None:
            return
        saved = PersonDialog.ask(self, self.store, self.forbund_id, x.person)
        if saved is not None and saved != x.person:
            self.changed_anything = True
            self._reload()
            if saved.id is not None:
                self.select_person(saved.id)
            self._say(self.tr("Uppgifterna om {} har ändrats.").format(saved.name))

    def erase_person(self) -> None:
        x = self.selected()
        if x is None or x.person.id is None:
            return
        links = (
            self.tr("och kopplingen till 1 aktivitet")
            if x.activities == 1
            else self.tr("och kopplingarna till {} aktiviteter").format(fmt_int(x.activities))
        )
        question = self.tr(
            "Radera {name} ({details}) {links}?\n\n"
            "Antalet deltagare i aktiviteterna ändras inte. Raderingen går inte att ångra."
        ).format(
            name=x.person.name,
            details=", ".join(d for d in (x.organisation_name, x.person.email) if d)
            or self.tr("inga fler uppgifter"),
            links=links,
        )
        if not confirm(self, self.tr("Radera person"), question, self.tr("Radera")):
            return
        try:
            self.store.people.erase(x.person.id)
        except DomainError as exc:
            self._warn(str(exc))
            return
        self.changed_anything = True
        self.erased_anyone = True
        self._reload()
        self._say(
            self.tr("{} har raderats. Antalen i aktiviteterna är oförändrade.").format(
                x.person.name
            )
        )
        self._warn_about_copies()

    def _years_changed(self, years: int) -> None:
        try:
            self.store.people.set_gallring_years(years)
        except (ValidationError, DomainError) as exc:
            self._warn(str(exc))
        self._refresh_labels()

    def gallra(self) -> None:
        years = self.years_spin.value()
        cutoff = gallring_cutoff(self.today, years)
        stale = self.store.people.stale_people(self.forbund_id, cutoff)
        if not stale:
            self._refresh_labels()
            return
        question = self.tr(
            "Radera {n} vars senaste aktivitet började före {cutoff} eller som inte är med "
            "i någon aktivitet?\n\n"
            "Namn, organisation, e-post och kopplingarna till aktiviteterna tas bort. "
            "Antalet deltagare ändras inte. Raderingen går inte att ångra."
        ).format(n=persons(len(stale)), cutoff=fmt_date(cutoff))
        if not confirm(self, self.tr("Gallra namn"), question, self.tr("Radera")):
            return
        try:
            erased = self.store.people.erase_many([p.id for p in stale if p.id is not None])
        except DomainError as exc:
            self._warn(str(exc))
            return
        self.changed_anything = self.changed_anything or erased > 0
        self.erased_anyone = self.erased_anyone or erased > 0
        self._reload()
        self._say(
            self.tr("{} har raderats. Antalen i aktiviteterna är oförändrade.").format(
                persons(erased).capitalize()
            )
        )
        self._warn_about_copies()

    def _warn_about_copies(self) -> None:
        """After an erasure: the backups it has not reached yet (a USB stick that is out)."""
        unfinished = self.store.people.backup_erasure_warning()
        if unfinished is not None:
            self._warn(unfinished)

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store, forbund_id: int) -> bool:
        """Show the dialog; True when a person was changed or erased."""
        return cls.run(parent, store, forbund_id)[0]

    @classmethod
    def run(cls, parent: QWidget | None, store: Store, forbund_id: int) -> tuple[bool, bool]:
        """Show the dialog; (a person was changed or erased, a person was erased)."""
        try:
            dialog = cls(parent, store, forbund_id)
        except DomainError as exc:
            QMessageBox.warning(parent, "Insatslogg", str(exc))
            return False, False
        run_modal(dialog)
        return dialog.changed_anything, dialog.erased_anyone
