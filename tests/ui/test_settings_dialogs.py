"""The "Inställningar" dialogs, driven against a real database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.entities import Activity, Insats
from app.core.vocabulary import OrgCategory
from app.store.database import Store
from app.ui.settings_base import StoreDialog
from app.ui.settings_dialogs import (
    ActivityTypesDialog,
    InsatsDialog,
    InsatserDialog,
    KommunerDialog,
    NewInsatsDialog,
    OrganisationsDialog,
)
from tests.ui.keyboard import retype

CHECK = Qt.ItemDataRole.CheckStateRole


def click_save(qtbot: QtBot, dialog: StoreDialog) -> None:
    ok = dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Spara" or isinstance(dialog, NewInsatsDialog)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


D = TypeVar("D", bound=QDialog)


def make(qtbot: QtBot, cls: Callable[[QWidget | None, Store], D], store: Store) -> D:
    dialog = cls(None, store)
    qtbot.addWidget(dialog)
    return dialog


def forbund_id(insats: Insats) -> int:
    assert insats.forbund_id is not None
    return insats.forbund_id


# --- Kommuner --------------------------------------------------------------------------


def test_kommuner_rename_add_remove_and_reorder(
    qtbot: QtBot, store: Store, insats: Insats, qtmodeltester: ModelTester
) -> None:
    before = {k.name: k.id for k in store.reference.kommuner(forbund_id(insats))}
    dialog = make(qtbot, KommunerDialog, store)
    assert dialog.windowTitle() == "Kommuner – Insatslogg"
    model, editor = dialog.model, dialog.editor
    qtmodeltester.check(model)

    model.setData(model.index(1, 0), "Gävle kommun")  # Gävle was row 1
    editor.select_row(6)  # Ockelbo
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    editor.select_row(model.rowCount() - 1)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    model.setData(model.index(model.rowCount() - 1, 0), "Älvkarleby")
    model.setData(model.index(model.rowCount() - 1, 1), "Uppland")
    editor.select_row(model.rowCount() - 1)
    qtbot.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(dialog.accepted):
        click_save(qtbot, dialog)

    stored = store.reference.kommuner(forbund_id(insats))
    assert [k.name for k in stored] == [
        "Bollnäs",
        "Gävle kommun",
        "Hofors",
        "Hudiksvall",
        "Ljusdal",
        "Nordanstig",
        "Ovanåker",
        "Sandviken",
        "Älvkarleby",
        "Söderhamn",
    ]
    by_name = {k.name: k for k in stored}
    assert by_name["Gävle kommun"].id == before["Gävle"]  # renamed, not replaced
    assert by_name["Älvkarleby"].delregion == "Uppland"
    assert by_name["Älvkarleby"].id not in before.values()


def test_duplicate_kommun_keeps_the_dialog_open(qtbot: QtBot, store: Store, insats: Insats) -> None:
    before = store.reference.kommuner(forbund_id(insats))
    dialog = make(qtbot, KommunerDialog, store)
    dialog.show()
    dialog.model.setData(dialog.model.index(0, 0), "Gävle")
    with qtbot.assertNotEmitted(dialog.accepted):
        click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Kommun Gävle finns två gånger."
    assert not dialog.error_label.isHidden()
    assert store.reference.kommuner(forbund_id(insats)) == before

    dialog.model.setData(dialog.model.index(0, 0), "Bollnäs")
    click_save(qtbot, dialog)
    assert not dialog.isVisible()


def test_kommun_in_use_cannot_be_removed(
    qtbot: QtBot, store: Store, insats: Insats, add_activity: Callable[..., Activity]
) -> None:
    add_activity("Seminarium", "Hofors")
    dialog = make(qtbot, KommunerDialog, store)
    dialog.editor.select_row(2)  # Hofors
    dialog.editor.remove_row()
    click_save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text() == (
        "Kommunen Hofors kan inte tas bort: den används av 1 aktivitet."
    )
    assert "Hofors" in [k.name for k in store.reference.kommuner(forbund_id(insats))]


# --- Organisations and activity types ----------------------------------------------------


def test_organisations_category_and_new_row(qtbot: QtBot, store: Store, insats: Insats) -> None:
    dialog = make(qtbot, OrganisationsDialog, store)
    model = dialog.model
    assert dialog.editor.up_button.isHidden()  # the store keeps them alphabetical
    row = [o.name for o in model.entities()].index("Movexum")
    assert model.setData(model.index(row, 1), OrgCategory.ASF.value)
    qtbot.mouseClick(dialog.editor.add_button, Qt.MouseButton.LeftButton)
    new_row = dialog.editor.current_row()
    model.setData(model.index(new_row, 0), "Leader Gästrikebygden")
    model.setData(model.index(new_row, 1), OrgCategory.ANNAN.value)
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = {o.name: o.category for o in store.reference.organisations(forbund_id(insats))}
    assert stored["Movexum"] is OrgCategory.ASF
    assert stored["Leader Gästrikebygden"] is OrgCategory.ANNAN


def test_organisation_without_name_is_refused(qtbot: QtBot, store: Store) -> None:
    dialog = make(qtbot, OrganisationsDialog, store)
    dialog.editor.add_row()
    click_save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text() == "Varje organisation måste ha ett namn."


def test_activity_types_deactivate_add_and_move(qtbot: QtBot, store: Store) -> None:
    dialog = make(qtbot, ActivityTypesDialog, store)
    model = dialog.model
    podd = [t.name for t in model.entities()].index("Podd")
    assert model.setData(model.index(podd, 1), Qt.CheckState.Unchecked.value, CHECK)
    dialog.editor.select_row(0)
    qtbot.mouseClick(dialog.editor.down_button, Qt.MouseButton.LeftButton)
    dialog.editor.select_row(model.rowCount() - 1)
    qtbot.mouseClick(dialog.editor.add_button, Qt.MouseButton.LeftButton)
    model.setData(model.index(model.rowCount() - 1, 0), "Hackathon")
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

    everything = store.reference.activity_types(include_inactive=True)
    assert [t.name for t in everything[:2]] == ["Frukostmöte", "Informationsmöte"]
    assert everything[-1].name == "Hackathon" and everything[-1].active
    assert "Podd" not in [t.name for t in store.reference.activity_types()]


def test_at_least_one_activity_type_must_stay_active(qtbot: QtBot, store: Store) -> None:
    dialog = make(qtbot, ActivityTypesDialog, store)
    for row in range(dialog.model.rowCount()):
        dialog.model.setData(dialog.model.index(row, 1), Qt.CheckState.Unchecked, CHECK)
    click_save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text() == "Minst en aktivitetstyp måste vara aktiv."
    assert len(store.reference.activity_types()) == len(dialog.model.entities())


# --- The current insats ------------------------------------------------------------------


def test_insats_dialog_saves_insats_and_forbund(qtbot: QtBot, store: Store, insats: Insats) -> None:
    dialog = make(qtbot, InsatsDialog, store)
    form = dialog.form
    assert form.forbund_edit is not None
    assert form.forbund_name() == "Samordningsförbund Gävleborg"
    assert form.start_edit.text() == "2018-01-01"
    retype(qtbot, form.forbund_edit, "Finsam Gävleborg")
    retype(qtbot, form.name_edit, "ASF-insatsen, förlängd")
    form.end_edit.setDate(QDate(2022, 6, 30))
    retype(qtbot, form.goals_edit, "Fler ASF.")
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

    saved = store.reference.current_insats()
    assert saved is not None
    assert (saved.id, saved.name) == (insats.id, "ASF-insatsen, förlängd")
    assert saved.end == date(2022, 6, 30)
    assert saved.goals == "Fler ASF." and saved.is_current
    assert store.reference.forbund(forbund_id(insats)).name == "Finsam Gävleborg"


def test_insats_dialog_saves_nothing_when_anything_is_wrong(
    qtbot: QtBot, store: Store, insats: Insats
) -> None:
    dialog = make(qtbot, InsatsDialog, store)
    assert dialog.form.forbund_edit is not None
    dialog.form.forbund_edit.clear()
    dialog.form.start_edit.setDate(QDate(2023, 1, 1))
    click_save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text().splitlines() == [
        "• Ange förbundets namn.",
        "• Insatsens period slutar före den börjar.",
    ]
    assert store.reference.current_insats() == insats
    assert store.reference.forbund(forbund_id(insats)).name == "Samordningsförbund Gävleborg"


# --- Insatser: add one, choose the current one --------------------------------------------


def test_new_insats_becomes_current(qtbot: QtBot, store: Store, insats: Insats) -> None:
    dialog = make(qtbot, NewInsatsDialog, store)
    assert dialog.ok_button.text() == "Skapa"
    click_save(qtbot, dialog)
    assert dialog.error_label.text() == "Ange insatsens namn."

    retype(qtbot, dialog.form.name_edit, "Uppföljning 2022")
    dialog.form.start_edit.setDate(QDate(2022, 1, 1))
    dialog.form.end_edit.setDate(QDate(2022, 12, 31))
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

    current = store.reference.current_insats()
    assert current is not None and current == dialog.saved
    assert (current.name, current.start, current.forbund_id) == (
        "Uppföljning 2022",
        date(2022, 1, 1),
        insats.forbund_id,
    )
    assert len(store.reference.insatser()) == 2


def test_insatser_dialog_new_and_make_current(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    def new_insats(parent: QWidget | None, st: Store) -> bool:
        st.reference.save_insats(
            Insats(None, insats.forbund_id, "Nästa", date(2022, 1, 1), date(2023, 12, 31), "", True)
        )
        return True

    monkeypatch.setattr(NewInsatsDialog, "ask", new_insats)
    dialog = make(qtbot, InsatserDialog, store)
    qtmodeltester.check(dialog.model)
    assert dialog.model.rowCount() == 1
    assert dialog.selected_insats() == insats
    assert not dialog.make_current_button.isEnabled()  # it already is

    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.changed
    assert dialog.model.rowCount() == 2
    selected = dialog.selected_insats()
    assert selected is not None and selected.name == "Nästa" and selected.is_current

    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    assert dialog.make_current_button.isEnabled()
    qtbot.mouseClick(dialog.make_current_button, Qt.MouseButton.LeftButton)
    current = store.reference.current_insats()
    assert current is not None and current.id == insats.id
    assert dialog.model.data(dialog.model.index(0, 2)) == "Aktuell"
    assert dialog.model.data(dialog.model.index(1, 2)) == ""


def test_insatser_ask_reports_whether_anything_changed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(InsatserDialog, "exec", lambda self: 0)
    assert InsatserDialog.ask(None, store) is False


# --- ask() -------------------------------------------------------------------------------


def test_ask_is_true_only_when_saved(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def press_save(self: StoreDialog) -> int:
        self.accept()
        return self.result()

    monkeypatch.setattr(KommunerDialog, "exec", press_save)
    assert KommunerDialog.ask(None, store) is True
    monkeypatch.setattr(ActivityTypesDialog, "exec", lambda self: 0)
    assert ActivityTypesDialog.ask(None, store) is False


@pytest.mark.parametrize(
    "dialog_class", [InsatsDialog, KommunerDialog, OrganisationsDialog, NewInsatsDialog]
)
def test_ask_without_an_insats_explains_in_swedish(
    empty_store: Store, monkeypatch: pytest.MonkeyPatch, dialog_class: type[StoreDialog]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    assert dialog_class.ask(None, empty_store) is False
    assert shown == ["Databasen har ingen insats ännu. Lägg upp förbund och insats först."]


def test_text_still_in_an_open_cell_editor_is_saved(
    qtbot: QtBot, store: Store, insats: Insats
) -> None:
    dialog = make(qtbot, KommunerDialog, store)
    dialog.show()
    qtbot.waitExposed(dialog)
    index = dialog.model.index(1, 0)
    dialog.editor.view.setCurrentIndex(index)
    dialog.editor.view.edit(index)
    cell = dialog.editor.view.indexWidget(index)
    assert isinstance(cell, QLineEdit)
    retype(qtbot, cell, "Gävle stad")
    dialog.accept()  # as the Enter key would, without the editor losing focus first
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.reference.kommuner(forbund_id(insats))[1].name == "Gävle stad"
