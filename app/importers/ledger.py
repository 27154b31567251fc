"""Reading a ledger extract (huvudboksutdrag) as ledgers print it, from .xlsx or .csv.

Title rows come before the header (found by its names, ``ledger_columns``); the konto is
on every row or in a group header above its rows; balances, sums and totals are not
costs, but every printed sum is checked against the rows read, to the öre: a sum that
does not agree means the file was misread, and is an error naming its row. Every row
that cannot be read is an error with its row number and a Swedish reason; the caller
imports nothing when there is one (all or nothing).

Plain data in, plain data out: no store, no Qt.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from app.core.economy_entities import MAX_AMOUNT_ORE, MAX_TEXT
from app.core.errors import DomainError
from app.core.money import kronor
from app.importers.date_values import read_date
from app.importers.ledger_columns import LedgerColumns, LedgerField, columns_of, find_columns
from app.importers.ledger_rows import (
    Balance,
    Group,
    PrintedSum,
    balance_or_sum,
    group_or_other,
    row_amount,
)
from app.importers.spreadsheets import OLE_MAGIC, read_csv
from app.importers.table import Cell, RawRow, collect, detail
from app.importers.values import ValueProblem

FILE_FILTER = "Huvudboksutdrag (*.xlsx *.xlsm *.csv *.txt);;Alla filer (*)"
MAX_VERIFIKATION, MAX_KONTO, MAX_KONTONAMN = 50, 20, 200


@dataclass(frozen=True)
class LedgerLine:
    """One line of the ledger: a cost (or a credit) booked on a konto, amount in öre."""

    row: int
    day: date
    verifikation: str
    konto: str
    kontonamn: str
    text: str
    amount: int


@dataclass(frozen=True)
class CheckedSum:
    """A sum the ledger printed and the sum of the rows it covers, as read."""

    row: int
    label: str
    konto: str | None  # None: the whole extract (a grand total)
    printed: int
    read: int

    @property
    def agrees(self) -> bool:
        return self.printed == self.read


@dataclass(frozen=True)
class LedgerProblem:
    row: int
    reason: str

    def __str__(self) -> str:
        return f"Rad {self.row}: {self.reason}"


@dataclass(frozen=True)
class SkippedRow:
    row: int
    label: str


@dataclass(frozen=True)
class LedgerExtract:
    name: str
    header_row: int
    columns: dict[str, str]  # the field (datum, konto …) → the header as printed
    lines: tuple[LedgerLine, ...]
    sums: tuple[CheckedSum, ...]
    skipped: tuple[SkippedRow, ...]  # balances, headings, page rows
    errors: tuple[LedgerProblem, ...]

    @property
    def total(self) -> int:
        return sum(x.amount for x in self.lines)


def read_rows(path: Path) -> tuple[list[RawRow], str]:
    """The non-blank rows of the file (the sheet with a ledger header, for a workbook)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return list(read_csv(path).rows), ""
    if suffix == ".xls":
        raise DomainError(
            f"{path.name} är en Excel-fil i det gamla formatet (.xls). Öppna den i Excel eller "
            "LibreOffice, spara den som .xlsx och importera den sedan."
        )
    data = path.read_bytes()
    if data.startswith(OLE_MAGIC):
        raise DomainError(
            f"{path.name} är en Excel-fil i det gamla formatet (.xls) eller en lösenordsskyddad "
            "arbetsbok. Spara den som .xlsx utan lösenord och importera den sedan."
        )
    try:
        return _workbook_rows(path.name, data)
    except DomainError:
        raise
    except Exception as exc:  # BadZipFile, KeyError, ParseError …
        raise DomainError(
            f"{path.name} kan inte läsas som en Excel-fil (.xlsx): filen är skadad eller är "
            f"ingen arbetsbok ({detail(exc)})."
        ) from exc


def _workbook_rows(name: str, data: bytes) -> tuple[list[RawRow], str]:
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if not wb.worksheets:
            raise DomainError(f"{name} har inga kalkylblad.")
        chosen: Any = wb.worksheets[0]
        for ws in wb.worksheets:
            ws.reset_dimensions()
            first, _ = collect(islice(_numbered(ws), 60), capped=False)
            if any(columns_of(r) is not None for r in first):
                chosen = ws
                break
        rows, _ = collect(_numbered(chosen), name)
        return rows, chosen.title
    finally:
        wb.close()


def _numbered(ws: Any) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    yield from enumerate(ws.iter_rows(values_only=True), start=1)


def read_ledger(path: Path) -> LedgerExtract:
    """The extract's lines, the sums checked and the errors; DomainError when the file
    cannot be read at all or has no ledger header."""
    rows, _sheet = read_rows(path)
    return parse_ledger(path.name, rows)


class _Walk:
    """The rows below the header, in order: the group open, the sums so far."""

    def __init__(self, columns: LedgerColumns) -> None:
        self.columns = columns
        self.group: Group | None = None
        self.group_sum = 0
        self.group_rows = 0
        # The rows since the last printed sum: what an unnamed "Summa" covers when the
        # konto is on every row (a sub-sum of the konto just listed).
        self.section: list[LedgerLine] = []
        self.by_konto: dict[str, int] = {}
        self.lines: list[LedgerLine] = []
        self.sums: list[CheckedSum] = []
        self.skipped: list[SkippedRow] = []
        self.errors: list[LedgerProblem] = []
        # The konton of rows that could not be read: their sums cannot agree, and the
        # row's own error says why (no second error for the sum).
        self.bad_konton: set[str] = set()

    def row(self, row: RawRow) -> None:
        c = self.columns
        if columns_of(row) is not None:  # the header again, on a new page
            self.skipped.append(SkippedRow(row.number, "rubrikraden igen"))
            return
        try:
            special = balance_or_sum(c, row)
            if isinstance(special, Balance):
                self.skipped.append(SkippedRow(row.number, special.label))
                return
            if isinstance(special, PrintedSum):
                self._check(row.number, special)
                return
            amount = row_amount(c, row)
            if amount is None and not c.text(row, LedgerField.DATE):
                found = group_or_other(c, row)
                if isinstance(found, Group):
                    self.group, self.group_sum, self.group_rows = found, 0, 0
                else:
                    self.skipped.append(SkippedRow(row.number, found.label))
                return
            self._line(row, amount)
        except ValueProblem as exc:
            self.errors.append(LedgerProblem(row.number, str(exc)))
            konto = c.text(row, LedgerField.KONTO) or (self.group.konto if self.group else "")
            self.bad_konton.add(konto)

    def _line(self, row: RawRow, amount: int | None) -> None:
        c = self.columns
        if amount is None:
            raise ValueProblem("beloppet saknas")
        if abs(amount) > MAX_AMOUNT_ORE:
            raise ValueProblem(f"beloppet {kronor(amount)} kr är orimligt stort")
        day = read_date(c.value(row, LedgerField.DATE))
        konto = c.text(row, LedgerField.KONTO)
        kontonamn = c.text(row, LedgerField.KONTONAMN)
        if not konto and self.group is not None:
            konto, kontonamn = self.group.konto, kontonamn or self.group.kontonamn
        if not konto:
            raise ValueProblem(
                "kontot saknas (varken i kolumnen Konto eller i en kontorubrik ovanför)"
            )
        verifikation = c.text(row, LedgerField.VERIFIKATION)
        if LedgerField.VERIFIKATION in c.at and not verifikation:
            raise ValueProblem("verifikationsnumret saknas")
        text = c.text(row, LedgerField.TEXT)
        for value, limit, what in (
            (verifikation, MAX_VERIFIKATION, "verifikationsnumret"),
            (konto, MAX_KONTO, "kontot"),
            (kontonamn, MAX_KONTONAMN, "kontonamnet"),
            (text, MAX_TEXT, "texten"),
        ):
            if len(value) > limit:
                raise ValueProblem(f"{what} är längre än {limit} tecken")
        self.lines.append(LedgerLine(row.number, day, verifikation, konto, kontonamn, text, amount))
        self.by_konto[konto] = self.by_konto.get(konto, 0) + amount
        self.group_sum += amount
        self.group_rows += 1
        self.section.append(self.lines[-1])

    def _unnamed(self, printed: int) -> tuple[str | None, int, str]:
        """An unnamed "Summa" outside a group: the rows since the last sum (one konto's,
        when they all are), or else all the rows read (a grand total)."""
        section = sum(x.amount for x in self.section)
        konton = {x.konto for x in self.section}
        whole = sum(x.amount for x in self.lines)
        if self.section and (printed == section or printed != whole):
            if len(konton) == 1:
                konto = konton.pop()
                return konto, section, f"konto {konto}"
            return None, section, "avsnittet sedan förra summan"
        return None, whole, "hela utdraget"

    def _check(self, number: int, printed: PrintedSum) -> None:
        whole = "hela utdraget"
        if printed.grand:
            konto, read, what = None, sum(x.amount for x in self.lines), whole
        elif printed.konto is not None and printed.konto in self.by_konto:
            konto, read = printed.konto, self.by_konto[printed.konto]
            what = f"konto {konto}"
        elif self.group is not None:
            konto, read, what = self.group.konto, self.group_sum, f"konto {self.group.konto}"
        else:
            konto, read, what = self._unnamed(printed.amount)
        self.section = []
        self.sums.append(CheckedSum(number, printed.label, konto, printed.amount, read))
        explained = konto in self.bad_konton if konto is not None else bool(self.bad_konton)
        if printed.amount != read and not explained:
            self.errors.append(
                LedgerProblem(
                    number,
                    f"summan ”{printed.label}” är {kronor(printed.amount)} kr men raderna för "
                    f"{what} som lästes blir {kronor(read)} kr. Filen har inte lästs rätt; "
                    "ingenting importeras.",
                )
            )
        if not printed.grand and konto is not None and self.group is not None:
            self.group = None  # the group ends with its sum


def parse_ledger(name: str, rows: Sequence[RawRow]) -> LedgerExtract:
    columns = find_columns(rows, name)
    walk = _Walk(columns)
    for row in rows:
        if row.number > columns.row:
            walk.row(row)
    if not walk.lines and not walk.errors:
        walk.errors.append(
            LedgerProblem(columns.row, "under rubrikraden finns inga rader med datum och belopp")
        )
    return LedgerExtract(
        name,
        columns.row,
        {f.value: columns.titles[f] for f in LedgerField if f in columns.titles},
        tuple(walk.lines),
        tuple(walk.sums),
        tuple(walk.skipped),
        tuple(walk.errors),
    )
