"""The figures of one piece of a period (its part of one calendar year), for exactly its
dates: the year summary computed from the piece's activities (and those of the same
dates a year earlier), its columns named by the piece ("2024 (jan–apr)").

A whole calendar year is exactly the year summary the overview shows. A piece that does
not cover its year leaves out what is kept per year (the store does not read it), and
its summary says so (``YearSummary.left_out``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from app.core.report_period import PeriodPiece
from app.core.summary import CHANGE, ActivityFact, SummaryTable, YearSummary, build_year_summary
from app.core.table_keys import ACTIVITY_KEYS, TableKey
from app.core.year_record import YearRecordInputs, build_full_year_summary

# The tables counted from the dated activities: their year columns are the piece's.
DATED_KEYS: frozenset[TableKey] = frozenset(ACTIVITY_KEYS)


def _renamed(table: SummaryTable, names: Mapping[str, str]) -> SummaryTable:
    return replace(
        table,
        columns=tuple(names.get(c, c) for c in table.columns),
        no_figure=tuple(names.get(c, c) for c in table.no_figure),
    )


def name_piece(summary: YearSummary, piece: PeriodPiece) -> YearSummary:
    """The year summary of ``piece``'s dates with its dates, its columns named by the
    piece, and what it leaves out."""
    year = piece.year
    column = piece.column
    previous = piece.year_before().column
    named = replace(
        summary,
        first_day=piece.first,
        last_day=piece.last,
        column=column,
        previous_column=previous,
        covers_year=piece.covers_year,
        left_out=piece.left_out,
    )
    if piece.whole_year:
        return named
    names = {
        str(year): column,
        str(year - 1): previous,
        f"Genomförda {year - 1}": f"Genomförda {previous}",
        CHANGE: CHANGE,
    }
    tables = tuple(_renamed(t, names) if t.key in DATED_KEYS else t for t in summary.tables)
    return replace(named, tables=tables)


def build_piece_summary(
    piece: PeriodPiece,
    current: Sequence[ActivityFact],
    previous: Sequence[ActivityFact] | None,
    inputs: YearRecordInputs | None,
    insats_name: str,
    kommun_names: Sequence[str] = (),
    type_names: Sequence[str] = (),
) -> YearSummary:
    """The piece's figures: from ``current`` (its activities) and ``previous`` (those of
    the same dates a year earlier; None: no comparison), with the rest of the record in
    ``inputs`` (None: the activity figures only). The caller reads for ``inputs`` only
    what is dated within the piece, and what is kept per year only when the piece
    covers its year."""
    if inputs is None:
        base = build_year_summary(
            piece.year, insats_name, current, previous, kommun_names, type_names
        )
    else:
        inputs = replace(inputs, covers_year=piece.covers_year)
        base = build_full_year_summary(piece.year, current, previous, inputs, type_names)
    return name_piece(base, piece)
