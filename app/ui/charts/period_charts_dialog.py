"""Visa → Diagram för period…: the charts of a chosen period (the whole insats, a year,
a tertial, a half-year, a quarter, several years or two dates, as for a report) beside
the period chooser. A window of its own: it stays open while one works on, and its
charts are read again when it is brought to the front."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.chart_data import ChartSeries
from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.report_period import ReportPeriod
from app.operations.charts import insats_charts, period_charts
from app.store.database import Store
from app.ui.charts.chart_panel import ChartPanel
from app.ui.form_fields import ERROR_STYLE
from app.ui.period_chooser import PeriodChooser
from app.ui.screen_fit import resize_to_fit

HINT_STYLE = "color: #555;"


def chart_years(store: Store, insats: Insats) -> list[int]:
    """The years one can choose: the insats's, and any other year with activities."""
    assert insats.id is not None
    return sorted(set(insats.years) | set(store.activities.years(insats.id)))


class PeriodChartsDialog(QDialog):
    def __init__(
        self, store: Store, insats: Insats, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("periodChartsDialog")
        self.setWindowTitle(self.tr("Diagram för period – {0}").format(insats.name))
        self._store = store
        self._insats = insats
        self._over_insats: tuple[ChartSeries, ...] | None = None  # read once per showing
        self._left = False  # another window was active since the charts were read
        # The period the charts show: choosing another kind of period changes two radio
        # buttons, and the charts are read once, for the period chosen.
        self._shown: ReportPeriod | None = None
        years = chart_years(store, insats)
        self.chooser = PeriodChooser(insats, years, year if year in years else years[-1], self)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("periodProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.hide()
        hint = QLabel(
            self.tr(
                "Deltagare räknas från genomförda aktiviteter (volym). Nådda per år och "
                "utvärderingarnas medelvärde per år gäller hela insatsen. Högerklicka på "
                "ett diagram för att kopiera det som bild."
            )
        )
        hint.setObjectName("chartsHint")
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        side = QVBoxLayout()
        side.addWidget(self.chooser)
        side.addWidget(self.problem_label)
        side.addWidget(hint)
        side.addStretch(1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(380)

        self.panel = ChartPanel()
        scroll = QScrollArea()
        scroll.setObjectName("chartsScroll")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.panel)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(side_widget)
        body.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 1320, 760)
        self.chooser.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the chosen period's charts (nothing when the period is wrong); those over
        the insats's years are read once, and again when the window comes to the front."""
        problem = self.chooser.problem()
        if not problem:
            request = self.chooser.request()
            self.chooser.shown_label.setText(self.tr("Diagrammen gäller {0}.").format(request.span))
            if request.period != self._shown or self._over_insats is None:
                problem = self._read(request.period)
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.panel.setEnabled(not problem)

    def _read(self, period: ReportPeriod) -> str:
        """Read and show the period's charts; what went wrong, or ''."""
        try:
            if self._over_insats is None:
                self._over_insats = insats_charts(self._store, self._insats)
            series: Sequence[ChartSeries] = period_charts(
                self._store, self._insats, period, self._over_insats
            )
        except DomainError as exc:
            self._shown = None
            return str(exc)
        self.panel.set_series(series)
        self._shown = period
        return ""

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() != QEvent.Type.ActivationChange:
            return
        if not self.isActiveWindow():
            self._left = True
        elif self._left:  # back from the main window: what was edited there meanwhile
            self._left = False
            self._over_insats = None
            self.refresh()
