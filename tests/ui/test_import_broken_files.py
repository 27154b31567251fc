"""Arkiv → Importera on broken files: a Swedish message, never an exception, never a change.

The files come from the broken-file corpus (tests/importers/broken_corpus.py); several of
them crashed the importer before it turned every reading error into a DomainError.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.entities import Insats
from app.store.database import Store
from app.ui import import_dialog
from app.ui.import_dialog import ImportDialog
from tests.importers.broken_corpus import (
    BrokenFile,
    assert_swedish,
    corpus,
    dump,
    fail_on_second_write,
)

# Each was a crash (an exception that was no DomainError) or a hang before the fixes.
REFUSED = {
    "xlsx-member-truncated-xl_worksheets_sheet1.xml.xlsx": "kan inte läsas som en Excel-fil",
    "xlsx-shared-string-missing.xlsx": "kan inte läsas som en Excel-fil",
    "xlsx-member-bitflip-[Content_Types].xml.xlsx": "kan inte läsas som en Excel-fil",
    "excel-really-xls.xlsx": "i det gamla formatet (.xls)",
    "csv-huge-field.csv": "kan inte läsas som CSV: rad 2",
    "ics-empty.ics": "kan inte läsas som en kalenderfil",
    "ics-bad-x-wr-timezone.ics": "Händelserna i ics-bad-x-wr-timezone.ics kan inte läsas",
}


def broken(name: str) -> BrokenFile:
    return next(f for f in corpus() if f.name == name)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_broken_file_is_refused_with_a_swedish_message(
    name: str,
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    insats: Insats,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / name
    path.write_bytes(broken(name).data)
    shown: list[str] = []
    opened: list[Any] = []
    monkeypatch.setattr(ImportDialog, "choose_file", classmethod(lambda cls, parent: path))
    monkeypatch.setattr(ImportDialog, "show_error", classmethod(lambda cls, p, t: shown.append(t)))
    # Should the file be read after all, the preview must not wait for a user.
    monkeypatch.setattr(import_dialog, "run_modal", lambda dialog: opened.append(dialog))
    before = dump(db_path)

    assert ImportDialog.run(None, store, insats) is False

    assert opened == [], f"{name} was read and the preview opened"
    assert len(shown) == 1
    assert REFUSED[name] in shown[0]
    assert not shown[0].startswith("Något gick fel")  # what an unexpected exception shows
    assert_swedish(shown[0], name)
    assert dump(db_path) == before


def test_a_damaged_but_readable_file_previews_and_a_failing_import_changes_nothing(
    qtbot: QtBot,
    tmp_path: Path,
    store: Store,
    insats: Insats,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A calendar with an unreadable date and a series that repeats every second: the
    preview lists what it can read and why the rest cannot be; the write fails half-way."""
    name = "ics-bad-dtstart-00.ics"
    calendar = tmp_path / name
    calendar.write_bytes(
        broken(name).data.replace(
            b"END:VCALENDAR",
            b"BEGIN:VEVENT\r\nUID:2\r\nSUMMARY:Seminarium i G\xc3\xa4vle\r\n"
            b"DTSTART:20180315T090000Z\r\nEND:VEVENT\r\n"
            b"BEGIN:VEVENT\r\nUID:3\r\nSUMMARY:Workshop i Hofors\r\n"
            b"DTSTART;VALUE=DATE:20180410\r\nEND:VEVENT\r\n"
            b"BEGIN:VEVENT\r\nUID:4\r\nSUMMARY:Klocka\r\nDTSTART:20180101T000000Z\r\n"
            b"RRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\nEND:VCALENDAR",
        )
    )
    loaded = ImportDialog.load(None, store, insats, calendar)
    assert loaded is not None
    dialog = ImportDialog(store, insats, *loaded)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rows_model.rowCount() == 2
    assert dialog.rejected_model.rowCount() == 1
    rejected = dialog.rejected_model.index(0, 1).data()
    assert rejected.startswith("Start- eller slutdatumet kan inte läsas")
    skipped = [
        dialog.skipped_model.index(r, 0).data() for r in range(dialog.skipped_model.rowCount())
    ]
    assert any(w.startswith("Serien ”Klocka” upprepas flera gånger om dagen") for w in skipped)

    before = dump(db_path)
    calls = fail_on_second_write(monkeypatch)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert calls[0] == 1  # the first row was written before the failure
    assert dialog.status.text() == (
        "• Filen kunde inte läsas: Disken är full\n• Ingenting har importerats."
    )
    assert dialog.imported_ids == []
    assert dump(db_path) == before
