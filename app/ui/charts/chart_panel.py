"""Several charts side by side, two to a row: the year overview's "Diagram" and the
period view show their ChartSeries in one of these."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from app.core.chart_data import ChartSeries
from app.ui.charts.chart_view import ChartView


class ChartPanel(QWidget):
    """A ChartView per series, in ``columns`` columns; the views are kept and reused."""

    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self._columns = columns
        self.views: list[ChartView] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)

    def set_series(self, series: Sequence[ChartSeries]) -> None:
        """Show ``series`` in order; views left over are hidden."""
        while len(self.views) < len(series):
            view = ChartView(parent=self)
            view.setObjectName(f"chart{len(self.views)}")
            index = len(self.views)
            self._grid.addWidget(
                view, index // self._columns, index % self._columns, Qt.AlignmentFlag.AlignTop
            )
            self.views.append(view)
        for view, one in zip(self.views, series, strict=False):
            view.set_series(one)
            view.show()
        for view in self.views[len(series) :]:
            view.hide()

    def shown(self) -> list[ChartSeries]:
        """The series shown, in order."""
        return [v.series for v in self.views if not v.isHidden()]
