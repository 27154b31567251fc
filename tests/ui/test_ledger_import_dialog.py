"""Arkiv → Importera huvudboksutdrag…: the konto table confirmed, a line changed in its
combo, the preview, the import into the store; a file with an error imports nothing;
in the window, one step of Ångra."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from app.core.entities import Insats
from app.core.money import kronor
from app.store.database import Store
from app.ui import ledger_import_dialog
from app.ui.ledger_import_dialog import LedgerImportDialog
from app.ui.ledger_import_models import LINE
from app.ui.main_window import MainWindow
from tests.ledger_files import Row, random_rows, table, write_ledger, write_xlsx


def cells(model: object) -> list[list[str]]:
    m = model  # a QAbstractItemModel
    return [
        [str(m.data(m.index(r, c)) or "") for c in range(m.columnCount())]  # type: ignore[attr-defined]
        for r in range(m.rowCount())  # type: ignore[attr-defined]
    ]


@pytest.fixture
def rows() -> list[Row]:
    seed = random.randrange(1 << 30)
    print("seed", seed)
    rows = random_rows(random.Random(seed), date(2019, 1, 1), date(2019, 12, 31), 30)
    # one row of Personal always, for the test that moves a Personal konto
    return sorted(
        [*rows, Row(date(2019, 2, 1), "P1", "5010", "Lön", 100000)], key=lambda r: r.konto
    )


@pytest.fixture
def dialog(qtbot: QtBot, store: Store, insats: Insats) -> Iterator[LedgerImportDialog]:
    d = LedgerImportDialog(store, insats)
    qtbot.addWidget(d)
    d.show()
    yield d


def choose_line(d: LedgerImportDialog, konto: str, name: str) -> None:
    """Pick ``name`` in the konto's Budgetrad combo, as the user does."""
    model = d.mapping_model
    (row,) = [r for r in range(model.rowCount()) if model.row_at(r).konto == konto]
    combo = d.mapping_view.indexWidget(model.index(row, LINE))
    assert isinstance(combo, QComboBox)
    at = combo.findText(name)
    assert at >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(at)
    combo.activated.emit(at)


def test_choose_confirm_change_and_import(
    qtbot: QtBot,
    dialog: LedgerImportDialog,
    store: Store,
    insats: Insats,
    rows: list[Row],
    tmp_path: Path,
    qtmodeltester: object,
) -> None:
    path = write_ledger(tmp_path, rows, "visma", "xlsx")
    dialog.set_path(path)
    qtmodeltester.check(dialog.mapping_model)  # type: ignore[attr-defined]
    shown = cells(dialog.mapping_model)
    konton = sorted({r.konto for r in rows})
    assert [c[0] for c in shown] == konton
    for c in shown:
        of = [r for r in rows if r.konto == c[0]]
        assert c[1:4] == [of[0].kontonamn, str(len(of)), kronor(sum(r.amount for r in of))]
        assert c[4] == (of[0].line or "Inte en kostnad för insatsen")
        assert c[5] == "ny"
    # new konton: Importera waits for the confirmation
    assert dialog.confirm_box.isVisible() and not dialog.import_button.isEnabled()
    moved = next(r.konto for r in rows if r.line == "Personal")
    choose_line(dialog, moved, "Material")
    line_of = {r.konto: ("Material" if r.konto == moved else r.line) for r in rows}
    expected: dict[str, int] = {}
    for r in rows:
        if (line := line_of[r.konto]) is not None:
            expected[line] = expected.get(line, 0) + r.amount
    by_line = {c[0]: c[2] for c in cells(dialog.line_model)}
    assert by_line == {
        **{k: kronor(v) for k, v in expected.items()},
        "Totalt": kronor(sum(expected.values())),
    }
    assert dialog.mapping_model.data(dialog.mapping_model.index(
        konton.index(moved), LINE)) == "Material"  # fmt: skip
    dialog.confirm_box.setChecked(True)
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == f"Importera {len(dialog.plan.costs)} kostnader"  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert insats.id is not None
    lines = {x.id: x.name for x in store.economy.lines()}
    got: dict[str, int] = {}
    for c in store.economy.costs(insats.id):
        got[lines[c.line_id]] = got.get(lines[c.line_id], 0) + c.amount
    assert got == expected
    assert dialog.added == sum(1 for r in rows if r.line)
    assert store.economy.mapping()[moved].line_id == next(
        i for i, n in lines.items() if n == "Material"
    )


def test_the_second_time_everything_is_a_duplicate(
    dialog: LedgerImportDialog, store: Store, insats: Insats, rows: list[Row], tmp_path: Path
) -> None:
    path = write_ledger(tmp_path, rows, "kommun", "csv", "cp1252")
    dialog.set_path(path)
    dialog.confirm_box.setChecked(True)
    dialog.import_now()
    again = LedgerImportDialog(store, insats)
    again.set_path(path)
    assert "ny" not in [c[5] for c in cells(again.mapping_model)]
    assert not again.confirm_box.isVisibleTo(again)
    assert cells(again.added_model) == []
    assert len(cells(again.dup_model)) == sum(1 for r in rows if r.line)
    assert not again.import_button.isEnabled()
    assert again.tabs.tabText(again.dup_tab) == f"Dubbletter ({sum(1 for r in rows if r.line)})"
    again.deleteLater()


def test_a_file_with_an_error_has_no_importera(
    dialog: LedgerImportDialog, store: Store, insats: Insats, rows: list[Row], tmp_path: Path
) -> None:
    data = table(rows, "kommun", as_text=False)
    at = next(i for i, c in enumerate(data) if len(c) > 4 and c[4] == rows[3].verifikation)
    data[at][3] = "31.02.2019"
    dialog.set_path(write_xlsx(tmp_path / "fel.xlsx", data))
    assert cells(dialog.error_model) == [[str(at + 1), "datumet 31.02.2019 finns inte"]]
    assert dialog.tabs.currentIndex() == dialog.error_tab
    assert not dialog.import_button.isVisibleTo(dialog)
    assert "ingenting kan importeras" in dialog.summary.text()
    not_ledger = tmp_path / "lista.csv"
    not_ledger.write_text("Namn;Telefon\n", encoding="utf-8")
    dialog.set_path(not_ledger)
    assert "ser inte ut som ett huvudboksutdrag" in dialog.status.text()
    assert not dialog.import_button.isVisibleTo(dialog)


def test_from_the_arkiv_menu_one_step_of_angra(
    qtbot: QtBot,
    store: Store,
    insats: Insats,
    rows: list[Row],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = write_ledger(tmp_path, rows, "fortnox", "xlsx")
    monkeypatch.setattr(ledger_import_dialog, "open_file_name", lambda *a, **k: path)

    def confirm_and_import(d: LedgerImportDialog) -> int:
        d.confirm_box.setChecked(True)
        d.import_now()
        return 1

    monkeypatch.setattr(LedgerImportDialog, "exec", confirm_and_import)
    window = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    arkiv = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in arkiv.actions()]  # type: ignore[union-attr]
    assert "Importera &huvudboksutdrag…" in texts
    steps = window.undo_stack.count()
    window.act_import_ledger.trigger()
    assert insats.id is not None
    assert len(store.economy.costs(insats.id)) == sum(1 for r in rows if r.line)
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == "importera huvudboksutdrag"
    window.undo_stack.undo()
    assert store.economy.costs(insats.id) == []
    assert store.economy.mapping() == {}
