"""Who came to an activity: counts by organisation category, by role and by gender.

Each breakdown is optional and may be partial: the part of the total that is not
broken down is shown as "Ej fördelat" (or "Ej angivet" for gender), so every
breakdown always sums to the total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from app.core.errors import ValidationError
from app.core.vocabulary import OrgCategory, Role


def _zero_orgs() -> dict[OrgCategory, int]:
    return dict.fromkeys(OrgCategory, 0)


def _zero_roles() -> dict[Role, int]:
    return dict.fromkeys(Role, 0)


@dataclass(frozen=True, slots=True)
class Attendance:
    """Counts for one activity. ``total`` is the number of participants (volume)."""

    total: int = 0
    by_org: Mapping[OrgCategory, int] = field(default_factory=_zero_orgs)
    by_role: Mapping[Role, int] = field(default_factory=_zero_roles)
    women: int = 0
    men: int = 0

    @property
    def org_unallocated(self) -> int:
        return self.total - sum(self.by_org.values())

    @property
    def role_unallocated(self) -> int:
        return self.total - sum(self.by_role.values())

    @property
    def gender_unknown(self) -> int:
        return self.total - self.women - self.men

    def org(self, category: OrgCategory) -> int:
        return self.by_org.get(category, 0)

    def role(self, role: Role) -> int:
        return self.by_role.get(role, 0)

    @classmethod
    def build(
        cls,
        total: int | None,
        by_org: Mapping[OrgCategory, int] | None = None,
        by_role: Mapping[Role, int] | None = None,
        women: int = 0,
        men: int = 0,
    ) -> Attendance:
        """Check the figures and build an Attendance.

        ``total=None`` means "not given": it is then the largest of the breakdowns.
        Raises ValidationError with every contradiction found.
        """
        orgs = _zero_orgs()
        orgs.update(by_org or {})
        roles = _zero_roles()
        roles.update(by_role or {})
        problems: list[str] = []
        for category, n in orgs.items():
            if n < 0:
                problems.append(f"Antalet för {category.label} kan inte vara negativt ({n}).")
        for role, n in roles.items():
            if n < 0:
                problems.append(f"Antalet för {role.label} kan inte vara negativt ({n}).")
        if women < 0:
            problems.append(f"Antalet kvinnor kan inte vara negativt ({women}).")
        if men < 0:
            problems.append(f"Antalet män kan inte vara negativt ({men}).")
        org_sum = sum(orgs.values())
        role_sum = sum(roles.values())
        gender_sum = women + men
        if total is None:
            total = max(org_sum, role_sum, gender_sum)
        if total < 0:
            problems.append(f"Totalt antal deltagare kan inte vara negativt ({total}).")
        else:
            if org_sum > total:
                problems.append(
                    f"Deltagarna per organisation ({org_sum}) är fler än "
                    f"totalt antal deltagare ({total})."
                )
            if role_sum > total:
                problems.append(
                    f"Deltagarna per roll ({role_sum}) är fler än totalt antal deltagare ({total})."
                )
            if gender_sum > total:
                problems.append(
                    f"Kvinnor och män ({gender_sum}) är fler än totalt antal deltagare ({total})."
                )
        if problems:
            raise ValidationError(problems)
        return cls(total=total, by_org=orgs, by_role=roles, women=women, men=men)


def add_up(attendances: Iterable[Attendance]) -> Attendance:
    """The counts of several activities added together (every breakdown adds up too)."""
    total = women = men = 0
    orgs = _zero_orgs()
    roles = _zero_roles()
    for a in attendances:
        total += a.total
        women += a.women
        men += a.men
        for c, n in a.by_org.items():
            orgs[c] += n
        for r, n in a.by_role.items():
            roles[r] += n
    return Attendance(total, orgs, roles, women, men)
