"""No save in the window lands on the database, by whatever name the user picks it.

Every save path, driven from where the user starts it: Arkiv → Exportera till Excel…
(the dialog stays open), the report preview's "Spara som PDF…" (the preview stays open),
the registerutdrag's "Spara som…" and Närvarolista (PDF)… (the chooser opens again).
Each time the message says why, and the database is byte for byte what it was.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.people import Person
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui import export_dialog, register_extract_dialog, report_preview
from app.ui.activity_table_context import print_signin_sheet
from app.ui.export_dialog import ExportDialog
from app.ui.privacy_dialog import PrivacyDialog
from app.ui.register_extract_dialog import RegisterExtractDialog
from app.ui.report_preview import ReportPreviewDialog
from tests.conftest import MakeActivity


def refused(target: Path) -> str:
    return f"Filen {target} är programmets databas; välj ett annat filnamn. Ingenting har sparats."


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: boxes.append((title, text))
    )
    return boxes


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file chooser's answers, one per time it is opened ("" is Avbryt)."""
    queue: list[str] = []

    def get_save_file_name(*args: object) -> tuple[str, str]:
        assert queue, "the chooser was opened more often than expected"
        return queue.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return queue


@pytest.fixture
def database(store: Store, add_activity: MakeActivity) -> Store:
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(30))
    return store


def on_disk(db_path: Path) -> tuple[bytes, bytes]:
    """The database as it is on disk: the file and its write-ahead log."""
    wal = Path(f"{db_path}-wal")
    return db_path.read_bytes(), wal.read_bytes() if wal.exists() else b""


def link(kind: str, db_path: Path, name: str) -> Path:
    folder = db_path.parent / "rapporter"
    folder.mkdir(exist_ok=True)
    target = folder / name
    if kind == "symlink":
        target.symlink_to(db_path)
    else:
        os.link(db_path, target)
    return target


@pytest.mark.parametrize("kind", ["symlink", "hard link"])
def test_the_export_dialog_stays_open(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    db_path: Path,
    database: Store,
    answers: list[str],
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    target = link(kind, db_path, "Insatslogg 2018.xlsx")
    answers.append(str(target))
    before = on_disk(db_path)
    seen: list[bool] = []

    def drive(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExportDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen.append(dialog.isVisible() and dialog.result_choice is None)
        dialog.reject()
        return False

    monkeypatch.setattr(export_dialog, "run_modal", drive)
    assert ExportDialog.ask(None, store, insats, 2018) is None

    assert seen == [True]
    assert shown == [("Exportera till Excel", refused(target))]
    assert on_disk(db_path) == before and (target.is_symlink() or target.is_file())


def test_the_report_previews_save_as_pdf(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    db_path: Path,
    database: Store,
    answers: list[str],
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = link("hard link", db_path, "Rapport 2018.pdf")
    answers.append(str(target))
    before = on_disk(db_path)
    seen: list[tuple[Path | None, str]] = []

    def drive(dialog: QDialog) -> bool:
        assert isinstance(dialog, ReportPreviewDialog)
        seen.append((dialog.save_as_pdf(), dialog.saved_label.text()))
        dialog.reject()
        dialog.deleteLater()
        return False

    monkeypatch.setattr(report_preview, "run_modal", drive)
    assert insats.id is not None
    assert ReportPreviewDialog.show_report(None, store, ExportRequest(insats.id, 2018, 2018))

    assert seen == [(None, "")]
    assert shown == [("Rapport till styrelsen", refused(target))]
    assert on_disk(db_path) == before


def test_the_register_extract(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    db_path: Path,
    database: Store,
    answers: list[str],
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert insats.forbund_id is not None
    store.people.save(Person(None, insats.forbund_id, "Anna Ärlig", None, "anna@af.se"))
    dialog = PrivacyDialog(None, store, insats.forbund_id, today=date(2024, 5, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    answers.append(str(db_path))  # the database itself: it has a suffix, so it stays
    before = on_disk(db_path)
    seen: list[bool] = []

    def drive(extract: QDialog) -> bool:
        assert isinstance(extract, RegisterExtractDialog)
        qtbot.addWidget(extract)
        extract.save_as()
        seen.append(extract.saved_label.isHidden())
        return False

    monkeypatch.setattr(register_extract_dialog, "run_modal", drive)
    dialog.view.selectRow(0)
    qtbot.mouseClick(dialog.extract_button, Qt.MouseButton.LeftButton)

    assert seen == [True]
    assert shown == [("Registerutdrag", refused(db_path))]
    assert on_disk(db_path) == before


def test_the_signin_sheet_asks_again(
    qtbot: QtBot,
    store: Store,
    add_activity: MakeActivity,
    db_path: Path,
    database: Store,
    answers: list[str],
    shown: list[tuple[str, str]],
) -> None:
    activity = add_activity("Workshop", "Hofors", date(2018, 5, 2))
    assert activity.id is not None
    target = link("symlink", db_path, "lista.pdf")
    before = on_disk(db_path)
    chosen = db_path.parent / "rapporter" / "närvarolista.pdf"
    answers.extend([str(target), str(chosen)])

    assert print_signin_sheet(None, store, activity.id) is True

    assert answers == []  # asked twice
    assert shown == [("Närvarolista", refused(target))]
    assert on_disk(db_path) == before and target.is_symlink()
    assert chosen.read_bytes().startswith(b"%PDF")
