"""Placements: impossible input refused, contradictions reported, the year's table summed.

Figures are the Gävleborg final report's (individinriktade insatser 2016–2018).
"""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.placements import (
    COLUMNS,
    WHAT_GENDER,
    WHAT_OUTCOMES,
    WHAT_OVER_GRANTED,
    WHAT_UNIQUE,
    Placement,
    check_placement,
    check_placements,
    huvudman_label,
    placements_period_table,
    placements_table,
    placements_total_text,
    validate_placement,
)
from app.core.vocabulary import Outcome

HOFORS, HUDIKSVALL, NORDANSTIG = 3, 4, 6
NAMES = {HOFORS: "Hofors", HUDIKSVALL: "Hudiksvall", NORDANSTIG: "Nordanstig"}


def placement(year: int, kommun_id: int | None, granted: int, used: int, **kw: object) -> Placement:
    return validate_placement(
        Placement(None, 1, year, kommun_id, granted=granted, used=used, **kw)  # type: ignore[arg-type]
    )


def gavleborg() -> list[Placement]:
    """The report's five placements, as reported."""
    return [
        placement(2016, HOFORS, 4, 0, target_group="Individer särskilt långt från arbetsmarknaden"),
        placement(
            2017,
            HUDIKSVALL,
            4,
            1,
            women=1,
            target_group="Individer med psykisk ohälsa",
            outcomes={Outcome.FORTSATT_INSATS: 1},
        ),
        placement(2018, HOFORS, 4, 1, women=1, length_months=6),
        placement(
            2018,
            NORDANSTIG,
            7,
            7,
            women=6,
            men=1,
            length_months=6,
            target_group="Utrikes födda, företrädesvis kvinnor",
            outcomes={
                Outcome.ARBETE: 1,
                Outcome.ARBETSFORMEDLINGEN: 1,
                Outcome.OFFENTLIG_FORSORJNING: 5,
            },
        ),
        placement(
            2018,
            HUDIKSVALL,
            4,
            2,
            women=1,
            men=1,
            length_months=6,
            outcomes={Outcome.OFFENTLIG_FORSORJNING: 2},
        ),
    ]


def test_a_consistent_placement_has_no_findings() -> None:
    nordanstig = gavleborg()[3]

    assert check_placement(nordanstig, "Nordanstig") == []
    assert nordanstig.outcomes_total == 7
    assert nordanstig.outcome(Outcome.STUDIER) == 0


def test_outcomes_get_every_key_and_texts_are_trimmed() -> None:
    p = validate_placement(
        Placement(None, 1, 2018, None, huvudman="  Region Gävleborg ", target_group=" Unga ")
    )

    assert p.huvudman == "Region Gävleborg"
    assert p.target_group == "Unga"
    assert set(p.outcomes) == set(Outcome)


def test_a_kommun_as_huvudman_drops_the_free_text() -> None:
    p = validate_placement(Placement(None, 1, 2018, HOFORS, huvudman="Hofors kommun"))

    assert p.huvudman == ""
    assert huvudman_label(p, NAMES) == "Hofors"


def test_impossible_input_is_refused_with_every_problem_in_swedish() -> None:
    with pytest.raises(ValidationError) as err:
        validate_placement(
            Placement(
                None,
                1,
                1850,
                None,
                granted=-4,
                used=-1,
                women=-1,
                length_months=-6,
                outcomes={Outcome.ARBETE: -1},
            )
        )

    assert err.value.problems == [
        "Året måste ligga mellan 1990 och 2100 (angivet 1850).",
        "Ange huvudman: välj en kommun eller skriv vilken part det gäller.",
        "Antalet beviljade platser kan inte vara negativt (-4).",
        "Antalet nyttjade platser kan inte vara negativt (-1).",
        "Antalet kvinnor kan inte vara negativt (-1).",
        "Utfallet Arbete kan inte vara negativt (-1).",
        "Längden kan inte vara negativ (-6 månader).",
    ]


def test_contradictions_are_kept_and_reported() -> None:
    p = placement(
        2018,
        HOFORS,
        4,
        5,
        women=3,
        men=3,
        unique_individuals=6,
        outcomes={Outcome.ARBETE: 1, Outcome.OFFENTLIG_FORSORJNING: 2},
    )

    assert (p.granted, p.used, p.women, p.unique_individuals) == (4, 5, 3, 6)  # as entered
    where = "Placeringar 2018, Hofors"
    assert check_placement(p, "Hofors") == [
        Finding(WHAT_OVER_GRANTED, where, "högst 4", "5"),
        Finding(WHAT_GENDER, where, "högst 5", "6 (3 kvinnor + 3 män)"),
        Finding(WHAT_OUTCOMES, where, "5", "3 (1 arbete + 2 åter i offentlig försörjning)"),
        Finding(WHAT_UNIQUE, where, "högst 5", "6"),
    ]


def test_the_report_gives_no_outcome_for_hofors_2018() -> None:
    findings = check_placements(gavleborg(), NAMES)

    assert findings == [
        Finding(WHAT_OUTCOMES, "Placeringar 2018, Hofors", "1", "0 (inget utfall angivet)")
    ]
    assert str(findings[0]) == (
        "Placeringar 2018, Hofors: Utfallen summerar inte till nyttjade platser – "
        "väntat 1, angivet 0 (inget utfall angivet)."
    )
    assert check_placements(gavleborg(), NAMES, year=2017) == []


def test_year_table_has_a_row_per_placement_and_sums() -> None:
    table = placements_table(gavleborg(), 2018, NAMES)

    assert table.key == "placeringar"
    assert table.columns == COLUMNS
    assert COLUMNS[:6] == (
        "Beviljade",
        "Nyttjade",
        "Kvinnor",
        "Män",
        "Kön ej angivet",
        "Unika individer",
    )
    assert COLUMNS[6:] == tuple(o.label for o in Outcome)
    assert [r.label for r in table.rows] == ["Hofors", "Nordanstig", "Hudiksvall"]
    assert table.value("Totalt", "Beviljade") == 15
    assert table.value("Totalt", "Nyttjade") == 10
    assert table.value("Totalt", "Kvinnor") == 8
    assert table.value("Totalt", "Män") == 2
    assert table.value("Totalt", "Åter i offentlig försörjning") == 7
    assert table.value("Nordanstig", "Vidare till Arbetsförmedlingen") == 1
    assert table.to_dict()["total"]["values"]["Arbete"] == 1


def test_two_placements_of_one_huvudman_get_distinct_labels() -> None:
    rows = placements_table(
        [placement(2018, HOFORS, 4, 1, women=1), placement(2018, HOFORS, 2, 0)], 2018, NAMES
    ).rows

    assert [r.label for r in rows] == ["Hofors", "Hofors (2)"]


def test_an_empty_year_gives_an_empty_table() -> None:
    table = placements_table(gavleborg(), 2020, NAMES)

    assert table.rows == ()
    assert table.value("Totalt", "Beviljade") == 0


def test_period_table_sums_each_year_like_the_report() -> None:
    table = placements_period_table(gavleborg(), [2016, 2017, 2018])

    assert table.key == "placeringar_period"
    assert table.title == "Individinriktade insatser 2016–2018"
    assert [r.label for r in table.rows] == ["2016", "2017", "2018"]
    # "Totalt beviljades medel för 23 handledda placeringar varav 11 nyttjades"
    assert table.value("Totalt", "Beviljade") == 23
    assert table.value("Totalt", "Nyttjade") == 11
    assert table.value("2016", "Nyttjade") == 0
    assert table.value("2017", "Fortsatt insats") == 1


def test_to_dict_names_the_huvudman_and_every_outcome() -> None:
    d = gavleborg()[1].to_dict(NAMES)

    assert d["huvudman"] == "Hudiksvall"
    assert d["outcomes"] == {
        "arbete": 0,
        "studier": 0,
        "arbetsformedlingen": 0,
        "offentlig_forsorjning": 0,
        "fortsatt_insats": 1,
        "annat": 0,
    }


def test_another_party_is_named_by_its_text() -> None:
    p = placement(2018, None, 2, 0, huvudman="Arbetsförmedlingen")

    assert huvudman_label(p, NAMES) == "Arbetsförmedlingen"
    assert [r.label for r in placements_table([p], 2018, NAMES).rows] == ["Arbetsförmedlingen"]


# --- the gender rule: the same as for an activity's participants ---------------------


def test_gender_left_unassigned_is_its_own_column_and_not_an_avvikelse() -> None:
    p = placement(2018, HOFORS, 5, 5, women=2, men=1, outcomes={Outcome.ARBETE: 5})

    assert check_placement(p, "Hofors") == []
    assert p.gender_unknown == 2
    table = placements_table([p], 2018, NAMES)
    assert table.value("Hofors", "Kön ej angivet") == 2
    assert table.value("Totalt", "Kvinnor") + table.value("Totalt", "Män") + table.value(
        "Totalt", "Kön ej angivet"
    ) == table.value("Totalt", "Nyttjade")
    assert placements_total_text(table, 2018) == (
        "Totalt 2018: 5 beviljade platser, 5 nyttjade (2 kvinnor, 1 man, kön ej angivet för 2)."
    )


def test_more_women_and_men_than_places_used_is_an_avvikelse() -> None:
    p = placement(2018, HOFORS, 2, 2, women=1, men=2, outcomes={Outcome.ARBETE: 2})

    (finding,) = check_placement(p, "Hofors")
    assert str(finding) == (
        "Placeringar 2018, Hofors: Fler kvinnor och män än nyttjade platser – "
        "väntat högst 2, angivet 3 (1 kvinna + 2 män)."
    )
    assert p.gender_unknown == 0  # never negative: the finding says what is wrong


def test_the_total_text_agrees_in_number() -> None:
    p = placement(2018, HOFORS, 1, 1, men=1, outcomes={Outcome.ARBETE: 1})

    assert placements_total_text(placements_table([p], 2018, NAMES), 2018) == (
        "Totalt 2018: 1 beviljad plats, 1 nyttjade (0 kvinnor, 1 man)."
    )
