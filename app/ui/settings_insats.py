"""Settings dialogs for insatser: edit the current one, add one, choose which is current."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.errors import ValidationError
from app.core.validation import validate_insats
from app.store.database import Store
from app.ui.form_widgets import InsatsForm, run_modal
from app.ui.formatting import SWEDISH
from app.ui.list_models import InsatserModel
from app.ui.screen_fit import resize_to_fit
from app.ui.settings_base import StoreDialog, current_forbund_id, current_insats


class InsatsDialog(StoreDialog):
    """Edit the current insats (name, period, goals) and the förbund's name."""

    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent, store)
        self.setWindowTitle(self.tr("Insatsen – Insatslogg"))
        insats = current_insats(store)
        self.forbund_id = current_forbund_id(store)
        forbund = store.reference.forbund(self.forbund_id)
        self.form = InsatsForm(insats, forbund_name=forbund.name)
        self.set_content(self.form)
        resize_to_fit(self, 680, 340)

    def save(self) -> None:
        # Check both parts before writing either, so a refusal leaves nothing half saved.
        problems: list[str] = []
        name = self.form.forbund_name().strip()
        if not name:
            problems.append(self.tr("Ange förbundets namn."))
        try:
            insats = validate_insats(self.form.insats())
        except ValidationError as exc:
            problems.extend(exc.problems)
        if problems:
            raise ValidationError(problems)
        self.store.reference.save_insats(insats)
        self.store.reference.rename_forbund(self.forbund_id, name)


class NewInsatsDialog(StoreDialog):
    """Add an insats to the förbund; it becomes the current one."""

    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent, store)
        self.setWindowTitle(self.tr("Ny insats – Insatslogg"))
        year = date.today().year
        blank = Insats(
            id=None,
            forbund_id=current_forbund_id(store),
            name="",
            start=date(year, 1, 1),
            end=date(year + 3, 12, 31),
            is_current=True,
        )
        self.saved: Insats | None = None
        self.form = InsatsForm(blank)
        self.set_content(self.form, self.tr("Den nya insatsen blir aktuell när den sparas."))
        self.ok_button.setText(self.tr("Skapa"))
        resize_to_fit(self, 680, 340)

    def save(self) -> None:
        self.saved = self.store.reference.save_insats(self.form.insats())


class InsatserDialog(QDialog):
    """All insatser, the current one marked; add one or make another current.

    Changes are saved at once, so the dialog only has "Stäng".
    """

    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent)
        self.store = store
        self.changed = False
        self.setWindowTitle(self.tr("Insatser – Insatslogg"))
        self.setLocale(SWEDISH)

        self.model = InsatserModel(store.reference.insatser(), self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)  # long names are elided; the tooltip has them in full
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(InsatserModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column in (InsatserModel.PERIOD, InsatserModel.CURRENT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.new_button = QPushButton(self.tr("Ny insats…"))
        self.make_current_button = QPushButton(self.tr("Gör till aktuell"))
        buttons = QVBoxLayout()
        for button in (self.new_button, self.make_current_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.button_box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        self.button_box.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Den aktuella insatsen är den som loggen visar.")))
        layout.addLayout(row, 1)
        layout.addWidget(self.button_box)
        resize_to_fit(self, 760, 360)

        self.new_button.clicked.connect(self.new_insats)
        self.make_current_button.clicked.connect(self.make_current)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._select_current()

    def selected_insats(self) -> Insats | None:
        row = self.view.currentIndex().row()
        return self.model.insats(row) if row >= 0 else None

    def new_insats(self) -> None:
        if NewInsatsDialog.ask(self, self.store):
            self.changed = True
            self._reload()

    def make_current(self) -> None:
        insats = self.selected_insats()
        if insats is None or insats.id is None or insats.is_current:
            return
        self.store.reference.set_current_insats(insats.id)
        self.changed = True
        self._reload()

    def _reload(self) -> None:
        self.model.set_insatser(self.store.reference.insatser())
        self._select_current()

    def _select_current(self) -> None:
        row = self.model.current_row()
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, InsatserModel.NAME))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        insats = self.selected_insats()
        self.make_current_button.setEnabled(insats is not None and not insats.is_current)

    @classmethod
    def ask(cls, parent: QWidget | None, store: Store) -> bool:
        """Show the list; True when an insats was added or another made current."""
        dialog = cls(parent, store)
        run_modal(dialog)
        return dialog.changed
