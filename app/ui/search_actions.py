"""Redigera → Sök i alla år… in the main window: the search dialog (one per window,
kept while the window is open) and opening a hit — its year shown, the activity
selected in the table and its editor opened (one step of Ångra when saved)."""

from __future__ import annotations

from typing import Any

from app.core.errors import DomainError
from app.ui.search_dialog import SearchDialog


def show_search(window: Any) -> SearchDialog:
    """Show the window's search dialog (made the first time), its choices brought up to
    date; ``window`` is a MainWindow (typed loosely: that module imports this one)."""
    dialog: SearchDialog | None = getattr(window, "search_dialog", None)
    page = window.activities

    def choices() -> tuple[list[str], list[str]]:
        return [t.name for t in page.types], [k.name for k in page.kommuner]

    if dialog is None:
        dialog = SearchDialog(window.store, lambda: window.insats.id, choices, window)
        dialog.open_requested.connect(lambda activity_id: open_hit(window, activity_id))
        window.search_dialog = dialog
    dialog.set_choices(*choices())
    dialog.prepare()
    if dialog.isVisible():  # open already, behind the window
        dialog.raise_()
    dialog.show()
    dialog.activateWindow()
    return dialog


def open_hit(window: Any, activity_id: int) -> None:
    """Show the year of activity ``activity_id`` on the Aktiviteter tab, select it (the
    year's filter is cleared if it hides it) and open its editor; then search again."""
    try:
        activity = window.store.activities.get(activity_id)
    except DomainError as exc:
        window._show_error(str(exc))
        return
    window.act_show_activities.trigger()
    window.show_year(activity.year)
    page = window.activities
    if page.model.row_of_id(activity_id) is None:
        page.filter_bar.clear()
    page.select_activity(activity_id)
    page.edit_activity()  # a dialog of the window's: it opens in front
    dialog: SearchDialog | None = getattr(window, "search_dialog", None)
    if dialog is not None and dialog.isVisible():
        dialog.search_now()
