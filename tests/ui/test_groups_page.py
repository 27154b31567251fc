"""The Samverkansgrupper page and dialog, driven against a real database.

The groups follow the Gävleborg final report: formed 2017 in Bollnäs, Söderhamn,
Nordanstig, Hofors, Gävle and Hudiksvall; Hofors and Gävle went vilande when
Arbetsförmedlingen's local offices closed, the other four carried on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QMessageBox,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Activity, Insats
from app.core.groups import Group, GroupMember, GroupStatusChange
from app.core.vocabulary import GroupStatus, Role, Status
from app.store.database import Store
from app.ui.group_dialog import GroupDialog
from app.ui.group_lists import MemberListModel, StatusHistoryModel
from app.ui.groups_models import ACTIVE_BACKGROUND, RESTING_BACKGROUND
from app.ui.groups_page import GroupsPage
from app.ui.list_editor import ListEditor
from app.ui.overview_widget import OverviewWidget
from tests.ui.keyboard import retype

AF_CLOSED = "Arbetsförmedlingens lokalkontor stängde"
A, V = GroupStatus.AKTIV, GroupStatus.VILANDE
GAVLEBORG: list[tuple[str, date, list[tuple[date, GroupStatus, str]]]] = [
    ("Bollnäs", date(2017, 3, 1), [(date(2017, 5, 10), A, "")]),
    ("Söderhamn", date(2017, 4, 5), [(date(2017, 9, 1), A, "")]),
    ("Nordanstig", date(2017, 4, 20), [(date(2017, 6, 1), A, "")]),
    ("Hofors", date(2017, 5, 15), [(date(2017, 9, 20), A, ""), (date(2018, 12, 17), V, AF_CLOSED)]),
    ("Gävle", date(2017, 10, 3), [(date(2018, 2, 1), A, ""), (date(2019, 1, 1), V, AF_CLOSED)]),
    ("Hudiksvall", date(2017, 11, 8), [(date(2018, 1, 15), A, "")]),
]


# --- helpers ------------------------------------------------------------------------------


def headers(model: QAbstractItemModel) -> list[str]:
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def rows(model: QAbstractItemModel) -> list[dict[str, str]]:
    """Every row as the user reads it: header → cell text."""
    cols = headers(model)
    return [
        {cols[c]: model.data(model.index(r, c)) for c in range(model.columnCount())}
        for r in range(model.rowCount())
    ]


def grid_cell(page: GroupsPage, kommun: str, year: str, role: int = 0) -> Any:
    model = page.grid_model
    col = headers(model).index(year)
    for r in range(model.rowCount()):
        if model.data(model.index(r, 0)) == kommun:
            return model.data(model.index(r, col), role or Qt.ItemDataRole.DisplayRole)
    raise AssertionError(f"{kommun} not in the grid")


def edit_cell(editor: ListEditor, row: int, column: int, set_value: Callable[[Any], None]) -> None:
    """Open the cell's editor as a double-click would, set it, and commit it."""
    view = editor.view
    index = editor.model.index(row, column)
    view.setCurrentIndex(index)
    if view.indexWidget(index) is None:  # "Lägg till" opens the new row's first cell itself
        view.edit(index)
    widget = view.indexWidget(index)
    assert widget is not None, "no editor opened"
    set_value(widget)
    editor.commit_pending()


def choose(text: str) -> Callable[[QComboBox], None]:
    def set_value(combo: QComboBox) -> None:
        at = combo.findText(text)
        assert at >= 0, f"{text} not offered"
        combo.setCurrentIndex(at)

    return set_value


def add_gavleborg_groups(
    store: Store, insats: Insats, kommun_ids: dict[str, int], org_ids: dict[str, int]
) -> dict[str, Group]:
    assert insats.id is not None
    saved = {}
    for kommun, formed, changes in GAVLEBORG:
        saved[kommun] = store.groups.save(
            Group(
                id=None,
                insats_id=insats.id,
                kommun_id=kommun_ids[kommun],
                name=f"Samverkansgrupp ASF {kommun}",
                formed=formed,
                statuses=tuple(GroupStatusChange(d, s, n) for d, s, n in changes),
                members=(
                    GroupMember(None, org_ids["Arbetsförmedlingen"], Role.TJANSTEPERSON),
                    GroupMember(None, None, Role.ASF_FORETRADARE, "Per Sund"),
                ),
            )
        )
    return saved


@pytest.fixture
def groups(
    store: Store, insats: Insats, kommun_ids: dict[str, int], org_ids: dict[str, int]
) -> dict[str, Group]:
    return add_gavleborg_groups(store, insats, kommun_ids, org_ids)


@pytest.fixture
def page(qtbot: QtBot, store: Store, insats: Insats) -> GroupsPage:
    p = GroupsPage(store)
    qtbot.addWidget(p)
    p.resize(1200, 760)
    p.set_context(insats, 2019)
    p.show()
    return p


def open_dialog(qtbot: QtBot, store: Store, insats: Insats, group: Group | None) -> GroupDialog:
    dialog = GroupDialog(store, insats, group)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def click_save(qtbot: QtBot, dialog: GroupDialog) -> None:
    assert dialog.ok_button.text() == "Spara"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


# --- the dialog ---------------------------------------------------------------------------


def fill_new_hofors_group(qtbot: QtBot, dialog: GroupDialog) -> None:
    retype(qtbot, dialog.name_edit, "Samverkansgrupp ASF Hofors")
    dialog.kommun_combo.setCurrentIndex(dialog.kommun_combo.findText("Hofors"))
    qtbot.mouseClick(dialog.formed_check, Qt.MouseButton.LeftButton)
    dialog.formed_edit.setDate(QDate(2017, 5, 15))
    retype(qtbot, dialog.notes_edit, "Kommunen, Arbetsförmedlingen och två ASF.")

    statuses = dialog.status_editor
    for day, status, note in (
        (QDate(2017, 9, 20), "Aktiv", "Första mötet"),
        (QDate(2018, 12, 17), "Vilande", AF_CLOSED),
    ):
        qtbot.mouseClick(statuses.add_button, Qt.MouseButton.LeftButton)
        row = statuses.current_row()
        edit_cell(statuses, row, StatusHistoryModel.DAY, lambda w, d=day: w.setDate(d))
        edit_cell(statuses, row, StatusHistoryModel.STATUS, choose(status))
        edit_cell(statuses, row, StatusHistoryModel.NOTE, lambda w, n=note: retype(qtbot, w, n))

    members = dialog.member_editor
    for org, role, name in (
        ("Arbetsförmedlingen", "Tjänsteperson/medarbetare", "Eva Lind"),
        ("(ingen)", "ASF-företrädare", "Åsa Öberg"),
    ):
        qtbot.mouseClick(members.add_button, Qt.MouseButton.LeftButton)
        row = members.current_row()
        edit_cell(members, row, MemberListModel.ORGANISATION, choose(org))
        edit_cell(members, row, MemberListModel.ROLE, choose(role))
        edit_cell(members, row, MemberListModel.NAME, lambda w, n=name: retype(qtbot, w, n))


def test_a_new_group_is_entered_in_the_dialog_and_stored(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    kommun_ids: dict[str, int],
    org_ids: dict[str, int],
    qtmodeltester: ModelTester,
) -> None:
    dialog = open_dialog(qtbot, store, insats, None)
    assert dialog.windowTitle() == "Ny samverkansgrupp – Insatslogg"
    assert not dialog.formed_edit.isEnabled()
    fill_new_hofors_group(qtbot, dialog)
    assert dialog.formed_edit.isEnabled()

    # What the user sees in the two tables before saving.
    assert rows(dialog.status_model) == [
        {"Datum": "2017-09-20", "Status": "Aktiv", "Anteckning": "Första mötet"},
        {"Datum": "2018-12-17", "Status": "Vilande", "Anteckning": AF_CLOSED},
    ]
    assert rows(dialog.member_model) == [
        {
            "Organisation": "Arbetsförmedlingen",
            "Roll": "Tjänsteperson/medarbetare",
            "Namn (valfritt)": "Eva Lind",
        },
        {"Organisation": "(ingen)", "Roll": "ASF-företrädare", "Namn (valfritt)": "Åsa Öberg"},
    ]
    qtmodeltester.check(dialog.status_model)
    qtmodeltester.check(dialog.member_model)

    with qtbot.waitSignal(dialog.accepted):
        click_save(qtbot, dialog)

    assert insats.id is not None
    (stored,) = store.groups.list(insats.id)
    assert dialog.result_group == stored
    assert stored.name == "Samverkansgrupp ASF Hofors"
    assert stored.kommun_id == kommun_ids["Hofors"]
    assert stored.formed == date(2017, 5, 15)
    assert stored.notes == "Kommunen, Arbetsförmedlingen och två ASF."
    assert [(c.day, c.status, c.note) for c in stored.statuses] == [
        (date(2017, 9, 20), GroupStatus.AKTIV, "Första mötet"),
        (date(2018, 12, 17), GroupStatus.VILANDE, AF_CLOSED),
    ]
    assert [(m.organisation_id, m.role, m.name) for m in stored.members] == [
        (org_ids["Arbetsförmedlingen"], Role.TJANSTEPERSON, "Eva Lind"),
        (None, Role.ASF_FORETRADARE, "Åsa Öberg"),
    ]


def test_problems_are_shown_in_swedish_and_the_dialog_stays_open(
    qtbot: QtBot, store: Store, insats: Insats
) -> None:
    dialog = open_dialog(qtbot, store, insats, None)
    qtbot.mouseClick(dialog.formed_check, Qt.MouseButton.LeftButton)
    dialog.formed_edit.setDate(QDate(2017, 5, 15))
    statuses = dialog.status_editor
    for _ in range(2):
        qtbot.mouseClick(statuses.add_button, Qt.MouseButton.LeftButton)
        edit_cell(
            statuses,
            statuses.current_row(),
            StatusHistoryModel.DAY,
            lambda w: w.setDate(QDate(2017, 1, 10)),
        )

    with qtbot.assertNotEmitted(dialog.accepted):
        click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert not dialog.error_label.isHidden()
    assert dialog.error_label.text() == "\n".join(
        [
            "• Ange gruppens namn.",
            "• Välj vilken kommun gruppen finns i.",
            "• Statusen aktiv 2017-01-10 är före datumet då gruppen bildades (2017-05-15).",
            "• Två statusändringar samma dag (2017-01-10). Ange bara en status per datum.",
        ]
    )
    assert insats.id is not None
    assert store.groups.list(insats.id) == []

    # Put it right: the dialog saves and closes.
    retype(qtbot, dialog.name_edit, "Samverkansgrupp Söderhamn")
    dialog.kommun_combo.setCurrentIndex(dialog.kommun_combo.findText("Söderhamn"))
    statuses.select_row(1)
    qtbot.mouseClick(statuses.remove_button, Qt.MouseButton.LeftButton)
    edit_cell(statuses, 0, StatusHistoryModel.DAY, lambda w: w.setDate(QDate(2017, 9, 1)))
    click_save(qtbot, dialog)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [g.name for g in store.groups.list(insats.id)] == ["Samverkansgrupp Söderhamn"]


def test_editing_shows_the_group_and_keeps_what_is_not_changed(
    qtbot: QtBot, store: Store, insats: Insats, groups: dict[str, Group]
) -> None:
    gavle = groups["Gävle"]
    dialog = open_dialog(qtbot, store, insats, gavle)
    assert dialog.windowTitle() == "Redigera samverkansgrupp – Insatslogg"
    assert dialog.name_edit.text() == "Samverkansgrupp ASF Gävle"
    assert dialog.kommun_combo.currentText() == "Gävle"
    assert dialog.formed_check.isChecked()
    assert dialog.formed_edit.date() == QDate(2017, 10, 3)
    assert [r["Status"] for r in rows(dialog.status_model)] == ["Aktiv", "Vilande"]

    # Gävle's group starts again in 2020.
    statuses = dialog.status_editor
    statuses.select_row(1)
    qtbot.mouseClick(statuses.add_button, Qt.MouseButton.LeftButton)
    row = statuses.current_row()
    edit_cell(statuses, row, StatusHistoryModel.DAY, lambda w: w.setDate(QDate(2020, 3, 2)))
    edit_cell(statuses, row, StatusHistoryModel.STATUS, choose("Aktiv"))
    edit_cell(
        statuses,
        row,
        StatusHistoryModel.NOTE,
        lambda w: retype(qtbot, w, "Ny kontaktperson på Arbetsförmedlingen"),
    )
    click_save(qtbot, dialog)

    assert gavle.id is not None
    stored = store.groups.get(gavle.id)
    assert [(c.day, c.status) for c in stored.statuses] == [
        (date(2018, 2, 1), GroupStatus.AKTIV),
        (date(2019, 1, 1), GroupStatus.VILANDE),
        (date(2020, 3, 2), GroupStatus.AKTIV),
    ]
    assert stored.members == gavle.members  # same rows, same ids


# --- the page -----------------------------------------------------------------------------


def test_the_page_shows_the_groups_the_grid_and_the_meetings(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    groups: dict[str, Group],
    add_activity: Callable[..., Activity],
    qtmodeltester: ModelTester,
) -> None:
    bollnas = groups["Bollnäs"]
    for day, n in ((date(2019, 2, 12), 9), (date(2019, 5, 7), 11), (date(2018, 10, 2), 7)):
        add_activity(
            "Nätverksmöte", "Bollnäs", day, attendance=Attendance.build(n), group_id=bollnas.id
        )
    add_activity(
        "Nätverksmöte", "Bollnäs", date(2019, 11, 20), Status.PLANERAD, group_id=bollnas.id
    )
    page = GroupsPage(store)
    qtbot.addWidget(page)
    page.set_context(insats, 2019)

    assert headers(page.model) == [
        "Kommun",
        "Namn",
        "Bildad",
        "Status 2019",
        "Status nu",
        "Medlemmar",
        "Möten 2019",
    ]
    table = rows(page.model)
    assert [r["Kommun"] for r in table] == [
        "Bollnäs",
        "Gävle",
        "Hofors",
        "Hudiksvall",
        "Nordanstig",
        "Söderhamn",
    ]
    assert table[0] == {
        "Kommun": "Bollnäs",
        "Namn": "Samverkansgrupp ASF Bollnäs",
        "Bildad": "2017-03-01",
        "Status 2019": "Aktiv",
        "Status nu": "Aktiv",
        "Medlemmar": "2",
        "Möten 2019": "2",
    }
    assert (table[1]["Status 2019"], table[1]["Status nu"]) == ("Vilande", "Vilande")
    assert page.count_label.text() == "6 grupper, 4 aktiva 2019"

    # The grid: kommuner × years, the insats's years widened to 2017 when the groups formed.
    assert headers(page.grid_model) == ["", "2017", "2018", "2019", "2020", "2021"]
    assert grid_cell(page, "Bollnäs", "2019") == "1"
    assert grid_cell(page, "Gävle", "2018") == "1"
    assert grid_cell(page, "Gävle", "2019") == "0"
    assert grid_cell(page, "Ljusdal", "2019") == "0"
    assert grid_cell(page, "Totalt", "2017") == "6"
    assert grid_cell(page, "Totalt", "2019") == "4"
    background = Qt.ItemDataRole.BackgroundRole
    tooltip = Qt.ItemDataRole.ToolTipRole
    assert grid_cell(page, "Bollnäs", "2019", background) == QBrush(ACTIVE_BACKGROUND)
    assert grid_cell(page, "Gävle", "2019", background) == QBrush(RESTING_BACKGROUND)
    assert grid_cell(page, "Ljusdal", "2019", background) is None
    assert grid_cell(page, "Gävle", "2019", tooltip) == "Samverkansgrupp ASF Gävle: vilande"

    # The first group is selected: its meetings, newest first.
    assert page.selected_id() == bollnas.id
    assert page.meetings_title.text() == "Möten: Bollnäs – Samverkansgrupp ASF Bollnäs"
    assert [(r["Datum"], r["Status"], r["Deltagare"]) for r in rows(page.meeting_model)] == [
        ("2019-11-20", "Planerad", "0"),
        ("2019-05-07", "Genomförd", "11"),
        ("2019-02-12", "Genomförd", "9"),
        ("2018-10-02", "Genomförd", "7"),
    ]
    assert page.meetings_summary.text() == "3 genomförda möten, 27 deltagare (volym), alla år."

    page.select_group(groups["Hofors"].id or 0)
    assert page.meeting_model.rowCount() == 0
    assert page.meetings_summary.text().startswith("Inga möten loggade.")

    # Another year: the columns and the status follow it.
    page.set_context(insats, 2018)
    assert page.selected_id() == groups["Hofors"].id
    hofors = rows(page.model)[2]
    assert (hofors["Status 2018"], hofors["Möten 2018"]) == ("Aktiv", "0")
    assert rows(page.model)[0]["Möten 2018"] == "1"
    assert page.count_label.text() == "6 grupper, 6 aktiva 2018"

    for model in (page.model, page.grid_model, page.meeting_model):
        qtmodeltester.check(model)


def answer_dialog(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, fill: Callable[[GroupDialog], None]
) -> list[GroupDialog]:
    """Replace GroupDialog.ask: the real dialog, filled by ``fill``, then Spara."""
    shown: list[GroupDialog] = []

    def ask(
        cls: type[GroupDialog],
        parent: QWidget | None,
        store: Store,
        insats: Insats,
        group: Group | None = None,
    ) -> Group | None:
        dialog = GroupDialog(store, insats, group)
        qtbot.addWidget(dialog)
        dialog.show()
        shown.append(dialog)
        fill(dialog)
        click_save(qtbot, dialog)
        return dialog.result_group if dialog.result() == QDialog.DialogCode.Accepted else None

    monkeypatch.setattr(GroupDialog, "ask", classmethod(ask))
    return shown


def test_new_edit_and_delete_from_the_page(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    store: Store,
    insats: Insats,
    page: GroupsPage,
    add_activity: Callable[..., Activity],
) -> None:
    assert page.model.rowCount() == 0
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    assert grid_cell(page, "Totalt", "2019") == "0"

    answer_dialog(monkeypatch, qtbot, lambda d: fill_new_hofors_group(qtbot, d))
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert [(r["Kommun"], r["Status 2019"]) for r in rows(page.model)] == [("Hofors", "Vilande")]
    assert grid_cell(page, "Hofors", "2018") == "1"
    assert grid_cell(page, "Hofors", "2019") == "0"
    assert page.edit_button.isEnabled()

    def rename(d: GroupDialog) -> None:
        assert d.name_edit.text() == "Samverkansgrupp ASF Hofors"
        retype(qtbot, d.name_edit, "ASF-gruppen i Hofors")

    answer_dialog(monkeypatch, qtbot, rename)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert rows(page.model)[0]["Namn"] == "ASF-gruppen i Hofors"

    group_id = page.selected_id()
    meeting = add_activity(
        "Nätverksmöte",
        "Hofors",
        date(2018, 3, 6),
        attendance=Attendance.build(6),
        group_id=group_id,
    )
    page.reload()
    assert page.meeting_model.rowCount() == 1

    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Callable[..., QMessageBox.StandardButton]:
        def question(_parent: object, _title: str, text: str, *_: object) -> Any:
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    with qtbot.assertNotEmitted(page.changed):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert asked == [
        "Ta bort samverkansgruppen ASF-gruppen i Hofors i Hofors? Dess möte finns kvar "
        "som aktivitet, men utan koppling till en grupp."
    ]

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    assert page.meeting_model.rowCount() == 0
    assert grid_cell(page, "Totalt", "2018") == "0"
    assert meeting.id is not None
    assert store.activities.get(meeting.id).group_id is None


def test_logga_mote_asks_for_a_meeting_of_the_selected_group(
    qtbot: QtBot, page: GroupsPage, insats: Insats, groups: dict[str, Group]
) -> None:
    page.set_context(insats, 2019)
    page.select_group(groups["Nordanstig"].id or 0)
    with qtbot.waitSignal(page.meeting_requested) as signal:
        qtbot.mouseClick(page.meeting_button, Qt.MouseButton.LeftButton)
    assert signal.args == [groups["Nordanstig"].id]


def test_the_tab_legend_and_the_overview_say_the_same_about_vilande_groups(
    qtbot: QtBot, page: GroupsPage, store: Store, insats: Insats, groups: dict[str, Group]
) -> None:
    assert insats.id is not None
    page.set_context(insats, 2019)
    overview = OverviewWidget()
    qtbot.addWidget(overview)
    overview.set_summary(store.summaries.year_summary(insats.id, 2019))
    model = overview.models["samverkansgrupper_aktiva"]
    overview_cells = {
        model.data(model.index(r, 0)): model.data(model.index(r, headers(model).index("2019")))
        for r in range(model.rowCount())
    }
    note = overview.notes["samverkansgrupper_aktiva"].text()
    legend = page.grid_note.text()

    # Gävle's group was vilande all of 2019: the tab shows it yellow, neither counts it.
    assert grid_cell(page, "Gävle", "2019", Qt.ItemDataRole.BackgroundRole) == QBrush(
        RESTING_BACKGROUND
    )
    assert grid_cell(page, "Gävle", "2019") == overview_cells["Gävle"] == "0"
    assert grid_cell(page, "Totalt", "2019") == overview_cells["Totalt"] == "4"
    assert note == "Antal grupper som var bildade eller aktiva någon gång under året. " + (
        "Vilande och avslutade grupper räknas inte."
    )
    assert legend.startswith(note + " ")
    assert "Gult: kommunens grupper var bara vilande och räknas inte." in legend
    assert page.count_label.text() == "6 grupper, 4 aktiva 2019"


def test_one_group_is_counted_in_the_singular(
    qtbot: QtBot, store: Store, insats: Insats, kommun_ids: dict[str, int]
) -> None:
    store.groups.save(
        Group(
            id=None,
            insats_id=insats.id,
            kommun_id=kommun_ids["Ockelbo"],
            name="ASF-gruppen",
            formed=date(2018, 2, 1),
            statuses=(GroupStatusChange(date(2018, 3, 1), GroupStatus.AKTIV, ""),),
            members=(),
        )
    )
    page = GroupsPage(store)
    qtbot.addWidget(page)
    page.set_context(insats, 2018)

    assert page.count_label.text() == "1 grupp, 1 aktiv 2018"
