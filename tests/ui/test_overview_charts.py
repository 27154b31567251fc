"""The year overview's Diagram and Visa → Diagram för period… in the real window on the
demo: each bar is the cell the overview's table shows, the charts follow the year and the
chosen period, and the charts' modules are not loaded until a chart is shown."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.chart_data import ChartSeries
from app.core.charts import value_text
from app.core.table_keys import TableKey
from app.operations.charts import period_charts
from app.store.database import Store
from app.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
CHART_MODULES = ("app.ui.charts", "app.core.charts", "app.operations.charts")


@pytest.fixture
def window(qtbot: QtBot, demo: Store, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(demo, settings)
    qtbot.addWidget(w)
    w.show()
    yield w


def charts_of(window: MainWindow) -> dict[str, ChartSeries]:
    panel = window.overview.charts
    assert panel is not None and panel.isVisible()
    return {s.title.split(",")[0]: s for s in panel.shown()}


def cells(window: MainWindow, key: TableKey) -> dict[str, str]:
    """The overview table's label → the text of its own (first figure) column."""
    model = window.overview.views[key].model()
    found = {}
    for row in range(model.rowCount()):
        label = model.index(row, 0).data()
        if label != "Totalt":
            found[label] = model.index(row, 1).data()
    return found


def test_each_bar_is_the_overview_table_s_cell(window: MainWindow) -> None:
    window.act_show_overview.trigger()
    window.overview.show_charts()
    for year in window.insats.years:
        window.show_year(year)
        QApplication.processEvents()
        assert window.overview.tables_part.isHidden()
        charts = charts_of(window)
        assert set(charts) == {
            "Deltagare per månad",
            "Deltagare per kommun",
            "Deltagare per organisation",
        }
        for title, key in (
            ("Deltagare per kommun", TableKey.DELTAGARE_KOMMUN),
            ("Deltagare per organisation", TableKey.DELTAGARE_ORGANISATION),
        ):
            series = charts[title]
            assert str(year) in series.title
            shown = {lb: value_text(v) for lb, v in zip(series.labels, series.values, strict=True)}
            assert shown == cells(window, key), (year, title)
        volume = cells(window, TableKey.NYCKELTAL)["Deltagare (volym)"]
        assert value_text(sum(charts["Deltagare per månad"].values)) == volume


def test_tabell_brings_the_tables_back(window: MainWindow, qtbot: QtBot) -> None:
    window.act_show_overview.trigger()
    overview = window.overview
    assert overview.charts is None and overview.tables_part.isVisible()

    qtbot.mouseClick(overview.chart_button, Qt.MouseButton.LeftButton)
    assert overview.charts is not None and overview.charts.isVisible()
    assert not overview.tables_part.isVisible()

    qtbot.mouseClick(overview.table_button, Qt.MouseButton.LeftButton)
    assert overview.tables_part.isVisible() and not overview.charts.isVisible()


def test_diagram_is_remembered_for_the_next_window(
    qtbot: QtBot, demo: Store, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "remembered.ini"), QSettings.Format.IniFormat)
    first = MainWindow(demo, settings)
    qtbot.addWidget(first)
    first.act_show_overview.trigger()
    first.overview.show_charts()
    first.close()

    second = MainWindow(demo, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.overview.chart_button.isChecked()
    second.act_show_overview.trigger()
    assert second.overview.charts is not None and second.overview.charts.isVisible()
    assert second.overview.tables_part.isHidden()

    second.overview.show_charts(False)
    third = MainWindow(demo, settings)
    qtbot.addWidget(third)
    assert third.overview.table_button.isChecked()


def test_the_period_view_follows_the_chosen_period(window: MainWindow, demo: Store) -> None:
    from app.ui.charts.period_charts_dialog import PeriodChartsDialog

    window.act_period_charts.trigger()
    (dialog,) = window.findChildren(PeriodChartsDialog)
    chooser = dialog.chooser
    seen = []
    for year in window.insats.years:
        chooser.year_radio.setChecked(True)
        chooser.year_combo.setCurrentIndex(chooser.year_combo.findData(year))
        shown = dialog.panel.shown()
        assert shown == list(period_charts(demo, window.insats, chooser.request().period))
        assert str(year) in shown[1].title
        seen.append(shown[1].values)
        assert chooser.shown_label.text() == f"Diagrammen gäller {year}."
    assert len(set(seen)) > 1  # the years differ: the charts changed with them

    chooser.insats_radio.setChecked(True)
    whole = dialog.panel.shown()
    insats = window.insats
    assert whole == list(period_charts(demo, insats, chooser.request().period))
    assert whole[0].title == f"Deltagare per månad, {chooser.request().span}"
    assert whole[3].title.startswith("Totalt nådda (volym) per år")

    chooser.period_radio.setChecked(True)
    chooser.from_combo.setCurrentIndex(chooser.from_combo.count() - 1)
    chooser.to_combo.setCurrentIndex(0)
    assert dialog.problem_label.isVisibleTo(dialog)
    assert (
        "baklänges" in dialog.problem_label.text() or "kommer efter" in dialog.problem_label.text()
    )
    assert not dialog.panel.isEnabled()

    chooser.insats_radio.setChecked(True)  # the period shown before the wrong one
    assert not dialog.problem_label.isVisibleTo(dialog) and dialog.panel.isEnabled()
    assert dialog.panel.shown() == whole
    dialog.close()


def test_the_period_view_reads_again_when_brought_back(
    window: MainWindow, demo: Store, qtbot: QtBot
) -> None:
    from app.core.attendance import Attendance
    from app.core.entities import Activity
    from app.ui.charts.period_charts_dialog import PeriodChartsDialog

    window.act_period_charts.trigger()
    (dialog,) = window.findChildren(PeriodChartsDialog)
    year = window.insats.years[2]
    dialog.chooser.year_combo.setCurrentIndex(dialog.chooser.year_combo.findData(year))
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    before = dialog.panel.shown()
    gavle = next(k.id for k in window.activities.kommuner if k.name == "Gävle")
    type_id = demo.reference.activity_types()[0].id
    assert window.insats.id is not None and type_id is not None
    demo.activities.add(
        Activity(id=None, insats_id=window.insats.id, type_id=type_id, title="Nytt möte",
                 start=date(year, 5, 4), kommun_id=gavle, attendance=Attendance(total=40))
    )  # fmt: skip

    window.activateWindow()
    qtbot.waitUntil(lambda: not dialog.isActiveWindow())
    assert dialog.panel.shown() == before  # not read while away
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    after = {s.title.split(",")[0]: s for s in dialog.panel.shown()}
    per_kommun = after["Deltagare per kommun"]
    kommun = dict(zip(per_kommun.labels, per_kommun.values, strict=True))
    was = dict(zip(before[1].labels, before[1].values, strict=True))
    assert kommun["Gävle"] == was["Gävle"] + 40
    reached = after["Totalt nådda (volym) per år"]
    index = reached.labels.index(str(year))
    assert reached.values[index] == before[3].values[index] + 40
    dialog.close()


CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from app.ui.application import make_application
app = make_application([])
from app.store.database import Store
from app.ui.main_window import MainWindow
names = %r
loaded = lambda: sorted(m for m in sys.modules if m.startswith(names))
store = Store.open(Path(sys.argv[1]))
window = MainWindow(store, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
app.processEvents()
at_start = loaded()
window.act_show_overview.trigger()
app.processEvents()
with_tables = loaded()
window.overview.show_charts()
app.processEvents()
print(json.dumps([at_start, with_tables, loaded(), len(window.overview.charts.shown())]))
"""


def test_the_charts_are_imported_only_when_first_shown(demo_file: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_file, db)
    out = subprocess.run(
        [sys.executable, "-c", CHILD % (CHART_MODULES,), str(db), str(tmp_path / "s.ini")],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    at_start, with_tables, with_charts, count = json.loads(out.splitlines()[-1])

    assert at_start == [] and with_tables == []
    assert set(CHART_MODULES) <= set(with_charts)
    assert count == 3
