"""Arkiv → Importera, driven as a user would: the preview, a changed mapping, duplicates,
a guessed type confirmed, Importera and Avbryt."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QComboBox,
    QProgressDialog,
    QTableView,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.importers import Field
from app.store import activity_import
from app.store.database import Store
from app.ui.import_dialog import ImportDialog
from tests.conftest import MakeActivity
from tests.importers.conftest import write_xlsx
from tests.importers.test_ics import OUTLOOK


def headers(model: QAbstractItemModel) -> list[str]:
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def rows(model: QAbstractItemModel) -> list[dict[str, str]]:
    cols = headers(model)
    return [
        {cols[c]: model.data(model.index(r, c)) for c in range(model.columnCount())}
        for r in range(model.rowCount())
    ]


def choose_in_cell(view: QTableView, row: int, column: int, text: str) -> None:
    """Open the cell's combo box as a double-click would, pick ``text`` and commit it."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    combo = view.indexWidget(index)
    assert isinstance(combo, QComboBox), "no combo box opened"
    at = combo.findText(text)
    assert at >= 0, f"{text} not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(at)
    combo.activated.emit(at)
    view.closeEditor(combo, QAbstractItemDelegate.EndEditHint.NoHint)


def click_check_box(qtbot: QtBot, view: QTableView, row: int) -> None:
    """Click the check box at the start of ``row`` (as a user ticks or unticks it)."""
    rect = view.visualRect(view.model().index(row, 0))
    at = QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def count(store: Store, insats: Insats) -> int:
    assert insats.id is not None
    return len(store.activities.rows(insats.id, None))


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "logg.xlsx",
        [
            ("ASF-aktiviteter 2018",),
            ("Datum", "Aktivitet", "Titel", "Kommun", "Sal", "Antal"),
            (date(2018, 3, 14), "Seminarium", "Seminarium om ASF", "Gävle", "Stadshuset", 20),
            (date(2018, 3, 20), "Frukostträff", "Frukost", "Hofors", "Folkets hus", 12),
            ("31/2 2018", "Workshop", "Workshop", "Gävle", "Rum 3", 8),
            (date(2018, 4, 2), None, "Temadag för kommunerna", "Bollnäs", "Kulturhuset", 40),
            ("Summa", None, None, None, None, 80),
        ],
        merge=["A1:F1"],
    )


@pytest.fixture
def dialog(qtbot: QtBot, store: Store, insats: Insats, sheet: Path, add_activity: MakeActivity):
    # Row 3 as it is stored: "finns redan" (nothing the file says about it differs).
    add_activity(
        "Seminarium",
        "Gävle",
        date(2018, 3, 14),
        attendance=Attendance(20),
        title="Seminarium om ASF",
        notes="Sal: Stadshuset",
    )
    loaded = ImportDialog.load(None, store, insats, sheet)
    assert loaded is not None
    d = ImportDialog(store, insats, *loaded)
    qtbot.addWidget(d)
    d.show()
    return d


def test_the_preview_shows_mapping_rows_reasons_and_duplicates(
    dialog: ImportDialog, qtmodeltester: ModelTester
) -> None:
    assert dialog.source_label.text() == "logg.xlsx, bladet Blad1 (Excel-fil)"
    assert [(r["Rubrik i filen"], r["Fält"]) for r in rows(dialog.mapping_model)] == [
        ("Datum", "Datum"),
        ("Aktivitet", "Typ"),
        ("Titel", "Titel/tema"),
        ("Kommun", "Kommun"),
        ("Sal", "Till anteckningar (”Kolumn: värde”)"),
        ("Antal", "Deltagare totalt"),
    ]
    assert [
        (r["Rad"], r["Typ"], r["Titel/tema"], r["Kommun"]) for r in rows(dialog.rows_model)
    ] == [
        ("4", "Frukostmöte", "Frukost", "Hofors"),
        ("6", "Temadag", "Temadag för kommunerna", "Bollnäs"),
    ]
    assert rows(dialog.rejected_model) == [
        {
            "Rad": "Rad 5",
            "Varför den inte kan läsas": "Datumet 31/2 2018 finns inte",
            "Raden i filen": "31/2 2018 · Workshop · Workshop · Gävle · Rum 3 · 8",
        }
    ]
    assert rows(dialog.duplicates_model) == [
        {
            "Rad": "Rad 3",
            "Datum": "2018-03-14",
            "Titel/tema": "Seminarium om ASF",
            "Kommun": "Gävle",
            "Varför": "finns redan i databasen",
        }
    ]
    assert [r["Varning"] for r in rows(dialog.warnings_model)] == [
        "Kolumnen ”Sal” känns inte igen; värdena läggs i anteckningarna (”Sal: värde”).",
        "Rad 4: typen ”Frukostträff” finns inte i listan; tolkad som Frukostmöte",
    ]
    assert [r["Överhoppat"] for r in rows(dialog.skipped_model)] == [
        "Rad 7: summeringsrad (”Summa”), hoppas över",
    ]
    assert rows(dialog.rows_model)[0]["Obs"] == "typen gissad"
    tabs = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert tabs == [
        "Kolumner",
        "Nya (2)",
        "Ändrade (0)",
        "Finns redan (1)",
        "Kan inte läsas (1)",
        "Överhoppade (1)",
        "Varningar (2)",
    ]
    assert dialog.summary_label.text() == (
        "2 nya aktiviteter importeras · 1 finns redan och hoppas över · 1 rad kan inte läsas · "
        "2 varningar."
    )
    assert dialog.import_button.text() == "Importera 2"
    for model in (
        dialog.mapping_model,
        dialog.rows_model,
        dialog.rejected_model,
        dialog.duplicates_model,
        dialog.changed_model,
        dialog.skipped_model,
        dialog.warnings_model,
    ):
        qtmodeltester.check(model)


def test_change_a_mapping_update_the_changed_untick_and_import(
    qtbot: QtBot, dialog: ImportDialog, store: Store, insats: Insats, kommun_ids: dict[str, int]
) -> None:
    # "Sal" is where the activity was: the user says so, and the rows are read again.
    choose_in_cell(dialog.mapping_view, 4, dialog.mapping_model.FIELD_COLUMN, "Plats")
    qtbot.waitUntil(lambda: rows(dialog.rows_model)[0]["Plats"] == "Folkets hus")
    assert dialog.mapping_field("Sal") is Field.PLACE
    assert [r["Plats"] for r in rows(dialog.rows_model)] == ["Folkets hus", "Kulturhuset"]

    # Read so, row 3 says where the stored seminarium was: it is ändrad, not "finns redan".
    assert rows(dialog.changed_model) == [
        {
            "Rad": "Rad 3",
            "Datum": "2018-03-14",
            "Titel/tema": "Seminarium om ASF",
            "Fält": "Plats",
            "Nu": "(tomt)",
            "Efter uppdatering": "Stadshuset",
        }
    ]
    assert dialog.tabs.tabText(dialog.duplicates_tab) == "Finns redan (0)"
    assert [r["Rad"] for r in rows(dialog.rows_model)] == ["4", "6"]
    assert dialog.import_button.text() == "Importera 2"
    assert "1 ändrad lämnas som den är" in dialog.summary_label.text()
    dialog.update_changed.setChecked(True)
    assert dialog.import_button.text() == "Importera 2 och uppdatera 1"
    assert "1 ändrad uppdateras" in dialog.summary_label.text()
    assert [r["Rad"] for r in rows(dialog.rows_model)] == ["4", "6"]

    # The temadag is left out: unticked, it is not imported.
    click_check_box(qtbot, dialog.rows_view, 1)
    model = dialog.rows_model
    assert model.data(model.index(1, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert dialog.import_button.text() == "Importera 1 och uppdatera 1"
    assert dialog.summary_label.text().startswith("1 ny aktivitet importeras · 1 bortvald")
    dialog.none_button.click()
    assert dialog.import_button.text() == "Uppdatera 1" and dialog.import_button.isEnabled()
    dialog.all_button.click()
    click_check_box(qtbot, dialog.rows_view, 1)
    assert dialog.import_button.text() == "Importera 1 och uppdatera 1"

    before = count(store, insats)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert len(dialog.imported_ids) == 1 and len(dialog.updated_ids) == 1
    assert count(store, insats) == before + 1
    seminarium = store.activities.get(dialog.updated_ids[0])
    assert (seminarium.title, seminarium.place, seminarium.notes) == (
        "Seminarium om ASF",
        "Stadshuset",
        "Sal: Stadshuset",  # the file has no notes now: the stored ones stay
    )
    stored = store.activities.get(dialog.imported_ids[0])
    assert (stored.title, stored.kommun_id, stored.place, stored.notes) == (
        "Frukost",
        kommun_ids["Hofors"],
        "Folkets hus",
        "",
    )


def test_a_guessed_calendar_type_is_confirmed_in_the_preview(
    qtbot: QtBot, tmp_path: Path, store: Store, insats: Insats, type_ids: dict[str, int]
) -> None:
    path = tmp_path / "kalender.ics"
    path.write_text(OUTLOOK, encoding="utf-8")
    loaded = ImportDialog.load(None, store, insats, path)
    assert loaded is not None
    dialog = ImportDialog(store, insats, *loaded)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.tabs.isTabVisible(dialog.mapping_tab)
    assert dialog.tabs.currentIndex() == dialog.rows_tab
    table = rows(dialog.rows_model)
    assert headers(dialog.rows_model)[0] == "Händelse"
    late = next(i for i, r in enumerate(table) if r["Titel/tema"] == "Sent möte")
    assert table[late]["Typ"] == "Övrigt"
    assert table[late]["Obs"] == "typen gissad; genomförd utan deltagare"

    choose_in_cell(dialog.rows_view, late, dialog.rows_model.TYPE_COLUMN, "Processtöd")
    assert rows(dialog.rows_model)[late]["Typ"] == "Processtöd"

    # Leaving out the cancelled events reads the calendar again; the choice stays.
    dialog.include_cancelled.setChecked(False)
    table = rows(dialog.rows_model)
    assert "Inställd" not in {r["Status"] for r in table}
    assert next(r["Typ"] for r in table if r["Titel/tema"] == "Sent möte") == "Processtöd"

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    stored = store.activities.get_many(dialog.imported_ids)
    assert {a.title: a.type_id for a in stored}["Sent möte"] == type_ids["Processtöd"]


def press_cancel_when_shown() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QProgressDialog) and w.isVisible():
            w.cancel()
            return
    QTimer.singleShot(20, press_cancel_when_shown)


def test_cancel_during_the_import_imports_nothing(
    qtbot: QtBot,
    dialog: ImportDialog,
    store: Store,
    insats: Insats,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(activity_import, "BATCH", 1)
    real = activity_import._insert_batch

    def slow(conn: Any, table: Any, batch: list[dict[str, Any]]) -> None:
        time.sleep(0.3)
        real(conn, table, batch)

    monkeypatch.setattr(activity_import, "_insert_batch", slow)
    before = count(store, insats)
    QTimer.singleShot(100, press_cancel_when_shown)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.imported_ids == []
    assert dialog.status.text() == "Importen avbröts. Ingenting har importerats."
    assert count(store, insats) == before


def test_a_failed_import_says_why_and_imports_nothing(
    qtbot: QtBot,
    dialog: ImportDialog,
    store: Store,
    insats: Insats,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(*args: Any) -> None:
        raise OSError(28, "Disken är full")

    monkeypatch.setattr(activity_import, "_insert_batch", full_disk)
    before = count(store, insats)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == (
        "• Filen kunde inte läsas: Disken är full\n• Ingenting har importerats."
    )
    assert count(store, insats) == before


def test_arkiv_importera_from_file_choice_to_imported(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    sheet: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, parent: sheet))

    def click_import() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ImportDialog) and w.isVisible():
                w.import_button.click()
                return
        QTimer.singleShot(20, click_import)

    QTimer.singleShot(0, click_import)
    assert ImportDialog.run(None, store, insats) is True
    assert count(store, insats) == 3


def test_no_file_chosen_or_a_file_that_cannot_be_read(
    tmp_path: Path, store: Store, insats: Insats, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, parent: None))
    assert ImportDialog.run(None, store, insats) is False

    shown: list[str] = []
    monkeypatch.setattr(ImportDialog, "show_error", classmethod(lambda cls, p, t: shown.append(t)))
    numbers = write_xlsx(tmp_path / "siffror.xlsx", [(1, 2), (3, 4)])
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, parent: numbers))
    assert ImportDialog.run(None, store, insats) is False
    assert shown and shown[0].startswith("Hittar ingen rubrikrad i bladet ”Blad1” i siffror.xlsx")

    odd = tmp_path / "bild.png"
    odd.write_bytes(b"\x89PNG")
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, parent: odd))
    assert ImportDialog.run(None, store, insats) is False
    assert shown[-1].startswith("bild.png: okänd filtyp")


def cli_headings(out: str) -> list[tuple[str, int]]:
    """The command line's group headings: 'Finns redan (2) – hoppas över:' → ('Finns redan
    (2)', 2)."""
    import re

    found = []
    for line in out.splitlines():
        m = re.match(r"^(\S[^:(]*\((\d+)\))(?: – [^:]+)?:$", line)
        if m and not line.startswith("Kolumner"):
            found.append((m[1], int(m[2])))
    return found


@pytest.mark.parametrize("options", [(), ("--include-duplicates", "--update")])
def test_the_cli_and_the_preview_report_the_same_headings_and_counts(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    insats: Insats,
    db_path: Path,
    add_activity: MakeActivity,
    capsys: pytest.CaptureFixture[str],
    options: tuple[str, ...],
) -> None:
    import argparse

    from app import cli_import

    add_activity("Seminarium", "Gävle", date(2018, 3, 14), title="Seminarium om ASF")
    add_activity("Frukostmöte", "Hofors", date(2018, 3, 20), title="Frukost")
    path = write_xlsx(
        tmp_path / "samma.xlsx",
        [
            ("Datum", "Typ", "Titel", "Kommun", "Antal", "AF", "Väder"),
            (date(2018, 3, 14), "Seminarium", "Seminarium om ASF", "Gävle", 20, 5, "Sol"),
            (date(2018, 3, 20), "Frukostmöte", "Frukost", "Hofors", 0, 0, None),
            (date(2018, 3, 20), "Frukostmöte", "Frukost", "Hofors", 0, 0, None),
            ("31/2 2018", "Workshop", "Workshop", "Gävle", 8, 0, None),
            (date(2018, 4, 2), "Temadag", "Temadag", "Bollnäs", 0, 0, None),
            ("Summa", None, None, None, 28, 5, None),
        ],
    )
    parser = argparse.ArgumentParser(prog="insatslogg")
    cli_import.register(parser.add_subparsers(dest="command"))
    args = ["import", "excel", str(path), "--db", str(db_path), "--dry-run", *options]
    assert cli_import.run(parser.parse_args(args)) == 0
    from_cli = cli_headings(capsys.readouterr().out)

    loaded = ImportDialog.load(None, store, insats, path)
    assert loaded is not None
    dialog = ImportDialog(store, insats, *loaded)
    qtbot.addWidget(dialog)
    dialog.skip_duplicates.setChecked("--include-duplicates" not in options)
    dialog.update_changed.setChecked("--update" in options)
    tabs = [dialog.tabs.tabText(i) for i in range(1, dialog.tabs.count())]
    assert [h for h, _ in from_cli] == tabs == [h for h, _ in dialog.groups()]
    news = 3 if options else 1  # the two already there are imported again when asked
    assert from_cli == [
        (f"Nya ({news})", news),
        ("Ändrade (1)", 1),
        ("Finns redan (2)", 2),
        ("Kan inte läsas (1)", 1),
        ("Överhoppade (1)", 1),
        ("Varningar (5)", 5),
    ]
    assert dialog.rows_model.rowCount() == news


def test_a_rows_warnings_are_shown_with_it(
    qtbot: QtBot, tmp_path: Path, store: Store, insats: Insats
) -> None:
    path = write_xlsx(
        tmp_path / "obs.xlsx",
        [
            ("Datum", "Typ", "Titel", "Kommun", "Antal", "AF", "Status"),
            (date(2018, 3, 14), "Seminarium", "Seminarium om ASF", "Gävle", 20, 5, "Genomförd"),
            (date(2018, 3, 20), "Frukostmöte", "Frukost", "Hofors", 0, None, "Genomförd"),
            (date(2018, 3, 21), "Frukostmöte", "Frukost 2", "Hofors", 0, None, "Inställd"),
        ],
    )
    loaded = ImportDialog.load(None, store, insats, path)
    assert loaded is not None
    dialog = ImportDialog(store, insats, *loaded)
    qtbot.addWidget(dialog)
    assert [r["Obs"] for r in rows(dialog.rows_model)] == [
        "deltagarna per organisation (5) går inte ihop med totalt antal deltagare (20); "
        "15 blir ”Ej fördelat”",
        "genomförd utan deltagare",
        "",
    ]
    assert [r["Varning"] for r in rows(dialog.warnings_model)] == [
        "Rad 2: deltagarna per organisation (5) går inte ihop med totalt antal deltagare (20); "
        "15 blir ”Ej fördelat”",
        "Rad 3: genomförd utan deltagare",
    ]
