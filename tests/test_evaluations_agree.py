"""Every evaluation figure is the same on the Utvärderingar tab, in the Excel sheet read
back, in the board report's PDF text and in core, over generated data (seed printed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.core.evaluation import NO_FIGURE, EvaluationTables, Figures
from app.operations.exports import export_excel
from app.operations.reports import export_pdf
from app.reports.export_content import ExportRequest
from app.store.database import Store
from app.ui.evaluations_page import EvaluationsPage
from tests.reports.pdf_words import pages
from tests.rich_data import build_rich_database

SEED = 1404


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    print(f"seed={SEED}")
    path = tmp_path_factory.mktemp("rich") / "rich.sqlite3"
    build_rich_database(path, SEED)
    return path


def _value(v: int | float | None) -> int | float | str:
    return NO_FIGURE if v is None else v


def _cells(f: Figures) -> tuple[Any, ...]:
    """The figures as Excel holds them, from core."""
    return (
        f.participants,
        f.asked,
        f.answered,
        _value(f.rate),
        _value(f.mean),
        _value(f.share_high),
    )


def _shown(f: Figures) -> tuple[str, ...]:
    """The figures as the screen shows them, from core."""

    def n(v: int) -> str:
        return f"{v:,}".replace(",", "\u00a0")

    return (n(f.participants), n(f.asked), n(f.answered), *f.texts())


def _sheet_blocks(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    wb = load_workbook(path, read_only=True)
    blocks: dict[str, list[tuple[Any, ...]]] = {}
    current: list[tuple[Any, ...]] | None = None
    sheets = ("Utvärderingar", "Utvärderingar per typ")
    for row in (r for name in sheets for r in wb[name].iter_rows(values_only=True)):
        values = tuple(v for v in row)
        while values and values[-1] is None:
            values = values[:-1]
        if not values:
            current = None
        elif (
            len(values) == 1
            and isinstance(values[0], str)
            and values[0].startswith(("Utvärderingar", "Citat"))
        ):
            current = blocks.setdefault(values[0], [])
        elif current is not None:
            current.append(values)
    return blocks


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _pdf_text(path: Path) -> str:
    return _norm(" ".join(w.text for page in pages(path) for w in page))


def _years(
    store: Store, insats_id: int, first: int, last: int
) -> list[tuple[int, EvaluationTables]]:
    out = []
    for y in range(first, last + 1):
        t = store.evaluations.year_tables(insats_id, y)
        if not t.is_empty:
            out.append((y, t))
    return out


def test_tab_excel_pdf_and_core_agree(
    rich: Path, tmp_path: Path, qtbot: Any, qtmodeltester: Any
) -> None:
    store = Store.open(rich)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        years = _years(store, insats.id, insats.start.year, insats.end.year)
        assert len(years) >= 2
        page = EvaluationsPage(store)
        qtbot.addWidget(page)
        for year, core in years:
            # The tab.
            page.set_context(insats, year)
            qtmodeltester.check(page.activity_model)
            qtmodeltester.check(page.type_model)
            am, tm = page.activity_model, page.type_model
            shown = [
                tuple(am.data(am.index(r, c)) for c in range(am.columnCount()))
                for r in range(am.rowCount())
            ]
            assert [s[0] for s in shown] == [a.day.isoformat() for a in core.activities]
            assert [s[1:3] for s in shown] == [
                (a.shown_title, a.type_name) for a in core.activities
            ]
            assert [s[3:] for s in shown] == [_shown(a.figures) for a in core.activities]
            assert any(not a.held for _, t in years for a in t.activities)
            typed = [
                tuple(tm.data(tm.index(r, c)) for c in range(tm.columnCount()))
                for r in range(tm.rowCount())
            ]
            groups = [*core.per_type, core.total]
            assert [t[0] for t in typed] == [g.label for g in groups]
            assert [t[2:] for t in typed] == [_shown(g) for g in groups]
            # Excel, read back.
            request = ExportRequest(insats.id, year, year)
            xlsx = tmp_path / f"{year}.xlsx"
            export_excel(store, request, xlsx)
            blocks = _sheet_blocks(xlsx)
            per_activity = blocks[f"Utvärderingar per aktivitet {year}"][1:]
            rows = [r for r in per_activity if r and hasattr(r[0], "year")]
            assert [(r[0].date(), r[1], r[2], *r[3:9]) for r in rows] == [
                (a.day, a.shown_title, a.type_name, *_cells(a.figures)) for a in core.activities
            ]
            # The rows under the header, without the note under the table.
            per_type = [
                r for r in blocks[f"Utvärderingar per aktivitetstyp {year}"][1:] if len(r) > 1
            ]
            assert [(r[0], r[1], *r[2:8]) for r in per_type] == [
                (g.label, g.evaluations, *_cells(g)) for g in groups
            ]
            # The board report's PDF.
            pdf = tmp_path / f"{year}.pdf"
            export_pdf(store, request, pdf)
            text = _pdf_text(pdf)
            at = text.find(f"Utvärderingar per aktivitetstyp {year}")
            assert at >= 0, year
            for g in groups:
                _, mean, share = g.texts()
                participants, asked, answered = _shown(g)[:3]
                # Typ, Utvärderade, Svar, Deltagare, Tillfrågade, Medel, Andel 4–5.
                cells = _norm(
                    f"{g.label} {g.evaluations} {answered} {participants} {asked} {mean} {share}"
                )
                found = text.find(cells, at)
                assert found >= 0, (year, cells)
                at = found + len(cells)
            total = core.total
            assert _norm(total.answered_text()) in text
    finally:
        store.close()
