"""The board report as blocks (build_board_report): the final report's sections in its
order, every figure the core summary's, empty sections and all-zero rows left out with
a note, the user's texts where they belong."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from app.core.milestones import MilestoneEntry
from app.core.report_period import ReportPeriod
from app.core.report_texts import SECTIONS, Highlight
from app.core.table_keys import TableKey
from app.core.vocabulary import MilestoneKind
from app.operations.reports import gather_pdf
from app.reports.board_blocks import Block, BoardReport, Bullets, Chart, Heading, Paragraph, Table
from app.reports.board_report import build_board_report
from app.reports.export_content import ExportRequest
from app.reports.pdf_content import PdfContent
from app.store.database import Store
from tests.board_checks import assert_shows, number

# The final report's chapters in its order (slutrapport ASF-insats Gävleborg 2016–2020),
# with what the board also reads: people reached, groups, county statistics, findings.
FINAL_REPORT_ORDER = [
    "Uppdrag",
    "Bakgrund",
    "Individinriktade insatser",
    "Strukturinriktade insatser",
    "Milstolpar",
    "Nådda personer",
    "Samverkansgrupper",
    "Länsstatistik",
    "Måluppfyllelse",
    "Ekonomi",
    "Analys",
    "Slutsatser",
    "Avvikelser",
    "Bilaga: Uppföljning Finsam",
]
TODAY = dt.date(2026, 12, 1)


def _tables(report: BoardReport) -> dict[str, Table]:
    return {b.caption: b for b in report.blocks if isinstance(b, Table) and b.caption}


def _section(report: BoardReport, title: str) -> list[Block]:
    """The blocks from the level-1 heading ``title`` to the next one."""
    blocks = list(report.blocks)
    start = next(i for i, b in enumerate(blocks) if b == Heading(title))
    end = next(
        (
            i
            for i, b in enumerate(blocks[start + 1 :], start + 1)
            if isinstance(b, Heading) and b.level == 1
        ),
        len(blocks),
    )
    return blocks[start:end]


def _text(blocks: list[Block]) -> str:
    parts: list[str] = []
    for b in blocks:
        if isinstance(b, (Heading, Paragraph)):
            parts.append(b.text)
        elif isinstance(b, Bullets):
            parts += b.items
        elif isinstance(b, Table):
            parts += [" | ".join(r) for r in (b.header, *b.rows)] + [b.note]
    return "\n".join(parts)


def _demo_content(demo: Store, first: int | None = None, last: int | None = None) -> PdfContent:
    """The demo's report on whole years ``first``–``last``; without years its period
    report, on the insats's own dates (augusti 2016 – december 2020)."""
    insats = demo.reference.current_insats()
    assert insats is not None and insats.id is not None
    if first is None:
        whole = ReportPeriod.whole_insats(insats.start, insats.end)
        return gather_pdf(demo, ExportRequest.for_period(insats.id, whole), today=TODAY)
    last = first if last is None else last
    return gather_pdf(demo, ExportRequest(insats.id, first, last), today=TODAY)


def _write_texts(demo: Store) -> int:
    insats = demo.reference.current_insats()
    assert insats is not None and insats.id is not None
    demo.report_texts.save_texts(
        insats.id, 2016, 2020, {s: f"Egen text: {title}." for s, title in SECTIONS.items()}
    )
    demo.report_texts.save_texts(
        insats.id, 2018, 2018, {"struktur": "Året då utbildningarna började."}
    )
    demo.report_texts.save_texts(insats.id, 2017, 2017, {"individ": "Hudiksvall provade först."})
    return insats.id


def test_the_demo_report_has_the_final_reports_chapters_in_order(demo: Store) -> None:
    _write_texts(demo)
    report = build_board_report(_demo_content(demo))
    assert report.headings(1) == FINAL_REPORT_ORDER
    assert report.cover.title == "Slutrapport"
    assert report.cover.period == "augusti 2016 – december 2020"
    assert report.cover.forbund == "Samordningsförbund Gävleborg"
    assert report.title.startswith("Slutrapport – ") and report.author == report.cover.forbund
    uppdrag = _text(_section(report, "Uppdrag"))
    for part in (
        "Insatsperiod",
        "augusti 2016 – december 2020",
        "Egen text: Målgrupp.",
        "Övergripande målsättning",
        "Samverkansparter",
        "Coompanion Gävleborg",
        "Egen text: Beskrivning av verksamheten.",
        "Sandviken och Söderhamn",
    ):
        assert part in uppdrag, part
    # Each text once, in its own section; the year's text under its year.
    struktur = _section(report, "Strukturinriktade insatser")
    at_2018 = struktur.index(Heading("2018", 2))
    assert Paragraph("Året då utbildningarna började.", "quote") in struktur[at_2018 : at_2018 + 3]
    individ = _section(report, "Individinriktade insatser")
    at_2017 = individ.index(Heading("2017", 2))
    assert individ[at_2017 + 1] == Paragraph("Hudiksvall provade först.", "quote")
    everything = _text(list(report.blocks))
    for section, title in SECTIONS.items():
        assert everything.count(f"Egen text: {title}.") == 1, section


def test_every_figure_is_the_core_summarys(demo: Store) -> None:
    content = _demo_content(demo)
    assert content.period is not None
    report = build_board_report(content)
    tables = _tables(report)
    period = content.period
    for key in (
        TableKey.AKTIVITETER_TYP,
        TableKey.AKTIVITETER_KOMMUN,
        TableKey.NADDA_KOMMUN,
        TableKey.NADDA_ROLL,
        TableKey.NADDA_ORGANISATION,
        TableKey.NADDA_KON,
    ):
        core = period.table(key)
        assert_shows(tables[f"{core.title} {content.span}"], core)
    assert_shows(
        tables[f"Aktiva samverkansgrupper per kommun och år {content.span}"],
        period.table(TableKey.SAMVERKANSGRUPPER_AKTIVA),
    )
    # Per year: the held activities by type, the year's own column of its table.
    for summary in content.year_summaries:
        block = tables[f"Genomförda aktiviteter per typ {summary.year}"]
        assert_shows(block, summary.table(TableKey.AKTIVITETER_TYP))
    # The placements' summary: the measures, the years with placements and the total.
    individ = _section(report, "Individinriktade insatser")
    [placements] = [b for b in individ if isinstance(b, Table)]
    assert_shows(placements, period.table(TableKey.PLACERINGAR))
    assert "År utan placeringar visas inte: 2019 och 2020." in placements.note
    # A chart is the table's total column, whole numbers.
    for chart in (b for b in report.blocks if isinstance(b, Chart)):
        table = next(t for t in period.tables if chart.title == f"{t.title} {content.span}")
        i = table.columns.index("Totalt")
        assert dict(zip(chart.labels, chart.values, strict=True)) == {
            r.label: r.values[i] for r in table.rows if r.values[i]
        }
    # Every table's widths are shares of the text width, one per column, summing to 1;
    # every row has a cell per column.
    for block in report.blocks:
        if isinstance(block, Table):
            assert len(block.widths) == len(block.header), block.caption
            assert abs(sum(block.widths) - 1) < 1e-9, block.caption
            assert all(len(r) == len(block.header) for r in block.rows), block.caption
    # The kommun table leaves out the kommuner without activities, and says so.
    kommun = tables[f"Genomförda aktiviteter per kommun {content.span}"]
    assert (
        # Ljusdal's one activity, the spring temadag, lies before the insats began.
        "Kommuner utan aktiviteter under perioden visas inte: Ljusdal, Ovanåker och Sandviken."
        in kommun.note
    )


def test_one_people_table_names_each_figure_and_how_they_relate(demo: Store) -> None:
    content = _demo_content(demo)
    assert content.period is not None
    report = build_board_report(content)
    [table] = [b for b in _section(report, "Nådda personer") if b.__class__ is Table][:1]
    total = content.period.table(TableKey.NADDA_PERSONER)
    outside = content.period.table(TableKey.NADDA_UTANFOR_TOTAL)
    rows = {r[0]: [number(v) for v in r[1:]] for r in table.rows}
    for core in (total, outside):
        for r in core.rows:
            if any(r.values):
                assert rows[r.label] == list(r.values)
    assert rows[total.total.label] == list(total.total.values)
    assert table.emphasis == (list(rows).index(total.total.label),)
    kept_out = [r for r in outside.rows if r.label.startswith("Hållna") and any(r.values)]
    if kept_out:
        # What is kept outside the total follows it, with its figure.
        assert table.rows[-1][0].startswith("Hållna utanför totalen")
        assert rows[table.rows[-1][0]] == list(kept_out[0].values)
    else:
        # The final report gives no figure for what it keeps out (podcast listeners):
        # the row is left out and the note says so.
        assert "Hållna utanför totalen" in table.note.split(".")[0]
    assert f"{total.total.label} = " in table.note
    # The same figure has the same name everywhere in the report: the participants of
    # held activities are never called anything else ("Deltagare 646" vs "1 275 nådda").
    text = _text(list(report.blocks))
    assert "Deltagare (volym)" not in text.replace("| Deltagare (volym)", "")
    assert "Nyckeltal" not in text
    for summary in content.year_summaries:
        year_total = summary.table(TableKey.NADDA_PERSONER)
        assert f"{year_total.total.label}: {year_total.total.values[0]}".replace(
            " ", ""
        ) in text.replace("\u00a0", "").replace(" ", "")


def test_sections_without_data_or_text_are_left_out(store: Store) -> None:
    insats = store.reference.current_insats()
    assert insats is not None and insats.id is not None
    content = gather_pdf(store, ExportRequest(insats.id, 2018, 2018), today=TODAY)
    report = build_board_report(content)
    assert report.headings(1) == ["Uppdrag", "Avvikelser"]
    assert report.cover.title == "Årsrapport 2018"
    store.report_texts.save_texts(insats.id, 2018, 2018, {"analys": "Ett första år."})
    report = build_board_report(
        gather_pdf(store, ExportRequest(insats.id, 2018, 2018), today=TODAY)
    )
    assert report.headings(1) == ["Uppdrag", "Analys", "Avvikelser"]
    for block in report.blocks:
        if isinstance(block, Heading):
            assert block.text.strip()


def test_approximate_dates_print_as_approximate(demo: Store) -> None:
    content = _demo_content(demo, 2017, 2017)
    year = content.year_summaries[0]
    prize = next(m for m in year.milestones if m.kind is MilestoneKind.PRIS)
    approximate = replace(prize, date_approximate=True)
    exact = MilestoneEntry(None, dt.date(2017, 9, 15), MilestoneKind.POLICY, "Exakt dag.")
    summary = replace(year, milestones=(approximate, exact))
    highlight = Highlight(dt.date(2017, 4, 1), "Våren", "Något hände.", date_approximate=True)
    # The demo marks its invented counts approximate; here first none, then three.
    content = replace(
        content, year_summaries=(summary,), highlights=(highlight,), approximate_counts=0
    )
    report = build_board_report(content)
    [table] = [b for b in _section(report, "Milstolpar") if isinstance(b, Table)]
    dates = [r[0] for r in table.rows]
    assert dates == ["ca september 2017", "15 september 2017"]
    assert "datum ungefärligt" in table.note
    assert table.widths[0] >= 0.18  # "15 september 2017" on one line beside the type
    struktur = _text(_section(report, "Strukturinriktade insatser"))
    assert "ca april 2017 – Våren: Något hände." in struktur
    assert "datum ungefärligt" in struktur
    reached = _text(_section(report, "Nådda personer"))
    assert "ungefärligt" not in reached
    counted = build_board_report(replace(content, approximate_counts=3))
    reached = _text(_section(counted, "Nådda personer"))
    assert "ca: deltagarantalet är ungefärligt för 3 genomförda aktiviteter" in reached


def test_random_period_reports_show_core_figures(demo: Store) -> None:
    seed = random.randrange(10**6)
    print(f"seed {seed}")
    rng = random.Random(seed)
    first = rng.choice([2016, rng.randint(2016, 2020)])  # 2016: no year to compare with
    last = rng.randint(first, 2020)
    content = _demo_content(demo, first, last)
    report = build_board_report(content)
    headings = report.headings(1)
    assert headings == [h for h in FINAL_REPORT_ORDER if h in headings], seed
    tables = _tables(report)
    for table in content.source.tables:
        for caption in (f"{table.title} {content.span}",):
            if caption in tables and table.key not in (TableKey.NADDA_PERSONER,):
                assert_shows(tables[caption], table)


def test_generated_records_show_core_figures_in_every_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.generated_record import build_generated_record

    seed = random.randrange(10**6)
    print(f"seed {seed}")
    path = tmp_path / "generated.sqlite3"
    build_generated_record(path, seed, years=3, per_year=40)
    store = Store.open(path)
    try:
        insats = store.reference.current_insats()
        assert insats is not None and insats.id is not None
        years = list(insats.years)
        for first, last in ((years[0], years[-1]), (years[1], years[1])):
            content = gather_pdf(store, ExportRequest(insats.id, first, last), today=TODAY)
            report = build_board_report(content)
            headings = report.headings(1)
            assert headings == [h for h in FINAL_REPORT_ORDER if h in headings], seed
            assert "Nådda personer" in headings and "Strukturinriktade insatser" in headings
            tables = _tables(report)
            checked = 0
            for table in content.source.tables:
                caption = f"{table.title} {content.span}"
                if caption in tables and table.key != TableKey.NADDA_PERSONER:
                    assert_shows(tables[caption], table)
                    checked += 1
            assert checked >= 5, (seed, first, last)
            # The unique individuals, when participants are named, in the people table.
            people = next(b for b in _section(report, "Nådda personer") if isinstance(b, Table))
            outside = content.table(TableKey.NADDA_UTANFOR_TOTAL)
            assert outside is not None
            for r in outside.rows:
                if any(r.values):
                    assert [
                        number(v) for v in dict((x[0], x[1:]) for x in people.rows)[r.label]
                    ] == list(r.values)
            # Every placement of the years is told, with its own figures.
            individ = _text(_section(report, "Individinriktade insatser"))
            for label, p in content.placements:
                assert f"{label}: {p.granted} beviljad" in individ, (seed, label)
                assert f"{p.granted} beviljade platser, {p.used} nyttjad" in individ or (
                    p.granted == 1 and f"1 beviljad plats, {p.used} nyttjad" in individ
                ), (seed, label)
            assert len(content.placements) == sum(
                len(store.placements.list(insats.id, y)) for y in content.years
            )
    finally:
        store.close()


def test_the_cover_names_the_exact_period(demo: Store) -> None:
    insats = demo.reference.current_insats()
    assert insats is not None and insats.id is not None
    request = ExportRequest.for_period(insats.id, ReportPeriod.tertial(2018, 1))
    tertial = gather_pdf(demo, request, today=TODAY)
    cover = build_board_report(tertial).cover
    assert (cover.title, cover.period) == ("Rapport januari–april 2018", "januari–april 2018")
    # A part of a year says what it leaves out: the records kept per calendar year.
    [left_out] = tertial.left_out
    assert "årsrapporten 2018" in left_out
    assert Paragraph(left_out, "note") in _section(build_board_report(tertial), "Uppdrag")
    # ... and shows none of them: 2018's placements are the whole year's.
    assert demo.placements.list(insats.id, 2018) and tertial.placements == ()
    assert all(t.key != TableKey.PLACERINGAR for s in tertial.year_summaries for t in s.tables)
    year = _demo_content(demo, 2018, 2018)
    labelled = replace(tertial, period_label="första tertialet 2018")
    assert build_board_report(labelled).cover.period == "första tertialet 2018"
    assert build_board_report(year).cover.title == "Årsrapport 2018"
    # The insats's first year begins in August: a report on the calendar year 2016 says
    # which part of the insats it covers.
    first = build_board_report(_demo_content(demo, 2016, 2016))
    assert first.cover.period == "2016"
    assert first.cover.title == "Årsrapport 2016"
    uppdrag = _text(_section(first, "Uppdrag"))
    assert "augusti 2016 – december 2020" in uppdrag
    assert "Rapporten avser 2016." in uppdrag
    two = build_board_report(_demo_content(demo, 2019, 2020))
    assert two.cover.period == "2019–2020"
    assert two.cover.title == "Rapport 2019–2020"
