"""What a new database is set up with: the förbund, its first insats and its lists."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.core import limits
from app.core.entities import Insats, Kommun, Organisation
from app.core.errors import ValidationError
from app.core.validation import validate_insats
from app.core.vocabulary import (
    DEFAULT_ACTIVITY_TYPES,
    DEFAULT_ORGANISATIONS,
    GAVLEBORG_KOMMUNER,
)
from app.core.wording import thousands


@dataclass(frozen=True)
class InitialSetup:
    forbund_name: str
    insats: Insats
    kommuner: tuple[Kommun, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    activity_types: tuple[str, ...] = DEFAULT_ACTIVITY_TYPES


def gavleborg_defaults(today: date | None = None) -> InitialSetup:
    """The suggestion shown on first start: Gävleborg's ten kommuner and usual partners."""
    year = (today or date.today()).year
    return InitialSetup(
        forbund_name="Samordningsförbund Gävleborg",
        insats=Insats(
            id=None,
            forbund_id=None,
            name="Ökad kompetens för utveckling av arbetsintegrerande socialt företagande (ASF)",
            start=date(year, 1, 1),
            end=date(year + 3, 12, 31),
            goals=(
                "Att öka kunskapen om ASF hos förtroendevalda och tjänstepersoner "
                "inom offentlig sektor.\n"
                "Att göra ASF känt på övergripande nivå hos förbundets parter.\n"
                "Att bidra till utveckling av hållbara stödstrukturer för ASF "
                "på lokal och regional nivå."
            ),
            is_current=True,
        ),
        kommuner=tuple(Kommun(None, name, region) for name, region in GAVLEBORG_KOMMUNER),
        organisations=tuple(Organisation(None, name, cat) for name, cat in DEFAULT_ORGANISATIONS),
    )


def _duplicates(names: list[str]) -> list[str]:
    seen: set[str] = set()
    dups: list[str] = []
    for name in names:
        key = name.casefold()
        if key in seen and name not in dups:
            dups.append(name)
        seen.add(key)
    return dups


# The longest name the database holds for each kind of name (app/core/limits.py).
NAME_LIMITS = {
    "kommun": limits.KOMMUN_NAME,
    "organisation": limits.ORGANISATION_NAME,
    "aktivitetstyp": limits.ACTIVITY_TYPE_NAME,
}


def check_names(what: str, names: list[str]) -> list[str]:
    """Problems with a list of names: empty names, names given twice, names too long."""
    problems: list[str] = []
    if any(not n.strip() for n in names):
        problems.append(f"Varje {what} måste ha ett namn.")
    limit = NAME_LIMITS.get(what, limits.LONG_TEXT)
    for n in names:
        if len(n.strip()) > limit:
            shown = n.strip()[:40] + "…"
            problems.append(f"Namnet på {what}en ”{shown}” är längre än {thousands(limit)} tecken.")
    for dup in _duplicates([n.strip() for n in names if n.strip()]):
        problems.append(f"{what.capitalize()} {dup} finns två gånger.")
    return problems


def clean_names(setup: InitialSetup) -> InitialSetup:
    """The setup's names without the characters XML forbids (app/core/limits.py)."""
    clean = limits.clean
    return replace(
        setup,
        forbund_name=clean(setup.forbund_name),
        kommuner=tuple(
            replace(k, name=clean(k.name), delregion=clean(k.delregion)) for k in setup.kommuner
        ),
        organisations=tuple(replace(o, name=clean(o.name)) for o in setup.organisations),
        activity_types=tuple(clean(t) for t in setup.activity_types),
    )


def validate_setup(setup: InitialSetup) -> InitialSetup:
    setup = clean_names(setup)
    problems: list[str] = []
    if not setup.forbund_name.strip():
        problems.append("Ange förbundets namn.")
    elif p := limits.too_long(setup.forbund_name.strip(), limits.FORBUND_NAME, "Förbundets namn"):
        problems.append(f"{p}.")
    try:
        validate_insats(setup.insats)
    except ValidationError as exc:
        problems.extend(exc.problems)
    problems += check_names("kommun", [k.name for k in setup.kommuner])
    problems += check_names("organisation", [o.name for o in setup.organisations])
    problems += check_names("aktivitetstyp", list(setup.activity_types))
    if not setup.activity_types:
        problems.append("Det behövs minst en aktivitetstyp.")
    if problems:
        raise ValidationError(problems)
    return setup
