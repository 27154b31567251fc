"""When an activity is, in its dialog: the date, one day / days in a row / in steps,
the optional clock times ("kl. 9.00 – 11.30"), and the steps editor of a training
given in steps (each step's date and its optional times)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.clock_times import EXAMPLE, clock, format_times, parse_time, parse_times
from app.core.entities import Activity, Step
from app.ui.form_widgets import make_date_edit, show_date
from app.ui.formatting import fmt_date, from_qdate, to_qdate


def _time_line(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMaximumWidth(110)
    return edit


class TimesField(QWidget):
    """Optional start and end time: "kl. [9.00] – [11.30]"; both may be left empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start_edit = _time_line("startTime", "9.00")
        self.end_edit = _time_line("endTime", "11.30")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("kl.")))
        row.addWidget(self.start_edit)
        row.addWidget(QLabel("–"))
        row.addWidget(self.end_edit)
        row.addWidget(QLabel(self.tr("(frivilligt)")))
        row.addStretch(1)

    def set_times(self, start: time | None, end: time | None) -> None:
        self.start_edit.setText(clock(start) if start is not None else "")
        self.end_edit.setText(clock(end) if end is not None else "")

    def times(self, problems: list[str]) -> tuple[time | None, time | None]:
        """The times entered; what cannot be read is added to ``problems``."""
        found: list[time | None] = []
        for label, edit in (("Från", self.start_edit), ("Till", self.end_edit)):
            try:
                found.append(parse_time(edit.text()))
            except ValueError as exc:
                problems.append(f"{label}: {exc}")
                found.append(None)
        return found[0], found[1]


class StepsEditor(QWidget):
    """The steps of a training: a list, and a date and times to add a step with (a date
    already in the list gets the new times)."""

    changed = Signal()

    def __init__(self, first: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list[Step] = []
        self.steps_list = QListWidget()
        self.steps_list.setObjectName("steps")
        self.steps_list.setMaximumHeight(90)
        self.steps_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.date_edit = make_date_edit(first)
        self.date_edit.setObjectName("stepDate")
        self.times_edit = _time_line("stepTimes", f"kl. {EXAMPLE}")
        self.times_edit.setToolTip(self.tr("Stegets tid, frivilligt: t.ex. 9.00–11.30"))
        self.add_button = QPushButton(self.tr("Lägg till steg"))
        self.remove_button = QPushButton(self.tr("Ta bort steg"))
        self.problem = QLabel()
        self.problem.setObjectName("stepProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setVisible(False)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)

        buttons = QVBoxLayout()
        for w in (self.date_edit, self.times_edit, self.add_button, self.remove_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.steps_list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.problem)

    def steps(self) -> tuple[Step, ...]:
        return tuple(self._steps)

    def days(self) -> tuple[date, ...]:
        return tuple(s.day for s in self._steps)

    def set_steps(self, steps: tuple[Step, ...] | list[Step]) -> None:
        by_day = {s.day: s for s in steps}
        self._steps = [by_day[d] for d in sorted(by_day)]
        self.steps_list.clear()
        for n, s in enumerate(self._steps, start=1):
            text = self.tr("Steg {n}: {d}").format(n=n, d=fmt_date(s.day))
            times = format_times(s.start_time, s.end_time)
            self.steps_list.addItem(f"{text}, {times}" if times else text)

    def append(self, step: Step) -> None:
        self.set_steps([*self._steps, step])

    def _add(self) -> None:
        """Add the step in the fields, then suggest the same weekday a week later."""
        try:
            start, end = parse_times(self.times_edit.text())
        except ValueError as exc:
            self.problem.setText(str(exc))
            self.problem.setVisible(True)
            return
        self.problem.setVisible(False)
        day = from_qdate(self.date_edit.date())
        self.append(Step(day, start, end))
        self.date_edit.setDate(to_qdate(day).addDays(7))
        self.changed.emit()

    def _remove(self) -> None:
        row = self.steps_list.currentRow()
        if row < 0:
            row = len(self._steps) - 1
        if row >= 0:
            self.set_steps(self._steps[:row] + self._steps[row + 1 :])
            self.changed.emit()


class DatesForm(QObject):
    """The dialog's rows for when the activity is (added to its form by add_rows)."""

    def __init__(self, start: date, parent: QWidget) -> None:
        super().__init__(parent)
        self.start_edit = make_date_edit(start)
        self.start_edit.setObjectName("start")
        self.one_day = QRadioButton(self.tr("En dag"))
        self.many_days = QRadioButton(self.tr("Flera dagar i följd"))
        self.in_steps = QRadioButton(self.tr("I steg (olika datum)"))
        self._length = QButtonGroup(self)
        for i, b in enumerate((self.one_day, self.many_days, self.in_steps)):
            self._length.addButton(b, i)
        self.end_edit = make_date_edit(start)
        self.end_edit.setObjectName("end")
        self.end_label = QLabel(self.tr("Slutdatum:"))
        self.times = TimesField()
        self.steps = StepsEditor(start)
        self.steps.changed.connect(self._steps_changed)
        self._labels: dict[QWidget, QWidget | None] = {}

    def add_rows(self, form: QFormLayout, beside_date: QWidget | None = None) -> None:
        """The date rows; ``beside_date`` (e.g. "Datum ungefärligt") to the right of the
        date."""
        length_row = QHBoxLayout()
        for b in (self.one_day, self.many_days, self.in_steps):
            length_row.addWidget(b)
        length_row.addStretch(1)
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_label)
        end_row.addWidget(self.end_edit)
        end_row.addStretch(1)
        if beside_date is None:
            form.addRow(self.tr("Datum:"), self.start_edit)
        else:
            date_row = QHBoxLayout()
            date_row.addWidget(self.start_edit)
            date_row.addWidget(beside_date)
            date_row.addStretch(1)
            form.addRow(self.tr("Datum:"), date_row)
        form.addRow(self.tr("Längd:"), length_row)
        form.addRow("", end_row)
        for label, field in (
            (self.tr("Tid:"), self.times),
            (self.tr("Stegens datum och tid:"), self.steps),
        ):
            form.addRow(label, field)
            self._labels[field] = form.labelForField(field)
        self._length.idToggled.connect(self.length_changed)

    def load(self, a: Activity | None) -> None:
        if a is None:
            self.one_day.setChecked(True)
        else:
            show_date(self.start_edit, a.start)
            self.times.set_times(a.start_time, a.end_time)
            if len(a.steps) > 1:
                self.in_steps.setChecked(True)
                self.steps.set_steps(a.timed_steps)
            elif a.end is not None and a.end != a.start:
                self.many_days.setChecked(True)
                show_date(self.end_edit, a.end)
            else:
                self.one_day.setChecked(True)
        self.length_changed()

    def _show(self, field: QWidget, visible: bool) -> None:
        field.setVisible(visible)
        label = self._labels.get(field)
        if label is not None:
            label.setVisible(visible)

    def length_changed(self, *_: object) -> None:
        steps = self.in_steps.isChecked()
        many = self.many_days.isChecked()
        self.end_label.setVisible(many)
        self.end_edit.setVisible(many)
        self._show(self.steps, steps)
        self._show(self.times, not steps)  # each step has its own times
        if steps and not self.steps.steps():
            first = self.start_edit.date()
            self.steps.append(Step(from_qdate(first)))
            self.steps.date_edit.setDate(first.addDays(7))

    def _steps_changed(self) -> None:
        days = self.steps.days()
        if days:
            self.start_edit.setDate(to_qdate(days[0]))

    def apply(self, draft: Activity, problems: list[str]) -> Activity:
        """``draft`` with the dates and times as entered; problems go to ``problems``."""
        end: date | None = None
        steps: tuple[Step, ...] = ()
        start_time, end_time = self.times.times(problems)
        if self.many_days.isChecked():
            end = from_qdate(self.end_edit.date())
        elif self.in_steps.isChecked():
            steps = self.steps.steps()
            if len(steps) < 2:
                problems.append("En utbildning i steg behöver minst två datum.")
        return replace(
            draft,
            start=from_qdate(self.start_edit.date()),
            end=end,
            steps=tuple(s.day for s in steps),
            start_time=start_time,
            end_time=end_time,
            step_times=steps,
        )
