"""The user's report texts (bakgrund, analys, slutsatser) and stated figures of an insats.

Reads are plain SQL on sqlite3; writes go through the ORM in report_text_writes,
imported when first needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from types import ModuleType

from app.core.clock_times import time_from_stored
from app.core.errors import ValidationError
from app.core.report_texts import (
    SECTIONS,
    Highlight,
    ReportText,
    StatedFigure,
    validate_report_text,
    validate_stated_figure,
)
from app.store.activity_rows import years_bounds
from app.store.database_protocol import Database

# The activity's clock times; for a training in steps, those of its first step.
_FIRST_STEP = (
    "(SELECT s.{0} FROM activity_step s WHERE s.activity_id = a.id AND s.step_date = a.start_date)"
)
_FIRST_TIMES = ", ".join(
    f"CASE WHEN a.start_time IS NULL THEN {_FIRST_STEP.format(c)} ELSE a.{c} END"
    for c in ("start_time", "end_time")
)


def _writes() -> ModuleType:
    from app.store import report_text_writes

    return report_text_writes


class ReportTextRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def texts(self, insats_id: int, first_year: int, last_year: int) -> dict[str, str]:
        """The non-empty texts for exactly these years, by section (bakgrund, analys,
        slutsatser), in section order."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT section, text FROM report_text WHERE insats_id = ? AND first_year = ? "
                "AND last_year = ?",
                (insats_id, first_year, last_year),
            ).fetchall()
        found = {r[0]: r[1] for r in rows if r[1].strip()}
        return {s: found[s] for s in SECTIONS if s in found}

    def all_texts(self, insats_id: int) -> list[ReportText]:
        """Every non-empty text of the insats, for every span of years (a report picks
        among them with core.report_texts.choose_texts)."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT id, insats_id, first_year, last_year, section, text FROM report_text "
                "WHERE insats_id = ? ORDER BY first_year, last_year, id",
                (insats_id,),
            ).fetchall()
        return [
            ReportText(
                id=r[0], insats_id=r[1], first_year=r[2], last_year=r[3], section=r[4], text=r[5]
            )
            for r in rows
            if r[5].strip()
        ]

    def save_texts(
        self, insats_id: int, first_year: int, last_year: int, texts: dict[str, str]
    ) -> None:
        """Replace the texts for these years in one transaction; an empty text removes its
        section."""
        checked = [
            validate_report_text(ReportText(insats_id, first_year, last_year, section, text))
            for section, text in texts.items()
        ]
        _writes().save_texts(self._db.engine, insats_id, first_year, last_year, checked)

    def highlights(self, insats_id: int, first: int | date, last: int | date) -> list[Highlight]:
        """The activities marked as highlights (not cancelled ones), by date: of the
        years ``first``–``last``, or of exactly the days ``first``–``last``."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT start_date, title, highlight, date_approximate, "
                f"{_FIRST_TIMES} FROM activity a "
                "WHERE insats_id = ? "
                "AND start_date >= ? AND start_date < ? AND status != 'installd' "
                "AND highlight IS NOT NULL AND trim(highlight) != '' ORDER BY start_date, id",
                (insats_id, *years_bounds(first, last)),
            ).fetchall()
        return [
            Highlight(
                date.fromisoformat(r[0]),
                r[1],
                r[2].strip(),
                time_from_stored(r[4]),
                time_from_stored(r[5]),
                date_approximate=bool(r[3]),
            )
            for r in rows
        ]

    def stated_figures(self, insats_id: int) -> list[StatedFigure]:
        """Every stated figure of the insats, by years."""
        with self._db.read() as con:
            rows = con.execute(
                "SELECT id, insats_id, first_year, last_year, measure, value, source "
                "FROM stated_figure WHERE insats_id = ? ORDER BY first_year, last_year, id",
                (insats_id,),
            ).fetchall()
        return [
            StatedFigure(
                id=r[0],
                insats_id=r[1],
                first_year=r[2],
                last_year=r[3],
                measure=r[4],
                value=r[5],
                source=r[6],
            )
            for r in rows
        ]

    def figures_for(self, insats_id: int, first_year: int, last_year: int) -> list[StatedFigure]:
        """The stated figures for exactly these years."""
        return [
            f
            for f in self.stated_figures(insats_id)
            if (f.first_year, f.last_year) == (first_year, last_year)
        ]

    def save_figures(
        self, insats_id: int, first_year: int, last_year: int, figures: Sequence[StatedFigure]
    ) -> None:
        """Replace the stated figures for exactly these years, in one transaction."""
        checked = [validate_stated_figure(f) for f in figures]
        _writes().save_figures(self._db.engine, insats_id, first_year, last_year, checked)

    def save_report(
        self,
        insats_id: int,
        first_year: int,
        last_year: int,
        texts: dict[str, str],
        figures: Sequence[StatedFigure],
    ) -> None:
        """Replace the texts and the stated figures for these years in one transaction;
        nothing is written if any of them is invalid."""
        problems: list[str] = []
        checked_texts: list[ReportText] = []
        checked_figures: list[StatedFigure] = []
        for section, text in texts.items():
            try:
                checked_texts.append(
                    validate_report_text(
                        ReportText(insats_id, first_year, last_year, section, text)
                    )
                )
            except ValidationError as exc:
                problems += exc.problems
        for f in figures:
            try:
                checked_figures.append(validate_stated_figure(f))
            except ValidationError as exc:
                problems += exc.problems
        if problems:
            raise ValidationError(problems)
        _writes().save_report(
            self._db.engine, insats_id, first_year, last_year, checked_texts, checked_figures
        )

    def add_figure(self, figure: StatedFigure) -> int:
        return int(_writes().add_figure(self._db.engine, validate_stated_figure(figure)))
