"""The sheet "Uppföljning Finsam" of the Excel export, read back with openpyxl: the
figures of the small record (tests/reports/conftest.py), worked out here by hand from
what it saves, a column per calendar year, "–" where nothing is known, formatted like
the other summary sheets."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from app.core.finsam_followup import ECONOMY_TITLE
from app.core.summary import NO_FIGURE
from app.operations.exports import export_excel
from app.reports import excel_style as st
from app.reports.excel_followup import followup_sheet
from tests.reports.conftest import Record

D = NO_FIGURE
# 2017: 15 + 25 at held activities. 2018: 30 + 12 + 8 held (the planned and the
# cancelled ones do not count) and the fair's 40 in the total; the podcast's 120 are
# kept out; Anna and Bo named. 2019: 40 + 3 held.
STRUCTURAL = [
    ("Antal deltagare: Totalt nådda (volym)", 40, 90, 43),
    ("varav deltagare på aktiviteter (volym)", 40, 50, 43),
    ("varav registrerat utanför aktiviteter (volym)", 0, 40, 0),
    ("Unika individer (namngivna deltagare)", D, 2, D),
]
# 2017 has no placement; Hofors 2018 used 5 (2 women, 3 men, 4 unique); Gävle 2019 used
# 2 (1 woman, 1 man, unique not given).
INDIVIDUAL = [
    ("Antal deltagare: nyttjade platser", D, 5, 2),
    ("varav kvinnor", D, 2, 1),
    ("varav män", D, 3, 1),
    ("varav kön ej angivet", D, 0, 0),
    ("Unika individer (enligt placeringarna)", D, 4, D),
]


def test_the_sheet_holds_the_records_figures(record: Record, tmp_path: Path):
    path = tmp_path / "export.xlsx"
    export_excel(record.store, record.request(2017, 2019), path)

    ws = load_workbook(path)["Uppföljning Finsam"]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows()]

    assert rows[0][0] == "Strukturövergripande insats – antal deltagare 2017–2019"
    assert rows[1][:4] == ("Uppgift", "2017", "2018", "2019")
    assert [r[:4] for r in rows[2:6]] == STRUCTURAL
    assert "poddlyssnare" in rows[6][0]
    second = next(i for i, r in enumerate(rows) if str(r[0]).startswith("Individinriktade"))
    assert rows[second][0] == "Individinriktade insatser – deltagare per kön 2017–2019"
    assert [r[:4] for r in rows[second + 2 : second + 7]] == INDIVIDUAL
    money = next(i for i, r in enumerate(rows) if str(r[0]).startswith(ECONOMY_TITLE))
    assert money > second
    assert [r[:4] for r in rows[money + 2 : money + 4]] == [
        ("Budget (kr)", D, D, D),
        ("Utfall (kr)", D, D, D),
    ]
    assert "fliken Ekonomi" in rows[money + 4][0]
    assert not any("budget" in str(r[0]).casefold() for r in rows[:money])


def test_the_sheet_is_formatted_like_the_other_summary_sheets(record: Record, tmp_path: Path):
    path = tmp_path / "export.xlsx"
    export_excel(record.store, record.request(2017, 2019), path)

    wb = load_workbook(path)
    ws = wb["Uppföljning Finsam"]

    assert ws["A1"].font.b and ws["A1"].font.sz == st.TITLE_FONT.sz
    assert ws["B2"].fill.fgColor.rgb.endswith(st.HEADER_FILL.fgColor.rgb[-6:])
    assert ws["C3"].value == 90 and ws["C3"].number_format == st.COUNT_FORMAT
    assert ws["B6"].value == D and ws["B6"].alignment.horizontal == "right"
    assert ws.freeze_panes == wb["Nyckeltal"].freeze_panes
    assert {t for t in ws.tables} == {
        "T_uppfoljning_finsam_strukturovergripande",
        "T_uppfoljning_finsam_individinriktade",
        "T_uppfoljning_finsam_ekonomi",
    }


def test_a_year_without_placements_in_any_year_has_only_the_structural_part(
    record: Record, tmp_path: Path
):
    path = tmp_path / "export.xlsx"
    export_excel(record.store, record.request(2017), path)

    ws = load_workbook(path)["Uppföljning Finsam"]
    firsts = [str(row[0].value) for row in ws.iter_rows()]

    assert firsts[0] == "Strukturövergripande insats – antal deltagare 2017"
    assert [r[:2] for r in ws.iter_rows(min_row=3, max_row=3, values_only=True)] == [
        ("Antal deltagare: Totalt nådda (volym)", 40)
    ]
    assert not any(f.startswith("Individinriktade") for f in firsts)


def test_a_column_of_part_of_a_year_is_said_to_be_only_those_dates(record: Record):
    content = record.content(2018)
    part = replace(content.followup[0], column="2018 (jan–apr)")

    sheet = followup_sheet(replace(content, followup=(part,)))

    assert sheet is not None
    name, blocks = sheet
    assert name == "Uppföljning Finsam"
    assert blocks[0].headers == ("Uppgift", "2018 (jan–apr)")
    assert blocks[0].note.startswith("2018 (jan–apr): siffrorna gäller bara de datumen")
    assert "fliken Ekonomi" in blocks[-1].note
    whole = followup_sheet(content)
    assert whole is not None and "hela kalenderåret" not in whole[1][0].note
