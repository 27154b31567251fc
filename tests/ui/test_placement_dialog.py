"""The placement dialog keeps still while its warnings come and go."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.core.entities import Kommun
from app.core.vocabulary import Outcome
from app.ui.placement_dialog import OTHER_PARTY, PlacementDialog

KOMMUNER = [Kommun(1, "Bollnäs"), Kommun(2, "Hofors"), Kommun(3, "Nordanstig")]


def shown_dialog(qtbot: QtBot) -> PlacementDialog:
    dialog = PlacementDialog(1, KOMMUNER, year=2018)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    return dialog


def form_widgets(d: PlacementDialog) -> list[QWidget]:
    return [
        d.year_spin,
        d.huvudman_combo,
        d.target_edit,
        *d._spins(),
        d.length,
        d.notes_edit,
        d.ok_button,
        d.buttons.buttons()[1],
    ]


def geometries(d: PlacementDialog) -> list[QRect]:
    """Where each field and button is in the dialog, and the dialog's own size."""
    QApplication.processEvents()
    return [QRect(w.mapTo(d, QPoint(0, 0)), w.size()) for w in form_widgets(d)] + [d.rect()]


def test_warnings_do_not_move_the_form(qtbot: QtBot) -> None:
    d = shown_dialog(qtbot)
    assert not d.warnings.isVisibleTo(d)
    before = geometries(d)

    # Every contradiction the check can find at once: the longest warning there is.
    d.granted.setValue(7)
    d.used.setValue(8)
    d.women.setValue(6)
    d.men.setValue(3)  # more women and men than places used
    d.unique.setValue(9)
    for spin in d.outcome_spins.values():
        spin.setValue(1)

    assert d.warnings.isVisibleTo(d)
    assert d.warnings.text().count("•") == 4
    assert geometries(d) == before
    # ... and the room kept for it is enough to read it without scrolling.
    assert d.message_area.verticalScrollBar().maximum() == 0

    d.used.setValue(0)
    d.women.setValue(0)
    d.men.setValue(0)
    d.unique.setValue(0)
    for spin in d.outcome_spins.values():
        spin.setValue(0)

    assert not d.warnings.isVisibleTo(d)
    assert geometries(d) == before


def test_a_refused_save_does_not_move_the_buttons(qtbot: QtBot) -> None:
    d = shown_dialog(qtbot)
    d.huvudman_combo.setCurrentIndex(d.huvudman_combo.findData(OTHER_PARTY))
    d.outcome_spins[Outcome.ARBETE].setValue(1)  # a warning too
    before = geometries(d)

    d.ok_button.click()

    assert d.problems.isVisibleTo(d)
    assert d.problems.text() == "Ange huvudman: välj en kommun eller skriv vilken part det gäller."
    assert d.result_placement is None
    assert geometries(d) == before
