"""Settings dialogs for the förbund's lists: kommuner, organisations and activity types."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.store.database import Store
from app.ui.list_editor import ListEditor
from app.ui.list_models import ActivityTypeListModel, KommunListModel, OrganisationListModel
from app.ui.screen_fit import resize_to_fit
from app.ui.settings_base import StoreDialog, current_forbund_id


class KommunerDialog(StoreDialog):
    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent, store)
        self.setWindowTitle(self.tr("Kommuner – Insatslogg"))
        self.forbund_id = current_forbund_id(store)
        self.model = KommunListModel(store.reference.kommuner(self.forbund_id), self)
        self.editor = ListEditor(self.model)
        self.set_content(
            self.editor,
            self.tr(
                "Kommunerna i förbundet, i den ordning de visas i listor och rapporter. "
                "En kommun som har aktiviteter kan inte tas bort."
            ),
        )
        resize_to_fit(self, 560, 480)

    def save(self) -> None:
        self.editor.commit_pending()
        self.store.reference.save_kommuner(self.forbund_id, self.model.entities())


class OrganisationsDialog(StoreDialog):
    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent, store)
        self.setWindowTitle(self.tr("Organisationer – Insatslogg"))
        self.forbund_id = current_forbund_id(store)
        self.model = OrganisationListModel(store.reference.organisations(self.forbund_id), self)
        # The store keeps organisations in alphabetical order, so there is nothing to reorder.
        self.editor = ListEditor(self.model, movable=False)
        self.set_content(
            self.editor,
            self.tr(
                "Organisationer som kan vara medarrangörer till en aktivitet. "
                "En organisation som är medarrangör kan inte tas bort."
            ),
        )
        resize_to_fit(self, 620, 480)

    def save(self) -> None:
        self.editor.commit_pending()
        self.store.reference.save_organisations(self.forbund_id, self.model.entities())


class ActivityTypesDialog(StoreDialog):
    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent, store)
        self.setWindowTitle(self.tr("Aktivitetstyper – Insatslogg"))
        self.model = ActivityTypeListModel(
            store.reference.activity_types(include_inactive=True), self
        )
        self.editor = ListEditor(self.model)
        self.set_content(
            self.editor,
            self.tr(
                "Typerna att välja bland när en aktivitet registreras. En typ som används "
                "kan inte tas bort – gör den inaktiv i stället, så syns den inte för nya "
                "aktiviteter."
            ),
        )
        resize_to_fit(self, 520, 560)

    def save(self) -> None:
        self.editor.commit_pending()
        self.store.reference.save_activity_types(self.model.entities())
