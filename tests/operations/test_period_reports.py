"""A report for any dates (issue 13, point 2): a tertial report of generated data shows
exactly that tertial's figures — in the PDF, in `summary --json` and in the Excel
workbook — each compared with figures counted here straight from the activity table
with sqlite3 (not through the store's reads or core's summaries). A whole year asked
for as dates is exactly the year summary."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main
from app.core.milestones import Milestone
from app.core.report_period import ReportPeriod
from app.core.table_keys import TableKey
from app.core.vocabulary import MilestoneKind, Status
from app.operations.exports import export_excel
from app.operations.reports import export_pdf, gather_pdf
from app.reports.excel_export import ACTIVITY_SHEET
from app.reports.export_content import ExportRequest
from app.store.database import Store
from tests.generated_record import build_generated_record

SEED = 20_261_201
GENERATED_YEARS = 3  # 2005–2007


@dataclass(frozen=True)
class Counted:
    """The key figures of some dates, counted from the activity table itself."""

    held: int
    planned: int
    cancelled: int
    volume: int  # participants at the held activities
    activities: int  # every activity, whatever its status


def counted(path: Path, first: date, last: date) -> Counted:
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT status, participants FROM activity WHERE start_date BETWEEN ? AND ?",
            (first.isoformat(), last.isoformat()),
        ).fetchall()
    finally:
        con.close()
    held = [p for s, p in rows if s == Status.GENOMFORD.value]
    return Counted(
        held=len(held),
        planned=sum(1 for s, _ in rows if s == Status.PLANERAD.value),
        cancelled=sum(1 for s, _ in rows if s == Status.INSTALLD.value),
        volume=sum(held),
        activities=len(rows),
    )


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


_GROUPING = re.compile(r"(?<=\d)[\u00a0\u202f\u2009 ](?=\d{3}(?!\d))")


def pdf_text(path: Path) -> str:
    """The PDF's text on one line: thousands not grouped, '-' for '−', single spaces."""
    text = " ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages)
    text = _GROUPING.sub("", text).replace("\u2212", "-")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    print(f"generated_record seed={SEED}")
    path = tmp_path_factory.mktemp("period") / "generated.sqlite3"
    build_generated_record(path, SEED, years=GENERATED_YEARS, per_year=120)
    return path


@pytest.fixture
def store(generated: Path) -> Any:
    store = Store.open(generated)
    yield store
    store.close()


def _insats_id(store: Store) -> int:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    return insats.id


def _tertial() -> ReportPeriod:
    """A tertial of a year that has one before it in the insats (so it is compared)."""
    rng = random.Random(SEED)
    return ReportPeriod.tertial(rng.choice([2006, 2007]), rng.randint(1, 3))


def test_a_tertial_report_shows_exactly_the_tertials_figures(
    store: Store, generated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tertial = _tertial()
    print(f"tertial {tertial.label}")
    now = counted(generated, tertial.first, tertial.last)
    before = counted(
        generated,
        tertial.first.replace(year=tertial.first.year - 1),
        tertial.last.replace(year=tertial.last.year - 1),
    )
    assert now.activities > 0  # the test says something
    request = ExportRequest.for_period(_insats_id(store), tertial)

    # The PDF: its title; the held, planned and cancelled activities, the held ones
    # compared with the same tertial a year before, per type and per kommun; the
    # tertial's participants, who are all it reached (what is registered per year is
    # not in a part of a year, and the report says so).
    pdf = tmp_path / "tertial.pdf"
    export_pdf(store, request, pdf)
    text = pdf_text(pdf)
    label = tertial.label
    assert f"Rapport {label}" in text
    total = f" Totalt {now.held} {now.planned} {now.cancelled} {before.held} "
    total += f"{signed(now.held - before.held)} "
    per_type = text.split(f"Aktiviteter per typ {label} ", 1)[1]
    per_type, per_kommun = per_type.split(f"Aktiviteter per kommun {label} ", 1)
    per_kommun = per_kommun.split(f"Nådda personer {label} ", 1)[0]
    assert total in per_type and total in per_kommun
    assert (
        f"Genomförda aktiviteter: {now.held}. Deltagare på aktiviteter (volym): {now.volume}. "
        f"Totalt nådda (volym): {now.volume}." in text
    )
    reached = text.split(f"Nådda personer {label} ", 1)[1]
    assert f" Deltagare på aktiviteter (volym) {now.volume} " in reached
    assert f" Totalt nådda (volym) {now.volume} " in reached
    assert "ingår inte i en del av ett år" in text
    # Placements are kept per year: left out of a tertial, and said so — not "none",
    # and not the whole year's places told as the tertial's.
    assert "Inga placeringar registrerade" not in text
    assert "beviljad" not in text.casefold()
    assert "Ingen länsstatistik registrerad" not in text

    # summary --json for the same dates.
    capsys.readouterr()
    code = main(
        [
            "summary",
            "--from",
            tertial.first.isoformat(),
            "--to",
            tertial.last.isoformat(),
            "--json",
            "--db",
            str(generated),
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["first_day"], data["last_day"]) == (
        tertial.first.isoformat(),
        tertial.last.isoformat(),
    )
    tables = {t["key"]: t for t in data["tables"]}
    key = {r["label"]: r["values"] for r in tables["nyckeltal"]["rows"]}
    column = data["label"]
    assert key["Genomförda aktiviteter"][column] == now.held
    assert key["Deltagare (volym)"][column] == now.volume
    assert tables["nadda_personer"]["total"]["values"][column] == now.volume
    assert "left_out" in data

    # The workbook: the key figures and one log row per activity of the tertial.
    xlsx = tmp_path / "tertial.xlsx"
    export_excel(store, request, xlsx)
    wb = load_workbook(xlsx, read_only=True)
    try:
        key_rows = {r[0]: r[1:4] for r in wb["Nyckeltal"].iter_rows(values_only=True) if r and r[0]}
        assert key_rows["Genomförda aktiviteter"] == (
            now.held,
            before.held,
            now.held - before.held,
        )
        assert key_rows["Deltagare (volym)"][0] == now.volume
        log = [r for r in wb[ACTIVITY_SHEET].iter_rows(values_only=True)][1:]
        assert len([r for r in log if any(v is not None for v in r)]) == now.activities
    finally:
        wb.close()


def test_a_whole_year_as_dates_is_the_year_summary(store: Store) -> None:
    insats_id = _insats_id(store)
    for year in range(2005, 2005 + GENERATED_YEARS):
        by_dates = ExportRequest.for_period(insats_id, ReportPeriod.year(year))
        by_year = ExportRequest(insats_id, year, year)
        today = date(2026, 1, 1)
        content = gather_pdf(store, by_dates, today=today)
        (summary,) = content.year_summaries
        assert summary == store.summaries.year_summary(insats_id, year)
        assert (
            summary.to_dict() == gather_pdf(store, by_year, today=today).year_summaries[0].to_dict()
        )
        assert content.title == f"Årsrapport {year}"
        assert content.left_out == ()


def test_a_part_of_a_year_leaves_out_what_is_kept_per_year(store: Store) -> None:
    insats_id = _insats_id(store)
    whole = store.summaries.year_summary(insats_id, 2006)
    assert any(t.key == TableKey.PLACERINGAR for t in whole.tables)
    registered = whole.table(TableKey.NADDA_PERSONER).rows[1].values[0]
    assert registered > 0  # the generated record registers reach every year
    content = gather_pdf(
        store, ExportRequest.for_period(insats_id, ReportPeriod.half_year(2006, 1))
    )
    (half,) = content.year_summaries
    keys = {t.key for t in half.tables}
    assert TableKey.PLACERINGAR not in keys and TableKey.LANSSTATISTIK not in keys
    assert TableKey.ARSPLAN not in keys
    reach = half.table(TableKey.NADDA_PERSONER)
    assert reach.columns == ("2006 (jan–jun)",)
    assert reach.rows[1].values == (0,)  # nothing registered per year is counted
    assert content.left_out == (half.left_out,)
    assert "årsrapporten 2006" in half.left_out


def test_a_period_over_a_new_year_has_a_column_per_piece(store: Store, generated: Path) -> None:
    insats_id = _insats_id(store)
    period = ReportPeriod.own(date(2005, 9, 15), date(2006, 3, 31))
    content = gather_pdf(store, ExportRequest.for_period(insats_id, period))
    assert content.period is not None
    assert content.title == "Rapport 15 september 2005 – 31 mars 2006"
    table = content.period.table(TableKey.NYCKELTAL)
    assert table.columns == ("2005 (15 sep–31 dec)", "2006 (jan–mar)", "Totalt")
    first = counted(generated, date(2005, 9, 15), date(2005, 12, 31))
    second = counted(generated, date(2006, 1, 1), date(2006, 3, 31))
    assert table.value("Genomförda aktiviteter", "2005 (15 sep–31 dec)") == first.held
    assert table.value("Genomförda aktiviteter", "2006 (jan–mar)") == second.held
    assert table.value("Genomförda aktiviteter", "Totalt") == first.held + second.held
    assert table.value("Deltagare (volym)", "Totalt") == first.volume + second.volume
    # 2005 is the insats's first year: its piece is compared with nothing.
    assert not content.year_summaries[0].compared
    assert content.year_summaries[1].table(TableKey.NYCKELTAL).columns == (
        "2006 (jan–mar)",
        "2005 (jan–mar)",
        "Förändring",
    )


def test_highlights_and_milestones_exactly_within_the_dates(store: Store, generated: Path) -> None:
    insats_id = _insats_id(store)
    con = sqlite3.connect(generated)
    with con:
        ids = [
            r[0]
            for r in con.execute(
                "SELECT id FROM activity WHERE status != 'installd' AND start_date IN "
                "(SELECT min(start_date) FROM activity WHERE start_date BETWEEN ? AND ? "
                "AND status != 'installd' UNION SELECT min(start_date) FROM activity "
                "WHERE start_date BETWEEN ? AND ? AND status != 'installd') ORDER BY start_date",
                ("2006-04-01", "2006-04-30", "2006-05-01", "2006-05-31"),
            )
        ]
        con.executemany(
            "UPDATE activity SET highlight = 'Markerad' WHERE id = ?", [(i,) for i in ids]
        )
    con.close()
    for day in (date(2006, 4, 30), date(2006, 5, 1)):
        store.milestones.save(
            Milestone(None, insats_id, day, MilestoneKind.MEDIA, f"Milstolpe {day.isoformat()}")
        )
    content = gather_pdf(store, ExportRequest.for_period(insats_id, ReportPeriod.tertial(2006, 1)))
    assert content.highlights and all(h.day <= date(2006, 4, 30) for h in content.highlights)
    (summary,) = content.year_summaries
    assert [m.text for m in summary.milestones if m.text.startswith("Milstolpe")] == [
        "Milstolpe 2006-04-30"
    ]


def test_the_demo_over_the_insats_own_period(demo: Store, demo_file: Path) -> None:
    insats = demo.reference.current_insats()
    assert insats is not None and insats.id is not None
    period = ReportPeriod.whole_insats(insats.start, insats.end)
    content = gather_pdf(demo, ExportRequest.for_period(insats.id, period))
    assert content.title == "Slutrapport augusti 2016 – december 2020"
    assert content.period_label == "augusti 2016 – december 2020"
    assert content.period is not None
    first = content.year_summaries[0]
    # August–December is all of 2016 within the insats: what is kept per year is in it.
    assert (first.label, first.covers_year, first.left_out) == ("2016 (aug–dec)", True, "")
    assert first.table(TableKey.NADDA_PERSONER).rows[1].values == (
        demo.summaries.year_summary(insats.id, 2016).table(TableKey.NADDA_PERSONER).rows[1].values
    )
    held = counted(demo_file, insats.start, date(2016, 12, 31)).held
    assert first.table(TableKey.NYCKELTAL).value("Genomförda aktiviteter", first.label) == held
    for summary in content.year_summaries[1:]:
        assert summary == demo.summaries.year_summary(insats.id, summary.year)
