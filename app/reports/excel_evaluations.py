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
FIGURE_HEADERS = (
    "Deltagare",
    "Tillfrågade",
    "Svar",
    "Svarsfrekvens (%)",
    "Medel (1–5)",
    "Andel 4–5 (%)",
)
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
        formats=(None, _C, *FIGURE_FORMATS),
    )


def evaluation_blocks(tables: EvaluationTables) -> list[Block]:
    activities = Block(
        name="utvarderingar",
        title=f"Utvärderingar per aktivitet {tables.span}",
        headers=("Datum", "Aktivitet", "Typ", "Genomförd", *FIGURE_HEADERS),
        rows=tuple(
            (a.day, a.title, a.type_name, "Ja" if a.held else "Nej", *figure_values(a.figures))
            for a in tables.activities
        ),
        note=tables.note()
        or "Medel och andel 4–5 räknas över alla svar på alla frågor (varje svar väger lika).",
        formats=(None, None, None, None, *FIGURE_FORMATS),
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
    quotes = tables.quotes()
    if quotes:
        blocks.append(
            Block(
                name="utvarderingar_citat",
                title=f"Citat ur utvärderingarna {tables.span}",
                headers=("Datum", "Aktivitet", "Fråga", "Citat"),
                rows=tuple((a.day, a.title, q.question, q.text) for a, q in quotes),
                wrap=frozenset({3}),
            )
        )
    return blocks


def evaluation_sheet(content: ExportContent) -> Sheet | None:
    """The sheet, or None when no activity of the dates has an evaluation."""
    tables = content.evaluations
    if tables is None or not tables.activities:
        return None
    return SHEET, evaluation_blocks(tables)
