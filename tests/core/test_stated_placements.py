"""Stated placement figures against the placements: unique individuals, outcomes by
gender, one huvudman's outcomes. Hand-made cases, then random people whose true figures
are never flagged and whose figures beyond what is possible always are."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from app.core.errors import ValidationError
from app.core.findings import Finding
from app.core.placements import Placement, placements_table
from app.core.report_texts import StatedFigure, stated_figure_findings, validate_stated_figure
from app.core.summary import YearSummary
from app.core.vocabulary import Outcome

NAMES = {1: "Hofors", 2: "Nordanstig", 3: "Hudiksvall"}
YEARS = (2016, 2017, 2018)
SOURCE = "Slutrapporten"


def _summaries(placements: list[Placement]) -> list[YearSummary]:
    out = []
    for year in YEARS:
        of_year = [p for p in placements if p.year == year]
        tables = (placements_table(of_year, year, NAMES),) if of_year else ()
        out.append(YearSummary(year, "ASF", tables))
    return out


def _stated(measure: str, value: int, first: int = 2016, last: int = 2018) -> StatedFigure:
    return validate_stated_figure(StatedFigure(1, first, last, measure, value, SOURCE))


def _placement(year: int, kommun: int, used: int, women: int, men: int, **out: int) -> Placement:
    outcomes = {Outcome(k): v for k, v in out.items()}
    return Placement(
        None, 1, year, kommun, granted=used, used=used, women=women, men=men,
        unique_individuals=used, outcomes=outcomes,
    )  # fmt: skip


# The Gävleborg report's own placements, as its detail gives them.
REPORT = [
    _placement(2016, 1, 0, 0, 0),
    _placement(2017, 3, 1, 1, 0, fortsatt_insats=1),
    _placement(2018, 1, 1, 1, 0),
    _placement(2018, 2, 7, 6, 1, arbete=1, arbetsformedlingen=1, offentlig_forsorjning=5),
    _placement(2018, 3, 2, 1, 1, offentlig_forsorjning=2),
]


def test_stated_unique_individuals_against_the_placements() -> None:
    found = stated_figure_findings([_stated("placeringar_unika", 10)], _summaries(REPORT))
    assert found == [
        Finding(
            "Angiven total stämmer inte med årens summa",
            "Placeringar: unika individer 2016–2018 (Slutrapporten)",
            "11 (0 + 1 + 10)",
            "10",
        )
    ]
    assert stated_figure_findings([_stated("placeringar_unika", 11)], _summaries(REPORT)) == []
    assert stated_figure_findings([_stated("placeringar_nyttjade", 11)], _summaries(REPORT)) == []


def test_a_year_without_placements_counts_as_none() -> None:
    only_2018 = [p for p in REPORT if p.year == 2018]
    found = stated_figure_findings([_stated("placeringar_nyttjade", 11)], _summaries(only_2018))
    assert [f.expected for f in found] == ["10 (0 + 0 + 10)"]


def test_a_span_not_wholly_in_the_report_is_left_unchecked() -> None:
    part = _summaries(REPORT)[1:]
    assert stated_figure_findings([_stated("placeringar_unika", 10)], part) == []
    assert stated_figure_findings([_stated("utfall_arbete_man", 5)], part) == []


def test_stated_outcomes_by_gender_against_what_the_placements_allow() -> None:
    summaries = _summaries(REPORT)
    # 7 åter: Nordanstig's 5 (4 or 5 of them women: it has one man), Hudiksvall's 2 (all
    # its people: 1 woman).
    found = stated_figure_findings([_stated("utfall_offentlig_forsorjning_kvinnor", 8)], summaries)
    assert found == [
        Finding(
            "Angivet utfall per kön stämmer inte med placeringarna",
            "Placeringarnas utfall: åter i offentlig försörjning, kvinnor 2016–2018 "
            "(Slutrapporten)",
            "5–6 (Nordanstig 2018: 4–5 av 5; Hudiksvall 2018: 1 av 2)",
            "8",
        )
    ]
    for fits in (5, 6):
        stated = [_stated("utfall_offentlig_forsorjning_kvinnor", fits)]
        assert stated_figure_findings(stated, summaries) == []
    # Hudiksvall 2017's one woman had her placement extended: exactly one, a woman.
    assert stated_figure_findings([_stated("utfall_fortsatt_insats_kvinnor", 1)], summaries) == []
    assert len(stated_figure_findings([_stated("utfall_fortsatt_insats_man", 1)], summaries)) == 1


def test_the_detail_given_for_one_huvudman_narrows_the_range() -> None:
    summaries = _summaries(REPORT)
    woman_to_af = _stated("utfall_arbetsformedlingen_kvinnor", 1)
    # Without the detail, Nordanstig's one to Arbetsförmedlingen may have been a woman.
    assert stated_figure_findings([woman_to_af], summaries) == []
    detail = _stated("utfall_arbetsformedlingen_man@Nordanstig", 1, 2018, 2018)
    found = stated_figure_findings([woman_to_af, detail], summaries)
    assert [(f.expected, f.found) for f in found] == [("0 (Nordanstig 2018: 0 av 1)", "1")]


def test_more_outcomes_for_men_than_the_placements_men() -> None:
    summaries = _summaries(REPORT)
    to_work = _stated("utfall_arbete_man@Nordanstig", 1, 2018, 2018)
    to_af = _stated("utfall_arbetsformedlingen_man@Nordanstig", 1, 2018, 2018)
    assert stated_figure_findings([to_work], summaries) == []
    assert stated_figure_findings([to_work, to_af], summaries) == [
        Finding(
            "Fler utfall för män än män i placeringen",
            "Placeringar 2018, Nordanstig (Slutrapporten)",
            "högst 1 (1 man i placeringen)",
            "2 (1 arbete + 1 vidare till Arbetsförmedlingen)",
        )
    ]
    # Hudiksvall 2018: one woman, both back; two women back is more than it has.
    two_women = _stated("utfall_offentlig_forsorjning_kvinnor@Hudiksvall", 2, 2018, 2018)
    [found] = stated_figure_findings([two_women], summaries)
    assert found.what == "Fler utfall för kvinnor än kvinnor i placeringen"
    # A figure for a huvudman with no placement that year is not checked.
    elsewhere = _stated("utfall_arbete_man@Hofors", 3, 2017, 2017)
    assert stated_figure_findings([elsewhere], summaries) == []


def test_a_figure_stated_for_one_placement_against_its_own_count() -> None:
    summaries = _summaries(REPORT)
    stated = _stated("utfall_offentlig_forsorjning@Nordanstig", 6, 2018, 2018)
    [found] = stated_figure_findings([stated], summaries)
    assert (found.where, found.expected, found.found) == (
        "Placeringar 2018, Nordanstig (Slutrapporten)",
        "5",
        "6",
    )
    same = _stated("utfall_offentlig_forsorjning@Nordanstig", 5, 2018, 2018)
    assert stated_figure_findings([same], summaries) == []


def test_only_known_measures_are_kept() -> None:
    for measure in ("utfall_arbete_kvinnor@Nordanstig", "placeringar_unika", "nadda_personer"):
        assert validate_stated_figure(StatedFigure(1, 2018, 2018, measure, 1)).measure == measure
    for measure in ("utfall_flytt_man", "nadda_personer@Gävle", "utfall_arbete_man@", "x" * 60):
        with pytest.raises(ValidationError, match="mått|Mått"):
            validate_stated_figure(StatedFigure(1, 2018, 2018, measure, 1))
    with pytest.raises(ValidationError, match="gäller ett år"):
        validate_stated_figure(StatedFigure(1, 2016, 2018, "utfall_arbete_man@Nordanstig", 1))


# --- random people: the true figures are never flagged ---------------------------------


def _random_placements(rng: random.Random) -> tuple[list[Placement], Counter[tuple[str, str]]]:
    """Placements made from people, each with a gender (or none reported) and an outcome;
    the true count of each (outcome, gender) over them all."""
    placements, truth = [], Counter[tuple[str, str]]()
    for year in YEARS:
        for kommun in NAMES:
            if rng.random() < 0.3:
                continue
            people = [
                (rng.choice(("kvinnor", "man", "")), rng.choice(list(Outcome)))
                for _ in range(rng.randint(0, 8))
            ]
            for gender, outcome in people:
                truth[(outcome.value, gender)] += 1
            outcomes = Counter(o.value for _, o in people)
            placements.append(
                _placement(
                    year,
                    kommun,
                    len(people),
                    sum(g == "kvinnor" for g, _ in people),
                    sum(g == "man" for g, _ in people),
                    **outcomes,
                )
            )
    return placements, truth


@pytest.mark.parametrize("seed", range(40))
def test_random_true_figures_pass_and_impossible_ones_are_found(seed: int) -> None:
    print(f"seed {seed}")
    rng = random.Random(seed)
    placements, truth = _random_placements(rng)
    summaries = _summaries(placements)
    for outcome in Outcome:
        for gender in ("kvinnor", "man"):
            measure = f"utfall_{outcome.value}_{gender}"
            true = truth[(outcome.value, gender)]
            assert stated_figure_findings([_stated(measure, true)], summaries) == [], measure
            # More than all the people with that outcome is never possible.
            every = sum(n for (o, _g), n in truth.items() if o == outcome.value)
            found = stated_figure_findings([_stated(measure, every + 1)], summaries)
            assert len(found) == 1 and found[0].found == str(every + 1), measure
