"""The participant counts of one spreadsheet row: total, organisations, roles, gender.

Several columns of one organisation category ("Kalmar kommun", "Nybro kommun") are
added up; for the other counts the first column with a value is used. A breakdown given
on the row that does not add up to the total is kept (the rest is "Ej fördelat") but
carries a warning; one that is larger than the total makes the row unreadable.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.core.attendance import Attendance
from app.core.errors import ValidationError
from app.core.vocabulary import OrgCategory, Role
from app.importers.fields import ORG_FIELDS, ROLE_FIELDS, Field
from app.importers.table import RawRow
from app.importers.values import ValueProblem, read_count

_ORGS: dict[Field, OrgCategory] = {f: OrgCategory(f.value.removeprefix("org_")) for f in ORG_FIELDS}
_ROLES: dict[Field, Role] = {f: Role(f.value.removeprefix("role_")) for f in ROLE_FIELDS}
_GENDER = (Field.WOMEN, Field.MEN)


@dataclass
class RowCounts:
    attendance: Attendance | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_counts(
    row: RawRow, counts: Sequence[tuple[Field, list[int]]], names: dict[int, str]
) -> RowCounts:
    """The row's counts from the count ``counts`` columns (field, column indexes)."""
    out = RowCounts()
    values: dict[Field, int] = {}
    total: int | None = None
    for f, indexes in counts:
        for i in indexes:
            try:
                count = read_count(row.cell(i))
            except ValueProblem as exc:
                out.problems.append(f"kolumnen {names[i]}: {exc}")
                break
            if count is None:
                continue
            if count.approximate:
                out.warnings.append(
                    f"kolumnen {names[i]}: ungefärligt antal, {count.value} används"
                )
            if f is Field.TOTAL:
                total = count.value
            elif f in _ORGS:
                values[f] = values.get(f, 0) + count.value
                continue  # the next column of the same category is added
            else:
                values[f] = count.value
            break
    if out.problems:
        return out
    try:
        out.attendance = Attendance.build(
            total,
            {_ORGS[f]: n for f, n in values.items() if f in _ORGS},
            {_ROLES[f]: n for f, n in values.items() if f in _ROLES},
            values.get(Field.WOMEN, 0),
            values.get(Field.MEN, 0),
        )
    except ValidationError as exc:
        out.problems.extend(p.rstrip(".") for p in exc.problems)
        return out
    out.warnings.extend(_not_adding_up(out.attendance, values))
    return out


def _not_adding_up(a: Attendance, given: dict[Field, int]) -> list[str]:
    """A warning for each breakdown given on the row (some part of it above 0: an export
    writes 0 everywhere when there is no breakdown) that leaves part of the total out."""
    found: list[str] = []
    checks = (
        ("deltagarna per organisation", _ORGS, a.org_unallocated, "Ej fördelat"),
        ("deltagarna per roll", _ROLES, a.role_unallocated, "Ej fördelat"),
        ("kvinnor och män", _GENDER, a.gender_unknown, "Ej angivet"),
    )
    for what, fields, left, rest in checks:
        if left and any(given.get(f, 0) > 0 for f in fields):
            found.append(
                f"{what} ({a.total - left}) går inte ihop med totalt antal deltagare "
                f"({a.total}); {left} blir ”{rest}”"
            )
    return found
