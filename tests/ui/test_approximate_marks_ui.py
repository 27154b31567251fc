"""The activity and milestone dialogs mark a date or counts as approximate, and the
tables show it: "ca 40", "2018-03-14 (ungefärligt)"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.attendance import Attendance
from app.core.entities import Activity, Insats
from app.core.milestones import Milestone
from app.core.vocabulary import MilestoneKind
from app.store.database import Store
from app.ui.activity_dialog import ActivityChoices, ActivityDialog
from app.ui.activity_table_model import ActivityTableModel
from app.ui.followup_models import MilestoneTableModel
from app.ui.milestone_dialog import MilestoneDialog
from tests.conftest import MakeActivity

HORIZONTAL = Qt.Orientation.Horizontal


@pytest.fixture
def choices(store: Store, insats: Insats) -> ActivityChoices:
    assert insats.id is not None and insats.forbund_id is not None
    return ActivityChoices(
        insats.id,
        tuple(store.reference.activity_types()),
        tuple(store.reference.kommuner(insats.forbund_id)),
        tuple(store.reference.organisations(insats.forbund_id)),
    )


def _column(model: ActivityTableModel, header: str) -> list[str]:
    headers = [model.headerData(i, HORIZONTAL) for i in range(model.columnCount())]
    col = headers.index(header)
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def _open(qtbot: QtBot, choices: ActivityChoices, activity: Activity) -> ActivityDialog:
    dialog = ActivityDialog(choices, activity)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_dialog_marks_the_date_and_the_counts_and_the_table_shows_them(
    qtbot: QtBot, qtmodeltester, store: Store, insats: Insats, choices, add_activity: MakeActivity
) -> None:
    assert insats.id is not None
    stored = add_activity(
        "Temadag", "Ljusdal", date(2018, 3, 14), attendance=Attendance.build(40, women=25)
    )
    add_activity("Seminarium", "Gävle", date(2018, 5, 2), attendance=Attendance.build(1275))
    dialog = _open(qtbot, choices, stored)
    assert not dialog.date_approximate.isChecked() and not dialog.counts_approximate.isChecked()
    assert dialog.activity() == stored  # nothing ticked, nothing changed

    dialog.date_approximate.click()
    dialog.counts_approximate.click()
    saved = store.activities.update(dialog.activity())
    assert (saved.date_approximate, saved.counts_approximate) == (True, True)
    assert saved.attendance == stored.attendance  # the figures stay as they were

    model = ActivityTableModel()
    model.set_rows(store.activities.rows(insats.id, 2018))
    qtmodeltester.check(model)
    assert _column(model, "Deltagare") == ["ca\u00a040", "1\u00a0275"]
    assert _column(model, "Datum") == ["2018-03-14 (ungefärligt)", "2018-05-02"]

    again = _open(qtbot, choices, saved)
    assert again.date_approximate.isChecked() and again.counts_approximate.isChecked()
    assert again.activity() == saved


def test_the_milestone_dialog_marks_the_date(
    qtbot: QtBot, qtmodeltester, store: Store, insats: Insats
) -> None:
    assert insats.id is not None and insats.forbund_id is not None
    kommuner = store.reference.kommuner(insats.forbund_id)
    orgs = store.reference.organisations(insats.forbund_id)
    stored = store.milestones.save(
        Milestone(None, insats.id, date(2017, 9, 15), MilestoneKind.PRIS, "Årets främjare")
    )
    dialog = MilestoneDialog(insats.id, kommuner, orgs, stored)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.date_approximate.isChecked()
    assert dialog.milestone() == stored
    dialog.date_approximate.click()
    saved = store.milestones.save(dialog.milestone())
    assert saved.date_approximate is True and saved.day == stored.day

    model = MilestoneTableModel()
    model.set_milestones(
        store.milestones.list(insats.id),
        {k.id: k.name for k in kommuner if k.id is not None},
        {o.id: o.name for o in orgs if o.id is not None},
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "2017-09-15 (ungefärligt)"

    again = MilestoneDialog(insats.id, kommuner, orgs, saved)
    qtbot.addWidget(again)
    assert again.date_approximate.isChecked()
    assert again.milestone() == saved
