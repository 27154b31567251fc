"""The PDF report read back with pypdf: its figures are the core summary's."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.findings import Finding
from app.core.progress import Cancelled, Progress
from app.operations.reports import export_pdf, gather_pdf
from app.reports import pdf_style as st


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
    # The one people table: the header, each row, then the total row under its own
    # label, in that order, and the note on what a volume counts.
    section = " ".join(text.split("Nådda personer 2017–2019", 1)[1].split())
    expected = [
        "Mått 2017 2018 2019 Totalt",
        *(" ".join([r.label, *(_n(v) for v in r.values)]) for r in reached.rows),
        f"Totalt nådda (volym) {' '.join(_n(v) for v in reached.total.values)}",
        "Volym: samma person räknas en gång per tillfälle.",
    ]
    at = 0
    for part in expected:
        assert part in section[at:], part
        at = section.index(part, at) + len(part)
    assert "Samordningsförbund" in text or "förbund" in text.casefold()
    assert "å" in text and "ä" in text and "ö" in text


def test_kept_out_reach_is_printed_with_its_note(record, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The 120 podcast listeners of 2018 stand in Nådda personer after the total, with
    the note that they are not in the total, and the total does not include them."""
    out = tmp_path / "år.pdf"
    export_pdf(record.store, record.request(2018), out)
    _, text = _text(out)
    flat = " ".join(text.split())
    # 30 + 12 + 8 at the activities, 40 registered in the total: 90, not 210.
    reached = flat.split("Nådda personer 2018", 1)[1].strip()
    assert reached.startswith(
        "Mått 2018 Deltagare på aktiviteter (volym) 50 "
        "Registrerat utanför aktiviteter (volym) 40 Totalt nådda (volym) 90 "
        "Hållna utanför totalen (volym, t.ex. poddlyssnare) 120 "
        "Unika individer (namngivna deltagare) 2 "
        "Totalt nådda (volym) = deltagare på aktiviteter (volym) + registrerat utanför "
        "aktiviteter (volym). Hållna utanför totalen (volym, t.ex. poddlyssnare) och unika "
        "individer (namngivna deltagare) räknas inte in i totalen."
    )


def test_reach_per_organisation_and_per_gender_are_printed(record, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "år.pdf"
    export_pdf(record.store, record.request(2018), out)
    _, text = _text(out)
    flat = " ".join(text.split())
    # The known activity: AF 5 and Kommun 12 of 30; women 18 + 8, men 9. The
    # organisations without anyone reached are named, not printed as 0.
    org = flat.split("Nådda per organisation (volym) 2018", 1)[1].strip()
    assert org.startswith(
        "Organisation 2018 Arbetsförmedlingen 5 Kommun 12 Ej fördelat 73 Totalt 90 "
        "Organisationer utan nådda personer visas inte: Försäkringskassan, Region, ASF och "
        "Annan."
    )
    kon = flat.split("Nådda per kön (volym) 2018", 1)[1].strip()
    assert kon.startswith("Kön 2018 Kvinnor 26 Män 9 Ej angivet 55 Totalt 90")


def _avvikelser(text: str) -> str:
    """The text from the Avvikelser chapter on (the appendix after it)."""
    flat = " ".join(text.split())
    return flat.split(" Avvikelser Kontrollerna hittade ", 1)[1]


def test_findings_listed_in_avvikelser(record, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "år.pdf"
    export_pdf(record.store, record.request(2018), out)
    pages, text = _text(out)
    content = gather_pdf(record.store, record.request(2018))
    finding = Finding(
        "Fler platser nyttjade än beviljade", "Placeringar 2018, Hofors", "högst 4", "5"
    )
    assert finding in content.findings()
    # Every finding a row of the table: what, where, expected, as entered.
    avvikelser = _avvikelser(text)
    assert avvikelser.startswith(f"{len(content.findings())} avvikelser.")
    assert "Vad Var Väntat Angivet" in avvikelser
    for f in content.findings():
        assert f"{f.what} {f.where} {f.expected} {f.found}" in avvikelser, f
    assert "Fler platser nyttjade än beviljade Placeringar 2018, Hofors högst 4 5" in avvikelser
    assert "Policy för ASF antagen" in "".join(pages)  # milestone
    assert "12 juni 2018" in "".join(pages)


def test_no_findings_says_so(store, insats, add_activity, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    add_activity("Seminarium", "Gävle", dt.date(2018, 3, 14))
    out = tmp_path / "r.pdf"
    export_pdf(store, _request(insats, 2018), out)
    _, text = _text(out)
    assert _avvikelser(text).startswith("inga avvikelser i underlaget.")


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
        highlights = gather_pdf(store, ExportRequest(insats.id, 2016, 2020)).highlights
    finally:
        store.close()
    pages, text = _text(out)
    flat = " ".join(text.split())
    assert "Bakgrund" in text and "Förbundet startade insatsen 2016." in flat
    assert "Slutsatser" in text and "ASF behövs." in flat
    # The highlights stand under their own year in Strukturinriktade insatser.
    struktur = flat.split(" Strukturinriktade insatser ", 1)[1].split(" Milstolpar ", 1)[0]
    years = sorted({h.day.year for h in highlights})
    assert len(years) >= 3 and len(highlights) >= 4
    for year in years:
        assert f"Höjdpunkter {year}" in struktur, year
    for h in highlights:
        assert f"{h.title}: {' '.join(h.sentence.split())}" in struktur, h.title
    assert "först i Sverige" in struktur
    assert "Processutbildning om ASF 1: Arbetsförmedlingen i Gävle" in struktur
    # The stated total is listed among the findings, with the sum of the years.
    findings = _avvikelser(text)
    assert "Angiven total stämmer inte med årens summa" in findings
    assert "1 275 (95 + 586 + 235 + 183 + 176)" in findings and "1 257" in findings
    # Bakgrund comes right after Uppdrag, Slutsatser before Avvikelser.
    assert flat.index("Bakgrund") < flat.index("Individinriktade insatser")
    assert flat.index("Slutsatser") < flat.index(" Avvikelser Kontrollerna hittade ")
