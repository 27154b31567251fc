"""Finding a combo box's item by its data, compared as Python values.

``QComboBox.findData`` compares a Python object stored as item data by identity, so a tuple
such as ``("kommun", 5)`` built anew is never found and the caller silently picked the
first item (every activity moved to Bollnäs on an unchanged save). Every combo in the
program is looked up through these functions instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox


def find_data(combo: QComboBox, value: object) -> int:
    """The index of the first item whose data equals ``value``; -1 when there is none."""
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            return index
    return -1


def select_data(combo: QComboBox, value: object, missing_text: str | None = None) -> bool:
    """Make the item whose data equals ``value`` current and return True.

    When no item has that data: with ``missing_text`` an item of that text and data is
    added and chosen (a stored value is kept, never replaced by another); without it
    nothing changes and False is returned.
    """
    index = find_data(combo, value)
    if index < 0:
        if missing_text is None:
            return False
        combo.addItem(missing_text, value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
    return True


def refill_names(combo: QComboBox, all_text: str, names: Sequence[str]) -> None:
    """Fill a filter's list: ``all_text`` (data "") and then each name (its own data),
    keeping the current choice where it still exists; no signal while filling."""
    current = combo.currentData() or ""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_text, "")
    for name in names:
        combo.addItem(name, name)
    combo.setCurrentIndex(max(0, find_data(combo, current)))
    combo.blockSignals(False)
