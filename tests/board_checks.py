"""How a test holds the board report (app.reports.board_report) to the core summary:
every Table block's cells are a core table's, under the same row and column; a core
table is either printed as such a block or named, with its reason, among the tables the
board report leaves out on purpose.

Shared by tests/reports/test_board_report.py, tests/reports/test_every_table_shown.py
and tests/test_outputs_agree.py, so the three hold the report to one rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.core.period import TOTAL
from app.core.summary import NO_FIGURE, SummaryRow, SummaryTable
from app.core.table_keys import TableKey
from app.reports.board_blocks import BoardReport, Heading, Table

# The summary tables the board report leaves out on purpose, and why.
LEFT_OUT_OF_BOARD_REPORT: dict[TableKey, str] = {
    TableKey.NYCKELTAL: (
        "the year's figures are a sentence under Strukturinriktade insatser (Genomförda "
        "aktiviteter: … Deltagare på aktiviteter (volym): … Totalt nådda (volym): …); the "
        "activities with their comparison are the per-type table, the people Nådda personer"
    ),
    TableKey.DELTAGARE_KOMMUN: (
        "Nådda per kommun (volym) holds them: the participants at the activities and what "
        "was registered apart from them"
    ),
    TableKey.DELTAGARE_ORGANISATION: "Nådda per organisation (volym) holds them",
    TableKey.DELTAGARE_ROLL: "Nådda per roll (målgrupp, volym) holds them",
    TableKey.DELTAGARE_KON: "Nådda per kön (volym) holds them",
    TableKey.ARSPLAN: (
        "the year plan is the processledare's planning (on screen and in Excel); the final "
        "report has no plan chapter, and a planned activity whose day has passed is listed "
        "under Avvikelser"
    ),
    TableKey.PLACERINGAR_HUVUDMAN: (
        "the used places per huvudman are told per year and kommun under "
        "Individinriktade insatser ('Hofors: 4 beviljade platser, 5 nyttjade …')"
    ),
}
# The month tables are the Excel export's only (the report is read by the year).
EXCEL_ONLY: dict[TableKey, str] = {
    TableKey.MANAD_AKTIVITETER: "the months are the Excel export's only",
    TableKey.MANAD_DELTAGARE: "the months are the Excel export's only",
}
# Tables a year's report shows turned (columns as rows), and why.
TURNED_IN_YEAR_REPORT: dict[TableKey, str] = {
    TableKey.PLACERINGAR: (
        "eleven measures do not fit across A4: the measures are the rows, each huvudman a "
        "column, then Totalt"
    ),
}
PLACEMENTS_HEADING = "Sammanfattning individinriktade insatser"


def number(text: str) -> int | str:
    """A printed cell as core holds it: '1 275' → 1275, '−12' → -12, '+4' → 4, '–'."""
    if text == NO_FIGURE:
        return text
    return int(text.replace("\u00a0", "").replace("\u2212", "-"))


def _zero(value: int | str) -> bool:
    return value in (0, NO_FIGURE)


def assert_shows(block: Table, core: SummaryTable, all_columns: bool = False) -> None:
    """Every cell of the block is the core table's, under the same row and column; every
    core row left out is 0 throughout and named in the note; the total is core's. With
    ``all_columns`` the same for columns: one left out is 0 in every row and named."""
    columns = block.header[1:]
    core_rows = {r.label: core.shown(r) for r in core.rows}
    for label, *cells in block.rows:
        values = core_rows[label]
        for column, text in zip(columns, cells, strict=True):
            assert number(text) == values[core.columns.index(column)], (core.key, label, column)
    shown = {r[0] for r in block.rows}
    for label, values in core_rows.items():
        if label not in shown:
            assert all(values[core.columns.index(c)] in (0, NO_FIGURE) for c in columns), label
            assert label in block.note, (core.key, label)
    if all_columns:
        for i, column in enumerate(core.columns):
            if column not in columns:
                assert all(_zero(v[i]) for v in core_rows.values()), (core.key, column)
                assert column in block.note, (core.key, column)
    if core.has_total:
        assert block.total is not None
        total = core.shown(core.total)
        assert [number(v) for v in block.total[1:]] == [
            total[core.columns.index(c)] for c in columns
        ]


def assert_shows_reach(block: Table, core: SummaryTable) -> None:
    """The one people table (Nådda personer) holds this reach table's rows: each with a
    figure under its own label, each all 0 named in the note; the total, in bold, when
    the table has one."""
    assert list(block.header[1:]) == list(core.columns), core.key
    rows = {r[0]: [number(v) for v in r[1:]] for r in block.rows}
    for r in core.rows:
        values = list(core.shown(r))
        if all(_zero(v) for v in values):
            assert r.label in rows or r.label in block.note, (core.key, r.label)
        else:
            assert rows[r.label] == values, (core.key, r.label)
    if core.has_total:
        assert rows[core.total.label] == list(core.total.values), core.key
        assert list(rows).index(core.total.label) in block.emphasis, core.key


def tables(report: BoardReport) -> dict[str, Table]:
    """The report's captioned tables by caption."""
    return {b.caption: b for b in report.blocks if isinstance(b, Table) and b.caption}


def transposed(table: SummaryTable) -> SummaryTable:
    """The table with its columns as rows, the total row a last column."""
    rows = [*table.rows, *((table.total,) if table.has_total else ())]
    return SummaryTable(
        table.key,
        table.title,
        tuple(r.label for r in rows),
        tuple(SummaryRow(c, tuple(r.values[i] for r in rows)) for i, c in enumerate(table.columns)),
        has_total=False,
        note=table.note,
    )


def placements_block(report: BoardReport) -> Table | None:
    """The summary table of the placements: the table under its heading."""
    blocks = list(report.blocks)
    at = next(
        (
            i
            for i, b in enumerate(blocks)
            if isinstance(b, Heading) and b.text.startswith(PLACEMENTS_HEADING)
        ),
        None,
    )
    if at is None or not isinstance(blocks[at + 1], Table):
        return None
    block = blocks[at + 1]
    assert isinstance(block, Table)
    return block


def caption(table: SummaryTable, span: str, last_year: int) -> str:
    """The caption the report prints over the core table."""
    if table.key is TableKey.LANSSTATISTIK:
        return f"ASF i länet {span}"
    if table.key in (TableKey.NADDA_PERSONER, TableKey.NADDA_UTANFOR_TOTAL):
        return f"Nådda personer {span}"
    if table.key is TableKey.SAMVERKANSGRUPPER:  # the last year's groups
        return f"{table.title} {last_year}"
    return table.title if span in table.title else f"{table.title} {span}"


# Tables a year's summary holds for several years, of which the report prints the
# columns of its own years (and their Totalt).
OF_THE_REPORTS_YEARS = (TableKey.LANSSTATISTIK, TableKey.SAMVERKANSGRUPPER_AKTIVA)


def of_years(table: SummaryTable, years: Sequence[int]) -> SummaryTable:
    """The table's columns of ``years`` and its Totalt, in its order."""
    keep = [i for i, c in enumerate(table.columns) if c == TOTAL or c in {str(y) for y in years}]

    def row(r: SummaryRow) -> SummaryRow:
        return SummaryRow(r.label, tuple(r.values[i] for i in keep))

    return replace(
        table,
        columns=tuple(table.columns[i] for i in keep),
        rows=tuple(row(r) for r in table.rows),
        no_figure=tuple(c for c in table.no_figure if c in {table.columns[i] for i in keep}),
    )


def all_zero(table: SummaryTable) -> bool:
    rows = [*table.rows, *((table.total,) if table.has_total else ())]
    return all(_zero(v) for r in rows for v in table.shown(r))


def assert_printed(
    report: BoardReport, table: SummaryTable, span: str, years: Sequence[int]
) -> bool:
    """The core table is printed in the report, every cell core's (True); or it has no
    figure but 0 and is left out with its part of the report, as an empty part is
    (False). Fails when a table with figures is missing or differs."""
    if table.key in OF_THE_REPORTS_YEARS:
        table = of_years(table, years)
    if table.key is TableKey.PLACERINGAR:
        block = placements_block(report)
        if len(years) == 1 and block is not None:
            assert_shows(block, transposed(table), all_columns=True)
        elif block is not None:
            assert_shows(block, table, all_columns=True)
    else:
        block = tables(report).get(caption(table, span, years[-1]))
        if block is not None and table.key in (
            TableKey.NADDA_PERSONER,
            TableKey.NADDA_UTANFOR_TOTAL,
        ):
            assert_shows_reach(block, table)
        elif block is not None:
            assert_shows(block, table, all_columns=True)
    if block is None:
        assert all_zero(table), f"{table.key} ({caption(table, span, years[-1])}) not printed"
        return False
    return True
