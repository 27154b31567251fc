"""The year overview: the core YearSummary's tables and findings, or its charts
("Tabell" / "Diagram"; the charts' modules are imported when first shown)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.findings import Finding
from app.core.summary import YearSummary
from app.core.table_keys import TableKey
from app.ui.summary_table_model import SummaryTableModel

if TYPE_CHECKING:
    from app.core.chart_data import ChartSeries
    from app.ui.charts.chart_panel import ChartPanel

# What the charts of a summary are (the window's reads more than the summary: the months,
# the evaluations); without one, the charts the summary alone gives.
ChartSource = Callable[[YearSummary], Sequence["ChartSeries"]]

# The two columns of the page: activities on the left, participants on the right.
COLUMNS_OF_TABLES = (
    (TableKey.NYCKELTAL, TableKey.AKTIVITETER_TYP, TableKey.AKTIVITETER_KOMMUN),
    (
        TableKey.DELTAGARE_KOMMUN,
        TableKey.DELTAGARE_ORGANISATION,
        TableKey.DELTAGARE_ROLL,
        TableKey.DELTAGARE_KON,
    ),
)


class SummaryTableView(QTableView):
    """A read-only table exactly as tall as its rows: the page scrolls, not each table.

    A table wider than the page gets a horizontal scroll bar; the table grows by the bar's
    height then, so that the bar never covers the last row (the Totalt row).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # The bar comes and goes with the page's width: the height follows it.
        self.horizontalScrollBar().rangeChanged.connect(self._fit_rows)

    def fit_height(self) -> None:
        """Columns as wide as their contents, and every row shown."""
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._fit_rows()

    def needed_height(self) -> int:
        """The height that shows the header, every row and (when needed) the scroll bar."""
        model = self.model()
        rows = model.rowCount() if model is not None else 0
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(rows))
        bar = self.horizontalScrollBar()
        if bar.maximum() > bar.minimum():
            height += bar.sizeHint().height()
        return height

    def _fit_rows(self) -> None:
        height = self.needed_height()
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)


MAX_FINDINGS_LISTED = 12


def findings_text(findings: Sequence[Finding]) -> str:
    """The findings one per line; when there are many, one line per kind of finding."""
    if len(findings) <= MAX_FINDINGS_LISTED:
        return "\n".join(f"• {f}" for f in findings)
    by_kind: dict[str, list[Finding]] = {}
    for f in findings:
        by_kind.setdefault(f.what, []).append(f)
    lines = []
    for what, same in by_kind.items():
        if len(same) == 1:
            lines.append(f"• {same[0]}")
            continue
        examples = "; ".join(f.where for f in same[:3])
        more = f" … och {len(same) - 3} till" if len(same) > 3 else ""
        lines.append(f"• {what} – {len(same)} st: {examples}{more}")
    return "\n".join(lines)


class OverviewWidget(QScrollArea):
    """Every table of the YearSummary, in two columns, with the year's findings on top.

    Tables the layout does not name (later sections of the record) follow in the
    column that is shorter, in the order the summary gives them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        inner = QWidget()
        self.heading = QLabel()
        self.heading.setObjectName("overviewHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.findings_box = QGroupBox()
        self.findings_box.setObjectName("findingsBox")
        self.findings_box.setStyleSheet(
            "QGroupBox#findingsBox { background: #fff4df; border: 1px solid #e0a030;"
            " margin-top: 1.4em; padding-top: 0.4em; }"
            "QGroupBox#findingsBox::title { subcontrol-origin: margin; left: 6px; }"
        )
        self.findings_label = QLabel()
        self.findings_label.setObjectName("findings")
        self.findings_label.setWordWrap(True)
        self.findings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(self.findings_box).addWidget(self.findings_label)
        self.models: dict[str, SummaryTableModel] = {}
        self.views: dict[str, SummaryTableView] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self.notes: dict[str, QLabel] = {}
        self._columns = (QVBoxLayout(), QVBoxLayout())
        columns = QHBoxLayout()
        columns.setSpacing(16)
        for column in self._columns:
            column.addStretch(1)
            columns.addLayout(column, 1)
        self.tables_part = QWidget()
        self.tables_part.setObjectName("overviewTables")
        columns.setContentsMargins(0, 0, 0, 0)
        self.tables_part.setLayout(columns)
        self.table_button = self._toggle("showTables", "Tabell", True)
        self.chart_button = self._toggle("showCharts", "Diagram", False)
        toggle = QButtonGroup(self)
        toggle.addButton(self.table_button)
        toggle.addButton(self.chart_button)
        self.chart_button.toggled.connect(self._show_part)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.table_button)
        top.addWidget(self.chart_button)
        self._layout = layout = QVBoxLayout(inner)
        layout.addLayout(top)
        layout.addWidget(self.findings_box)
        layout.addWidget(self.tables_part)
        layout.addStretch(1)
        self.setWidget(inner)
        self.summary: YearSummary | None = None
        self.chart_source: ChartSource | None = None
        self.charts: ChartPanel | None = None  # made when "Diagram" is first chosen
        self._charts_stale = True
        for keys, column in zip(COLUMNS_OF_TABLES, self._columns, strict=True):
            for key in keys:
                self._add_table(key, column)

    def _toggle(self, name: str, text: str, checked: bool) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(self.tr(text))
        button.setCheckable(True)
        button.setChecked(checked)
        button.setAutoRaise(False)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setStyleSheet(
            "QToolButton { padding: 3px 10px; }"
            "QToolButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        return button

    # --- Tabell / Diagram ------------------------------------------------------------------
    def _show_part(self, charts: bool) -> None:
        self.tables_part.setVisible(not charts)
        if charts:
            self._refresh_charts()
        if self.charts is not None:
            self.charts.setVisible(charts)

    def show_charts(self, charts: bool = True) -> None:
        """Show the charts (or the tables), as the toggle does."""
        (self.chart_button if charts else self.table_button).setChecked(True)

    def _refresh_charts(self) -> None:
        if self.summary is None or not self._charts_stale:
            return
        if self.charts is None:
            from app.ui.charts.chart_panel import ChartPanel

            self.charts = ChartPanel(parent=self.widget())
            self._layout.insertWidget(self._layout.indexOf(self.tables_part) + 1, self.charts)
        if self.chart_source is not None:
            series = self.chart_source(self.summary)
        else:
            from app.core.charts import summary_charts

            series = summary_charts(self.summary)
        self.charts.set_series(series)
        self._charts_stale = False

    def _add_table(self, key: str, column: QVBoxLayout) -> None:
        box = QGroupBox()
        view = SummaryTableView()
        view.setObjectName(f"summary_{key}")
        model = SummaryTableModel(parent=self)
        view.setModel(model)
        note = QLabel()
        note.setObjectName(f"note_{key}")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(view)
        box_layout.addWidget(note)
        self.notes[key] = note
        column.insertWidget(column.count() - 1, box)  # above the stretch
        self.models[key], self.views[key], self.boxes[key] = model, view, box

    def _shorter_column(self) -> QVBoxLayout:
        heights = [
            sum(
                self.boxes[k].sizeHint().height()
                for k in self.boxes
                if column.indexOf(self.boxes[k]) >= 0
            )
            for column in self._columns
        ]
        return self._columns[heights.index(min(heights))]

    def set_summary(self, summary: YearSummary) -> None:
        self.summary = summary
        self.heading.setText(
            self.tr("Årsöversikt {year} – {insats}").format(
                year=summary.year, insats=summary.insats_name
            )
        )
        n = len(summary.findings)
        self.findings_box.setTitle(self.tr("Avvikelser att se över ({n})").format(n=n))
        self.findings_box.setVisible(n > 0)
        self.findings_label.setText(findings_text(summary.findings))
        shown = {t.key for t in summary.tables}
        for table in summary.tables:
            if table.key not in self.models:
                self._add_table(table.key, self._shorter_column())
            self.boxes[table.key].setTitle(table.title)
            self.notes[table.key].setText(table.note)
            self.notes[table.key].setVisible(bool(table.note))
            self.models[table.key].set_table(table)
            self.views[table.key].fit_height()
        for key, box in self.boxes.items():
            box.setVisible(key in shown)
        self._charts_stale = True
        if self.chart_button.isChecked():
            self._refresh_charts()
