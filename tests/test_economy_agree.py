"""Budget against outcome agrees everywhere: for every year and for the whole period,
every budget line's Budget, Utfall, Planerat, Prognos, Kvar and Förbrukat, the total
and the per-year rows read back from the Excel sheet "Ekonomi", from the board report's
PDF text, from the Word file's tables and from ``summary --json`` equal core's
EconomySummary (operations.economy.span_economy); the total equals the sum of its lines
to the öre in each file; the cost per activity / participant / unique individual, the
costs, the findings' count and quotes agree too; and Uppföljning Finsam's budget and
utfall per year are core's ``EconomySummary.years``.

Two databases: generated data (tests/rich_data.py, seed printed) and the Gävleborg
demo. While the demo has no budget or cost, it checks that Ekonomi is left out instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from app.cli import main
from app.core.economy import RATIOS_TITLE, TITLE, TOTAL, EconomySummary
from app.core.finsam_followup import BOOKED, BUDGET, ECONOMY, ECONOMY_TITLE
from app.core.money import as_kronor, kronor_kr
from app.core.summary import NO_FIGURE
from app.core.wording import thousands
from app.demo import build_demo
from app.operations.economy import span_economy
from app.operations.exports import export_excel
from app.operations.reports import export_docx, export_pdf
from app.reports.board_economy import FINDINGS_HEADING, NO_FINDING, sentence
from app.reports.excel_economy import COST_SHEET, FINDING_SHEET, SHEET
from app.reports.export_content import ExportRequest
from app.store.database import Store
from tests.economy_readback import (
    assert_total_is_the_sum,
    between,
    core_rows,
    docx_money,
    docx_tables,
    excel_blocks,
    excel_money,
    json_money,
    norm,
    ore,
    pdf_text,
    text_money,
)
from tests.rich_data import build_rich_database

SEED = 1515


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    insats_id: int


@pytest.fixture(scope="module", params=["generated", "demo"])
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Case:
    path = tmp_path_factory.mktemp(request.param) / "insatslogg.sqlite3"
    if request.param == "demo":
        build_demo(path)
    else:
        print(f"seed={SEED}")
        build_rich_database(path, SEED)
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        return Case(request.param, path, insats.id)
    finally:
        store.close()


@pytest.fixture
def store(case: Case) -> Iterator[Store]:
    opened = Store.open(case.path)
    yield opened
    opened.close()


def cli_json(case: Case, args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["summary", *args, "--json", "--db", str(case.path)]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


# --- the spans ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    request: ExportRequest
    cli: list[str]
    label: str


def spans(insats_id: int, first: int, last: int) -> list[Span]:
    out = [
        Span(ExportRequest(insats_id, y, y), ["--year", str(y)], str(y))
        for y in range(first, last + 1)
    ]
    out.append(
        Span(
            ExportRequest(insats_id, first, last),
            ["--from", str(first), "--to", str(last)],
            f"{first}–{last}",
        )
    )
    return out


def check_excel(path: Path, core: EconomySummary, span: str) -> None:
    blocks = excel_blocks(path, SHEET)
    main_rows = excel_money(blocks[f"{TITLE} {span}"])
    assert main_rows == [*core_rows(core.rows), *core_rows((core.total,))]
    assert main_rows[-1][0] == TOTAL
    assert_total_is_the_sum(main_rows[:-1], main_rows[-1][1])
    if len(core.years) > 1:
        year_rows = excel_money(blocks[f"{TITLE} per år {span}"])
        assert year_rows[:-1] == core_rows(core.years)
        assert_total_is_the_sum(year_rows[:-1], year_rows[-1][1])
        assert year_rows[-1][1] == main_rows[-1][1]
    else:
        assert f"{TITLE} per år {span}" not in blocks
    ratios = blocks[f"{RATIOS_TITLE} {span}"][1:]
    assert [tuple(r[:3]) for r in ratios] == [
        (label, NO_FIGURE if v is None else v, NO_FIGURE if d is None else d)
        for label, v, d in core.ratios.rows()
    ]
    costs = excel_blocks(path, COST_SHEET)[f"Kostnader {span}"][1:]
    if core.costs:
        assert [(r[0].date(), ore(r[1]), r[3] or "") for r in costs] == [
            (c.day, c.amount, c.text) for c in core.costs
        ]
    found = next(iter(excel_blocks(path, FINDING_SHEET).values()))[1:]
    if core.findings:
        assert [(ore(r[1]), r[4], r[6] or "") for r in found] == [
            (f.cost.amount, f.rule.words, f.note) for f in core.findings
        ]
    else:
        assert found == []
        column = [c.value for c in load_workbook(path)[FINDING_SHEET]["A"]]
        assert "Regelkontrollen har inte flaggat någon kostnad." in column


def check_pdf(path: Path, core: EconomySummary) -> None:
    text = pdf_text(path)
    said = norm(sentence(core))
    assert said in text
    table, end = between(text, said, "Belopp i kronor.")
    rows = text_money(table)
    assert rows == [amounts for _, amounts in core_rows((*core.rows, core.total))]
    assert_total_is_the_sum([("", r) for r in rows[:-1]], rows[-1])
    for row in core.rows:  # a long label wraps in its cell: its words are there
        assert all(word in table.split() for word in norm(row.label).split())
    if len(core.years) > 1:
        years, end = between(text, f"{TITLE} per år", RATIOS_TITLE, end)
        year_rows = text_money(years)
        assert year_rows[:-1] == [a for _, a in core_rows(core.years)]
        assert_total_is_the_sum([("", r) for r in year_rows[:-1]], year_rows[-1])
    ratios, end = between(text, RATIOS_TITLE, "Utfallet delat med", end)
    for label, value, divisor in core.ratios.rows():
        shown = [NO_FIGURE if v is None else norm(thousands(v)) for v in (value, divisor)]
        assert f"{norm(label)} {shown[0]} {shown[1]}" in ratios
    rest = text[text.index(FINDINGS_HEADING, end) :]
    if core.findings:
        n = len(core.findings)
        assert f"{n} kostnad{'er' if n != 1 else ''} har flaggats" in rest
        for f in core.findings:
            cited = norm(f.rule.cited)
            expected = sum(1 for g in core.findings if g.rule.code == f.rule.code)
            assert rest.count(cited) == expected
            if f.noted:
                assert norm(f"Anteckning: {f.note}") in rest
    else:
        assert norm(NO_FINDING) in rest


def check_docx(path: Path, core: EconomySummary) -> None:
    tables = docx_tables(path)
    main_table = next(t for t in tables if t[0][:2] == ["Budgetrad", "Budget"])
    rows = docx_money(main_table)
    assert rows == core_rows((*core.rows, core.total))[:-1] + [(TOTAL, rows[-1][1])]
    assert rows[-1][1] == (*core.total.amounts, core.total.used_percent)
    assert_total_is_the_sum(rows[:-1], rows[-1][1])
    per_year = [t for t in tables if t[0][:2] == ["År", "Budget"]]
    if len(core.years) > 1:
        (year_table,) = per_year
        year_rows = docx_money(year_table)
        assert year_rows[:-1] == core_rows(core.years)
        assert_total_is_the_sum(year_rows[:-1], year_rows[-1][1])
    else:
        assert not per_year
    ratios = next(t for t in tables if t[0] == ["Mått", "Kronor", "Delat med"])
    assert [tuple(r) for r in ratios[1:]] == [
        (
            norm(label),
            NO_FIGURE if v is None else norm(thousands(v)),
            NO_FIGURE if d is None else norm(thousands(d)),
        )
        for label, v, d in core.ratios.rows()
    ]
    paragraphs = [norm(p.text) for p in Document(str(path)).paragraphs]
    cited = [p for p in paragraphs if p.startswith("Vägledningen:")]
    assert cited == [norm(f.rule.cited) for f in core.findings]


def check_json(data: dict[str, Any], core: EconomySummary) -> None:
    section = data["ekonomi"]
    rows = json_money(section["rows"])
    assert rows == core_rows(core.rows)
    (total,) = json_money([section["total"]])
    assert total[1] == (*core.total.amounts, core.total.used_percent)
    assert_total_is_the_sum(rows, total[1])
    assert json_money(section["years"]) == core_rows(core.years)
    assert [f["quote"] for f in section["findings"]] == [f.rule.quote for f in core.findings]
    assert section["ratios"]["per_deltagare"] == core.ratios.per_participant
    assert section["ratios"]["totalt_nadda_volym"] == core.ratios.reached
    followup = {y["year"]: y[ECONOMY] for y in data["uppfoljning_finsam"]["years"]}
    for row in core.years:
        assert followup[int(row.label)] == {
            "budget": as_kronor(row.budget) if row.budget else None,
            "utfall": as_kronor(row.booked) if row.booked else None,
        }


def check_followup_sheet(path: Path, core: EconomySummary, span: str) -> None:
    ws = load_workbook(path)["Uppföljning Finsam"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
    at = rows.index(next(r for r in rows if r[0] == f"{ECONOMY_TITLE} {span}"))
    columns = rows[at + 1][1:]
    got = {r[0]: dict(zip(columns, r[1:], strict=False)) for r in rows[at + 2 : at + 4]}
    for row in core.years:
        assert got[BUDGET][row.label] == (as_kronor(row.budget) if row.budget else NO_FIGURE)
        assert got[BOOKED][row.label] == (as_kronor(row.booked) if row.booked else NO_FIGURE)


# --- the tests ----------------------------------------------------------------------------


def test_excel_reports_json_and_core_agree_for_every_year_and_the_period(
    case: Case, store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    insats = store.reference.insats(case.insats_id)
    whole = span_economy(store, insats, insats.start, insats.end)
    if not whole.has_figures:
        pytest.skip(f"{case.name}: ingen budget eller kostnad (se test_left_out_without_economy)")
    checked = 0
    for span in spans(case.insats_id, insats.start.year, insats.end.year):
        dates = span.request.period
        core = span_economy(store, insats, dates.first, dates.last)
        if not core.has_figures:
            continue
        xlsx, pdf, docx = (tmp_path / f"{span.label}.{ext}" for ext in ("xlsx", "pdf", "docx"))
        export_excel(store, span.request, xlsx)
        export_pdf(store, span.request, pdf)
        export_docx(store, span.request, docx)
        check_excel(xlsx, core, span.request.span)
        check_followup_sheet(xlsx, core, span.request.span)
        check_pdf(pdf, core)
        check_docx(docx, core)
        check_json(cli_json(case, span.cli, capsys), core)
        capsys.readouterr()
        assert main(["summary", *span.cli, "--db", str(case.path)]) == 0
        printed = norm(capsys.readouterr().out)
        assert norm(f"Ekonomi {core.label}") in printed
        assert norm(f"Utfall {kronor_kr(core.total.booked)}") in printed
        assert f"Flaggade av regelkontrollen: {len(core.findings)}" in printed
        checked += 1
    assert checked >= 2  # several years and the period
    assert whole.findings and whole.costs and len(whole.years) > 1


def test_left_out_without_economy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A database without budget or costs has no Ekonomi sheet or chapter, null in the
    JSON, and the follow-up's budget and utfall are –."""
    path = tmp_path / "bare.sqlite3"
    build_demo(path)
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        economy = store.economy  # the demo's money, if it has any, removed
        economy.delete_costs(c.id for c in economy.costs(insats.id) if c.id is not None)
        lines = [x.id for x in economy.lines() if x.id is not None]
        for y in insats.years:
            economy.set_budgets(insats.id, y, dict.fromkeys(lines, 0))
        first, last = insats.start.year, insats.end.year
        request = ExportRequest(insats.id, first, last)
        assert not span_economy(store, insats, insats.start, insats.end).has_figures
        export_excel(store, request, tmp_path / "x.xlsx")
        export_pdf(store, request, tmp_path / "x.pdf")
        export_docx(store, request, tmp_path / "x.docx")
    finally:
        store.close()
    wb = load_workbook(tmp_path / "x.xlsx")
    assert not {SHEET, COST_SHEET, FINDING_SHEET} & set(wb.sheetnames)
    rows = [tuple(c.value for c in r) for r in wb["Uppföljning Finsam"].iter_rows()]
    money = [r for r in rows if r[0] in (BUDGET, BOOKED)]
    assert len(money) == 2
    assert all(v == NO_FIGURE for r in money for v in r[1 : 2 + last - first])
    text = pdf_text(tmp_path / "x.pdf")
    assert f"{TITLE} Budgetrad" not in text and FINDINGS_HEADING not in text
    assert not [t for t in docx_tables(tmp_path / "x.docx") if t[0][:1] == ["Budgetrad"]]
    capsys.readouterr()
    assert main(["summary", "--year", str(first), "--json", "--db", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ekonomi"] is None
    assert data["uppfoljning_finsam"]["years"][0][ECONOMY] == {"budget": None, "utfall": None}
