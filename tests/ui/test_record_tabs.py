"""The record's pages in the main window: built when opened, fed by the same store,
and their figures and findings in the year overview."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.county_stats import CountyStats
from app.core.entities import Activity, Insats
from app.core.groups import Group, GroupStatusChange
from app.core.vocabulary import GroupStatus, PlacedSource
from app.store.database import Store
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from app.ui.main_window import TAB_OVERVIEW, MainWindow
from app.ui.record_tabs import PAGES, LazyPage, page_tab
from tests.conftest import MakeActivity


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path) -> Iterator[MainWindow]:
    w = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show_year(2018)
    w.show()
    yield w


def test_pages_are_built_only_when_opened(window: MainWindow) -> None:
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    before = [p.title for p in PAGES if not p.after_overview]
    after = [p.title for p in PAGES if p.after_overview]
    assert after == ["Ekonomi"]  # issue 15: Årsöversikt keeps its place and Ctrl+7
    assert tabs == ["Aktiviteter", *before, "Årsöversikt", *after]
    assert all(lazy.page is None for lazy in window.record_pages)
    for index, lazy in enumerate(window.record_pages):
        window.tabs.setCurrentIndex(page_tab(index))
        assert lazy.page is not None
        assert lazy.page.objectName() == lazy.spec.name


def test_a_group_meeting_is_an_activity_of_the_group(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    insats: Insats,
    kommun_ids: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert insats.id is not None
    group = store.groups.save(
        Group(
            None,
            insats.id,
            # Not the first kommun of the list: a meeting that lost its kommun used to
            # land in Bollnäs, which a group there could not tell apart.
            kommun_ids["Sandviken"],
            "ASF-gruppen Sandviken",
            formed=date(2017, 3, 1),
            statuses=(GroupStatusChange(date(2017, 3, 1), GroupStatus.AKTIV),),
        )
    )

    def ask(
        cls: type[ActivityDialog],
        parent: object,
        choices: ActivityChoices,
        activity: Activity | None = None,
        default_date: date | None = None,
    ) -> Activity | None:
        dialog = ActivityDialog(choices, activity, default_date)
        assert dialog.group_combo.currentText() == "Sandviken – ASF-gruppen Sandviken"
        assert dialog.where_combo.currentText() == "Sandviken"
        dialog.attendance.total.setValue(9)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.result_activity

    monkeypatch.setattr(ActivityDialog, "ask", classmethod(ask))
    window.tabs.setCurrentIndex(1)
    page = window.record_pages[0].page
    assert page is not None
    page.meeting_requested.emit(group.id)  # type: ignore[attr-defined]

    rows = [
        window.activities.model.activity_row(r) for r in range(window.activities.model.rowCount())
    ]
    assert [(r.title, r.place_label, r.participants) for r in rows] == [
        ("Möte i ASF-gruppen Sandviken", "Sandviken", 9)
    ]
    meeting = store.activities.get(rows[0].id)
    assert (meeting.group_id, meeting.kommun_id) == (group.id, kommun_ids["Sandviken"])
    window.tabs.setCurrentIndex(TAB_OVERVIEW)
    groups_table = window.overview.models["samverkansgrupper"].table
    assert groups_table is not None
    assert groups_table.total.values == (1, 9)


def test_overview_lists_the_county_statistics_that_do_not_add_up(
    window: MainWindow, store: Store, insats: Insats
) -> None:
    assert insats.forbund_id is not None
    store.county_stats.save(
        CountyStats(
            None,
            insats.forbund_id,
            2018,
            companies_total=30,
            companies_by_region={"Hälsingland": 20, "Gästrikland": 10},
            employees_total=204,
            employees_women=113,
            employees_men=91,
            placed_total=244,
            placed_by_source={
                PlacedSource.ARBETSFORMEDLINGEN: 152,
                PlacedSource.KOMMUN: 74,
                PlacedSource.OVRIGA: 17,
            },
        )
    )
    window.reload()
    window.tabs.setCurrentIndex(TAB_OVERVIEW)
    text = window.overview.findings_label.text()
    assert window.overview.findings_box.isVisibleTo(window)
    assert "243 (152 + 74 + 17)" in text and "244" in text
    county = window.overview.models["lansstatistik"]
    assert county.rowCount() > 0
    assert window.overview.boxes["lansstatistik"].isVisibleTo(window)


def test_people_reached_include_registered_figures(
    window: MainWindow, store: Store, insats: Insats, add_activity: MakeActivity
) -> None:
    from app.core.reach import RegisteredReach
    from app.core.vocabulary import Scope

    assert insats.id is not None
    add_activity("Seminarium", "Gävle", date(2018, 3, 1), attendance=Attendance.build(40))
    store.reach.save(
        RegisteredReach(
            None,
            insats.id,
            2018,
            Scope.LANSOVERGRIPANDE,
            None,
            "Information i Mysam-grupperna",
            True,
            Attendance.build(15),
        )
    )
    store.reach.save(
        RegisteredReach(
            None,
            insats.id,
            2018,
            Scope.NATIONELLT,
            None,
            "Poddlyssnare",
            False,
            Attendance.build(300),
        )
    )
    window.reload()
    window.tabs.setCurrentIndex(TAB_OVERVIEW)
    reached = window.overview.models["nadda_personer"]
    cells = {
        reached.data(reached.index(r, 0)): reached.data(reached.index(r, 1))
        for r in range(reached.rowCount())
    }
    assert cells["Deltagare på aktiviteter (volym)"] == "40"
    assert cells["Registrerat utanför aktiviteter (volym)"] == "15"
    assert "55" in cells.values()
    outside = window.overview.models["nadda_utanfor_total"]
    texts = [outside.data(outside.index(r, 1)) for r in range(outside.rowCount())]
    assert "300" in texts
    assert window.overview.models["nyckeltal"].table is not None


@pytest.mark.parametrize("erased", [True, False])
def test_the_privacy_dialog_clears_undo_after_an_erasure_only(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, make_activity: MakeActivity, erased: bool
) -> None:
    from app.ui.privacy_dialog import PrivacyDialog

    window.store.activities.add(make_activity())
    window.history.record()
    assert window.undo_stack.count() == 1
    monkeypatch.setattr(PrivacyDialog, "run", classmethod(lambda cls, *a: (True, erased)))
    window.act_privacy.trigger()
    assert window.undo_stack.count() == (0 if erased else 1)


def test_lazy_pages_refresh_when_the_year_changes(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(1)
    lazy = window.record_pages[0]
    assert isinstance(lazy, LazyPage) and lazy.page is not None
    window.act_next_year.trigger()
    assert getattr(lazy.page, "year", None) == 2019
    assert window.tabs.currentIndex() == 1
