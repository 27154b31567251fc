"""Redigera → Utvärdering… (and the activity table's context menu, and the
Utvärderingar tab): open the chosen activity's evaluation, save it as one step of
Ångra, show it. Functions on the main window, so the window module stays small."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from app import APP_NAME
from app.core.changes import EVALUATIONS_TAB
from app.core.errors import DomainError


def _tr(text: str) -> str:
    return QCoreApplication.translate("evaluation_actions", text)


def evaluation_action(window: Any) -> QAction:
    """The action, also in the activity table's context menu; ``window`` a MainWindow."""
    action = QAction(_tr("&Utvärdering…"), window)
    action.setStatusTip(_tr("Enkätsvar för den markerade aktiviteten: antal, medel, andel 4–5"))
    action.triggered.connect(lambda: edit_selected_evaluation(window))
    table = window.activities.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    table.addAction(action)
    return action


def edit_selected_evaluation(window: Any) -> None:
    ids = window.activities.selected_ids()
    if len(ids) == 1:
        edit_evaluation(window, ids[0])


def connect_page(window: Any, page: object) -> None:
    """The Utvärderingar tab's rows open the dialog through the window."""
    requested = getattr(page, "evaluation_requested", None)
    if requested is not None:
        requested.connect(lambda activity_id: edit_evaluation(window, activity_id))


def edit_evaluation(window: Any, activity_id: int) -> bool:
    """Open the activity's evaluation; a save (or removal) is one step of Ångra. True
    when something was written."""
    from app.core.evaluation import Evaluation
    from app.operations.evaluations import evaluated_activity
    from app.ui.evaluation_dialog import EvaluationDialog
    from app.ui.form_widgets import run_modal

    store = window.store
    window.history.record()  # a change made outside the window is a step of its own
    try:
        stored = store.evaluations.get(activity_id)
        activity = evaluated_activity(store, activity_id, stored or Evaluation(None, activity_id))
    except DomainError as exc:
        QMessageBox.warning(window, APP_NAME, str(exc))
        return False
    dialog = EvaluationDialog(activity, window)
    if not run_modal(dialog):
        return False
    what = f"{activity.title} {activity.day.isoformat()}"
    try:
        if dialog.delete_requested:
            store.evaluations.delete(activity_id)
            label = _tr("ta bort utvärdering {what}").format(what=what)
        else:
            after = dialog.result_evaluation
            empty = Evaluation(None, activity_id)
            if after is None or after == (stored or empty):
                return False
            store.evaluations.save(after)
            verb = _tr("ändra") if stored is not None else _tr("lägg till")
            label = _tr("{verb} utvärdering {what}").format(verb=verb, what=what)
    except DomainError as exc:
        QMessageBox.warning(window, APP_NAME, str(exc))
        window.history.record()
        return False
    done = window.history.record(EVALUATIONS_TAB, label)
    window.reload(activity_id)
    return done is not None
