"""Inställningar → Budgetrader…: the list of budget lines (Personal, Lokaler …) the
budget and the costs are kept on. Rename, add, reorder, make inactive, and mark the line
for individinriktade placeringar (which the funding rules check for money paid straight
to an ASF). A line in use cannot be removed: it is made inactive instead."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.core.economy_entities import BudgetLine
from app.store.database import Store
from app.ui.list_editor import ListEditor
from app.ui.list_models import Column, ColumnKind, EntityListModel
from app.ui.screen_fit import resize_to_fit
from app.ui.settings_base import StoreDialog

_CONTEXT = "ListModels"


class BudgetLineListModel(EntityListModel[BudgetLine]):
    columns = (
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Budgetrad")), "name", stretch=True),
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Aktiv")), "active", ColumnKind.CHECK),
        Column(
            str(QT_TRANSLATE_NOOP(_CONTEXT, "Individinriktade placeringar")),
            "placements",
            ColumnKind.CHECK,
        ),
    )

    def new_entity(self) -> BudgetLine:
        return BudgetLine(None, "", 0, True, False)


class BudgetLinesDialog(StoreDialog):
    def __init__(self, parent: QWidget | None, store: Store) -> None:
        super().__init__(parent, store)
        self.setWindowTitle(self.tr("Budgetrader – Insatslogg"))
        self.model = BudgetLineListModel(store.economy.lines(include_inactive=True), self)
        self.editor = ListEditor(self.model)
        self.set_content(
            self.editor,
            self.tr(
                "Raderna i varje insats budget och kostnader, i den ordning de visas. En rad "
                "som har budget eller kostnader kan inte tas bort – gör den inaktiv i "
                "stället, så syns den inte för nya kostnader. Markera raden för medel till "
                "individinriktade placeringar: regelkontrollen ser efter att de inte betalas "
                "direkt till ett ASF."
            ),
        )
        self.original = list(self.model.entities())
        resize_to_fit(self, 620, 520)

    def save(self) -> None:
        self.editor.commit_pending()
        lines = self.model.entities()
        if lines == self.original:
            return  # an unchanged save writes nothing
        self.store.economy.save_lines(lines)
