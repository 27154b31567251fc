"""Where the file and folder choosers start, and that the folder chosen is remembered.

The settings live in the test's own config folder (tests/conftest.py's private_config),
never in the real user's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from app.ui import file_dialogs
from app.ui.file_dialogs import (
    existing_directory,
    open_file_name,
    remember_folder,
    remembered_folder,
    save_file_name,
    start_folder,
)
from app.ui.import_dialog import ImportDialog


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's Dokument folder is tmp_path/Dokument; the program runs in another."""
    folder = tmp_path / "Dokument"
    folder.mkdir()
    real = QStandardPaths.writableLocation

    def writable_location(location: QStandardPaths.StandardLocation) -> str:
        if location == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(folder)
        return real(location)

    monkeypatch.setattr(QStandardPaths, "writableLocation", writable_location)
    program = tmp_path / "programmet"
    program.mkdir()
    monkeypatch.chdir(program)
    return folder


@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What each chooser was offered as its start; every chooser is cancelled."""
    seen: list[str] = []

    def get_file_name(parent: object, title: str, start: str, filters: str = "") -> tuple[str, str]:
        seen.append(start)
        return "", ""

    def get_directory(parent: object, title: str, start: str) -> str:
        seen.append(start)
        return ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_file_name)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", get_file_name)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", get_directory)
    return seen


def test_without_a_remembered_folder_choosers_start_in_dokument(
    documents: Path, offered: list[str]
) -> None:
    assert remembered_folder() is None
    assert start_folder() == documents

    assert save_file_name(None, "Spara", "Insatslogg 2018.xlsx", "*.xlsx") is None
    assert open_file_name(None, "Öppna") is None
    assert existing_directory(None, "Välj mapp") is None

    assert offered == [str(documents / "Insatslogg 2018.xlsx"), str(documents), str(documents)]
    assert remembered_folder() is None  # cancelling remembers nothing


def test_the_import_chooser_does_not_start_in_the_programs_folder(
    documents: Path, offered: list[str]
) -> None:
    assert ImportDialog.choose_file(None) is None

    assert offered == [str(documents)]
    assert Path(offered[0]) != Path.cwd()


def test_a_remembered_folder_is_where_the_next_chooser_starts(
    documents: Path, offered: list[str], tmp_path: Path
) -> None:
    last = tmp_path / "rapporter"
    last.mkdir()
    remember_folder(last)

    save_file_name(None, "Spara", "rapport.pdf", "*.pdf")
    open_file_name(None, "Öppna", "*.xlsx")

    assert offered == [str(last / "rapport.pdf"), str(last)]


def test_a_remembered_folder_that_is_gone_falls_back_to_dokument(
    documents: Path, tmp_path: Path
) -> None:
    gone = tmp_path / "borta"
    gone.mkdir()
    remember_folder(gone)
    gone.rmdir()

    assert remembered_folder() is None
    assert start_folder() == documents


def test_a_given_start_wins_over_the_remembered_folder(documents: Path, tmp_path: Path) -> None:
    backups = tmp_path / "säkerhetskopior"
    backups.mkdir()
    remember_folder(documents)

    assert start_folder(backups) == backups
    assert start_folder(tmp_path / "finns-inte") == documents
    assert start_folder(Path("relativ")) == documents  # never relative to the program's folder


def test_the_folder_of_a_chosen_file_is_remembered(
    documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, private_config: Path
) -> None:
    chosen = tmp_path / "ut" / "period.xlsx"
    chosen.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda parent, title, start, filters: (str(chosen), "")
    )

    assert save_file_name(None, "Spara", "Insatslogg 2018.xlsx", "*.xlsx") == chosen

    assert remembered_folder() == chosen.parent
    assert start_folder() == chosen.parent
    # Kept in the (test's own) config folder, so the next run of the program finds it.
    settings_file = private_config / file_dialogs.SETTINGS_FILENAME
    assert str(chosen.parent) in settings_file.read_text(encoding="utf-8")


def test_a_chosen_folder_is_remembered(
    documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "usb"
    chosen.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda parent, title, start: str(chosen)
    )

    assert existing_directory(None, "Välj mapp") == chosen
    assert remembered_folder() == chosen
