"""The main window's charts: the year overview's chart source and Visa → Diagram för
period…. Light at start: the charts' modules are imported when a chart is first shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

if TYPE_CHECKING:
    from app.core.chart_data import ChartSeries
    from app.core.summary import YearSummary
    from app.ui.overview_widget import ChartSource, OverviewWidget
    from app.ui.window_dialogs import WindowDialogs


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


CHARTS_CHOSEN = "overview/charts"  # the setting: the overview shows its charts


def connect_overview(window: WindowDialogs, overview: OverviewWidget, settings: QSettings) -> None:
    """The overview's charts read from the window's store, and Tabell / Diagram as the
    user last chose it (the charts are still made only when the overview is shown)."""
    overview.chart_source = overview_chart_source(window)
    if settings.value(CHARTS_CHOSEN, False, type=bool):
        overview.show_charts(True)
    overview.chart_button.toggled.connect(lambda on: settings.setValue(CHARTS_CHOSEN, on))


def overview_chart_source(window: WindowDialogs) -> ChartSource:
    """The year overview's charts of the summary it shows, read from the window's store."""

    def source(summary: YearSummary) -> Sequence[ChartSeries]:
        from app.operations.charts import year_charts

        assert window.insats.id is not None
        return year_charts(window.store, window.insats.id, summary)

    return source


def show_period_charts(window: WindowDialogs) -> QDialog:
    """Open the period view beside the window (a window of its own, closed with it)."""
    from app.ui.charts.period_charts_dialog import PeriodChartsDialog

    dialog = PeriodChartsDialog(window.store, window.insats, window.year, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def period_charts_action(window: WindowDialogs) -> QAction:
    action = QAction(tr("&Diagram för period…"), window)
    action.setStatusTip(tr("Deltagare, nådda och utvärderingar i diagram för en vald period"))
    action.triggered.connect(lambda _checked=False: show_period_charts(window))
    return action
