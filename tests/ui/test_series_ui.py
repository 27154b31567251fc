"""Series in the window: Upprepa… in the activity dialog makes the whole series as one
step of Ångra; the table marks occurrences ("↻ 3/6") and "Slå ihop serier" shows one row
per series and year; an occurrence is saved alone or with the following ones, deleted
likewise, and cancelled with "Ställ in tillfället"."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Activity
from app.core.series import MONTHLY, WEEKLY, SeriesRule, describe, occurrences
from app.core.series_rows import merge_series
from app.core.vocabulary import Status
from app.store.database import Store
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from app.ui.main_window import MainWindow
from app.ui.series_dialog import SeriesDialog
from tests.ui.test_main_window import table_rows

RULE = SeriesRule(MONTHLY, 1, 1, date(2018, 1, 9), nth=2, count=6)  # 2nd tuesday


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(store, settings)
    qtbot.addWidget(w)
    w.show_year(2018)
    w.show()
    yield w


@pytest.fixture
def series_ids(window: MainWindow, make_activity: Callable[..., Activity]) -> list[int]:
    template = make_activity(
        "Frukostmöte",
        "Gävle",
        date(2018, 1, 9),
        Status.PLANERAD,
        title="Frukostmöte om ASF",
        start_time=time(8),
    )
    ids = window.store.series.create(template, RULE, window.insats)
    window.store.changes.collect(label="testdata", locked=True)
    window.reload()
    return ids


def click_in_question(button_text: str) -> None:
    """Answer the next question box by clicking the button the user sees."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        (button,) = [b for b in box.findChildren(QPushButton) if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, click)


def answer_activity_dialog(
    monkeypatch: pytest.MonkeyPatch, fill: Callable[[ActivityDialog], None]
) -> None:
    def ask(
        cls: type[ActivityDialog],
        parent: object,
        choices: ActivityChoices,
        activity: Activity | None = None,
        default_date: date | None = None,
    ) -> Activity | None:
        dialog = ActivityDialog(choices, activity, default_date)
        fill(dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        return dialog.result_activity if dialog.result() == QDialog.DialogCode.Accepted else None

    monkeypatch.setattr(ActivityDialog, "ask", classmethod(ask))


def test_the_series_editor_previews_dates_and_description(qtbot: QtBot) -> None:
    dialog = SeriesDialog(date(2025, 1, 14), years=range(2024, 2027))
    qtbot.addWidget(dialog)
    dialog.frequency.setCurrentIndex(dialog.frequency.findData(MONTHLY))
    dialog.nth.setCurrentIndex(dialog.nth.findData(2))
    dialog.weekday.setCurrentIndex(1)
    dialog.ends_on.setChecked(True)
    dialog.until.setDate(QDate(2025, 6, 15))
    assert dialog.description.text() == "Varje månad den andra tisdagen till 15 juni 2025"
    shown = [dialog.preview.item(i).text() for i in range(dialog.preview.count())]
    assert shown[0] == "tisdag 14 januari 2025"
    assert shown[-1] == "tisdag 10 juni 2025"
    assert len(shown) == len(occurrences(dialog.rule())) == 6
    assert dialog.ok.isEnabled()
    # Past the insats's last year: said, and Använd is off.
    dialog.until.setDate(QDate(2027, 3, 1))
    assert "utanför insatsens år 2024–2026" in dialog.problems.text()
    assert not dialog.ok.isEnabled()


def test_upprepa_makes_the_whole_series_and_one_undo_removes_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = SeriesRule(WEEKLY, 2, 2, date(2018, 3, 7), count=5)

    def choose(parent: object, start: date, old: object, years: object) -> SeriesRule:
        assert start == date(2018, 3, 7) and years == window.insats.years
        return rule

    monkeypatch.setattr(SeriesDialog, "ask", staticmethod(choose))
    labels: list[str] = []

    def fill(d: ActivityDialog) -> None:
        d.type_combo.setCurrentText("Processtöd")
        d.title_edit.setText("Processtöd Hofors")
        d.start_edit.setDate(QDate(2018, 3, 7))
        d.where_combo.setCurrentText("Hofors")
        d.series_row.repeat.click()
        labels.append(d.series_row.label.text())

    answer_activity_dialog(monkeypatch, fill)
    window.act_new.trigger()
    assert labels == ["Varannan vecka på onsdagar, 5 tillfällen"]
    rows = table_rows(window)
    assert [r["Datum"] for r in rows] == [d.isoformat() for d in occurrences(rule)]
    assert [r["Serie"] for r in rows] == [f"↻ {n}/5" for n in range(1, 6)]
    assert window.act_undo.text() == "&Ångra: skapa serie Processtöd Hofors (5 tillfällen)"
    window.act_undo.trigger()
    assert table_rows(window) == []
    assert window.store.series.of_insats(window.insats.id) == []
    window.act_redo.trigger()
    assert len(table_rows(window)) == 5


def test_the_dialog_of_an_occurrence_says_where_it_is(
    qtbot: QtBot, window: MainWindow, series_ids: list[int]
) -> None:
    activity = window.store.activities.get(series_ids[2])
    choices = window.activities._choices()
    dialog = ActivityDialog(choices, activity)
    qtbot.addWidget(dialog)
    assert dialog.series_row.label.text() == (f"Del av serie: {describe(RULE)} (tillfälle 3 av 6)")
    assert dialog.series_row.repeat.isHidden()
    assert dialog.activity() == activity  # unchanged: the series is kept


def test_this_and_following_from_the_window(
    qtbot: QtBot, window: MainWindow, series_ids: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    held = window.store.activities.get(series_ids[4])
    window.store.activities.update(
        replace(held, status=Status.GENOMFORD, attendance=Attendance.build(11))
    )
    window.reload()

    def fill(d: ActivityDialog) -> None:
        d.place_edit.setText("Folkets hus")
        d.attendance.total.setValue(30)

    answer_activity_dialog(monkeypatch, fill)
    window.activities.select_activity(series_ids[2])
    click_in_question("Den här och alla följande")
    window.act_edit.trigger()
    rows = table_rows(window)
    assert [r["Plats"] for r in rows] == ["", "", *["Folkets hus"] * 4]
    assert [r["Deltagare"] for r in rows] == ["0", "0", "30", "30", "11", "30"]
    assert "1 genomfört tillfälle behöll sina antal." in window.statusBar().currentMessage()
    window.act_undo.trigger()
    assert [r["Plats"] for r in table_rows(window)] == [""] * 6

    window.activities.select_activity(series_ids[1])
    click_in_question("Bara den här")
    window.act_edit.trigger()
    assert [r["Plats"] for r in table_rows(window)] == ["", "Folkets hus", *[""] * 4]


def test_cancel_and_delete_an_occurrence(window: MainWindow, series_ids: list[int]) -> None:
    window.activities.select_activity(series_ids[1])
    assert window.act_cancel_occurrence.isEnabled()
    window.act_cancel_occurrence.trigger()
    assert [r["Status"] for r in table_rows(window)][:2] == ["Planerad", "Inställd"]
    window.activities.select_activity(series_ids[3])
    click_in_question("Den här och alla följande")
    window.act_delete.trigger()
    assert [r["Serie"] for r in table_rows(window)] == ["↻ 1/3", "↻ 2/3", "↻ 3/3"]
    window.activities.select_activity(series_ids[0])
    click_in_question("Hela serien")
    window.act_delete.trigger()
    assert table_rows(window) == []
    window.act_undo.trigger()
    assert len(table_rows(window)) == 3


def test_slå_ihop_serier_shows_one_row_per_series_and_year(
    qtmodeltester: object, window: MainWindow, series_ids: list[int], add_activity
) -> None:
    for i, n in enumerate((12, 7)):
        a = window.store.activities.get(series_ids[i])
        window.store.activities.update(
            replace(a, status=Status.GENOMFORD, attendance=Attendance.build(n))
        )
    add_activity("Seminarium", "Gävle", date(2018, 2, 1), attendance=Attendance.build(40))
    window.reload()
    window.activities.filter_bar.merge_series.setChecked(True)
    rows = table_rows(window)
    stored = window.store.activities.get_many(series_ids)
    merged = next(r for r in rows if r["Serie"])
    assert merged["Datum"] == f"{stored[0].start} – {stored[-1].start}"
    assert merged["Serie"] == "↻ 6 tillfällen, 2 genomförda"
    assert merged["Deltagare"] == str(sum(a.attendance.total for a in stored))
    assert [r["Serie"] for r in rows if not r["Serie"]] == [""]  # the seminar, as it is
    assert window.activities.count_label.text().startswith("7 aktiviteter 2018")
    qtmodeltester.check(window.activities.model)  # type: ignore[attr-defined]
    window.activities.table.sortByColumn(8, Qt_descending())
    qtmodeltester.check(window.activities.model)  # type: ignore[attr-defined]
    window.activities.filter_bar.merge_series.setChecked(False)
    assert len(table_rows(window)) == 7


def Qt_descending() -> object:  # noqa: N802
    from PySide6.QtCore import Qt

    return Qt.SortOrder.DescendingOrder


def test_merging_keeps_every_count_over_generated_rows(store: Store) -> None:
    """Over the generated database: the merged rows hold every activity once and the
    same participants, per year."""
    from tests.rich_data import build_rich_database

    seed = random.randrange(10**6)
    print(f"seed {seed}")
    path = store.path.with_name("rich.sqlite3")
    build_rich_database(path, seed, activities_per_year=3)
    rich = Store.open(path)
    try:
        insats = rich.reference.current_insats()
        assert insats is not None and insats.id is not None
        for year in insats.years:
            rows = rich.activities.rows(insats.id, year)
            merged = merge_series(rows)
            assert sum(r.merged[0] if r.merged else 1 for r in merged) == len(rows)
            assert sum(r.participants for r in merged) == sum(r.participants for r in rows)
            series_rows = [r for r in merged if r.merged]
            assert len(series_rows) == len({r.series_id for r in rows if r.series_id})
    finally:
        rich.close()


def test_the_serie_column_shows_only_in_a_year_with_a_series(
    window: MainWindow, series_ids: list[int], add_activity
) -> None:
    """A year without series gives the Serie column's room to the title."""
    from app.ui.activities_page import SERIES_COLUMN

    add_activity("Seminarium", "Gävle", date(2019, 2, 1))
    header = window.activities.model.headerData(SERIES_COLUMN, Qt_horizontal())
    assert header == "Serie"
    window.show_year(2018)
    assert not window.activities.table.isColumnHidden(SERIES_COLUMN)
    window.show_year(2019)
    assert window.activities.table.isColumnHidden(SERIES_COLUMN)
    window.show_year(2018)
    assert not window.activities.table.isColumnHidden(SERIES_COLUMN)


def Qt_horizontal() -> object:  # noqa: N802
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
