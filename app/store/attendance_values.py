"""Attendance as stored: the count columns of an activity row and how they read back.
Below both app.store.activities and app.store.activity_import, which read activities
with them (the import's comparison reads many at once)."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.attendance import Attendance
from app.core.vocabulary import OrgCategory, Role
from app.store.columns import COUNT_COLUMNS, ORG_COLUMNS, ROLE_COLUMNS

COUNTS_SQL = ", ".join(f"a.{c}" for c in COUNT_COLUMNS)
_N_ORG = len(ORG_COLUMNS)
_N_ROLE = len(ROLE_COLUMNS)
_ORGS = [OrgCategory(k) for k in ORG_COLUMNS]
_ROLES = [Role(k) for k in ROLE_COLUMNS]


def attendance_from_values(values: Sequence[int]) -> Attendance:
    """Attendance from the values of COUNT_COLUMNS, as stored (already checked)."""
    orgs = dict(zip(_ORGS, values[1 : 1 + _N_ORG], strict=True))
    roles = dict(zip(_ROLES, values[1 + _N_ORG : 1 + _N_ORG + _N_ROLE], strict=True))
    return Attendance(
        values[0], orgs, roles, values[1 + _N_ORG + _N_ROLE], values[2 + _N_ORG + _N_ROLE]
    )
