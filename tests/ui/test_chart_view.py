"""A chart paints what its series holds: its bars (or points) in the bar colour where
the layout puts them, every value written, a tooltip per bar, the values read aloud, and
"Inga värden att visa" when there is nothing to show."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor, QGuiApplication, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from app.core.chart_data import ChartSeries
from app.core.charts import NOTHING_TO_SHOW, bar_text, value_text
from app.ui.charts.chart_view import ChartView

SEED = 20261202


def shown(qtbot: QtBot, series: ChartSeries) -> tuple[ChartView, QImage]:
    view = ChartView(series)
    qtbot.addWidget(view)
    view.resize(640, view.sizeHint().height())
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    return view, view.grab().toImage()


def close(a: QColor, b: QColor) -> bool:
    return all(abs(x - y) <= 24 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def random_series(rng: random.Random, kind: str) -> ChartSeries:
    n = rng.randint(3, 14)
    values = tuple(
        float(rng.choice((0, rng.randint(1, 30), rng.randint(100, 5000)))) for _ in range(n)
    )
    values = (*values[:-1], 1234.0)  # at least one bar
    labels = tuple(f"Kommun {i} {'x' * rng.randint(0, 12)}" for i in range(n))
    return ChartSeries(f"Deltagare ({kind})", labels, values, "deltagare", kind)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["bar", "hbar", "line"])
def test_the_bars_are_painted_where_the_values_are(qtbot: QtBot, kind: str) -> None:
    print(f"seed={SEED}")
    series = random_series(random.Random(f"{SEED}{kind}"), kind)
    view, image = shown(qtbot, series)
    background, _text, _grid, bar = view.colours()
    layout = view.layout_now()

    assert len(layout.marks) == len(series.values)
    for value, mark in zip(series.values, layout.marks, strict=True):
        if kind == "line":
            point = mark.center().x(), mark.top() + 6  # the dot
        else:
            point = mark.center().x(), mark.center().y()
        if value == 0 and kind != "line":
            assert mark.width() * mark.height() < 2  # no bar for 0
            continue
        if kind != "line" and min(mark.width(), mark.height()) < 3:
            assert value / layout.top < 0.02  # too small a bar to hit a pixel's middle
            continue
        colour = image.pixelColor(int(point[0]), int(point[1]))
        assert close(colour, bar), (value, colour.name())
    # The tallest bar reaches the top of the axis's last tick or near it.
    inside = [
        image.pixelColor(x, y)
        for x in range(int(layout.plot.left()), int(layout.plot.right()), 3)
        for y in range(int(layout.plot.top()), int(layout.plot.bottom()), 3)
    ]
    assert sum(1 for c in inside if close(c, bar)) > 20
    assert sum(1 for c in inside if not close(c, background)) > 20


@pytest.mark.parametrize("kind", ["bar", "hbar", "line"])
def test_the_description_and_tooltips_read_the_values(qtbot: QtBot, kind: str) -> None:
    series = random_series(random.Random(f"{SEED}{kind}t"), kind)
    view, _ = shown(qtbot, series)

    assert view.accessibleName() == series.title
    description = view.accessibleDescription()
    for label, value in zip(series.labels, series.values, strict=True):
        assert f"{label}: {value_text(value)} deltagare" in description
    for i, mark in enumerate(view.layout_now().marks):
        if series.values[i] or kind == "line":
            hit = QPointF(
                mark.center().x(), (mark.top() + 6) if kind == "line" else mark.center().y()
            )
            assert view.index_at(hit) == i
            assert bar_text(series, i).startswith(series.labels[i])
    assert view.index_at(QPointF(2, 2)) is None  # the title is no bar


def test_an_empty_chart_says_there_is_nothing_to_show(qtbot: QtBot) -> None:
    series = ChartSeries("Utvärderingar", (), (), kind="hbar")
    view, image = shown(qtbot, series)
    background = view.colours()[0]

    assert NOTHING_TO_SHOW.lower() in view.accessibleDescription()
    assert view.index_at(QPointF(view.width() / 2, view.height() / 2)) is None
    middle = [
        image.pixelColor(x, y)
        for x in range(view.width() // 3, 2 * view.width() // 3)
        for y in range(view.height() // 3, 2 * view.height() // 3 + 1)
    ]
    assert any(not close(c, background) for c in middle)  # the words are drawn


def test_a_mean_is_written_with_one_decimal_on_a_five_step_axis(qtbot: QtBot) -> None:
    series = ChartSeries(
        "Medelvärde", ("Seminarium", "Frukostmöte"), (4.25, 3.0), kind="hbar",
        decimals=1, maximum=5.0, details=("12 svar", "4 svar"),
    )  # fmt: skip
    view, _ = shown(qtbot, series)

    assert view.layout_now().ticks == (0, 1, 2, 3, 4, 5)
    assert "Frukostmöte: 3,0 (4 svar)" in view.accessibleDescription()
    mark = view.layout_now().marks[1]
    assert mark.width() == pytest.approx(view.layout_now().plot.width() * 3 / 5)


def test_the_chart_is_copied_as_a_picture(qtbot: QtBot) -> None:
    view, _ = shown(qtbot, ChartSeries("Deltagare", ("a", "b"), (3.0, 5.0)))
    QGuiApplication.clipboard().clear()

    view.copy_action.trigger()

    picture = QGuiApplication.clipboard().image()
    assert not picture.isNull()
    assert (picture.width(), picture.height()) == (view.width(), view.height())


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no stacking
def test_a_tooltip_names_the_bar_under_the_pointer(qtbot: QtBot) -> None:
    series = ChartSeries("Deltagare per kommun", ("Gävle", "Ockelbo"), (1234.0, 56.0),
                         "deltagare", "hbar")  # fmt: skip
    view, _ = shown(qtbot, series)
    mark = view.layout_now().marks[1]
    inside = mark.center().toPoint()

    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, inside, view.mapToGlobal(inside)))

    assert QToolTip.isVisible()
    assert QToolTip.text() == "Ockelbo: 56 deltagare"
    QToolTip.hideText()
