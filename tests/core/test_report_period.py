"""The periods of a report: their dates, their Swedish names, their pieces per calendar
year and what they are checked for."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from app.core.errors import DomainError
from app.core.report_period import (
    PeriodKind,
    ReportPeriod,
    months_covered,
    report_title,
    short_label,
    span_label,
)

INSATS = (date(2016, 8, 1), date(2020, 12, 31))


def test_the_parts_of_a_year() -> None:
    assert ReportPeriod.tertial(2024, 1) == ReportPeriod(
        date(2024, 1, 1), date(2024, 4, 30), PeriodKind.TERTIAL
    )
    assert (ReportPeriod.tertial(2024, 2).first, ReportPeriod.tertial(2024, 2).last) == (
        date(2024, 5, 1),
        date(2024, 8, 31),
    )
    assert ReportPeriod.tertial(2024, 3).last == date(2024, 12, 31)
    assert (ReportPeriod.half_year(2024, 1).last, ReportPeriod.half_year(2024, 2).first) == (
        date(2024, 6, 30),
        date(2024, 7, 1),
    )
    q1 = ReportPeriod.quarter(2024, 1)
    assert (q1.first, q1.last) == (date(2024, 1, 1), date(2024, 3, 31))
    assert ReportPeriod.quarter(2023, 4).first == date(2023, 10, 1)
    assert ReportPeriod.year(2018) == ReportPeriod(
        date(2018, 1, 1), date(2018, 12, 31), PeriodKind.YEAR
    )
    whole = ReportPeriod.whole_insats(*INSATS)
    assert (whole.first, whole.last, whole.kind) == (*INSATS, PeriodKind.INSATS)


@pytest.mark.parametrize("kind", [PeriodKind.TERTIAL, PeriodKind.HALF_YEAR, PeriodKind.QUARTER])
def test_the_parts_of_a_year_cover_it_without_gap_or_overlap(kind: PeriodKind) -> None:
    for year in (2023, 2024):  # 2024 is a leap year
        parts = []
        number = 1
        while True:
            try:
                parts.append(ReportPeriod.part(kind, year, number))
            except DomainError:
                break
            number += 1
        assert parts[0].first == date(year, 1, 1) and parts[-1].last == date(year, 12, 31)
        for before, after in zip(parts, parts[1:], strict=False):
            assert after.first == before.last + timedelta(days=1)


def test_a_part_that_does_not_exist() -> None:
    with pytest.raises(DomainError, match="Tertial 4 finns inte; välj 1–3."):
        ReportPeriod.tertial(2024, 4)
    with pytest.raises(DomainError, match="Kvartal 0 finns inte; välj 1–4."):
        ReportPeriod.quarter(2024, 0)


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [
        (date(2018, 1, 1), date(2018, 12, 31), "2018"),
        (date(2016, 1, 1), date(2020, 12, 31), "2016–2020"),
        (date(2016, 8, 1), date(2020, 12, 31), "augusti 2016 – december 2020"),
        (date(2024, 1, 1), date(2024, 4, 30), "januari–april 2024"),
        (date(2024, 3, 1), date(2024, 3, 31), "mars 2024"),
        (date(2024, 3, 1), date(2024, 5, 15), "1 mars – 15 maj 2024"),
        (date(2024, 5, 1), date(2024, 5, 15), "1–15 maj 2024"),
        (date(2024, 5, 15), date(2024, 5, 15), "15 maj 2024"),
        (date(2023, 12, 15), date(2024, 1, 15), "15 december 2023 – 15 januari 2024"),
        (date(2024, 2, 1), date(2024, 2, 29), "februari 2024"),
        (date(2023, 2, 1), date(2023, 2, 28), "februari 2023"),
        (date(2024, 2, 1), date(2024, 2, 28), "1–28 februari 2024"),  # not the month's end
    ],
)
def test_labels(first: date, last: date, label: str) -> None:
    assert span_label(first, last) == label
    assert ReportPeriod(first, last).label == label


@pytest.mark.parametrize(
    ("first", "last", "column"),
    [
        (date(2018, 1, 1), date(2018, 12, 31), "2018"),
        (date(2016, 8, 1), date(2016, 12, 31), "2016 (aug–dec)"),
        (date(2016, 8, 1), date(2016, 8, 31), "2016 (aug)"),
        (date(2024, 3, 1), date(2024, 5, 15), "2024 (1 mar–15 maj)"),
        (date(2024, 5, 1), date(2024, 5, 15), "2024 (1–15 maj)"),
        (date(2024, 5, 15), date(2024, 5, 15), "2024 (15 maj)"),
    ],
)
def test_short_column_labels(first: date, last: date, column: str) -> None:
    assert short_label(first, last) == column


def test_the_whole_insats_is_cut_per_year_and_its_first_year_is_covered() -> None:
    pieces = ReportPeriod.whole_insats(*INSATS).pieces(*INSATS)
    assert [(p.first, p.last) for p in pieces] == [
        (date(2016, 8, 1), date(2016, 12, 31)),
        *((date(y, 1, 1), date(y, 12, 31)) for y in range(2017, 2021)),
    ]
    assert [p.column for p in pieces] == ["2016 (aug–dec)", "2017", "2018", "2019", "2020"]
    # The insats began in August: August–December is all of 2016 within the insats.
    assert all(p.covers_year for p in pieces)
    assert [p.whole_year for p in pieces] == [False, True, True, True, True]
    assert all(p.left_out == "" for p in pieces)


def test_a_tertial_does_not_cover_its_year() -> None:
    (piece,) = ReportPeriod.tertial(2018, 3).pieces(*INSATS)
    assert not piece.covers_year and not piece.whole_year
    assert piece.column == "2018 (sep–dec)"
    assert piece.year_before().column == "2017 (sep–dec)"
    assert "registrerade nådda, placeringar, länsstatistik, årsplan" in piece.left_out
    assert piece.left_out.endswith("de finns i årsrapporten 2018.")
    # September–December of the insats's first year is not all of it (August is too).
    (first_year,) = ReportPeriod.tertial(2016, 3).pieces(*INSATS)
    assert not first_year.covers_year


def test_own_dates_over_a_new_year() -> None:
    period = ReportPeriod.own(date(2023, 11, 15), date(2024, 2, 29))
    pieces = period.pieces()
    assert [(p.first, p.last, p.column) for p in pieces] == [
        (date(2023, 11, 15), date(2023, 12, 31), "2023 (15 nov–31 dec)"),
        (date(2024, 1, 1), date(2024, 2, 29), "2024 (jan–feb)"),
    ]
    # 29 February a year earlier is 28 February.
    assert pieces[1].year_before().last == date(2023, 2, 28)
    assert months_covered(period) == (1, 2, 11, 12)


def test_random_periods_are_cut_into_pieces_that_join_up() -> None:
    seed = random.randrange(1_000_000)
    print(f"seed={seed}")
    rng = random.Random(seed)
    for _ in range(300):
        first = date(2000, 1, 1) + timedelta(days=rng.randrange(365 * 20))
        last = first + timedelta(days=rng.randrange(365 * 4))
        pieces = ReportPeriod.own(first, last).pieces()
        assert pieces[0].first == first and pieces[-1].last == last
        for piece in pieces:
            assert piece.first.year == piece.last.year == piece.year
            assert piece.first <= piece.last
            assert piece.covers_year == piece.whole_year  # no insats given
        for before, after in zip(pieces, pieces[1:], strict=False):
            assert after.first == before.last + timedelta(days=1)
        months = months_covered(ReportPeriod(first, last))
        day, seen = first, set()
        while day <= last:
            seen.add(day.month)
            day += timedelta(days=27)
        seen.add(last.month)
        assert seen <= set(months)


def test_checks() -> None:
    with pytest.raises(DomainError, match="Perioden är baklänges: sista dagen 2024-04-30"):
        ReportPeriod.own(date(2024, 5, 1), date(2024, 4, 30))
    with pytest.raises(DomainError, match="ligger utanför de år Insatslogg tar emot"):
        ReportPeriod.own(date(1980, 1, 1), date(2024, 4, 30))
    with pytest.raises(DomainError, match="Året 2200"):
        ReportPeriod.tertial(2200, 1)
    assert ReportPeriod(date(2024, 1, 1), date(2024, 1, 1)).problems() == []


def test_titles_and_file_names() -> None:
    assert report_title(ReportPeriod.year(2018), *INSATS) == "Årsrapport 2018"
    assert (
        report_title(ReportPeriod.whole_insats(*INSATS), *INSATS)
        == "Slutrapport augusti 2016 – december 2020"
    )
    assert report_title(ReportPeriod.years(2016, 2020), *INSATS) == "Rapport 2016–2020"
    assert report_title(ReportPeriod.tertial(2018, 1), *INSATS) == "Rapport januari–april 2018"
    assert (
        ReportPeriod.tertial(2018, 1).suggested_filename() == "Insatslogg januari–april 2018.xlsx"
    )
    assert ReportPeriod.year(2018).suggested_filename(".pdf") == "Insatslogg 2018.pdf"
    own = ReportPeriod.own(date(2024, 3, 1), date(2024, 5, 15))
    assert own.suggested_filename() == "Insatslogg 2024-03-01–2024-05-15.xlsx"


def test_what_parts_of_years_leave_out_is_said_once() -> None:
    from app.core.left_out import left_out_note

    assert left_out_note([]) == ""
    assert left_out_note([2024]).endswith("; de finns i årsrapporten 2024.")
    assert left_out_note([2006, 2005, 2006]).endswith("; de finns i årsrapporterna 2005 och 2006.")
    assert left_out_note([2005, 2006, 2007]).endswith("årsrapporterna 2005, 2006 och 2007.")
