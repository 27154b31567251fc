"""Report texts, stated figures and highlighted activities round trip through the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.core.entities import Activity, Insats
from app.core.errors import ValidationError
from app.core.report_texts import StatedFigure
from app.core.vocabulary import Status
from app.store.database import Store
from tests.conftest import MakeActivity


def test_texts_round_trip_per_year_and_period(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    store.report_texts.save_texts(
        insats.id, 2018, 2018, {"bakgrund": " Om året. ", "analys": "", "slutsatser": "Bra."}
    )
    store.report_texts.save_texts(insats.id, 2018, 2020, {"analys": "Perioden."})
    assert store.report_texts.texts(insats.id, 2018, 2018) == {
        "bakgrund": "Om året.",
        "slutsatser": "Bra.",
    }
    assert store.report_texts.texts(insats.id, 2018, 2020) == {"analys": "Perioden."}
    # Saving again replaces, and an empty text removes its section.
    store.report_texts.save_texts(insats.id, 2018, 2018, {"bakgrund": "Nytt.", "slutsatser": ""})
    assert store.report_texts.texts(insats.id, 2018, 2018) == {"bakgrund": "Nytt."}


def test_stated_figures_round_trip(store: Store, insats: Insats) -> None:
    assert insats.id is not None
    figure = StatedFigure(insats.id, 2018, 2020, "nadda_personer", 1257, " Slutrapport ")
    store.report_texts.save_figures(insats.id, 2018, 2020, [figure])
    stored = store.report_texts.stated_figures(insats.id)
    assert [(f.first_year, f.last_year, f.value, f.source) for f in stored] == [
        (2018, 2020, 1257, "Slutrapport")
    ]
    assert store.report_texts.figures_for(insats.id, 2018, 2018) == []
    with pytest.raises(ValidationError):
        store.report_texts.save_figures(insats.id, 2018, 2020, [replace(figure, value=-1)])
    assert len(store.report_texts.stated_figures(insats.id)) == 1  # nothing half-written
    store.report_texts.save_figures(insats.id, 2018, 2020, [])
    assert store.report_texts.stated_figures(insats.id) == []


def test_highlight_round_trips_and_is_listed(
    store: Store, insats: Insats, make_activity: MakeActivity
) -> None:
    assert insats.id is not None
    marked = store.activities.add(
        make_activity(day=date(2018, 3, 15), title="Frukostmöte", highlight="Första mötet.")
    )
    store.activities.add(make_activity(day=date(2018, 2, 1), title="Vanligt"))
    store.activities.add(
        make_activity(
            day=date(2018, 1, 1), title="Inställt", status=Status.INSTALLD, highlight="Nej."
        )
    )
    assert isinstance(marked, Activity) and marked.highlight == "Första mötet."
    [h] = store.report_texts.highlights(insats.id, 2018, 2018)
    assert (h.day, h.title, h.sentence) == (date(2018, 3, 15), "Frukostmöte", "Första mötet.")
    assert marked.id is not None
    store.activities.update(replace(marked, highlight=""))
    assert store.report_texts.highlights(insats.id, 2018, 2018) == []
