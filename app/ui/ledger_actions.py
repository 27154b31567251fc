"""Arkiv → Importera huvudboksutdrag… in the main window: the dialog, then one step of
Ångra for the costs and the konto mapping it wrote (on the Ekonomi tab)."""

from __future__ import annotations

from typing import Any

from app.core.changes import ECONOMY_TAB

LABEL = "importera huvudboksutdrag"


def import_ledger_into(window: Any) -> bool:
    """Run the import for ``window`` (a MainWindow, typed loosely: the window module
    imports this one); True when costs were added."""
    from app.ui.ledger_import_dialog import import_ledger

    window.history.record()  # a change made outside the window is a step of its own
    if not import_ledger(window, window.store, window.insats):
        window.history.record()  # nothing added; a remembered mapping alone is no step
        return False
    window.history.record(tab=ECONOMY_TAB, label=LABEL)
    window.reload()
    window.statusBar().showMessage("Huvudboksutdraget är importerat.", 8000)
    return True
