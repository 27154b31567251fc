"""The first-start dialog: what it suggests, what it creates and what it refuses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.entities import Kommun
from app.core.setup import InitialSetup, gavleborg_defaults
from app.core.vocabulary import DEFAULT_ACTIVITY_TYPES, OrgCategory
from app.store.database import Store
from app.ui.setup_dialog import SetupDialog
from tests.ui.keyboard import retype

DEFAULTS = gavleborg_defaults(date(2018, 1, 1))


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[SetupDialog]:
    dialog = SetupDialog(None, DEFAULTS)
    qtbot.addWidget(dialog)
    yield dialog


def click_ok(qtbot: QtBot, dialog: SetupDialog) -> None:
    ok = dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_suggests_gavleborg(dialog: SetupDialog, qtmodeltester: ModelTester) -> None:
    assert dialog.windowTitle() == "Kom igång – Insatslogg"
    assert dialog.ok_button.text() == "Skapa"
    assert dialog.form.forbund_name() == "Samordningsförbund Gävleborg"
    assert dialog.form.start_edit.date() == QDate(2018, 1, 1)
    assert dialog.form.end_edit.date() == QDate(2021, 12, 31)
    assert dialog.form.start_edit.displayFormat() == "yyyy-MM-dd"
    assert dialog.form.start_edit.text() == "2018-01-01"
    assert dialog.form.goals_edit.toPlainText().startswith("Att öka kunskapen om ASF")
    kommuner = dialog.kommuner_model.entities()
    assert len(kommuner) == 10
    assert Kommun(None, "Hudiksvall", "Hälsingland") in kommuner
    assert Kommun(None, "Sandviken", "Gästrikland") in kommuner
    assert dialog.organisations_model.rowCount() == len(DEFAULTS.organisations)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "&Kommuner",
        "&Organisationer",
    ]
    assert not dialog.error_label.text()
    qtmodeltester.check(dialog.kommuner_model)
    qtmodeltester.check(dialog.organisations_model)


def test_creates_what_was_filled_in(qtbot: QtBot, dialog: SetupDialog, tmp_path: Path) -> None:
    form = dialog.form
    assert form.forbund_edit is not None
    retype(qtbot, form.forbund_edit, "Samordningsförbundet Testlän")
    retype(qtbot, form.name_edit, "Stöd till ASF")
    form.start_edit.setDate(QDate(2019, 1, 1))
    form.end_edit.setDate(QDate(2020, 12, 31))
    retype(qtbot, form.goals_edit, "Fler ASF i länet.")

    kommuner = dialog.kommuner_model
    kommuner.setData(kommuner.index(1, 0), "Gävle kommun")
    dialog.kommuner_editor.select_row(kommuner.rowCount() - 1)
    qtbot.mouseClick(dialog.kommuner_editor.add_button, Qt.MouseButton.LeftButton)
    kommuner.setData(kommuner.index(10, 0), "Älvkarleby")
    kommuner.setData(kommuner.index(10, 1), "Uppland")
    orgs = dialog.organisations_model
    orgs.setData(orgs.index(3, 1), OrgCategory.ASF.value)

    click_ok(qtbot, dialog)

    assert dialog.result() == QDialog.DialogCode.Accepted
    setup = dialog.initial_setup()
    assert setup is not None
    assert setup.forbund_name == "Samordningsförbundet Testlän"
    assert setup.insats.name == "Stöd till ASF"
    assert (setup.insats.start, setup.insats.end) == (date(2019, 1, 1), date(2020, 12, 31))
    assert setup.insats.is_current
    assert setup.activity_types == DEFAULT_ACTIVITY_TYPES

    store = Store.open(tmp_path / "new.sqlite3")
    try:
        insats = store.reference.set_up(setup)
        assert insats.forbund_id is not None
        assert store.reference.forbund(insats.forbund_id).name == "Samordningsförbundet Testlän"
        assert store.reference.current_insats() == insats
        assert insats.goals == "Fler ASF i länet."
        stored = store.reference.kommuner(insats.forbund_id)
        assert [k.name for k in stored][:2] == ["Bollnäs", "Gävle kommun"]
        assert (stored[-1].name, stored[-1].delregion) == ("Älvkarleby", "Uppland")
        by_name = {o.name: o.category for o in store.reference.organisations(insats.forbund_id)}
        assert by_name["Coompanion Gävleborg"] is OrgCategory.ASF
    finally:
        store.close()


def test_empty_forbund_name_keeps_the_dialog_open(qtbot: QtBot, dialog: SetupDialog) -> None:
    dialog.show()
    assert dialog.form.forbund_edit is not None
    dialog.form.forbund_edit.clear()
    with qtbot.assertNotEmitted(dialog.accepted):
        click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.initial_setup() is None
    assert dialog.error_label.text() == "Ange förbundets namn."
    assert not dialog.error_label.isHidden()

    retype(qtbot, dialog.form.forbund_edit, "Finsam Gävleborg")
    with qtbot.waitSignal(dialog.accepted):
        click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert not dialog.error_label.text()


def test_every_problem_is_listed(qtbot: QtBot, dialog: SetupDialog) -> None:
    kommuner = dialog.kommuner_model
    kommuner.setData(kommuner.index(0, 0), "gävle")  # Gävle is also row 1
    dialog.form.name_edit.clear()
    dialog.form.end_edit.setDate(QDate(2017, 12, 31))
    click_ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    lines = dialog.error_label.text().splitlines()
    assert lines == [
        "• Ange insatsens namn.",
        "• Insatsens period slutar före den börjar.",
        "• Kommun Gävle finns två gånger.",
    ]


def test_an_unnamed_new_row_is_refused(qtbot: QtBot, dialog: SetupDialog) -> None:
    qtbot.mouseClick(dialog.organisations_editor.add_button, Qt.MouseButton.LeftButton)
    click_ok(qtbot, dialog)
    assert dialog.initial_setup() is None
    assert dialog.error_label.text() == "Varje organisation måste ha ett namn."


def test_ask_returns_the_setup(monkeypatch: pytest.MonkeyPatch) -> None:
    def accept_at_once(self: SetupDialog) -> int:
        self.accept()
        return self.result()

    monkeypatch.setattr(SetupDialog, "exec", accept_at_once)
    setup = SetupDialog.ask(None, DEFAULTS)
    assert isinstance(setup, InitialSetup)
    assert setup.forbund_name == DEFAULTS.forbund_name
    assert setup.kommuner == DEFAULTS.kommuner


def test_ask_returns_none_on_cancel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SetupDialog, "exec", lambda self: QDialog.DialogCode.Rejected.value)
    assert SetupDialog.ask(None, DEFAULTS) is None
