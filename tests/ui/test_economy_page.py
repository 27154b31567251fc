"""The Ekonomi tab shows core's budget against outcome, cost ratios, costs and findings,
cell by cell, for every year and the whole insats of the demo and of generated data; its
models pass the model tester; every edit is one step of Ångra that undoes exactly it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QDialog

from app.core.changes import ECONOMY_TAB
from app.core.economy import EconomySummary
from app.core.money import kronor, parse_kronor
from app.core.wording import NBSP, thousands
from app.demo.gavleborg import build_demo
from app.operations.economy import insats_economy, year_economy
from app.store.database import Store
from app.ui.economy_models import FLAG, OVER
from app.ui.main_window import MainWindow
from tests.rich_data import build_rich_database
from tests.store.test_change_log import data_dump
from tests.ui.unchanged_save import differences, page
from tests.ui.undo_edits import filling

SEEDS = (20261202, 7)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("economy")
    out = {"demo": folder / "demo.sqlite3"}
    build_demo(out["demo"])
    for seed in SEEDS:
        out[f"generated-{seed}"] = folder / f"rich-{seed}.sqlite3"
        build_rich_database(out[f"generated-{seed}"], seed)
    return out


def _window(source: Path, tmp_path: Path, qtbot: Any) -> Iterator[MainWindow]:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(source, path)
    store = Store.open(path)
    w = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    yield w
    store.close()


@pytest.fixture(params=["demo", *(f"generated-{s}" for s in SEEDS)])
def window(
    request: pytest.FixtureRequest, sources: dict[str, Path], tmp_path: Path, qtbot: Any
) -> Iterator[MainWindow]:
    yield from _window(sources[request.param], tmp_path, qtbot)


@pytest.fixture
def rich(sources: dict[str, Path], tmp_path: Path, qtbot: Any) -> Iterator[MainWindow]:
    yield from _window(sources[f"generated-{SEEDS[0]}"], tmp_path, qtbot)


def cells(model: Any) -> list[list[str]]:
    root = QModelIndex()
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount(root))]
        for r in range(model.rowCount(root))
    ]


def expected_rows(rows: Any, total: Any) -> list[list[str]]:
    out = []
    for row in [*rows, total]:
        kvar = kronor(row.remaining) + (OVER if row.remaining < 0 else "")
        used = "–" if row.used_percent is None else f"{thousands(row.used_percent)}{NBSP}%"
        amounts = [kronor(row.budget), kronor(row.booked), kronor(row.planned)]
        out.append([row.label, *amounts, kronor(row.forecast), kvar, used])
    return out


def assert_page_shows(p: Any, summary: EconomySummary) -> None:
    assert cells(p.rows_model) == expected_rows(summary.rows, summary.total)
    assert cells(p.rows_model)[-1][0] == "Totalt"
    # The total is the sum of the lines, read back from the cells, to the öre.
    shown = cells(p.rows_model)
    for column in (1, 2, 3):
        assert sum(parse_kronor(r[column]) for r in shown[:-1]) == parse_kronor(shown[-1][column])
    if len(summary.years) > 1:
        assert p.years_box.isVisibleTo(p)
        assert cells(p.years_model) == expected_rows(summary.years, summary.total)
    ratios = cells(p.ratios_model)
    assert [r[0] for r in ratios] == [label for label, _, _ in summary.ratios.rows()]
    for row, (_, value, count) in zip(ratios, summary.ratios.rows(), strict=True):
        assert row[1] == ("–" if value is None else f"{thousands(value)}{NBSP}kr")
        if count is not None:
            assert row[2].startswith(thousands(count))
    costs = p.costs_model.rows()
    assert costs == list(summary.costs)
    flagged = {f.cost.id for f in summary.findings}
    for r, c in zip(cells(p.costs_model), costs, strict=True):
        assert r[0] == c.day.isoformat() and r[1] == kronor(c.amount)
        assert (r[8] == FLAG) is (c.id in flagged)
    assert p.findings_model.rows() == list(summary.findings)
    for r, f in zip(cells(p.findings_model), summary.findings, strict=True):
        assert (r[1], r[3], r[4], r[5]) == (
            kronor(f.cost.amount),
            f.rule.title,
            f.matched,
            f.rule.cited,
        )
        assert r[6] == (f.note or "Inte bedömd")


def test_the_tab_shows_cores_figures_for_every_year_and_the_whole_insats(
    window: MainWindow, qtmodeltester: Any
) -> None:
    ins = window.insats
    p = page(window, "EconomyPage")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Ekonomi"
    seen_findings = 0
    for year in ins.years:
        window.show_year(year)
        assert not p.whole_period()
        summary = year_economy(window.store, ins, year)
        assert p.title.text().endswith(str(year))
        assert_page_shows(p, summary)
        seen_findings += len(summary.findings)
    p.period_button.setChecked(True)
    whole = insats_economy(window.store, ins)
    assert_page_shows(p, whole)
    assert len(whole.findings) == seen_findings  # every finding in the year it falls in
    for model in (p.rows_model, p.years_model, p.ratios_model, p.costs_model, p.findings_model):
        qtmodeltester.check(model)


def test_the_generated_data_has_what_the_tab_shows(rich: MainWindow) -> None:
    whole = insats_economy(rich.store, rich.insats)
    assert whole.findings and whole.total.budget and whole.total.planned
    assert any(c.from_ledger for c in whole.costs) and any(not c.from_ledger for c in whole.costs)
    # An over-budget year is marked by text, not by colour alone.
    p = page(rich, "EconomyPage")
    p.period_button.setChecked(True)
    over = [r for r in whole.years if r.remaining < 0]
    shown = [row for row in cells(p.years_model) if row[5].endswith(OVER)]
    assert len(shown) == len(over)


def test_the_line_filter_shows_one_lines_costs(rich: MainWindow) -> None:
    p = page(rich, "EconomyPage")
    p.period_button.setChecked(True)
    every = p.costs_model.rows()
    for index in range(1, p.line_filter.count()):
        p.line_filter.setCurrentIndex(index)
        line_id = p.line_filter.itemData(index)
        assert p.costs_model.rows() == [c for c in every if c.line_id == line_id]
    p.line_filter.setCurrentIndex(0)
    assert p.costs_model.rows() == every


# --- edits, each one step of Ångra ------------------------------------------------------
def _user_data(path: Path) -> dict[str, Any]:
    dump = data_dump(path)
    dump.pop("sqlite_sequence", None)
    return dump


def _one_step(w: MainWindow, label: str) -> None:
    """The edit is one step named ``label``; Ångra gives back every row."""
    assert w.undo_stack.undoText() == label
    assert w.store.changes.collect() is None  # nothing left unrecorded
    latest = w.store.changes.sets(limit=1)[0]
    assert (latest.label, latest.tab) == (label, ECONOMY_TAB)  # the log shows it under Ekonomi


def _undo_gives_back(w: MainWindow, before: dict[str, Any]) -> None:
    after = _user_data(w.store.path)
    assert differences(before, after), "the edit changed nothing"
    w.undo_stack.undo()
    assert not differences(before, _user_data(w.store.path))


def _set(attribute: str, text: str) -> Any:
    return lambda d: getattr(d, attribute).setText(text)


def test_a_new_cost_is_one_step(rich: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    year = rich.insats.start.year + 1
    rich.show_year(year)
    p = page(rich, "EconomyPage")
    before = _user_data(rich.store.path)
    count = len(p.costs_model.rows())
    with filling(monkeypatch, {"CostDialog": _set("amount_edit", "1 234,50")}):
        p.new_button.click()
    assert len(p.costs_model.rows()) == count + 1
    assert kronor(123450) in [r[1] for r in cells(p.costs_model)]
    total = year_economy(rich.store, rich.insats, year).total
    assert cells(p.rows_model)[-1][2] == kronor(total.booked)
    _one_step(rich, "lägg till kostnad")
    _undo_gives_back(rich, before)
    assert len(p.costs_model.rows()) == count


def test_a_planned_cost_then_booked(rich: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    p = page(rich, "EconomyPage")
    with filling(monkeypatch, {"CostDialog": _set("amount_edit", "500")}):
        p.new_planned_button.click()
    _one_step(rich, "lägg till planerad kostnad")
    added = [c for c in p.costs_model.rows() if c.planned and c.amount == 50000]
    assert added and p.costs_model.text(added[0], 7) == "Planerad"
    before = _user_data(rich.store.path)
    assert added[0].id is not None and p.select_cost(added[0].id)
    assert p.book_button.isEnabled()
    p.book_button.click()
    _one_step(rich, "bokför 1 planerad kostnad")
    assert added[0].id is not None and not rich.store.economy.cost(added[0].id).planned
    _undo_gives_back(rich, before)


def test_changing_and_deleting_costs(rich: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    p = page(rich, "EconomyPage")
    p.period_button.setChecked(True)
    cost = p.costs_model.rows()[0]
    assert cost.id is not None
    before = _user_data(rich.store.path)
    with filling(monkeypatch, {"CostDialog": _set("text_edit", "Ny text")}):
        p.select_cost(cost.id)
        p.edit_button.click()
    assert rich.store.economy.cost(cost.id).text == "Ny text"
    _one_step(rich, f"ändra kostnad {cost.day.isoformat()}")
    _undo_gives_back(rich, before)
    assert rich.store.economy.cost(cost.id) == cost

    chosen = p.costs_model.rows()[:3]
    for row in range(3):
        p.costs_view.selectionModel().select(
            p.costs_model.index(row, 0),
            p.costs_view.selectionModel().SelectionFlag.Select
            | p.costs_view.selectionModel().SelectionFlag.Rows,
        )
    assert p.selected_costs() == chosen
    with filling(monkeypatch, {}):
        p.delete_button.click()
    _one_step(rich, "ta bort 3 kostnader")
    _undo_gives_back(rich, before)
    assert p.costs_model.rows()[:3] == chosen


def test_changing_the_budget(rich: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    year = rich.insats.start.year + 1
    rich.show_year(year)
    p = page(rich, "EconomyPage")
    first = p.rows_model.row_at(0)
    before = _user_data(rich.store.path)

    def change(d: QDialog) -> None:
        d.edits[first.line_id].setText("12 000")  # type: ignore[attr-defined]

    with filling(monkeypatch, {"BudgetDialog": change}):
        p.budget_button.click()
    assert cells(p.rows_model)[0][1] == kronor(1_200_000)
    summary = year_economy(rich.store, rich.insats, year)
    assert cells(p.rows_model)[-1][1] == kronor(summary.total.budget)
    _one_step(rich, f"ändra budget {year}")
    _undo_gives_back(rich, before)
    assert cells(p.rows_model)[0][1] == kronor(first.budget)


def test_noting_a_finding(rich: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    p = page(rich, "EconomyPage")
    p.period_button.setChecked(True)
    p.sections.setCurrentIndex(2)
    row = next(i for i, f in enumerate(p.findings_model.rows()) if not f.noted)
    before = _user_data(rich.store.path)
    p.findings_view.selectRow(row)
    with filling(monkeypatch, {"FindingNoteDialog": lambda d: d.note_edit.setPlainText("Ok")}):
        p.note_button.click()
    assert cells(p.findings_model)[row][6] == "Ok"
    assert insats_economy(rich.store, rich.insats).findings[row].note == "Ok"
    _one_step(rich, "anteckna regelkontroll")
    _undo_gives_back(rich, before)
    assert cells(p.findings_model)[row][6] == "Inte bedömd"


def test_the_budget_editor_reads_swedish_amounts_and_refuses_bad_ones(rich: MainWindow) -> None:
    from app.ui.budget_editor import BudgetDialog

    lines = [x for x in rich.store.economy.lines() if x.active]
    dialog = BudgetDialog("Insatsen", 2017, lines, {}, rich)
    a, b, c = (x.id for x in lines[:3])
    assert a is not None and b is not None and c is not None
    dialog.edits[a].setText("1 234,50")
    dialog.edits[b].setText("12 000 kr")
    assert dialog.changed_amounts() == {a: 123450, b: 1_200_000}
    assert dialog.total_label.text() == f"13{NBSP}234,50{NBSP}kr"
    dialog.edits[c].setText("tolv")
    dialog.edits[b].setText("-5")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    problems = dialog.error_label.text()
    assert f"{lines[2].name}: 'tolv' är inget belopp." in problems
    assert f"{lines[1].name}: Budgeten kan inte vara negativ." in problems
    dialog.deleteLater()


def test_the_cost_dialog_says_what_is_missing(rich: MainWindow) -> None:
    p = page(rich, "EconomyPage")
    dialog = p.cost_dialog(None)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Skriv ett belopp" in dialog.error_label.text()
    dialog.amount_edit.setText("0")
    dialog.accept()
    assert "Beloppet kan inte vara 0 kr." in dialog.error_label.text()
    dialog.activity_combo.setEditText("ingen sådan aktivitet")
    dialog.amount_edit.setText("12,345")
    dialog.accept()
    text = dialog.error_label.text()
    assert "fler än två decimaler" in text and "Välj en aktivitet i listan" in text
    dialog.deleteLater()


def test_a_cost_linked_to_an_activity_shows_it(
    rich: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = page(rich, "EconomyPage")
    p.period_button.setChecked(True)
    linked = [c for c in p.costs_model.rows() if c.activity_id is not None]
    assert linked
    activity = rich.store.activities.get(linked[0].activity_id)  # type: ignore[arg-type]
    row = p.costs_model.row_of(linked[0].id)  # type: ignore[arg-type]
    assert cells(p.costs_model)[row][4] == f"{activity.start.isoformat()} {activity.title}"
    dialog = p.cost_dialog(linked[0])
    assert dialog.activity_combo.currentData() == linked[0].activity_id
    assert dialog.cost() == linked[0]
    dialog.deleteLater()


def test_budget_lines_editor_is_one_step(rich: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.economy_actions import edit_budget_lines

    before = _user_data(rich.store.path)

    def rename(d: Any) -> None:
        model = d.model
        model.setData(model.index(0, 0), "Personalkostnader", Qt.ItemDataRole.EditRole)

    with filling(monkeypatch, {"BudgetLinesDialog": rename}):
        assert edit_budget_lines(rich)
    assert rich.store.economy.lines()[0].name == "Personalkostnader"
    p = page(rich, "EconomyPage")
    assert cells(p.rows_model)[0][0] == "Personalkostnader"
    _one_step(rich, "ändra budgetrader")
    _undo_gives_back(rich, before)


def test_the_import_button_opens_the_ledger_import(
    rich: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.ui.ledger_import_dialog as ledger

    p = page(rich, "EconomyPage")
    p.sections.setCurrentIndex(1)
    assert p.import_button.isVisibleTo(p)
    asked: list[object] = []
    monkeypatch.setattr(ledger, "import_ledger", lambda *a: asked.append(a) or False)
    p.import_button.click()
    assert asked == [(rich, rich.store, rich.insats)]


def test_a_years_budget_opens_from_the_period_table(
    rich: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = page(rich, "EconomyPage")
    p.period_button.setChecked(True)
    opened: list[str] = []
    with filling(monkeypatch, {"BudgetDialog": lambda d: opened.append(d.windowTitle())}):
        p._years_double_clicked(p.years_model.index(1, 1))
        p._years_double_clicked(p.years_model.index(p.years_model.rowCount() - 1, 1))
    year = p.years_model.row_at(1).label
    assert opened == [f"Budget {year} – Insatslogg"]  # not for the Totalt row


def test_the_costs_context_menu_offers_the_buttons(rich: MainWindow) -> None:
    p = page(rich, "EconomyPage")
    p.period_button.setChecked(True)
    p.sections.setCurrentIndex(1)
    planned = next(c for c in p.costs_model.rows() if c.planned)
    assert planned.id is not None and p.select_cost(planned.id)
    menu = p.cost_menu()
    offered = [(a.text(), a.isEnabled()) for a in menu.actions()]
    assert offered == [
        ("Ny kostnad…", True),
        ("Ny planerad kostnad…", True),
        ("Ändra…", True),
        ("Ta bort", True),
        ("Markera som bokförd", True),
        ("Importera huvudboksutdrag…", True),
    ]
    menu.deleteLater()
    p.costs_view.clearSelection()
    menu = p.cost_menu()
    enabled = [a.text() for a in menu.actions() if a.isEnabled()]
    assert enabled == ["Ny kostnad…", "Ny planerad kostnad…", "Importera huvudboksutdrag…"]
    menu.deleteLater()
