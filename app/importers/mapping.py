"""Which field each column of a spreadsheet holds: a plain object the preview may change."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.importers.fields import Field
from app.importers.table import column_letter


@dataclass
class MappedColumn:
    """One source column and the field its values go to (the user may change it)."""

    index: int
    header: str
    field: Field
    recognised: bool = True
    samples: tuple[str, ...] = ()
    # The registered organisation(s) a count column is headed by ("Region Kalmar län").
    organisation: str = ""
    # Why the column went to the notes although its header names something (ambiguous).
    note: str = ""

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def name(self) -> str:
        """How the column is named in notes and messages: its header, or 'Kolumn F'."""
        return self.header or f"Kolumn {self.letter}"

    @property
    def field_label(self) -> str:
        """The field, with the organisation the header named: 'Organisation: Region
        (Region Kalmar län)'."""
        label = self.field.label
        return f"{label} ({self.organisation})" if self.organisation else label


@dataclass
class ColumnMapping:
    """Which field each column of the sheet holds. A plain object the GUI may change."""

    header_row: int  # the source row number of the (last) header row
    columns: list[MappedColumn] = field(default_factory=list)

    def set_field(self, index: int, new: Field) -> None:
        self.column(index).field = new

    def column(self, index: int) -> MappedColumn:
        for c in self.columns:
            if c.index == index:
                return c
        raise KeyError(index)

    def indexes(self, wanted: Field) -> list[int]:
        return [c.index for c in self.columns if c.field is wanted]

    def has(self, wanted: Field) -> bool:
        return any(c.field is wanted for c in self.columns)

    def problems(self) -> list[str]:
        """What is wrong with the mapping as it stands (shown above the preview)."""
        found: list[str] = []
        if not self.has(Field.DATE):
            found.append("Ingen kolumn är kopplad till Datum; inga rader kan läsas.")
        if not self.has(Field.TITLE) and not self.has(Field.TYPE):
            found.append("Ingen kolumn är kopplad till Titel/tema eller Typ.")
        for f in Field:
            cols = [c for c in self.columns if c.field is f]
            if f.unique and f.org is None and len(cols) > 1:
                names = ", ".join(c.name for c in cols)
                found.append(
                    f"Flera kolumner är kopplade till {f.label} ({names}); "
                    "den första som har ett värde används."
                )
        return found
