"""A set-up given as text, the way ``insatslogg init`` takes it: dates as YYYY-MM-DD,
kommuner as "A,B,…", organisations as "Namn=kategori,…" (a category by its key or its
Swedish name, in any case)."""

from __future__ import annotations

from datetime import date

from app.core.entities import Insats, Kommun, Organisation
from app.core.errors import ValidationError
from app.core.setup import InitialSetup, validate_setup
from app.core.vocabulary import OrgCategory


def parse_date(text: str) -> date:
    """A date written YYYY-MM-DD; ValidationError in Swedish otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            [f"”{text}” är inget datum. Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2025-01-01."]
        ) from None


def category_names() -> str:
    """The categories as the user may write them: ``arbetsformedlingen (Arbetsförmedlingen), …``."""
    return ", ".join(
        c.value if c.value == c.label.casefold() else f"{c.value} ({c.label})" for c in OrgCategory
    )


def parse_category(text: str) -> OrgCategory:
    """An organisation category by its key or its Swedish name, in any case."""
    wanted = text.strip().casefold()
    for category in OrgCategory:
        if wanted in (category.value, category.label.casefold()):
            return category
    raise ValidationError(
        [f"Kategorin ”{text.strip()}” finns inte. Giltiga kategorier: {category_names()}."]
    )


def split_list(text: str) -> list[str]:
    """``"A, B ,C"`` → ``["A", "B", "C"]``; an empty text is an empty list."""
    return [part.strip() for part in text.split(",")] if text.strip() else []


def parse_organisations(text: str) -> list[Organisation]:
    """``"Namn=kategori,…"``; every problem found, at once, as one ValidationError."""
    organisations: list[Organisation] = []
    problems: list[str] = []
    for part in split_list(text):
        name, sep, category = part.partition("=")
        if not sep or not category.strip():
            problems.append(
                f"Organisationen ”{part}” saknar kategori. Skriv Namn=kategori, "
                f"t.ex. Gävle kommun=kommun. Giltiga kategorier: {category_names()}."
            )
            continue
        try:
            organisations.append(Organisation(None, name.strip(), parse_category(category)))
        except ValidationError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ValidationError(problems)
    return organisations


def setup_from_values(
    forbund_name: str,
    insats_name: str,
    start: date,
    end: date,
    kommuner: list[str],
    organisations: list[Organisation],
    goals: str = "",
) -> InitialSetup:
    """A validated set-up from plain values (names checked, end not before start)."""
    return validate_setup(
        InitialSetup(
            forbund_name=forbund_name,
            insats=Insats(None, None, insats_name, start, end, goals, is_current=True),
            kommuner=tuple(Kommun(None, name) for name in kommuner),
            organisations=tuple(organisations),
        )
    )
