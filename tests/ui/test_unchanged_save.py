"""Open and save unchanged is the identity, for every editor and every record.

For the Gävleborg demo and for a generated database holding every kind of record
(``tests/rich_data.py``, seed printed), every stored record is opened in its real editor
the way a user opens it and saved without a change; afterwards every row of every table
and every year's summary must be exactly as before. ``EDITORS`` names every editor the
program has; a new editor joins the test with one line there.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from app.core.vocabulary import Scope
from app.demo.gavleborg import build_demo
from app.store.database import Store
from app.ui.main_window import MainWindow
from tests.rich_data import build_rich_database
from tests.ui.unchanged_save import (
    Editor,
    differences,
    dump,
    page,
    round_trip_cells,
    rows_with,
    select_in,
    spara_unchanged,
)

RICH_SEED = 20261201


@pytest.fixture(scope="module")
def source_databases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("sources")
    demo = folder / "demo.sqlite3"
    build_demo(demo)
    rich = folder / "rich.sqlite3"
    build_rich_database(rich, RICH_SEED)
    return {"demo": demo, "generated": rich}


@pytest.fixture(params=["demo", "generated"])
def window(
    request: pytest.FixtureRequest,
    source_databases: dict[str, Path],
    tmp_path: Path,
    qtbot: Any,
) -> Iterator[MainWindow]:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(source_databases[request.param], path)
    store = Store.open(path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    yield w
    store.close()


# --- the editors --------------------------------------------------------------------------
def _years(w: MainWindow) -> list[int]:
    return list(w.insats.years)


def _activities(w: MainWindow) -> list[Any]:
    assert w.insats.id is not None
    return [(r.start.year, r.id) for r in w.store.activities.rows(w.insats.id, None)]


def _edit_activity(w: MainWindow, record: tuple[int, int]) -> None:
    year, activity_id = record
    w.show_year(year)
    w.activities.select_activity(activity_id)
    assert w.activities.selected_ids() == [activity_id]
    w.activities.edit_activity()


def _groups(w: MainWindow) -> list[Any]:
    assert w.insats.id is not None
    return [g.id for g in w.store.groups.list(w.insats.id)]


def _edit_group(w: MainWindow, group_id: int) -> None:
    groups = page(w, "GroupsPage")
    assert groups.select_group(group_id)
    groups.edit_group()


def _placements(w: MainWindow) -> list[Any]:
    assert w.insats.id is not None
    return [(p.year, p.id) for p in w.store.placements.list(w.insats.id)]


def _followup(w: MainWindow, year: int) -> Any:
    w.show_year(year)
    return page(w, "FollowUpPage")


def _edit_placement(w: MainWindow, record: tuple[int, int]) -> None:
    from app.ui.followup_models import ID_ROLE

    year, placement_id = record
    p = _followup(w, year)
    select_in(p.placements.view, rows_with(p.placement_model, ID_ROLE, placement_id))
    p.edit_placement()


def _county_stats(w: MainWindow) -> list[Any]:
    assert w.insats.forbund_id is not None
    return [s.year for s in w.store.county_stats.list(w.insats.forbund_id)]


def _edit_county_stats(w: MainWindow, year: int) -> None:
    p = _followup(w, year)
    column = p.county_model.column_of_year(year)
    assert column is not None
    select_in(p.county.view, 0, column)
    p.edit_county_stats()


def _milestones(w: MainWindow) -> list[Any]:
    assert w.insats.id is not None
    return [(m.day.year, m.id) for m in w.store.milestones.list(w.insats.id)]


def _edit_milestone(w: MainWindow, record: tuple[int, int]) -> None:
    from app.ui.followup_models import ID_ROLE

    year, milestone_id = record
    p = _followup(w, year)
    select_in(p.milestones.view, rows_with(p.milestone_model, ID_ROLE, milestone_id))
    p.edit_milestone()


def _reach(in_total: bool) -> Any:
    def records(w: MainWindow) -> list[Any]:
        assert w.insats.id is not None
        return [
            (y, e.id)
            for y in _years(w)
            for e in w.store.reach.entries(w.insats.id, y)
            if e.in_total is in_total
        ]

    return records


def _edit_reach(w: MainWindow, record: tuple[int, int]) -> None:
    year, entry_id = record
    w.show_year(year)
    p = page(w, "ReachPage")
    row = p.entries_model.row_of(entry_id)
    assert row >= 0
    select_in(p.entries_view, row)
    p.edit_entry()


def _goal_years(w: MainWindow) -> list[Any]:
    assert w.insats.id is not None
    return [y for y in _years(w) if w.store.plan.goals(w.insats.id, y)]


def _edit_goals(w: MainWindow, year: int) -> None:
    w.show_year(year)
    p = page(w, "YearPlanPage")
    assert round_trip_cells(p.goals_editor.view) > 0


def _measure_lists(w: MainWindow) -> list[Any]:
    """The insats's own measures (year None) and each goal's that has measures."""
    assert w.insats.id is not None
    own = [(w.insats.end.year, None)] if w.store.goal_measures.for_goal(w.insats.id, None) else []
    return own + [
        (y, goal_id)
        for y in _years(w)
        for goal_id in w.store.goal_measures.for_year(w.insats.id, y)
    ]


def _edit_measures(w: MainWindow, record: tuple[int, int | None]) -> None:
    """Opened from the Årsplan page as a user does; then every measure shown in the form
    and written back from it, and saved."""
    from app.ui.goal_measures_editor import GoalMeasuresDialog

    year, goal_id = record
    w.show_year(year)
    p = page(w, "YearPlanPage")
    if goal_id is None:
        p.progress_box.insats_button.click()
    else:
        row = next(i for i, g in enumerate(p.goals_model.goals()) if g.id == goal_id)
        select_in(p.goals_editor.view, row)
        assert p.progress_box.goal_button.isEnabled()
        p.progress_box.goal_button.click()
    assert w.insats.id is not None
    dialog = GoalMeasuresDialog(w.store, w.insats.id, goal_id, "", w)
    try:
        for row in range(dialog.list.count()):
            dialog.list.setCurrentRow(row)
            dialog.commit_form()
        dialog.accept()
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    finally:
        dialog.deleteLater()


def _people(w: MainWindow) -> list[Any]:
    assert w.insats.forbund_id is not None
    return [p.id for p in w.store.people.all(w.insats.forbund_id)]


def _edit_person(w: MainWindow, person_id: int) -> None:
    from app.ui.privacy_dialog import PrivacyDialog

    assert w.insats.forbund_id is not None
    dialog = PrivacyDialog(w, w.store, w.insats.forbund_id, today=date(2026, 12, 1))
    try:
        dialog.select_person(person_id)
        assert dialog.selected() is not None
        dialog.edit_person()
    finally:
        dialog.deleteLater()


def _text_spans(w: MainWindow) -> list[Any]:
    years = _years(w)
    return [(y, False) for y in years] + [(years[0], True)]


def _edit_report_texts(w: MainWindow, record: tuple[int, bool]) -> None:
    from app.ui.form_widgets import run_modal
    from app.ui.report_texts_dialog import ReportTextsDialog

    year, whole = record
    dialog = ReportTextsDialog(w.store, w.insats, year, w)
    if whole:
        dialog.whole_button.click()
    assert run_modal(dialog)


def _once(w: MainWindow) -> list[Any]:
    return [None]


def _settings(dialog_name: str) -> Any:
    def open_and_save(w: MainWindow, _: None) -> None:
        from app.ui import settings_dialogs

        assert getattr(settings_dialogs, dialog_name).ask(w, w.store)

    return open_and_save


def _new_meeting(w: MainWindow, group_id: int) -> None:
    """Logga möte… adds a meeting; unchanged, it is an activity in the group's kommun."""
    before = set(r[1] for r in _activities(w))
    page(w, "GroupsPage").select_group(group_id)
    w.activities.new_group_meeting(group_id)
    added = [a for a in _activities(w) if a[1] not in before]
    assert len(added) == 1
    meeting = w.store.activities.get(added[0][1])
    group = w.store.groups.get(group_id)
    assert (meeting.scope, meeting.kommun_id, meeting.group_id) == (
        Scope.KOMMUN,
        group.kommun_id,
        group_id,
    )


def _occurrences(w: MainWindow) -> list[Any]:
    assert w.insats.id is not None
    return [(r.start.year, r.id) for r in w.store.activities.rows(w.insats.id, None) if r.series_id]


def _series(w: MainWindow) -> list[Any]:
    assert w.insats.id is not None
    return [s.id for s in w.store.series.of_insats(w.insats.id)]


def _edit_series(w: MainWindow, series_id: int) -> None:
    """The series editor opened on a stored rule and accepted unchanged gives the rule."""
    from app.ui.series_dialog import SeriesDialog

    rule = w.store.series.get(series_id).rule
    assert SeriesDialog.ask(w, rule.first_date, rule, w.insats.years) == rule


def _evaluations(w: MainWindow) -> list[Any]:
    assert w.insats.id is not None
    span = (date(1990, 1, 1), date(2100, 12, 31))
    return [(a.year, a.activity_id) for a in w.store.evaluations.evaluated(w.insats.id, span)]


def _edit_evaluation(w: MainWindow, record: tuple[int, int]) -> None:
    """Utvärdering… from the Redigera menu, on the activity chosen in the table."""
    year, activity_id = record
    w.show_year(year)
    w.activities.select_activity(activity_id)
    assert w.act_evaluation.isEnabled()
    w.act_evaluation.trigger()


def _costs(w: MainWindow) -> list[Any]:
    assert w.insats.id is not None
    return [(c.year, c.id) for c in w.store.economy.costs(w.insats.id)]


def _economy(w: MainWindow, year: int) -> Any:
    w.show_year(year)
    p = page(w, "EconomyPage")
    p.year_button.setChecked(True)
    return p


def _edit_cost(w: MainWindow, record: tuple[int, int]) -> None:
    """Ändra… on the Ekonomi tab's Kostnader, on the cost chosen in its year."""
    year, cost_id = record
    p = _economy(w, year)
    assert p.select_cost(cost_id)
    assert p.edit_button.isEnabled()
    p.edit_button.click()


def _edit_budget(w: MainWindow, year: int) -> None:
    _economy(w, year).budget_button.click()


def _findings(w: MainWindow) -> list[Any]:
    from app.operations.economy import findings

    return [(f.cost.year, f.cost.id, f.rule.code) for f in findings(w.store, w.insats)]


def _note_finding(w: MainWindow, record: tuple[int, int, str]) -> None:
    year, cost_id, code = record
    p = _economy(w, year)
    rows = [(f.cost.id, f.rule.code) for f in p.findings_model.rows()]
    p.findings_view.selectRow(rows.index((cost_id, code)))
    assert p.note_button.isEnabled()
    p.note_button.click()


def _budget_lines(w: MainWindow, _: None) -> None:
    w.act_budget_lines.trigger()


EDITORS = [
    Editor("aktivitet", _activities, _edit_activity),
    Editor("tillfälle i en serie", _occurrences, _edit_activity),
    Editor("serieredigeraren", _series, _edit_series),
    Editor("samverkansgrupp med medlemmar och status", _groups, _edit_group, cells=True),
    Editor("placering", _placements, _edit_placement),
    Editor("länsstatistik", _county_stats, _edit_county_stats),
    Editor("milstolpe", _milestones, _edit_milestone),
    Editor("registrerad räckvidd", _reach(True), _edit_reach),
    Editor("räckvidd utanför totalen", _reach(False), _edit_reach),
    Editor("årsplanens mål", _goal_years, _edit_goals),
    Editor("mått med målvärden", _measure_lists, _edit_measures),
    Editor("person", _people, _edit_person),
    Editor("rapporttexter", _text_spans, _edit_report_texts),
    Editor("kommuner", _once, _settings("KommunerDialog"), cells=True),
    Editor("organisationer", _once, _settings("OrganisationsDialog"), cells=True),
    Editor("aktivitetstyper", _once, _settings("ActivityTypesDialog"), cells=True),
    Editor("förbund och insats", _once, _settings("InsatsDialog")),
    Editor("logotyp för rapporter", _once, _settings("ReportLogoDialog")),
    Editor("utvärdering", _evaluations, _edit_evaluation, cells=True),
    # issue 15: the Ekonomi tab
    Editor("kostnad", _costs, _edit_cost),
    Editor("budget", _years, _edit_budget),
    Editor("bedömning av regelkontroll", _findings, _note_finding),
    Editor("budgetrader", _once, _budget_lines, cells=True),
]


def _summaries(w: MainWindow) -> dict[int, Any]:
    assert w.insats.id is not None
    return {
        y: w.store.summaries.year_summary(w.insats.id, y, today=date(2026, 12, 1))
        for y in _years(w)
    }


@pytest.mark.parametrize("editor", EDITORS, ids=[e.name for e in EDITORS])
def test_open_and_save_unchanged_changes_nothing(
    window: MainWindow, editor: Editor, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.store.path
    records = editor.records(window)
    summaries = _summaries(window)
    with spara_unchanged(monkeypatch) as accepted:
        for record in records:
            before = dump(path)
            editor.open_and_save(window, record)
            # The change log has nothing to record: what the save wrote ends as it began.
            assert window.store.changes.collect() is None, f"{editor.name} {record}"
            changed = differences(before, dump(path))
            assert not changed, f"{editor.name} {record}: " + "; ".join(changed[:6])
    assert _summaries(window) == summaries
    if editor.cells and records:
        assert all(cells > 0 for _, cells in accepted), accepted


def test_every_editor_is_tried_on_the_generated_data(
    source_databases: dict[str, Path], qtbot: Any, tmp_path: Path
) -> None:
    """The generated database holds at least one record for every editor (else the test
    above would prove nothing for that editor)."""
    store = Store.open(source_databases["generated"])
    try:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        w = MainWindow(store, settings)
        qtbot.addWidget(w)
        empty = [e.name for e in EDITORS if not e.records(w)]
        activities = [store.activities.get(a) for _, a in _activities(w)]
    finally:
        store.close()
    assert empty == []
    kinds = {
        "en dag": any(a.end is None and not a.steps for a in activities),
        "flera dagar": any(a.end is not None and a.end > a.start for a in activities),
        "i steg": any(len(a.steps) > 1 for a in activities),
        "med start- och sluttid": any(a.end_time is not None for a in activities),
        "med bara starttid": any(a.start_time and a.end_time is None for a in activities),
        "steg med tider": any(s.end_time is not None for a in activities for s in a.step_times),
        "steg med bara starttid": any(
            s.start_time and s.end_time is None for a in activities for s in a.step_times
        ),
        "länsövergripande": any(a.scope is Scope.LANSOVERGRIPANDE for a in activities),
        "nationellt": any(a.scope is Scope.NATIONELLT for a in activities),
        "namngivna deltagare": any(a.participant_ids for a in activities),
        "gruppmöte": any(a.group_id is not None for a in activities),
        "under ett mål": any(a.goal_id is not None for a in activities),
        "medarrangörer": any(len(a.coorganiser_ids) > 1 for a in activities),
        "i en serie": any(a.series_id is not None for a in activities),
    }
    assert [k for k, present in kinds.items() if not present] == []


def test_logging_a_meeting_unchanged_puts_it_in_the_groups_kommun(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    with spara_unchanged(monkeypatch):
        for group_id in _groups(window):
            _new_meeting(window, group_id)
