"""What a row of a ledger extract is, below its header: a ledger line, a group header
naming the konto of the lines below it ("5010 Löner tjänstemän", as Fortnox and Visma
print them), a balance ("Ingående balans", "Utgående saldo"), a printed sum ("Summa
konto 5010", "Summa", "Totalt", "Omslutning"), or a row with neither date nor amount
(the header repeated on a new page, "Sida 2 av 3").

Amounts are read with ``app.core.money.parse_kronor``; a spreadsheet's number that is
kronor and öre apart from the float's last digits (a SUM formula's 1234.5000000001) is
taken to the öre, anything finer is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.core.money import MoneyError, parse_kronor
from app.importers.date_values import read_date
from app.importers.ledger_columns import LedgerColumns, LedgerField
from app.importers.table import Cell, RawRow, clean_text, fold, is_blank
from app.importers.values import ValueProblem

BALANCE_WORDS = ("ingaende balans", "ingaende saldo", "utgaende balans", "utgaende saldo")
# Shorter words that are a balance only on a row without a date ("Ingående moms" is a konto).
UNDATED_BALANCE_WORDS = ("ib", "ub", "ingaende", "utgaende", "saldo")
SUM_WORDS = ("summa", "totalt", "total", "omslutning", "delsumma", "slutsumma")
# Always the whole extract; "Summa" and "Omslutning" are a konto's while its group is open.
GRAND_WORDS = ("totalt", "total", "slutsumma", "summa totalt", "summa total", "summa huvudbok")
GROUP = re.compile(r"(?:konto\s*:?\s*)?(\d{3,8})(?:\s*[-–:]\s*|\s+)(\S.*)")
KONTO_ONLY = re.compile(r"(?:konto\s*:?\s*)?(\d{3,8})")
KONTO_IN_SUM = re.compile(r"\b(\d{3,8})\b")


@dataclass(frozen=True)
class Group:
    konto: str
    kontonamn: str


@dataclass(frozen=True)
class Balance:
    label: str


@dataclass(frozen=True)
class PrintedSum:
    label: str
    amount: int
    konto: str | None  # named in the label ("Summa konto 5010"), else None
    grand: bool  # "Totalt", "Summa totalt": the whole extract


@dataclass(frozen=True)
class Other:
    """A row with neither date nor amount that is no group: skipped."""

    label: str


def amount_of(value: Cell) -> int | None:
    """The cell's amount in öre; None for an empty cell; ValueProblem (Swedish) else."""
    if is_blank(value):
        return None
    if isinstance(value, float):
        ore = Decimal(repr(value)) * 100
        nearest = ore.to_integral_value()
        if abs(ore - nearest) < Decimal("0.000001"):
            return int(nearest)
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        try:
            return parse_kronor(value)
        except MoneyError as exc:
            shown = clean_text(value)
            if "decimaler" in str(exc):
                raise ValueProblem(f"beloppet ”{shown}” har fler än två decimaler (öre)") from None
            raise ValueProblem(f"kan inte läsa beloppet ”{shown}”") from None
    raise ValueProblem(f"kan inte läsa beloppet ”{clean_text(value)}”")


def row_amount(columns: LedgerColumns, row: RawRow) -> int | None:
    """Belopp, or Debet − Kredit; None when the row has no amount at all."""
    if not columns.split_amount:
        return amount_of(columns.value(row, LedgerField.AMOUNT))
    debet = amount_of(columns.value(row, LedgerField.DEBET))
    kredit = amount_of(columns.value(row, LedgerField.KREDIT))
    if debet is None and kredit is None:
        return None
    return (debet or 0) - (kredit or 0)


def _texts(columns: LedgerColumns, row: RawRow) -> list[str]:
    """The row's texts outside the amount columns, left to right."""
    amounts = {
        columns.at[f]
        for f in (LedgerField.AMOUNT, LedgerField.DEBET, LedgerField.KREDIT)
        if f in columns.at
    }
    return [
        clean_text(c)
        for i, c in enumerate(row.cells)
        if i not in amounts and isinstance(c, str) and c.strip()
    ]


def _starts(text: str, words: tuple[str, ...]) -> bool:
    folded = " ".join(fold(text).replace(":", " ").split()) + " "
    return any(folded.startswith(w + " ") for w in words)


def _dated(value: Cell) -> bool:
    """The date column holds a date (not "Summa konto 5010" printed there)."""
    if is_blank(value):
        return False
    try:
        read_date(value)
    except ValueProblem:
        return False
    return True


def balance_or_sum(columns: LedgerColumns, row: RawRow) -> Balance | PrintedSum | None:
    """A balance or a printed sum (its amount read), when the row is one."""
    texts = _texts(columns, row)
    first = texts[0] if texts else ""
    label = " ".join(texts)
    dated = _dated(columns.value(row, LedgerField.DATE))
    if _starts(first, BALANCE_WORDS) or (not dated and _starts(first, UNDATED_BALANCE_WORDS)):
        return Balance(label)
    if dated or not _starts(first, SUM_WORDS):
        return None
    amount = row_amount(columns, row)
    if amount is None:
        return Balance(label)  # a heading "Summa" with nothing to check
    found = KONTO_IN_SUM.search(label)
    grand = _starts(label, GRAND_WORDS)
    return PrintedSum(label, amount, found[1] if found and not grand else None, grand)


def group_or_other(columns: LedgerColumns, row: RawRow) -> Group | Other:
    """A row with neither date nor amount: a group header, or something to skip."""
    texts = _texts(columns, row)
    numbers = [c for c in row.cells if isinstance(c, int | float) and not isinstance(c, bool)]
    if numbers and len(texts) <= 1 and 100 <= numbers[0] < 10**8 and numbers[0] == int(numbers[0]):
        # "5010" as a number in its own cell, the name beside it
        return Group(str(int(numbers[0])), texts[0] if texts else "")
    label = " ".join(texts)
    if m := GROUP.fullmatch(label):
        return Group(m[1], m[2].strip())
    if m := KONTO_ONLY.fullmatch(label):
        return Group(m[1], "")
    return Other(label)
