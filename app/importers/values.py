"""Reading single values the way people type them: dates, counts, kommuner, types, status.

Each reader returns the value or raises ValueProblem with a Swedish reason (without the
row number, which the caller adds).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.core import limits
from app.core.entities import ActivityType, Kommun, Organisation
from app.core.vocabulary import Format, OrgCategory, Scope, Status
from app.importers.headers import SCOPE_WORDS, kommun_keys_of
from app.importers.table import Cell, clean_text, fold, is_blank, key, words


class ValueProblem(Exception):
    """A value that cannot be read; the message is Swedish and names the value."""


class YearOutOfRange(ValueProblem):
    """A date that reads, but in a year outside FIRST_YEAR–LAST_YEAR (app/core/limits.py);
    the message names the field ('datumet 0001-01-01 ligger utanför …')."""


# --- dates ------------------------------------------------------------------------------------

EXCEL_EPOCH = date(1899, 12, 30)
# Serial numbers from 1955 to 2119: anything else in a date column is not a date.
_SERIAL_RANGE = (20000, 80000)

MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(
        ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
         "september", "oktober", "november", "december"), start=1)},
    **{m: i for i, m in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"), start=1)},
    **{m: i for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
        start=1)},
    "may": 5, "oct": 10, "sept": 9, "febr": 2,
}  # fmt: skip
_WEEKDAYS = {
    "mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag",
    "man", "tis", "ons", "tors", "tor", "fre", "lor", "son",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
}  # fmt: skip

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}[:.]\d{2}(?::\d{2})?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*|\s+)(\d{4}|\d{2})")
_D_MONTH_Y = re.compile(r"(\d{1,2})\.?\s+([a-zåäö]+)\.?,?\s+(\d{4})")
_MONTH_D_Y = re.compile(r"([a-zåäö]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_RANGE_DAYS = re.compile(r"(\d{1,2})\s*[-–]\s*(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})")
_TIME_SUFFIX = re.compile(
    r"(?:,|\s)\s*(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?$"
)


def _make(y: int, m: int, d: int, shown: str) -> date:
    """The date, the year as written: "0001-01-01" is year 1 (and refused for its year)."""
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueProblem(f"datumet {shown} finns inte") from None


def _month(name: str) -> int | None:
    return MONTHS.get(fold(name).rstrip("."))


def _strip_weekday(text: str) -> str:
    parts = text.split(None, 1)
    if len(parts) == 2 and fold(parts[0]).rstrip(".,") in _WEEKDAYS:
        return parts[1]
    return text


def _text_date(text: str) -> date | None:
    t = _strip_weekday(text.strip())
    t = _TIME_SUFFIX.sub("", t).strip()
    low = t.casefold()
    if m := _ISO.fullmatch(low):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _COMPACT.fullmatch(low):
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    if m := _DMY.fullmatch(low):
        # "15/3 18": a year of two digits is this century's.
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _make(year, int(m[2]), int(m[1]), text)
    if (m := _D_MONTH_Y.fullmatch(low)) and (month := _month(m[2])):
        return _make(int(m[3]), month, int(m[1]), text)
    if (m := _MONTH_D_Y.fullmatch(low)) and (month := _month(m[1])):
        return _make(int(m[3]), month, int(m[2]), text)
    return None


def read_date_range(value: Cell, what: str = "datumet") -> tuple[date, date | None]:
    """A date cell, which may hold a span ("15–16 mars 2018", "2018-03-15 – 2018-03-16").

    A date in a year outside the range Insatslogg takes raises YearOutOfRange, naming
    ``what`` and the date as read."""
    start, end = _date_range(value)
    for day in (start, end):
        if day is not None and (problem := limits.date_problem(day, what)):
            raise YearOutOfRange(problem)
    return start, end


def _date_range(value: Cell) -> tuple[date, date | None]:
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, bool | time):
        raise ValueProblem(f"kan inte läsa datumet ”{clean_text(value)}”")
    if isinstance(value, int | float):
        return _serial(value), None
    text = clean_text(value)
    if not text:
        raise ValueProblem("datum saknas")
    single = _text_date(text)
    if single is not None:
        return single, None
    low = text.casefold()
    if (m := _RANGE_DAYS.fullmatch(low)) and (month := _month(m[3])):
        y = int(m[4])
        return _make(y, month, int(m[1]), text), _make(y, month, int(m[2]), text)
    for sep in ("–", " - ", "—", " till ", " to "):
        if sep in text:
            left, right = text.split(sep, 1)
            start, end = _text_date(left), _text_date(right)
            if start is not None and end is not None:
                return start, end
            # "15/3 – 16/3 2018": the year only once, at the end.
            if end is not None and re.fullmatch(r"\d{1,2}\s*[/.]\s*\d{1,2}", left.strip()):
                d, m2 = re.split(r"\s*[/.]\s*", left.strip())
                return _make(end.year, int(m2), int(d), text), end
    raise ValueProblem(f"kan inte läsa datumet ”{text}”")


def _serial(value: float) -> date:
    if value == int(value) and 19000101 <= value <= 21001231:
        s = str(int(value))
        return _make(int(s[:4]), int(s[4:6]), int(s[6:]), s)
    if not _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
        raise ValueProblem(f"talet {clean_text(value)} är inget datum")
    return EXCEL_EPOCH + timedelta(days=int(value))


def read_date(value: Cell, what: str = "datumet") -> date:
    start, end = read_date_range(value, what)
    if end is not None:
        raise ValueProblem(f"”{clean_text(value)}” är en period, inte ett datum")
    return start


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
