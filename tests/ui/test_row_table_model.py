"""The shared read-only table model: rows, headers, cells and Qt's view of them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from app.ui.row_table_model import READ_ONLY_FLAGS, RowTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


class Squares(RowTableModel[int]):
    HEADERS = ("Tal", "Kvadrat")

    def cell(self, item: int, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        return str(item if column == 0 else item * item)


def cells(model: RowTableModel[Any]) -> list[list[Any]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_rows_are_shown_cell_by_cell(qtmodeltester: ModelTester) -> None:
    model = Squares()
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (0, 2)

    model.set_rows([2, 3])

    qtmodeltester.check(model)
    assert cells(model) == [["2", "4"], ["3", "9"]]
    assert model.rows() == [2, 3]
    assert model.row_at(1) == 3
    assert model.flags(model.index(0, 0)) == READ_ONLY_FLAGS


def test_headers_and_what_is_not_a_cell() -> None:
    model = Squares()
    model.set_rows([5])
    horizontal = Qt.Orientation.Horizontal

    assert [model.headerData(s, horizontal) for s in range(2)] == ["Tal", "Kvadrat"]
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) == 1  # Qt's row number
    assert model.data(QModelIndex()) is None
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0
    assert Squares().index(0, 0).isValid() is False


def test_a_reset_replaces_the_rows() -> None:
    model = Squares()
    model.set_rows([1, 2, 3])
    kept = model.rows()

    model.set_rows([7])

    assert cells(model) == [["7", "49"]]
    assert kept == [1, 2, 3]  # rows() is a copy
