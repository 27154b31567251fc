"""Inställningar → Personuppgifter: the table, register extract, erasure and gallring."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.people import GALLRING_SETTING, Person
from app.core.summary import YearSummary
from app.store.database import Store
from app.ui import privacy_dialog
from app.ui.person_dialog import PersonDialog
from app.ui.privacy_dialog import PrivacyDialog
from app.ui.register_extract_dialog import RegisterExtractDialog, write_text_atomic
from tests.conftest import MakeActivity
from tests.ui.keyboard import retype

TODAY = date(2024, 5, 1)


@pytest.fixture
def forbund_id(insats: Insats) -> int:
    assert insats.forbund_id is not None
    return insats.forbund_id


@pytest.fixture
def people(
    store: Store, forbund_id: int, org_ids: dict[str, int], add_activity: MakeActivity
) -> dict[str, Person]:
    """Anna in three activities (latest 2021-06-01), Lars in one of 2018, Bo in none."""
    anna = store.people.save(
        Person(None, forbund_id, "Anna Ärlig", org_ids["Arbetsförmedlingen"], "anna@af.se")
    )
    lars = store.people.save(Person(None, forbund_id, "Lars Östlund", None, "lars@gavle.se"))
    bo = store.people.save(Person(None, forbund_id, "Bo Ek", None, ""))
    assert anna.id and lars.id
    add_activity(
        "Seminarium",
        "Gävle",
        date(2018, 3, 14),
        attendance=Attendance.build(20, women=12, men=8),
        participant_ids=(anna.id, lars.id),
        title="Seminarium om reserverade kontrakt",
    )
    add_activity(
        "Frukostmöte",
        "Hofors",
        date(2019, 9, 5),
        attendance=Attendance.build(9),
        participant_ids=(anna.id,),
        title="Frukostmöte i Hofors",
    )
    add_activity(
        "Kunskapsdialog",
        "Sandviken",
        date(2021, 6, 1),
        attendance=Attendance.build(14),
        participant_ids=(anna.id,),
        title="Kunskapsdialog om ASF",
    )
    return {p.name: p for p in (anna, lars, bo)}


def summaries(store: Store, insats: Insats) -> dict[int, YearSummary]:
    assert insats.id is not None
    return {y: store.summaries.year_summary(insats.id, y) for y in insats.years}


@pytest.fixture
def dialog(qtbot: QtBot, store: Store, forbund_id: int, people: dict[str, Person]) -> PrivacyDialog:
    d = PrivacyDialog(None, store, forbund_id, today=TODAY)
    qtbot.addWidget(d)
    d.show()
    return d


def table(d: PrivacyDialog) -> list[list[str]]:
    m = d.view.model()
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def confirm_with(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[tuple[str, str, str]]:
    asked: list[tuple[str, str, str]] = []

    def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
        asked.append((title, text, action))
        return answer

    monkeypatch.setattr(privacy_dialog, "confirm", confirm)
    return asked


def test_the_table_shows_every_person(dialog: PrivacyDialog, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(dialog.model)
    m = dialog.view.model()
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == ["Namn", "Organisation", "E-post", "Antal aktiviteter", "Senaste aktivitet"]
    assert table(dialog) == [
        ["Anna Ärlig", "Arbetsförmedlingen", "anna@af.se", "3", "2021-06-01"],
        ["Bo Ek", "", "", "0", "–"],
        ["Lars Östlund", "", "lars@gavle.se", "1", "2018-03-14"],
    ]
    assert dialog.count_label.text() == "3 personer"
    assert not dialog.erase_button.isEnabled()


def test_search_filters_the_table(qtbot: QtBot, dialog: PrivacyDialog) -> None:
    retype(qtbot, dialog.search_edit, "ÖST")
    assert [row[0] for row in table(dialog)] == ["Lars Östlund"]
    assert dialog.count_label.text() == "1 av 3 personer"
    retype(qtbot, dialog.search_edit, "arbetsförm")
    assert [row[0] for row in table(dialog)] == ["Anna Ärlig"]
    dialog.search_edit.clear()
    assert len(table(dialog)) == 3


def test_register_extract_is_shown_and_saved_as_utf8(
    qtbot: QtBot,
    dialog: PrivacyDialog,
    people: dict[str, Person],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    target = tmp_path / "utdrag" / "anna"
    target.parent.mkdir()
    offered: list[str] = []

    def get_save_file_name(
        parent: QWidget, caption: str, suggested: str, filters: str
    ) -> tuple[str, str]:
        offered.append(Path(suggested).name)
        return str(target), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    shown: list[str] = []

    def exec_(self: RegisterExtractDialog) -> int:
        assert self.text_view.isReadOnly()
        shown.append(self.text())
        qtbot.mouseClick(self.save_button, Qt.MouseButton.LeftButton)
        assert self.saved_label.text() == f"Sparat i {target.with_suffix('.txt')}"
        return 0

    monkeypatch.setattr(RegisterExtractDialog, "exec", exec_)
    anna = people["Anna Ärlig"]
    assert anna.id is not None
    dialog.select_person(anna.id)
    qtbot.mouseClick(dialog.extract_button, Qt.MouseButton.LeftButton)

    assert len(shown) == 1
    lines = shown[0].splitlines()
    for expected in (
        "Namn:          Anna Ärlig",
        "Organisation:  Arbetsförmedlingen",
        "E-post:        anna@af.se",
        "AKTIVITETER SOM PERSONEN ÄR REGISTRERAD SOM DELTAGARE I (3 aktiviteter)",
        "1. 2018-03-14",
        "   Titel:   Seminarium om reserverade kontrakt",
        "   Typ:     Seminarium",
        "   Kommun:  Gävle",
        "2. 2019-09-05",
        "   Kommun:  Hofors",
        "3. 2021-06-01",
        "   Titel:   Kunskapsdialog om ASF",
        "Utdraget skapat: 2024-05-01",
    ):
        assert expected in lines, expected
    assert offered == ["Registerutdrag Anna Ärlig 2024-05-01.txt"]
    saved = target.with_suffix(".txt")
    assert saved.read_text(encoding="utf-8") == shown[0]
    assert sorted(p.name for p in saved.parent.iterdir()) == ["anna.txt"]  # no temp file left


def test_a_failed_save_leaves_no_file_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    with pytest.raises(DomainError, match="mappen finns inte"):
        write_text_atomic(tmp_path / "saknas" / "x.txt", "text")
    assert list(tmp_path.iterdir()) == []

    extract = RegisterExtractDialog("Namn: Anna", "x.txt")
    qtbot.addWidget(extract)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a: (str(tmp_path / "saknas" / "x.txt"), ""),
    )
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, text, *a: warnings.append(text))
    extract.save_as()
    assert warnings == [f"Kunde inte spara {tmp_path / 'saknas' / 'x.txt'}: mappen finns inte."]
    assert extract.saved_label.isHidden()


def test_erasing_a_person_leaves_every_figure_as_it_was(
    qtbot: QtBot,
    dialog: PrivacyDialog,
    store: Store,
    insats: Insats,
    forbund_id: int,
    people: dict[str, Person],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = summaries(store, insats)
    anna = people["Anna Ärlig"]
    assert anna.id is not None

    asked = confirm_with(monkeypatch, False)
    dialog.select_person(anna.id)
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert asked[0][1] == (
        "Radera Anna Ärlig (Arbetsförmedlingen, anna@af.se) och kopplingarna till "
        "3 aktiviteter?\n\n"
        "Antalet deltagare i aktiviteterna ändras inte. Raderingen går inte att ångra."
    )
    assert asked[0][2] == "Radera"
    assert len(table(dialog)) == 3  # cancelled: nothing erased
    assert not dialog.changed_anything

    confirm_with(monkeypatch, True)
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)

    assert [row[0] for row in table(dialog)] == ["Bo Ek", "Lars Östlund"]
    assert dialog.status_label.text() == (
        "Anna Ärlig har raderats. Antalen i aktiviteterna är oförändrade."
    )
    assert dialog.changed_anything
    assert store.people.search(forbund_id, "anna") == []
    assert store.people.attended(anna.id) == []
    assert summaries(store, insats) == before


def test_gallring_erases_only_the_stale_after_confirmation(
    qtbot: QtBot,
    dialog: PrivacyDialog,
    store: Store,
    insats: Insats,
    forbund_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = summaries(store, insats)
    dialog.years_spin.setValue(4)
    assert store.people.setting(GALLRING_SETTING) == "4"
    assert dialog.gallring_label.text() == (
        "Raderar personer vars senaste aktivitet började före 2020-05-01, och personer som "
        "inte är med i någon aktivitet: 2 personer just nu. Antalen ändras inte."
    )
    dialog.years_spin.setValue(2)  # 2022-05-01: Anna's last activity (2021) is older too
    assert "3 personer just nu" in dialog.gallring_label.text()
    dialog.years_spin.setValue(4)

    asked = confirm_with(monkeypatch, True)
    qtbot.mouseClick(dialog.gallra_button, Qt.MouseButton.LeftButton)

    assert asked == [
        (
            "Gallra namn",
            "Radera 2 personer vars senaste aktivitet började före 2020-05-01 eller som inte "
            "är med i någon aktivitet?\n\n"
            "Namn, organisation, e-post och kopplingarna till aktiviteterna tas bort. "
            "Antalet deltagare ändras inte. Raderingen går inte att ångra.",
            "Radera",
        )
    ]
    assert [row[0] for row in table(dialog)] == ["Anna Ärlig"]
    assert dialog.status_label.text() == (
        "2 personer har raderats. Antalen i aktiviteterna är oförändrade."
    )
    assert "0 personer just nu" in dialog.gallring_label.text()
    assert not dialog.gallra_button.isEnabled()
    assert [p.name for p in store.people.all(forbund_id)] == ["Anna Ärlig"]
    assert summaries(store, insats) == before


def test_the_gallring_period_is_remembered(
    qtbot: QtBot, store: Store, forbund_id: int, people: dict[str, Person]
) -> None:
    store.people.set_gallring_years(7)
    d = PrivacyDialog(None, store, forbund_id, today=TODAY)
    qtbot.addWidget(d)
    assert d.years_spin.value() == 7
    assert d.years_spin.text() == "7 år"


def test_a_person_can_be_corrected(
    qtbot: QtBot,
    dialog: PrivacyDialog,
    store: Store,
    people: dict[str, Person],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def exec_(self: PersonDialog) -> int:
        assert self.windowTitle() == "Ändra person – Insatslogg"
        assert self.name_edit.text() == "Bo Ek"
        retype(qtbot, self.name_edit, "Bo Ekström")
        self.org_combo.setCurrentText("Movexum")
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(PersonDialog, "exec", exec_)
    bo = people["Bo Ek"]
    assert bo.id is not None
    dialog.select_person(bo.id)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert table(dialog)[1][:2] == ["Bo Ekström", "Movexum"]
    assert store.people.get(bo.id).name == "Bo Ekström"
    assert dialog.changed_anything


def test_ask_says_whether_anything_changed(
    store: Store, forbund_id: int, people: dict[str, Person], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PrivacyDialog, "exec", lambda self: QDialog.DialogCode.Rejected.value)
    assert PrivacyDialog.ask(None, store, forbund_id) is False

    confirm_with(monkeypatch, True)

    def erase_bo(self: PrivacyDialog) -> int:
        bo = people["Bo Ek"].id
        assert bo is not None
        self.select_person(bo)
        self.erase_button.click()
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(PrivacyDialog, "exec", erase_bo)
    assert PrivacyDialog.ask(None, store, forbund_id) is True
    assert [p.name for p in store.people.all(forbund_id)] == ["Anna Ärlig", "Lars Östlund"]


def test_an_erasure_that_could_not_reach_a_usb_folder_says_so(
    qtbot: QtBot,
    dialog: PrivacyDialog,
    store: Store,
    people: dict[str, Person],
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.store import backups, local_config

    stick = tmp_path / "USB"
    stick.mkdir()
    local_config.set_backup_folder(db_path, stick)
    copy = backups.make_backup(db_path).path
    stick.rename(tmp_path / "utdraget")  # unplugged
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda p, t, text, *a: warnings.append(text))
    confirm_with(monkeypatch, True)
    lars = people["Lars Östlund"]
    assert lars.id is not None

    dialog.select_person(lars.id)
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)

    assert dialog.status_label.text() == (
        "Lars Östlund har raderats. Antalen i aktiviteterna är oförändrade."
    )
    assert warnings == [
        "Raderingen har ännu inte nått säkerhetskopiorna i den här mappen, som inte gick att "
        f"nå:\n{stick}\nÄr USB-minnet eller disken ansluten? Programmet försöker igen vid "
        "nästa start och vid nästa säkerhetskopia."
    ]

    (tmp_path / "utdraget").rename(stick)  # plugged in again; gallring reaches it
    dialog.years_spin.setValue(4)
    qtbot.mouseClick(dialog.gallra_button, Qt.MouseButton.LeftButton)
    assert warnings[1:] == []
    assert "Lars Östlund".encode() not in copy.read_bytes()
