"""ORM writes for report texts and stated figures; one transaction per save."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.core.report_texts import ReportText, StatedFigure
from app.store.child_rows import sync_rows
from app.store.commits import commit
from app.store.record_models import ReportTextModel, StatedFigureModel


def _sync_texts(
    s: Session, insats_id: int, first_year: int, last_year: int, texts: Sequence[ReportText]
) -> None:
    """The given sections of these years hold ``texts`` (an empty text removes its section);
    a section whose text is unchanged keeps its row."""
    stored = s.scalars(
        select(ReportTextModel).where(
            ReportTextModel.insats_id == insats_id,
            ReportTextModel.first_year == first_year,
            ReportTextModel.last_year == last_year,
            ReportTextModel.section.in_([t.section for t in texts]),
        )
    )
    sync_rows(
        s,
        stored,
        [t for t in texts if t.text],
        lambda row: (row.section, row.text),
        lambda t: (t.section, t.text),
        lambda t: ReportTextModel(
            insats_id=insats_id,
            first_year=first_year,
            last_year=last_year,
            section=t.section,
            text=t.text,
        ),
    )


def _sync_figures(
    s: Session, insats_id: int, first_year: int, last_year: int, figures: Sequence[StatedFigure]
) -> None:
    """These years' stated figures are ``figures``; unchanged ones keep their rows."""
    stored = s.scalars(
        select(StatedFigureModel).where(
            StatedFigureModel.insats_id == insats_id,
            StatedFigureModel.first_year == first_year,
            StatedFigureModel.last_year == last_year,
        )
    )
    sync_rows(
        s,
        stored,
        figures,
        lambda row: (row.measure, row.value, row.source),
        lambda f: (f.measure, f.value, f.source),
        _model,
    )


def save_texts(
    engine: Engine, insats_id: int, first_year: int, last_year: int, texts: Sequence[ReportText]
) -> None:
    with Session(engine) as s:
        _sync_texts(s, insats_id, first_year, last_year, texts)
        commit(s, "Rapporttexterna")


def _model(f: StatedFigure) -> StatedFigureModel:
    return StatedFigureModel(
        insats_id=f.insats_id,
        first_year=f.first_year,
        last_year=f.last_year,
        measure=f.measure,
        value=f.value,
        source=f.source,
    )


def save_figures(
    engine: Engine,
    insats_id: int,
    first_year: int,
    last_year: int,
    figures: Sequence[StatedFigure],
) -> None:
    with Session(engine) as s:
        _sync_figures(s, insats_id, first_year, last_year, figures)
        commit(s, "De angivna siffrorna")


def add_figure(engine: Engine, figure: StatedFigure) -> int:
    with Session(engine) as s:
        m = _model(figure)
        s.add(m)
        commit(s, "Den angivna siffran")
        return m.id


def save_report(
    engine: Engine,
    insats_id: int,
    first_year: int,
    last_year: int,
    texts: Sequence[ReportText],
    figures: Sequence[StatedFigure],
) -> None:
    """Texts and stated figures for these years together, in one transaction."""
    with Session(engine) as s:
        _sync_texts(s, insats_id, first_year, last_year, texts)
        _sync_figures(s, insats_id, first_year, last_year, figures)
        commit(s, "Rapporttexterna")
