"""The charts' plain data and words (core): values as the screen writes them, the text a
screen reader gets, the axis ticks, and the evaluation means."""

from __future__ import annotations

import random

import pytest

from app.core.chart_axis import axis_ticks
from app.core.chart_data import ChartSeries
from app.core.charts import (
    NOTHING_TO_SHOW,
    describe,
    evaluation_means,
    means_per_year,
    value_text,
)
from app.core.evaluation_scale import Distribution
from app.core.wording import NBSP


def test_values_are_written_the_swedish_way() -> None:
    assert value_text(0) == "0"
    assert value_text(1234) == f"1{NBSP}234"
    assert value_text(1234567.0) == f"1{NBSP}234{NBSP}567"
    assert value_text(4.25, 1) in ("4,2", "4,3")  # one decimal, a decimal comma
    assert value_text(4.0, 1) == "4,0"
    assert value_text(1234.5, 1) == f"1{NBSP}234,5"


def test_the_description_reads_every_value() -> None:
    series = ChartSeries("Deltagare per kommun", ("Gävle", "Ockelbo"), (1234.0, 0.0), "deltagare")

    text = describe(series)

    assert text.startswith("Deltagare per kommun.")
    assert f"Gävle: 1{NBSP}234 deltagare" in text
    assert "Ockelbo: 0 deltagare" in text


def test_a_chart_without_values_says_so() -> None:
    assert NOTHING_TO_SHOW.lower() in describe(ChartSeries("Tomt", ("a",), (0.0,)))
    assert NOTHING_TO_SHOW.lower() in describe(ChartSeries("Tomt", (), ()))


def test_details_need_one_per_label() -> None:
    with pytest.raises(ValueError):
        ChartSeries("x", ("a", "b"), (1.0, 2.0), details=("1 svar",))


@pytest.mark.parametrize("seed", [20261202])
def test_the_axis_has_whole_ticks_of_1_2_5_steps_up_to_the_top(seed: int) -> None:
    print(f"seed={seed}")
    rng = random.Random(seed)
    tops = [0.0, 0.4, 1.0, 5.0, 4.6, 7.0, 8.0, 9.0, *(rng.uniform(0, 100_000) for _ in range(300))]
    for top in tops:
        ticks = axis_ticks(top)
        step = ticks[1] - ticks[0]
        assert ticks[0] == 0 and ticks[-1] >= top, top
        assert all(b - a == step for a, b in zip(ticks, ticks[1:], strict=False))
        assert len(ticks) - 1 <= 8
        digits = str(step).rstrip("0") or "0"
        assert digits in ("1", "2", "5"), step
    assert axis_ticks(5.0) == (0, 1, 2, 3, 4, 5)  # the 1–5 scale of an evaluation


@pytest.mark.parametrize("seed", [7, 1202])
def test_evaluation_means_leave_out_parts_without_answers(seed: int) -> None:
    print(f"seed={seed}")
    rng = random.Random(seed)
    parts = [
        (f"Typ {i}", Distribution(*(rng.randint(0, 9) * rng.randint(0, 1) for _ in range(5))))
        for i in range(12)
    ]
    series = evaluation_means("Medelvärde", parts)

    answered = [(label, d) for label, d in parts if d.answers]
    assert series.labels == tuple(label for label, _ in answered)
    for value, (_, d) in zip(series.values, answered, strict=True):
        assert value == pytest.approx(d.total / d.answers)
        assert 1 <= value <= 5
    assert series.maximum == 5 and series.decimals == 1
    assert series.details == tuple(f"{d.answers} svar" for _, d in answered)


def test_no_evaluations_no_chart() -> None:
    assert means_per_year([(2018, Distribution()), (2019, Distribution())]).is_empty
