"""The dialog for adding or editing one activity and who came."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import limits
from app.core.entities import Activity, ActivityType, Kommun, Organisation
from app.core.errors import ValidationError
from app.core.validation import validate_activity
from app.core.vocabulary import Format, Scope, Status
from app.ui.activity_dates import DatesForm
from app.ui.attendance_editor import AttendanceEditor
from app.ui.combo_data import select_data
from app.ui.form_widgets import limit_length, validated
from app.ui.formatting import from_qdate
from app.ui.invitation_fields import InvitationSection
from app.ui.participants_editor import ParticipantsEditor, ParticipantsSection, PeopleSearch
from app.ui.series_row import SeriesRow

if TYPE_CHECKING:
    from app.core.series import Series


@dataclass(frozen=True)
class ActivityChoices:
    """The lists the dialog offers: the insats's types, kommuner and organisations."""

    insats_id: int
    types: tuple[ActivityType, ...]
    kommuner: tuple[Kommun, ...]
    organisations: tuple[Organisation, ...]
    # (id, label) of the insats's samverkansgrupper and of the year plan's goals.
    groups: tuple[tuple[int, str], ...] = ()
    goals: tuple[tuple[int, str], ...] = ()
    # The förbund's named persons; without it the dialog keeps the names it was given.
    people: PeopleSearch | None = None
    # A stored series by id, and the insats's years (a new series' dates lie within them).
    series_of: Callable[[int], Series] | None = None
    years: range | None = None


class ActivityDialog(QDialog):
    def __init__(
        self,
        choices: ActivityChoices,
        activity: Activity | None = None,
        default_date: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._choices = choices
        self._original = activity
        self.result_activity: Activity | None = None
        self.setWindowTitle(
            self.tr("Ny aktivitet")
            if activity is None or activity.id is None
            else self.tr("Redigera aktivitet")
        )
        start = activity.start if activity else (default_date or date.today())

        self.type_combo = QComboBox()
        self.type_combo.setObjectName("type")
        for t in choices.types:
            if t.active or (activity and activity.type_id == t.id):
                self.type_combo.addItem(t.name, t.id)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(self.tr("t.ex. Frukostmöte om ASF i Ockelbo"))

        # Dates: one day, consecutive days, or a training in steps.
        self.dates = DatesForm(start, self)
        # The date widgets, by the names the tests and the rest of the dialog use.
        self.start_edit, self.end_edit = self.dates.start_edit, self.dates.end_edit
        self.one_day, self.many_days = self.dates.one_day, self.dates.many_days
        self.in_steps, self.times = self.dates.in_steps, self.dates.times
        self.steps_list = self.dates.steps.steps_list
        self.step_date_edit = self.dates.steps.date_edit
        self.step_times_edit = self.dates.steps.times_edit
        self.add_step = self.dates.steps.add_button
        self.remove_step = self.dates.steps.remove_button
        self.series_row = SeriesRow(
            activity,
            choices.series_of,
            choices.years,
            lambda: from_qdate(self.start_edit.date()),
            self.in_steps.isChecked,
        )

        # The source gives no exact date, or no exact counts ("datum ungefärligt", "ca").
        self.date_approximate = QCheckBox(self.tr("Datum ungefärligt"))
        self.date_approximate.setObjectName("date_approximate")
        self.counts_approximate = QCheckBox(self.tr("Antalen är uppskattade (ca)"))
        self.counts_approximate.setObjectName("counts_approximate")

        self.where_combo = QComboBox()
        self.where_combo.setObjectName("where")
        for k in choices.kommuner:
            self.where_combo.addItem(k.name, (Scope.KOMMUN.value, k.id))
        self.where_combo.insertSeparator(self.where_combo.count())
        for scope in (Scope.LANSOVERGRIPANDE, Scope.NATIONELLT):
            self.where_combo.addItem(scope.label, (scope.value, None))
        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("place")
        self.place_edit.setPlaceholderText(self.tr("lokal, ort eller länk"))
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("format")
        for f in Format:
            self.format_combo.addItem(f.label, f.value)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("status")
        for s in Status:
            self.status_combo.addItem(s.label, s.value)
        self.coorganisers = QListWidget()
        self.coorganisers.setObjectName("coorganisers")
        self.coorganisers.setMaximumHeight(120)
        for o in choices.organisations:
            item = QListWidgetItem(o.name)
            item.setData(Qt.ItemDataRole.UserRole, o.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.coorganisers.addItem(item)
        self.group_combo = QComboBox()
        self.group_combo.setObjectName("group")
        self.group_combo.addItem(self.tr("(inget – inte ett gruppmöte)"), None)
        for group_id, label in choices.groups:
            self.group_combo.addItem(label, group_id)
        self.goal_combo = QComboBox()
        self.goal_combo.setObjectName("goal")
        self.goal_combo.addItem(self.tr("(inget mål)"), None)
        for goal_id, label in choices.goals:
            self.goal_combo.addItem(label, goal_id)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setObjectName("notes")
        self.notes_edit.setMaximumHeight(80)
        self.highlight_check = QCheckBox(self.tr("Lyft fram i rapporten"))
        self.highlight_check.setObjectName("highlight_check")
        self.highlight_edit = QLineEdit()
        self.highlight_edit.setObjectName("highlight")
        self.highlight_edit.setPlaceholderText(
            self.tr("En mening om aktiviteten, som den står i rapportens höjdpunkter")
        )
        self.highlight_edit.setEnabled(False)
        self.highlight_check.toggled.connect(self.highlight_edit.setEnabled)
        self.attendance = AttendanceEditor()
        self.invitation = InvitationSection()  # link, description, registration
        self.participants: ParticipantsEditor | None = None
        self.participants_section: ParticipantsSection | None = None
        if choices.people is not None:
            self.participants = ParticipantsEditor(choices.people, choices.organisations)
            self.participants_section = ParticipantsSection(self.participants)

        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Spara"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self._layout()
        # A new activity is "genomförd" if its date has passed, else "planerad",
        # until the user picks a status.
        self._status_chosen = activity is not None
        self.status_combo.activated.connect(self._status_picked)
        self.start_edit.dateChanged.connect(self._suggest_status)
        self.dates.load(activity)
        if activity is not None:
            self._load(activity)
        else:
            self._suggest_status()
        for line, limit in (
            (self.title_edit, limits.ACTIVITY_TITLE),
            (self.place_edit, limits.ACTIVITY_PLACE),
            (self.highlight_edit, limits.LONG_TEXT),
        ):
            limit_length(line, limit)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Typ:"), self.type_combo)
        form.addRow(self.tr("Titel/tema:"), self.title_edit)
        self.dates.add_rows(form, beside_date=self.date_approximate)
        self.series_row.add_to(form)
        form.addRow(self.tr("Kommun:"), self.where_combo)
        form.addRow(self.tr("Plats:"), self.place_edit)
        form.addRow(self.tr("Form:"), self.format_combo)
        form.addRow(self.tr("Status:"), self.status_combo)
        form.addRow(self.tr("Medarrangörer:"), self.coorganisers)
        form.addRow(self.tr("Möte i samverkansgrupp:"), self.group_combo)
        form.addRow(self.tr("Mål i årsplanen:"), self.goal_combo)
        form.addRow(self.tr("Anteckningar:"), self.notes_edit)
        form.addRow("", self.highlight_check)
        form.addRow(self.tr("Höjdpunkt:"), self.highlight_edit)

        general = QGroupBox(self.tr("Aktivitet"))
        general.setLayout(form)
        who = QWidget()
        who_layout = QVBoxLayout(who)
        hint = QLabel(
            self.tr(
                "Ange totalt antal, och fördelningen där den är känd. "
                "Det som inte fördelas visas som ”Ej fördelat”."
            )
        )
        hint.setWordWrap(True)
        who_layout.addWidget(hint)
        who_layout.addWidget(self.attendance)
        who_layout.addWidget(self.counts_approximate)
        if self.participants_section is not None:
            who_layout.addWidget(self.participants_section)
        who_layout.addStretch(1)

        columns = QHBoxLayout()
        columns.addWidget(general, 1)
        self.right_tabs = QTabWidget()  # who came, and the invitation
        self.right_tabs.addTab(who, self.tr("Deltagare"))
        self.right_tabs.addTab(self.invitation, self.tr("Inbjudan"))
        columns.addWidget(self.right_tabs, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

    # --- loading and reading ------------------------------------------------------------
    def _load(self, a: Activity) -> None:
        select_data(self.type_combo, a.type_id, self.tr("(borttagen typ, id {})").format(a.type_id))
        self.title_edit.setText(a.title)
        where = (a.scope.value, a.kommun_id if a.scope is Scope.KOMMUN else None)
        select_data(
            self.where_combo, where, self.tr("(borttagen kommun, id {})").format(a.kommun_id)
        )
        self.place_edit.setText(a.place)
        select_data(self.format_combo, a.format.value)
        select_data(self.status_combo, a.status.value)
        chosen = set(a.coorganiser_ids)
        for i in range(self.coorganisers.count()):
            item = self.coorganisers.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                item.setCheckState(Qt.CheckState.Checked)
        self.notes_edit.setPlainText(a.notes)
        self.highlight_check.setChecked(bool(a.highlight.strip()))
        self.highlight_edit.setText(a.highlight)
        # A long title or highlight is read from its beginning.
        for edit in (self.title_edit, self.highlight_edit, self.place_edit):
            edit.setCursorPosition(0)
        for combo, value in ((self.group_combo, a.group_id), (self.goal_combo, a.goal_id)):
            select_data(combo, value, self.tr("(borttagen, id {})").format(value))
        self.attendance.set_attendance(a.attendance)
        self.date_approximate.setChecked(a.date_approximate)
        self.counts_approximate.setChecked(a.counts_approximate)
        if self.participants is not None:
            self.participants.set_participants(a.participant_ids)
        self.invitation.load(a)

    def _status_picked(self, _index: int) -> None:
        self._status_chosen = True

    def _suggest_status(self, *_: object) -> None:
        if self._status_chosen:
            return
        held = from_qdate(self.start_edit.date()) <= date.today()
        status = Status.GENOMFORD if held else Status.PLANERAD
        select_data(self.status_combo, status.value)

    def activity(self) -> Activity:
        """The activity as entered; raises ValidationError listing every problem."""
        problems: list[str] = []
        try:
            attendance = self.attendance.attendance()
        except ValidationError as exc:
            problems += exc.problems
            attendance = None
        scope_value, kommun_id = self.where_combo.currentData()
        type_id = self.type_combo.currentData()
        if type_id is None:
            problems.append("Välj aktivitetstyp.")
        highlight = ""
        if self.highlight_check.isChecked():
            highlight = self.highlight_edit.text().strip()
            if not highlight:
                problems.append(
                    "Skriv en mening om aktiviteten för rapportens höjdpunkter, "
                    "eller bocka ur ”Lyft fram i rapporten”."
                )
        coorganisers = self._coorganiser_ids()
        draft = Activity(
            id=self._original.id if self._original else None,
            version=self._original.version if self._original else 0,
            insats_id=self._original.insats_id if self._original else self._choices.insats_id,
            series_id=self._original.series_id if self._original else None,
            type_id=type_id if type_id is not None else 0,
            title=self.title_edit.text(),
            start=from_qdate(self.start_edit.date()),
            scope=Scope(scope_value),
            kommun_id=kommun_id,
            place=self.place_edit.text(),
            format=Format(self.format_combo.currentData()),
            status=Status(self.status_combo.currentData()),
            coorganiser_ids=coorganisers,
            notes=self.notes_edit.toPlainText(),
            group_id=self.group_combo.currentData(),
            goal_id=self.goal_combo.currentData(),
            participant_ids=self._participant_ids(),
            highlight=highlight,
            date_approximate=self.date_approximate.isChecked(),
            counts_approximate=self.counts_approximate.isChecked(),
        )
        draft = self.invitation.apply(self.dates.apply(draft, problems))
        draft = self.series_row.apply(draft, problems)
        if attendance is not None:
            draft = replace(draft, attendance=attendance)
            try:
                draft = validate_activity(draft)
            except ValidationError as exc:
                problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return draft

    def _coorganiser_ids(self) -> tuple[int, ...]:
        """The ticked co-organisers: those stored keep their order, new ones follow in the
        list's order (an unchanged save gives back exactly what was stored)."""
        ticked = [
            self.coorganisers.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.coorganisers.count())
            if self.coorganisers.item(i).checkState() == Qt.CheckState.Checked
        ]
        stored = self._original.coorganiser_ids if self._original else ()
        kept = [o for o in stored if o in ticked]
        return (*kept, *(o for o in ticked if o not in kept))

    def _participant_ids(self) -> tuple[int, ...]:
        if self.participants is not None:
            return self.participants.participant_ids()
        return self._original.participant_ids if self._original else ()

    def accept(self) -> None:
        activity = validated(self.activity, self.problems)
        if activity is not None:
            self.result_activity = activity
            super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        choices: ActivityChoices,
        activity: Activity | None = None,
        default_date: date | None = None,
    ) -> Activity | None:
        """Show the dialog; the activity entered, or None when cancelled."""
        dialog = cls(choices, activity, default_date, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_activity
        return None
