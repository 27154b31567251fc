"""Figures another document states about the placements, checked against them.

A final report often sums up its placements in a sentence of its own ("11 nyttjades av
10 unika individer … 1 till arbete (man), 1 aktualiserades till Arbetsförmedlingen
(kvinna), övriga 8 åter (kvinnor)") that need not agree with its own account of each
placement. Those figures are kept as stated figures (app.core.report_texts) with a
measure of this module:

* ``placeringar_beviljade`` / ``_nyttjade`` / ``_unika``: places granted, used and the
  unique individuals; ``utfall_<outcome>``: the placements with that outcome. Compared
  with the sum of the years' placements (app.core.report_texts.stated_figure_findings).
* ``utfall_<outcome>_kvinnor`` / ``utfall_<outcome>_man``: an outcome for women or for
  men. A placement records its women, its men and its outcomes, not the gender of each
  outcome, so the placements give a range: of 5 "åter" among 7 places used by 6 women
  and 1 man, 4 or 5 were women. The stated figure is a finding when it is outside it.
* any of these ending in ``@<huvudman>`` (``utfall_arbete_man@Nordanstig``): the figure
  the document states for that huvudman's placement in one year. That is where the
  gender of an outcome is given ("1 vidare till arbete (man)"): it narrows the range
  above, and more outcomes for men (or women) than the placement's men (or women) is a
  finding of its own.

The figures are read from the years' placement tables (app.core.placements), so every
view checks the same numbers the overview shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.core.findings import Finding
from app.core.placements import (
    COL_GRANTED,
    COL_MEN,
    COL_UNIQUE,
    COL_USED,
    COL_WOMEN,
)
from app.core.summary import SummaryRow, SummaryTable, YearSummary
from app.core.table_keys import TableKey
from app.core.vocabulary import Outcome
from app.core.wording import count_noun

HUVUDMAN_MARK = "@"
WOMEN, MEN = "kvinnor", "man"
_GENDER_COLUMN = {WOMEN: COL_WOMEN, MEN: COL_MEN}
_GENDER_WORD = {WOMEN: "kvinnor", MEN: "män"}
_OTHER = {WOMEN: MEN, MEN: WOMEN}
_ONE = {WOMEN: "kvinna", MEN: "man"}


def _outcome_word(outcome: Outcome) -> str:
    """'vidare till Arbetsförmedlingen': the label in a sentence (a name keeps its capital)."""
    return outcome.label[:1].lower() + outcome.label[1:]


# A measure summed over the placements: its label and the placement table's column.
PLACEMENT_MEASURES: dict[str, tuple[str, str]] = {
    "placeringar_beviljade": ("Placeringar: beviljade platser", COL_GRANTED),
    "placeringar_nyttjade": ("Placeringar: nyttjade platser", COL_USED),
    "placeringar_unika": ("Placeringar: unika individer", COL_UNIQUE),
    **{
        f"utfall_{o.value}": (f"Placeringarnas utfall: {_outcome_word(o)}", o.label)
        for o in Outcome
    },
}
# An outcome for women or for men: (outcome, WOMEN or MEN) by measure, and its label.
GENDER_MEASURES: dict[str, tuple[Outcome, str]] = {
    f"utfall_{o.value}_{g}": (o, g) for o in Outcome for g in (WOMEN, MEN)
}
GENDER_LABELS: dict[str, str] = {
    m: f"Placeringarnas utfall: {_outcome_word(o)}, {_GENDER_WORD[g]}"
    for m, (o, g) in GENDER_MEASURES.items()
}


def split_measure(measure: str) -> tuple[str, str]:
    """('utfall_arbete_man', 'Nordanstig') for 'utfall_arbete_man@Nordanstig'; the
    huvudman is '' for a measure of all the placements."""
    base, _, huvudman = measure.partition(HUVUDMAN_MARK)
    return base, huvudman.strip()


def is_placement_measure(measure: str) -> bool:
    base, _ = split_measure(measure)
    return base in PLACEMENT_MEASURES or base in GENDER_MEASURES


def measure_label(measure: str) -> str | None:
    """'Placeringarnas utfall: arbete, män (Nordanstig)', or None for another measure."""
    base, huvudman = split_measure(measure)
    label = PLACEMENT_MEASURES[base][0] if base in PLACEMENT_MEASURES else GENDER_LABELS.get(base)
    if label is None:
        return None
    return f"{label} ({huvudman})" if huvudman else label


@dataclass(frozen=True)
class PlacementFigure:
    """A stated figure of a placement measure, split: ``base`` is the measure without
    the huvudman, ``huvudman`` '' for all the placements."""

    base: str
    huvudman: str
    first_year: int
    last_year: int
    value: int
    source: str = ""

    @classmethod
    def of(
        cls, measure: str, first_year: int, last_year: int, value: int, source: str = ""
    ) -> PlacementFigure | None:
        """The figure, or None when ``measure`` is not a placement measure."""
        if not is_placement_measure(measure):
            return None
        base, huvudman = split_measure(measure)
        return cls(base, huvudman, first_year, last_year, value, source)


def _placements(summary: YearSummary) -> SummaryTable | None:
    return next((t for t in summary.tables if t.key == TableKey.PLACERINGAR), None)


def _cell(table: SummaryTable, row: SummaryRow, column: str) -> int:
    return row.values[table.columns.index(column)]


def _range(
    table: SummaryTable, row: SummaryRow, outcome: Outcome, gender: str, stated: dict[str, int]
) -> tuple[int, int]:
    """How many of the row's outcome were of ``gender``: exactly what the document states
    for the row, else the range its counts allow (``stated``: this row's gendered figures,
    by measure)."""
    own = stated.get(f"utfall_{outcome.value}_{gender}")
    if own is not None:
        return own, own
    n = _cell(table, row, outcome.label)
    used = _cell(table, row, COL_USED)
    of_gender = _cell(table, row, _GENDER_COLUMN[gender])
    others = stated.get(f"utfall_{outcome.value}_{_OTHER[gender]}")
    if others is not None:
        unknown = max(used - _cell(table, row, COL_WOMEN) - _cell(table, row, COL_MEN), 0)
        rest = max(n - others, 0)
        return max(rest - unknown, 0), min(rest, of_gender)
    return max(n - (used - of_gender), 0), min(n, of_gender)


def _span_text(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def _where(label: str, first: int, last: int, source: str) -> str:
    span = str(first) if first == last else f"{first}–{last}"
    where = f"{label} {span}"
    return f"{where} ({source})" if source else where


def placement_figure_findings(
    figures: Sequence[PlacementFigure], summaries: Sequence[YearSummary]
) -> list[Finding]:
    """The findings of the stated placement figures that are not plain sums: outcomes by
    gender, and the figures stated for one huvudman's placement. A figure whose years are
    not all among ``summaries`` is left unchecked."""
    by_year = {s.year: s for s in summaries}
    rows: dict[tuple[int, str], dict[str, int]] = {}
    for f in figures:
        if f.huvudman and f.first_year == f.last_year:
            rows.setdefault((f.first_year, f.huvudman), {})[f.base] = f.value
    findings: list[Finding] = []
    for (year, huvudman), own in rows.items():
        summary = by_year.get(year)
        table = None if summary is None else _placements(summary)
        if summary is None or table is None:
            continue
        row = next((r for r in table.rows if r.label == huvudman), None)
        source = next(f.source for f in figures if (f.first_year, f.huvudman) == (year, huvudman))
        if row is not None:
            findings += _row_findings(table, row, year, own, source)
    for f in figures:
        if f.huvudman or f.base not in GENDER_MEASURES:
            continue
        span = range(f.first_year, f.last_year + 1)
        if not all(y in by_year for y in span):
            continue
        finding = _gender_finding(f, [by_year[y] for y in span], rows)
        if finding is not None:
            findings.append(finding)
    return findings


def _row_findings(
    table: SummaryTable, row: SummaryRow, year: int, own: dict[str, int], source: str
) -> list[Finding]:
    """What the figures stated for one placement say against its own counts."""
    where = f"Placeringar {year}, {row.label}" + (f" ({source})" if source else "")
    found: list[Finding] = []
    for base, value in own.items():
        if base in PLACEMENT_MEASURES:
            label, column = PLACEMENT_MEASURES[base]
            if value != _cell(table, row, column):
                found.append(
                    Finding(
                        f"{label}: angiven siffra stämmer inte med placeringen",
                        where,
                        str(_cell(table, row, column)),
                        str(value),
                    )
                )
    for gender in (WOMEN, MEN):
        parts = [
            (outcome, own[m])
            for m, (outcome, g) in GENDER_MEASURES.items()
            if g == gender and own.get(m)
        ]
        people = _cell(table, row, _GENDER_COLUMN[gender])
        total = sum(n for _, n in parts)
        if total > people:
            word = _GENDER_WORD[gender]
            detail = " + ".join(f"{n} {_outcome_word(o)}" for o, n in parts)
            found.append(
                Finding(
                    f"Fler utfall för {word} än {word} i placeringen",
                    where,
                    f"högst {people} ({count_noun(people, _ONE[gender], word)} i placeringen)",
                    f"{total} ({detail})",
                )
            )
        for outcome, n in parts:
            outcomes = _cell(table, row, outcome.label)
            if n > outcomes:
                found.append(
                    Finding(
                        f"Fler utfall för {_GENDER_WORD[gender]} än placeringens utfall",
                        where,
                        f"högst {outcomes} ({_outcome_word(outcome)})",
                        str(n),
                    )
                )
    return found


def _gender_finding(
    f: PlacementFigure,
    summaries: Sequence[YearSummary],
    rows: dict[tuple[int, str], dict[str, int]],
) -> Finding | None:
    """The stated outcome for women or men of the years, against what the placements
    allow: their own gendered figures where the document gives them, else the range."""
    outcome, gender = GENDER_MEASURES[f.base]
    low = high = 0
    parts: list[str] = []
    for s in summaries:
        table = _placements(s)
        if table is None:
            continue
        for row in table.rows:
            n = _cell(table, row, outcome.label)
            if not n:
                continue
            lo, hi = _range(table, row, outcome, gender, rows.get((s.year, row.label), {}))
            low, high = low + lo, high + hi
            parts.append(f"{row.label} {s.year}: {_span_text(lo, hi)} av {n}")
    if low <= f.value <= high:
        return None
    expected = _span_text(low, high) + (f" ({'; '.join(parts)})" if parts else "")
    return Finding(
        "Angivet utfall per kön stämmer inte med placeringarna",
        _where(GENDER_LABELS[f.base], f.first_year, f.last_year, f.source),
        expected,
        str(f.value),
    )
