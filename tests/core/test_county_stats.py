"""County ASF statistics: figures as reported; a total that differs from its parts is found.

Figures are the Gävleborg final report's, autumn 2016–2020.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.core.county_stats import (
    WHAT_COMPANIES,
    WHAT_EMPLOYEES,
    WHAT_PLACED,
    CountyStats,
    check_all_county_stats,
    check_county_stats,
    county_stats_table,
    validate_county_stats,
)
from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.vocabulary import PlacedSource

AF, KOMMUN, OVRIGA = PlacedSource.ARBETSFORMEDLINGEN, PlacedSource.KOMMUN, PlacedSource.OVRIGA
REGIONS = ("Hälsingland", "Gästrikland")

# year: companies, (Hälsingland, Gästrikland), employees, (women, men), placed, (AF, kommun, övr.)
REPORT = {
    2016: (34, (22, 12), 179, (113, 66), 156, (96, 57, 3)),
    2017: (34, (24, 10), 228, (137, 91), 230, (155, 65, 10)),
    2018: (30, (20, 10), 204, (113, 91), 244, (152, 74, 17)),
    2019: (28, (17, 11), 206, (108, 98), 130, (93, 26, 11)),
    2020: (28, (17, 11), 209, (111, 98), 123, (81, 26, 10)),
}


def stats(year: int) -> CountyStats:
    companies, regions, employees, (women, men), placed, sources = REPORT[year]
    return validate_county_stats(
        CountyStats(
            None,
            1,
            year,
            snapshot_date=date(year, 10, 1),
            source="Slutrapport ASF-insats 2016–2020",
            companies_total=companies,
            companies_by_region=dict(zip(REGIONS, regions, strict=True)),
            employees_total=employees,
            employees_women=women,
            employees_men=men,
            placed_total=placed,
            placed_by_source=dict(zip((AF, KOMMUN, OVRIGA), sources, strict=True)),
        )
    )


def test_2016_adds_up() -> None:
    assert check_county_stats(stats(2016)) == []


def test_2018_placed_total_does_not_match_its_parts() -> None:
    assert check_county_stats(stats(2018)) == [
        Finding(WHAT_PLACED, "Länsstatistik 2018", "243 (152 + 74 + 17)", "244")
    ]
    assert stats(2018).placed_total == 244  # kept as reported


def test_every_year_of_the_report_checked() -> None:
    assert check_all_county_stats([stats(y) for y in reversed(REPORT)]) == [
        Finding(WHAT_PLACED, "Länsstatistik 2018", "243 (152 + 74 + 17)", "244"),
        Finding(WHAT_PLACED, "Länsstatistik 2020", "117 (81 + 26 + 10)", "123"),
    ]


def test_companies_and_employees_are_checked_too() -> None:
    s = CountyStats(
        None,
        1,
        2017,
        companies_total=35,
        companies_by_region={"Hälsingland": 24, "Gästrikland": 10},
        employees_total=228,
        employees_women=137,
        employees_men=90,
    )

    assert check_county_stats(s) == [
        Finding(WHAT_COMPANIES, "Länsstatistik 2017", "34 (24 + 10)", "35"),
        Finding(WHAT_EMPLOYEES, "Länsstatistik 2017", "227 (137 + 90)", "228"),
    ]


def test_unreported_figures_are_not_contradictions() -> None:
    only_totals = CountyStats(None, 1, 2019, companies_total=28, placed_total=130)
    some_parts = CountyStats(None, 1, 2019, placed_total=130, placed_by_source={AF: 93})
    no_total = CountyStats(None, 1, 2019, placed_by_source={AF: 93, KOMMUN: 26, OVRIGA: 11})

    for s in (only_totals, some_parts, no_total):
        assert check_county_stats(s) == []


def test_reported_parts_that_already_exceed_the_total_are_found() -> None:
    s = CountyStats(None, 1, 2019, employees_total=100, employees_women=108)

    assert check_county_stats(s) == [
        Finding(WHAT_EMPLOYEES, "Länsstatistik 2019", "minst 108 (108)", "100")
    ]


def test_impossible_input_is_refused_in_swedish() -> None:
    with pytest.raises(ValidationError) as err:
        validate_county_stats(
            CountyStats(
                None,
                1,
                2018,
                companies_total=-1,
                companies_by_region={"Hälsingland": -2, " ": 1},
                employees_men=-3,
                placed_by_source={OVRIGA: -4},
            )
        )

    assert err.value.problems == [
        "Ange namnet på varje delregion.",
        "Antalet registrerade företag kan inte vara negativt (-1).",
        "Antalet anställda män kan inte vara negativt (-3).",
        "Antalet företag i Hälsingland kan inte vara negativt (-2).",
        "Antalet placerade av Övriga (utan ersättning) kan inte vara negativt (-4).",
    ]


def test_a_delregion_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match="Samma delregion finns två gånger."):
        validate_county_stats(
            CountyStats(None, 1, 2018, companies_by_region={"Hälsingland": 20, "hälsingland ": 1})
        )


def test_table_has_measures_as_rows_and_years_as_columns() -> None:
    table = county_stats_table([stats(y) for y in (2018, 2016, 2017, 2019, 2020)], REGIONS)

    assert table.key == "lansstatistik"
    assert table.has_total is False
    assert table.columns == ("2016", "2017", "2018", "2019", "2020")
    assert [r.label for r in table.rows] == [
        "Företag totalt",
        "Företag: Hälsingland",
        "Företag: Gästrikland",
        "Anställda totalt",
        "Anställda: kvinnor",
        "Anställda: män",
        "Placerade totalt",
        "Placerade: Arbetsförmedlingen",
        "Placerade: Kommunen",
        "Placerade: Övriga (utan ersättning)",
    ]
    assert table.value("Företag: Hälsingland", "2016") == 22
    assert table.value("Anställda totalt", "2018") == 204
    assert table.value("Placerade totalt", "2018") == 244  # as reported, not 243
    assert "total" not in table.to_dict()
    assert "Ej rapporterat" not in table.note


def test_unreported_figures_are_named_in_the_note() -> None:
    table = county_stats_table(
        [CountyStats(None, 1, 2021, companies_total=27, source="Coompanion")], REGIONS
    )

    assert table.value("Företag: Hälsingland", "2021") == 0
    assert "Ej rapporterat (visas som 0): Företag: Hälsingland 2021" in table.note
    assert "Källa: 2021: Coompanion." in table.note


def test_a_delregion_the_forbund_lacks_is_still_shown() -> None:
    s = CountyStats(None, 1, 2018, companies_by_region={"Uppland": 2, "Hälsingland": 20})

    labels = [r.label for r in county_stats_table([s], REGIONS).rows]

    assert labels[1:4] == ["Företag: Hälsingland", "Företag: Gästrikland", "Företag: Uppland"]


def test_to_dict_keeps_not_reported_as_none() -> None:
    d = CountyStats(None, 1, 2019, placed_by_source={AF: 93}).to_dict()

    assert d["placed_by_source"] == {"arbetsformedlingen": 93, "kommun": None, "ovriga": None}
    assert d["companies_total"] is None
    assert d["snapshot_date"] is None
