"""The main window's place, size, toolbars, table columns, tab and year, kept in the
settings file between runs (a garbled value is ignored, never an error)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QTableView, QTabWidget

from app.ui.screen_fit import resize_to_fit


def int_setting(settings: QSettings, key: str) -> int | None:
    """A whole number from the settings file, or None if missing or garbled."""
    value = settings.value(key)
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


def restore(window: QMainWindow, settings: QSettings, table: QTableView, tabs: QTabWidget) -> None:
    geometry = settings.value("main/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        resize_to_fit(window, 1280, 800)
    state = settings.value("main/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    header = settings.value("main/tableHeader")
    columns = int_setting(settings, "main/tableColumns")
    # Columns saved for another set of columns (an older version) are not restored.
    if isinstance(header, QByteArray) and columns == table.model().columnCount():
        table.horizontalHeader().restoreState(header)
    tab = int_setting(settings, "main/tab")
    if tab is not None:
        tabs.setCurrentIndex(tab)


def save(
    window: QMainWindow, settings: QSettings, table: QTableView, tabs: QTabWidget, year: int
) -> None:
    settings.setValue("main/geometry", window.saveGeometry())
    settings.setValue("main/state", window.saveState())
    settings.setValue("main/tableHeader", table.horizontalHeader().saveState())
    settings.setValue("main/tableColumns", table.model().columnCount())
    settings.setValue("main/tab", tabs.currentIndex())
    settings.setValue("main/year", year)
    settings.sync()
