"""A new user's first week, as the review tried it by hand.

A processledare logs a week of activities through Ny aktivitet (one in each of five
places, one over two days, one in steps), then opens each again and presses Spara
without touching anything, then opens each and corrects one figure. After every step
the activity table, the year overview's tables per kommun and the stored activities
show exactly what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.core.vocabulary import OrgCategory, Scope
from app.store.database import Store
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from app.ui.formatting import fmt_int
from app.ui.main_window import TAB_OVERVIEW, MainWindow
from tests.ui.keyboard import retype


@dataclass(frozen=True)
class Entry:
    title: str
    day: date
    where: str  # a kommun's name, or Länsövergripande / Nationellt
    total: int
    kommun_staff: int = 0
    end: date | None = None
    steps: tuple[date, ...] = ()


WEEK = (
    Entry("Frukostmöte om ASF", date(2018, 3, 12), "Sandviken", 14, kommun_staff=9),
    Entry("Dialog med AF", date(2018, 3, 13), "Hudiksvall", 6),
    Entry("Länsträff ASF", date(2018, 3, 14), Scope.LANSOVERGRIPANDE.label, 41, 20),
    Entry("Webbinarium", date(2018, 3, 15), Scope.NATIONELLT.label, 120),
    Entry("Utbildning i två dagar", date(2018, 3, 15), "Ljusdal", 22, end=date(2018, 3, 16)),
    Entry(
        "Upphandling i steg",
        date(2018, 3, 16),
        "Ovanåker",
        11,
        steps=(date(2018, 3, 16), date(2018, 3, 23)),
    ),
)


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show_year(2018)
    w.show()
    yield w


def _dialog_answers(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[ActivityDialog], None]
) -> None:
    """ActivityDialog.ask builds the real dialog, ``fill`` types into it, Spara is clicked."""

    def ask(
        cls: type[ActivityDialog],
        parent: object,
        choices: ActivityChoices,
        activity: Any = None,
        default_date: date | None = None,
    ) -> Any:
        dialog = ActivityDialog(choices, activity, default_date)
        fill(dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.problems.text()
        return dialog.result_activity

    monkeypatch.setattr(ActivityDialog, "ask", classmethod(ask))


def _type_entry(qtbot: QtBot, e: Entry) -> Callable[[ActivityDialog], None]:
    def fill(d: ActivityDialog) -> None:
        d.type_combo.setCurrentText("Seminarium")
        retype(qtbot, d.title_edit, e.title)
        d.start_edit.setDate(QDate(e.day.year, e.day.month, e.day.day))
        if e.end is not None:
            d.many_days.setChecked(True)
            d.end_edit.setDate(QDate(e.end.year, e.end.month, e.end.day))
        elif e.steps:
            d.in_steps.setChecked(True)
            for step in e.steps[1:]:
                d.step_date_edit.setDate(QDate(step.year, step.month, step.day))
                d.add_step.click()
        d.where_combo.setCurrentText(e.where)
        assert d.where_combo.currentText() == e.where
        d.attendance.total.setValue(e.total)
        d.attendance.org_spins[OrgCategory.KOMMUN].setValue(e.kommun_staff)

    return fill


def _overview(window: MainWindow, key: str) -> dict[str, list[str]]:
    """The overview table ``key`` as shown: row label → the row's cells."""
    window.tabs.setCurrentIndex(TAB_OVERVIEW)
    model = window.overview.models[key]
    rows: dict[str, list[str]] = {}
    for r in range(model.rowCount()):
        cells = [str(model.index(r, c).data()) for c in range(model.columnCount())]
        rows[cells[0]] = cells[1:]
    window.tabs.setCurrentIndex(0)
    return rows


def _check_everything_as_typed(window: MainWindow, store: Store, week: tuple[Entry, ...]) -> None:
    assert window.insats.id is not None
    stored = {a.title: a for a in map(store.activities.get, _ids(window))}
    assert sorted(stored) == sorted(e.title for e in week)
    names = {k.id: k.name for k in window.activities.kommuner}
    for e in week:
        a = stored[e.title]
        where = names[a.kommun_id] if a.scope is Scope.KOMMUN else a.scope.label
        assert (where, a.start, a.attendance.total) == (e.where, e.day, e.total)
        assert a.attendance.org(OrgCategory.KOMMUN) == e.kommun_staff
        # A training in steps ends on its last step.
        assert a.end == (e.steps[-1] if e.steps else e.end)
        assert a.steps == e.steps
    per_kommun = _overview(window, "deltagare_kommun")
    for e in week:
        assert per_kommun[e.where][0] == fmt_int(e.total), e
    held = _overview(window, "aktiviteter_kommun")
    for e in week:
        assert held[e.where][0] == "1", (e.where, held[e.where])


def _ids(window: MainWindow) -> list[int]:
    return [
        window.activities.model.activity_row(r).id
        for r in range(window.activities.model.rowCount())
    ]


def test_a_week_logged_edited_and_saved_shows_every_figure_as_entered(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for e in WEEK:
        _dialog_answers(monkeypatch, _type_entry(qtbot, e))
        window.activities.new_activity()
    _check_everything_as_typed(window, store, WEEK)

    # Open each one and press Spara without touching anything.
    _dialog_answers(monkeypatch, lambda d: None)
    for activity_id in _ids(window):
        window.activities.select_activity(activity_id)
        window.activities.edit_activity()
    _check_everything_as_typed(window, store, WEEK)
    assert window.undo_stack.count() == len(WEEK)  # nothing was changed, nothing to undo

    # Correct one figure in each: three more participants.
    corrected = tuple(
        Entry(e.title, e.day, e.where, e.total + 3, e.kommun_staff, e.end, e.steps) for e in WEEK
    )
    _dialog_answers(
        monkeypatch, lambda d: d.attendance.total.setValue(d.attendance.total.value() + 3)
    )
    for activity_id in _ids(window):
        window.activities.select_activity(activity_id)
        window.activities.edit_activity()
    _check_everything_as_typed(window, store, corrected)

    # Undo takes back the corrections, one by one, and nothing else.
    for _ in corrected:
        window.undo_stack.undo()
    _check_everything_as_typed(window, store, WEEK)
