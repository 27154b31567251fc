"""The board report as a Word file: read back with python-docx (Word's own styles, real
tables, pictures, the document's properties and language) and opened by LibreOffice,
whose text has the figures of the core summary."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from PIL import Image

from app.core.report_period import ReportPeriod
from app.core.table_keys import TableKey
from app.core.wording import thousands
from app.operations.reports import export_docx, gather_pdf
from app.reports.board_blocks import (
    BoardReport,
    Bullets,
    Chart,
    Cover,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from app.reports.board_report import build_board_report
from app.reports.docx_report import write_board_docx
from app.reports.export_content import ExportRequest
from app.store.database import Store
from tests.reports.pdf_words import overlapping, pages
from tests.soffice import convert


def _png(width: int, height: int) -> bytes:
    out = BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


COVER = Cover(
    "Samordningsförbund Provlän",
    "Insats Prov",
    "Rapport januari–april 2024",
    "januari–april 2024",
    dt.date(2024, 5, 2),
    logo=_png(600, 200),
)
TABLE = Table(
    ("Kommun", "2023", "2024"),
    (("Gävle", "12", "3"), ("Hofors", "1\u00a0275", "0")),
    ("Totalt", "1\u00a0287", "3"),
    widths=(0.5, 0.25, 0.25),
    caption="Nådda per kommun",
    note="Volym: en gång per tillfälle.",
)


def report(*blocks: object) -> BoardReport:
    return BoardReport(
        cover=COVER,
        blocks=tuple(blocks),  # type: ignore[arg-type]
        title="Rapport januari–april 2024 – Insats Prov",
        author="Samordningsförbund Provlän",
        subject="Insats Prov",
        header="Insats Prov",
        footer="Samordningsförbund Provlän · upprättad 2 maj 2024",
    )


EVERY_KIND = report(
    Heading("Uppdrag", 1),
    Heading("Insatsperiod", 2),
    Paragraph("Insatsen pågick från augusti 2016.\nEn rad till."),
    Heading("Målgrupp", 3),
    Bullets(("Unga vuxna", "Personer långt från arbetsmarknaden")),
    TABLE,
    Chart("Genomförda aktiviteter", ("Gävle", "Hofors"), (12, 3)),
    Paragraph("En anteckning.", "note"),
    PageBreak(),
    Paragraph("Efter sidbrytningen."),
)


@pytest.fixture
def every_kind(tmp_path: Path) -> Path:
    path = tmp_path / "rapport.docx"
    write_board_docx(path, EVERY_KIND)
    return path


def test_headings_text_and_lists_are_in_words_own_styles(every_kind: Path) -> None:
    document = docx.Document(str(every_kind))
    styled = [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text]
    assert ("Title", "Rapport januari–april 2024") in styled
    assert ("Subtitle", "Insats Prov") in styled
    body = styled[styled.index(("Heading 1", "Uppdrag")) :]
    assert body[:8] == [
        ("Heading 1", "Uppdrag"),
        ("Heading 2", "Insatsperiod"),
        ("Normal", "Insatsen pågick från augusti 2016.\nEn rad till."),
        ("Heading 3", "Målgrupp"),
        ("List Bullet", "Unga vuxna"),
        ("List Bullet", "Personer långt från arbetsmarknaden"),
        ("Caption", "Nådda per kommun"),
        ("Anteckning", "Volym: en gång per tillfälle."),
    ]
    assert ("Anteckning", "En anteckning.") in body
    # The page break stands between the note and the last paragraph.
    xml = document.element.body.xml
    assert xml.index("En anteckning.") < xml.index('w:type="page"', xml.index("En anteckning."))
    assert xml.rindex('w:type="page"') < xml.index("Efter sidbrytningen.")


def test_tables_are_word_tables_with_a_repeated_header_and_the_given_widths(
    every_kind: Path,
) -> None:
    document = docx.Document(str(every_kind))
    (table,) = document.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [list(TABLE.header), *map(list, TABLE.rows), list(TABLE.total or ())]
    header = table.rows[0]._tr
    assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
    assert all(
        r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:]
    )
    for row in table.rows:
        first, *figures = row.cells
        assert first.paragraphs[0].alignment != WD_ALIGN_PARAGRAPH.RIGHT
        assert all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for c in figures)
    bold = [all(run.bold for c in row.cells for run in c.paragraphs[0].runs) for row in table.rows]
    assert bold == [True, False, False, True]  # the header and the total row
    text_width = Mm(170)
    for column, share in zip(table.columns, TABLE.widths, strict=True):
        assert column.width is not None
        assert abs(column.width - share * text_width) < Mm(0.5)


def test_the_chart_and_the_logo_are_pictures(every_kind: Path) -> None:
    document = docx.Document(str(every_kind))
    shapes = list(document.inline_shapes)
    assert len(shapes) == 2  # the logo on the cover, the chart
    logo, chart = shapes
    assert logo.width <= Mm(70) + 1 and logo.height <= Mm(32) + 1
    assert abs(logo.width / logo.height - 3) < 0.01
    assert abs(chart.width - Mm(170)) < Mm(1)
    with zipfile.ZipFile(every_kind) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        pictures = [Image.open(BytesIO(z.read(n))) for n in media]
    drawn = [p for p in pictures if p.size != (600, 200)]
    assert len(drawn) == 1
    colours = drawn[0].convert("RGB").getcolors(1 << 20) or []
    assert len(colours) > 10  # bars, text and axis: not an empty picture


def test_properties_language_header_and_page_fields(every_kind: Path) -> None:
    document = docx.Document(str(every_kind))
    props = document.core_properties
    assert props.title == "Rapport januari–april 2024 – Insats Prov"
    assert props.author == "Samordningsförbund Provlän"
    assert props.subject == "Insats Prov" and props.language == "sv-SE"
    styles = document.styles.element
    lang = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert lang.find(qn("w:lang")).get(qn("w:val")) == "sv-SE"
    section = document.sections[0]
    assert "Insats Prov" in section.header.paragraphs[0].text
    footer = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert "Sida" in footer and " av " in footer
    assert section.different_first_page_header_footer  # no running header on the cover


def _soffice(docx_path: Path, folder: Path, to: str) -> None:
    done = convert(docx_path, folder, to)
    assert done.returncode == 0, done.stderr


def _soffice_text(docx_path: Path, folder: Path) -> list[str]:
    """The document as LibreOffice reads it, converted to plain text: a line per
    paragraph and per table cell."""
    _soffice(docx_path, folder, "txt:Text (encoded):UTF8")
    text = (folder / docx_path.with_suffix(".txt").name).read_text(encoding="utf-8-sig")
    return [line.replace("\u00a0", " ").strip() for line in text.splitlines()]


def _contains(lines: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(lines[i : i + n] == part for i in range(len(lines) - n + 1))


@pytest.mark.timeout(300)
def test_libreoffice_reads_the_demo_reports_figures(demo: Store, tmp_path: Path) -> None:
    """The demo's period report (the insats's own dates) as Word, read by LibreOffice:
    every row of every table of the report is there, cell by cell, and the activity
    tables' rows are the core summary's (the board report's tests hold every table to
    core; this holds the Word file to the report)."""
    insats = demo.reference.current_insats()
    assert insats is not None and insats.id is not None
    whole = ReportPeriod.whole_insats(insats.start, insats.end)
    request = ExportRequest.for_period(insats.id, whole)
    path = tmp_path / "Slutrapport.docx"
    result = export_docx(demo, request, path)
    assert result.path == path and "Word" in result.message()
    lines = _soffice_text(path, tmp_path)
    content = gather_pdf(demo, request)
    assert content.period is not None
    report = build_board_report(content)
    checked = 0
    for block in report.blocks:
        if not isinstance(block, Table):
            continue
        for row in (*block.rows, *((block.total,) if block.total else ())):
            cells = [c.replace("\u00a0", " ") for c in row]
            assert _contains(lines, cells), (block.caption, cells)
            checked += 1
    assert checked > 40
    for key in (TableKey.AKTIVITETER_KOMMUN, TableKey.AKTIVITETER_TYP):
        table = content.period.table(key)
        i = table.columns.index("Totalt")
        for row in (*(r for r in table.rows if any(r.values)), table.total):
            cells = [row.label, *(thousands(v) for v in row.values)]
            assert _contains(lines, [c.replace("\u00a0", " ") for c in cells]), (key, cells)
            assert row.values[i] == sum(row.values[:i])
    # The total of people reached the core summary gives, as LibreOffice reads it.
    reached = content.period.table(TableKey.NADDA_PERSONER).value("Totalt", "Totalt")
    assert thousands(reached).replace("\u00a0", " ") in " ".join(lines)


@pytest.mark.timeout(300)
def test_libreoffice_lays_the_tables_out_without_breaking_a_word(
    demo: Store, tmp_path: Path
) -> None:
    insats = demo.reference.current_insats()
    assert insats is not None and insats.id is not None
    path = tmp_path / "rapport.docx"
    export_docx(demo, ExportRequest(insats.id, 2018, 2018), path)
    _soffice(path, tmp_path, "pdf")
    laid_out = pages(tmp_path / "rapport.pdf")
    found = {w.text for p in laid_out for w in p}
    cells = {c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells}
    words = {w for c in cells for w in c.split() if w.isalpha()}
    assert len(words) > 30
    assert sorted(w for w in words if w not in found) == []
    # LibreOffice sets table rows at single spacing: the fonts' boxes (taller than a line)
    # touch by about a point; text drawn over text would cross by several.
    assert [overlapping(p, slack=1.5) for p in laid_out] == [[] for _ in laid_out]


def test_the_command_line_writes_the_word_file(demo: Store, tmp_path: Path) -> None:
    import argparse

    from app.cli_export import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    out = tmp_path / "styrelsen.docx"
    db = demo.path
    assert db is not None
    args = parser.parse_args(["export", "docx", "--year", "2018", "-o", str(out), "--db", str(db)])
    demo.close()
    assert args.handler(args) == 0
    document = docx.Document(str(out))
    assert any(p.style is not None and p.style.name == "Heading 1" for p in document.paragraphs)
    wrong = parser.parse_args(
        ["export", "docx", "--year", "2018", "-o", str(tmp_path / "x.pdf"), "--db", str(db)]
    )
    assert wrong.handler(wrong) == 1
    assert not (tmp_path / "x.pdf").exists()
