"""What a spreadsheet reader hands on: raw cell values by source row, nothing interpreted yet."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

from app.core import limits
from app.core.errors import DomainError
from app.core.wording import count_noun, thousands

Cell = str | int | float | bool | date | datetime | time | None


@dataclass(frozen=True, slots=True)
class RawRow:
    """One non-blank row, numbered as the user sees it (the spreadsheet's row number)."""

    number: int
    cells: tuple[Cell, ...]

    def cell(self, index: int) -> Cell:
        return self.cells[index] if 0 <= index < len(self.cells) else None


@dataclass(frozen=True)
class RawTable:
    """The rows of one sheet or CSV file; completely blank rows are left out."""

    name: str
    rows: tuple[RawRow, ...]
    sheet: str = ""
    # Row numbers of blank rows between the first and the last row with something in it.
    blank_rows: tuple[int, ...] = ()
    # What reading found that the report should say (a CSV mixing two encodings).
    warnings: tuple[str, ...] = ()

    @property
    def width(self) -> int:
        return max((len(r.cells) for r in self.rows), default=0)


def too_many_rows(name: str, cap: int) -> DomainError:
    n = thousands(cap)
    return DomainError(
        f"{name} har fler än {n} rader. Insatslogg importerar högst {n} rader åt gången: "
        "dela upp filen i flera (till exempel ett år i varje) och importera dem var för sig."
    )


def collect(
    numbered: Iterable[tuple[int, Sequence[Cell]]], name: str = "", *, capped: bool = True
) -> tuple[list[RawRow], list[int]]:
    """The non-blank rows (trailing blank cells dropped) and the blank rows between them.

    More than MAX_IMPORT_ROWS non-blank rows (app/core/limits.py): DomainError, as soon
    as the row after the last one allowed is read (the rest of the file is never read).
    ``capped`` False: no cap (a glance at the first rows of a sheet).
    """
    rows: list[RawRow] = []
    blanks: list[int] = []
    cap = limits.MAX_IMPORT_ROWS if capped else -1
    for number, cells in numbered:
        last = len(cells)
        while last and is_blank(cells[last - 1]):
            last -= 1
        if last == 0:
            if rows:
                blanks.append(number)
            continue
        if len(rows) == cap:
            raise too_many_rows(name, cap)
        rows.append(RawRow(number, tuple(cells[:last])))
    if rows:
        end = rows[-1].number
        blanks = [b for b in blanks if b < end]
    return rows, blanks


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def clean_text(value: Cell) -> str:
    """A cell as text: trimmed, inner runs of whitespace made one space, without the
    characters XML forbids. A text longer than a cell can hold comes back as its first
    CELL_TEXT + 1 characters, as they are: far longer than any field's limit, so the field
    refuses it, and nothing copies the whole (a cell of 300 MB has been seen)."""
    if value is None:
        return ""
    if isinstance(value, str):
        if len(value) > limits.CELL_TEXT:
            return limits.clean(value[: limits.CELL_TEXT + 1])
        return " ".join(limits.clean(value).split())
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def clean_lines(value: Cell) -> str:
    """Like clean_text, but the line breaks inside a cell are kept: notes written over
    several lines (Alt+Enter in Excel, or the program's own export) come back as they were
    written, each line trimmed, with no empty lines first or last."""
    if not isinstance(value, str) or len(value) > limits.CELL_TEXT:
        return clean_text(value)
    text = limits.clean(value).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n")


_NON_WORD = re.compile(r"[^\w]+")


# The same kommun, type and header texts come back on every row: remember the answers.
@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower case without diacritics: 'Försäkringskassan ' → 'forsakringskassan'."""
    if text.isascii():
        return text.casefold().strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """A header or name as a lookup key: folded, with spaces and punctuation removed."""
    return _NON_WORD.sub("", fold(text)).replace("_", "")


def words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in _NON_WORD.split(fold(text).replace("_", " ")) if w)


def n_of(n: int, one: str, many: str) -> str:
    """'1 rad', '3 rader': a count with its noun in the right number (core count_noun)."""
    return count_noun(n, one, many)


def column_letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA' (as spreadsheets name their columns)."""
    letters = ""
    n = index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def detail(exc: BaseException, limit: int = 160) -> str:
    """A library's own words about what went wrong, short enough to show after ours."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
