"""Bar charts for the reports, drawn with reportlab.graphics: vector in the PDF (fonts
embedded), and rendered to a picture for the Word file (docx_pictures). The value axis
has whole-number ticks only."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String

from app.core.chart_axis import axis_top, tick_step
from app.reports import pdf_style as st

BAR = 11.0  # points per bar
MIN_BAR = 5.0


def bar_chart(labels: Sequence[str], values: Sequence[int], caption: str) -> Drawing:
    """Horizontal bars, one per label (top to bottom in the given order), with values."""
    n = max(len(labels), 1)
    label_width = 120.0
    # Many bars get thinner (and their labels smaller) so the chart fits on a page.
    bar = max(MIN_BAR, min(BAR, (st.FRAME_HEIGHT * 0.85 - 34) / n))
    height = n * bar + 34
    drawing = Drawing(st.WIDTH, height)
    drawing.initialFontName = st.FONT  # not Helvetica: every font in the file is embedded
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 18
    chart.width = st.WIDTH - label_width - 40
    chart.height = n * bar
    # reportlab draws the first category at the bottom: reverse for top-to-bottom order.
    chart.data = [list(reversed([max(v, 0) for v in values])) or [0]]
    chart.categoryAxis.categoryNames = list(reversed([_short(lb) for lb in labels])) or [""]
    chart.categoryAxis.labels.fontName = st.FONT
    chart.categoryAxis.labels.fontSize = min(7.5, bar * 0.7)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = st.RULE
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.labels.fontName = st.FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = st.MUTED
    chart.valueAxis.strokeColor = st.RULE
    top = max((max(v, 0) for v in values), default=0)
    step = tick_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = axis_top(top, step)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = st.STRIPE
    chart.valueAxis.labelTextFormat = lambda v: st.number(int(v))
    chart.valueAxis.forceZero = True
    chart.bars[0].fillColor = st.ACCENT
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0
    chart.groupSpacing = 3
    chart.barLabelFormat = lambda v: st.number(int(v))
    chart.barLabels.fontName = st.FONT
    chart.barLabels.fontSize = min(6.5, bar * 0.65)
    chart.barLabels.fillColor = st.INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(String(0, height - 10, caption, fontName=st.BOLD, fontSize=8, fillColor=st.MUTED))
    return drawing


def _short(label: str, width: int = 26) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"
