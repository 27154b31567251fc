"""The PDF report read back with pypdf: its figures are the core summary's."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.findings import Finding
from app.core.progress import Cancelled, Progress
from app.reports import pdf_style as st
from app.reports.pdf_report import export_pdf, gather_pdf


def _text(path: Path) -> tuple[list[str], str]:
    pages = [p.extract_text() or "" for p in PdfReader(str(path)).pages]
    pages = [p.replace("\u00a0", " ").replace("\u202f", " ") for p in pages]
    return pages, "\n".join(pages)


def _n(value: int) -> str:
    return st.number(value).replace("\u00a0", " ")


def test_swedish_numbers_and_dates() -> None:
    import datetime as dt

    assert st.number(1275) == "1\u00a0275"
    assert st.number(-12, signed=True) == "\u221212"
    assert st.number(4, signed=True) == "+4"
    assert st.swedish_date(dt.date(2018, 3, 15)) == "15 mars 2018"


def test_period_report_people_reached_total_is_the_sum(record, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "rapport.pdf"
    result = export_pdf(record.store, record.request(2017, 2019), out)
    pages, text = _text(out)
    assert result.pages == len(pages) > 1
    assert "Sida 1 av" in pages[0] and f"Sida {len(pages)} av {len(pages)}" in pages[-1]
    content = gather_pdf(record.store, record.request(2017, 2019))
    assert content.period is not None
    reached = content.period.table("nadda_personer")
    years = [reached.total.values[i] for i, c in enumerate(reached.columns) if c != "Totalt"]
    total = reached.value("Totalt", "Totalt")
    assert total == sum(years)
    # The year rows, then the total row, cell by cell as pypdf reads them (a line each).
    lines = [ln.strip() for ln in text.split("Nådda personer 2017–2019", 1)[1].splitlines()]
    unique = content.period.table("nadda_utanfor_total")
    uniq = next(r for r in unique.rows if r.label.startswith("Unika"))
    for i, year in enumerate(("2017", "2018", "2019")):
        at = lines.index(year)
        parts = [r.values[i] for r in reached.rows]
        expected = [*(_n(v) for v in parts), _n(years[i]), _n(uniq.values[i])]
        assert lines[at + 1 : at + 1 + len(expected)] == expected, year
    at = lines.index("Totalt")
    expected = [*(_n(r.values[-1]) for r in reached.rows), _n(total), _n(uniq.values[-1])]
    assert lines[at + 1 : at + 1 + len(expected)] == expected
    assert "Unika individer" in text and "volym" in text
    assert "Samordningsförbund" in text or "förbund" in text.casefold()
    assert "å" in text and "ä" in text and "ö" in text


def test_findings_listed_in_avvikelser(record, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "år.pdf"
    export_pdf(record.store, record.request(2018), out)
    pages, _ = _text(out)
    last = pages[-1]
    content = gather_pdf(record.store, record.request(2018))
    assert (
        Finding("Fler platser nyttjade än beviljade", "Placeringar 2018, Hofors", "högst 4", "5")
        in content.findings()
    )
    avvikelser = "\n".join(p for p in pages if "Avvikelser" in p)
    assert "Fler platser nyttjade än beviljade" in avvikelser and "högst 4" in avvikelser
    assert "Policy för ASF antagen" in "".join(pages)  # milestone
    assert "12 juni 2018" in "".join(pages)
    assert last


def test_no_findings_says_so(store, insats, add_activity, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    add_activity("Seminarium", "Gävle", dt.date(2018, 3, 14))
    out = tmp_path / "r.pdf"
    export_pdf(store, _request(insats, 2018), out)
    _, text = _text(out)
    assert "Inga avvikelser hittades." in text


def _request(insats, first, last=None):  # type: ignore[no-untyped-def]
    from app.reports.export_content import ExportRequest

    return ExportRequest(insats.id, first, last or first)


def test_every_total_is_the_sum_of_its_parts(record) -> None:  # type: ignore[no-untyped-def]
    content = gather_pdf(record.store, record.request(2017, 2019))
    assert content.period is not None
    for table in content.period.tables:
        if "Totalt" in table.columns:
            t = table.columns.index("Totalt")
            for row in table.rows:
                assert row.values[t] == sum(row.values[:t]), (table.key, row.label)
        if table.has_total:
            for i in range(len(table.columns)):
                assert table.total.values[i] == sum(r.values[i] for r in table.rows)


def test_cancel_leaves_no_file(record, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "ut"
    folder.mkdir()
    out = folder / "avbruten.pdf"
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 4

    with pytest.raises(Cancelled):
        export_pdf(record.store, record.request(2017, 2019), out, Progress(is_cancelled=cancelled))
    assert list(folder.iterdir()) == []


def test_cli_writes_pdf(record, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from app.cli_export import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    db = record.store.file.path if hasattr(record.store.file, "path") else None
    if db is None:
        pytest.skip("store has no file path")
    out = tmp_path / "r.pdf"
    args = parser.parse_args(["export", "pdf", "--year", "2018", "-o", str(out), "--db", str(db)])
    assert args.handler(args) == 0
    assert out.exists()


def test_demo_period_report_has_highlights_texts_and_the_stated_total(tmp_path: Path) -> None:
    from app.demo.gavleborg import build_demo
    from app.reports.export_content import ExportRequest
    from app.store.database import Store

    db = tmp_path / "demo.sqlite3"
    build_demo(db)
    store = Store.open(db)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        store.report_texts.save_texts(
            insats.id,
            2016,
            2020,
            {"bakgrund": "Förbundet startade insatsen 2016.", "slutsatser": "ASF behövs."},
        )
        out = tmp_path / "period.pdf"
        export_pdf(store, ExportRequest(insats.id, 2016, 2020), out)
    finally:
        store.close()
    pages, text = _text(out)
    flat = " ".join(text.split())
    assert "Bakgrund" in text and "Förbundet startade insatsen 2016." in flat
    assert "Slutsatser" in text and "ASF behövs." in flat
    assert "Höjdpunkter 2016–2020" in text
    assert "först i Sverige" in flat
    assert "Processutbildning om ASF 1: Arbetsförmedlingen i Gävle" in flat
    # The stated total is listed among the findings, with the sum of the years.
    findings = flat.split("Avvikelser 2016–2020", 1)[1]
    assert "Angiven total stämmer inte med årens summa" in findings
    assert "1 275 (95 + 586 + 235 + 183 + 176)" in findings and "1 257" in findings
    # Bakgrund comes right after the cover, Slutsatser before Avvikelser.
    assert flat.index("Bakgrund") < flat.index("Nyckeltal")
    assert flat.index("Slutsatser") < flat.index("Avvikelser 2016–2020")
