"""The dialog for adding or editing a samverkansgrupp: name, kommun, status history, members."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.entities import Insats, Kommun, Organisation
from app.core.errors import DomainError
from app.core.groups import Group, validate_group
from app.core.vocabulary import GroupStatus, Role
from app.store.database import Store
from app.ui.combo_data import find_data
from app.ui.form_widgets import (
    ErrorLabel,
    choice_combo,
    make_date_edit,
    ok_cancel_buttons,
    run_modal,
)
from app.ui.formatting import SWEDISH, from_qdate, to_qdate
from app.ui.group_lists import NO_ORGANISATION, DateDelegate, MemberListModel, StatusHistoryModel
from app.ui.list_editor import ComboDelegate, ListEditor
from app.ui.screen_fit import resize_to_fit

# --- models -------------------------------------------------------------------------------


# --- delegates ----------------------------------------------------------------------------


def _fixed_column(editor: ListEditor, column: int, width: int) -> None:
    header = editor.view.horizontalHeader()
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(column, width)


# --- the dialog ---------------------------------------------------------------------------


class GroupDialog(QDialog):
    def __init__(
        self,
        store: Store,
        insats: Insats,
        group: Group | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if insats.id is None or insats.forbund_id is None:
            raise DomainError("Insatsen är inte sparad ännu.")
        self.store = store
        self.insats = insats
        self._original = group
        self.result_group: Group | None = None
        self.setLocale(SWEDISH)
        new = group is None or group.id is None
        self.setWindowTitle(
            self.tr("Ny samverkansgrupp – Insatslogg")
            if new
            else self.tr("Redigera samverkansgrupp – Insatslogg")
        )
        self.kommuner: list[Kommun] = store.reference.kommuner(insats.forbund_id)
        self.organisations: list[Organisation] = store.reference.organisations(insats.forbund_id)

        # --- the group ---
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("t.ex. Samverkansgrupp ASF Bollnäs"))
        self.kommun_combo = choice_combo("kommun", self.tr("(välj kommun)"), self.kommuner)
        self.formed_check = QCheckBox(self.tr("Datum känt:"))
        self.formed_check.setObjectName("formedKnown")
        self.formed_edit = make_date_edit(min(date.today(), insats.end))
        self.formed_edit.setObjectName("formed")
        self.formed_check.toggled.connect(self.formed_edit.setEnabled)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 3 + 14)

        # --- status history and members ---
        self.status_model = StatusHistoryModel(
            group.statuses if group else (), self._default_status_day, self
        )
        self.status_editor = ListEditor(self.status_model, movable=False)
        self.status_editor.setObjectName("statuses")
        self.status_delegate = ComboDelegate(
            [(s.label, s.value) for s in GroupStatus], self.status_editor.view
        )
        self.status_editor.view.setItemDelegateForColumn(
            StatusHistoryModel.STATUS, self.status_delegate
        )
        self.status_editor.view.setItemDelegateForColumn(
            StatusHistoryModel.DAY, DateDelegate(self.status_editor.view)
        )
        _fixed_column(self.status_editor, StatusHistoryModel.DAY, DateDelegate.editor_width())
        _fixed_column(
            self.status_editor, StatusHistoryModel.STATUS, self.status_delegate.editor_width()
        )

        self.member_model = MemberListModel(
            group.members if group else (), self.organisations, self
        )
        self.member_editor = ListEditor(self.member_model, movable=False)
        self.member_editor.setObjectName("members")
        org_items: list[tuple[str, Any]] = [(self.tr("(ingen)"), NO_ORGANISATION)]
        org_items += [(o.name, o.id) for o in self.organisations]
        self.org_delegate = ComboDelegate(org_items, self.member_editor.view)
        self.role_delegate = ComboDelegate(
            [(r.label, r.value) for r in Role], self.member_editor.view
        )
        self.member_editor.view.setItemDelegateForColumn(
            MemberListModel.ORGANISATION, self.org_delegate
        )
        self.member_editor.view.setItemDelegateForColumn(MemberListModel.ROLE, self.role_delegate)
        _fixed_column(
            self.member_editor, MemberListModel.ORGANISATION, self.org_delegate.editor_width()
        )
        _fixed_column(self.member_editor, MemberListModel.ROLE, self.role_delegate.editor_width())

        self.error_label = ErrorLabel()
        self.button_box = ok_cancel_buttons(self, self.tr("Spara"), self.tr("Avbryt"))
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)

        self._lay_out()
        self._load(group)
        for editor in (self.status_editor, self.member_editor):
            editor.view.setMinimumHeight(editor.view.verticalHeader().defaultSectionSize() * 5)
        resize_to_fit(self, 900, 760)

    def _lay_out(self) -> None:
        formed_row = QHBoxLayout()
        formed_row.addWidget(self.formed_check)
        formed_row.addWidget(self.formed_edit)
        formed_row.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Namn:"), self.name_edit)
        form.addRow(self.tr("&Kommun:"), self.kommun_combo)
        form.addRow(self.tr("Bildad:"), formed_row)
        form.addRow(self.tr("&Anteckningar:"), self.notes_edit)

        status_box = QGroupBox(self.tr("Status över tid"))
        status_layout = QVBoxLayout(status_box)
        status_hint = QLabel(
            self.tr(
                "Bildat-datumet räknas som status Bildad. Lägg till en rad när gruppen "
                "blir aktiv, vilande eller avslutas, med en anteckning om varför."
            )
        )
        status_hint.setWordWrap(True)
        status_layout.addWidget(status_hint)
        status_layout.addWidget(self.status_editor, 1)

        member_box = QGroupBox(self.tr("Medlemmar"))
        member_layout = QVBoxLayout(member_box)
        member_hint = QLabel(
            self.tr(
                "Organisation och roll för varje plats i gruppen. Namnet är valfritt; "
                "organisationerna läggs upp under Inställningar."
            )
        )
        member_hint.setWordWrap(True)
        member_layout.addWidget(member_hint)
        member_layout.addWidget(self.member_editor, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(status_box, 1)
        layout.addWidget(member_box, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.button_box)

    def _load(self, group: Group | None) -> None:
        self.formed_check.setChecked(False)
        self.formed_edit.setEnabled(False)
        if group is None:
            return
        self.name_edit.setText(group.name)
        self.name_edit.setCursorPosition(0)
        # A kommun with a group cannot be removed, so the group's kommun is in the list.
        self.kommun_combo.setCurrentIndex(max(find_data(self.kommun_combo, group.kommun_id), 0))
        if group.formed is not None:
            self.formed_check.setChecked(True)
            self.formed_edit.setDate(to_qdate(group.formed))
        self.notes_edit.setPlainText(group.notes)

    def _default_status_day(self) -> date:
        """A new status row's date: today, or the insats's last day if it has ended."""
        today = date.today()
        return min(today, self.insats.end)

    # --- reading and saving ---------------------------------------------------------------
    def group(self) -> Group:
        """The group as the dialog shows it (not yet validated)."""
        self.status_editor.commit_pending()
        self.member_editor.commit_pending()
        assert self.insats.id is not None
        return Group(
            id=self._original.id if self._original else None,
            version=self._original.version if self._original else 0,
            insats_id=self._original.insats_id if self._original else self.insats.id,
            kommun_id=self.kommun_combo.currentData(),
            name=self.name_edit.text(),
            formed=from_qdate(self.formed_edit.date()) if self.formed_check.isChecked() else None,
            notes=self.notes_edit.toPlainText(),
            statuses=tuple(self.status_model.entities()),
            members=tuple(self.member_model.entities()),
        )

    def accept(self) -> None:
        if self.error_label.attempt(self._save, self._take_theirs):
            super().accept()

    def _take_theirs(self, theirs: object) -> None:
        """A colleague's newer version read in instead of mine: the page shows it."""
        if isinstance(theirs, Group):
            self.result_group = theirs
            super().accept()

    def _save(self) -> None:
        self.result_group = self.store.groups.save(validate_group(self.group()))

    @classmethod
    def ask(
        cls, parent: QWidget | None, store: Store, insats: Insats, group: Group | None = None
    ) -> Group | None:
        """Show the dialog; the group as saved, or None when cancelled."""
        try:
            dialog = cls(store, insats, group, parent)
        except DomainError as exc:
            QMessageBox.warning(parent, "Insatslogg", str(exc))
            return None
        return dialog.result_group if run_modal(dialog) else None
