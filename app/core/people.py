"""Named participants and what the law lets them ask for: an extract, erasure, gallring.

Names are optional. The counts of an activity never depend on them: erasing a person
removes the name and the links to activities, and every count stays as it was.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from app.core import limits
from app.core.errors import ValidationError
from app.core.wording import count_noun

# The key of the gallring period (a number of years) in the database's setting table.
GALLRING_SETTING = "gallring_ar"
# The name of an erased person: the row stays, anonymous, so unique counts do not change.
ERASED_NAME = ""
DEFAULT_GALLRING_YEARS = 3
MAX_GALLRING_YEARS = 99
NAME_MAX = limits.PERSON_NAME
EMAIL_MAX = limits.EMAIL

# Something@something.tld, with no spaces and one @: plausible, not proven.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
# Swedish alphabetical order: å, ä, ö come after z (in that order); é sorts as e, ü as y.
_SWEDISH_ORDER = str.maketrans(
    {"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "é": "e", "è": "e", "ü": "y"}
)


@dataclass(frozen=True)
class Person:
    """A named participant of the förbund, reused across activities."""

    id: int | None
    forbund_id: int
    name: str
    organisation_id: int | None = None
    email: str = ""
    # The stored version it was read at (0: not read); see Activity.version.
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class PersonListing:
    """A person with what the privacy view shows beside them."""

    person: Person
    organisation_name: str
    activities: int
    latest: date | None


@dataclass(frozen=True)
class AttendedActivity:
    """One activity a person is named in, as the register extract lists it."""

    start: date
    end: date | None
    title: str
    type_name: str
    place_label: str  # the kommun, or Länsövergripande/Nationellt
    insats_name: str
    status_label: str


def swedish_key(text: str) -> str:
    """A sort key that puts å, ä, ö after z, as a Swedish reader expects."""
    return text.casefold().translate(_SWEDISH_ORDER)


def normalise_person(person: Person) -> Person:
    """Trim the texts; the name's inner spaces are collapsed to one."""
    return replace(
        person,
        name=" ".join(limits.clean(person.name).split()),
        email=limits.clean(person.email).strip(),
    )


def validate_person(person: Person) -> Person:
    """Return the tidied person, or raise ValidationError listing every problem."""
    person = normalise_person(person)
    problems: list[str] = []
    if not person.name:
        problems.append("Ange personens namn.")
    elif len(person.name) > NAME_MAX:
        problems.append(f"Namnet är för långt (högst {NAME_MAX} tecken).")
    if person.email and (len(person.email) > EMAIL_MAX or not _EMAIL.match(person.email)):
        problems.append(
            f"E-postadressen {person.email} ser inte ut som en e-postadress "
            "(t.ex. anna.larsson@gavle.se). Lämna fältet tomt om den inte är känd."
        )
    if problems:
        raise ValidationError(problems)
    return person


def validate_gallring_years(years: int) -> int:
    if not 1 <= years <= MAX_GALLRING_YEARS:
        raise ValidationError([f"Ange ett antal år mellan 1 och {MAX_GALLRING_YEARS}."])
    return years


def gallring_cutoff(today: date, years: int) -> date:
    """The day ``years`` years before ``today``: names last seen before it are gallrade.

    29 February goes back to 28 February in a year that has none.
    """
    validate_gallring_years(years)
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def search_terms(text: str) -> list[str]:
    """The words typed in a search field, case-folded."""
    return text.casefold().split()


def matches(person: Person, terms: Sequence[str]) -> bool:
    """Whether every search term occurs in the person's name or e-mail (any case)."""
    haystack = f"{person.name}\n{person.email}".casefold()
    return all(term in haystack for term in terms)


def match_rank(person: Person, terms: Sequence[str]) -> int:
    """0 when the name starts with the first term, 1 when a word of the name or e-mail
    starts with every term, 2 for any other match. Lower is shown first."""
    if not terms:
        return 2
    name = person.name.casefold()
    if name.startswith(terms[0]):
        return 0
    words = re.split(r"[\s@.\-_]+", f"{name} {person.email.casefold()}")
    if all(any(w.startswith(t) for w in words) for t in terms):
        return 1
    return 2


def search(people: Sequence[Person], text: str, limit: int | None = None) -> list[Person]:
    """The people matching ``text``, best matches first, then in Swedish alphabetical order."""
    terms = search_terms(text)
    found = [p for p in people if matches(p, terms)]
    found.sort(key=lambda p: (match_rank(p, terms), swedish_key(p.name), p.email, p.id or 0))
    return found if limit is None else found[:limit]


def _or_none(value: str) -> str:
    return value if value else "(ingen uppgift)"


def _activities(n: int) -> str:
    return count_noun(n, "aktivitet", "aktiviteter")


def register_extract(
    person: Person,
    organisation_name: str,
    attended: Sequence[AttendedActivity],
    *,
    made_on: date | None = None,
    forbund_name: str = "",
) -> str:
    """The registerutdrag: everything Insatslogg holds about ``person``, as plain text."""
    made_on = made_on or date.today()
    lines = [
        "REGISTERUTDRAG – PERSONUPPGIFTER I INSATSLOGG",
        "",
        f"Utdraget skapat: {made_on.isoformat()}",
    ]
    if forbund_name:
        lines.append(f"Personuppgiftsansvarig verksamhet: {forbund_name}")
    lines += [
        "",
        "UPPGIFTER OM PERSONEN",
        f"Namn:          {person.name}",
        f"Organisation:  {_or_none(organisation_name)}",
        f"E-post:        {_or_none(person.email)}",
        f"Löpnummer:     {person.id if person.id is not None else '(inte sparad)'}",
        "",
        f"AKTIVITETER SOM PERSONEN ÄR REGISTRERAD SOM DELTAGARE I ({_activities(len(attended))})",
    ]
    if not attended:
        lines.append("Personen är inte kopplad till någon aktivitet.")
    ordered = sorted(attended, key=lambda a: (a.start, swedish_key(a.title)))
    for n, a in enumerate(ordered, start=1):
        when = a.start.isoformat()
        if a.end is not None and a.end != a.start:
            when += f" – {a.end.isoformat()}"
        lines += [
            "",
            f"{n}. {when}",
            f"   Titel:   {a.title}",
            f"   Typ:     {a.type_name}",
            f"   Kommun:  {a.place_label}",
            f"   Insats:  {a.insats_name}",
            f"   Status:  {a.status_label}",
        ]
    lines += [
        "",
        "OM UPPGIFTERNA",
        *textwrap.wrap(
            "Namn registreras bara när det behövs för uppföljningen av en aktivitet. "
            "Antalet deltagare räknas utan namn; om personen raderas försvinner namnet, "
            "organisationen, e-postadressen och kopplingarna till aktiviteterna, medan "
            "antalen i uppföljningen är oförändrade.",
            width=78,
        ),
        "",
    ]
    return "\n".join(lines)


def extract_filename(person: Person, made_on: date) -> str:
    """A file name for the extract that every file system accepts."""
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "", person.name).strip(" .") or "person"
    return f"Registerutdrag {safe} {made_on.isoformat()}.txt"
