"""The activity dialog's Serie row. A new activity gets "Upprepa…" (the series editor)
and, once a rule is chosen, its description; saving then makes the whole series. An
occurrence of a series shows "Del av serie: … (tillfälle 3 av 12)". Any other activity
has no such row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.entities import Activity

if TYPE_CHECKING:
    from types import ModuleType

    from app.core.series import Series, SeriesRule


def _core() -> ModuleType:
    """app.core.series, imported when a series is first shown (not at start-up)."""
    from app.core import series

    return series


# The dialog's start date and whether it is a training in steps (which no series has).
StartDate = Callable[[], date]
InSteps = Callable[[], bool]


class SeriesRow(QWidget):
    def __init__(
        self,
        activity: Activity | None,
        series_of: Callable[[int], Series] | None,
        years: range | None,
        start: StartDate,
        in_steps: InSteps,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("seriesRow")
        self._start, self._in_steps, self._years = start, in_steps, years
        self.rule: SeriesRule | None = None
        self.label = QLabel()
        self.label.setObjectName("seriesLabel")
        self.label.setWordWrap(True)
        self.repeat = QPushButton(self.tr("Upprepa…"))
        self.repeat.setObjectName("seriesRepeat")
        self.repeat.clicked.connect(self.choose)
        self.no_repeat = QPushButton(self.tr("Upprepa inte"))
        self.no_repeat.setObjectName("seriesNoRepeat")
        self.no_repeat.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.repeat)
        layout.addWidget(self.no_repeat)
        self.is_new = activity is None or (activity.id is None and activity.series_id is None)
        self.shown = self.is_new
        if activity is not None and activity.series_id is not None and activity.id is not None:
            self.shown = series_of is not None
            if series_of is not None:
                self.label.setText(series_of(activity.series_id).place(activity.id))
            self.repeat.hide()
        self._show()

    def add_to(self, form: QFormLayout) -> None:
        if self.shown:
            form.addRow(self.tr("Serie:"), self)

    def _show(self) -> None:
        if self.is_new:
            self.label.setText(
                _core().describe(self.rule) if self.rule else self.tr("Ingen upprepning")
            )
            self.repeat.setText(self.tr("Ändra…") if self.rule else self.tr("Upprepa…"))
        self.no_repeat.setVisible(self.is_new and self.rule is not None)

    def choose(self) -> None:
        if self._in_steps():
            self.label.setText(self.tr("En utbildning i steg kan inte upprepas som serie."))
            return
        from app.ui.series_dialog import SeriesDialog

        rule = SeriesDialog.ask(self, self._start(), self.rule, self._years)
        if rule is not None:
            self.rule = rule
            self._show()

    def clear(self) -> None:
        self.rule = None
        self._show()

    def rule_for(self, start: date) -> SeriesRule | None:
        """The chosen rule from the activity's start date (None: a single activity)."""
        return replace(self.rule, first_date=start) if self.rule else None

    def apply(self, draft: Activity, problems: list[str]) -> Activity:
        """``draft`` with the chosen rule (``series_rule``: saving makes the whole series);
        why the series cannot be made of it is added to ``problems``."""
        rule = self.rule_for(draft.start)
        if rule is None:
            return draft
        if draft.steps:
            problems.append(
                "En utbildning i steg kan inte upprepas som serie; välj ”Upprepa inte”."
            )
        else:
            problems += _core().problems(rule, self._years)
        return replace(draft, series_rule=rule)
