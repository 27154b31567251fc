"""Arkiv → Importera huvudboksutdrag…: choose a ledger extract, confirm which budget line
each konto goes to, look at what is added, then import it all or nothing.

The file is read (app.importers.ledger) and planned (app.operations.cost_import) here;
changing a konto's line plans again. The dialog shows the konton with their rows, sum
and line (a combo; new konton marked "ny" and to be confirmed), the costs to add per
line and row by row, the duplicates and the rows left out, and every error — then there
is no Importera button: a file with an error imports nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats
from app.core.errors import DomainError
from app.core.money import kronor, kronor_kr
from app.core.wording import count_noun
from app.importers.ledger import FILE_FILTER, LedgerLine, read_ledger
from app.operations.cost_import import CostPlan, apply_plan, plan_import
from app.store.database import Store
from app.ui.background import run_in_background
from app.ui.file_dialogs import open_file_name
from app.ui.form_widgets import ErrorLabel
from app.ui.import_models import TextRowsModel
from app.ui.import_pages import fit, page, table
from app.ui.ledger_import_models import LINE, KontoMappingModel, RowsModel
from app.ui.list_editor import ComboDelegate
from app.ui.screen_fit import resize_to_fit

TITLE = "Importera huvudboksutdrag"
ROW_HEADERS = ("Rad", "Datum", "Ver", "Konto", "Text", "Belopp (kr)")
AMOUNT = (0, 5)  # right-aligned: the row number and the amount


def _rows(lines: list[LedgerLine]) -> list[tuple[str, ...]]:
    return [
        (str(x.row), x.day.isoformat(), x.verifikation, x.konto, x.text, kronor(x.amount))
        for x in lines
    ]


class LedgerImportDialog(QDialog):
    """The preview and confirmation of one ledger extract; ``added`` after Importera."""

    def __init__(self, store: Store, insats: Insats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.store, self.insats = store, insats
        self.path: Path | None = None
        self.plan: CostPlan | None = None
        self.chosen: dict[str, int | None] = {}
        self.added = 0
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        row.addWidget(QLabel("Fil:", self))
        self.file_edit = QLineEdit(self)
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText("Välj ett huvudboksutdrag i Excel (.xlsx) eller CSV")
        row.addWidget(self.file_edit, 1)
        self.choose_button = QPushButton("&Välj fil…", self)
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.mapping_model = KontoMappingModel(self)
        self.mapping_model.chosen.connect(self._line_chosen)
        self.mapping_view = table(self.mapping_model, self)
        self.mapping_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.delegate: ComboDelegate | None = None
        hint = (
            "Välj budgetrad för varje konto. Insatslogg kommer ihåg valet till nästa import; "
            "”ny” är ett konto som inte importerats förut, och dess budgetrad är ett förslag."
        )
        self.tabs = QTabWidget(self)
        self.line_model = RowsModel(("Budgetrad", "Antal", "Summa (kr)"), (1, 2), self)
        self.line_view = table(self.line_model, self)
        # The sums per line beside the konton: a changed line shows at once.
        self.side_view = table(self.line_model, self)
        head = self.side_view.horizontalHeader()
        head.setStretchLastSection(False)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        side = QSplitter(self)
        side.addWidget(self.mapping_view)
        side.addWidget(self.side_view)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 1)
        side.setSizes([760, 380])
        konto_page = page(self, hint, side)
        konto_page.layout().setStretch(1, 1)  # type: ignore[union-attr]
        self.konto_tab = self.tabs.addTab(konto_page, "Konton")
        self.added_model = RowsModel((*ROW_HEADERS, "Budgetrad"), AMOUNT, self)
        self.added_view = table(self.added_model, self)
        self.add_tab = self.tabs.addTab(
            page(self, "Kostnaderna som läggs till, per budgetrad och rad för rad.",
                 self.line_view, self.added_view),
            "Läggs till",
        )  # fmt: skip
        self.dup_model = RowsModel((*ROW_HEADERS, "Varför"), AMOUNT, self)
        self.dup_view = table(self.dup_model, self)
        self.dup_tab = self.tabs.addTab(
            page(self, "Samma verifikation och belopp som en kostnad som redan finns, "
                 "eller som en tidigare rad i filen: hoppas över.", self.dup_view),
            "Dubbletter",
        )  # fmt: skip
        self.left_model = RowsModel((*ROW_HEADERS, "Varför"), AMOUNT, self)
        self.left_view = table(self.left_model, self)
        self.left_tab = self.tabs.addTab(
            page(self, "Rader som inte blir kostnader för insatsen.", self.left_view),
            "Utelämnas",
        )
        self.error_model = TextRowsModel(("Rad", "Fel"), parent=self)
        self.error_view = table(self.error_model, self)
        self.error_tab = self.tabs.addTab(
            page(self, "Rader som inte kan läsas eller summor som inte stämmer. Ingenting "
                 "importeras förrän filen är rättad.", self.error_view),
            "Fel",
        )  # fmt: skip
        layout.addWidget(self.tabs, 1)

        self.confirm_box = QCheckBox("Budgetraderna för de nya kontona stämmer", self)
        self.confirm_box.toggled.connect(self._update_buttons)
        layout.addWidget(self.confirm_box)
        self.status = ErrorLabel(self)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton("Importera", self)
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            "Avbryt", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.clicked.connect(self.import_now)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._show()
        resize_to_fit(self, 1200, 680)

    # --- the file -----------------------------------------------------------------------
    def choose_file(self) -> None:
        path = open_file_name(self, TITLE, FILE_FILTER)
        if path is not None:
            self.set_path(path)

    def set_path(self, path: Path) -> None:
        """Read ``path`` and plan its import (the remembered and suggested mapping)."""
        self.path, self.plan, self.chosen = path, None, {}
        self.file_edit.setText(str(path))
        self.confirm_box.setChecked(False)
        outcome = run_in_background(
            self, TITLE, "Läser huvudboksutdraget…", lambda _progress: read_ledger(path)
        )
        try:
            if outcome.error is not None:
                raise outcome.error
            if outcome.result is not None:
                self.plan = plan_import(self.store, self.insats, outcome.result)
        except DomainError as exc:
            self.status.show_problems([str(exc)])
        except OSError as exc:
            self.status.show_problems([f"Filen kunde inte läsas: {exc}"])
        else:
            self.status.clear_problems()
        self._show()
        if self.plan is not None:
            self.tabs.setCurrentIndex(self.konto_tab if self.plan.ok else self.error_tab)

    def _line_chosen(self, konto: str, line_id: int | None) -> None:
        if self.plan is None:
            return
        self.chosen[konto] = line_id
        try:
            self.plan = plan_import(self.store, self.insats, self.plan.extract, self.chosen)
        except DomainError as exc:
            self.status.show_problems([str(exc)])
            return
        self._show(mapping=False)

    # --- what the user sees ---------------------------------------------------------------
    def _show(self, mapping: bool = True) -> None:
        plan = self.plan
        lines = self.store.economy.lines()
        names: dict[int | None, str] = {x.id: x.name for x in lines if x.active}
        all_names: dict[int | None, str] = {x.id: x.name for x in lines}
        if mapping:
            self.mapping_model.set_plan(list(plan.konton) if plan else [], names)
            self.delegate = ComboDelegate(self.mapping_model.choices(), self.mapping_view)
            self.mapping_view.setItemDelegateForColumn(LINE, self.delegate)
            for r in range(self.mapping_model.rowCount()):
                self.mapping_view.openPersistentEditor(self.mapping_model.index(r, LINE))
            fit(self.mapping_view)
            self.mapping_view.setColumnWidth(LINE, max(self.delegate.editor_width(), 260))
        if plan is None:
            self.summary.setText("Välj en fil." if self.path is None else "")
            for model in (self.line_model, self.added_model, self.dup_model, self.left_model):
                model.set_rows([])
            self.error_model.set_rows([])
            self.tabs.setTabVisible(self.error_tab, False)
            self._tab_counts(None)
            self.tabs.setCurrentIndex(self.konto_tab)
            self._update_buttons()
            return
        self.summary.setText(self._summary(plan))
        self.line_model.set_rows(
            [(t.name, str(t.count), kronor(t.amount)) for t in plan.per_line]
            + ([("Totalt", str(len(plan.costs)), kronor(plan.total))] if plan.costs else [])
        )
        self.added_model.set_rows(
            (*r, all_names.get(c.line_id, ""))
            for r, c in zip(_rows(self._cost_lines(plan)), plan.costs, strict=True)
        )
        self.dup_model.set_rows((*r, why) for r, (_, why) in zip(
            _rows([x for x, _ in plan.duplicates]), plan.duplicates, strict=True))  # fmt: skip
        left = [(x, "kontot är inte en kostnad för insatsen") for x in plan.not_costs]
        left += [(x, "datumet ligger utanför insatsen") for x in plan.outside]
        left += [(x, "beloppet är 0") for x in plan.zero]
        left.sort(key=lambda p: p[0].row)
        self.left_model.set_rows((*r, why) for r, (_, why) in zip(
            _rows([x for x, _ in left]), left, strict=True))  # fmt: skip
        self.error_model.set_rows((str(e.row), e.reason) for e in plan.extract.errors)
        for view in (
            self.line_view,
            self.side_view,
            self.added_view,
            self.dup_view,
            self.left_view,
        ):
            fit(view)
        self.error_view.resizeColumnToContents(0)
        self._tab_counts(plan)
        self.tabs.setTabVisible(self.error_tab, not plan.ok)
        self._update_buttons()

    def _tab_counts(self, plan: CostPlan | None) -> None:
        """Each tab's title with how many rows it lists (none without a plan)."""
        left = len(plan.not_costs) + len(plan.outside) + len(plan.zero) if plan else 0
        for tab, label, n in (
            (self.konto_tab, "Konton", len(plan.konton) if plan else 0),
            (self.add_tab, "Läggs till", len(plan.costs) if plan else 0),
            (self.dup_tab, "Dubbletter", len(plan.duplicates) if plan else 0),
            (self.left_tab, "Utelämnas", left),
            (self.error_tab, "Fel", len(plan.problems) if plan else 0),
        ):
            self.tabs.setTabText(tab, f"{label} ({n})" if plan else label)

    def _cost_lines(self, plan: CostPlan) -> list[LedgerLine]:
        """The extract's lines that became the plan's costs, in the same order."""
        by_row = {x.row: x for x in plan.extract.lines}
        return [by_row[r] for r in plan.cost_rows]

    def _summary(self, plan: CostPlan) -> str:
        x = plan.extract
        parts = [f"{count_noun(len(x.lines), 'rad', 'rader')} lästa från {x.name}"]
        if x.sums:
            agree = sum(1 for s in x.sums if s.agrees)
            parts.append(f"summor i filen: {agree} av {len(x.sums)} stämmer")
        if not plan.ok:
            parts.append(
                f"{count_noun(len(plan.problems), 'fel', 'fel')}: ingenting kan importeras"
            )
            return "; ".join(parts) + "."
        parts.append(
            f"läggs till: {count_noun(len(plan.costs), 'kostnad', 'kostnader')}, "
            f"{kronor_kr(plan.total)}"
        )
        if plan.duplicates:
            parts.append(f"dubbletter: {len(plan.duplicates)} ({kronor_kr(plan.duplicate_total)})")
        left = len(plan.not_costs) + len(plan.outside) + len(plan.zero)
        if left:
            parts.append(f"utelämnas: {count_noun(left, 'rad', 'rader')}")
        if plan.new_konton:
            parts.append(f"nya konton: {len(plan.new_konton)}")
        text = "; ".join(parts)
        return text[:1].upper() + text[1:] + "."

    def _update_buttons(self) -> None:
        plan = self.plan
        new = bool(plan and plan.ok and plan.new_konton)
        self.confirm_box.setVisible(new)
        self.import_button.setVisible(plan is not None and plan.ok)
        n = len(plan.costs) if plan else 0
        self.import_button.setText(
            f"Importera {count_noun(n, 'kostnad', 'kostnader')}" if n else "Importera"
        )
        self.import_button.setEnabled(bool(n) and (not new or self.confirm_box.isChecked()))

    # --- the import -----------------------------------------------------------------------
    def import_now(self) -> None:
        if self.plan is None:
            return
        try:
            self.added = apply_plan(
                self.store, self.plan, mapping_confirmed=self.confirm_box.isChecked()
            )
        except DomainError as exc:
            self.status.show_problems([str(exc)])
            return
        self.accept()


def import_ledger(parent: QWidget, store: Store, insats: Insats) -> bool:
    """Arkiv → Importera huvudboksutdrag (and the Ekonomi tab's button): choose a file,
    confirm, import. True when costs were added (the caller records one Ångra step)."""
    path = open_file_name(parent, TITLE, FILE_FILTER)
    if path is None:
        return False
    dialog = LedgerImportDialog(store, insats, parent)
    dialog.set_path(path)
    dialog.exec()
    added = dialog.added
    dialog.deleteLater()
    return added > 0
