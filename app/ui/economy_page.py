"""The page "Ekonomi": the insats's budget against outcome for the window's year or its
whole period, the costs per activity and participant, the costs, and the Nationella
rådet's funding rules as findings.

Every figure is core.economy's EconomySummary (operations.economy year_economy /
insats_economy), formatted by app.core.money; nothing is summed here. Each edit (a cost,
the budget, a note on a finding) is saved at once and told to the window as
``edited(label)``, one step of Ångra under Ekonomi; then ``changed`` for the other tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QMetaMethod, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from app.core.economy import EconomySummary
from app.core.economy_entities import BudgetLine, Cost
from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.funding_rules import FundingFinding
from app.core.wording import count_noun
from app.store.database import Store
from app.ui.cost_dialog import ActivityChoice, CostDialog, activity_text
from app.ui.economy_views import EconomyViews
from app.ui.form_widgets import ask_yes_no, run_modal, warn

T = TypeVar("T")
ALL_LINES = "Alla budgetrader"


class EconomyPage(EconomyViews):
    economy_page = True  # economy_actions.connect_page: its edits are labelled steps
    changed = Signal()  # saved something (after ``edited``): the other tabs may show it
    edited = Signal(str)  # saved something: the step's label ("ändra budget 2025")
    import_requested = Signal()  # Importera huvudboksutdrag… (the import dialog's)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.insats: Insats | None = None
        self.year = date.today().year
        self.summary: EconomySummary | None = None
        self.lines: list[BudgetLine] = []
        self.activities: list[ActivityChoice] = []
        self.year_button.toggled.connect(lambda _on: self.reload())
        self.budget_button.clicked.connect(lambda: self.edit_budget())
        self.import_button.clicked.connect(self.import_requested.emit)
        self.new_button.clicked.connect(lambda: self.new_cost(planned=False))
        self.new_planned_button.clicked.connect(lambda: self.new_cost(planned=True))
        self.edit_button.clicked.connect(self.edit_cost)
        self.delete_button.clicked.connect(self.delete_costs)
        self.book_button.clicked.connect(self.mark_booked)
        self.note_button.clicked.connect(self.note_finding)
        self.line_filter.currentIndexChanged.connect(lambda _i: self._show_costs())
        self.rows_view.doubleClicked.connect(self._rows_double_clicked)
        self.years_view.doubleClicked.connect(self._years_double_clicked)
        delete = QAction(self.tr("Ta bort"), self.costs_view)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_costs)
        self.costs_view.addAction(delete)
        self.costs_view.doubleClicked.connect(lambda _i: self.edit_cost())
        self.costs_view.customContextMenuRequested.connect(self._cost_menu)
        self.costs_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.findings_view.doubleClicked.connect(lambda _i: self.note_finding())
        self.findings_view.selectionModel().selectionChanged.connect(self._update_buttons)

    # --- showing ------------------------------------------------------------------------
    def set_context(self, insats: Insats, year: int) -> None:
        self.insats, self.year = insats, year
        self.year_button.setText(self.tr("Året {year}").format(year=year))
        self.reload()

    def whole_period(self) -> bool:
        return self.period_button.isChecked()

    def reload(self) -> None:
        from app.operations.economy import insats_economy, year_economy

        if self.insats is None or self.insats.id is None:
            return
        insats = self.insats
        with self.store.file.read():
            self.lines = self.store.economy.lines()
            rows = self.store.activities.rows(insats.id, None)
            summary = (
                insats_economy(self.store, insats)
                if self.whole_period()
                else year_economy(self.store, insats, self.year)
            )
        self.activities = [(r.id, r.start, r.title) for r in rows]
        self.summary = summary
        self.show_summary(summary)
        self._fill_filter()
        self._show_costs()
        self.findings_model.set_rows(summary.findings)
        self.import_button.setVisible(self.isSignalConnected(self._import_signal()))
        self._update_buttons()

    def _import_signal(self) -> QMetaMethod:
        """Importera huvudboksutdrag… is shown once the import dialog is wired to it."""
        meta = self.metaObject()
        return meta.method(meta.indexOfSignal("import_requested()"))

    def _fill_filter(self) -> None:
        chosen = self.line_filter.currentData()
        self.line_filter.blockSignals(True)
        self.line_filter.clear()
        self.line_filter.addItem(self.tr(ALL_LINES), None)
        for line in self.lines:
            self.line_filter.addItem(line.name, line.id)
        index = next(
            (i for i in range(self.line_filter.count()) if self.line_filter.itemData(i) == chosen),
            0,
        )
        self.line_filter.setCurrentIndex(index)
        self.line_filter.blockSignals(False)

    def _show_costs(self) -> None:
        if self.summary is None:
            return
        line_id = self.line_filter.currentData()
        costs = [c for c in self.summary.costs if line_id is None or c.line_id == line_id]
        names = {x.id: x.name for x in self.lines if x.id is not None}
        titles = {a: activity_text(day, title) for a, day, title in self.activities}
        flagged = [f.cost.id for f in self.summary.findings if f.cost.id is not None]
        self.costs_model.set_costs(costs, names, titles, flagged)
        self.costs_count.setText(count_noun(len(costs), "kostnad", "kostnader"))
        self._update_buttons()

    def _update_buttons(self, *_: object) -> None:
        chosen = self.selected_costs()
        self.edit_button.setEnabled(len(chosen) == 1)
        self.delete_button.setEnabled(bool(chosen))
        self.book_button.setEnabled(any(c.planned for c in chosen))
        self.note_button.setEnabled(self.selected_finding() is not None)
        editable = self.insats is not None
        for button in (self.new_button, self.new_planned_button, self.budget_button):
            button.setEnabled(editable)

    # --- choosing -----------------------------------------------------------------------
    def selected_costs(self) -> list[Cost]:
        rows = sorted(i.row() for i in self.costs_view.selectionModel().selectedRows())
        return [self.costs_model.row_at(r) for r in rows]

    def select_cost(self, cost_id: int) -> bool:
        row = self.costs_model.row_of(cost_id)
        if row >= 0:
            self.costs_view.selectRow(row)
        return row >= 0

    def selected_finding(self) -> FundingFinding | None:
        rows = self.findings_view.selectionModel().selectedRows()
        return self.findings_model.row_at(rows[0].row()) if rows else None

    def cost_menu(self) -> QMenu:
        """The costs' context menu: the buttons under the table, as they are enabled."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for button in self.cost_buttons():
            if not button.isHidden():
                action = menu.addAction(button.text().replace("&", ""))
                action.setEnabled(button.isEnabled())
                action.triggered.connect(button.click)
        return menu

    def _cost_menu(self, pos: QPoint) -> None:
        self.cost_menu().popup(self.costs_view.viewport().mapToGlobal(pos))

    def _rows_double_clicked(self, index: QModelIndex) -> None:
        if index.column() == 1:  # Budget
            self.edit_budget()

    def _years_double_clicked(self, index: QModelIndex) -> None:
        """A year's Budget in the period's table: that year's budget."""
        if index.column() == 1 and not self.years_model.is_total(index.row()):
            self.edit_budget(int(self.years_model.row_at(index.row()).label))

    # --- writing ------------------------------------------------------------------------
    def _write(self, action: Callable[[], T], label: str) -> T | None:
        """Run a store write; then reload and tell the window (one step of Ångra)."""
        try:
            result = action()
        except DomainError as exc:
            warn(self, str(exc))
            self.reload()
            self.changed.emit()  # whatever was written before the refusal is recorded
            return None
        self.reload()
        self.edited.emit(label)
        self.changed.emit()
        return result

    def _default_day(self) -> date:
        assert self.insats is not None
        today = date.today()
        first = max(self.insats.start, date(self.year, 1, 1))
        last = min(self.insats.end, date(self.year, 12, 31))
        return today if first <= today <= last else first

    def cost_dialog(self, cost: Cost | None, planned: bool = False) -> CostDialog:
        assert self.insats is not None
        return CostDialog(
            self.insats, self.lines, self.activities, cost, self._default_day(), planned, self
        )

    def new_cost(self, planned: bool = False) -> None:
        if self.insats is None:
            return
        dialog = self.cost_dialog(None, planned)
        if not run_modal(dialog) or dialog.result_cost is None:
            return
        cost = dialog.result_cost
        label = (
            self.tr("lägg till planerad kostnad") if cost.planned else self.tr("lägg till kostnad")
        )
        saved = self._write(lambda: self.store.economy.save_cost(cost), label)
        if saved is not None and saved.id is not None:
            self.select_cost(saved.id)

    def edit_cost(self) -> None:
        chosen = self.selected_costs()
        if len(chosen) != 1:
            return
        before = chosen[0]
        dialog = self.cost_dialog(before)
        if not run_modal(dialog) or dialog.result_cost in (None, before):
            return
        after = dialog.result_cost
        assert after is not None
        label = self.tr("ändra kostnad {day}").format(day=after.day.isoformat())
        saved = self._write(lambda: self.store.economy.save_cost(after), label)
        if saved is not None and saved.id is not None:
            self.select_cost(saved.id)

    def delete_costs(self) -> None:
        chosen = [c.id for c in self.selected_costs() if c.id is not None]
        if not chosen:
            return
        what = count_noun(len(chosen), "kostnad", "kostnader")
        if not ask_yes_no(self, self.tr("Ta bort {what}?").format(what=what)):
            return
        self._write(
            lambda: self.store.economy.delete_costs(chosen),
            self.tr("ta bort {what}").format(what=what),
        )

    def mark_booked(self) -> None:
        """Markera som bokförd: the chosen planned costs become booked ones."""
        planned = [c for c in self.selected_costs() if c.planned]
        if not planned:
            return

        def book() -> None:
            for c in planned:
                self.store.economy.save_cost(replace(c, planned=False))

        what = count_noun(len(planned), "planerad kostnad", "planerade kostnader")
        self._write(book, self.tr("bokför {what}").format(what=what))

    def edit_budget(self, year: int | None = None) -> None:
        """Ändra budget…: the window's year (or ``year``)."""
        from app.ui.budget_editor import BudgetDialog

        if self.insats is None or self.insats.id is None:
            return
        insats_id, year = self.insats.id, year or self.year
        stored = self.store.economy.budgets(insats_id, range(year, year + 1))
        amounts = {b.line_id: b.amount for b in stored}
        dialog = BudgetDialog(self.insats.name, year, self.lines, amounts, self)
        if not run_modal(dialog) or not dialog.result_amounts:
            return
        changed = dialog.result_amounts
        self._write(
            lambda: self.store.economy.set_budgets(insats_id, year, changed),
            self.tr("ändra budget {year}").format(year=year),
        )

    def note_finding(self) -> None:
        from app.ui.finding_note_dialog import FindingNoteDialog

        finding = self.selected_finding()
        if finding is None or finding.cost.id is None:
            return
        dialog = FindingNoteDialog(finding, self)
        if not run_modal(dialog) or dialog.result_note is None:
            return
        note, cost_id, code = dialog.result_note, finding.cost.id, finding.rule.code
        if note == finding.note.strip():
            return
        self._write(
            lambda: self.store.economy.set_note(cost_id, code, note),
            self.tr("anteckna regelkontroll"),
        )
        row = next(
            (
                i
                for i, f in enumerate(self.findings_model.rows())
                if (f.cost.id, f.rule.code) == (cost_id, code)
            ),
            -1,
        )
        if row >= 0:
            self.findings_view.selectRow(row)
