"""The sheets "Ekonomi", "Ekonomi – kostnader" and "Ekonomi – regelkontroll" of the
Excel export: budget against outcome per budget line with its total, per year when the
dates span several, the cost per activity and participant, the costs of the dates and
the funding-rule findings, as core.economy computed them for the Ekonomi tab and the
report. Amounts are numbers in kronor with öre (``as_kronor``); nothing is computed here.

The costs and the findings have sheets of their own: their long texts (a ledger's text,
the guidance's words) would widen the columns of the figures, as the quotes of
Utvärderingar do.
"""

from __future__ import annotations

from typing import Any

from app.core.economy import (
    COLUMNS,
    RATIOS_NOTE,
    RATIOS_TITLE,
    TITLE,
    TOTAL,
    USED,
    YEAR_COLUMNS,
    EconomyRow,
    EconomySummary,
)
from app.core.economy_entities import Cost
from app.core.money import as_kronor
from app.core.summary import NO_FIGURE
from app.reports import excel_style as st
from app.reports.excel_content import ExportContent
from app.reports.excel_sheets import Block, Sheet

SHEET = "Ekonomi"
COST_SHEET = "Ekonomi – kostnader"
FINDING_SHEET = "Ekonomi – regelkontroll"
MONEY_FORMAT = "#,##0.00"
PERCENT_HEADER = f"{USED} (%)"
KRONOR_HEADER = "Kronor"
DIVISOR_HEADER = "Delat med"
MONEY_NOTE = "Belopp i kronor. Prognos = utfall + planerat; kvar av budget = budget − prognos."
COST_HEADERS = (
    "Datum",
    "Belopp",
    "Budgetrad",
    "Text",
    "Aktivitet",
    "Verifikation",
    "Konto",
    "Kontonamn",
    "Källa",
    "Planerad",
)
FINDING_HEADERS = (
    "Datum",
    "Belopp",
    "Text",
    "Regel",
    "Vägledningen",
    "Träff",
    "Anteckning",
)
NO_FINDING = "Regelkontrollen har inte flaggat någon kostnad."
BY_HAND = "Inmatad för hand"
YES, NO = "Ja", "Nej"
_M = MONEY_FORMAT
_C = st.COUNT_FORMAT


def money_cells(row: EconomyRow) -> tuple[Any, ...]:
    """Budget, utfall, planerat, prognos, kvar in kronor; förbrukat in whole per cent."""
    used = row.used_percent
    return (*(as_kronor(v) for v in row.amounts), NO_FIGURE if used is None else used)


def _line_names(economy: EconomySummary) -> dict[int, str]:
    return {r.line_id: r.label for r in economy.rows if r.line_id is not None}


def cost_cells(cost: Cost, lines: dict[int, str]) -> tuple[Any, ...]:
    return (
        cost.day,
        as_kronor(cost.amount),
        lines.get(cost.line_id, ""),
        cost.text,
        cost.activity_id,  # an empty cell when the cost names no activity
        cost.verifikation,
        cost.konto,
        cost.kontonamn,
        cost.source or BY_HAND,
        YES if cost.planned else NO,
    )


def economy_blocks(economy: EconomySummary, span: str) -> list[Block]:
    """Budget och utfall (per line, total), per year (several years), Nyckeltal."""
    money_formats = (None, _M, _M, _M, _M, _M, _C)
    headers = (*COLUMNS[:-1], PERCENT_HEADER)
    note = " ".join(n for n in (MONEY_NOTE, economy.note) if n)
    blocks = [
        Block(
            name="ekonomi",
            title=f"{TITLE} {span}",
            headers=headers,
            rows=tuple((r.label, *money_cells(r)) for r in economy.rows),
            total=(TOTAL, *money_cells(economy.total)),
            note=note,
            formats=money_formats,
        )
    ]
    if len(economy.years) > 1:
        blocks.append(
            Block(
                name="ekonomi_ar",
                title=f"{TITLE} per år {span}",
                headers=(*YEAR_COLUMNS[:-1], PERCENT_HEADER),
                rows=tuple((r.label, *money_cells(r)) for r in economy.years),
                total=(TOTAL, *money_cells(economy.total)),
                note=economy.note,
                formats=money_formats,
            )
        )
    blocks.append(
        Block(
            name="ekonomi_nyckeltal",
            title=f"{RATIOS_TITLE} {span}",
            headers=("Nyckeltal", KRONOR_HEADER, DIVISOR_HEADER),
            rows=tuple(
                (
                    label,
                    NO_FIGURE if value is None else value,
                    NO_FIGURE if divisor is None else divisor,
                )
                for label, value, divisor in economy.ratios.rows()
            ),
            note=RATIOS_NOTE,
            formats=(None, _C, _C),
        )
    )
    return blocks


def cost_block(economy: EconomySummary, span: str) -> Block:
    lines = _line_names(economy)
    return Block(
        name="ekonomi_kostnader",
        title=f"Kostnader {span}",
        headers=COST_HEADERS,
        rows=tuple(cost_cells(c, lines) for c in economy.costs),
        formats=(None, _M, None, None, "0", None, None, None, None, None),
        wrap=frozenset({2, 3, 7, 8}),
        max_widths=(None, None, 18.0, 20.0, None, None, None, 18.0, None, None),
        empty=f"Inga kostnader {span}.",
    )


def finding_block(economy: EconomySummary, span: str) -> Block:
    return Block(
        name="ekonomi_regelkontroll",
        title=f"Regelkontroll: Nationella rådets vägledning {span}",
        headers=FINDING_HEADERS,
        rows=tuple(
            (
                f.cost.day,
                as_kronor(f.cost.amount),
                f.cost.text,
                f.rule.title,
                f.rule.words,
                f.matched,
                f.note,
            )
            for f in economy.findings
        ),
        note="Flaggade kostnader är fynd att bedöma, inte fel; anteckningen är användarens.",
        formats=(None, _M, None, None, None, None, None),
        wrap=frozenset({2, 3, 4, 6}),
        max_widths=(None, None, 28.0, 24.0, 40.0, 14.0, 28.0),
        empty=NO_FINDING,
    )


def economy_sheets(content: ExportContent) -> list[Sheet]:
    """The three sheets; none when the dates have neither a budget nor a cost."""
    economy = content.economy
    if economy is None:
        return []
    span = content.span
    return [
        (SHEET, economy_blocks(economy, span)),
        (COST_SHEET, [cost_block(economy, span)]),
        (FINDING_SHEET, [finding_block(economy, span)]),
    ]
