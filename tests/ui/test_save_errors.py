"""Saving from the window on a full disk or over a file open in another program: every
place that writes a user's file shows the Swedish message in a message box and leaves
no file behind (and an old file as it was).

Places: Arkiv → Exportera (Excel and PDF, in the background), the report preview's
"Spara som PDF…", Närvarolista (PDF)…, and the registerutdrag's "Spara som…".
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from app.core import atomic_file
from app.core.attendance import Attendance
from app.core.entities import Insats
from app.operations.reports import export_pdf
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui import report_preview
from app.ui.activity_table_context import print_signin_sheet
from app.ui.export_dialog import (
    EXCEL,
    PDF,
    ExportChoice,
    ExportFormat,
    export_with_progress,
)
from app.ui.register_extract_dialog import RegisterExtractDialog
from app.ui.report_preview import ReportPreviewDialog, copy_atomically
from tests.conftest import MakeActivity
from tests.save_faults import (
    OLD,
    file_size_limit,
    full_disk_message,
    locked_message,
    names,
    sharing_violation,
)

LIMIT = 4096  # every file saved below is bigger

Fault = Callable[[pytest.MonkeyPatch], AbstractContextManager[None]]


def full_disk(monkeypatch: pytest.MonkeyPatch) -> AbstractContextManager[None]:
    """Real: no file may grow past LIMIT while the block runs (EFBIG)."""
    return file_size_limit(LIMIT)


def locked(monkeypatch: pytest.MonkeyPatch) -> AbstractContextManager[None]:
    """Simulated: the rename fails as on Windows with the file open in Excel."""
    monkeypatch.setattr(atomic_file.os, "replace", sharing_violation)
    return nullcontext()


FAULTS = {"full disk": (full_disk, full_disk_message), "locked": (locked, locked_message)}


@pytest.fixture(params=sorted(FAULTS))
def fault(request: pytest.FixtureRequest) -> tuple[Fault, Callable[[Path], str]]:
    return FAULTS[request.param]


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The message boxes' titles and texts."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: boxes.append((title, text))
    )
    return boxes


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The user's folder, holding last year's file under the name chosen again."""
    out = tmp_path / "ut"
    out.mkdir()
    return out


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    w = QMainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.parametrize("fmt", [EXCEL, PDF], ids=["excel", "pdf"])
def test_the_export(
    qtbot: QtBot,
    window: QMainWindow,
    store: Store,
    insats: Insats,
    add_activity: MakeActivity,
    folder: Path,
    fault: tuple[Fault, Callable[[Path], str]],
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    fmt: ExportFormat,
) -> None:
    make, message = fault
    add_activity("Seminarium", "Gävle", date(2018, 3, 14), attendance=Attendance.build(30))
    assert insats.id is not None
    target = folder / f"Insatslogg 2018.{'pdf' if fmt is PDF else 'xlsx'}"
    target.write_bytes(OLD)
    choice = ExportChoice(ExportRequest(insats.id, 2018, 2018), target, fmt)

    with make(monkeypatch):
        ok = export_with_progress(window, store, choice)

    assert not ok
    assert [text for _title, text in shown] == [message(target)]
    assert names(folder) == [target.name]
    assert target.read_bytes() == OLD


@pytest.fixture
def preview(
    qtbot: QtBot, store: Store, insats: Insats, tmp_path: Path, add_activity: MakeActivity
) -> ReportPreviewDialog:
    add_activity("Seminarium", "Gävle", date(2018, 3, 15), attendance=Attendance.build(1275))
    assert insats.id is not None
    built = tmp_path / "byggd.pdf"
    export_pdf(store, ExportRequest(insats.id, 2018, 2018), built)
    dialog = ReportPreviewDialog(built, "Insatslogg 2018.pdf")
    qtbot.addWidget(dialog)
    return dialog


def test_the_report_previews_save_as_pdf(
    preview: ReportPreviewDialog,
    folder: Path,
    fault: tuple[Fault, Callable[[Path], str]],
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make, message = fault
    target = folder / "styrelsen.pdf"
    target.write_bytes(OLD)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))

    with make(monkeypatch):
        saved = preview.save_as_pdf()

    assert saved is None
    assert shown == [("Rapport till styrelsen", message(target))]
    assert preview.saved_label.text() == ""
    assert names(folder) == ["styrelsen.pdf"]
    assert target.read_bytes() == OLD


def test_a_copy_interrupted_midway_leaves_the_old_file(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "byggd.pdf"
    source.write_bytes(b"%PDF-1.4 " + b"x" * 10_000)
    target = folder / "styrelsen.pdf"
    target.write_bytes(OLD)

    def half(src: Path, dst: Path) -> None:
        Path(dst).write_bytes(Path(src).read_bytes()[:5000])
        raise KeyboardInterrupt

    monkeypatch.setattr(report_preview.shutil, "copyfile", half)
    with pytest.raises(KeyboardInterrupt):
        copy_atomically(source, target)
    assert names(folder) == ["styrelsen.pdf"]
    assert target.read_bytes() == OLD


def test_the_signin_sheet(
    qtbot: QtBot,
    store: Store,
    add_activity: MakeActivity,
    folder: Path,
    fault: tuple[Fault, Callable[[Path], str]],
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make, message = fault
    activity = add_activity("Seminarium", "Gävle", date(2018, 3, 14))
    assert activity.id is not None
    target = folder / "lista.pdf"
    target.write_bytes(OLD)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))

    with make(monkeypatch):
        ok = print_signin_sheet(None, store, activity.id)

    assert not ok
    assert shown == [("Närvarolista", message(target))]
    assert names(folder) == ["lista.pdf"]
    assert target.read_bytes() == OLD


def test_the_register_extract(
    qtbot: QtBot,
    folder: Path,
    fault: tuple[Fault, Callable[[Path], str]],
    shown: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make, message = fault
    text = "Namn: Anna Ärlig\n" + "".join(f"{n}. 2021-06-01  Kunskapsdialog\n" for n in range(300))
    assert len(text.encode()) > LIMIT
    extract = RegisterExtractDialog(text, "utdrag.txt")
    qtbot.addWidget(extract)
    target = folder / "utdrag.txt"
    target.write_bytes(OLD)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))

    with make(monkeypatch):
        extract.save_as()

    assert shown == [("Registerutdrag", message(target))]
    assert extract.saved_label.isHidden()
    assert names(folder) == ["utdrag.txt"]
    assert target.read_bytes() == OLD
