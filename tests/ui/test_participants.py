"""Naming participants in the activity dialog, driven through the real widgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Activity, Insats
from app.core.people import Person
from app.store.database import Store
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from app.ui.participants_editor import MatchModel, ParticipantsEditor, StorePeople
from app.ui.person_dialog import PersonDialog
from tests.conftest import MakeActivity
from tests.ui.keyboard import retype

# The offscreen platform cannot raise the matches' popup or give it the keyboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def forbund_id(insats: Insats) -> int:
    assert insats.forbund_id is not None
    return insats.forbund_id


@pytest.fixture
def people(store: Store, forbund_id: int, org_ids: dict[str, int]) -> dict[str, Person]:
    stored = [
        store.people.save(
            Person(None, forbund_id, "Anna Ärlig", org_ids["Arbetsförmedlingen"], "anna@af.se")
        ),
        store.people.save(Person(None, forbund_id, "Lars Östlund", None, "lars@gavle.se")),
        store.people.save(Person(None, forbund_id, "Karin Larsson", None, "")),
    ]
    return {p.name: p for p in stored}


@pytest.fixture
def choices(store: Store, insats: Insats, forbund_id: int) -> ActivityChoices:
    assert insats.id is not None
    return ActivityChoices(
        insats.id,
        tuple(store.reference.activity_types()),
        tuple(store.reference.kommuner(forbund_id)),
        tuple(store.reference.organisations(forbund_id)),
        people=StorePeople(store, forbund_id),
    )


def open_dialog(
    qtbot: QtBot, choices: ActivityChoices, activity: Activity | None = None
) -> ActivityDialog:
    dialog = ActivityDialog(choices, activity, date(2018, 5, 16))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def editor_of(dialog: ActivityDialog) -> ParticipantsEditor:
    assert dialog.participants is not None and dialog.participants_section is not None
    return dialog.participants


def open_section(qtbot: QtBot, dialog: ActivityDialog) -> ParticipantsEditor:
    section = dialog.participants_section
    assert section is not None
    if not section.is_open():
        qtbot.mouseClick(section.toggle, Qt.MouseButton.LeftButton)
    assert section.editor.isVisible()
    return section.editor


def chosen_cells(editor: ParticipantsEditor) -> list[list[str]]:
    m = editor.chosen
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def popup_lines(editor: ParticipantsEditor) -> list[str]:
    popup = editor.completer.popup()
    assert popup is not None
    if not popup.isVisible():
        return []
    m = popup.model()
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


def click_save(qtbot: QtBot, dialog: ActivityDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def fill_activity(qtbot: QtBot, dialog: ActivityDialog, total: int) -> None:
    retype(qtbot, dialog.title_edit, "Frukostmöte om ASF")
    dialog.start_edit.setDate(QDate(2018, 5, 16))
    dialog.where_combo.setCurrentText("Hofors")
    dialog.attendance.total.setValue(total)


def test_a_participant_found_by_typing_is_stored_with_the_activity(
    qtbot: QtBot, store: Store, choices: ActivityChoices, people: dict[str, Person]
) -> None:
    dialog = open_dialog(qtbot, choices)
    section = dialog.participants_section
    assert section is not None
    assert section.toggle.text() == "Namngivna deltagare (valfritt)"
    assert not section.editor.isVisible()  # counts alone are the normal way
    fill_activity(qtbot, dialog, 12)
    editor = open_section(qtbot, dialog)

    retype(qtbot, editor.search_edit, "ärl")
    assert popup_lines(editor) == ["Anna Ärlig  –  Arbetsförmedlingen, anna@af.se"]
    popup = editor.completer.popup()
    assert popup is not None and popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert chosen_cells(editor) == [["Anna Ärlig", "Arbetsförmedlingen", "anna@af.se"]]
    assert editor.search_edit.text() == ""
    assert section.toggle.text() == "Namngivna deltagare (valfritt): 1 namn"
    assert dialog.isVisible()  # choosing a match did not save the dialog

    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_activity is not None
    stored = store.activities.add(dialog.result_activity)
    assert stored.participant_ids == (people["Anna Ärlig"].id,)
    assert stored.attendance.total == 12  # the name did not change the count
    assert store.activities.get(stored.id or 0).participant_ids == (people["Anna Ärlig"].id,)


def test_enter_in_the_search_field_picks_the_best_match_not_save(
    qtbot: QtBot, choices: ActivityChoices, people: dict[str, Person]
) -> None:
    dialog = open_dialog(qtbot, choices)
    fill_activity(qtbot, dialog, 5)
    editor = open_section(qtbot, dialog)

    retype(qtbot, editor.search_edit, "lars")
    assert popup_lines(editor) == [
        "Lars Östlund  –  lars@gavle.se",
        "Karin Larsson",
    ]
    qtbot.keyClick(editor.search_edit, Qt.Key.Key_Return)
    assert [row[0] for row in chosen_cells(editor)] == ["Lars Östlund"]
    assert dialog.isVisible()

    # A chosen person is not offered again.
    retype(qtbot, editor.search_edit, "lars")
    assert popup_lines(editor) == ["Karin Larsson"]
    qtbot.keyClick(editor.search_edit, Qt.Key.Key_Return)
    assert editor.participant_ids() == (
        people["Lars Östlund"].id,
        people["Karin Larsson"].id,
    )

    retype(qtbot, editor.search_edit, "zzz")
    assert popup_lines(editor) == []
    assert editor.no_match.isVisible()
    assert editor.no_match.text() == "Ingen träff på ”zzz”. Registrera personen med ”Ny person…”."
    qtbot.keyClick(editor.search_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert len(editor.participant_ids()) == 2


def answer_person_dialog(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[PersonDialog], None]
) -> list[PersonDialog]:
    """Replace the person dialog's exec: the real dialog, filled in, then Spara."""
    shown: list[PersonDialog] = []

    def exec_(self: PersonDialog) -> int:
        shown.append(self)
        fill(self)
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(PersonDialog, "exec", exec_)
    return shown


def test_new_person_is_registered_and_named_in_the_activity(
    qtbot: QtBot,
    store: Store,
    choices: ActivityChoices,
    forbund_id: int,
    monkeypatch: pytest.MonkeyPatch,
    people: dict[str, Person],
) -> None:
    def fill(d: PersonDialog) -> None:
        assert d.windowTitle() == "Ny person – Insatslogg"
        assert d.name_edit.text() == "Örjan Nilsson"  # what was typed in the search field
        d.org_combo.setCurrentText("Region Gävleborg")
        retype(qtbot, d.email_edit, "orjan@regiongavleborg.se")

    shown = answer_person_dialog(monkeypatch, fill)
    dialog = open_dialog(qtbot, choices)
    fill_activity(qtbot, dialog, 3)
    editor = open_section(qtbot, dialog)
    retype(qtbot, editor.search_edit, "Örjan Nilsson")
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1
    assert chosen_cells(editor) == [
        ["Örjan Nilsson", "Region Gävleborg", "orjan@regiongavleborg.se"]
    ]
    found = store.people.search(forbund_id, "örjan")
    assert [(p.name, p.email) for p in found] == [("Örjan Nilsson", "orjan@regiongavleborg.se")]

    click_save(qtbot, dialog)
    assert dialog.result_activity is not None
    assert dialog.result_activity.participant_ids == (found[0].id,)


def test_person_dialog_refuses_a_bad_email_and_stays_open(
    qtbot: QtBot, store: Store, forbund_id: int
) -> None:
    dialog = PersonDialog(
        Person(None, forbund_id, ""),
        store.reference.organisations(forbund_id),
        store.people.save,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog.email_edit, "inte en adress")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text().splitlines()[0] == "• Ange personens namn."
    assert store.people.all(forbund_id) == []


def test_editing_shows_the_named_participants_and_remove_takes_one_away(
    qtbot: QtBot,
    store: Store,
    choices: ActivityChoices,
    add_activity: MakeActivity,
    people: dict[str, Person],
) -> None:
    anna, lars = people["Anna Ärlig"].id, people["Lars Östlund"].id
    assert anna is not None and lars is not None
    activity = add_activity(attendance=Attendance.build(8), participant_ids=(anna, lars))
    dialog = open_dialog(qtbot, choices, activity)
    section = dialog.participants_section
    assert section is not None and section.is_open()
    assert section.toggle.text() == "Namngivna deltagare (valfritt): 2 namn"
    editor = editor_of(dialog)
    assert [row[0] for row in chosen_cells(editor)] == ["Anna Ärlig", "Lars Östlund"]
    assert not editor.remove_button.isEnabled()

    editor.chosen_view.selectRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert [row[0] for row in chosen_cells(editor)] == ["Lars Östlund"]
    assert section.toggle.text() == "Namngivna deltagare (valfritt): 1 namn"

    click_save(qtbot, dialog)
    assert dialog.result_activity is not None
    updated = store.activities.update(dialog.result_activity)
    assert updated.participant_ids == (lars,)
    assert updated.attendance.total == 8


def test_more_names_than_the_total_keeps_the_dialog_open(
    qtbot: QtBot, choices: ActivityChoices, people: dict[str, Person]
) -> None:
    dialog = open_dialog(qtbot, choices)
    fill_activity(qtbot, dialog, 1)
    editor = open_section(qtbot, dialog)
    for name in ("Anna Ärlig", "Lars Östlund"):
        editor.add_person(people[name])
    click_save(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Fler namngivna deltagare (2) än totalt antal deltagare (1)." in dialog.problems.text()


def test_without_people_the_dialog_keeps_the_names_it_was_given(
    qtbot: QtBot,
    choices: ActivityChoices,
    add_activity: MakeActivity,
    people: dict[str, Person],
) -> None:
    anna = people["Anna Ärlig"].id
    assert anna is not None
    activity = add_activity(attendance=Attendance.build(4), participant_ids=(anna,))
    plain = ActivityChoices(
        choices.insats_id, choices.types, choices.kommuner, choices.organisations
    )
    dialog = open_dialog(qtbot, plain, activity)
    assert dialog.participants is None and dialog.participants_section is None
    assert dialog.activity().participant_ids == (anna,)


def test_the_models_pass_the_model_tester(
    qtbot: QtBot,
    choices: ActivityChoices,
    people: dict[str, Person],
    qtmodeltester: ModelTester,
) -> None:
    dialog = open_dialog(qtbot, choices)
    editor = open_section(qtbot, dialog)
    for p in people.values():
        editor.add_person(p)
    qtmodeltester.check(editor.chosen)
    assert editor.chosen.headerData(1, Qt.Orientation.Horizontal) == "Organisation"
    matches = MatchModel(choices.organisations)
    matches.set_people(list(people.values()))
    qtmodeltester.check(matches)
