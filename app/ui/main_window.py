"""The main window: one year at a time — menus, toolbar, year choice and the tabs (the
Aktiviteter page, the record's pages and the year overview)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QTabWidget,
    QWidget,
)

from app import APP_NAME
from app.core.changes import (
    ACTIVITIES_TAB,
    ChangeSet,
)
from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.limits import FIRST_YEAR, LAST_YEAR, year_in_range
from app.core.year_choice import opening_year
from app.store.database import Store
from app.store.server_location import ServerLocation
from app.ui import chart_menu, economy_actions, evaluation_actions, window_state
from app.ui.activities_page import ActivitiesPage
from app.ui.combo_data import find_data
from app.ui.edit_history import EditHistory
from app.ui.invitation_actions import add_to_table, create_invitation_actions
from app.ui.overview_widget import OverviewWidget
from app.ui.record_tabs import OVERVIEW_AT, PAGES, LazyPage, RecordPage, page_tab
from app.ui.shared_read import shared_read
from app.ui.window_dialogs import WindowDialogs
from app.ui.window_menus import create_menus_and_toolbar

if TYPE_CHECKING:
    from app.ui.live_updates import LiveUpdates

TAB_ACTIVITIES = 0
TAB_OVERVIEW = OVERVIEW_AT  # after the record's pages (Ekonomi comes after it)


def tab_index(tab: str) -> int | None:
    """The index in the window's tabs of the change log's ``tab``."""
    if tab == ACTIVITIES_TAB:
        return TAB_ACTIVITIES
    return next((page_tab(i) for i, spec in enumerate(PAGES) if spec.tab == tab), None)


class MainWindow(WindowDialogs):
    def __init__(self, store: Store, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Set by the application: opens another database file in a window of its own.
        self.open_database: Callable[[Path | ServerLocation], object] | None = None
        # Set by the application: closes this window and restores a backup into the file.
        self.restore_database: Callable[[Path], None] | None = None
        # Set by the application: the window has closed (its database is closed then).
        self.on_closed: Callable[[], None] | None = None
        self.store = store
        self.settings = settings
        self.history = EditHistory(store, self._show_error, self)
        self.undo_stack = self.history.stack
        self.history.reverted.connect(self._after_reverted)
        with store.file.read():  # one connection for the set-up's reads (shared_read)
            self.insats: Insats = self._load_insats()
            self.year = date.today().year

            self.activities = ActivitiesPage(store, self.history, self._after_change)
            self.activities.selection_changed.connect(self._update_actions)
            self.activities.message.connect(self.statusBar().showMessage)
            self.overview = OverviewWidget()
            chart_menu.connect_overview(self, self.overview, settings)
            self.tabs = QTabWidget()
            self.tabs.setDocumentMode(True)
            self.tabs.addTab(self.activities, self.tr("Aktiviteter"))
            self.record_pages: list[LazyPage] = []
            for spec in PAGES:
                lazy = LazyPage(spec, store, self._page_created)
                self.record_pages.append(lazy)
                self.tabs.addTab(lazy, self.tr(spec.title))
            self.tabs.insertTab(TAB_OVERVIEW, self.overview, self.tr("Årsöversikt"))
            self.setCentralWidget(self.tabs)

            self.year_combo = QComboBox()
            self.year_combo.setObjectName("yearCombo")
            self.year_combo.setMinimumContentsLength(6)
            self.year_combo.currentIndexChanged.connect(self._year_chosen)
            self._create_actions()
            self._create_menus_and_toolbar()
            # Return and Delete act on the table only: in the search field they edit text.
            self.activities.add_table_actions(
                [self.act_edit, self.act_delete, self.act_cancel_occurrence]
            )
            add_to_table(self)  # the table's context menu, with Inbjudan…
            self.undo_stack.cleanChanged.connect(self._update_actions)

            self._restore_settings()
            self._refresh_choices()
            self._overview_stale = True
            self.tabs.currentChanged.connect(self._tab_changed)
            self._fill_years()
            self.reload()
        # Edits made without the window (a command, a program that was killed) are a
        # step of their own; then Ångra goes on from the last session.
        self.history.record()
        self.history.restore()
        # On a server, colleagues' changes are shown as they come (a file has no other
        # writer: app.ui.live_updates).
        self.live: LiveUpdates | None = None
        if store.server is not None:
            from app.ui.live_updates import LiveUpdates

            self.live = LiveUpdates(self, store, self.refresh_from_colleague)

    # --- set-up -------------------------------------------------------------------------
    def _load_insats(self) -> Insats:
        insats = self.store.reference.current_insats()
        if insats is None or insats.id is None:
            raise DomainError("Databasen har ingen insats.")
        return insats

    def _create_actions(self) -> None:
        self._create_dialog_actions()
        keys = QKeySequence.StandardKey
        self.act_new = self._action(
            self.tr("&Ny aktivitet…"),
            self.activities.new_activity,
            keys.New,
            self.tr("Logga en ny aktivitet"),
        )
        self.act_edit = self._action(
            self.tr("&Redigera aktivitet…"),
            self.activities.edit_activity,
            QKeySequence(Qt.Key.Key_Return),
        )
        self.act_duplicate = self._action(
            self.tr("&Duplicera"),
            self.activities.duplicate_activity,
            QKeySequence("Ctrl+D"),
            self.tr("Kopiera den markerade aktiviteten"),
        )
        self.act_delete = self._action(
            self.tr("&Ta bort"), self.activities.delete_activities, keys.Delete
        )
        self.act_cancel_occurrence = self._action(
            self.tr("Ställ &in tillfället"), self.activities.cancel_occurrence
        )
        self.act_signin = self._action(
            self.tr("&Närvarolista (PDF)…"),
            self.activities.print_signin_sheet,
            QKeySequence("Ctrl+P"),
            self.tr("En lista att skriva under på plats, för den markerade aktiviteten"),
        )
        self.act_quit = self._action(self.tr("&Avsluta"), self.close, keys.Quit)
        self.act_undo, self.act_redo = self.history.actions(self)
        self.act_undo.setShortcuts([QKeySequence(keys.Undo)])
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.act_prev_year = self._action(
            self.tr("&Föregående år"), lambda: self._step_year(-1), QKeySequence("Ctrl+PgUp")
        )
        self.act_next_year = self._action(
            self.tr("&Nästa år"), lambda: self._step_year(1), QKeySequence("Ctrl+PgDown")
        )
        # Visa: a tab each, Ctrl+1 … Ctrl+8 in the order of the tabs.
        self.act_show_tabs: list[QAction] = [
            self._action(
                menu_text,
                lambda _checked=False, i=index: self.tabs.setCurrentIndex(i),
                QKeySequence(f"Ctrl+{index + 1}"),
            )
            for index, menu_text in enumerate(
                (
                    self.tr("&Aktiviteter"),
                    *(self.tr(spec.menu_text) for spec in PAGES[: TAB_OVERVIEW - 1]),
                    self.tr("Års&översikt"),
                    *(self.tr(spec.menu_text) for spec in PAGES[TAB_OVERVIEW - 1 :]),
                )
            )
        ]
        self.act_show_activities = self.act_show_tabs[TAB_ACTIVITIES]
        self.act_show_overview = self.act_show_tabs[TAB_OVERVIEW]
        self.act_clear_filter = self._action(
            self.tr("&Rensa filter"), self.activities.filter_bar.clear, QKeySequence("Ctrl+Shift+F")
        )
        self.act_find = self._action(self.tr("&Sök…"), self._focus_search, keys.Find)
        self.act_period_charts = chart_menu.period_charts_action(self)
        create_invitation_actions(self)  # Inbjudan…, kalenderfil, adresslista
        self.act_search_all = self._action(  # issue 14: app/ui/search_actions.py
            self.tr("Sök i &alla år…"),
            self._search_all_years,
            QKeySequence("Ctrl+Alt+F"),
            self.tr("Sök bland alla års aktiviteter efter text, typ och kommun"),
        )
        self.act_evaluation = evaluation_actions.evaluation_action(self)

    def _create_menus_and_toolbar(self) -> None:
        create_menus_and_toolbar(self)

    # --- years --------------------------------------------------------------------------
    def _available_years(self, also: int | None = None) -> list[int]:
        """The years of the list: those the insats runs, those with activities, this year
        (and ``also``, the year asked for) — only years Insatslogg takes (FIRST_YEAR–
        LAST_YEAR): a date an old file holds in year 9999 adds nothing, and no year in
        the list is one that cannot be shown."""
        assert self.insats.id is not None
        years = {*self.insats.years, *self.store.activities.years(self.insats.id)}
        years.update(y for y in (date.today().year, also) if y is not None)
        shown = sorted(y for y in years if year_in_range(y))
        return shown or [min(max(date.today().year, FIRST_YEAR), LAST_YEAR)]

    def _initial_year(self) -> int:
        """The year shown at start (core ``opening_year``): the one shown last time if
        the insats ran then or it has activities, else this year if the insats runs now,
        else the last year with activities."""
        assert self.insats.id is not None
        return opening_year(
            self._int_setting("main/year"),
            date.today().year,
            self.insats.years,
            self.store.activities.years(self.insats.id),
        )

    def _fill_years(self, selected: int | None = None) -> None:
        """Fill the year list; select ``selected``, or the saved year at start."""
        if selected is None:
            selected = self._initial_year()
        years = self._available_years(selected)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(str(y), y)
        self.year_combo.setCurrentIndex(max(0, find_data(self.year_combo, selected)))
        self.year_combo.blockSignals(False)
        self.year = int(self.year_combo.currentData())

    def _year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if year is not None and year != self.year:
            self.year = int(year)
            self.reload()

    def _step_year(self, step: int) -> None:
        i = self.year_combo.currentIndex() + step
        if 0 <= i < self.year_combo.count():
            self.year_combo.setCurrentIndex(i)

    def show_year(self, year: int) -> None:
        if find_data(self.year_combo, year) < 0:
            self._fill_years(year)
        self.year_combo.setCurrentIndex(find_data(self.year_combo, year))

    # --- loading ------------------------------------------------------------------------
    def _refresh_choices(self) -> None:
        self.activities.refresh_choices(self.insats)

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the shown year's activities and summary from the database."""
        self.activities.set_context(self.insats, self.year)
        self._overview_stale = True
        for lazy in self.record_pages:
            lazy.set_context(self.insats, self.year)
        self._tab_changed(self.tabs.currentIndex())
        where = self.store.label if self.store.server is not None else self.store.path.name
        title = f"{self.insats.name} – {self.year} – {where} – {APP_NAME}"
        self.setWindowTitle(title)
        if select_id is not None:
            self.activities.select_activity(select_id)
        self._update_actions()

    def refresh_overview(self) -> None:
        """Recompute the year overview (only when it is shown: it is not needed before)."""
        assert self.insats.id is not None
        self.overview.set_summary(self.store.summaries.year_summary(self.insats.id, self.year))
        self._overview_stale = False

    def _tab_changed(self, index: int) -> None:
        """Bring the tab just shown up to date (pages and overview refresh lazily)."""
        if index == TAB_OVERVIEW and self._overview_stale:
            self.refresh_overview()
        page = self.tabs.widget(index)
        if isinstance(page, LazyPage):
            page.shown()

    @shared_read
    def refresh_from_colleague(self) -> None:
        """Re-read what the window shows after a colleague's change, the table's
        selection and scroll kept (app.ui.live_updates)."""
        from app.ui.live_updates import KeptView

        kept = KeptView(self.activities.table, self.activities.model)
        self.insats = self._load_insats()
        self._refresh_choices()
        self._fill_years(self.year)
        self.reload()
        kept.restore()

    def _page_created(self, page: RecordPage) -> None:
        name = cast(QWidget, page).objectName()
        tab = next((spec.tab for spec in PAGES if spec.name == name), None)
        page.changed.connect(lambda: self._record_changed(tab))
        meeting = getattr(page, "meeting_requested", None)
        if meeting is not None:
            meeting.connect(self.activities.new_group_meeting)
        evaluation_actions.connect_page(self, page)
        economy_actions.connect_page(self, page)

    def _record_changed(self, tab: str | None = None) -> None:
        """A page saved something: one step of Ångra; the overview and the other pages
        may show it."""
        self.history.record(tab)
        self._overview_stale = True
        current = self.tabs.currentWidget()
        for lazy in self.record_pages:
            if lazy is not current:
                lazy.mark_stale()

    @shared_read
    def _after_change(self, activity_id: int | None) -> None:
        """After an edit or undo: show the year of the changed activity and select it."""
        if activity_id is not None:
            try:
                year = self.store.activities.get(activity_id).year
            except DomainError:
                year = self.year
            if year != self.year:
                self.show_year(year)
        self.reload(activity_id)

    def _update_actions(self, *_: object) -> None:
        n = len(self.activities.selected_ids())
        self.act_edit.setEnabled(n == 1)
        self.act_duplicate.setEnabled(n == 1)
        self.act_delete.setEnabled(n >= 1)
        self.act_signin.setEnabled(n == 1)
        self.act_invitation.setEnabled(n == 1)
        self.act_cancel_occurrence.setEnabled(self.activities.selected_in_series())
        self.act_evaluation.setEnabled(n == 1)

    def _focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_ACTIVITIES)
        self.activities.focus_search()

    def _search_all_years(self) -> None:
        from app.ui.search_actions import show_search

        show_search(self)

    # --- settings dialogs ---------------------------------------------------------------
    @shared_read
    def _after_reverted(self, done: ChangeSet | None) -> None:
        """After Ångra or Gör om (or an undo from the log): show the tab where it
        happened, with everything re-read; an activity is selected."""
        if done is not None and done.tab is not None:
            index = tab_index(done.tab)
            if index is not None:
                self.tabs.setCurrentIndex(index)
        self.insats = self._load_insats()
        self._refresh_choices()
        self._fill_years(self.year)
        selected = None
        if done is not None and done.record_table == "activity" and done.record_key:
            selected = int(done.record_key[0])
            try:
                self.store.activities.get(selected)
            except DomainError:  # the undo removed it
                selected = None
        self._after_change(selected)

    def _after_reference_change(self) -> None:
        self.history.record()
        self.insats = self._load_insats()
        self._refresh_choices()
        self._fill_years(self.year)
        self.reload()

    # --- window state (app/ui/window_state.py) ----------------------------------------
    def _restore_settings(self) -> None:
        window_state.restore(self, self.settings, self.activities.table, self.tabs)

    def _int_setting(self, key: str) -> int | None:
        return window_state.int_setting(self.settings, key)

    def save_settings(self) -> None:
        window_state.save(self, self.settings, self.activities.table, self.tabs, self.year)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
        if event.isAccepted() and self.on_closed is not None:
            self.on_closed()
