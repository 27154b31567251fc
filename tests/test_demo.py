"""The Gävleborg demo database holds the insats as its final report records it."""

import argparse
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app import cli_demo
from app.core.errors import DomainError
from app.core.findings import Finding
from app.core.groups import active_in_year
from app.core.period import PeriodSummary, build_period_summary
from app.core.reach import KEPT_OUT
from app.core.vocabulary import GroupStatus, MilestoneKind
from app.demo import build_demo
from app.store.database import Store

YEARS = range(2016, 2021)
REACHED = {2016: 95, 2017: 586, 2018: 235, 2019: 183, 2020: 176}
AFTER = date(2021, 3, 1)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "gavleborg.sqlite3"
    build_demo(path)
    return path


@pytest.fixture(scope="module")
def demo(demo_path: Path) -> Iterator[Store]:
    store = Store.open(demo_path)
    yield store
    store.close()


@pytest.fixture(scope="module")
def insats_id(demo: Store) -> int:
    insats = demo.reference.current_insats()
    assert insats is not None and insats.id is not None
    return insats.id


@pytest.fixture(scope="module")
def period(demo: Store, insats_id: int) -> PeriodSummary:
    return build_period_summary(
        [demo.summaries.year_summary(insats_id, y, today=AFTER) for y in YEARS],
        demo.report_texts.stated_figures(insats_id),
    )


def test_the_insats_is_the_reports(demo: Store, insats_id: int) -> None:
    insats = demo.reference.insats(insats_id)
    assert insats.forbund_id is not None
    assert demo.reference.forbund(insats.forbund_id).name == "Samordningsförbund Gävleborg"
    assert insats.name.startswith("Ökad kompetens för utveckling av arbetsintegrerat")
    assert (insats.start, insats.end) == (date(2016, 8, 1), date(2020, 12, 31))
    assert "hållbara stödstrukturer" in insats.goals
    assert len(demo.reference.kommuner(insats.forbund_id)) == 10
    orgs = {o.name for o in demo.reference.organisations(insats.forbund_id)}
    assert {"Tillväxtverket", "Movexum", "Coompanion Gävleborg", "Högskolan i Gävle"} <= orgs


def test_people_reached_per_year_are_the_reports(demo: Store, insats_id: int) -> None:
    for year, reached in REACHED.items():
        summary = demo.summaries.year_summary(insats_id, year, today=AFTER)
        assert summary.table("nadda_personer").value("Totalt", str(year)) == reached


def test_the_period_total_is_the_sum_of_the_years(period: PeriodSummary) -> None:
    table = period.table("nadda_personer")
    assert [table.value("Totalt", str(y)) for y in YEARS] == [95, 586, 235, 183, 176]
    assert table.value("Totalt", "Totalt") == 1275


def test_podcast_listeners_are_kept_out_of_the_total(
    demo: Store, insats_id: int, period: PeriodSummary
) -> None:
    listeners = [e for e in demo.reach.entries(insats_id, 2020) if not e.in_total]
    assert [e.reason for e in listeners] == ["Poddlyssnare"]
    kept_out = period.table("nadda_utanfor_total").value(KEPT_OUT, "2020")
    assert kept_out == listeners[0].attendance.total > 0
    assert period.table("nadda_personer").value("Totalt", "2020") == 176
    podcast = [r for r in demo.activities.rows(insats_id, 2020) if r.type_name == "Podd"]
    assert len(podcast) == 10


def test_the_reports_own_inconsistencies_are_found(period: PeriodSummary) -> None:
    findings = set(period.findings)
    what = "Placerade i ASF: totalen stämmer inte med delarna"
    assert Finding(what, "Länsstatistik 2018", "243 (152 + 74 + 17)", "244") in findings
    assert Finding(what, "Länsstatistik 2020", "117 (81 + 26 + 10)", "123") in findings
    # Hofors 2018: one place used, no outcome given in the report.
    assert any(f.where == "Placeringar 2018, Hofors" for f in findings)
    # The final report's stated total against the sum of its own yearly figures.
    assert (
        Finding(
            "Angiven total stämmer inte med årens summa",
            "Nådda personer 2016–2020 (Slutrapport ASF-insats Gävleborg 2016–2020)",
            "1 275 (95 + 586 + 235 + 183 + 176)",
            "1 257",
        )
        in findings
    )
    assert len(findings) == 4


def test_the_reports_highlights_are_marked(demo: Store, insats_id: int) -> None:
    highlights = demo.report_texts.highlights(insats_id, 2016, 2020)
    assert len(highlights) == 4
    assert [h.day for h in highlights] == sorted(h.day for h in highlights)
    first_in_sweden = [h for h in highlights if "först i Sverige" in h.sentence]
    assert [h.title for h in first_in_sweden] == [
        "Processutbildning om ASF 1: Arbetsförmedlingen i Gävle"
    ]
    assert any(h.title.startswith("Vägar till arbete – temadag") for h in highlights)


def test_placements_2016_to_2018(demo: Store, insats_id: int, period: PeriodSummary) -> None:
    table = period.table("placeringar")
    assert table.value("Beviljade", "Totalt") == 23
    assert table.value("Nyttjade", "Totalt") == 11
    assert [table.value("Beviljade", str(y)) for y in YEARS] == [4, 4, 15, 0, 0]
    placements = demo.placements.list(insats_id)
    assert sorted({p.year for p in placements}) == [2016, 2017, 2018]
    assert sum(p.granted for p in placements) == 23
    assert sum(p.used for p in placements) == 11
    nordanstig = next(p for p in placements if p.granted == 7)
    assert (nordanstig.used, nordanstig.women, nordanstig.men) == (7, 6, 1)
    assert nordanstig.outcomes_total == 7


def test_the_groups_grid(demo: Store, insats_id: int, period: PeriodSummary) -> None:
    grid = period.table("samverkansgrupper_aktiva")
    assert [grid.value("Totalt", str(y)) for y in YEARS] == [0, 6, 6, 4, 4]
    for kommun in ("Bollnäs", "Söderhamn", "Nordanstig", "Hudiksvall"):
        assert [grid.value(kommun, str(y)) for y in YEARS] == [0, 1, 1, 1, 1]
    for kommun in ("Hofors", "Gävle"):
        assert [grid.value(kommun, str(y)) for y in YEARS] == [0, 1, 1, 0, 0]
    resting = [g for g in demo.groups.list(insats_id) if not active_in_year(g, 2019)]
    assert len(resting) == 2
    for g in resting:
        last = g.statuses[-1]
        assert last.status is GroupStatus.VILANDE
        assert last.note == "Arbetsförmedlingens lokalkontor stängde"


def test_milestones_and_the_stated_total(demo: Store, insats_id: int) -> None:
    milestones = demo.milestones.list(insats_id)
    kinds = {m.kind for m in milestones}
    assert {
        MilestoneKind.POLICY,
        MilestoneKind.RIKTLINJE,
        MilestoneKind.HANDLINGSPLAN,
        MilestoneKind.RESERVERAT_KONTRAKT,
        MilestoneKind.PRIS,
        MilestoneKind.GRANSKNING,
        MilestoneKind.MEDIA,
        MilestoneKind.PROJEKT_START,
        MilestoneKind.PROJEKT_SLUT,
    } <= kinds
    note = [m for m in milestones if "1 257" in m.text]
    assert len(note) == 1
    assert note[0].day == date(2020, 12, 31) and note[0].kind is MilestoneKind.ANNAT
    assert "1 275" in note[0].text


def test_an_existing_file_is_refused(demo_path: Path) -> None:
    before = demo_path.stat().st_size
    with pytest.raises(DomainError, match="finns redan"):
        build_demo(demo_path)
    assert demo_path.stat().st_size == before


def test_the_cli_builds_and_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite3"
    parser = argparse.ArgumentParser()
    cli_demo.register(parser.add_subparsers(dest="command"))

    assert cli_demo.run(parser.parse_args(["demo", "--db", str(path)])) == 0
    out = capsys.readouterr().out
    assert "Samordningsförbund Gävleborg" in out
    assert "totalt 1\u00a0275" in out

    assert cli_demo.run(parser.parse_args(["demo", "--db", str(path)])) == 1
    assert "finns redan" in capsys.readouterr().err
    assert cli_demo.run(parser.parse_args(["demo"])) == 1
    assert "--db" in capsys.readouterr().err
