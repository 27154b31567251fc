"""The header row of a ledger extract (huvudboksutdrag), found by its column names.

Ledgers print title rows first ("Huvudbok", the förbund's name, the period, when it was
printed); the header is the first row of the first HEADER_SEARCH_ROWS that names a date
column, an amount (Belopp, or Debet and Kredit) and a verifikation or a text. Other
columns (Saldo, Ansvar, Projekt, Moms …) are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from app.core.errors import DomainError
from app.importers.table import Cell, RawRow, clean_text, key

HEADER_SEARCH_ROWS = 40


class LedgerField(Enum):
    DATE = "datum"
    VERIFIKATION = "verifikation"
    KONTO = "konto"
    KONTONAMN = "kontonamn"
    TEXT = "text"
    AMOUNT = "belopp"
    DEBET = "debet"
    KREDIT = "kredit"


# The names each column goes by, as lookup keys (table.key: folded, no spaces or dots).
NAMES: dict[LedgerField, tuple[str, ...]] = {
    LedgerField.DATE: (
        "bokforingsdatum", "transaktionsdatum", "datum", "bokfdatum", "verdatum",
        "verifikationsdatum", "transdatum", "date",
    ),
    LedgerField.VERIFIKATION: (
        "ver", "vernr", "verifikation", "verifikationsnummer", "verifikationsnr",
        "vernummer", "verifikat", "verifikatnr", "vnr", "voucher",
    ),
    LedgerField.KONTO: ("konto", "kontonr", "kontonummer", "kto", "account"),
    LedgerField.KONTONAMN: (
        "benamning", "kontobenamning", "kontonamn", "kontotext", "kontobeskrivning",
    ),
    LedgerField.TEXT: (
        "text", "beskrivning", "transaktionstext", "specifikation", "vertext",
        "verifikationstext", "fritext", "description",
    ),
    LedgerField.AMOUNT: ("belopp", "summa", "beloppkr", "beloppsek", "amount"),
    LedgerField.DEBET: ("debet", "debit"),
    LedgerField.KREDIT: ("kredit", "credit"),
}  # fmt: skip
_BY_KEY = {name: field for field, names in NAMES.items() for name in names}

LOOKED_FOR = (
    "datum (Bokföringsdatum, Transaktionsdatum eller Datum), belopp (Belopp eller Summa, "
    "eller Debet och Kredit), och verifikation (Ver, Vernr, Verifikationsnummer) eller "
    "text (Text, Beskrivning, Transaktionstext, Specifikation); gärna också konto (Konto, "
    "Kontonr) och kontonamn (Benämning, Kontobenämning)"
)


@dataclass(frozen=True)
class LedgerColumns:
    """Where each field is (column index), and the header row's number."""

    row: int
    at: dict[LedgerField, int]
    titles: dict[LedgerField, str]

    def value(self, row: RawRow, field: LedgerField) -> Cell:
        index = self.at.get(field)
        return None if index is None else row.cell(index)

    def text(self, row: RawRow, field: LedgerField) -> str:
        return clean_text(self.value(row, field))

    @property
    def split_amount(self) -> bool:
        """Debet and Kredit columns rather than one Belopp."""
        return LedgerField.AMOUNT not in self.at


def field_of(value: Cell) -> LedgerField | None:
    if not isinstance(value, str):
        return None
    return _BY_KEY.get(key(value))


def columns_of(row: RawRow) -> LedgerColumns | None:
    """The row read as a ledger's header, or None when it is not one."""
    at: dict[LedgerField, int] = {}
    titles: dict[LedgerField, str] = {}
    for index, value in enumerate(row.cells):
        field = field_of(value)
        if field is not None and field not in at:
            at[field], titles[field] = index, clean_text(value)
    has_amount = LedgerField.AMOUNT in at or (LedgerField.DEBET in at and LedgerField.KREDIT in at)
    if LedgerField.AMOUNT in at and LedgerField.DEBET in at and LedgerField.KREDIT in at:
        # "Summa" beside Debet and Kredit is the running total, not the amount.
        del at[LedgerField.AMOUNT], titles[LedgerField.AMOUNT]
    named = LedgerField.VERIFIKATION in at or LedgerField.TEXT in at
    if LedgerField.DATE in at and has_amount and named:
        return LedgerColumns(row.number, at, titles)
    return None


def find_columns(rows: Sequence[RawRow], name: str) -> LedgerColumns:
    """The header among the first rows; DomainError (Swedish) when there is none."""
    for row in rows[:HEADER_SEARCH_ROWS]:
        found = columns_of(row)
        if found is not None:
            return found
    raise DomainError(
        f"{name} ser inte ut som ett huvudboksutdrag: ingen rubrikrad hittades bland de "
        f"första {HEADER_SEARCH_ROWS} raderna. Insatslogg letade efter kolumnerna {LOOKED_FOR}."
    )
