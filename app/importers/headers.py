"""Finding the header row of a spreadsheet and what each of its columns holds.

Headers are matched on a folded key (case, spaces, punctuation and diacritics ignored)
against Swedish and English synonyms. A few headers mean different things in different
sheets ("Kommun" is the place in one column and the number of kommun participants in
another; "Ort" may be a kommun or a room); those are decided by the column's content.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime

from app.core.entities import Organisation
from app.importers.fields import ORG_FIELDS, ROLE_FIELDS, Field
from app.importers.mapping import ColumnMapping, MappedColumn
from app.importers.organisations import match_organisation_header
from app.importers.table import RawRow, RawTable, clean_text, is_blank, key, words

HEADER_SEARCH_ROWS = 20
MIN_HEADER_MATCHES = 2

# Headers that need the column's content (or its neighbours) to be decided.
AMBIGUOUS_KOMMUN = "?kommun"  # the kommun, or participants from a kommun
AMBIGUOUS_ORT = "?ort"  # a kommun, or a place
AMBIGUOUS_OVRIGA = "?ovriga"  # the role Övriga, or the organisation category Annan

_SYNONYMS: dict[Field | str, tuple[str, ...]] = {
    Field.DATE: (
        "datum", "date", "startdatum", "start date", "start", "från", "från datum",
        "fr o m", "fom", "dag", "day", "datum för aktivitet", "aktivitetsdatum", "när",
    ),
    Field.END_DATE: (
        "slutdatum", "end date", "end", "slut", "till", "till datum", "t o m", "tom",
        "enddate", "to",
    ),
    Field.TIME: (
        "tid", "kl", "klockan", "klockslag", "klockslaget", "tider", "tidpunkt", "time",
        "tid kl", "kl från till", "tid (kl.)",
    ),
    Field.START: ("starttid", "start tid", "börjar", "start time", "från kl", "kl från"),
    Field.END: ("sluttid", "slut tid", "slutar", "end time", "till kl", "kl till"),
    Field.TYPE: (
        "typ", "aktivitet", "aktivitetstyp", "type", "activity", "activity type",
        "typ av aktivitet", "aktivitetsform", "kategori", "category",
    ),
    Field.TITLE: (
        "titel", "tema", "rubrik", "title", "subject", "ämne", "titel tema", "titel/tema",
        "namn", "benämning", "aktivitetens namn", "name", "topic", "innehåll", "tema/innehåll",
    ),
    AMBIGUOUS_KOMMUN: ("kommun", "kommunen", "kommuner"),
    Field.KOMMUN: ("municipality", "kommunnamn", "i kommun", "vilken kommun", "geografi"),
    AMBIGUOUS_ORT: ("ort", "plats/ort", "ort/plats", "kommun/ort", "ort/kommun"),
    Field.PLACE: ("plats", "lokal", "location", "plats/lokal", "lokal/plats", "adress",
                  "venue", "place", "var"),
    Field.FORMAT: ("form", "format", "mötesform", "genomförande", "fysiskt/digitalt",
                   "digitalt/fysiskt", "fysisk/digital"),
    Field.STATUS: ("status", "genomförd", "state"),
    Field.COORGANISERS: (
        "medarrangör", "medarrangörer", "co-organiser", "co-organisers", "co-organizer",
        "co-organizers", "coorganiser", "coorganizer", "samarrangör", "samarrangörer",
        "medarrangörer/samverkanspartner", "partners",
    ),
    Field.TOTAL: (
        "antal", "deltagare", "antal deltagare", "totalt", "total", "participants",
        "attendees", "deltagare totalt", "totalt antal deltagare", "antal totalt",
        "number of participants", "summa deltagare", "deltagare (antal)", "antal deltagare totalt",
        "deltagarantal", "totalt antal", "antal pers", "antal personer", "deltagande",
    ),
    Field.WOMEN: ("kvinnor", "women", "antal kvinnor", "female", "kv", "varav kvinnor"),
    Field.MEN: ("män", "men", "antal män", "male", "varav män"),
    Field.ORG_ARBETSFORMEDLINGEN: ("arbetsförmedlingen", "af", "arbetsförmedling"),
    Field.ORG_FORSAKRINGSKASSAN: ("försäkringskassan", "fk", "försäkringskassa"),
    Field.ORG_KOMMUN: ("kommunala", "från kommun", "från kommunen", "kommun antal"),
    Field.ORG_REGION: ("region", "regionen", "landsting", "landstinget", "region/landsting"),
    Field.ORG_ASF: ("asf", "socialt företag", "sociala företag", "asf-företag", "asf företag"),
    Field.ORG_ANNAN: ("annan", "annat", "andra", "annan organisation", "andra organisationer",
                      "övriga organisationer", "other"),
    Field.ROLE_TJANSTEPERSON: (
        "tjänsteperson", "tjänstepersoner", "medarbetare", "tjänsteperson/medarbetare",
        "tjänstepersoner/medarbetare", "handläggare", "staff",
    ),
    Field.ROLE_CHEF: ("chef", "chefer", "managers", "manager", "ledning"),
    Field.ROLE_FORTROENDEVALD: (
        "förtroendevald", "förtroendevalda", "politiker", "politicians",
        "politiskt förtroendevalda",
    ),
    Field.ROLE_ASF_FORETRADARE: (
        "asf-företrädare", "asf företrädare", "företrädare asf", "företrädare för asf",
        "asf-representanter", "asf representanter",
    ),
    AMBIGUOUS_OVRIGA: ("övriga",),
    Field.ROLE_OVRIGA: ("övriga roller", "övrig roll"),
    Field.NOTES: (
        "anteckningar", "anteckning", "notes", "note", "kommentar", "kommentarer", "comment",
        "comments", "övrigt", "beskrivning", "description", "noteringar", "notering",
    ),
    # The program's own export names a meeting's samverkansgrupp and an activity's goal by
    # their names, which need not be unique: read back, they are left as they are stored
    # (never added to the notes, never a difference). So are its marks of an approximate
    # date or estimated counts: they are set in the activity's dialog.
    Field.IGNORE: ("samverkansgrupp", "mål i årsplanen", "datum ungefärligt",
                   "antalen uppskattade (ca)"),
}  # fmt: skip

SYNONYMS: dict[str, Field | str] = {
    key(phrase): target for target, phrases in _SYNONYMS.items() for phrase in phrases
}
# Words that say nothing about what a column holds ("Antal kvinnor" is "Kvinnor").
_FILLER = {"antal", "st", "nr", "number", "of", "no", "varav", "summa", "totalt"}


# "Organisation: Kommun", "Roll: Övriga", "Kön: Kvinnor" (as the export writes them).
_PREFIXES: dict[str, tuple[frozenset[Field], dict[str, Field]]] = {
    **dict.fromkeys(
        ("organisation", "organisationer", "org", "fran"),
        (frozenset(ORG_FIELDS), {AMBIGUOUS_KOMMUN: Field.ORG_KOMMUN,
                                 AMBIGUOUS_OVRIGA: Field.ORG_ANNAN}),
    ),
    **dict.fromkeys(
        ("roll", "roller", "role", "roles"),
        (frozenset(ROLE_FIELDS), {AMBIGUOUS_OVRIGA: Field.ROLE_OVRIGA}),
    ),
    **dict.fromkeys(("kon", "gender"), (frozenset((Field.WOMEN, Field.MEN)), {})),
}  # fmt: skip
# What is left when a breakdown does not cover the total: worked out, never read.
_REMAINDERS = {"ejfordelat", "ejfordelade", "ejangivet", "okant", "unknown", "unallocated"}


def _prefixed(text: str) -> Field | str | None:
    prefix, rest = text.split(":", 1)
    kind = _PREFIXES.get(key(prefix))
    if kind is None:
        return match_header(rest)
    if key(rest) in _REMAINDERS:
        return Field.IGNORE
    allowed, ambiguous = kind
    found = match_header(rest)
    if isinstance(found, str) and found in ambiguous:
        return ambiguous[found]
    return found if found in allowed else None


def match_header(text: str) -> Field | str | None:
    """The field (or ambiguous marker) a header names, or None when it is not known."""
    if not text.strip():
        return None
    if ":" in text.strip(" :"):
        return _prefixed(text.strip(" :"))
    found = SYNONYMS.get(key(text))
    if found is not None:
        return found
    tokens = words(text)
    kept = [w for w in tokens if w not in _FILLER]
    if kept and kept != tokens:
        found = SYNONYMS.get("".join(kept))
        if found is not None:
            return found
    for part in text.replace("(", "/").replace(")", "/").split("/"):
        if part.strip() and part.strip() != text.strip():
            found = SYNONYMS.get(key(part))
            if found is not None:
                return found
    return None


def _header_score(row: RawRow) -> tuple[int, bool]:
    """How many cells name a known field, and whether one is a date, title or type."""
    hits = [match_header(c) for c in row.cells if isinstance(c, str)]
    known = [h for h in hits if h is not None]
    essential = any(h in (Field.DATE, Field.TITLE, Field.TYPE) for h in known)
    return len(known), essential


def find_header(rows: Sequence[RawRow]) -> int | None:
    """The position in ``rows`` of the header row, or None when none is found."""
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        count, essential = _header_score(row)
        if count >= MIN_HEADER_MATCHES and essential:
            return i
    return None


def _samples(rows: Sequence[RawRow], index: int, n: int = 3) -> tuple[str, ...]:
    out: list[str] = []
    for r in rows:
        v = r.cell(index)
        if not is_blank(v):
            out.append(clean_text(v))
            if len(out) == n:
                break
    return tuple(out)


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if isinstance(value, str):
        t = value.strip().replace(" ", "").removesuffix("st").strip()
        return t.replace(",", "").replace(".", "").isdigit()
    return False


def _content(
    rows: Sequence[RawRow], index: int, kommun_keys: Collection[str]
) -> tuple[int, int, int]:
    """Of the column's non-blank cells: how many are numbers, kommun names, anything."""
    numbers = kommuner = filled = 0
    for r in rows[:500]:
        v = r.cell(index)
        if is_blank(v) or isinstance(v, date | datetime):
            continue
        filled += 1
        if _is_number(v):
            numbers += 1
        elif kommun_like(clean_text(v), kommun_keys):
            kommuner += 1
    return numbers, kommuner, filled


def kommun_keys_of(text: str) -> list[str]:
    """The keys a kommun cell may stand for: 'Sandvikens kommun' → sandvikens, sandviken."""
    k = key(text)
    found = [k]
    for suffix in ("kommunen", "kommun", "stad", "kn"):
        if k.endswith(suffix) and len(k) > len(suffix):
            base = k[: -len(suffix)]
            found += [base, base[:-1]] if base.endswith("s") else [base]
            break
    for prefix in ("kommunen", "kommun"):
        if k.startswith(prefix) and len(k) > len(prefix):
            found.append(k[len(prefix) :])
            break
    return found


def kommun_like(text: str, kommun_keys: Collection[str]) -> bool:
    """Whether ``text`` names one of the kommuner, the county or the country."""
    return any(k in kommun_keys or k in SCOPE_WORDS for k in kommun_keys_of(text))


# Words for the whole county and for the country (folded keys).
SCOPE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "lanet", "lansovergripande", "helalanet", "regionalt", "regional", "lansgemensamt",
            "allakommuner", "lansniva", "county", "lanovergripande",
        ),
        "lansovergripande",
    ),
    **dict.fromkeys(
        ("nationellt", "riket", "nationell", "helalandet", "sverige", "national", "nationally"),
        "nationellt",
    ),
}  # fmt: skip


def _neighbour_kind(columns: list[tuple[int, Field | str | None]], at: int) -> str | None:
    """'org' or 'role': the kind of the nearest decided count column to the left."""
    for _, target in reversed(columns[:at]):
        if target in ORG_FIELDS:
            return "org"
        if target in ROLE_FIELDS:
            return "role"
    return None


def _looks_like_data(row: RawRow) -> bool:
    """A row with a date or a number in it is data, not a second header row — also in a
    CSV, where every cell is text and an activity's co-organiser ("Arbetsförmedlingen")
    or status ("Genomförd") can read like a column name."""
    for cell in row.cells:
        if isinstance(cell, date | datetime | int | float) and not isinstance(cell, bool):
            return True
        if isinstance(cell, str) and any(ch.isdigit() for ch in cell):
            return True
    return False


def build_mapping(
    table: RawTable,
    header_at: int,
    kommun_names: Collection[str],
    organisations: Sequence[Organisation] = (),
) -> tuple[ColumnMapping, int]:
    """The mapping read from the header row at position ``header_at`` of ``table.rows``.

    A header naming one of ``organisations`` ("Region Kalmar län", "Coompanion") over a
    column of numbers counts for that organisation's category; one naming organisations
    of different categories goes to the notes, with a note saying why.

    A second header row right below (group headers merged over sub-headers, such as
    "Deltagare" over "AF | FK | Kommun") is taken in too. Returns the mapping and the
    position of the first data row.
    """
    rows = table.rows
    header = rows[header_at]
    texts = [clean_text(header.cell(i)) for i in range(table.width)]
    first_data = header_at + 1
    if first_data < len(rows):
        below = rows[first_data]
        below_texts = [clean_text(below.cell(i)) for i in range(table.width)]
        sub_hits = [match_header(t) for t in below_texts]
        if sum(h is not None for h in sub_hits) >= MIN_HEADER_MATCHES and not _looks_like_data(
            below
        ):
            texts = [
                b if b and h is not None else (t or b)
                for t, b, h in zip(texts, below_texts, sub_hits, strict=True)
            ]
            first_data += 1
    data = rows[first_data:]
    kommun_keys = {key(n) for n in kommun_names}
    targets: list[tuple[int, Field | str | None]] = [
        (i, match_header(t)) for i, t in enumerate(texts)
    ]

    decided: dict[int, Field] = {}
    for i, target in targets:
        if isinstance(target, Field):
            decided[i] = target
    has_kommun = Field.KOMMUN in decided.values()
    # "Kommun": text → the kommun; numbers → participants from a kommun.
    for i, target in targets:
        if target == AMBIGUOUS_KOMMUN:
            numbers, _, filled = _content(data, i, kommun_keys)
            counts = (
                numbers * 2 > filled
                if filled
                else has_kommun or (_neighbour_kind(targets, i) == "org")
            )
            if counts:
                decided[i] = Field.ORG_KOMMUN
            elif has_kommun:
                decided[i] = Field.ORG_KOMMUN if numbers else Field.EXTRA
            else:
                decided[i] = Field.KOMMUN
                has_kommun = True
    # "Ort" (and "Plats" when there is no kommun column): kommun names → the kommun.
    for i, target in targets:
        if target == AMBIGUOUS_ORT or (target is Field.PLACE and not has_kommun):
            _, kommuner, filled = _content(data, i, kommun_keys)
            if not has_kommun and filled and kommuner * 2 >= filled:
                decided[i] = Field.KOMMUN
                has_kommun = True
            else:
                decided[i] = Field.PLACE
    # "Övriga": a role after role columns, the organisation category Annan after organisations.
    for at, (i, target) in enumerate(targets):
        if target == AMBIGUOUS_OVRIGA:
            kind = _neighbour_kind([(j, decided.get(j)) for j, _ in targets], at)
            if kind is None:
                kind = "role" if any(f in ROLE_FIELDS for f in decided.values()) else "org"
            decided[i] = Field.ROLE_OVRIGA if kind == "role" else Field.ORG_ANNAN

    columns: list[MappedColumn] = []
    for i, text in enumerate(texts):
        samples = _samples(data, i)
        org = match_organisation_header(text, organisations) if i not in decided else None
        if org is not None:
            numbers, _, filled = _content(data, i, kommun_keys)
            counts = not filled or numbers * 2 > filled  # text named so is no count
            if counts and org.ambiguous:
                note = (
                    f"Kolumnen ”{text}” kan vara flera organisationer ({org.names}); "
                    "värdena läggs i anteckningarna. Välj fältet under Kolumner."
                )
                columns.append(MappedColumn(i, text, Field.EXTRA, False, samples, note=note))
                continue
            if counts and org.field is not None:
                columns.append(
                    MappedColumn(i, text, org.field, True, samples, organisation=org.names)
                )
                continue
        if i in decided:
            columns.append(MappedColumn(i, text, decided[i], True, samples))
        elif samples:
            columns.append(MappedColumn(i, text, Field.EXTRA, False, samples))
        else:
            columns.append(MappedColumn(i, text, Field.IGNORE, not text, samples))
    header_row = rows[first_data - 1].number
    return ColumnMapping(header_row, columns), first_data
