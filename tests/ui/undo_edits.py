"""Real edits through the UI, one for every editor of ``unchanged_save.EDITORS``, plus the
pages' Ny…/Lägg till and Ta bort: each opens its editor the way the user does (select the
record on its page, press the button or the menu item), changes one visible field and
presses Spara. ``filling`` patches dialog exec: each dialog shown has its field changed by
the edit's handler, then is accepted; a Ja/Nej question is answered Ja."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.core.changes import ACTIVITIES_TAB, FOLLOWUP_TAB, GROUPS_TAB, KINDS, PLAN_TAB, REACH_TAB
from app.ui.main_window import MainWindow
from tests.ui.unchanged_save import page, rows_with, select_in

Handlers = dict[str, Callable[[QDialog], None]]


@contextmanager
def filling(monkeypatch: pytest.MonkeyPatch, handlers: Handlers) -> Iterator[list[str]]:
    """Every dialog shown gets its handler's change (by class name), then Spara; yields the
    class names of the dialogs accepted. A dialog that stays open fails the test."""
    shown: list[str] = []

    def exec_(dialog: QDialog) -> int:
        name = type(dialog).__name__
        handler = handlers.get(name)
        if handler is not None:
            handler(dialog)
        dialog.accept()
        if dialog.result() != QDialog.DialogCode.Accepted:
            problems = " / ".join(
                w.text()
                for w in dialog.findChildren(QWidget)
                if hasattr(w, "text") and w.objectName() in {"problems", "errorLabel"}
            )
            raise AssertionError(f"{dialog.windowTitle()} sparades inte: {problems}")
        shown.append(name)
        return int(QDialog.DialogCode.Accepted)

    def yes(*_: Any, **__: Any) -> QMessageBox.StandardButton:
        return QMessageBox.StandardButton.Yes

    def refuse(*args: Any, **_: Any) -> Any:
        raise AssertionError(f"oväntat meddelande: {args[2:3]}")

    monkeypatch.setattr(QDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(yes))
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    yield shown


@dataclass(frozen=True)
class Edit:
    """One real edit: how it is made, what Ångra must say, and on which tab."""

    name: str
    make: Callable[[MainWindow], None]
    handlers: Handlers
    verb: str  # "ändra", "lägg till", "ta bort"
    table: str  # the record's table: its noun is KINDS[table].one
    tab: str | None  # the tab the window shows after undo; None for a settings dialog
    label: str | None = None  # the exact label, where the test pins it
    year: int = 2018
    visible: bool = True  # the tab's lists show the field changed

    @property
    def prefix(self) -> str:
        return f"{self.verb} {KINDS[self.table].one}"


def shown(w: MainWindow, tab: str) -> list[list[Any]]:
    """What the tab's lists show, cell by cell (the lists that do not follow a selection)."""
    if tab == ACTIVITIES_TAB:
        views = [w.activities.table]
    else:
        p = page(w, PAGE_OF_TAB[tab])
        views = {
            GROUPS_TAB: lambda: [p.grid],
            REACH_TAB: lambda: [p.entries_view],
            PLAN_TAB: lambda: [p.goals_editor.view, p.progress_box.view],
            FOLLOWUP_TAB: lambda: [p.placements.view, p.county.view, p.milestones.view],
        }[tab]()
    out = []
    for view in views:
        model = view.model()
        root = QModelIndex()
        out.append(
            [
                model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
                for r in range(model.rowCount(root))
                for c in range(model.columnCount(root))
            ]
        )
    return out


PAGE_OF_TAB = {
    GROUPS_TAB: "GroupsPage",
    REACH_TAB: "ReachPage",
    PLAN_TAB: "YearPlanPage",
    FOLLOWUP_TAB: "FollowUpPage",
}


# --- how each dialog's one field is changed -------------------------------------------------
def _text(attribute: str, text: str) -> Callable[[QDialog], None]:
    def change(dialog: QDialog) -> None:
        widget = getattr(dialog, attribute)
        assert widget.isVisibleTo(dialog) or not dialog.isVisible(), attribute
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(text)
        else:
            widget.setText(text)

    return change


def _toggle(attribute: str) -> Callable[[QDialog], None]:
    """A check box ticked, or unticked."""

    def change(dialog: QDialog) -> None:
        box = getattr(dialog, attribute)
        assert box.isVisibleTo(dialog) or not dialog.isVisible(), attribute
        box.setChecked(not box.isChecked())

    return change


def _first_cell(text: str) -> Callable[[QDialog], None]:
    """A settings list: the first row's name cell, typed over and committed."""

    def change(dialog: QDialog) -> None:
        model = dialog.model  # type: ignore[attr-defined]
        index = model.index(0, model.column_of("name"))
        assert model.setData(index, text, Qt.ItemDataRole.EditRole)

    return change


def _new_series(dialog: QDialog) -> None:
    """A new activity repeated: Upprepa… chosen (the series editor's rule), then Spara."""
    from app.core.series import MONTHLY, SeriesRule, nth_of
    from app.ui.formatting import from_qdate

    dialog.title_edit.setText("Frukostmöte varje månad")  # type: ignore[attr-defined]
    start = from_qdate(dialog.start_edit.date())  # type: ignore[attr-defined]
    nth = min(nth_of(start), 4)
    rule = SeriesRule(MONTHLY, 1, start.weekday(), start, nth=nth, count=4)
    dialog.series_row.rule = rule  # type: ignore[attr-defined]


# --- how the user opens each editor ---------------------------------------------------------
def _activity(action: str, activity_id: int = 5, year: int = 2017) -> Callable[[MainWindow], None]:
    def make(w: MainWindow) -> None:
        w.show_year(year)
        w.tabs.setCurrentIndex(0)
        if action == "new":
            w.act_new.trigger()
            return
        w.activities.select_activity(activity_id)
        assert w.activities.selected_ids() == [activity_id]
        (w.act_edit if action == "edit" else w.act_delete).trigger()

    return make


def _group(action: str, group_id: int = 1) -> Callable[[MainWindow], None]:
    def make(w: MainWindow) -> None:
        groups = page(w, "GroupsPage")
        if action == "new":
            groups.new_button.click()
            return
        assert groups.select_group(group_id)
        (groups.edit_button if action == "edit" else groups.delete_button).click()

    return make


def _followup(section: str, action: str, record_id: int | None = None, year: int = 2018) -> Any:
    from app.ui.followup_models import ID_ROLE

    def make(w: MainWindow) -> None:
        w.show_year(year)
        p = page(w, "FollowUpPage")
        part = getattr(p, section)
        if section == "county":
            column = p.county_model.column_of_year(year)
            assert column is not None
            select_in(part.view, 0, column)
        elif record_id is not None:
            model = getattr(p, f"{section[:-1]}_model")
            select_in(part.view, rows_with(model, ID_ROLE, record_id))
        button = {"new": "new_button", "edit": "edit_button", "delete": "delete_button"}[action]
        getattr(part, button).click()

    return make


def _reach(action: str, entry_id: int = 3, year: int = 2018) -> Callable[[MainWindow], None]:
    def make(w: MainWindow) -> None:
        w.show_year(year)
        p = page(w, "ReachPage")
        if action == "new":
            p.new_button.click()
            return
        select_in(p.entries_view, p.entries_model.row_of(entry_id))
        (p.edit_button if action == "edit" else p.delete_button).click()

    return make


def _add_goal(w: MainWindow) -> None:
    w.show_year(2018)
    p = page(w, "YearPlanPage")
    editor = p.goals_editor
    editor.add_button.click()
    index = editor.view.currentIndex()
    assert editor.model.setData(index, "Fler arbetsgivare i Hofors", Qt.ItemDataRole.EditRole)


def _menu(action: str) -> Callable[[MainWindow], None]:
    def make(w: MainWindow) -> None:
        getattr(w, action).trigger()

    return make


def _choose_person(dialog: QDialog) -> None:
    person = dialog.store.people.all(dialog.forbund_id)[0]  # type: ignore[attr-defined]
    dialog.select_person(person.id)  # type: ignore[attr-defined]
    dialog.edit_person()  # type: ignore[attr-defined]


def _new_group(dialog: QDialog) -> None:
    _text("name_edit", "Nätverket Unga vuxna")(dialog)
    combo = dialog.kommun_combo  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.count() - 1)


def _new_status(dialog: QDialog) -> None:
    """Status: a new row, Vilande from 2019."""
    from app.core.vocabulary import GroupStatus

    editor = dialog.status_editor  # type: ignore[attr-defined]
    editor.add_button.click()
    row = editor.view.currentIndex().row()
    model = editor.model
    assert model.setData(model.index(row, 0), date(2019, 1, 1), Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(row, 1), GroupStatus.VILANDE, Qt.ItemDataRole.EditRole)


def _companies(dialog: QDialog) -> None:
    dialog.companies_total.set_figure(99)  # type: ignore[attr-defined]


def _report_text(dialog: QDialog) -> None:
    edit = next(iter(dialog.edits.values()))  # type: ignore[attr-defined]
    edit.setPlainText("Bakgrunden skriven om.")
