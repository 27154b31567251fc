"""The dialog shown on first start: the förbund, its first insats and its lists."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ValidationError
from app.core.setup import InitialSetup, validate_setup
from app.ui.form_widgets import ErrorLabel, InsatsForm, ok_cancel_buttons, run_modal
from app.ui.formatting import SWEDISH
from app.ui.list_editor import ListEditor
from app.ui.list_models import KommunListModel, OrganisationListModel
from app.ui.screen_fit import resize_to_fit


class SetupDialog(QDialog):
    """Asks for what a new database is set up with; the result is a validated InitialSetup."""

    def __init__(self, parent: QWidget | None, defaults: InitialSetup) -> None:
        super().__init__(parent)
        self._defaults = defaults
        self._result: InitialSetup | None = None
        self.setWindowTitle(self.tr("Kom igång – Insatslogg"))
        self.setLocale(SWEDISH)

        intro = QLabel(
            self.tr(
                "Välkommen till Insatslogg! Ange förbundet och den insats du leder. "
                "Listorna med kommuner och organisationer är ifyllda med förslag – "
                "ändra, lägg till eller ta bort så att de stämmer. "
                "Allt kan ändras senare under Inställningar."
            )
        )
        intro.setWordWrap(True)

        self.form = InsatsForm(defaults.insats, forbund_name=defaults.forbund_name)
        # Here the lists below need the height more than the goals do.
        self.form.goals_edit.setFixedHeight(self.form.goals_edit.minimumHeight())

        self.kommuner_model = KommunListModel(defaults.kommuner, self)
        self.organisations_model = OrganisationListModel(defaults.organisations, self)
        self.kommuner_editor = ListEditor(self.kommuner_model)
        # The store keeps organisations in alphabetical order, so there is nothing to reorder.
        self.organisations_editor = ListEditor(self.organisations_model, movable=False)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.kommuner_editor, self.tr("&Kommuner"))
        self.tabs.addTab(self.organisations_editor, self.tr("&Organisationer"))

        self.error_label = ErrorLabel()

        self.button_box = ok_cancel_buttons(self, self.tr("Skapa"), self.tr("Avbryt"))
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.form)
        layout.addSpacing(6)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.button_box)
        resize_to_fit(self, 760, 700)

    def current_setup(self) -> InitialSetup:
        """What the dialog shows now, not yet validated."""
        self.kommuner_editor.commit_pending()
        self.organisations_editor.commit_pending()
        return InitialSetup(
            forbund_name=self.form.forbund_name(),
            insats=replace(self.form.insats(), is_current=True),
            kommuner=tuple(self.kommuner_model.entities()),
            organisations=tuple(self.organisations_model.entities()),
            activity_types=self._defaults.activity_types,
        )

    def initial_setup(self) -> InitialSetup | None:
        """The validated setup once the dialog has been accepted, else None."""
        return self._result

    def accept(self) -> None:
        try:
            self._result = validate_setup(self.current_setup())
        except ValidationError as exc:
            self._result = None
            self.error_label.show_problems(exc.problems)
            return
        self.error_label.clear_problems()
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, defaults: InitialSetup) -> InitialSetup | None:
        dialog = cls(parent, defaults)
        return dialog.initial_setup() if run_modal(dialog) else None
