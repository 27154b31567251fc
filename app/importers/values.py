"""Reading single values the way people type them: counts, kommuner, types, status.

Each reader returns the value or raises ValueProblem with a Swedish reason (without the
row number, which the caller adds). Dates and clock times are read in date_values.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from app.core.entities import ActivityType, Kommun, Organisation
from app.core.vocabulary import Format, OrgCategory, Scope, Status
from app.importers.headers import SCOPE_WORDS, kommun_keys_of
from app.importers.table import Cell, clean_text, fold, is_blank, key, words


class ValueProblem(Exception):
    """A value that cannot be read; the message is Swedish and names the value."""


# --- counts -----------------------------------------------------------------------------------

# More participants than this is a typing error (and too big for the database to hold).
MAX_COUNT = 10_000_000
_COUNT_SUFFIXES = ("stycken", "personer", "deltagare", "pers.", "pers", "st.", "st", "p")
_APPROX_PREFIXES = ("ca.", "ca", "cirka", "c:a", "ungefär", "~", "drygt", "knappt", "about")


@dataclass(frozen=True)
class Count:
    value: int
    approximate: bool = False


def read_count(value: Cell) -> Count | None:
    """A count, or None for an empty cell. "12", "12 st", "ca 12" (approximate), "-" = 0."""
    if type(value) is int and 0 <= value <= MAX_COUNT:  # the common case, first
        return Count(value)
    if is_blank(value):
        return None
    if isinstance(value, bool | date | time):
        raise ValueProblem(f"”{clean_text(value)}” är inget antal")
    if isinstance(value, int):  # too big for a float, perhaps
        return Count(_whole(float(max(-1, min(MAX_COUNT + 1, value))), clean_text(value)))
    if isinstance(value, float):
        return Count(_whole(value, clean_text(value)))
    text = clean_text(value)
    t = fold(text).replace("\u00a0", " ")
    if t in ("-", "–", "—", "0", "inga", "ingen", "none"):
        return Count(0)
    approximate = False
    for prefix in _APPROX_PREFIXES:
        if t.startswith(prefix):
            t, approximate = t[len(prefix) :].strip(), True
            break
    for suffix in _COUNT_SUFFIXES:
        if t.endswith(suffix):
            t = t[: -len(suffix)].strip()
            break
    t = t.replace(" ", "").replace(",", ".")
    try:
        number = float(t)
    except ValueError:
        raise ValueProblem(f"”{text}” är inget antal") from None
    return Count(_whole(number, text), approximate)


def _whole(number: float, shown: str) -> int:
    if math.isnan(number):
        raise ValueProblem(f"”{shown}” är inget antal")
    if number < 0:
        raise ValueProblem(f"antalet {shown} är negativt")
    if number > MAX_COUNT:
        limit = f"{MAX_COUNT:,}".replace(",", " ")
        raise ValueProblem(f"antalet {shown} är orimligt stort (högst {limit})")
    if not number.is_integer():
        raise ValueProblem(f"antalet {shown} är inte ett heltal")
    return int(number)


# --- kommun and scope -------------------------------------------------------------------------


@dataclass(frozen=True)
class Where:
    scope: Scope
    kommun_id: int | None = None
    unmatched: str = ""  # text that named no kommun (kept as the place)


def read_where(value: Cell, kommuner: Sequence[Kommun]) -> Where:
    """A kommun cell: a kommun ("Gävle kommun" → Gävle), the county, or the country."""
    text = clean_text(value)
    if not text:
        return Where(Scope.LANSOVERGRIPANDE)
    by_key = {key(m.name): m for m in kommuner}
    for k in kommun_keys_of(text):
        if k in by_key:
            return Where(Scope.KOMMUN, by_key[k].id)
        if k in SCOPE_WORDS:
            return Where(Scope(SCOPE_WORDS[k]))
    return Where(Scope.LANSOVERGRIPANDE, None, text)


def find_kommun_in(text: str, kommuner: Sequence[Kommun]) -> Kommun | None:
    """The one kommun named as a word in free text ("Stadshuset, Gävle"), if exactly one."""
    ws = set(words(text))
    found = [m for m in kommuner if set(words(m.name)) <= ws and words(m.name)]
    return found[0] if len(found) == 1 else None


# --- activity type ----------------------------------------------------------------------------

# Words in a title or type cell and the default type they suggest, most specific first.
TYPE_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("kunskapsdialog", "Kunskapsdialog"),
    ("inspirationsdag", "Inspirationsdag"),
    ("inspiration", "Inspirationsdag"),
    ("frukost", "Frukostmöte"),
    ("breakfast", "Frukostmöte"),
    ("seminari", "Seminarium"),
    ("seminar", "Seminarium"),
    ("webbinar", "Seminarium"),
    ("konferens", "Konferens"),
    ("conference", "Konferens"),
    ("workshop", "Workshop"),
    ("utbildning", "Utbildning"),
    ("kurs", "Utbildning"),
    ("training", "Utbildning"),
    ("temadag", "Temadag"),
    ("studiebesök", "Studiebesök"),
    ("studiebesok", "Studiebesök"),
    ("nätverk", "Nätverksmöte"),
    ("natverk", "Nätverksmöte"),
    ("network", "Nätverksmöte"),
    ("podcast", "Podd"),
    ("podd", "Podd"),
    ("film", "Film/media"),
    ("informationsmöte", "Informationsmöte"),
    ("information", "Informationsmöte"),
    ("info", "Informationsmöte"),
    ("processtöd", "Processtöd"),
    ("processtod", "Processtöd"),
)
FALLBACK_TYPE = "Övrigt"


@dataclass(frozen=True)
class TypeMatch:
    type: ActivityType
    exact: bool  # the cell named the type exactly (no guess)


def _by_name(types: Sequence[ActivityType], name: str) -> ActivityType | None:
    k = fold(name)
    return next((t for t in types if fold(t.name) == k), None)


def guess_type(text: str, types: Sequence[ActivityType]) -> ActivityType | None:
    """The type a title or type text suggests, or None when nothing fits."""
    low = fold(text)
    if not low:
        return None
    types = [t for t in types if t.active]
    # A type of the user's own list named in the text ("Frukostmöte om ASF").
    for t in sorted(types, key=lambda t: -len(t.name)):
        if len(t.name) >= 4 and fold(t.name) in low:
            return t
    for word, name in TYPE_KEYWORDS:
        if fold(word) in low:
            found = _by_name(types, name)
            if found is not None:
                return found
    return None


def read_type(
    type_text: str, title: str, types: Sequence[ActivityType]
) -> tuple[TypeMatch | None, str]:
    """The type from the type cell (exact, or guessed from it), else guessed from the title.

    Returns the match (None when not even the fallback type exists) and a warning, if any.
    """
    if type_text:
        exact = _by_name(types, type_text)
        if exact is not None:
            return TypeMatch(exact, True), ""
        guessed = guess_type(type_text, types) or guess_type(title, types)
        if guessed is not None:
            return TypeMatch(guessed, False), (
                f"typen ”{type_text}” finns inte i listan; tolkad som {guessed.name}"
            )
        fallback = _by_name(types, FALLBACK_TYPE)
        if fallback is None:
            return None, ""
        return TypeMatch(fallback, False), (
            f"typen ”{type_text}” finns inte i listan; lagd som {fallback.name}"
        )
    guessed = guess_type(title, types) or _by_name(types, FALLBACK_TYPE)
    return (TypeMatch(guessed, False) if guessed else None), ""


# --- status and format ------------------------------------------------------------------------

_STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(
        ("genomford", "genomfort", "genomforda", "klar", "klart", "done", "held", "completed",
         "ja", "utford", "utfort", "avslutad", "holdt"),
        Status.GENOMFORD,
    ),
    **dict.fromkeys(
        ("planerad", "planerat", "planerade", "planned", "kommande", "bokad", "bokat",
         "preliminar", "scheduled"),
        Status.PLANERAD,
    ),
    **dict.fromkeys(
        ("installd", "installt", "installda", "cancelled", "canceled", "avbokad", "avbokat",
         "struken", "stalldesin", "integenomford", "ejgenomford", "nej"),
        Status.INSTALLD,
    ),
}  # fmt: skip


def read_status(value: Cell) -> Status | None:
    """The status a cell names; None when it is empty; ValueProblem when unknown."""
    text = clean_text(value)
    if not text:
        return None
    found = _STATUS_WORDS.get(key(text))
    if found is None:
        raise ValueProblem(f"statusen ”{text}” är okänd")
    return found


_FORMAT_WORDS: dict[str, Format] = {
    **dict.fromkeys(
        ("fysiskt", "fysisk", "paplats", "physical", "inperson", "onsite", "lokalt", "plats"),
        Format.FYSISKT,
    ),
    **dict.fromkeys(
        ("digitalt", "digital", "online", "teams", "zoom", "webb", "webben", "distans", "skype",
         "virtual", "virtuellt", "webbinar", "webinar", "videomote", "googlemeet", "meet"),
        Format.DIGITALT,
    ),
    **dict.fromkeys(("hybrid", "hybridmote", "fysisktochdigitalt"), Format.HYBRID),
}  # fmt: skip


def read_format(value: Cell) -> Format | None:
    text = clean_text(value)
    if not text:
        return None
    found = _FORMAT_WORDS.get(key(text))
    if found is None:
        raise ValueProblem(f"formen ”{text}” är okänd (Fysiskt, Digitalt eller Hybrid)")
    return found


DIGITAL_PLACES = ("teams", "zoom", "skype", "google meet", "webex", "digitalt", "online")


def format_from_place(place: str) -> Format | None:
    low = fold(place)
    return Format.DIGITALT if any(w in low for w in DIGITAL_PLACES) else None


# --- co-organisers ----------------------------------------------------------------------------

_ABBREVIATIONS = {
    "af": OrgCategory.ARBETSFORMEDLINGEN,
    "fk": OrgCategory.FORSAKRINGSKASSAN,
    "region": OrgCategory.REGION,
    "regionen": OrgCategory.REGION,
}


def read_coorganisers(
    value: Cell, organisations: Sequence[Organisation]
) -> tuple[list[int], list[str]]:
    """The organisations a cell names (by name, abbreviation in brackets, AF/FK); the rest."""
    text = clean_text(value)
    if not text:
        return [], []
    whole = _organisation(text, organisations)
    if whole is not None:
        return [whole], []
    found: list[int] = []
    unknown: list[str] = []
    # Whole names first: "Sveriges Kommuner och Regioner (SKR)" holds an "och".
    rest = text
    for o in sorted(organisations, key=lambda o: -len(o.name)):
        match = re.search(re.escape(o.name), rest, re.IGNORECASE)
        if match is not None and o.id is not None:
            found.append(o.id)
            rest = rest[: match.start()] + ";" + rest[match.end() :]
    for part in re.split(r"[,;\n]| och | & | \+ ", rest):
        part = part.strip()
        if not part:
            continue
        org = _organisation(part, organisations)
        if org is None:
            unknown.append(part)
        else:
            found.append(org)
    return found, unknown


def _organisation(text: str, organisations: Sequence[Organisation]) -> int | None:
    k = key(text)
    for o in organisations:
        if key(o.name) == k:
            return o.id
    for o in organisations:
        brackets = re.search(r"\(([^)]+)\)", o.name)
        if brackets and key(brackets[1]) == k:
            return o.id
    category = _ABBREVIATIONS.get(k)
    if category is not None:
        of_kind = [o for o in organisations if o.category is category]
        if len(of_kind) == 1:
            return of_kind[0].id
    # The start of one organisation's name: "Coompanion" for "Coompanion Gävleborg".
    starting = [o for o in organisations if len(k) >= 4 and key(o.name).startswith(k)]
    return starting[0].id if len(starting) == 1 else None
