"""The Ekonomi sheets and chapter as the user gets them: a cost's text that looks like a
formula stays text, the chapter stands before Analys, a single year has no per-year
table, and a year whose costs the rules do not flag says so."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from app.core.economy_entities import Cost
from app.demo import build_demo
from app.operations.exports import export_excel
from app.operations.reports import gather_pdf
from app.reports.board_economy import FINDINGS_HEADING, HEADING, NO_FINDING
from app.reports.board_report import build_board_report
from app.reports.excel_economy import COST_SHEET, FINDING_SHEET, SHEET
from app.reports.export_content import ExportRequest
from app.store.database import Store

SEED = 4711


def _store_with_money(path: Path, texts: list[str]) -> tuple[Store, int, int]:
    """The demo without its example costs, with one year's budget and a cost per text;
    (store, insats id, year)."""
    build_demo(path)
    store = Store.open(path)
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    store.economy.delete_costs([c.id for c in store.economy.costs(insats.id) if c.id])
    year = insats.years[1]
    rng = random.Random(SEED)
    print(f"seed={SEED}")
    lines = [x for x in store.economy.lines() if x.active and x.id is not None]
    store.economy.set_budgets(
        insats.id, year, {x.id: rng.randrange(1, 100) * 100_000 for x in lines if x.id}
    )
    for text in texts:
        line = rng.choice(lines)
        assert line.id is not None
        store.economy.save_cost(
            Cost(
                None,
                insats.id,
                date(year, rng.randint(1, 12), rng.randint(1, 28)),
                rng.randrange(100, 5_000_000),
                line.id,
                text=text,
                kontonamn=text,
            )
        )
    return store, insats.id, year


def test_a_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    texts = ['=HYPERLINK("http://example.com","klicka")', "=1+1", "Lokalhyra mars"]
    store, insats_id, year = _store_with_money(tmp_path / "db.sqlite3", texts)
    try:
        export_excel(store, ExportRequest(insats_id, year, year), tmp_path / "x.xlsx")
    finally:
        store.close()
    wb = load_workbook(tmp_path / "x.xlsx")
    assert {SHEET, COST_SHEET, FINDING_SHEET} <= set(wb.sheetnames)
    cells = [c for row in wb[COST_SHEET].iter_rows() for c in row if c.value in texts]
    assert sorted(str(c.value) for c in cells) == sorted(texts * 2)  # text and kontonamn
    assert all(c.data_type == "s" for c in cells)
    column = [c.value for c in wb[FINDING_SHEET]["A"]]
    assert "Regelkontrollen har inte flaggat någon kostnad." in column


def test_the_chapter_stands_before_analys_and_a_year_has_no_per_year_table(
    tmp_path: Path,
) -> None:
    store, insats_id, year = _store_with_money(tmp_path / "db.sqlite3", ["Föreläsare"])
    try:
        insats = store.reference.insats(insats_id)
        whole = ExportRequest(insats_id, insats.start.year, insats.end.year)
        period = build_board_report(gather_pdf(store, whole))
        one = build_board_report(gather_pdf(store, ExportRequest(insats_id, year, year)))
    finally:
        store.close()
    chapters = period.headings(1)
    assert chapters.index("Nådda personer") < chapters.index(HEADING) < chapters.index("Analys")
    for report, per_year in ((period, True), (one, False)):
        start = next(i for i, b in enumerate(report.blocks) if getattr(b, "text", "") == HEADING)
        texts = [getattr(b, "text", "") for b in report.blocks[start:]]
        assert FINDINGS_HEADING in texts and NO_FINDING in texts
        ours = texts[: texts.index(FINDINGS_HEADING)]
        assert any(t.endswith("per år") for t in ours) is per_year
