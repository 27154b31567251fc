"""The editable list models, the category delegate and the list editor widget."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.entities import ActivityType, Insats, Kommun, Organisation
from app.core.setup import gavleborg_defaults
from app.core.vocabulary import OrgCategory
from app.ui.list_editor import ListEditor, OrgCategoryDelegate
from app.ui.list_models import (
    ActivityTypeListModel,
    InsatserModel,
    KommunListModel,
    OrganisationListModel,
)

DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
CHECK = Qt.ItemDataRole.CheckStateRole


def kommuner() -> list[Kommun]:
    return [Kommun(i + 1, k.name, k.delregion) for i, k in enumerate(gavleborg_defaults().kommuner)]


def organisations() -> list[Organisation]:
    return [
        Organisation(i + 1, o.name, o.category)
        for i, o in enumerate(gavleborg_defaults().organisations)
    ]


def activity_types() -> list[ActivityType]:
    return [ActivityType(1, "Seminarium"), ActivityType(2, "Podd", False)]


def names(model: KommunListModel | OrganisationListModel | ActivityTypeListModel) -> list[str]:
    return [e.name for e in model.entities()]


# --- every model passes Qt's model tester, also while it is being edited ----------------


def test_kommun_model_passes_modeltester_while_edited(qtmodeltester: ModelTester) -> None:
    model = KommunListModel(kommuner())
    qtmodeltester.check(model)
    assert model.insertRows(2, 2)
    assert model.setData(model.index(2, 0), "Ny kommun")
    assert model.move_row(0, 1)
    assert model.move_row(5, -1)
    assert model.removeRows(3, 2)
    model.set_entities(kommuner()[:3])
    qtmodeltester.check(model)


def test_organisation_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model = OrganisationListModel(organisations())
    qtmodeltester.check(model)
    assert model.setData(model.index(0, 1), OrgCategory.REGION.value)
    assert model.insertRows(model.rowCount(), 1)
    qtmodeltester.check(model)


def test_activity_type_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model = ActivityTypeListModel(activity_types())
    qtmodeltester.check(model)
    assert model.setData(model.index(0, 1), Qt.CheckState.Unchecked, CHECK)
    qtmodeltester.check(model)


def test_empty_models_pass_modeltester(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(KommunListModel())
    qtmodeltester.check(InsatserModel())


def test_insatser_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model = InsatserModel([_insats(1, True), _insats(2, False)])
    qtmodeltester.check(model)
    model.set_insatser([_insats(3, False)])
    qtmodeltester.check(model)


# --- what the cells show and how they are edited ----------------------------------------


def test_headers_are_swedish() -> None:
    def headers(
        model: KommunListModel | OrganisationListModel | ActivityTypeListModel,
    ) -> list[str]:
        h = Qt.Orientation.Horizontal
        return [model.headerData(c, h) for c in range(model.columnCount())]

    assert headers(KommunListModel()) == ["Kommun", "Delregion/landskap"]
    assert headers(OrganisationListModel()) == ["Organisation", "Kategori"]
    assert headers(ActivityTypeListModel()) == ["Aktivitetstyp", "Aktiv"]


def test_kommun_cells_and_rename_keeps_id() -> None:
    model = KommunListModel(kommuner())
    assert model.data(model.index(1, 0)) == "Gävle"
    assert model.data(model.index(1, 1)) == "Gästrikland"
    assert model.setData(model.index(1, 0), "  Gävle kommun  ")
    assert model.entities()[1] == Kommun(2, "Gävle kommun", "Gästrikland")
    assert model.setData(model.index(1, 1), "Hälsingland")
    assert model.entity(1).delregion == "Hälsingland"


def test_set_data_emits_data_changed(qtbot: QtBot) -> None:
    model = KommunListModel(kommuner())
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.setData(model.index(3, 0), "Hudik")
    assert blocker.args is not None
    assert blocker.args[0].row() == 3


def test_set_data_refuses_wrong_role_and_index() -> None:
    model = KommunListModel(kommuner())
    assert not model.setData(model.index(0, 0), "X", DISPLAY)
    assert not model.setData(QModelIndex(), "X")
    assert model.entity(0).name == "Bollnäs"


def test_inserted_rows_are_new_and_empty() -> None:
    model = OrganisationListModel(organisations())
    assert model.insertRows(1, 2)
    assert model.entities()[1:3] == [
        Organisation(None, "", OrgCategory.ANNAN),
        Organisation(None, "", OrgCategory.ANNAN),
    ]
    assert model.rowCount() == len(organisations()) + 2
    assert not model.insertRows(99, 1)
    assert not model.insertRows(0, 1, model.index(0, 0))


def test_remove_rows() -> None:
    model = KommunListModel(kommuner())
    assert model.removeRows(0, 2)
    assert names(model)[:2] == ["Hofors", "Hudiksvall"]
    assert not model.removeRows(7, 2)
    assert model.rowCount() == 8


def test_move_rows_up_and_down() -> None:
    model = KommunListModel(kommuner())
    assert model.move_row(0, 1)
    assert names(model)[:3] == ["Gävle", "Bollnäs", "Hofors"]
    assert model.move_row(2, -1)
    assert names(model)[:3] == ["Gävle", "Hofors", "Bollnäs"]
    assert model.move_row(9, -9)
    assert names(model)[0] == "Söderhamn"
    assert not model.move_row(0, -1)
    assert not model.move_row(model.rowCount() - 1, 1)
    assert sorted(k.id for k in model.entities() if k.id is not None) == list(range(1, 11))


def test_category_shows_label_and_edits_by_value() -> None:
    model = OrganisationListModel(organisations())
    index = model.index(1, 1)
    assert model.data(index, DISPLAY) == "Försäkringskassan"
    assert model.data(index, EDIT) == "forsakringskassan"
    assert model.setData(index, "region")
    assert model.data(index, DISPLAY) == "Region"
    assert model.entity(1).category is OrgCategory.REGION
    assert not model.setData(index, "okänd")
    assert model.entity(1).category is OrgCategory.REGION


def test_active_is_a_check_box() -> None:
    model = ActivityTypeListModel(activity_types())
    active, inactive = model.index(0, 1), model.index(1, 1)
    assert model.data(active, CHECK) == Qt.CheckState.Checked
    assert model.data(inactive, CHECK) == Qt.CheckState.Unchecked
    assert model.data(active, DISPLAY) is None
    assert model.flags(active) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(active) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(active, Qt.CheckState.Unchecked.value, CHECK)  # as a view sends it
    assert model.setData(inactive, Qt.CheckState.Checked, CHECK)
    assert model.entities() == [ActivityType(1, "Seminarium", False), ActivityType(2, "Podd")]
    assert not model.setData(active, "Ja", EDIT)


def _insats(insats_id: int, current: bool) -> Insats:
    start, end = date(2018, 1, 1), date(2021, 12, 31)
    return Insats(insats_id, 1, f"Insats {insats_id}", start, end, "", current)


def test_insatser_model_marks_the_current_one() -> None:
    model = InsatserModel([_insats(1, False), _insats(2, True)])
    assert model.data(model.index(0, InsatserModel.NAME)) == "Insats 1"
    assert model.data(model.index(0, InsatserModel.PERIOD)) == "2018-01-01 – 2021-12-31"
    assert model.data(model.index(0, InsatserModel.CURRENT)) == ""
    assert model.data(model.index(1, InsatserModel.CURRENT)) == "Aktuell"
    font = model.data(model.index(1, InsatserModel.NAME), Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.current_row() == 1
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


# --- the category delegate and the list editor ------------------------------------------


def test_category_delegate_edits_with_a_combo_of_labels(qtbot: QtBot) -> None:
    model = OrganisationListModel(organisations())
    editor = ListEditor(model, movable=False)
    qtbot.addWidget(editor)
    index = model.index(0, 1)
    delegate = editor.view.itemDelegateForIndex(index)
    assert isinstance(delegate, OrgCategoryDelegate)
    combo = delegate.createEditor(editor.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [c.label for c in OrgCategory]
    delegate.setEditorData(combo, index)
    assert combo.currentText() == "Arbetsförmedlingen"
    combo.setCurrentIndex(combo.findText("Kommun"))
    delegate.setModelData(combo, model, index)
    assert model.entity(0).category is OrgCategory.KOMMUN
    assert editor.view.columnWidth(1) >= combo.sizeHint().width()
    assert editor.up_button.isHidden() and editor.down_button.isHidden()
    combo.deleteLater()


def test_list_editor_buttons(qtbot: QtBot) -> None:
    model = KommunListModel(kommuner()[:3])
    editor = ListEditor(model)
    qtbot.addWidget(editor)
    assert not editor.remove_button.isEnabled()  # nothing chosen yet

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert model.rowCount() == 4
    assert editor.current_row() == 3
    assert model.entity(3) == Kommun(None, "", "")
    model.setData(model.index(3, 0), "Ny")

    editor.select_row(1)
    assert editor.up_button.isEnabled() and editor.down_button.isEnabled()
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)
    assert names(model) == ["Gävle", "Bollnäs", "Hofors", "Ny"]
    assert editor.current_row() == 0
    assert not editor.up_button.isEnabled()

    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.down_button, Qt.MouseButton.LeftButton)
    assert names(model) == ["Bollnäs", "Hofors", "Gävle", "Ny"]
    assert editor.current_row() == 2

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # below the current row
    assert names(model) == ["Bollnäs", "Hofors", "Gävle", "", "Ny"]
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert names(model) == ["Bollnäs", "Hofors", "Gävle", "Ny"]
    assert editor.current_row() == 3
    assert not editor.down_button.isEnabled()


@pytest.mark.parametrize("rows", [0, 1])
def test_remove_until_empty(qtbot: QtBot, rows: int) -> None:
    model = KommunListModel(kommuner()[:rows])
    editor = ListEditor(model)
    qtbot.addWidget(editor)
    if rows:
        editor.select_row(0)
    editor.remove_row()
    assert model.rowCount() == 0
    assert not editor.remove_button.isEnabled()
