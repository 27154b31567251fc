"""The group dialog's editable lists — the status history and the members — and the date
editor of their cells."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDateEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.core.entities import Organisation
from app.core.groups import GroupMember, GroupStatusChange
from app.core.vocabulary import GroupStatus, Role
from app.ui.form_widgets import (
    make_date_edit,
)
from app.ui.formatting import DATE_FORMAT, SWEDISH, fmt_date, from_qdate, to_qdate
from app.ui.list_models import Column, EntityListModel
from app.ui.row_table_model import is_cell

AnyIndex = QModelIndex | QPersistentModelIndex


_CONTEXT = "GroupDialog"


NO_ORGANISATION = -1  # the organisation combo's value for "(ingen)"


def _display_or_edit(role: int, display: Any, edit: Any) -> Any:
    """What a cell shown as ``display`` and edited as ``edit`` holds for ``role``."""
    if role == Qt.ItemDataRole.DisplayRole:
        return display
    if role == Qt.ItemDataRole.EditRole:
        return edit
    return None


class StatusHistoryModel(EntityListModel[Any]):
    """The group's status changes: date, status, note. Sorted by date when saved."""

    DAY, STATUS, NOTE = range(3)
    columns = (
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Datum")), "day"),
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Status")), "status"),
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Anteckning")), "note", stretch=True),
    )

    def __init__(
        self,
        rows: Sequence[GroupStatusChange] = (),
        default_day: Callable[[], date] = date.today,
        parent: Any = None,
    ) -> None:
        super().__init__(rows, parent)
        self._default_day = default_day

    def new_entity(self) -> GroupStatusChange:
        taken = {c.day for c in self.entities()}
        day = self._default_day()
        while day in taken:
            day += timedelta(days=1)
        return GroupStatusChange(day, GroupStatus.AKTIV, "")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not is_cell(self, index):
            return None
        change: GroupStatusChange = self.entity(index.row())
        if index.column() == self.DAY:
            return _display_or_edit(role, fmt_date(change.day), to_qdate(change.day))
        if index.column() == self.STATUS:
            return _display_or_edit(role, change.status.label, change.status.value)
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not is_cell(self, index) or role != Qt.ItemDataRole.EditRole:
            return False
        change: GroupStatusChange = self.entity(index.row())
        if index.column() == self.DAY:
            if isinstance(value, QDate) and value.isValid():
                new = replace(change, day=from_qdate(value))
            elif isinstance(value, date):
                new = replace(change, day=value)
            else:
                return False
        elif index.column() == self.STATUS:
            try:
                new = replace(change, status=GroupStatus(value))
            except ValueError:
                return False
        else:
            return super().setData(index, value, role)
        return self.replace_row(index, new, role)


class MemberListModel(EntityListModel[Any]):
    """The group's members: organisation (or none), role, and a name if wanted."""

    ORGANISATION, ROLE, NAME = range(3)
    columns = (
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Organisation")), "organisation_id"),
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Roll")), "role"),
        Column(str(QT_TRANSLATE_NOOP(_CONTEXT, "Namn (valfritt)")), "name", stretch=True),
    )

    def __init__(
        self,
        rows: Sequence[GroupMember] = (),
        organisations: Sequence[Organisation] = (),
        parent: Any = None,
    ) -> None:
        super().__init__(rows, parent)
        self._org_names = {o.id: o.name for o in organisations if o.id is not None}

    def new_entity(self) -> GroupMember:
        return GroupMember(None, None, Role.TJANSTEPERSON, "")

    def org_name(self, organisation_id: int | None) -> str:
        if organisation_id is None:
            return self.tr("(ingen)")
        return self._org_names.get(organisation_id, f"(id {organisation_id})")

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not is_cell(self, index):
            return None
        member: GroupMember = self.entity(index.row())
        if index.column() == self.ORGANISATION:
            org_id = member.organisation_id
            edit = NO_ORGANISATION if org_id is None else org_id
            return _display_or_edit(role, self.org_name(org_id), edit)
        if index.column() == self.ROLE:
            return _display_or_edit(role, member.role.label, member.role.value)
        return super().data(index, role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not is_cell(self, index) or role != Qt.ItemDataRole.EditRole:
            return False
        member: GroupMember = self.entity(index.row())
        if index.column() == self.ORGANISATION:
            try:
                org_id = int(value)
            except (TypeError, ValueError):
                return False
            new = replace(member, organisation_id=None if org_id == NO_ORGANISATION else org_id)
        elif index.column() == self.ROLE:
            try:
                new = replace(member, role=Role(value))
            except ValueError:
                return False
        else:
            return super().setData(index, value, role)
        return self.replace_row(index, new, role)


class DateDelegate(QStyledItemDelegate):
    """Edits a date cell with a Swedish date field (yyyy-MM-dd) and a calendar."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        edit = QDateEdit(parent)
        edit.setLocale(SWEDISH)
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setCalendarPopup(True)
        return edit

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit) and isinstance(value, QDate):
            editor.setDate(value)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    @staticmethod
    def editor_width() -> int:
        probe = make_date_edit(date(2018, 12, 31))
        try:
            return probe.sizeHint().width() + 8
        finally:
            probe.deleteLater()
