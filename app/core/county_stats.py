"""The county's ASF statistics, one snapshot per year, totals and parts as reported.

Every figure is optional (None: not reported). A reported total that differs from
the sum of its reported parts is kept as it is and reported as a Finding — the
Gävleborg report's 2018 figures give 152 + 74 + 17 placed people and a total of 244.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from app.core import limits
from app.core.errors import ValidationError
from app.core.findings import Finding, sum_text
from app.core.summary import SummaryRow, SummaryTable
from app.core.table_keys import TableKey
from app.core.vocabulary import PlacedSource

FIRST_YEAR, LAST_YEAR = limits.FIRST_YEAR, limits.LAST_YEAR

WHAT_COMPANIES = "Registrerade företag: totalen stämmer inte med delregionerna"
WHAT_EMPLOYEES = "Anställda: totalen stämmer inte med kvinnor + män"
WHAT_PLACED = "Placerade i ASF: totalen stämmer inte med delarna"

ROW_COMPANIES = "Företag totalt"
ROW_EMPLOYEES = "Anställda totalt"
ROW_WOMEN = "Anställda: kvinnor"
ROW_MEN = "Anställda: män"
ROW_PLACED = "Placerade totalt"


def region_row(delregion: str) -> str:
    return f"Företag: {delregion}"


def source_row(source: PlacedSource) -> str:
    return f"Placerade: {source.label}"


@dataclass(frozen=True)
class CountyStats:
    """A year's statistics on the county's ASF companies (for the förbund as a whole).

    ``companies_by_region`` and ``placed_by_source`` hold only what was reported: a
    delregion or source that is missing was not reported (0 is a reported zero).
    """

    id: int | None
    forbund_id: int
    year: int
    snapshot_date: date | None = None
    source: str = ""
    companies_total: int | None = None
    companies_by_region: Mapping[str, int] = field(default_factory=dict)
    employees_total: int | None = None
    employees_women: int | None = None
    employees_men: int | None = None
    placed_total: int | None = None
    placed_by_source: Mapping[PlacedSource, int] = field(default_factory=dict)
    notes: str = ""
    # The stored version it was read at (0: not read); see Activity.version.
    version: int = field(default=0, compare=False)

    def __hash__(self) -> int:  # the mappings are not hashable themselves
        return hash((self.id, self.forbund_id, self.year))

    def placed(self, source: PlacedSource) -> int | None:
        return self.placed_by_source.get(source)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "year": self.year,
            "snapshot_date": None if self.snapshot_date is None else self.snapshot_date.isoformat(),
            "source": self.source,
            "companies_total": self.companies_total,
            "companies_by_region": dict(self.companies_by_region),
            "employees_total": self.employees_total,
            "employees_women": self.employees_women,
            "employees_men": self.employees_men,
            "placed_total": self.placed_total,
            "placed_by_source": {s.value: self.placed(s) for s in PlacedSource},
            "notes": self.notes,
        }


@dataclass(frozen=True)
class TotalCheck:
    """One reported total against its reported parts."""

    what: str
    total_row: str
    total: int | None
    parts: tuple[int, ...]
    complete: bool  # every part was reported

    @property
    def parts_sum(self) -> int:
        return sum(self.parts)

    @property
    def contradicts(self) -> bool:
        """The total differs from its parts: all parts reported and a different sum, or the
        parts reported so far already exceed the total."""
        if self.total is None or not self.parts:
            return False
        if self.complete:
            return self.parts_sum != self.total
        return self.parts_sum > self.total

    @property
    def expected(self) -> str:
        text = sum_text(list(self.parts))
        return text if self.complete else f"minst {text}"


def total_checks(s: CountyStats) -> list[TotalCheck]:
    """The three totals of a year's statistics, each with its parts."""
    employees = [n for n in (s.employees_women, s.employees_men) if n is not None]
    placed = [n for src in PlacedSource if (n := s.placed(src)) is not None]
    return [
        TotalCheck(
            WHAT_COMPANIES,
            ROW_COMPANIES,
            s.companies_total,
            tuple(s.companies_by_region.values()),
            True,  # the delregions reported are the parts
        ),
        TotalCheck(
            WHAT_EMPLOYEES,
            ROW_EMPLOYEES,
            s.employees_total,
            tuple(employees),
            len(employees) == 2,
        ),
        TotalCheck(
            WHAT_PLACED,
            ROW_PLACED,
            s.placed_total,
            tuple(placed),
            len(placed) == len(PlacedSource),
        ),
    ]


def normalise_county_stats(s: CountyStats) -> CountyStats:
    regions: dict[str, int] = {}
    for name, n in s.companies_by_region.items():
        regions[limits.clean(name).strip()] = n
    placed: dict[PlacedSource, int] = {}
    for src in PlacedSource:
        count = s.placed_by_source.get(src)
        if count is not None:
            placed[src] = count
    return replace(
        s,
        source=limits.clean(s.source).strip(),
        notes=limits.clean(s.notes).strip(),
        companies_by_region=regions,
        placed_by_source=placed,
    )


def validate_county_stats(s: CountyStats) -> CountyStats:
    """The normalised statistics, or ValidationError for what cannot be stored.

    Totals that differ from their parts are stored; ``check_county_stats`` reports them.
    """
    problems: list[str] = []
    names = [name.strip() for name in s.companies_by_region]
    if any(not n for n in names):
        problems.append("Ange namnet på varje delregion.")
    folded = [n.casefold() for n in names if n]
    if len(set(folded)) != len(folded):
        problems.append("Samma delregion finns två gånger.")
    s = normalise_county_stats(s)
    if not FIRST_YEAR <= s.year <= LAST_YEAR:
        problems.append(f"Året måste ligga mellan {FIRST_YEAR} och {LAST_YEAR} (angivet {s.year}).")
    problems += limits.text_problems(
        [
            (s.source, limits.LONG_TEXT, "Källan"),
            (s.notes, limits.LONG_TEXT, "Anteckningarna"),
            *((r, limits.KOMMUN_NAME, "Delregionens namn") for r in s.companies_by_region),
        ]
    )
    problems += limits.date_problems([(s.snapshot_date, "Datumet för uppgifterna")])
    figures: list[tuple[str, int | None]] = [
        ("Antalet registrerade företag", s.companies_total),
        ("Antalet anställda", s.employees_total),
        ("Antalet anställda kvinnor", s.employees_women),
        ("Antalet anställda män", s.employees_men),
        ("Antalet placerade", s.placed_total),
    ]
    figures += [(f"Antalet företag i {r}", n) for r, n in s.companies_by_region.items()]
    figures += [(f"Antalet placerade av {src.label}", s.placed(src)) for src in PlacedSource]
    for label, n in figures:
        if n is not None and n < 0:
            problems.append(f"{label} kan inte vara negativt ({n}).")
    if problems:
        raise ValidationError(problems)
    return s


def check_county_stats(s: CountyStats) -> list[Finding]:
    """Totals that do not equal their parts, e.g. 244 placed against 152 + 74 + 17."""
    where = f"Länsstatistik {s.year}"
    return [
        Finding(c.what, where, c.expected, str(c.total)) for c in total_checks(s) if c.contradicts
    ]


def check_all_county_stats(stats: Iterable[CountyStats]) -> list[Finding]:
    return [f for s in sorted(stats, key=lambda s: s.year) for f in check_county_stats(s)]


def delregion_order(stats: Iterable[CountyStats], delregioner: Sequence[str] = ()) -> list[str]:
    """The förbund's delregioner in their order, then any other reported, alphabetically."""
    seen = {r for s in stats for r in s.companies_by_region}
    extra = sorted(seen.difference(delregioner), key=str.casefold)
    return [*delregioner, *extra]


def measure_rows(
    stats: Sequence[CountyStats], delregioner: Sequence[str] = ()
) -> list[tuple[str, list[int | None]]]:
    """Each measure's label with its figure per statistics (None: not reported)."""
    rows: list[tuple[str, list[int | None]]] = [(ROW_COMPANIES, [s.companies_total for s in stats])]
    for region in delregion_order(stats, delregioner):
        rows.append((region_row(region), [s.companies_by_region.get(region) for s in stats]))
    rows += [
        (ROW_EMPLOYEES, [s.employees_total for s in stats]),
        (ROW_WOMEN, [s.employees_women for s in stats]),
        (ROW_MEN, [s.employees_men for s in stats]),
        (ROW_PLACED, [s.placed_total for s in stats]),
    ]
    rows += [(source_row(src), [s.placed(src) for s in stats]) for src in PlacedSource]
    return rows


def county_stats_table(
    stats_for_years: Sequence[CountyStats], delregioner: Sequence[str] = ()
) -> SummaryTable:
    """The measures (rows) for each year (columns), totals as reported.

    The rows are not additive, so the table has no total row. A figure that was not
    reported is shown as 0 and named in the note.
    """
    stats = sorted(stats_for_years, key=lambda s: s.year)
    columns = tuple(str(s.year) for s in stats)
    rows = []
    missing: list[str] = []
    for label, values in measure_rows(stats, delregioner):
        rows.append(SummaryRow(label, tuple(0 if v is None else v for v in values)))
        missing += [f"{label} {col}" for col, v in zip(columns, values, strict=True) if v is None]
    notes = [
        "Totalerna visas som de rapporterats; avvikelser mot delarna listas bland avvikelserna."
    ]
    if missing:
        notes.append("Ej rapporterat (visas som 0): " + ", ".join(missing) + ".")
    sources = [f"{s.year}: {s.source}" for s in stats if s.source]
    if sources:
        notes.append("Källa: " + "; ".join(sources) + ".")
    return SummaryTable(
        TableKey.LANSSTATISTIK,
        "ASF i länet (länsstatistik)",
        columns,
        tuple(rows),
        has_total=False,
        note=" ".join(notes),
    )
