"""The page "Årsplan" driven as a user would: the goal list, the follow-up, the store."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.vocabulary import Status
from app.core.year_plan import PlanGoal
from app.store.database import Store
from app.ui.year_plan_page import YearPlanPage
from tests.conftest import MakeActivity
from tests.ui.keyboard import retype


@pytest.fixture
def insats_id(insats: Insats) -> int:
    assert insats.id is not None
    return insats.id


@pytest.fixture
def page(qtbot: QtBot, store: Store, insats: Insats) -> YearPlanPage:
    p = YearPlanPage(store)
    qtbot.addWidget(p)
    p.today = lambda: date(2018, 6, 15)
    p.resize(1300, 850)
    p.set_context(insats, 2018)
    p.show()
    return p


def goals(store: Store, insats_id: int, year: int = 2018) -> list[str]:
    return [g.text for g in store.plan.goals(insats_id, year)]


def type_new_goal(qtbot: QtBot, page: YearPlanPage, text: str) -> None:
    """Click "Lägg till", type into the cell editor that opens, press Enter."""
    qtbot.mouseClick(page.goals_editor.add_button, Qt.MouseButton.LeftButton)
    view = page.goals_editor.view
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit)
    retype(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The view commits and closes the editor on its next turn of the event loop.
    qtbot.waitUntil(lambda: view.indexWidget(view.currentIndex()) is None)


def shown_goals(page: YearPlanPage) -> list[str]:
    model = page.goals_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def followup(page: YearPlanPage) -> list[list[str]]:
    model = page.followup_model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def listed(page: YearPlanPage) -> list[tuple[str, str, str]]:
    model = page.activities_model
    return [
        (model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 3).data())
        for r in range(model.rowCount())
    ]


def test_goals_typed_in_are_saved_at_once(
    qtbot: QtBot, page: YearPlanPage, store: Store, insats_id: int
) -> None:
    assert page.heading.text().startswith("Årsplan 2018")
    with qtbot.waitSignal(page.changed):
        type_new_goal(qtbot, page, "Informera kommunernas chefer")
    type_new_goal(qtbot, page, "Utbilda förtroendevalda")

    assert goals(store, insats_id) == ["Informera kommunernas chefer", "Utbilda förtroendevalda"]
    assert page.goals_status.text() == "Sparat."
    assert all(g.id is not None for g in page.goals_model.goals())
    assert [row[0] for row in followup(page)] == [
        "Informera kommunernas chefer",
        "Utbilda förtroendevalda",
        "Utan mål",
        "Totalt",
    ]
    assert page.findings_label.text().count("Mål i årsplanen utan aktiviteter") == 2

    # Rename the first goal and move the second up: the same goals, kept by id.
    before = store.plan.goals(insats_id, 2018)
    page.goals_model.setData(page.goals_model.index(0, 0), "Informera chefer och tjänstepersoner")
    page.goals_editor.select_row(1)
    qtbot.mouseClick(page.goals_editor.up_button, Qt.MouseButton.LeftButton)

    after = store.plan.goals(insats_id, 2018)
    assert [(g.id, g.text) for g in after] == [
        (before[1].id, "Utbilda förtroendevalda"),
        (before[0].id, "Informera chefer och tjänstepersoner"),
    ]
    assert shown_goals(page) == [g.text for g in after]


def test_an_empty_row_waits_and_a_duplicate_is_refused(
    qtbot: QtBot, page: YearPlanPage, store: Store, insats_id: int
) -> None:
    type_new_goal(qtbot, page, "Informera")
    qtbot.mouseClick(page.goals_editor.add_button, Qt.MouseButton.LeftButton)
    page.goals_editor.commit_pending()

    assert page.goals_status.text() == ("Skriv målets text – listan sparas när alla mål har text.")
    assert goals(store, insats_id) == ["Informera"]

    with qtbot.assertNotEmitted(page.changed):
        page.goals_model.setData(page.goals_model.index(1, 0), "informera")
    assert page.goals_status.text() == "Inte sparat."
    assert page.goals_error.text() == "Målet ”informera” finns två gånger."
    assert not page.goals_error.isHidden()
    assert goals(store, insats_id) == ["Informera"]

    page.goals_model.setData(page.goals_model.index(1, 0), "Utbilda")
    assert page.goals_error.isHidden()
    assert goals(store, insats_id) == ["Informera", "Utbilda"]


def test_followup_and_activities_per_goal(
    qtbot: QtBot, page: YearPlanPage, store: Store, insats: Insats, add_activity: MakeActivity
) -> None:
    assert insats.id is not None
    info, politics = store.plan.save_goals(
        insats.id,
        2018,
        [PlanGoal(None, 0, 0, "Informera"), PlanGoal(None, 0, 0, "Utbilda politiker")],
    )
    add_activity(
        day=date(2018, 2, 8),
        goal_id=info.id,
        attendance=Attendance.build(34),
        title="Frukostmöte i Ockelbo",
    )
    add_activity(
        day=date(2018, 5, 3), status=Status.PLANERAD, goal_id=info.id, title="Möte i Hofors"
    )
    add_activity(
        day=date(2018, 4, 10), status=Status.INSTALLD, goal_id=politics.id, title="Utbildning"
    )
    add_activity(day=date(2018, 6, 1), attendance=Attendance.build(9), title="Studiebesök")

    page.set_context(insats, 2018)

    assert followup(page) == [
        ["Informera", "2", "1", "1", "0", "34"],
        ["Utbilda politiker", "1", "0", "0", "1", "0"],
        ["Utan mål", "1", "1", "0", "0", "9"],
        ["Totalt", "4", "2", "1", "1", "43"],
    ]
    assert page.activities_box.title() == "Aktiviteter under målet: Informera (2)"
    assert listed(page) == [
        ("2018-02-08", "Frukostmöte i Ockelbo", "Genomförd"),
        ("2018-05-03", "Möte i Hofors", "Planerad"),
    ]
    # Picking a row of the follow-up, or a goal in the list, shows its activities.
    page.followup_view.setCurrentIndex(page.followup_model.index(2, 0))
    assert page.activities_box.title() == "Aktiviteter utan mål (1)"
    assert listed(page) == [("2018-06-01", "Studiebesök", "Genomförd")]
    page.followup_view.setCurrentIndex(page.followup_model.index(3, 0))
    assert page.activities_box.title() == "Alla aktiviteter i årsplanen (4)"
    page.goals_editor.select_row(1)
    assert page.activities_box.title() == "Aktiviteter under målet: Utbilda politiker (1)"
    assert listed(page) == [("2018-04-10", "Utbildning", "Inställd")]

    assert page.findings_label.text() == (
        "• Årsplan 2018, Informera: Möte i Hofors (2018-05-03): Planerad aktivitet vars "
        "datum har passerat – väntat genomförd eller inställd, angivet planerad."
    )


def test_removing_a_goal_with_activities_asks_and_keeps_them(
    qtbot: QtBot,
    page: YearPlanPage,
    store: Store,
    insats: Insats,
    add_activity: MakeActivity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert insats.id is not None
    info, _ = store.plan.save_goals(
        insats.id, 2018, [PlanGoal(None, 0, 0, "Informera"), PlanGoal(None, 0, 0, "Tomt")]
    )
    held = add_activity(day=date(2018, 2, 8), goal_id=info.id, attendance=Attendance.build(5))
    page.set_context(insats, 2018)
    questions: list[str] = []
    answer = False

    def confirm(_parent: object, question: str) -> bool:
        questions.append(question)
        return answer

    monkeypatch.setattr(YearPlanPage, "confirm", staticmethod(confirm))

    page.goals_editor.select_row(0)
    qtbot.mouseClick(page.goals_editor.remove_button, Qt.MouseButton.LeftButton)
    assert questions == [
        "Målet ”Informera” har 1 aktivitet. De ligger kvar, men utan mål. Ta bort målet?"
    ]
    assert goals(store, insats.id) == ["Informera", "Tomt"]
    assert shown_goals(page) == ["Informera", "Tomt"]

    answer = True
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.goals_editor.remove_button, Qt.MouseButton.LeftButton)
    assert goals(store, insats.id) == ["Tomt"]
    assert held.id is not None
    assert store.activities.get(held.id).goal_id is None
    assert followup(page)[1] == ["Utan mål", "1", "1", "0", "0", "5"]

    # A goal without activities goes without a question.
    page.goals_editor.select_row(0)
    qtbot.mouseClick(page.goals_editor.remove_button, Qt.MouseButton.LeftButton)
    assert len(questions) == 2
    assert goals(store, insats.id) == []


def test_each_year_has_its_own_plan(
    qtbot: QtBot, page: YearPlanPage, store: Store, insats: Insats
) -> None:
    assert insats.id is not None
    store.plan.save_goals(insats.id, 2019, [PlanGoal(None, 0, 0, "Fördjupa")])
    assert shown_goals(page) == []

    page.set_context(insats, 2019)
    assert shown_goals(page) == ["Fördjupa"]
    assert page.heading.text().startswith("Årsplan 2019")
    type_new_goal(qtbot, page, "Sprida goda exempel")

    assert goals(store, insats.id, 2019) == ["Fördjupa", "Sprida goda exempel"]
    assert goals(store, insats.id, 2018) == []


def test_models_pass_the_model_tester(
    page: YearPlanPage,
    store: Store,
    insats: Insats,
    add_activity: MakeActivity,
    qtmodeltester: ModelTester,
) -> None:
    assert insats.id is not None
    (goal,) = store.plan.save_goals(insats.id, 2018, [PlanGoal(None, 0, 0, "Informera")])
    add_activity(day=date(2018, 2, 8), goal_id=goal.id, attendance=Attendance.build(5))
    page.set_context(insats, 2018)

    qtmodeltester.check(page.goals_model)
    qtmodeltester.check(page.followup_model)
    qtmodeltester.check(page.activities_model)
