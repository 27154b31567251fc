"""The Excel export, read back with openpyxl: the figures are the screen's figures."""

from __future__ import annotations

import errno
import os
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from app.core import atomic_file
from app.core.activity_columns import log_columns
from app.core.errors import DomainError
from app.core.progress import Cancelled, Progress
from app.core.summary import SummaryTable
from app.operations.exports import check_request, export_excel
from app.reports import excel_export, excel_file
from app.reports.excel_export import write_workbook
from app.reports.export_content import ExportRequest

ACTIVITY_HEADERS = tuple(c.log_header for c in log_columns())

# --- reading a workbook back --------------------------------------------------------------


def export(record, path: Path, first: int, last: int | None = None, names: bool = False):
    export_excel(record.store, record.request(first, last, names), path)
    return load_workbook(path)


def log_rows(ws) -> list[dict[str, Any]]:
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def read_tables(ws) -> dict[str, dict[str, Any]]:
    """Each Excel table of a summary sheet by its title (the row above it): its
    columns, its rows {label: values} and the total row under it (if any)."""
    out = {}
    for table in ws.tables.values():
        min_col, min_row, max_col, max_row = range_boundaries(table.ref)
        grid = [
            [ws.cell(r, c).value for c in range(min_col, max_col + 1)]
            for r in range(min_row, max_row + 2)
        ]
        title = ws.cell(min_row - 1, 1).value
        header, *body, after = grid
        assert header == [c.name for c in table.tableColumns]
        total = after if ws.cell(max_row + 1, 1).font.b and after[0] is not None else None
        out[title] = {
            "columns": header[1:],
            "rows": {r[0]: tuple(r[1:]) for r in body},
            "total": tuple(total[1:]) if total else None,
            "total_label": total[0] if total else None,
        }
    return out


def as_read(table: SummaryTable) -> dict[str, Any]:
    return {
        "columns": list(table.columns),
        "rows": {r.label: table.shown(r) for r in table.rows},
        "total": table.shown(table.total) if table.has_total else None,
        "total_label": table.total.label if table.has_total else None,
    }


# --- the närvarologg ----------------------------------------------------------------------


def test_the_known_activity_cell_by_cell(record, out):
    wb = export(record, out / "2018.xlsx", 2018)

    ws = wb["Närvarologg"]
    assert wb.sheetnames[0] == "Närvarologg"
    assert [c.value for c in ws[1]] == list(ACTIVITY_HEADERS)
    (row,) = [r for r in log_rows(ws) if r["Titel"] == record.known.title]
    assert row == {
        "Datum": datetime(2018, 3, 14),
        "Slutdatum": datetime(2018, 3, 15),
        "Tid": "kl. 9.30–15.00",
        "Typ": "Seminarium",
        "Titel": "Sociala företag & upphandling <del 1>",
        "Kommun": "Gävle",
        "Plats": "Stadshuset",
        "Form": "Hybrid",
        "Status": "Genomförd",
        "Medarrangörer": "Arbetsförmedlingen, Region Gävleborg",
        "Samverkansgrupp": "Samverkansgrupp ASF",
        "Mål i årsplanen": "Öka kunskapen om ASF",
        "Anteckningar": "Bra frågor om reserverade kontrakt.",
        "Datum ungefärligt": None,
        "Antalen uppskattade (ca)": None,
        "Deltagare": 30,
        "Organisation: Arbetsförmedlingen": 5,
        "Organisation: Försäkringskassan": 0,
        "Organisation: Kommun": 12,
        "Organisation: Region": 0,
        "Organisation: ASF": 0,
        "Organisation: Annan": 0,
        "Organisation: Ej fördelat": 13,
        "Roll: Tjänsteperson/medarbetare": 20,
        "Roll: Chef": 4,
        "Roll: Förtroendevald": 0,
        "Roll: ASF-företrädare": 0,
        "Roll: Övriga": 0,
        "Roll: Ej fördelat": 6,
        "Kvinnor": 18,
        "Män": 9,
        "Kön: Ej angivet": 3,
    }
    first = ws.cell(2, 1)
    assert first.is_date and first.number_format == "yyyy-mm-dd"
    assert all(type(row[h]) is int for h in ACTIVITY_HEADERS[ACTIVITY_HEADERS.index("Deltagare") :])


def test_an_approximate_date_and_estimated_counts_are_marked_beside_the_figures(record, out):
    record.store.activities.update(
        replace(record.known, date_approximate=True, counts_approximate=True)
    )
    wb = export(record, out / "ca.xlsx", 2018)

    rows = log_rows(wb["Närvarologg"])
    (row,) = [r for r in rows if r["Titel"] == record.known.title]
    assert (row["Datum ungefärligt"], row["Antalen uppskattade (ca)"]) == ("Ja", "Ja")
    assert row["Deltagare"] == 30  # still a number, which Excel can sum
    others = [r for r in rows if r["Titel"] != record.known.title]
    assert others and {(r["Datum ungefärligt"], r["Antalen uppskattade (ca)"]) for r in others} == {
        (None, None)
    }


def test_one_row_per_activity_of_the_years_in_date_order(record, out):
    wb = export(record, out / "p.xlsx", 2017, 2019)

    rows = log_rows(wb["Närvarologg"])
    assert len(rows) == 9
    assert [r["Datum"] for r in rows] == sorted(r["Datum"] for r in rows)
    assert {r["Datum"].year for r in rows} == {2017, 2018, 2019}
    statuses = {r["Titel"]: r["Status"] for r in rows}
    assert statuses["Konferens 2018-12-01"] == "Inställd"
    assert {r["Kommun"] for r in rows} >= {"Länsövergripande", "Nationellt", "Gävle"}
    # An empty text is an empty cell, not "".
    assert rows[0]["Plats"] is None


def test_named_participants_only_when_asked(record, out):
    without = export(record, out / "a.xlsx", 2018)
    with_names = export(record, out / "b.xlsx", 2018, names=True)

    assert "Deltagare med namn" not in without.sheetnames
    ws = with_names["Deltagare med namn"]
    assert with_names.sheetnames[:2] == ["Närvarologg", "Deltagare med namn"]
    assert log_rows(ws) == [
        {
            "Datum": datetime(2018, 3, 14),
            "Aktivitet": record.known.title,
            "Namn": "Anna Andersson",
            "Organisation": "Arbetsförmedlingen",
            "E-post": "anna@af.se",
        },
        {
            "Datum": datetime(2018, 3, 14),
            "Aktivitet": record.known.title,
            "Namn": "Bo Berg",
            "Organisation": None,
            "E-post": None,
        },
    ]


def test_a_year_without_activities_still_has_a_table(record, out):
    wb = export(record, out / "2020.xlsx", 2020)

    ws = wb["Närvarologg"]
    assert ws.cell(2, 1).value == "Inga aktiviteter 2020."
    last = get_column_letter(len(ACTIVITY_HEADERS))
    assert list(ws.tables.values())[0].ref == f"A1:{last}2"


# --- the summary sheets equal the screen -----------------------------------------------------


def test_per_typ_equals_the_year_summary(record, out):
    wb = export(record, out / "2018.xlsx", 2018)
    summary = record.store.summaries.year_summary(record.insats.id, 2018)

    tables = read_tables(wb["Per typ"])
    assert tables == {"Aktiviteter per typ 2018": as_read(summary.table("aktiviteter_typ"))}
    assert tables["Aktiviteter per typ 2018"]["columns"] == [
        "Genomförda",
        "Planerade",
        "Inställda",
        "Genomförda 2017",
        "Förändring",
    ]
    assert wb["Per typ"].cell(2, 1).value == "Typ"


@pytest.mark.parametrize(
    ("sheet", "keys"),
    [
        ("Nyckeltal", ["nyckeltal"]),
        ("Per kommun", ["aktiviteter_kommun", "deltagare_kommun"]),
        ("Per organisation", ["deltagare_organisation"]),
        ("Per roll", ["deltagare_roll"]),
        ("Per kön", ["deltagare_kon"]),
        (
            "Nådda personer",
            [
                "nadda_personer",
                "nadda_utanfor_total",
                "nadda_kommun",
                "nadda_organisation",
                "nadda_roll",
                "nadda_kon",
            ],
        ),
        ("Samverkansgrupper", ["samverkansgrupper", "samverkansgrupper_aktiva"]),
        ("Placeringar", ["placeringar"]),
        ("Årsplan", ["arsplan"]),
        ("Länsstatistik", ["lansstatistik"]),
    ],
)
def test_every_summary_sheet_holds_the_years_tables(record, out, sheet, keys):
    wb = export(record, out / "2018.xlsx", 2018)
    summary = record.store.summaries.year_summary(record.insats.id, 2018)

    found = list(read_tables(wb[sheet]).values())
    assert found == [as_read(summary.table(k)) for k in keys]


def test_reach_is_labelled_volume_unique_registered_and_kept_out(record, out):
    wb = export(record, out / "2018.xlsx", 2018)

    tables = read_tables(wb["Nådda personer"])
    reached = tables["Nådda personer 2018"]
    assert reached["rows"] == {
        "Deltagare på aktiviteter (volym)": (50,),
        "Registrerat utanför aktiviteter (volym)": (40,),
    }
    assert reached["total_label"] == "Totalt nådda (volym)"
    assert reached["total"] == (90,)
    outside = tables["Nådda utanför totalen 2018"]
    assert outside["rows"]["Hållna utanför totalen (volym, t.ex. poddlyssnare)"] == (120,)
    assert outside["rows"]["Unika individer (namngivna deltagare)"] == (2,)
    assert outside["total"] is None


def test_months_add_up_to_the_years_held_activities(record, out):
    wb = export(record, out / "2018.xlsx", 2018)
    summary = record.store.summaries.year_summary(record.insats.id, 2018)

    tables = read_tables(wb["Per månad"])
    held = tables["Genomförda aktiviteter per månad 2018"]
    people = tables["Deltagare per månad 2018"]
    assert held["columns"] == ["2018"]
    assert held["rows"]["mars"] == (1,)
    assert held["total"] == (summary.table("nyckeltal").value("Genomförda aktiviteter", "2018"),)
    assert people["total"] == (summary.table("nyckeltal").value("Deltagare (volym)", "2018"),)


def test_milestones_and_findings(record, out):
    wb = export(record, out / "2018.xlsx", 2018)
    summary = record.store.summaries.year_summary(record.insats.id, 2018)

    ws = wb["Milstolpar"]
    assert ws.cell(1, 1).value == "Milstolpar 2018"
    assert [c.value for c in ws[2]][:6] == [
        "Datum",
        "Typ",
        "Kommun",
        "Organisation",
        "Beskrivning",
        "Länk",
    ]
    assert [c.value for c in ws[3]][:6] == [
        datetime(2018, 6, 12),
        "Policy antagen",
        "Gävle",
        None,
        "Policy för ASF antagen",
        None,
    ]
    assert (ws.cell(2, 7).value, ws.cell(3, 7).value) == ("Datum ungefärligt", None)
    ws = wb["Avvikelser"]
    assert ws.cell(1, 1).value == f"Avvikelser 2018 ({len(summary.findings)})"
    assert [c.value for c in ws[2]][:5] == ["År", "Vad", "Var", "Väntat", "Angivet"]
    listed = [
        row
        for row in ws.iter_rows(
            min_row=3, max_row=2 + len(summary.findings), max_col=5, values_only=True
        )
    ]
    assert listed == [(2018, f.what, f.where, f.expected, f.found) for f in summary.findings]
    assert ("Fler platser nyttjade än beviljade", "högst 4", "5") in [
        (what, expected, found) for _, what, _, expected, found in listed
    ]


# --- a period -----------------------------------------------------------------------------


def test_a_period_has_a_column_per_year_and_a_total(record, out):
    wb = export(record, out / "p.xlsx", 2017, 2019)
    years = {
        y: record.store.summaries.year_summary(record.insats.id, y) for y in (2017, 2018, 2019)
    }

    per_type = read_tables(wb["Per typ"])["Genomförda aktiviteter per typ 2017–2019"]
    assert per_type["columns"] == ["2017", "2018", "2019", "Totalt"]
    for label, values in per_type["rows"].items():
        for i, year in enumerate((2017, 2018, 2019)):
            table = years[year].table("aktiviteter_typ")
            mine = table.value(label, "Genomförda") if label in {r.label for r in table.rows} else 0
            assert values[i] == mine
        assert values[3] == sum(values[:3])
    assert per_type["total"] == (2, 3, 2, 7)
    people = read_tables(wb["Per kön"])["Deltagare per kön 2017–2019"]
    assert people["total"][:3] == tuple(
        years[y].table("deltagare_kon").value("Totalt", str(y)) for y in (2017, 2018, 2019)
    )
    assert people["total"][3] == sum(people["total"][:3])


def test_a_period_lists_placements_groups_and_findings_per_year(record, out):
    wb = export(record, out / "p.xlsx", 2017, 2019)

    placements = read_tables(wb["Placeringar"])
    measures = placements["Individinriktade insatser (placeringar) 2017–2019"]
    assert measures["rows"]["Nyttjade"] == (0, 5, 2, 7)
    assert measures["total"] is None
    per_year = placements["Placeringar per huvudman och år 2017–2019"]
    assert per_year["columns"][0] == "Huvudman"
    groups = read_tables(wb["Samverkansgrupper"])
    assert "Aktiva samverkansgrupper per kommun och år 2017–2019" in groups
    assert "Samverkansgrupper per år 2017–2019" in groups
    ws = wb["Avvikelser"]
    years = {ws.cell(r, 1).value for r in range(3, ws.max_row + 1)} - {None}
    assert {2018} <= years


# --- a workbook people like to open -----------------------------------------------------------


def test_every_sheet_has_a_table_a_frozen_header_and_print_setup(record, out):
    wb = export(record, out / "p.xlsx", 2017, 2019, names=True)

    for ws in wb.worksheets:
        assert ws.tables, ws.title
        first = min(range_boundaries(t.ref)[1] for t in ws.tables.values())
        assert ws.freeze_panes in (f"A{first + 1}", f"B{first + 1}"), ws.title
        for table in ws.tables.values():
            assert table.tableStyleInfo.name.startswith("TableStyleMedium")
            assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9  # A4
        if ws.sheet_properties.pageSetUpPr.fitToPage:  # fitted to the width, readably
            assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        else:  # at 100 %, or over pages across (test_excel_print)
            assert (ws.page_setup.scale or 100) >= 70
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        assert widths and max(widths) <= 60
    assert wb["Närvarologg"].print_title_rows == "$1:$1"
    assert wb["Per typ"].print_title_rows == "$1:$2"


def test_column_widths_fit_the_content(record, out):
    wb = export(record, out / "2018.xlsx", 2018)

    ws = wb["Närvarologg"]
    widths = {
        ws.cell(1, i).value: ws.column_dimensions[ws.cell(1, i).column_letter].width
        for i in range(1, ws.max_column + 1)
    }
    assert widths["Titel"] >= len(record.known.title)
    assert widths["Medarrangörer"] >= len("Arbetsförmedlingen, Region Gävleborg")
    assert widths["Kvinnor"] < widths["Titel"]
    assert wb["Per typ"].column_dimensions["A"].width >= len("Frukostmöte")


def test_document_properties(record, out):
    path = out / "2018.xlsx"
    wb = export(record, path, 2018)

    props = wb.properties
    assert props.title == f"Insatslogg – {record.insats.name} 2018"
    assert props.creator == "Samordningsförbund Gävleborg"
    assert "2018" in props.subject
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode()
    assert "<Company>Samordningsförbund Gävleborg</Company>" in app
    assert props.title in wb["Per typ"].oddHeader.left.text


def test_user_text_stays_text(record, out, add_activity):
    add_activity("Seminarium", "Gävle", day=date(2018, 8, 8), title="=SUM(A1:A9) \x07ok")

    wb = export(record, out / "2018.xlsx", 2018)

    titles = [r["Titel"] for r in log_rows(wb["Närvarologg"])]
    assert "=SUM(A1:A9) ok" in titles


# --- cancel and failure leave nothing behind ----------------------------------------------


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("after_steps", [0, 1, 3])
def test_cancel_leaves_no_file(record, out, after_steps):
    content = record.content(2017, 2019, names=True)
    calls = []

    def is_cancelled() -> bool:
        calls.append(1)
        return len(calls) > after_steps

    temp_before = list(ALL_TEMP_FILES)
    with pytest.raises(Cancelled):
        write_workbook(out / "x.xlsx", content, Progress(is_cancelled=is_cancelled))

    assert files_in(out) == []
    assert temp_before == ALL_TEMP_FILES  # openpyxl's own temporary files are gone too


def test_cancel_keeps_an_existing_file_as_it_was(record, out):
    target = out / "x.xlsx"
    target.write_bytes(b"old")

    with pytest.raises(Cancelled):
        write_workbook(target, record.content(2018), Progress(is_cancelled=lambda: True))

    assert files_in(out) == ["x.xlsx"]
    assert target.read_bytes() == b"old"


def test_a_full_disk_leaves_no_file(record, out, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(excel_file.ExcelWriter, "save", full)

    with pytest.raises(
        DomainError, match=r"Det finns inte plats för filen .*x\.xlsx: disken är full"
    ):
        write_workbook(out / "x.xlsx", record.content(2018), Progress())
    assert files_in(out) == []


def test_a_locked_target_gives_a_swedish_message(record, out, monkeypatch):
    target = out / "x.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic_file.os, "replace", locked)

    with pytest.raises(DomainError, match=r"Filen .*x\.xlsx används av ett annat program"):
        write_workbook(target, record.content(2018), Progress())
    assert files_in(out) == ["x.xlsx"]
    assert target.read_bytes() == b"open in Excel"


def test_a_missing_folder_gives_a_swedish_message(record, tmp_path):
    with pytest.raises(DomainError, match="Kunde inte spara .*: mappen finns inte"):
        write_workbook(tmp_path / "nej" / "x.xlsx", record.content(2018), Progress())


def test_any_error_leaves_no_file(record, out, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(excel_export._Writer, "summary_sheet", broken)

    with pytest.raises(RuntimeError):
        write_workbook(out / "x.xlsx", record.content(2018), Progress())
    assert files_in(out) == []


def test_the_file_gets_ordinary_permissions(record, out):
    path = out / "x.xlsx"
    export_excel(record.store, record.request(2018), path)

    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_progress_reaches_the_end(record, out):
    seen: list[tuple[int, int]] = []
    export_excel(
        record.store,
        record.request(2017, 2019),
        out / "x.xlsx",
        Progress(report=lambda done, total: seen.append((done, total))),
    )

    assert seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# --- the request --------------------------------------------------------------------------


def test_years_outside_the_insats_are_refused(record):
    with pytest.raises(DomainError, match="2030 ligger utanför insatsens år"):
        check_request(record.store, record.request(2030))
    with pytest.raises(DomainError, match="baklänges"):
        check_request(record.store, ExportRequest(record.insats.id, 2019, 2017))


def test_the_result_line_is_swedish(record, out):
    result = export_excel(record.store, record.request(2017, 2019, names=True), out / "x.xlsx")

    assert result.message() == (
        f"Exporterade 9 aktiviteter (2017–2019) och 2 namngivna deltagare till {out / 'x.xlsx'}."
    )
    assert record.request(2017, 2019).suggested_filename == "Insatslogg 2017–2019.xlsx"


def test_county_statistics_as_the_overview_shows_them(record, out):
    from app.core.county_stats import CountyStats

    forbund_id = record.insats.forbund_id
    record.store.county_stats.save(CountyStats(None, forbund_id, 2017, companies_total=18))

    year = read_tables(export(record, out / "a.xlsx", 2018)["Länsstatistik"])
    period = read_tables(export(record, out / "b.xlsx", 2018, 2019)["Länsstatistik"])

    (table,) = year.values()
    assert table["columns"] == ["2017", "2018"]  # every year up to 2018, like the overview
    assert table["rows"]["Företag totalt"] == (18, 20)
    (table,) = period.values()
    assert table["columns"] == ["2018"]  # the period's own years
