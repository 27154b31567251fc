"""The page "Nådda personer" driven as a user would: the real dialog, the tables, the store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Insats, Kommun
from app.core.people import Person
from app.core.reach import (
    ACTIVITY_VOLUME,
    KEPT_OUT,
    REACH_TOTAL,
    REGISTERED_VOLUME,
    UNIQUE,
    RegisteredReach,
)
from app.core.vocabulary import OrgCategory, Scope
from app.store.database import Store
from app.ui.reach_dialog import ReachDialog
from app.ui.reach_page import ReachPage, RegisteredReachModel
from app.ui.summary_table_model import SummaryTableModel
from tests.conftest import MakeActivity
from tests.ui.keyboard import retype

Fill = Callable[[ReachDialog], None]


@pytest.fixture
def page(qtbot: QtBot, store: Store, insats: Insats) -> ReachPage:
    p = ReachPage(store)
    qtbot.addWidget(p)
    p.resize(1300, 900)
    p.set_context(insats, 2018)
    p.show()
    return p


def answer_dialog(monkeypatch: pytest.MonkeyPatch, fill: Fill) -> list[ReachDialog]:
    """Replace ReachDialog.ask: build the real dialog, let ``fill`` enter values, press Spara."""
    shown: list[ReachDialog] = []

    def ask(
        cls: type[ReachDialog],
        parent: object,
        kommuner: list[Kommun],
        insats_id: int,
        year: int,
        entry: RegisteredReach | None = None,
    ) -> RegisteredReach | None:
        dialog = ReachDialog(kommuner, insats_id, year, entry)
        shown.append(dialog)
        fill(dialog)
        dialog.ok_button.click()
        if dialog.result() == QDialog.DialogCode.Accepted:
            return dialog.result_entry
        return None

    monkeypatch.setattr(ReachDialog, "ask", classmethod(ask))
    return shown


def cells(model: SummaryTableModel | RegisteredReachModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def figure(page: ReachPage, key: str, label: str) -> str:
    for row in cells(page.models[key]):
        if row[0] == label:
            return row[1]
    raise KeyError(label)


def choose(dialog: ReachDialog, text: str) -> None:
    index = dialog.where_combo.findText(text)
    assert index >= 0, text
    dialog.where_combo.setCurrentIndex(index)


def test_a_new_figure_in_the_total(
    qtbot: QtBot,
    page: ReachPage,
    store: Store,
    insats: Insats,
    add_activity: MakeActivity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert insats.id is not None
    add_activity(day=date(2018, 3, 1), attendance=Attendance.build(40))
    page.set_context(insats, 2018)
    assert figure(page, "nadda_personer", REACH_TOTAL) == "40"

    def fill(d: ReachDialog) -> None:
        assert d.windowTitle() == "Nytt registrerat antal"
        assert d.year_spin.value() == 2018
        assert d.where_combo.currentText() == "Länsövergripande"
        assert d.in_total_check.isChecked()
        retype(qtbot, d.reason_edit, "Information på kommunstyrelsens möte i Ovanåker")
        choose(d, "Ovanåker")
        d.attendance.total.setValue(25)
        d.attendance.org_spins[OrgCategory.KOMMUN].setValue(25)
        d.attendance.women.setValue(15)

    answer_dialog(monkeypatch, fill)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)

    (stored,) = store.reach.entries(insats.id, 2018)
    assert stored.reason == "Information på kommunstyrelsens möte i Ovanåker"
    assert stored.scope is Scope.KOMMUN and stored.in_total
    assert stored.attendance == Attendance.build(25, {OrgCategory.KOMMUN: 25}, women=15)
    assert cells(page.entries_model) == [
        ["Information på kommunstyrelsens möte i Ovanåker", "Ovanåker", "Ja", "25"]
    ]
    assert page.entries_view.currentIndex().row() == 0  # the new figure is selected
    assert figure(page, "nadda_personer", ACTIVITY_VOLUME) == "40"
    assert figure(page, "nadda_personer", REGISTERED_VOLUME) == "25"
    assert figure(page, "nadda_personer", REACH_TOTAL) == "65"
    assert figure(page, "nadda_kommun", "Ovanåker") == "25"
    assert figure(page, "nadda_kon", "Kvinnor") == "15"
    for key in ("nadda_kommun", "nadda_organisation", "nadda_roll", "nadda_kon"):
        assert figure(page, key, "Totalt") == "65", key
    assert page.findings_box.isHidden()


def test_kept_out_reach_is_shown_apart_and_never_in_a_total(
    qtbot: QtBot,
    page: ReachPage,
    store: Store,
    insats: Insats,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fill(d: ReachDialog) -> None:
        retype(qtbot, d.reason_edit, "Sociala företags-podden, lyssnare")
        choose(d, "Nationellt")
        d.in_total_check.setChecked(False)
        d.attendance.total.setValue(1200)

    answer_dialog(monkeypatch, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)

    assert cells(page.entries_model) == [
        ["Sociala företags-podden, lyssnare", "Nationellt", "Nej", "1\u00a0200"]
    ]
    assert figure(page, "nadda_utanfor_total", KEPT_OUT) == "1\u00a0200"
    assert figure(page, "nadda_personer", REACH_TOTAL) == "0"
    for key in ("nadda_kommun", "nadda_organisation", "nadda_roll", "nadda_kon"):
        assert figure(page, key, "Totalt") == "0", key
    assert page.notes["nadda_utanfor_total"].text().startswith("Räknas inte in i totalen")


def test_edit_a_figure(
    qtbot: QtBot,
    page: ReachPage,
    store: Store,
    insats: Insats,
    kommun_ids: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert insats.id is not None
    saved = store.reach.save(
        RegisteredReach(
            None,
            insats.id,
            2018,
            Scope.KOMMUN,
            kommun_ids["Gävle"],
            "Chefsforum",
            True,
            Attendance.build(10),
        )
    )
    page.reload()

    def fill(d: ReachDialog) -> None:
        assert d.windowTitle() == "Redigera registrerat antal"
        assert d.reason_edit.text() == "Chefsforum"
        assert d.where_combo.currentText() == "Gävle"
        assert d.attendance.total.value() == 10
        d.attendance.total.setValue(12)
        d.in_total_check.setChecked(False)

    answer_dialog(monkeypatch, fill)
    page.entries_view.setCurrentIndex(page.entries_model.index(0, 0))
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)

    assert saved.id is not None
    after = store.reach.get(saved.id)
    assert after.attendance.total == 12 and not after.in_total
    assert cells(page.entries_model) == [["Chefsforum", "Gävle", "Nej", "12"]]


def test_a_figure_without_reason_keeps_the_dialog_open(
    qtbot: QtBot, page: ReachPage, store: Store, insats: Insats, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert insats.id is not None

    def fill(d: ReachDialog) -> None:
        d.attendance.total.setValue(5)
        d.attendance.women.setValue(9)

    shown = answer_dialog(monkeypatch, fill)
    with qtbot.assertNotEmitted(page.changed):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)

    dialog = shown[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problems.text() == (
        "• Kvinnor och män (9) är fler än totalt antal deltagare (5).\n"
        "• Ange varför antalet registreras utanför aktiviteterna (t.ex. forum)."
    )
    assert store.reach.entries(insats.id, 2018) == []


def test_delete_asks_first(
    qtbot: QtBot, page: ReachPage, store: Store, insats: Insats, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert insats.id is not None
    store.reach.save(
        RegisteredReach(
            None, insats.id, 2018, Scope.NATIONELLT, None, "Podd", False, Attendance.build(0)
        )
    )
    page.reload()
    assert page.findings_label.text() == (
        "• Nådda personer 2018, Nationellt: Podd (hållet utanför totalen): "
        "Registrerat antal nådda är 0 – väntat minst 1 person, angivet 0."
    )
    assert not page.findings_box.isHidden()
    questions: list[str] = []
    answer = False

    def confirm(_parent: object, question: str) -> bool:
        questions.append(question)
        return answer

    monkeypatch.setattr(ReachPage, "confirm", staticmethod(confirm))
    page.entries_view.setCurrentIndex(page.entries_model.index(0, 0))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert questions == ["Ta bort ”Podd” (0 personer)?"]
    assert len(store.reach.entries(insats.id, 2018)) == 1

    answer = True
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert store.reach.entries(insats.id, 2018) == []
    assert page.entries_model.rowCount() == 0
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    assert page.findings_box.isHidden()


def test_unique_individuals_beside_the_volume(
    page: ReachPage, store: Store, insats: Insats, add_activity: MakeActivity
) -> None:
    assert insats.forbund_id is not None
    assert [r[0] for r in cells(page.models["nadda_utanfor_total"])] == [KEPT_OUT]
    anna = store.people.save(Person(None, insats.forbund_id, "Anna Åberg")).id
    assert anna is not None
    add_activity(day=date(2018, 3, 1), attendance=Attendance.build(12), participant_ids=(anna,))
    add_activity(day=date(2018, 4, 1), attendance=Attendance.build(8), participant_ids=(anna,))

    page.reload()

    assert cells(page.models["nadda_utanfor_total"]) == [[KEPT_OUT, "0"], [UNIQUE, "1"]]
    assert figure(page, "nadda_personer", ACTIVITY_VOLUME) == "20"


def test_models_pass_the_model_tester(
    page: ReachPage, store: Store, insats: Insats, qtmodeltester: ModelTester
) -> None:
    assert insats.id is not None
    for n, in_total in ((5, True), (300, False)):
        store.reach.save(
            RegisteredReach(
                None,
                insats.id,
                2018,
                Scope.LANSOVERGRIPANDE,
                None,
                f"Forum {n}",
                in_total,
                Attendance.build(n),
            )
        )
    page.reload()

    qtmodeltester.check(page.entries_model)
    for model in page.models.values():
        qtmodeltester.check(model)


def test_another_year_shows_its_own_figures(page: ReachPage, store: Store, insats: Insats) -> None:
    assert insats.id is not None
    store.reach.save(
        RegisteredReach(
            None, insats.id, 2019, Scope.NATIONELLT, None, "Mässa", True, Attendance.build(7)
        )
    )
    page.reload()
    assert page.entries_model.rowCount() == 0

    page.set_context(insats, 2019)

    assert page.heading.text().startswith("Nådda personer 2019")
    assert cells(page.entries_model) == [["Mässa", "Nationellt", "Ja", "7"]]
    assert figure(page, "nadda_personer", REACH_TOTAL) == "7"
    assert page.models["nadda_personer"].headerData(1, Qt.Orientation.Horizontal) == "2019"
