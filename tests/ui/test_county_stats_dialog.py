"""The county statistics dialog keeps still while its warnings come and go."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.county_stats_dialog import CountyStatsDialog

REGIONS = ["Gästrikland", "Hälsingland"]


def fields(d: CountyStatsDialog) -> list[QWidget]:
    return [
        d.year_spin,
        d.companies_total,
        *d.region_spins.values(),
        d.employees_total,
        d.women,
        d.men,
        d.placed_total,
        *d.source_spins.values(),
        d.notes_edit,
        d.ok_button,
    ]


def geometries(d: CountyStatsDialog) -> list[QRect]:
    QApplication.processEvents()
    return [QRect(w.mapTo(d, QPoint(0, 0)), w.size()) for w in fields(d)] + [d.rect()]


def test_every_warning_at_once_moves_nothing_and_fits(qtbot: QtBot) -> None:
    d = CountyStatsDialog(1, REGIONS, None, 2018)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    before = geometries(d)

    # All three totals contradict their parts: the longest warning there is.
    d.companies_total.set_figure(10)
    for spin in d.region_spins.values():
        spin.set_figure(9)
    d.employees_total.set_figure(5)
    d.women.set_figure(4)
    d.men.set_figure(4)
    d.placed_total.set_figure(1)
    for spin in d.source_spins.values():
        spin.set_figure(2)

    assert d.warnings.isVisibleTo(d)
    assert d.warnings.text().count("•") == 3
    assert geometries(d) == before
    assert d.message_area.verticalScrollBar().maximum() == 0  # readable without scrolling

    for spin in (d.companies_total, d.employees_total, d.placed_total):
        spin.set_figure(None)
    assert not d.warnings.isVisibleTo(d)
    assert geometries(d) == before
