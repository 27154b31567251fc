"""What the board report needs beyond the figures: the insats's dates, its
samverkansparter (the förbund's organisations and kommuner), the placements with their
target groups, the user's texts chosen for the report's years, the logo and how many
activities have approximate counts. Read from the store, handed on as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from app.core.entities import Insats
from app.core.placements import huvudman_label, placements_in_year
from app.core.report_texts import choose_texts
from app.operations.report_logo import report_logo
from app.reports.pdf_content import PdfContent

if TYPE_CHECKING:
    from app.store.database import Store


def with_board_content(store: Store, content: PdfContent, insats: Insats) -> PdfContent:
    """``content`` with the board report's further fields filled in."""
    assert insats.id is not None and insats.forbund_id is not None
    years = content.years
    first_day = content.first_day or dt.date(years[0], 1, 1)
    last_day = content.last_day or dt.date(years[-1], 12, 31)
    whole = (insats.start.year, insats.end.year) if insats.start <= insats.end else None
    chosen = choose_texts(store.report_texts.all_texts(insats.id), years, whole)
    kommuner = store.reference.kommuner(insats.forbund_id)
    names = {k.id: k.name for k in kommuner if k.id is not None}
    stored = store.placements.list(insats.id)
    # Placements are kept per calendar year: a part of a year has none of its own.
    covered = [s.year for s in content.year_summaries if s.covers_year]
    placements = tuple(
        (huvudman_label(p, names), p) for year in covered for p in placements_in_year(stored, year)
    )
    return replace(
        content,
        texts=tuple(chosen.sections.items()),
        insats_start=insats.start,
        insats_end=insats.end,
        organisations=tuple(o.name for o in store.reference.organisations(insats.forbund_id)),
        kommuner=tuple(k.name for k in kommuner),
        placements=placements,
        year_texts=tuple((y, s, t) for (y, s), t in chosen.years.items()),
        logo=report_logo(store),
        approximate_counts=store.exports.approximate_counts(insats.id, first_day, last_day),
        evaluations=store.evaluations.tables(insats.id, (first_day, last_day), content.span),
    )
