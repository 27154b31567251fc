"""Streaming the rows of a long sheet (the närvarologg) straight to sheet XML.

openpyxl turns every cell into an object and an XML element, some 13 µs a cell here;
100 000 activities of 29 columns would take over half a minute. The rows of a long
log are plain values (text, whole numbers, dates), so they are written here as the
XML openpyxl would write for them — inline strings, numbers, dates as serial numbers
with a date style — about ten times faster. Everything else of the sheet (columns,
frozen pane, header row, table, print setup) is still openpyxl's: the rows are
spliced into its sheet XML just before ``</sheetData>`` when the workbook is zipped
(see SplicingArchive).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import IO, Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.xml.constants import ARC_APP

from app.core.limits import clean

MAX_ROWS = 1_048_576  # Excel's limit, the header row included
MAX_TEXT = 32_767  # Excel's limit for a cell's text
_EPOCH = date(1899, 12, 30).toordinal()  # Excel's serial 0 (the 1900 date system)
# What XML 1.0 forbids, as UTF-8 bytes and as character references: control characters
# but tab and line breaks, U+FFFE, U+FFFF and (encoded with surrogatepass) surrogates.
_FORBIDDEN_XML = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]|\xed[\xa0-\xbf][\x80-\xbf]"
    rb"|&#(?:[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF]|[dD][89a-fA-F][0-9a-fA-F]{2})"
    rb"|0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45]));"
)


def clean_text(text: str) -> str:
    """Text as a cell can hold it: none of the characters XML forbids (core
    ``limits.clean``: control characters, U+FFFE, U+FFFF, surrogates), at most 32 767
    characters."""
    return clean(text)[:MAX_TEXT]


def clean_xml(data: bytes) -> bytes:
    """An XML part without the characters XML 1.0 forbids: the belt under clean_text,
    for what reaches openpyxl without passing it (properties, print titles, names)."""
    return _FORBIDDEN_XML.sub(b"", data) if _FORBIDDEN_XML.search(data) else data


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class RowStream:
    """Rows written as sheet XML to a temporary file (deleted when closed).

    ``date_style`` is the workbook's style index for dates (see date_style_id).
    """

    def __init__(self, first_row: int, columns: int, date_style: int) -> None:
        # Closed by close(); the writer closes every stream, whatever happens.
        self.file: IO[bytes] = tempfile.TemporaryFile(prefix="insatslogg-rows-")  # noqa: SIM115
        self.next_row = first_row
        self._letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self._date_style = date_style
        self._parts: list[str] = []

    def append(self, values: Sequence[Any]) -> None:
        r = self.next_row
        if r > MAX_ROWS:
            raise OverflowError(f"more than {MAX_ROWS} rows")
        letters, cells = self._letters, [f'<row r="{r}">']
        add = cells.append
        for i, v in enumerate(values):
            if v is None:
                continue
            kind = type(v)
            if kind is int:
                add(f'<c r="{letters[i]}{r}" t="n"><v>{v}</v></c>')
            elif kind is str:
                if not v:
                    continue
                text = _escape(clean_text(v))
                space = ' xml:space="preserve"' if v != v.strip() else ""
                add(f'<c r="{letters[i]}{r}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif kind is date:
                serial = v.toordinal() - _EPOCH
                add(f'<c r="{letters[i]}{r}" s="{self._date_style}" t="n"><v>{serial}</v></c>')
            elif isinstance(v, bool):
                add(f'<c r="{letters[i]}{r}" t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, int | float):
                add(f'<c r="{letters[i]}{r}" t="n"><v>{v!r}</v></c>')
            elif isinstance(v, datetime | date):
                raise TypeError("only plain dates are written by RowStream")
            else:
                raise TypeError(f"cannot write {kind.__name__} to a cell")
        add("</row>")
        self._parts.append("".join(cells))
        self.next_row = r + 1
        if len(self._parts) >= 256:
            self.flush()

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for values in rows:
            self.append(values)

    def flush(self) -> None:
        if self._parts:
            self.file.write("".join(self._parts).encode("utf-8"))
            self._parts.clear()

    def close(self) -> None:
        self.file.close()


def date_style_id(ws: Any, number_format: str) -> int:
    """The workbook's style index for cells showing a date in ``number_format``."""
    cell = WriteOnlyCell(ws, value=date(2000, 1, 1))
    cell.number_format = number_format
    return int(cell.style_id)


class SplicingArchive(zipfile.ZipFile):
    """The workbook's zip file as openpyxl writes it, with three changes:

    * the rows of a RowStream go into a sheet's XML, just before ``</sheetData>``
      (``splice``: openpyxl's temporary file of the sheet → the rows);
    * the extended properties (app.xml) are ours, with the company, which openpyxl
      always writes blank;
    * no part holds a character XML forbids (clean_xml): one would make a workbook
      that neither Excel nor LibreOffice opens, while the export said it succeeded.
    """

    def __init__(self, file: Any, app_xml: bytes, splice: dict[str, RowStream]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._app_xml = app_xml
        self._splice = splice

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if zinfo_or_arcname == ARC_APP:
            data = self._app_xml
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        super().writestr(zinfo_or_arcname, clean_xml(data), *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        rows = self._splice.get(str(filename))
        if rows is None:
            with open(filename, "rb") as f:  # a summary sheet: megabytes at most
                super().writestr(arcname or str(filename), clean_xml(f.read()), *args, **kwargs)
            return
        with open(filename, "rb") as f:
            sheet = clean_xml(f.read())  # small: everything but the streamed rows
        cut = sheet.rindex(b"</sheetData>")
        rows.flush()
        rows.file.seek(0)
        with self.open(arcname, "w") as entry:
            entry.write(sheet[:cut])
            shutil.copyfileobj(rows.file, entry, 1 << 20)
            entry.write(sheet[cut:])
