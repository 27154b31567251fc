"""One chart drawn with QPainter from a ChartSeries: vertical bars, horizontal bars or a
line, with a value axis in whole steps (1, 2, 5, 10 …), every value written beside its
bar or point (colour is never the only signal), a tooltip per bar, and the values as
text in the accessible description. Without values it says "Inga värden att visa"."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.core.chart_axis import axis_ticks
from app.core.chart_data import ChartSeries
from app.core.charts import NOTHING_TO_SHOW, bar_text, describe, value_text

MARGIN = 10
GAP = 6
MAX_LABEL = 150  # the widest a category's label is drawn (elided beyond)
BAR_LIGHT = QColor("#1f5f99")  # on a light background: contrast 6.6 : 1 against white
BAR_DARK = QColor("#8cc4ff")  # on a dark (high-contrast) background


@dataclass(frozen=True)
class Layout:
    """Where everything of the chart goes at the widget's size."""

    plot: QRectF  # the area of the bars (the value axis from 0 to ``top``)
    top: float  # the value at the axis's end
    ticks: tuple[int, ...]
    marks: tuple[QRectF, ...]  # per value: its bar (or the point's hit area)
    rotated: bool  # the category labels below the plot are turned 45°


class ChartView(QWidget):
    """A chart of one ChartSeries; ``set_series`` to change it."""

    def __init__(self, series: ChartSeries | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reaches it
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        copy = QAction(self.tr("Kopiera diagrammet som bild"), self)
        copy.triggered.connect(self.copy_picture)
        self.addAction(copy)
        self.copy_action = copy
        self._series = ChartSeries("", (), ())
        self.set_series(series or self._series)

    # --- contents -------------------------------------------------------------------------
    @property
    def series(self) -> ChartSeries:
        return self._series

    def set_series(self, series: ChartSeries) -> None:
        self._series = series
        self.setAccessibleName(series.title)
        self.setAccessibleDescription(describe(series))
        self.updateGeometry()
        self.update()

    def copy_picture(self) -> None:
        """The chart as a picture on the clipboard (to paste into a presentation)."""
        QGuiApplication.clipboard().setImage(self.grab().toImage())

    # --- size -------------------------------------------------------------------------------
    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _title_height(self) -> int:
        """Two lines: the title, and below it what it is of ("2018", "augusti 2016 –
        december 2020"): the part after the title's last comma."""
        return QFontMetrics(self._title_font()).height() + self.fontMetrics().height() + GAP

    def title_lines(self) -> tuple[str, str]:
        """The chart's title and what it is of, as the two lines drawn."""
        head, comma, tail = self._series.title.rpartition(", ")
        return (head, tail) if comma else (self._series.title, "")

    def _row_height(self) -> int:
        return max(self.fontMetrics().height() + 6, 20)

    def sizeHint(self) -> QSize:
        return QSize(520, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self._height())

    def _height(self) -> int:
        line = self.fontMetrics().height()
        if self._series.kind == "hbar" and not self._series.is_empty:
            rows = len(self._series.labels)
            return 2 * MARGIN + self._title_height() + rows * self._row_height() + line + GAP
        return 300

    # --- layout -----------------------------------------------------------------------------
    def _ticks(self) -> tuple[tuple[int, ...], float]:
        s = self._series
        top = s.maximum if s.maximum is not None else max((*s.values, 0.0))
        ticks = axis_ticks(top)
        return ticks, float(ticks[-1])

    def layout_now(self) -> Layout:
        """The chart's geometry at the widget's present size."""
        s, fm = self._series, self.fontMetrics()
        ticks, top = self._ticks()
        w, h = float(self.width()), float(self.height())
        first = MARGIN + self._title_height()
        n = max(len(s.values), 1)
        if s.kind == "hbar":
            label_w = min(max((fm.horizontalAdvance(x) for x in s.labels), default=0), w * 0.4)
            value_w = max(
                (fm.horizontalAdvance(value_text(v, s.decimals)) for v in s.values), default=0
            )
            left = MARGIN + min(label_w, MAX_LABEL) + 2 + GAP  # 2: no rounding elides it
            plot = QRectF(left, first, max(w - MARGIN - value_w - GAP - left, 10.0), 0)
            row = self._row_height()
            plot.setHeight(n * row)
            marks = tuple(
                QRectF(
                    plot.left(),
                    plot.top() + i * row + row * 0.18,
                    plot.width() * max(v, 0.0) / top,
                    row * 0.64,
                )
                for i, v in enumerate(s.values)
            )
            return Layout(plot, top, ticks, marks, False)
        tick_w = max(fm.horizontalAdvance(value_text(t)) for t in ticks)
        left = MARGIN + tick_w + GAP
        right = w - MARGIN
        slot = max(right - left, 10.0) / n
        widest = min(max((fm.horizontalAdvance(x) for x in s.labels), default=0), MAX_LABEL)
        rotated = widest + 4 > slot
        below = (widest * 0.72 + fm.height()) if rotated else fm.height() + GAP
        plot = QRectF(left, first + fm.height() * 2, right - left, 0)
        plot.setBottom(max(h - MARGIN - below, plot.top() + 20))
        marks = []
        for i, v in enumerate(s.values):
            centre = plot.left() + slot * (i + 0.5)
            y = plot.bottom() - plot.height() * max(v, 0.0) / top
            if s.kind == "line":
                marks.append(QRectF(centre - slot / 2, y - 6, slot, plot.bottom() - y + 6))
            else:
                width = min(slot * 0.7, 64.0)
                marks.append(QRectF(centre - width / 2, y, width, plot.bottom() - y))
        return Layout(plot, top, ticks, tuple(marks), rotated)

    def index_at(self, point: QPointF) -> int | None:
        """The value whose bar (or point) is at ``point``, or None."""
        if self._series.is_empty:
            return None
        layout = self.layout_now()
        for i, mark in enumerate(layout.marks):
            hit = QRectF(mark)
            if self._series.kind == "hbar":
                hit.setRight(max(mark.right(), layout.plot.left() + 8))
            else:
                hit.setTop(min(mark.top(), layout.plot.bottom() - 8))
            if hit.contains(point):
                return i
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(QPointF(event.pos()))
            # A bar's value in words; elsewhere the whole title (it may be elided).
            text = self._series.title if index is None else bar_text(self._series, index)
            QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)

    # --- drawing ----------------------------------------------------------------------------
    def colours(self) -> tuple[QColor, QColor, QColor, QColor]:
        """Background, text, grid and bars, from the palette (light or high contrast)."""
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        grid = QColor(text)
        grid.setAlpha(60)
        bar = BAR_DARK if background.lightness() < 128 else BAR_LIGHT
        return background, text, grid, bar

    def paintEvent(self, _event: QPaintEvent) -> None:
        s = self._series
        background, text, grid, bar = self.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), background)
        painter.setPen(text)
        painter.setFont(self._title_font())
        width = self.width() - 2 * MARGIN
        head, of = self.title_lines()
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        elide = Qt.TextElideMode.ElideRight
        line = QRectF(MARGIN, MARGIN, width, painter.fontMetrics().height())
        painter.drawText(line, top_left, painter.fontMetrics().elidedText(head, elide, width))
        painter.setFont(self.font())
        line.translate(0, line.height())
        painter.drawText(line, top_left, painter.fontMetrics().elidedText(of, elide, width))
        if s.is_empty:
            painter.drawText(
                QRectF(self.rect()).adjusted(0, self._title_height(), 0, 0),
                Qt.AlignmentFlag.AlignCenter,
                self.tr(NOTHING_TO_SHOW),
            )
        else:
            layout = self.layout_now()
            if s.kind == "hbar":
                self._paint_hbars(painter, layout, text, grid, bar)
            else:
                self._paint_columns(painter, layout, text, grid, bar)
        if self.hasFocus():
            painter.setPen(QPen(text, 1, Qt.PenStyle.DotLine))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -2, -2))
        painter.end()

    def _paint_hbars(
        self, p: QPainter, layout: Layout, text: QColor, grid: QColor, bar: QColor
    ) -> None:
        s, fm, plot = self._series, self.fontMetrics(), layout.plot
        for t in layout.ticks:
            x = plot.left() + plot.width() * t / layout.top
            p.setPen(grid)
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            p.setPen(text)
            label = value_text(t)
            p.drawText(
                QPointF(x - fm.horizontalAdvance(label) / 2, plot.bottom() + fm.ascent() + 2),
                label,
            )
        label_w = plot.left() - MARGIN - GAP
        for i, mark in enumerate(layout.marks):
            p.fillRect(mark, bar)
            centre = mark.center().y() + fm.ascent() / 2 - 1
            p.setPen(text)
            name = fm.elidedText(s.labels[i], Qt.TextElideMode.ElideRight, int(label_w))
            p.drawText(QPointF(plot.left() - GAP - fm.horizontalAdvance(name), centre), name)
            p.drawText(QPointF(mark.right() + 4, centre), value_text(s.values[i], s.decimals))

    def _paint_columns(
        self, p: QPainter, layout: Layout, text: QColor, grid: QColor, bar: QColor
    ) -> None:
        s, fm, plot = self._series, self.fontMetrics(), layout.plot
        for t in layout.ticks:
            y = plot.bottom() - plot.height() * t / layout.top
            p.setPen(grid)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(text)
            label = value_text(t)
            p.drawText(
                QPointF(plot.left() - GAP - fm.horizontalAdvance(label), y + fm.ascent() / 2 - 1),
                label,
            )
        slot = plot.width() / max(len(s.values), 1)
        values = [value_text(v, s.decimals) for v in s.values]
        stagger = any(fm.horizontalAdvance(v) + 4 > slot for v in values)
        if s.kind == "line":
            p.setPen(QPen(bar, 2.5))
            points = [QPointF(m.center().x(), m.top() + 6) for m in layout.marks]
            for a, b in zip(points, points[1:], strict=False):
                p.drawLine(a, b)
            p.setBrush(bar)
            for point in points:
                p.drawEllipse(point, 4.0, 4.0)
            p.setBrush(Qt.BrushStyle.NoBrush)
            tops = [pt.y() - 6 for pt in points]
        else:
            for mark in layout.marks:
                p.fillRect(mark, bar)
            tops = [m.top() - 3 for m in layout.marks]
        p.setPen(text)
        background = self.colours()[0]
        for i, (mark, value) in enumerate(zip(layout.marks, values, strict=True)):
            lift = fm.height() if stagger and i % 2 else 0
            x = mark.center().x() - fm.horizontalAdvance(value) / 2
            if s.kind == "line":  # the line never runs through a value's figures
                box = QRectF(
                    x - 1,
                    tops[i] - lift - fm.ascent(),
                    fm.horizontalAdvance(value) + 2,
                    fm.height(),
                )
                p.fillRect(box, background)
            p.drawText(QPointF(x, tops[i] - lift), value)
            self._paint_category(p, layout, i, mark.center().x())

    def _paint_category(self, p: QPainter, layout: Layout, i: int, centre: float) -> None:
        fm = self.fontMetrics()
        name = fm.elidedText(self._series.labels[i], Qt.TextElideMode.ElideRight, MAX_LABEL)
        below = layout.plot.bottom() + fm.ascent() + 3
        if not layout.rotated:
            p.drawText(QPointF(centre - fm.horizontalAdvance(name) / 2, below), name)
            return
        p.save()
        p.translate(centre + fm.ascent() / 3, layout.plot.bottom() + 4)
        p.rotate(-45)
        p.drawText(QPointF(-fm.horizontalAdvance(name), fm.ascent() / 2), name)
        p.restore()
