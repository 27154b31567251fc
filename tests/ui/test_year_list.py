"""Any year gets an answer in the window (issue 11, point 8), and the activity dialog takes
no more than the database holds (point 7).

The database holds what an old file may: an activity dated 9999-12-31 and one dated
0001-01-01, an over-long title — written with sqlite3, as no API writes them any more.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings
from pytestqt.qtbot import QtBot

from app.core import limits
from app.core.attendance import Attendance
from app.core.entities import Activity, Insats
from app.core.errors import ValidationError
from app.store.database import Store
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from app.ui.main_window import MainWindow
from tests.conftest import MakeActivity


def _raw(db_path: Path, sql: str, *params: object) -> None:
    con = sqlite3.connect(db_path)
    with con:
        con.execute(sql, params)
    con.close()


@pytest.fixture
def old_file(store: Store, add_activity: MakeActivity, db_path: Path) -> list[Activity]:
    far = add_activity("Seminarium", "Gävle", date(2019, 3, 1), attendance=Attendance.build(30))
    early = add_activity("Temadag", "Hofors", date(2019, 4, 1))
    kept = add_activity("Frukostmöte", "Hofors", date(2018, 5, 1), attendance=Attendance.build(9))
    _raw(db_path, "UPDATE activity SET start_date = '9999-12-31' WHERE id = ?", far.id)
    _raw(db_path, "UPDATE activity SET start_date = '0001-01-01' WHERE id = ?", early.id)
    return [far, early, kept]


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(
    qtbot: QtBot, store: Store, settings: QSettings, old_file: object
) -> Iterator[MainWindow]:
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show()
    yield w


def _years(w: MainWindow) -> list[int]:
    return [w.year_combo.itemData(i) for i in range(w.year_combo.count())]


def test_the_year_list_has_the_insats_and_the_years_with_data(window: MainWindow) -> None:
    # The insats runs 2018–2021; 2018 has an activity; this year is always there.
    expected = sorted({2018, 2019, 2020, 2021, date.today().year} & set(range(1990, 2101)))
    assert _years(window) == expected
    assert [window.year_combo.itemText(i) for i in range(window.year_combo.count())] == [
        str(y) for y in expected
    ]


def test_every_year_in_the_list_can_be_shown(window: MainWindow) -> None:
    window.act_show_overview.trigger()
    for i in range(window.year_combo.count()):
        window.year_combo.setCurrentIndex(i)
        assert window.year == window.year_combo.itemData(i)
        assert str(window.year) in window.windowTitle()
    window.year_combo.setCurrentIndex(0)
    window.act_prev_year.trigger()  # nothing before the first year: it stays
    assert window.year == _years(window)[0]


def test_an_impossible_year_asked_for_is_not_shown(window: MainWindow) -> None:
    window.show_year(9999)
    assert window.year in _years(window)
    assert 9999 not in _years(window)
    assert len(_years(window)) < 20


def test_a_saved_impossible_year_opens_a_sane_one(
    qtbot: QtBot, store: Store, settings: QSettings, old_file: object
) -> None:
    settings.setValue("main/year", 9999)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    assert w.year in _years(w) and 9999 not in _years(w)


def test_the_store_reads_no_year_outside_the_range(
    store: Store, insats: Insats, old_file: object
) -> None:
    assert insats.id is not None
    assert store.activities.years(insats.id) == [2018]
    assert store.activities.year_span(insats.id) == (2018, 2018)


# --- the activity dialog ---------------------------------------------------------------------


@pytest.fixture
def choices(store: Store, insats: Insats) -> ActivityChoices:
    assert insats.id is not None and insats.forbund_id is not None
    return ActivityChoices(
        insats.id,
        tuple(store.reference.activity_types()),
        tuple(store.reference.kommuner(insats.forbund_id)),
        tuple(store.reference.organisations(insats.forbund_id)),
    )


def test_the_dialog_takes_no_more_than_the_database_holds(
    qtbot: QtBot, choices: ActivityChoices
) -> None:
    d = ActivityDialog(choices)
    qtbot.addWidget(d)
    assert d.title_edit.maxLength() == limits.ACTIVITY_TITLE == 500
    assert d.place_edit.maxLength() == limits.ACTIVITY_PLACE == 300
    qtbot.keyClicks(d.title_edit, "x" * 510)
    assert len(d.title_edit.text()) == 500
    for edit in (d.start_edit, d.end_edit, d.step_date_edit):
        assert (edit.minimumDate(), edit.maximumDate()) == (QDate(1990, 1, 1), QDate(2100, 12, 31))
        edit.setDate(QDate(9999, 12, 31))
        assert edit.date() == QDate(2100, 12, 31)


def test_an_old_over_long_title_and_date_are_refused_not_cut(
    qtbot: QtBot, store: Store, choices: ActivityChoices, old_file: list[Activity], db_path: Path
) -> None:
    far = old_file[0]
    assert far.id is not None
    _raw(db_path, "UPDATE activity SET title = ? WHERE id = ?", "T" * 600, far.id)
    stored = store.activities.get(far.id)
    d = ActivityDialog(choices, stored)
    qtbot.addWidget(d)
    # Shown as stored: nothing is cut or moved in silence.
    assert d.title_edit.text() == "T" * 600
    assert d.start_edit.date() == QDate(9999, 12, 31)
    with pytest.raises(ValidationError) as refused:
        d.activity()
    assert refused.value.problems == [
        "Titeln har 600 tecken, men högst 500 får plats.",
        "Datumet 9999-12-31 ligger utanför de år Insatslogg tar emot (1990–2100).",
    ]
    d.title_edit.setText("Seminarium")
    d.start_edit.setDate(QDate(2019, 3, 1))
    assert d.activity().start == date(2019, 3, 1)
