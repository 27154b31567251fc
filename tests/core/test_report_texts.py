"""Stated figures are checked against the record's years; report texts are validated."""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.report_texts import (
    ReportText,
    StatedFigure,
    stated_figure_findings,
    validate_report_text,
    validate_stated_figure,
)

YEARS = {2016: 95, 2017: 586, 2018: 235, 2019: 183, 2020: 176}
SOURCE = "Slutrapporten"


def _stated(value: int, first: int = 2016, last: int = 2020) -> StatedFigure:
    return StatedFigure(1, first, last, "nadda_personer", value, SOURCE)


def test_a_stated_total_that_is_not_the_sum_of_the_years_is_a_finding() -> None:
    found = stated_figure_findings([_stated(1257)], {"nadda_personer": YEARS})
    assert found == [
        Finding(
            "Angiven total stämmer inte med årens summa",
            "Nådda personer 2016–2020 (Slutrapporten)",
            "1 275 (95 + 586 + 235 + 183 + 176)",
            "1 257",
        )
    ]


def test_a_right_total_gives_no_finding() -> None:
    assert stated_figure_findings([_stated(1275)], {"nadda_personer": YEARS}) == []


def test_a_figure_for_years_outside_the_report_is_not_checked() -> None:
    part = {"nadda_personer": {2017: 586, 2018: 235}}
    assert stated_figure_findings([_stated(1257)], part) == []


def test_a_single_year_figure() -> None:
    found = stated_figure_findings([_stated(90, 2016, 2016)], {"nadda_personer": YEARS})
    assert found == [
        Finding(
            "Angiven siffra stämmer inte med registret",
            "Nådda personer 2016 (Slutrapporten)",
            "95",
            "90",
        )
    ]


def test_validation_is_swedish() -> None:
    with pytest.raises(ValidationError, match="Sista året"):
        validate_stated_figure(_stated(5, 2020, 2016))
    with pytest.raises(ValidationError, match="negativ"):
        validate_stated_figure(_stated(-1))
    with pytest.raises(ValidationError, match="Okänt avsnitt"):
        validate_report_text(ReportText(1, 2018, 2018, "inledning", "x"))
    assert validate_report_text(ReportText(1, 2018, 2018, "analys", "  Text \n")).text == "Text"
