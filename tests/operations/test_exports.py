"""The export operations on a temporary database: what they read from the store is what
the files show (the workbook read back with openpyxl, the PDFs' text with pypdf)."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.core.attendance import Attendance
from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.table_keys import TableKey
from app.core.vocabulary import OrgCategory, Scope, Status
from app.operations.exports import check_request, export_excel, gather
from app.operations.reports import export_pdf, gather_pdf, signin_sheet_for
from app.reports.export_content import ExportRequest
from app.reports.signin_sheet import write_signin_sheet
from app.store.database import Store
from tests.conftest import MakeActivity

APP = Path(__file__).resolve().parents[2] / "app"


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


@pytest.fixture
def year(insats: Insats, add_activity: MakeActivity) -> ExportRequest:
    """2018: two held activities (12 and 5 participants) and a planned one."""
    add_activity(
        "Seminarium",
        "Gävle",
        date(2018, 3, 14),
        attendance=Attendance.build(12, by_org={OrgCategory.ASF: 4}, women=7, men=5),
        title="Seminarium om ASF",
        notes="Bra samtal",
    )
    add_activity(
        "Workshop",
        Scope.LANSOVERGRIPANDE,
        date(2018, 9, 3),
        attendance=Attendance.build(5),
        title="Workshop i länet",
    )
    add_activity("Seminarium", "Hofors", date(2018, 11, 20), Status.PLANERAD, title="Planerat")
    assert insats.id is not None
    return ExportRequest(insats.id, 2018, 2018)


def test_the_excel_export_shows_the_store(store: Store, year: ExportRequest, tmp_path: Path):
    path = tmp_path / "Insatslogg 2018.xlsx"

    result = export_excel(store, year, path)

    assert result.activities == 3 and result.participants == 0
    assert result.message() == f"Exporterade 3 aktiviteter (2018) till {path}."
    wb = load_workbook(path)
    log = wb["Närvarologg"]
    headers = [c.value for c in log[1]]
    rows = [dict(zip(headers, r, strict=True)) for r in log.iter_rows(min_row=2, values_only=True)]
    assert [r["Titel"] for r in rows] == ["Seminarium om ASF", "Workshop i länet", "Planerat"]
    first = rows[0]
    assert first["Kommun"] == "Gävle" and first["Anteckningar"] == "Bra samtal"
    assert (first["Deltagare"], first["Organisation: ASF"], first["Kvinnor"]) == (12, 4, 7)
    assert first["Organisation: Ej fördelat"] == 8 and first["Kön: Ej angivet"] == 0
    assert rows[1]["Kommun"] == "Länsövergripande" and rows[1]["Slutdatum"] is None
    key_figures = {r[0]: r[1] for r in wb["Nyckeltal"].iter_rows(min_row=3, values_only=True)}
    assert key_figures["Genomförda aktiviteter"] == 2
    assert key_figures["Planerade aktiviteter"] == 1
    assert key_figures["Deltagare (volym)"] == 17


def test_the_gathered_content_is_the_overviews(store: Store, year: ExportRequest):
    content = gather(store, year)

    summary = store.summaries.year_summary(year.insats_id, 2018)
    assert content.year_summaries == (summary,)
    assert content.period is None and content.participants is None
    assert content.activities.count == 3
    assert [a.title for a in content.activities.rows()] == [
        "Seminarium om ASF",
        "Workshop i länet",
        "Planerat",
    ]
    assert content.activities.text_lengths["titel"] == len("Seminarium om ASF")


def test_the_pdf_report_shows_the_store(store: Store, year: ExportRequest, tmp_path: Path):
    path = tmp_path / "rapport.pdf"

    result = export_pdf(store, year, path)

    assert result.pages >= 2 and result.span == "2018"
    text = pdf_text(path)
    assert "Årsrapport 2018" in text
    content = gather_pdf(store, year)
    reached = content.table(TableKey.NADDA_PERSONER)
    assert reached is not None
    assert reached.value("Deltagare på aktiviteter (volym)", "2018") == 17
    # The store's two held activities (12 + 5) and the planned one, as the report has
    # them: the year's sentence, the one people table and the activities per type.
    assert (
        "Genomförda aktiviteter: 2. Deltagare på aktiviteter (volym): 17. "
        "Totalt nådda (volym): 17." in text
    )
    assert "Nådda personer 2018 Mått 2018 Deltagare på aktiviteter (volym) 17" in text
    assert "Totalt nådda (volym) 17" in text
    per_type = text.split("Aktiviteter per typ 2018", 1)[1]
    assert "Seminarium 1 1 0" in per_type and "Workshop 1 0 0" in per_type
    assert "Totalt 2 1 0" in per_type


def test_a_period_is_gathered_from_its_years(store: Store, insats: Insats, year: ExportRequest):
    assert insats.id is not None
    content = gather_pdf(store, ExportRequest(insats.id, 2018, 2019))

    assert content.period is not None and content.period.years == (2018, 2019)
    per_type = content.table(TableKey.AKTIVITETER_TYP)
    assert per_type is not None and per_type.value("Totalt", "Totalt") == 2


def test_years_outside_the_insats_are_refused(store: Store, insats: Insats):
    assert insats.id is not None
    with pytest.raises(DomainError, match="utanför insatsens år"):
        check_request(store, ExportRequest(insats.id, 2030, 2030))
    with pytest.raises(DomainError, match="baklänges"):
        export_excel(store, ExportRequest(insats.id, 2019, 2018), "x.xlsx")


def test_the_signin_sheet_of_a_stored_activity(
    store: Store, add_activity: MakeActivity, tmp_path: Path
):
    activity = add_activity(
        "Seminarium", "Hofors", date(2018, 4, 10), Status.PLANERAD, title="Träff i Hofors"
    )
    assert activity.id is not None

    sheet = signin_sheet_for(store, activity.id)
    write_signin_sheet(tmp_path / "lista.pdf", sheet)

    assert sheet.title == "Träff i Hofors" and sheet.place == "Hofors"
    assert sheet.dates == (date(2018, 4, 10),)
    text = pdf_text(tmp_path / "lista.pdf")
    assert "Träff i Hofors" in text and "10 april 2018" in text
    with pytest.raises(DomainError):
        signin_sheet_for(store, 999_999)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_the_writers_know_no_store_and_import_no_circle():
    """app.reports is fed plain data: no module imports app.store (not even for types),
    and no module of it imports one that imports it back (not even inside a function)."""
    modules = {f"app.reports.{p.stem}": _imports(p) for p in (APP / "reports").glob("*.py")}
    store_users = sorted(
        m
        for m, imports in modules.items()
        if any(i == "app.store" or i.startswith("app.store.") for i in imports)
    )
    assert store_users == []

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for target in modules.get(start, set()) & set(modules):
            if target == goal or (target not in seen and reaches(target, goal, seen | {target})):
                return True
        return False

    circles = sorted(m for m in modules if reaches(m, m, {m}))
    assert circles == []
