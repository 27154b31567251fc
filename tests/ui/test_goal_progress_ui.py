"""Måluppfyllelse on the Årsplan page, driven as a user would: the table shows each
measure's cells exactly as core gives them (for the demo and the generated data), its
active groups equal the groups page's count, the editor adds, changes and refuses in
Swedish, every save is one step of Ångra."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.core import goal_kinds as gk
from app.core.goal_progress import INSATS_GOAL, NO_VALUE, GoalMeasure
from app.core.year_plan import PlanGoal
from app.demo import build_demo
from app.operations.goal_progress import year_progress
from app.store.database import Store
from app.ui.goal_measures_editor import GoalMeasuresDialog
from app.ui.goal_progress_box import GoalProgressModel
from app.ui.main_window import MainWindow
from tests.rich_data import build_rich_database
from tests.ui.unchanged_save import page, select_in

RICH_SEED = 20261203


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("goal_sources")
    demo, rich = folder / "demo.sqlite3", folder / "rich.sqlite3"
    build_demo(demo)
    build_rich_database(rich, RICH_SEED)
    return {"demo": demo, "generated": rich}


def _window(path: Path, tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    store = Store.open(path)
    w = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    yield w
    store.close()


@pytest.fixture(params=["demo", "generated"])
def window(
    request: pytest.FixtureRequest, sources: dict[str, Path], tmp_path: Path, qtbot: QtBot
) -> Iterator[MainWindow]:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(sources[request.param], path)
    yield from _window(path, tmp_path, qtbot)


def _shown(model: Any) -> list[tuple[str, ...]]:
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_the_table_shows_core_cells_for_every_year(window: MainWindow, qtmodeltester: Any) -> None:
    assert window.insats.id is not None
    for year in window.insats.years:
        window.show_year(year)
        p = page(window, "YearPlanPage")
        table = year_progress(window.store, window.insats.id, year)
        assert table.rows  # the demo's example targets, the generated data's every kind
        assert _shown(p.progress_box.model) == [r.cells() for r in table.rows]
        assert p.progress_box.title() == f"Måluppfyllelse {year}"
        # Status is text in every row, never colour only.
        assert all(row[5] for row in _shown(p.progress_box.model))
        qtmodeltester.check(p.progress_box.model)


def test_active_groups_equal_the_groups_pages_count(window: MainWindow) -> None:
    assert window.insats.id is not None
    for year in window.insats.years:
        window.show_year(year)
        groups = page(window, "GroupsPage")
        found = re.search(r"(\d+) aktiv", groups.count_label.text())
        assert found is not None
        table = year_progress(window.store, window.insats.id, year)
        for row in table.rows:
            if row.measure.kind == gk.ACTIVE_GROUPS and row.span_label.endswith(str(year)):
                assert row.outcome == int(found.group(1)), (year, row)


def test_the_model_passes_qtmodeltester_empty_and_full(qtmodeltester: Any) -> None:
    model = GoalProgressModel()
    qtmodeltester.check(model)


@pytest.fixture
def demo_window(sources: dict[str, Path], tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(sources["demo"], path)
    yield from _window(path, tmp_path, qtbot)


def _exec_with(
    monkeypatch: pytest.MonkeyPatch, change: Any, seen: list[GoalMeasuresDialog]
) -> None:
    def exec_(dialog: QDialog) -> int:
        assert isinstance(dialog, GoalMeasuresDialog)
        seen.append(dialog)
        change(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(QDialog, "exec", exec_)


def test_a_goals_measure_added_in_the_editor_is_shown_and_undone(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = demo_window
    assert w.insats.id is not None
    w.show_year(2018)
    p = page(w, "YearPlanPage")
    assert w.store.plan.goals(w.insats.id, 2018) == []  # the demo has no year plan
    p.goals_editor.add_button.click()
    index = p.goals_editor.view.currentIndex()
    assert p.goals_model.setData(index, "Fler seminarier", Qt.ItemDataRole.EditRole)
    w.history.record()
    select_in(p.goals_editor.view, 0)
    assert p.progress_box.goal_button.isEnabled()
    types = {t.name: t.id for t in w.store.reference.activity_types()}

    def add_seminars(d: GoalMeasuresDialog) -> None:
        d.add_measure()
        d.kind.setCurrentIndex(d.kind.findData(gk.ACTIVITIES))
        d.type.setCurrentIndex(d.type.findData(types["Seminarium"]))
        d.target.setValue(3)

    seen: list[GoalMeasuresDialog] = []
    _exec_with(monkeypatch, add_seminars, seen)
    p.progress_box.goal_button.click()
    assert len(seen) == 1
    rows = _shown(p.progress_box.model)
    goal_rows = [r for r in rows if r[0] == "Fler seminarier"]
    assert [r[:3] for r in goal_rows] == [
        ("Fler seminarier", "Genomförda aktiviteter: Seminarium", "3")
    ]
    assert "Ångra" in w.act_undo.text() and "mått" in w.act_undo.text()
    w.undo_stack.undo()
    p = page(w, "YearPlanPage")
    assert [r for r in _shown(p.progress_box.model) if r[0] == "Fler seminarier"] == []
    assert w.store.goal_measures.for_year(w.insats.id, 2018) == {}


def test_the_editor_refuses_in_swedish_and_keeps_what_was_stored(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    w = demo_window
    assert w.insats.id is not None
    before = w.store.goal_measures.for_goal(w.insats.id, None)
    dialog = GoalMeasuresDialog(w.store, w.insats.id, None, INSATS_GOAL, w)
    qtbot.addWidget(dialog)
    dialog.add_measure()
    dialog.kind.setCurrentIndex(dialog.kind.findData(gk.EVALUATION_MEAN))
    dialog.target.setValue(7)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog)
    assert "målvärdet för ett medelvärde ligger mellan 1 och 5" in dialog.error.text()
    assert w.store.goal_measures.for_goal(w.insats.id, None) == before


def test_a_manual_measure_without_value_says_the_value_is_missing(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = demo_window
    assert w.insats.id is not None
    w.show_year(2019)
    p = page(w, "YearPlanPage")

    def add_manual(d: GoalMeasuresDialog) -> None:
        d.add_measure()
        d.kind.setCurrentIndex(d.kind.findData(gk.MANUAL))
        d.label.setText("Nya företag")
        d.label.textEdited.emit("Nya företag")
        d.target.setValue(4)
        assert d.form.isRowVisible(5)  # the outcome by hand
        assert not d.manual.isEnabled()

    _exec_with(monkeypatch, add_manual, [])
    p.progress_box.insats_button.click()
    row = next(r for r in _shown(p.progress_box.model) if r[1] == "Nya företag")
    assert row == (INSATS_GOAL, "Nya företag", "4", "–", "–", NO_VALUE)
    stored = w.store.goal_measures.for_goal(w.insats.id, None)[-1]
    assert stored == GoalMeasure(
        stored.id, w.insats.id, None, gk.MANUAL, 4.0, "Nya företag", sort_order=stored.sort_order
    )


def test_removing_a_goal_names_its_measures_and_undo_brings_them_back(
    demo_window: MainWindow,
) -> None:
    w = demo_window
    assert w.insats.id is not None
    insats_id = w.insats.id
    goals = w.store.plan.save_goals(insats_id, 2019, [PlanGoal(None, insats_id, 2019, "Nå fler")])
    goal_id = goals[0].id
    assert goal_id is not None
    w.store.goal_measures.save(
        insats_id, goal_id, [GoalMeasure(None, insats_id, goal_id, gk.REACH_VOLUME, 300)]
    )
    w.history.record()
    w.show_year(2019)
    p = page(w, "YearPlanPage")
    asked: list[str] = []
    p.confirm = lambda _parent, question: asked.append(question) or True  # type: ignore[method-assign]
    select_in(p.goals_editor.view, 0)
    p.goals_editor.remove_button.click()
    assert asked == ["Målet ”Nå fler” har 1 mått med målvärde. Ta bort målet och dess mått?"]
    assert w.store.goal_measures.for_year(insats_id, 2019) == {}
    assert [r for r in _shown(p.progress_box.model) if r[0] == "Nå fler"] == []
    w.undo_stack.undo()
    restored = w.store.goal_measures.for_year(insats_id, 2019)
    assert [m.target for ms in restored.values() for m in ms] == [300.0]
    p = page(w, "YearPlanPage")
    assert [r[:3] for r in _shown(p.progress_box.model) if r[0] == "Nå fler"] == [
        ("Nå fler", "Nådda personer (volym)", "300")
    ]


def test_choosing_a_kind_gives_a_target_that_fits_it(demo_window: MainWindow, qtbot: QtBot) -> None:
    w = demo_window
    assert w.insats.id is not None
    dialog = GoalMeasuresDialog(w.store, w.insats.id, None, INSATS_GOAL, w)
    qtbot.addWidget(dialog)
    dialog.add_measure()
    dialog.target.setValue(250)
    dialog.kind.setCurrentIndex(dialog.kind.findData(gk.REACH_UNIQUE))
    assert dialog.measures[-1].target == 250  # a count stays the count typed
    dialog.kind.setCurrentIndex(dialog.kind.findData(gk.EVALUATION_MEAN))
    assert dialog.measures[-1].target == 4.0
    assert dialog.target.text() == "4,0"
    dialog.kind.setCurrentIndex(dialog.kind.findData(gk.MANUAL))
    assert dialog.measures[-1].target == 4.0
