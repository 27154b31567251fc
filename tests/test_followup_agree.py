"""Uppföljning Finsam agrees everywhere: for every year, the sheet of the Excel export
(read back with openpyxl), the section "uppfoljning_finsam" of ``insatslogg summary
--json`` (run through the CLI) and the report appendix's blocks give the same figures,
and those are the year summary's own (its Nådda personer, Nådda utanför totalen and
placements tables, as the same JSON prints them) and the placements as they were saved.

Two databases: the Gävleborg demo (2016–2020) and a generated one (seed ``SEED``, valid
by construction: tests/generated_record.py), which also has named participants.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.core.finsam_followup import (
    ECONOMY,
    INDIVIDUAL,
    LABEL_HEADER,
    PLACES_USED,
    REACHED,
    STRUCTURAL,
    TITLE,
    FollowupTable,
    followup_tables,
    followup_years,
)
from app.core.money import as_kronor, parse_kronor
from app.core.reach import UNIQUE
from app.core.summary import NO_FIGURE
from app.demo import build_demo
from app.operations.economy import followup_economy, report_economy
from app.operations.exports import export_excel
from app.operations.reports import gather_pdf
from app.reports.board_blocks import Heading, Table
from app.reports.board_followup import HEADING, followup_blocks
from app.reports.export_content import ExportRequest
from app.store.database import Store
from tests.generated_record import build_generated_record

SEED = 20_261_201
Cell = int | float | str


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    insats_id: int
    years: tuple[int, ...]


@pytest.fixture(scope="module", params=["demo", "generated"])
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Case:
    path = tmp_path_factory.mktemp(request.param) / "insatslogg.sqlite3"
    if request.param == "demo":
        build_demo(path)
    else:
        print(f"seed {SEED}")
        build_generated_record(path, SEED, years=3, per_year=40)
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        return Case(request.param, path, insats.id, tuple(insats.years))
    finally:
        store.close()


@pytest.fixture
def store(case: Case) -> Iterator[Store]:
    opened = Store.open(case.path)
    yield opened
    opened.close()


def core_tables(store: Store, case: Case, years: tuple[int, ...]) -> tuple[FollowupTable, ...]:
    summaries = [store.summaries.year_summary(case.insats_id, y) for y in years]
    insats = store.reference.insats(case.insats_id)
    dates = ExportRequest(case.insats_id, years[0], years[-1]).period
    economy = report_economy(store, insats, dates.first, dates.last, summaries)
    return followup_tables(followup_years(summaries, followup_economy(economy)))


def by_label(table: FollowupTable) -> dict[str, dict[str, Cell]]:
    """Counts as they are, budget and utfall in kronor (as Excel and the JSON hold them)."""
    return {
        r.label: {
            c: as_kronor(v) if r.money and isinstance(v, int) else v
            for c, v in zip(table.columns, r.shown(), strict=True)
        }
        for r in table.rows
    }


# --- read back ------------------------------------------------------------------------------


def excel_tables(path: Path, titles: dict[str, str]) -> dict[str, dict[str, dict[str, Cell]]]:
    """The sheet's tables, by key: label → year column → cell value, as read back."""
    ws = load_workbook(path)[TITLE]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    found: dict[str, dict[str, dict[str, Cell]]] = {}
    for i, row in enumerate(rows):
        key = next((k for k, t in titles.items() if row[0] == t), None)
        if key is None:
            continue
        header = rows[i + 1]
        assert header[0] == LABEL_HEADER
        columns = [str(h) for h in header[1:] if h is not None]
        table: dict[str, dict[str, Cell]] = {}
        for body in rows[i + 2 :]:
            if body[0] is None or body[1] is None:  # the note (merged), or the blank row
                break
            table[str(body[0])] = dict(zip(columns, body[1 : len(columns) + 1], strict=True))
        found[key] = table
    return found


def json_section(case: Case, year: int, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["summary", "--year", str(year), "--json", "--db", str(case.path)]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def json_tables(data: dict[str, Any]) -> dict[str, dict[str, dict[str, Cell]]]:
    return {
        t["key"]: {
            r["label"]: {c: NO_FIGURE if v is None else v for c, v in r["values"].items()}
            for r in t["rows"]
        }
        for t in data["uppfoljning_finsam"]["tables"]
    }


def figure(text: str) -> Cell:
    """A cell of a block read back: '1 275' → 1275, '610 000,50' → 610000.5, '–' stays."""
    digits = text.replace("\u00a0", "").replace(" ", "")
    if "," in digits:
        return as_kronor(parse_kronor(digits))
    return int(digits) if digits.isdigit() else text


def block_tables(
    blocks: list[Any], titles: dict[str, str]
) -> dict[str, dict[str, dict[str, Cell]]]:
    found: dict[str, dict[str, dict[str, Cell]]] = {}
    for i, block in enumerate(blocks):
        if not isinstance(block, Table):
            continue
        before = blocks[i - 1]
        assert isinstance(before, Heading)
        key = next(k for k, t in titles.items() if t == before.text)
        columns = block.header[1:]
        found[key] = {
            row[0]: {c: figure(v) for c, v in zip(columns, row[1:], strict=True)}
            for row in block.rows
        }
        assert block.total is None  # the rows do not add up to each other
    return found


# --- the tests ------------------------------------------------------------------------------


def test_excel_json_and_report_agree_for_every_year(case, store, tmp_path, capsys):
    years = case.years
    request = ExportRequest(case.insats_id, years[0], years[-1])
    expected = {t.key: by_label(t) for t in core_tables(store, case, years)}
    span = f"{years[0]}–{years[-1]}"

    path = tmp_path / "export.xlsx"
    export_excel(store, request, path)
    tables = core_tables(store, case, years)
    excel = excel_tables(path, {t.key: f"{t.title} {span}" for t in tables})
    blocks = followup_blocks(gather_pdf(store, request))
    report = block_tables(blocks, {t.key: t.title for t in tables})

    assert excel == expected
    assert report == expected
    assert set(expected) == {STRUCTURAL, INDIVIDUAL, ECONOMY}  # both have placements
    for year in years:
        from_cli = json_tables(json_section(case, year, capsys))
        column = str(year)
        for key, rows in excel.items():
            in_excel = {label: {column: cells[column]} for label, cells in rows.items()}
            if key in from_cli:
                assert from_cli[key] == in_excel
            else:  # a year without placements: the year's own JSON has no such part
                assert key == INDIVIDUAL
                assert all(cells[column] == NO_FIGURE for cells in in_excel.values())
        assert set(from_cli) <= set(excel)
    assert blocks[0] == Heading(HEADING)


def test_the_figures_are_the_year_summarys_own_and_the_placements_as_saved(case, store, capsys):
    for year in case.years:
        data = json_section(case, year, capsys)
        summary = {t["key"]: t for t in data["tables"]}
        section = json_tables(data)
        column = str(year)

        reach = summary["nadda_personer"]
        assert section[STRUCTURAL][REACHED][column] == reach["total"]["values"][column]
        outside = {r["label"]: r["values"][column] for r in summary["nadda_utanfor_total"]["rows"]}
        assert section[STRUCTURAL][UNIQUE][column] == outside.get(UNIQUE, NO_FIGURE)

        saved = store.placements.list(case.insats_id, year)
        individual = section.get(INDIVIDUAL, {})
        if not saved:
            assert all(cells[column] == NO_FIGURE for cells in individual.values())
            continue
        placed = summary["placeringar"]["total"]["values"]
        rows = {label: cells[column] for label, cells in individual.items()}
        assert rows[PLACES_USED] == placed["Nyttjade"] == sum(p.used for p in saved)
        assert rows["varav kvinnor"] == placed["Kvinnor"] == sum(p.women for p in saved)
        assert rows["varav män"] == placed["Män"] == sum(p.men for p in saved)
        assert rows["varav kön ej angivet"] == sum(p.gender_unknown for p in saved)
        unique = sum(p.unique_individuals for p in saved)
        used = sum(p.used for p in saved)
        shown_unique = unique if unique or not used else NO_FIGURE
        assert rows["Unika individer (enligt placeringarna)"] == shown_unique


def test_a_single_years_export_has_the_years_column_only(case, store, tmp_path):
    year = case.years[1]
    path = tmp_path / "year.xlsx"
    export_excel(store, ExportRequest(case.insats_id, year, year), path)

    tables = core_tables(store, case, (year,))
    excel = excel_tables(path, {t.key: f"{t.title} {year}" for t in tables})

    assert excel == {t.key: by_label(t) for t in tables}
    assert all(list(cells) == [str(year)] for t in excel.values() for cells in t.values())
