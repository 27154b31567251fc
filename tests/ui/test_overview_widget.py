"""The year overview's tables show every row, the Totalt row too, however wide the page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.placements import Placement, placements_table
from app.core.summary import YearSummary
from app.core.vocabulary import Outcome
from app.ui.overview_widget import OverviewWidget, SummaryTableView

KOMMUNER = {1: "Hofors", 2: "Nordanstig", 3: "Hudiksvall"}


def placements() -> list[Placement]:
    return [
        Placement(None, 1, 2018, kommun_id=k, granted=4 + k, used=2 + k, women=1, men=1 + k,
                  unique_individuals=2 + k, length_months=6, outcomes={Outcome.ARBETE: 1})
        for k in KOMMUNER
    ]  # fmt: skip


def shown_overview(qtbot: QtBot, width: int) -> OverviewWidget:
    overview = OverviewWidget()
    qtbot.addWidget(overview)
    table = placements_table(placements(), 2018, KOMMUNER)
    overview.set_summary(YearSummary(2018, "ASF-insatsen", (table,)))
    overview.resize(width, 700)
    overview.show()
    qtbot.waitExposed(overview)
    QApplication.processEvents()
    return overview


def last_row_bottom(view: SummaryTableView) -> int:
    model = view.model()
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == "Totalt"
    return view.rowViewportPosition(last) + view.rowHeight(last)


@pytest.mark.parametrize(
    ("width", "bar"), [(560, True), (2400, False)], ids=["narrow page", "wide page"]
)
def test_the_placements_table_shows_its_totalt_row(qtbot: QtBot, width: int, bar: bool) -> None:
    overview = shown_overview(qtbot, width)
    view = overview.views["placeringar"]

    assert view.horizontalScrollBar().isVisible() is bar
    assert view.rowViewportPosition(0) == 0  # nothing scrolled away at the top
    assert last_row_bottom(view) <= view.viewport().height()
    assert view.viewport().height() - last_row_bottom(view) <= 2  # and no empty space


def test_the_table_follows_the_page_when_it_narrows(qtbot: QtBot) -> None:
    overview = shown_overview(qtbot, 2400)
    view = overview.views["placeringar"]
    assert not view.horizontalScrollBar().isVisible()

    overview.resize(560, 700)
    QApplication.processEvents()

    assert view.horizontalScrollBar().isVisible()
    assert last_row_bottom(view) <= view.viewport().height()
