"""Entering who came: a total and its breakdowns by organisation, role and gender.

Each breakdown may be left partly or wholly empty; what is not broken down is
shown live as "Ej fördelat". A total of 0 with parts filled in means "count it
from the parts".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.attendance import Attendance
from app.core.errors import ValidationError
from app.core.vocabulary import OrgCategory, Role

MAX_COUNT = 100_000


def _spin() -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, MAX_COUNT)
    spin.setAccelerated(True)
    spin.setMinimumWidth(80)
    return spin


class AttendanceEditor(QWidget):
    """Spin boxes for every count, with live remainders and a Swedish problem text."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = _spin()
        self.total.setObjectName("total")
        self.total_hint = QLabel()
        self.total_hint.setObjectName("totalHint")
        self.org_spins = {c: _spin() for c in OrgCategory}
        self.role_spins = {r: _spin() for r in Role}
        self.women = _spin()
        self.men = _spin()
        self.org_rest = QLabel()
        self.role_rest = QLabel()
        self.gender_rest = QLabel()
        self.problems = QLabel()
        self.problems.setObjectName("attendanceProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")

        top = QFormLayout()
        total_row = QHBoxLayout()
        total_row.addWidget(self.total)
        total_row.addWidget(self.total_hint, 1)
        top.addRow(self.tr("Totalt antal deltagare:"), total_row)

        org_box = QGroupBox(self.tr("Per organisation"))
        org_form = QFormLayout(org_box)
        for c, spin in self.org_spins.items():
            spin.setObjectName(f"org_{c.value}")
            org_form.addRow(c.label + ":", spin)
        org_form.addRow(self.tr("Ej fördelat:"), self.org_rest)

        role_box = QGroupBox(self.tr("Per roll"))
        role_form = QFormLayout(role_box)
        for r, spin in self.role_spins.items():
            spin.setObjectName(f"role_{r.value}")
            role_form.addRow(r.label + ":", spin)
        role_form.addRow(self.tr("Ej fördelat:"), self.role_rest)

        gender_box = QGroupBox(self.tr("Per kön"))
        gender_form = QFormLayout(gender_box)
        self.women.setObjectName("women")
        self.men.setObjectName("men")
        gender_form.addRow(self.tr("Kvinnor:"), self.women)
        gender_form.addRow(self.tr("Män:"), self.men)
        gender_form.addRow(self.tr("Ej angivet:"), self.gender_rest)

        # Two columns (organisation and kön; roll), so the activity dialog fits a
        # 1366 pixels wide laptop screen.
        boxes = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(org_box)
        left.addWidget(gender_box)
        left.addStretch(1)
        boxes.addLayout(left)
        right = QVBoxLayout()
        right.addWidget(role_box)
        right.addStretch(1)
        boxes.addLayout(right)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(boxes)
        layout.addWidget(self.problems)

        for spin in self._all_spins():
            spin.valueChanged.connect(self._update)
        self._update()

    def _all_spins(self) -> list[QSpinBox]:
        return [
            self.total,
            *self.org_spins.values(),
            *self.role_spins.values(),
            self.women,
            self.men,
        ]

    def set_attendance(self, a: Attendance) -> None:
        for spin in self._all_spins():
            spin.blockSignals(True)
        self.total.setValue(a.total)
        for c, spin in self.org_spins.items():
            spin.setValue(a.org(c))
        for r, spin in self.role_spins.items():
            spin.setValue(a.role(r))
        self.women.setValue(a.women)
        self.men.setValue(a.men)
        for spin in self._all_spins():
            spin.blockSignals(False)
        self._update()

    def _parts(self) -> tuple[dict[OrgCategory, int], dict[Role, int]]:
        return (
            {c: s.value() for c, s in self.org_spins.items()},
            {r: s.value() for r, s in self.role_spins.items()},
        )

    def attendance(self) -> Attendance:
        """The counts as entered; raises ValidationError when they contradict each other."""
        orgs, roles = self._parts()
        any_part = (
            any(orgs.values()) or any(roles.values()) or self.women.value() or self.men.value()
        )
        total: int | None = self.total.value()
        if total == 0 and any_part:
            total = None  # count it from the parts
        return Attendance.build(total, orgs, roles, self.women.value(), self.men.value())

    def _update(self) -> None:
        try:
            a = self.attendance()
        except ValidationError as exc:
            self.problems.setText("\n".join(exc.problems))
            self.problems.setVisible(True)
            for label in (self.org_rest, self.role_rest, self.gender_rest):
                label.setText("–")
            self.total_hint.setText("")
        else:
            self.problems.setText("")
            self.problems.setVisible(False)
            self.org_rest.setText(str(a.org_unallocated))
            self.role_rest.setText(str(a.role_unallocated))
            self.gender_rest.setText(str(a.gender_unknown))
            if self.total.value() == 0 and a.total > 0:
                self.total_hint.setText(self.tr("räknas från fördelningen: {}").format(a.total))
            else:
                self.total_hint.setText("")
        self.changed.emit()
