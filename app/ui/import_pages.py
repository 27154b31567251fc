"""Building blocks of the import preview's tabs: a table, and a page of hint, options, table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from app.importers import ImportContext, ImportReport
from app.importers.report_groups import changed_note, existing_note
from app.importers.table import n_of

Texts = list[tuple[str, ...]]


def table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(200)  # widths from the first rows: fast on 10 000 rows
    header.setStretchLastSection(True)
    return view


def fit(view: QTableView, widest: int = 320) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for c in range(header.count() - 1):
        header.resizeSection(c, min(header.sectionSize(c) + 12, widest))


def page(parent: QWidget, hint: str, *widgets: QWidget) -> QWidget:
    """A tab: a wrapped hint above ``widgets``."""
    widget = QWidget(parent)
    layout = QVBoxLayout(widget)
    label = QLabel(hint, widget)
    label.setWordWrap(True)
    layout.addWidget(label)
    for w in widgets:
        layout.addWidget(w)
    return widget


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def rejected_rows(report: ImportReport) -> Texts:
    return [(r.label, _sentence("; ".join(r.reasons)), r.content) for r in report.rejected]


def duplicate_rows(report: ImportReport, context: ImportContext) -> Texts:
    return [
        (
            d.accepted.label,
            d.accepted.activity.start.isoformat(),
            d.accepted.activity.title,
            context.kommun_name(d.accepted.activity.kommun_id) or d.accepted.activity.scope.label,
            d.reason,
        )
        for d in report.duplicates
    ]


def changed_rows(report: ImportReport) -> Texts:
    """One line per field that differs: the row, the activity, the field, now, after."""
    return [
        (c.accepted.label, c.stored.start.isoformat(), c.stored.title, d.label, d.old, d.new)
        for c in report.changed
        for d in c.differences
    ]


def summary_text(
    report: ImportReport, n: int, shown: int, include_duplicates: bool, update_changed: bool
) -> str:
    """'2 nya aktiviteter importeras · 1 ändrad lämnas som den är · …' (``n`` of the
    ``shown`` new rows ticked)."""
    parts = [f"{n_of(n, 'ny aktivitet', 'nya aktiviteter')} importeras"]
    if series := report.series(include_duplicates):
        parts[0] += f" ({n_of(series, 'serie', 'serier')})"
    if n < shown:
        parts.append(n_of(shown - n, "bortvald", "bortvalda"))
    if report.changed:
        note = changed_note(len(report.changed), update_changed)
        parts.append(f"{n_of(len(report.changed), 'ändrad', 'ändrade')} {note}")
    if report.duplicates:
        note = existing_note(len(report.duplicates), include_duplicates)
        parts.append(f"{len(report.duplicates)} finns redan och {note}")
    if report.rejected:
        parts.append(f"{n_of(len(report.rejected), 'rad', 'rader')} kan inte läsas")
    if report.warnings:
        parts.append(n_of(len(report.warnings), "varning", "varningar"))
    return " · ".join(parts) + "."
