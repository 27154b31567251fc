"""The Ekonomi page's widgets: the choice of span, three sub-tabs ("Budget och utfall",
"Kostnader", "Regelkontroll") and their tables, laid out to be read at 1366×768. The
page (app/ui/economy_page.py) fills them and acts on them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.economy import RATIOS_NOTE, RATIOS_TITLE, TITLE, EconomySummary
from app.core.funding_rules import GUIDANCE
from app.core.wording import count_noun
from app.ui.economy_models import CostsModel, EconomyRowsModel, FindingsModel, RatiosModel

NOT_A_BAN = "Fynd, inte förbud: du avgör och kan anteckna varför."


def table(
    name: str, model: QAbstractItemModel, stretch: int | None, multi: bool = False
) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def wrapped(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class EconomyViews(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # --- the span and the budget ------------------------------------------------------
        self.title = QLabel()
        self.title.setObjectName("economyTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.year_button = QRadioButton(self.tr("Året"))
        self.year_button.setObjectName("economyYear")
        self.year_button.setChecked(True)
        self.period_button = QRadioButton(self.tr("Hela insatsen"))
        self.period_button.setObjectName("economyPeriod")
        group = QButtonGroup(self)
        group.addButton(self.year_button)
        group.addButton(self.period_button)
        self.budget_button = QPushButton(self.tr("Ändra &budget…"))
        self.budget_button.setObjectName("editBudget")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Visa:")))
        top.addWidget(self.year_button)
        top.addWidget(self.period_button)
        top.addSpacing(12)
        top.addWidget(self.budget_button)

        # --- Budget och utfall --------------------------------------------------------------
        self.rows_model = EconomyRowsModel(parent=self)
        self.rows_view = table("economyRows", self.rows_model, 0)
        self.rows_view.setToolTip(self.tr("Dubbelklicka på en budget för att ändra årets budget"))
        self.span_note = wrapped(name="economyNote")
        self.years_model = EconomyRowsModel(per_year=True, parent=self)
        self.years_view = table("economyYears", self.years_model, 0)
        self.years_label = QLabel(self.tr("Per år:"))
        self.ratios_model = RatiosModel(self)
        self.ratios_view = table("economyRatios", self.ratios_model, 0)
        self.ratios_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        ratios_box = QWidget()
        ratios_layout = QVBoxLayout(ratios_box)
        ratios_layout.setContentsMargins(0, 0, 0, 0)
        ratios_layout.addWidget(QLabel(self.tr("Nyckeltal – {title}:").format(title=RATIOS_TITLE)))
        ratios_layout.addWidget(self.ratios_view, 1)
        ratios_layout.addWidget(wrapped(RATIOS_NOTE))
        years_box = QWidget()
        years_layout = QVBoxLayout(years_box)
        years_layout.setContentsMargins(0, 0, 0, 0)
        years_layout.addWidget(self.years_label)
        years_layout.addWidget(self.years_view, 1)
        self.years_box = years_box
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(years_box)
        lower.addWidget(ratios_box)
        lower.setChildrenCollapsible(False)
        budget_tab = QWidget()
        budget_layout = QVBoxLayout(budget_tab)
        budget_layout.addWidget(self.rows_view, 3)
        budget_layout.addWidget(self.span_note)
        budget_layout.addWidget(lower, 2)

        # --- Kostnader ----------------------------------------------------------------------
        self.line_filter = QComboBox()
        self.line_filter.setObjectName("costLineFilter")
        self.line_filter.setMinimumContentsLength(24)
        self.costs_count = QLabel()
        self.new_button = QPushButton(self.tr("&Ny kostnad…"))
        self.new_planned_button = QPushButton(self.tr("Ny &planerad kostnad…"))
        self.edit_button = QPushButton(self.tr("Än&dra…"))
        self.delete_button = QPushButton(self.tr("&Ta bort"))
        self.book_button = QPushButton(self.tr("&Markera som bokförd"))
        self.import_button = QPushButton(self.tr("Importera huvudbok&sutdrag…"))
        self.import_button.hide()  # shown when the import dialog is wired to the page
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Budgetrad:")))
        filter_row.addWidget(self.line_filter)
        filter_row.addWidget(self.costs_count)
        filter_row.addStretch(1)
        filter_row.addWidget(self.import_button)
        buttons = QHBoxLayout()
        for button in self.cost_buttons()[:-1]:
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.costs_model = CostsModel(self)
        self.costs_view = table("economyCosts", self.costs_model, 3, multi=True)
        self.costs_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.costs_view.setSortingEnabled(False)
        costs_tab = QWidget()
        costs_layout = QVBoxLayout(costs_tab)
        costs_layout.addLayout(filter_row)
        costs_layout.addWidget(self.costs_view, 1)
        costs_layout.addLayout(buttons)

        # --- Regelkontroll ------------------------------------------------------------------
        self.findings_model = FindingsModel(self)
        self.findings_view = table("economyFindings", self.findings_model, 5)
        self.findings_view.setWordWrap(True)
        self.findings_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        findings_header = self.findings_view.horizontalHeader()
        for column, width in ((2, 240), (3, 220), (6, 220)):
            findings_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            findings_header.resizeSection(column, width)
        self.note_button = QPushButton(self.tr("Anteckna bed&ömning…"))
        self.findings_intro = wrapped(
            self.tr(
                "Kostnader vars budgetrad, konto eller text tyder på något som {guidance} "
                "säger att ett samordningsförbund inte ska finansiera. {ban}"
            ).format(guidance=GUIDANCE, ban=NOT_A_BAN),
            "findingsIntro",
        )
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_button)
        note_row.addStretch(1)
        findings_tab = QWidget()
        findings_layout = QVBoxLayout(findings_tab)
        findings_layout.addWidget(self.findings_intro)
        findings_layout.addWidget(self.findings_view, 1)
        findings_layout.addLayout(note_row)

        self.sections = QTabWidget()
        self.sections.setObjectName("economySections")
        self.sections.addTab(budget_tab, self.tr(TITLE))
        self.sections.addTab(costs_tab, self.tr("Kostnader"))
        self.sections.addTab(findings_tab, self.tr("Regelkontroll (Nationella rådets vägledning)"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sections, 1)

    def cost_buttons(self) -> list[QPushButton]:
        return [
            self.new_button,
            self.new_planned_button,
            self.edit_button,
            self.delete_button,
            self.book_button,
            self.import_button,
        ]

    def show_summary(self, summary: EconomySummary) -> None:
        self.title.setText(self.tr("{title} {label}").format(title=TITLE, label=summary.label))
        self.rows_model.set_figures(summary.rows, summary.total)
        period = len(summary.years) > 1
        self.years_box.setVisible(period)
        self.years_model.set_figures(summary.years, summary.total)
        self.span_note.setText(summary.note)
        self.span_note.setVisible(bool(summary.note))
        self.ratios_model.set_ratios(summary.ratios.rows())
        n = len(summary.findings)
        self.sections.setTabText(
            2,
            self.tr("Regelkontroll (Nationella rådets vägledning): {n}").format(
                n=count_noun(n, "fynd", "fynd")
            ),
        )
