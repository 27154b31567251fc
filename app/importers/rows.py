"""Turning the rows of a spreadsheet into activities, or into rejected rows with a reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.entities import Activity
from app.core.errors import DomainError, ValidationError
from app.core.progress import Progress
from app.core.validation import validate_activity
from app.core.vocabulary import Format, Scope, Status
from app.importers import changes
from app.importers.counts import read_counts
from app.importers.date_values import read_row_dates
from app.importers.fields import ORG_FIELDS, ROLE_FIELDS, Field
from app.importers.headers import build_mapping, find_header
from app.importers.mapping import ColumnMapping
from app.importers.report import (
    AcceptedRow,
    ImportContext,
    ImportReport,
    RejectedRow,
    SourceKind,
    split_rows,
)
from app.importers.table import (
    Cell,
    RawRow,
    RawTable,
    clean_lines,
    clean_text,
    is_blank,
    n_of,
    words,
)
from app.importers.values import (
    ValueProblem,
    find_kommun_in,
    format_from_place,
    read_coorganisers,
    read_format,
    read_status,
    read_type,
    read_where,
)

_COUNT_ORDER = (Field.TOTAL, *ORG_FIELDS, *ROLE_FIELDS, Field.WOMEN, Field.MEN)
# A held activity nobody came to: a count forgotten, most likely.
HELD_EMPTY = "genomförd utan deltagare"
TOTAL_WORDS = {"summa", "totalt", "total", "sum", "totals", "summering", "totalsumma"}
PROGRESS_EVERY = 500


def _spans(rows: Sequence[int], limit: int = 8) -> str:
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (" …" if len(rows) > limit else "")


@dataclass
class _Columns:
    """The mapping as lookups: the columns of each field, in order."""

    by_field: dict[Field, list[int]]
    names: dict[int, str]
    counts: list[tuple[Field, list[int]]]  # the count fields that have columns, in order

    @classmethod
    def of(cls, mapping: ColumnMapping) -> _Columns:
        by_field: dict[Field, list[int]] = {}
        for c in mapping.columns:
            by_field.setdefault(c.field, []).append(c.index)
        counts = [(f, by_field[f]) for f in _COUNT_ORDER if f in by_field]
        return cls(by_field, {c.index: c.name for c in mapping.columns}, counts)

    def value(self, row: RawRow, f: Field) -> Cell:
        """The first non-blank value among the columns holding ``f``."""
        for i in self.by_field.get(f, ()):
            v = row.cell(i)
            if not is_blank(v):
                return v
        return None

    def text(self, row: RawRow, f: Field) -> str:
        return clean_text(self.value(row, f))

    def has(self, f: Field) -> bool:
        return f in self.by_field


class _RowParser:
    def __init__(self, mapping: ColumnMapping, context: ImportContext) -> None:
        self.cols = _Columns.of(mapping)
        self.context = context
        self.warnings: list[str] = []
        self.no_kommun: list[int] = []
        self.kommun_from_place: list[int] = []
        self.outside_period: list[int] = []
        self._given: dict[frozenset[str], frozenset[str]] = {}

    def is_totals(self, row: RawRow) -> str | None:
        """Why the row is not an activity but a totals or heading row, or None."""
        cols = self.cols
        date_cell = cols.value(row, Field.DATE)
        date_words = words(clean_text(date_cell)) if isinstance(date_cell, str) else []
        if not is_blank(date_cell) and not (date_words and date_words[0] in TOTAL_WORDS):
            return None
        for cell in row.cells:
            if isinstance(cell, str):
                w = words(cell)
                if w and w[0] in TOTAL_WORDS:
                    return f"summeringsrad (”{clean_text(cell)}”)"
        if cols.text(row, Field.TITLE) or cols.text(row, Field.TYPE):
            return None
        if any(isinstance(c, int | float) and not isinstance(c, bool) for c in row.cells):
            return "summeringsrad (antal utan datum och titel)"
        shown = next((clean_text(c) for c in row.cells if not is_blank(c)), "")
        return f"ingen aktivitet (bara ”{shown}”)"

    def parse(self, row: RawRow) -> AcceptedRow | RejectedRow:
        cols, ctx = self.cols, self.context
        label = f"Rad {row.number}"
        problems: list[str] = []
        warn: list[str] = []
        notes: list[str] = []

        when = read_row_dates(
            *(cols.value(row, f) for f in (Field.DATE, Field.END_DATE, Field.TIME)),
            *(cols.value(row, f) for f in (Field.START, Field.END)),
        )
        problems += when.problems
        start = when.start

        type_text = cols.text(row, Field.TYPE)
        title = cols.text(row, Field.TITLE)
        if not title and type_text:
            if cols.has(Field.TITLE):
                warn.append(f"titel saknas; ”{type_text}” används som titel")
            title = type_text
        match, type_warning = read_type(type_text, title, ctx.types)
        if type_warning:
            warn.append(type_warning)
        if match is None:
            problems.append(
                f"ingen aktivitetstyp passar ”{type_text or title}”, och typen Övrigt finns "
                "inte i listan"
            )

        place = cols.text(row, Field.PLACE)
        if cols.has(Field.KOMMUN):
            where = read_where(cols.value(row, Field.KOMMUN), ctx.kommuner)
            if where.unmatched:
                warn.append(
                    f"kommunen ”{where.unmatched}” finns inte i förbundet; lagd som "
                    "länsövergripande med texten som plats"
                )
                place = f"{where.unmatched}, {place}" if place else where.unmatched
            elif where.scope is Scope.LANSOVERGRIPANDE and is_blank(cols.value(row, Field.KOMMUN)):
                self.no_kommun.append(row.number)
            scope, kommun_id = where.scope, where.kommun_id
        else:
            found = find_kommun_in(place, ctx.kommuner) if place else None
            if found is not None:
                scope, kommun_id = Scope.KOMMUN, found.id
                self.kommun_from_place.append(row.number)
            else:
                scope, kommun_id = Scope.LANSOVERGRIPANDE, None
                self.no_kommun.append(row.number)

        fmt: Format | None = None
        try:
            fmt = read_format(cols.value(row, Field.FORMAT))
        except ValueProblem as exc:
            warn.append(f"{exc}; lagd som Fysiskt")
        if fmt is None:
            fmt = format_from_place(place) or Format.FYSISKT

        status: Status | None = None
        try:
            status = read_status(cols.value(row, Field.STATUS))
        except ValueProblem as exc:
            problems.append(f"{exc} (Planerad, Genomförd eller Inställd)")
        if status is None and start is not None:
            status = Status.PLANERAD if start > ctx.today else Status.GENOMFORD

        coorganisers, unknown = read_coorganisers(
            cols.value(row, Field.COORGANISERS), ctx.organisations
        )
        for name in unknown:
            warn.append(
                f"medarrangören ”{name}” finns inte bland organisationerna; se anteckningar"
            )
            notes.append(f"Medarrangör: {name}")

        read = read_counts(row, cols.counts, cols.names)
        problems.extend(read.problems)
        warn.extend(read.warnings)
        attendance = read.attendance

        for i in cols.by_field.get(Field.NOTES, ()):
            text = clean_lines(row.cell(i))
            if text:
                notes.insert(0, text)
        for i in cols.by_field.get(Field.EXTRA, ()):
            text = clean_text(row.cell(i))
            if text:
                notes.append(f"{cols.names[i]}: {text}")

        if problems or start is None or match is None or attendance is None or status is None:
            reasons = tuple(problems) or ("raden kan inte läsas",)
            return RejectedRow(row.number, label, reasons, _content(row))
        try:
            activity = validate_activity(
                Activity(
                    id=None,
                    insats_id=ctx.insats_id,
                    type_id=_id(match.type.id),
                    title=title,
                    start=start,
                    end=when.end,
                    start_time=when.start_time,
                    end_time=when.end_time,
                    scope=scope,
                    kommun_id=kommun_id,
                    place=place,
                    format=fmt,
                    status=status,
                    coorganiser_ids=tuple(coorganisers),
                    notes="\n".join(notes),
                    attendance=attendance,
                )
            )
        except ValidationError as exc:
            reasons = tuple(p.rstrip(".") for p in exc.problems)
            return RejectedRow(row.number, label, reasons, _content(row))
        if not ctx.insats.start <= activity.start <= ctx.insats.end:
            self.outside_period.append(row.number)
        if activity.status is Status.GENOMFORD and activity.attendance.total == 0:
            warn.append(HELD_EMPTY)
        self.warnings.extend(f"{label}: {w}" for w in warn)
        return AcceptedRow(
            row.number,
            label,
            activity,
            type_guessed=not match.exact,
            warnings=tuple(w for w in warn if w != type_warning),
            given=self.given(match.exact, activity),
        )

    def given(self, type_exact: bool, activity: Activity) -> frozenset[str]:
        """What the row says about the activity, for comparing it with a stored one."""
        has = self.cols.has
        found: set[str] = set()
        if has(Field.TYPE) and type_exact:
            found.add(changes.TYPE)
        if has(Field.END_DATE) or activity.end is not None:
            found.add(changes.END)
        if any(map(has, (Field.TIME, Field.START, Field.END))) or activity.start_time:
            found.add(changes.TIMES)
        if has(Field.PLACE) or has(Field.KOMMUN):
            found.add(changes.PLACE)
        for f, name in (
            (Field.FORMAT, changes.FORMAT),
            (Field.STATUS, changes.STATUS),
            (Field.COORGANISERS, changes.COORGANISERS),
            (Field.TOTAL, changes.TOTAL),
        ):
            if has(f):
                found.add(name)
        if has(Field.NOTES) or has(Field.EXTRA):
            found.add(changes.NOTES)
        if any(has(f) for f in ORG_FIELDS):
            found.add(changes.ORGS)
        if any(has(f) for f in ROLE_FIELDS):
            found.add(changes.ROLES)
        if has(Field.WOMEN) or has(Field.MEN):
            found.add(changes.GENDER)
        # The same few sets come back on every row: one of each (100 000 rows' worth of
        # frozensets is some 45 MB).
        return self._given.setdefault(frozenset(found), frozenset(found))

    def summary_warnings(self) -> list[str]:
        found: list[str] = []

        def rows(numbers: list[int]) -> str:
            return n_of(len(numbers), "rad", "rader")

        if self.no_kommun:
            found.append(
                f"{rows(self.no_kommun)} utan kommun läggs som länsövergripande "
                f"(rad {_spans(self.no_kommun)})."
            )
        if self.kommun_from_place:
            found.append(
                f"Kommunen har tagits från platsen på {rows(self.kommun_from_place)} "
                f"(rad {_spans(self.kommun_from_place)})."
            )
        if self.outside_period:
            i = self.context.insats
            found.append(
                f"{rows(self.outside_period)} ligger utanför insatsens period "
                f"{i.start.isoformat()} – {i.end.isoformat()} (rad {_spans(self.outside_period)})."
            )
        return found


def _content(row: RawRow, limit: int = 160) -> str:
    text = " · ".join(clean_text(c) for c in row.cells if not is_blank(c))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _id(value: int | None) -> int:
    if value is None:
        raise ValueError("a stored type has an id")
    return value


def mapping_for(table: RawTable, context: ImportContext) -> ColumnMapping:
    """The mapping the importer proposes for ``table``; DomainError when it has no header row."""
    at = find_header(table.rows)
    if at is None:
        where = f"bladet ”{table.sheet}” i {table.name}" if table.sheet else table.name
        raise DomainError(
            f"Hittar ingen rubrikrad i {where}. Raden med kolumnrubriker (till exempel "
            "Datum, Typ, Titel, Kommun, Antal) måste finnas bland de första 20 raderna."
        )
    mapping, _ = build_mapping(table, at, [k.name for k in context.kommuner], context.organisations)
    return mapping


def column_warnings(mapping: ColumnMapping) -> list[str]:
    """Columns whose values go to the notes because their header is not known, or names
    several organisations; and organisation columns that are added up."""
    found: list[str] = []
    for c in mapping.columns:
        if c.note:
            found.append(c.note)
        elif c.field is Field.EXTRA and not c.recognised:
            found.append(
                f"Kolumnen ”{c.name}” känns inte igen; värdena läggs i anteckningarna "
                f"(”{c.name}: värde”)."
            )
    for f in ORG_FIELDS:
        cols = [c for c in mapping.columns if c.field is f]
        if len(cols) > 1:
            names = " och ".join(f"”{c.name}”" for c in cols)
            found.append(f"Kolumnerna {names} räknas som {f.label} och läggs ihop.")
    return found


def parse_table(
    table: RawTable,
    context: ImportContext,
    mapping: ColumnMapping | None = None,
    kind: SourceKind = SourceKind.EXCEL,
    progress: Progress | None = None,
) -> ImportReport:
    """Every data row of ``table`` as an activity, a rejected row, a duplicate or skipped."""
    if mapping is None:
        mapping = mapping_for(table, context)
    name = f"{table.name}, bladet {table.sheet}" if table.sheet else table.name
    report = ImportReport(name, kind, mapping)
    report.warnings.extend(mapping.problems())
    report.warnings.extend(table.warnings)
    report.warnings.extend(column_warnings(mapping))
    if not mapping.has(Field.DATE):
        return report
    parser = _RowParser(mapping, context)
    data = [r for r in table.rows if r.number > mapping.header_row]
    accepted: list[AcceptedRow] = []
    for n, row in enumerate(data):
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress.step(n, len(data))
        why = parser.is_totals(row)
        if why is not None:
            report.skipped.append(f"Rad {row.number}: {why}, hoppas över")
            continue
        result = parser.parse(row)
        if isinstance(result, RejectedRow):
            report.rejected.append(result)
        else:
            accepted.append(result)
    split_rows(accepted, context, report)
    report.warnings.extend(parser.warnings)
    report.warnings.extend(parser.summary_warnings())
    blanks = [b for b in table.blank_rows if b > mapping.header_row]
    if blanks:
        report.skipped.append(
            f"{n_of(len(blanks), 'tom rad', 'tomma rader')} hoppades över (rad {_spans(blanks)})"
        )
    return report
