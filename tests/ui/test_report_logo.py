"""Inställningar → Logotyp för rapporter…: a PNG or JPEG is checked, kept in the
database and put on the report's cover; Ta bort logotyp removes it; what cannot be used
is refused with a Swedish message and nothing changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.core.report_logo import MAX_BYTES
from app.operations.report_logo import report_logo
from app.operations.reports import gather_pdf
from app.reports.board_report import build_board_report
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui.settings_logo import ReportLogoDialog

SHOTS = Path("/tmp/shots")


def _picture(path: Path, kind: str) -> Path:
    image = QImage(240, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f5c99"))
    assert image.save(str(path), kind)
    return path


def _dialog(qtbot: QtBot, store: Store) -> ReportLogoDialog:
    dialog = ReportLogoDialog(None, store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _cover_logo(store: Store) -> bytes | None:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    return build_board_report(gather_pdf(store, ExportRequest(insats.id, 2018, 2018))).cover.logo


def test_a_chosen_logo_is_kept_and_put_on_the_cover(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    assert _cover_logo(store) is None
    dialog = _dialog(qtbot, store)
    assert dialog.preview.text() == "Ingen logotyp vald." and not dialog.remove_button.isEnabled()
    png = _picture(tmp_path / "logga.png", "PNG")
    assert dialog.choose_file(png)
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "report_logo_dialog.png"))
    assert report_logo(store) is None  # nothing is saved before Spara
    dialog.accept()
    assert report_logo(store) == png.read_bytes() == _cover_logo(store)

    # A JPEG replaces it; Ta bort logotyp removes it.
    again = _dialog(qtbot, store)
    assert again.remove_button.isEnabled()
    jpeg = _picture(tmp_path / "logga.jpg", "JPEG")
    assert again.choose_file(jpeg)
    again.accept()
    assert _cover_logo(store) == jpeg.read_bytes()
    # Opened with the stored logo and saved unchanged: nothing changes.
    store.changes.collect()
    unchanged = _dialog(qtbot, store)
    unchanged.accept()
    assert store.changes.collect() is None and report_logo(store) == jpeg.read_bytes()
    third = _dialog(qtbot, store)
    qtbot.mouseClick(third.remove_button, Qt.MouseButton.LeftButton)
    assert third.preview.text() == "Ingen logotyp vald."
    third.accept()
    assert report_logo(store) is None and _cover_logo(store) is None


def test_what_cannot_be_used_is_refused_in_swedish(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, store)
    big = tmp_path / "stor.png"
    big.write_bytes(_picture(tmp_path / "liten.png", "PNG").read_bytes() + b"\0" * MAX_BYTES)
    broken = tmp_path / "trasig.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    text = tmp_path / "anteckning.png"
    text.write_text("inte en bild", encoding="utf-8")
    for path, words in (
        (big, "högst 2 MB"),
        (broken, "går inte att läsa"),
        (text, "inte en PNG- eller JPEG-bild"),
        (tmp_path / "saknas.png", "gick inte att läsa"),
    ):
        assert not dialog.choose_file(path)
        assert dialog.error_label.isVisible() and words in dialog.error_label.text(), path
        assert path.name in dialog.error_label.text()
    assert dialog.chosen is None
    dialog.accept()
    assert report_logo(store) is None
