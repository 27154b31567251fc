"""The lines of a CSV file as text, read as a stream, each in its own encoding.

Excel saves CSV in Windows-1252 (or UTF-8, with a byte order mark, when asked), other
programs in UTF-8; a file put together from both has lines in each. Every line is read
as UTF-8 when it is valid UTF-8, else as Windows-1252 — so nothing turns into "Ã¥" —
and each line's encoding is handed on, for the report to name the rows of a mixed file.
A file starting with a UTF-16 byte order mark (Excel's "Unicode text") is UTF-16 all
through.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from app.core.errors import DomainError

CHUNK = 1 << 20
# A line longer than this is no row of activities (a CSV field holds at most 131 072
# characters); reading stops instead of gathering it in memory.
MAX_LINE_BYTES = 8 << 20
# After a line feed, or after a carriage return not followed by one: where lines end.
_LINE_END = re.compile(rb"(?<=\n)|(?<=\r)(?!\n)")
_BOM = b"\xef\xbb\xbf"
UTF8, CP1252 = "UTF-8", "Windows-1252"


def decode_line(raw: bytes) -> tuple[str, str | None]:
    """The line as text, and the encoding it was read in (None: plain ASCII)."""
    if raw.isascii():
        return raw.decode("ascii"), None
    try:
        return raw.decode("utf-8"), UTF8
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), CP1252
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return raw.decode("latin-1"), CP1252


def byte_lines(f: BinaryIO, name: str) -> Iterator[bytes]:
    """The lines of ``f`` with their line ends (\\r\\n, \\n or a lone \\r), read in chunks."""
    pending = b""
    number = 0
    while chunk := f.read(CHUNK):
        parts = _LINE_END.split(pending + chunk)
        pending = parts.pop()
        number += len(parts)
        yield from parts
        if len(pending) > MAX_LINE_BYTES:
            raise DomainError(
                f"{name} kan inte läsas som CSV: rad {number + 1} är längre än "
                f"{MAX_LINE_BYTES >> 20} MB utan radbrytning."
            )
    if pending:
        yield pending


def text_lines(f: BinaryIO, name: str) -> Iterator[tuple[str, str | None]]:
    """The file's lines as text, each with the encoding it was read in: UTF-16 when the
    file starts with that byte order mark, else each line in its own (a UTF-8 byte order
    mark dropped)."""
    start = f.read(4)
    f.seek(0)
    if start[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = io.TextIOWrapper(f, encoding="utf-16", errors="replace", newline="")
        try:
            for line in text:
                yield line, None
        finally:
            text.detach()  # the caller closes the file
        return
    first = True
    for raw in byte_lines(f, name):
        if first:
            raw, first = raw.removeprefix(_BOM), False
        yield decode_line(raw)


class EncodingRows:
    """The rows (CSV records) read in UTF-8 and in Windows-1252, for the mixed warning."""

    SHOWN = 8

    def __init__(self) -> None:
        self.rows: dict[str, list[int]] = {UTF8: [], CP1252: []}
        self.counts: dict[str, int] = {UTF8: 0, CP1252: 0}

    def add(self, row: int, encodings: set[str]) -> None:
        for encoding in encodings:
            self.counts[encoding] += 1
            if len(self.rows[encoding]) <= self.SHOWN:
                self.rows[encoding].append(row)

    def warning(self, name: str) -> str | None:
        """What the report says about a file mixing the two, or None."""
        if not (self.counts[UTF8] and self.counts[CP1252]):
            return None

        def shown(encoding: str) -> str:
            rows = self.rows[encoding][: self.SHOWN]
            more = " …" if self.counts[encoding] > self.SHOWN else ""
            return ", ".join(str(r) for r in rows) + more

        return (
            f"{name} blandar två teckenkodningar: rad {shown(UTF8)} är skrivna i {UTF8} och "
            f"rad {shown(CP1252)} i {CP1252}. Varje rad har lästs med sin egen teckenkodning; "
            "kontrollera å, ä och ö på de raderna efter importen."
        )
