"""The sheet "Utvärderingar" of the Excel export: the evaluated activities of the dates
with n svar, tillfrågade, svarsfrekvens, medel and andel 4–5, the same per activity type
and per year, as core.evaluation computes and rounds them for the tab and the report.
Nothing is computed here."""

from __future__ import annotations

from app.core.evaluation import EvaluationTables, Figures
from app.reports import excel_style as st
from app.reports.excel_content import ExportContent
from app.reports.excel_sheets import Block, Sheet

SHEET = "Utvärderingar"
TYPE_SHEET = "Utvärderingar per typ"
QUOTE_SHEET = "Citat ur utvärderingar"
FIGURE_HEADERS = (
    "Deltagare",
    "Tillfrågade",
    "Svar",
    "Svarsfrekvens",
    "Medel",
    "Andel 4–5",
)
UNITS = "Svarsfrekvens och andel 4–5 i procent, medel på skalan 1–5."
MEAN_FORMAT = "0.0"
_C = st.COUNT_FORMAT
FIGURE_FORMATS = (_C, _C, _C, _C, MEAN_FORMAT, _C)


def figure_values(f: Figures) -> tuple[int | float | str, ...]:
    """The figures as cells: whole numbers, the mean with one decimal, '–' for none."""
    return tuple(
        "–" if v is None else v
        for v in (f.participants, f.asked, f.answered, f.rate, f.mean, f.share_high)
    )


def _group_block(
    name: str, title: str, header: str, rows: tuple[Figures, ...], total: Figures
) -> Block:
    return Block(
        name=name,
        title=title,
        headers=(header, "Utvärderade aktiviteter", *FIGURE_HEADERS),
        rows=tuple((f.label, f.evaluations, *figure_values(f)) for f in rows),
        total=(total.label, total.evaluations, *figure_values(total)),
        note=UNITS,
        formats=(None, _C, *FIGURE_FORMATS),
    )


def evaluation_blocks(tables: EvaluationTables) -> list[Block]:
    activities = Block(
        name="utvarderingar",
        title=f"Utvärderingar per aktivitet {tables.span}",
        headers=("Datum", "Aktivitet", "Typ", *FIGURE_HEADERS),
        rows=tuple(
            (a.day, a.shown_title, a.type_name, *figure_values(a.figures))
            for a in tables.activities
        ),
        note=" ".join(
            n
            for n in (
                UNITS,
                "Medel och andel 4–5 räknas över alla svar på alla frågor (varje svar väger lika).",
                tables.note(),
            )
            if n
        ),
        formats=(None, None, None, *FIGURE_FORMATS),
    )
    blocks = [
        activities,
        _group_block(
            "utvarderingar_typ",
            f"Utvärderingar per aktivitetstyp {tables.span}",
            "Typ",
            tables.per_type,
            tables.total,
        ),
    ]
    if len(tables.per_year) > 1:
        blocks.append(
            _group_block(
                "utvarderingar_ar",
                f"Utvärderingar per år {tables.span}",
                "År",
                tables.per_year,
                tables.total,
            )
        )
    return blocks


def quote_block(tables: EvaluationTables) -> Block | None:
    """The quotes kept, on a sheet of their own (their long texts would widen the
    columns of the figures)."""
    quotes = tables.quotes()
    if not quotes:
        return None
    return Block(
        name="utvarderingar_citat",
        title=f"Citat ur utvärderingarna {tables.span}",
        headers=("Datum", "Aktivitet", "Fråga", "Citat"),
        rows=tuple((a.day, a.title, q.question, q.text) for a, q in quotes),
        wrap=frozenset({3}),
    )


def evaluation_sheets(content: ExportContent) -> list[Sheet]:
    """The sheets Utvärderingar (per activity), Utvärderingar per typ (and per year)
    and Citat ur utvärderingar; none when no activity of the dates has an evaluation."""
    tables = content.evaluations
    if tables is None or not tables.activities:
        return []
    activities, *groups = evaluation_blocks(tables)
    # Each on a sheet of its own: their columns differ, and would widen each other's.
    sheets: list[Sheet] = [(SHEET, [activities]), (TYPE_SHEET, groups)]
    if (quotes := quote_block(tables)) is not None:
        sheets.append((QUOTE_SHEET, [quotes]))
    return sheets
