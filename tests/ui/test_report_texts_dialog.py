"""The report texts dialog and the activity dialog's highlight, driven through real widgets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.core.entities import Insats
from app.core.report_texts import StatedFigure
from app.store.database import Store
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from app.ui.report_texts_dialog import ReportTextsDialog
from tests.conftest import MakeActivity
from tests.ui.keyboard import retype

SHOTS = Path("/tmp/shots")


def _ok(dialog: QDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def _open(qtbot: QtBot, store: Store, insats: Insats, year: int) -> ReportTextsDialog:
    dialog = ReportTextsDialog(store, insats, year)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_texts_and_figures_are_saved_for_the_years(
    qtbot: QtBot, store: Store, insats: Insats, qtmodeltester: ModelTester
) -> None:
    assert insats.id is not None
    dialog = _open(qtbot, store, insats, 2019)
    qtmodeltester.check(dialog.figures)
    assert dialog.span() == (2019, 2019)
    dialog.first_combo.setCurrentIndex(dialog.first_combo.findData(2018))
    dialog.last_combo.setCurrentIndex(dialog.last_combo.findData(2020))
    assert dialog.span() == (2018, 2020)
    retype(qtbot, dialog.edits["bakgrund"], "Förbundet började 2018.")
    retype(qtbot, dialog.edits["analys"], "Många nåddes.")
    dialog.value_spin.setValue(1257)
    retype(qtbot, dialog.source_edit, "Slutrapporten")
    dialog.add_button.click()
    assert dialog.figures.data(dialog.figures.index(0, 0)) == "Nådda personer"
    assert dialog.figures.data(dialog.figures.index(0, 1)) == "1\u00a0257"
    assert dialog.figures.data(dialog.figures.index(0, 2)) == "Slutrapporten"
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "report_texts_dialog.png"))
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.report_texts.texts(insats.id, 2018, 2020) == {
        "bakgrund": "Förbundet började 2018.",
        "analys": "Många nåddes.",
    }
    [figure] = store.report_texts.stated_figures(insats.id)
    assert (figure.first_year, figure.last_year, figure.value) == (2018, 2020, 1257)

    # Opened again for the same years, it shows what was saved; Ta bort removes a figure.
    again = _open(qtbot, store, insats, 2018)
    assert again.edits["bakgrund"].toPlainText() == ""  # 2018 alone has no text
    again.whole_button.click()
    first, last = insats.years[0], insats.years[-1]
    assert again.span() == (first, last)
    again.first_combo.setCurrentIndex(again.first_combo.findData(2018))
    again.last_combo.setCurrentIndex(again.last_combo.findData(2020))
    assert again.edits["analys"].toPlainText() == "Många nåddes."
    assert again.figures.rowCount() == 1
    again.figure_view.selectRow(0)
    again.remove_button.click()
    assert again.figures.rowCount() == 0
    _ok(again)
    assert store.report_texts.stated_figures(insats.id) == []


def test_a_figure_needs_a_source(qtbot: QtBot, store: Store, insats: Insats) -> None:
    dialog = _open(qtbot, store, insats, 2018)
    dialog.value_spin.setValue(12)
    dialog.add_button.click()
    assert dialog.figures.rowCount() == 0
    assert dialog.problems.isVisible() and "källa" in dialog.problems.text()


def test_ask_returns_whether_saved(
    store: Store, insats: Insats, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReportTextsDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert ReportTextsDialog.ask(None, store, insats, 2018) is False
    monkeypatch.setattr(ReportTextsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert ReportTextsDialog.ask(None, store, insats, 2018) is True


def _choices(store: Store, insats: Insats) -> ActivityChoices:
    assert insats.id is not None and insats.forbund_id is not None
    return ActivityChoices(
        insats.id,
        tuple(store.reference.activity_types()),
        tuple(store.reference.kommuner(insats.forbund_id)),
        tuple(store.reference.organisations(insats.forbund_id)),
    )


def test_highlight_in_the_activity_dialog(
    qtbot: QtBot, store: Store, insats: Insats, make_activity: MakeActivity
) -> None:
    stored = store.activities.add(make_activity(day=date(2018, 3, 15), title="Frukostmöte"))
    dialog = ActivityDialog(_choices(store, insats), stored, date(2018, 3, 15))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.highlight_check.isChecked() and not dialog.highlight_edit.isEnabled()
    dialog.highlight_check.setChecked(True)
    assert dialog.highlight_edit.isEnabled()
    _ok(dialog)  # ticked without a sentence
    assert dialog.isVisible() and "höjdpunkter" in dialog.problems.text()
    retype(qtbot, dialog.highlight_edit, "Första frukostmötet i länet.")
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "activity_dialog_highlight.png"))
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = store.activities.update(dialog.result_activity)
    assert store.activities.get(saved.id or 0).highlight == "Första frukostmötet i länet."

    reopened = ActivityDialog(_choices(store, insats), saved, date(2018, 3, 15))
    qtbot.addWidget(reopened)
    assert reopened.highlight_check.isChecked()
    assert reopened.highlight_edit.text() == "Första frukostmötet i länet."
    reopened.highlight_check.setChecked(False)
    assert reopened.activity() == replace(saved, highlight="")


def test_stated_figure_model(qtmodeltester: ModelTester) -> None:
    from app.ui.report_texts_dialog import StatedFigureModel

    model = StatedFigureModel()
    model.add(StatedFigure(1, 2016, 2020, "nadda_personer", 1257, "Slutrapporten"))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "1\u00a0257"
    model.remove(0)
    assert model.rowCount() == 0


def test_every_section_per_year_reaches_the_board_report(qtbot: QtBot, demo: Store) -> None:
    """A text typed in the dialog for one year appears under that year in the report's
    blocks; a text for the whole insats in its own section; the list marks both."""
    from app.core.report_texts import SECTIONS
    from app.operations.reports import gather_pdf
    from app.reports.board_blocks import Heading, Paragraph
    from app.reports.board_report import build_board_report
    from app.reports.export_content import ExportRequest

    insats = demo.reference.current_insats()
    assert insats is not None and insats.id is not None
    dialog = _open(qtbot, demo, insats, 2018)
    assert dialog.section_list.count() == len(SECTIONS)
    assert dialog.span() == (2018, 2018)
    dialog.section_list.setCurrentRow(list(SECTIONS).index("struktur"))
    assert dialog.current_section() == "struktur"
    assert dialog.stack.currentWidget() is dialog.edits["struktur"]
    assert "2018" in dialog.section_hint.text()
    retype(qtbot, dialog.edits["struktur"], "Tre processutbildningar genomfördes.")
    assert dialog.section_list.item(list(SECTIONS).index("struktur")).text().startswith("●")
    _ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

    whole = _open(qtbot, demo, insats, 2018)
    whole.whole_button.click()
    assert whole.span() == (2016, 2020)
    # The year's text is the year's: the whole insats's struktur text is its own.
    assert "Tre processutbildningar" not in whole.edits["struktur"].toPlainText()
    whole.choose_section("slutsatser")
    retype(qtbot, whole.edits["slutsatser"], "Kunskap leder till handling.")
    SHOTS.mkdir(exist_ok=True)
    whole.grab().save(str(SHOTS / "report_texts_sections.png"))
    _ok(whole)

    content = gather_pdf(demo, ExportRequest(insats.id, 2016, 2020))
    blocks = list(build_board_report(content).blocks)
    at = blocks.index(Heading("2018", 2), blocks.index(Heading("Strukturinriktade insatser")))
    assert blocks[at + 1] == Paragraph("Tre processutbildningar genomfördes.", "quote")
    at = blocks.index(Heading("Slutsatser"))
    assert blocks[at + 1] == Paragraph("Kunskap leder till handling.", "quote")
    # A report on 2018 alone has the year's text, and not the whole insats's
    # conclusions (they speak of the whole period).
    one = build_board_report(gather_pdf(demo, ExportRequest(insats.id, 2018, 2018)))
    assert Paragraph("Kunskap leder till handling.", "quote") not in one.blocks
    assert Paragraph("Tre processutbildningar genomfördes.", "quote") in one.blocks
