"""The Ekonomi tab's edits as steps of Ångra, and Inställningar → Budgetrader…:
functions on the main window, so the window module stays small.

The page tells what it saved with ``edited(label)`` ("ändra budget 2025"); the window
makes that one step of Ångra under Ekonomi. Its ``import_requested`` opens Arkiv →
Importera huvudboksutdrag… (app.ui.ledger_actions).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from app.core.changes import ECONOMY_TAB


def _tr(text: str) -> str:
    return QCoreApplication.translate("economy_actions", text)


def connect_page(window: Any, page: object) -> None:
    """The Ekonomi page's saves become labelled steps of Ångra (``window`` a MainWindow)."""
    edited = getattr(page, "edited", None)
    if edited is not None and getattr(page, "economy_page", False):
        edited.connect(lambda label: window.history.record(ECONOMY_TAB, label))
        page.import_requested.connect(lambda: _import_ledger(window))  # type: ignore[attr-defined]


def _import_ledger(window: Any) -> None:
    from app.ui.ledger_actions import import_ledger_into

    import_ledger_into(window)


def budget_lines_action(window: Any) -> QAction:
    """Inställningar → Budgetrader…"""
    action = QAction(_tr("B&udgetrader…"), window)
    action.setStatusTip(_tr("Budgetraderna att budgetera och bokföra kostnader på"))
    action.triggered.connect(lambda: edit_budget_lines(window))
    return action


def edit_budget_lines(window: Any) -> bool:
    """The list of budget lines; a save is one step of Ångra. True when saved."""
    from app.ui.budget_lines_dialog import BudgetLinesDialog

    window.history.record()  # a change made outside the window is a step of its own
    saved = BudgetLinesDialog.ask(window, window.store)
    if saved:
        window.history.record(ECONOMY_TAB, _tr("ändra budgetrader"))
        window.reload()
    else:
        window.history.record()
    return saved
