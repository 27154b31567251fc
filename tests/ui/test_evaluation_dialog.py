"""Utvärdering…: the dialog, its Forms preview, the Utvärderingar tab, and a save being
one step of Ångra in the window."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from app.core.attendance import Attendance
from app.core.evaluation import Evaluation, Question
from app.core.evaluation_scale import Distribution
from app.operations.evaluations import evaluated_activity
from app.store.database import Store
from app.ui import evaluation_dialog
from app.ui.evaluation_dialog import EvaluationDialog
from app.ui.evaluation_models import QuestionsModel
from app.ui.evaluation_preview import FormsPreviewDialog
from app.ui.main_window import MainWindow
from tests.conftest import MakeActivity
from tests.forms_files import MS_HEADERS, MS_ROWS, NAMES, SECRET_QUOTE, write_xlsx


@pytest.fixture
def activity_id(store: Store, add_activity: MakeActivity) -> int:
    a = add_activity(attendance=Attendance.build(20), day=date(2018, 3, 14), title="Frukost")
    assert a.id is not None
    return a.id


def _dialog(store: Store, activity_id: int, qtbot: Any) -> EvaluationDialog:
    stored = store.evaluations.get(activity_id) or Evaluation(None, activity_id)
    dialog = EvaluationDialog(evaluated_activity(store, activity_id, stored))
    qtbot.addWidget(dialog)
    return dialog


def test_the_questions_model(qtmodeltester: Any) -> None:
    model = QuestionsModel()
    model.set_rows([Question("Nöjd?", Distribution(1, 0, 2, 3, 4)), Question("Tom")])
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(9)] == [
        "Nöjd?",
        "1",
        "0",
        "2",
        "3",
        "4",
        "10",
        "3,9",
        "70 %",
    ]
    assert model.setData(model.index(1, 5), 2)
    assert model.data(model.index(1, 7)) == "5,0" and model.data(model.index(1, 8)) == "100 %"
    assert not model.setData(model.index(1, 2), -1)
    assert not model.flags(model.index(0, 7)) & Qt.ItemFlag.ItemIsEditable


def test_typed_in_counts_give_the_figures_and_are_checked(
    store: Store, activity_id: int, qtbot: Any
) -> None:
    dialog = _dialog(store, activity_id, qtbot)
    assert dialog.asked.value() == 20  # everyone who came
    dialog.answered.setValue(10)
    dialog.add_question()
    model = dialog.questions
    for column, n in zip(range(1, 6), (0, 0, 2, 4, 4), strict=True):
        model.setData(model.index(0, column), n)
    assert dialog.figures.text() == (
        "Totalt: 10 svar av 20 deltagare, svarsfrekvens 50 %, medel 4,2, andel 4–5 80 %"
    )
    dialog.accept()
    assert dialog.result_evaluation is not None
    assert dialog.result_evaluation.asked is None  # still "everyone who came"
    dialog.answered.setValue(25)
    dialog.result_evaluation = None
    dialog.accept()
    assert dialog.result_evaluation is None
    assert "25 svar är fler än de 20 deltagare" in dialog.problems.text()


def test_importing_from_forms_shows_the_mapping_and_keeps_only_ticked_quotes(
    store: Store, activity_id: int, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "svar.xlsx", MS_HEADERS, MS_ROWS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(path), ""))
    previews: list[FormsPreviewDialog] = []

    def run_modal(preview: QDialog) -> bool:
        assert isinstance(preview, FormsPreviewDialog)
        previews.append(preview)
        preview.quotes.item(0).setCheckState(Qt.CheckState.Checked)
        return True

    monkeypatch.setattr(evaluation_dialog, "run_modal", run_modal)
    dialog = _dialog(store, activity_id, qtbot)
    dialog.import_forms()
    [preview] = previews
    items = [preview.not_read.item(i).text() for i in range(preview.not_read.count())]
    assert [i.split(" (")[0] for i in items] == list(MS_HEADERS[:6])
    mapping = [preview.mapping.item(i).text() for i in range(preview.mapping.count())]
    assert mapping[0] == "Instämmer helt → 5" and "Instämmer till viss del → 2" in mapping
    assert dialog.answered.value() == 3
    assert [q.text for q in dialog.questions.rows()] == list(MS_HEADERS[6:8])
    dialog.accept()
    e = dialog.result_evaluation
    assert e is not None and e.source == "Microsoft Forms"
    assert [q.text for q in e.quotes] == ["Konkreta exempel"]
    assert SECRET_QUOTE not in repr(e) and not any(n in repr(e) for n in NAMES)


@pytest.fixture
def window(store: Store, tmp_path: Path, qtbot: Any) -> MainWindow:
    w = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    return w


def _accept_with(monkeypatch: pytest.MonkeyPatch, answered: int) -> None:
    def exec_(dialog: QDialog) -> int:
        assert isinstance(dialog, EvaluationDialog)
        dialog.answered.setValue(answered)
        if not dialog.questions.rowCount():
            dialog.questions.append(Question("Nöjd?", Distribution(0, 0, 0, answered, 0)))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(QDialog, "exec", exec_)


def test_a_save_is_one_step_of_undo_and_the_tab_shows_it(
    window: MainWindow, store: Store, activity_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_year(2018)
    window.activities.select_activity(activity_id)
    assert window.act_evaluation.isEnabled()
    assert window.act_evaluation in window.activities.table.actions()  # the context menu
    _accept_with(monkeypatch, 8)
    window.act_evaluation.trigger()
    saved = store.evaluations.get(activity_id)
    assert saved is not None and saved.answered == 8
    assert window.act_undo.text() == "&Ångra: lägg till utvärdering Frukost 2018-03-14"
    tab = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "Utvärderingar")
    window.tabs.setCurrentIndex(tab)
    page = window.tabs.widget(tab).page  # type: ignore[attr-defined]
    model = page.activity_model
    assert model.rowCount() == 1 and model.data(model.index(0, 1)) == "Frukost"
    assert model.data(model.index(0, 5)) == "8" and model.data(model.index(0, 6)) == "40 %"
    # Opened from the tab, changed: one more step.
    _accept_with(monkeypatch, 12)
    assert page.select_activity(activity_id)
    page.open_selected()
    assert store.evaluations.get(activity_id).answered == 12  # type: ignore[union-attr]
    window.act_undo.trigger()
    assert store.evaluations.get(activity_id).answered == 8  # type: ignore[union-attr]
    window.act_undo.trigger()
    assert store.evaluations.get(activity_id) is None
    window.act_redo.trigger()
    assert store.evaluations.get(activity_id).answered == 8  # type: ignore[union-attr]


def test_removing_the_evaluation(
    window: MainWindow, store: Store, activity_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.evaluations.save(
        Evaluation(None, activity_id, 4, questions=(Question("Q", Distribution(4)),))
    )
    window.history.record()

    def exec_(dialog: QDialog) -> int:
        assert isinstance(dialog, EvaluationDialog) and dialog.delete_button.isVisibleTo(dialog)
        dialog.delete_button.click()
        return int(dialog.result())

    monkeypatch.setattr(QDialog, "exec", exec_)
    window.show_year(2018)
    window.activities.select_activity(activity_id)
    window.act_evaluation.trigger()
    assert store.evaluations.get(activity_id) is None
    assert window.act_undo.text().startswith("&Ångra: ta bort utvärdering Frukost")
    window.act_undo.trigger()
    assert store.evaluations.get(activity_id) is not None
