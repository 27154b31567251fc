"""The activity dialog's clock times: Från/Till for the activity, a time for each step."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.core.entities import Activity, Insats, Step
from app.core.errors import ValidationError
from app.store.database import Store
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from tests.ui.keyboard import retype


@pytest.fixture
def choices(store: Store, insats: Insats) -> ActivityChoices:
    assert insats.id is not None and insats.forbund_id is not None
    return ActivityChoices(
        insats.id,
        tuple(store.reference.activity_types()),
        tuple(store.reference.kommuner(insats.forbund_id)),
        tuple(store.reference.organisations(insats.forbund_id)),
    )


def _dialog(qtbot: QtBot, choices: ActivityChoices, activity: Activity | None = None):
    d = ActivityDialog(choices, activity)
    qtbot.addWidget(d)
    d.show()
    return d


def test_times_typed_are_saved_and_shown_again(
    qtbot: QtBot, store: Store, choices: ActivityChoices
) -> None:
    d = _dialog(qtbot, choices)
    retype(qtbot, d.title_edit, "Frukostmöte")
    d.start_edit.setDate(QDate(2018, 3, 14))
    retype(qtbot, d.times.start_edit, "09.00")
    retype(qtbot, d.times.end_edit, "11:30")
    stored = store.activities.add(d.activity())
    assert (stored.start_time, stored.end_time) == (time(9), time(11, 30))

    again = _dialog(qtbot, choices, stored)
    assert (again.times.start_edit.text(), again.times.end_edit.text()) == ("9.00", "11.30")
    assert again.activity() == stored


def test_bad_times_are_told_in_swedish(qtbot: QtBot, choices: ActivityChoices) -> None:
    d = _dialog(qtbot, choices)
    retype(qtbot, d.title_edit, "Frukostmöte")
    retype(qtbot, d.times.start_edit, "halv tio")
    with pytest.raises(ValidationError) as info:
        d.activity()
    assert (
        "Från: Klockslaget ”halv tio” kan inte läsas; skriv till exempel 9.00–11.30."
        in info.value.problems
    )
    retype(qtbot, d.times.start_edit, "")
    retype(qtbot, d.times.end_edit, "12")
    d.accept()
    assert d.problems.isVisibleTo(d)
    assert "Ange en starttid när en sluttid är angiven (sluttid kl. 12.00)." in d.problems.text()
    retype(qtbot, d.times.start_edit, "13")
    d.accept()
    assert "Sluttiden (kl. 12.00) måste vara efter starttiden (kl. 13.00)." in d.problems.text()


def test_each_step_gets_its_date_and_times(
    qtbot: QtBot, store: Store, choices: ActivityChoices
) -> None:
    d = _dialog(qtbot, choices)
    retype(qtbot, d.title_edit, "Processutbildning")
    d.start_edit.setDate(QDate(2018, 1, 17))
    d.in_steps.setChecked(True)
    assert not d.times.isVisibleTo(d)  # each step has its own times
    for day, times in ((QDate(2018, 2, 14), "9-11.30"), (QDate(2018, 3, 14), "")):
        d.step_date_edit.setDate(day)
        retype(qtbot, d.step_times_edit, times)
        d.add_step.click()
    # The first step (the start date) gets its time by being added again.
    d.step_date_edit.setDate(QDate(2018, 1, 17))
    retype(qtbot, d.step_times_edit, "kl. 13.15–16")
    d.add_step.click()
    assert [d.steps_list.item(i).text() for i in range(d.steps_list.count())] == [
        "Steg 1: 2018-01-17, kl. 13.15–16.00",
        "Steg 2: 2018-02-14, kl. 9.00–11.30",
        "Steg 3: 2018-03-14",
    ]
    stored = store.activities.add(d.activity())
    assert stored.timed_steps == (
        Step(date(2018, 1, 17), time(13, 15), time(16)),
        Step(date(2018, 2, 14), time(9), time(11, 30)),
        Step(date(2018, 3, 14)),
    )
    again = _dialog(qtbot, choices, stored)
    assert again.steps_list.count() == 3
    assert again.activity() == stored


def test_a_step_time_that_cannot_be_read_adds_no_step(
    qtbot: QtBot, choices: ActivityChoices
) -> None:
    d = _dialog(qtbot, choices)
    d.in_steps.setChecked(True)
    d.step_date_edit.setDate(QDate(2018, 5, 2))
    retype(qtbot, d.step_times_edit, "11–9")
    d.add_step.click()
    problem = d.findChild(type(d.problems), "stepProblem")
    assert problem is not None and problem.isVisibleTo(d)
    assert problem.text() == "Sluttiden (kl. 9.00) måste vara efter starttiden (kl. 11.00)."
    assert d.steps_list.count() == 1
