"""Invitations in the window: the activity dialog's tab Inbjudan (one step of Ångra),
Redigera → Inbjudan… (text, Kopiera, Spara .ics…), Arkiv → Exportera kalenderfil (.ics)…
and Arkiv → Adresslista för utskick (CSV)…."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from app.core.attendance import Attendance
from app.core.group_entities import Group, GroupMember
from app.core.invitation import LINK_PROBLEM, InvitedActivity, invitation_text
from app.core.mail_list import MailChoice, MailSource, chosen
from app.core.vocabulary import OrgCategory, Role, Status
from app.operations.invitations import recipients
from app.store.database import Store
from app.ui.activity_dialog import ActivityDialog
from app.ui.ics_export_dialog import IcsExportDialog
from app.ui.invitation_dialog import InvitationDialog
from app.ui.mail_list_dialog import MailListDialog
from app.ui.main_window import MainWindow
from tests.ui.test_main_window import answer_dialog

LINK = "https://teams.microsoft.com/l/meetup-join/19%3ameeting"


@pytest.fixture
def window(qtbot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:
    w = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show_year(2018)
    w.show()
    yield w


@pytest.fixture
def planned(add_activity):
    return add_activity(
        "Frukostmöte", "Ockelbo", date(2018, 3, 13), Status.PLANERAD, title="Frukost om ASF",
        start_time=time(8), end_time=time(9, 30), place="Stadshuset",
        description="Vi pratar om sociala företag.", registration="Senast 6 mars.",
    )  # fmt: skip


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def get_save_file_name(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return asked


def _menu_texts(window: MainWindow, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions()]


def test_the_menus_and_the_context_menu(window: MainWindow, planned) -> None:
    assert "Exportera ka&lenderfil (.ics)…" in _menu_texts(window, "&Arkiv")
    assert "Adresslista för &utskick (CSV)…" in _menu_texts(window, "&Arkiv")
    assert "&Inbjudan…" in _menu_texts(window, "&Redigera")
    table = window.activities.table
    assert table.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    assert window.act_invitation in table.actions() and window.act_edit in table.actions()
    window.reload()
    assert not window.act_invitation.isEnabled()  # nothing selected
    window.activities.select_activity(planned.id)
    assert window.act_invitation.isEnabled()


def test_the_tab_inbjudan_saves_and_undo_restores(
    window: MainWindow, planned, monkeypatch: pytest.MonkeyPatch, store: Store
) -> None:
    def fill(d: ActivityDialog) -> None:
        assert d.invitation.description_edit.toPlainText() == "Vi pratar om sociala företag."
        d.invitation.link_edit.setText("teams")  # no web address: refused, dialog stays
        d.buttons.button(d.buttons.StandardButton.Ok).click()
        assert d.result() != QDialog.DialogCode.Accepted
        assert LINK_PROBLEM in d.problems.text() and not d.problems.isHidden()
        d.invitation.link_edit.setText(LINK)
        d.invitation.registration_edit.setPlainText("Senast 8 mars\ntill anna@example.se")

    shown = answer_dialog(monkeypatch, fill)
    window.reload()
    window.activities.select_activity(planned.id)
    window.act_edit.trigger()
    assert len(shown) == 1
    saved = store.activities.get(planned.id)
    assert (saved.link, saved.registration) == (LINK, "Senast 8 mars\ntill anna@example.se")
    window.act_undo.trigger()
    back = store.activities.get(planned.id)
    assert (back.link, back.registration) == ("", "Senast 6 mars.")


def test_the_invitation_dialog(
    qtbot, store: Store, planned, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = InvitationDialog(store, planned.id)
    qtbot.addWidget(dialog)
    shown = dialog.text()
    assert shown == invitation_text(InvitedActivity(store.activities.get(planned.id), "Ockelbo"))
    assert shown.startswith("Frukost om ASF\nNär: tisdag 13 mars 2018, kl. 8.00–9.30\n")
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == shown
    asked = _save_as(monkeypatch, tmp_path / "frukost")
    dialog.ics_button.click()
    assert asked == [asked[0]] and asked[0].endswith("Frukost om ASF.ics")
    (event,) = icalendar.Calendar.from_ical((tmp_path / "frukost.ics").read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Frukost om ASF"
    assert str(event["LOCATION"]) == "Stadshuset, Ockelbo"
    assert dialog.status.text() == "Kalenderfilen är sparad."


def test_the_calendar_export_dialog(
    qtbot, store: Store, insats, planned, add_activity, tmp_path: Path, monkeypatch
) -> None:
    add_activity("Seminarium", "Gävle", date(2018, 5, 2), attendance=Attendance.build(20))
    dialog = IcsExportDialog(store, insats, list(insats.years), 2018)
    qtbot.addWidget(dialog)
    assert dialog.count_label.text() == "1 aktivitet kommer med (1 kalenderhändelse)."
    assert dialog.chooser.shown_label.text() == "Kalenderfilen gäller 2018."
    dialog.include_all.setChecked(True)
    assert dialog.count_label.text() == "2 aktiviteter kommer med (2 kalenderhändelser)."
    dialog.chooser.year_combo.setCurrentIndex(dialog.chooser.year_combo.findData(2019))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.count_label.text().startswith("0 aktiviteter") and not ok.isEnabled()
    dialog.chooser.year_combo.setCurrentIndex(dialog.chooser.year_combo.findData(2018))
    _save_as(monkeypatch, tmp_path / "kalender.ics")
    ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    events = icalendar.Calendar.from_ical((tmp_path / "kalender.ics").read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Frukost om ASF", "Seminarium 2018-05-02"]
    assert dialog.result_message.startswith("Sparade 2 aktiviteter (2018)")


def test_the_address_list_dialog(qtbot, store: Store, insats, tmp_path: Path, monkeypatch) -> None:
    kommuner = {k.name: k.id for k in store.reference.kommuner(insats.forbund_id)}
    af = next(
        o for o in store.reference.organisations(insats.forbund_id)
        if o.category is OrgCategory.ARBETSFORMEDLINGEN
    )  # fmt: skip
    members = (
        GroupMember(None, af.id, Role.CHEF, "Åsa Öberg"),
        GroupMember(None, None, Role.OVRIGA, "Bo Ek"),
        GroupMember(None, None, Role.OVRIGA, ""),
    )
    store.groups.save(Group(None, insats.id, kommuner["Gävle"], "ASF Gävle", members=members))
    dialog = MailListDialog(store, insats)
    qtbot.addWidget(dialog)
    assert "personuppgift" in dialog.findChild(type(dialog.count_label), "privacy").text()
    everyone = recipients(store, insats.id, MailSource.MEMBERS)
    assert dialog.count_label.text() == (
        f"{len(chosen(everyone, MailChoice(MailSource.MEMBERS)))} personer kommer med på listan. "
        "1 plats utan namn kan inte komma med."
    )
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("arbetsformedlingen"))
    assert dialog.count_label.text() == "1 person kommer med på listan."
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("persons"))
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.count_label.text() == "0 personer kommer med på listan." and not ok.isEnabled()
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("members"))
    _save_as(monkeypatch, tmp_path / "lista")
    ok.click()
    with open(tmp_path / "lista.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[1:] == [["Åsa Öberg", "", af.name, "Chef", "Gävle", "ASF Gävle"]]
    assert (tmp_path / "lista.csv").stat().st_mode & 0o777 == 0o600
    QApplication.processEvents()
