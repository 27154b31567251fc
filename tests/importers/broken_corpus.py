"""A corpus of broken spreadsheets and calendars, made by code (no binary files committed).

Every file is built from a fixed seed, so a run sees the same bytes each time and a
failure names a file that can be made again. ``corpus()`` gives them all; ``valid_*`` the
sound files they are broken from (each of which imports a few activities).
"""

from __future__ import annotations

import io
import random
import re
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from app.importers.report import SourceKind
from app.store import activity_import

SEED = 20180315
TRUNCATIONS = 30
BIT_FLIPS = 30
FIXED_TIME = (2018, 3, 15, 12, 0, 0)


@dataclass(frozen=True)
class BrokenFile:
    """One file of the corpus: its name (the suffix decides the GUI's reader), the kind the
    command line is told, and its bytes."""

    name: str
    kind: SourceKind
    data: bytes

    def __str__(self) -> str:  # pytest ids and failure lists
        return self.name


# --- the sound files the broken ones start from -----------------------------------------------

CSV_TEXT = (
    "Aktiviteter 2018\r\n"
    "Datum;Typ;Titel;Kommun;Plats;Antal;Kvinnor;Män;Medarrangör;Status\r\n"
    "2018-03-15;Frukostmöte;Frukost om ASF;Gävle;Stadshuset;12;7;5;Arbetsförmedlingen;\r\n"
    "2018-03-20;Seminarium;Seminarium ”Sociala företag”;Hofors;Folkets hus;20;;;;\r\n"
    '16/4 2018;Workshop;"Workshop; del 1";Bollnäs;Rum 3;ca 8;;;FK;\r\n'
    "2018-05-02;Temadag;Temadag för kommunerna;Länet;;40;20;20;;Genomförd\r\n"
    "2018-06-11;Nätverksmöte;Nätverksträff;Söderhamn;Teams;9;;;;\r\n"
    "Summa;;;;;89;;;;\r\n"
)

ICS_TEXT = (
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "VERSION:2.0\r\n"
    "X-WR-TIMEZONE:Europe/Stockholm\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:W. Europe Standard Time\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16011028T030000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:16010325T020000\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:1\r\n"
    "DTSTAMP:20180101T000000Z\r\n"
    "SUMMARY:Frukostmöte ASF\r\n"
    "DTSTART;TZID=W. Europe Standard Time:20180315T073000\r\n"
    "DTEND;TZID=W. Europe Standard Time:20180315T090000\r\n"
    "LOCATION:Stadshuset\\, Gävle\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:2\r\n"
    "DTSTAMP:20180101T000000Z\r\n"
    "SUMMARY:Temadag om sociala företag\r\n"
    "DTSTART;VALUE=DATE:20180410\r\n"
    "DTEND;VALUE=DATE:20180411\r\n"
    "LOCATION:Söderhamn\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:3\r\n"
    "DTSTAMP:20180101T000000Z\r\n"
    "SUMMARY:Nätverksträff ASF Hofors\r\n"
    "DTSTART;TZID=W. Europe Standard Time:20180904T130000\r\n"
    "DTEND;TZID=W. Europe Standard Time:20180904T150000\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=4\r\n"
    "LOCATION:Hofors\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:4\r\n"
    "DTSTAMP:20180101T000000Z\r\n"
    "SUMMARY:Seminarium i Teams\r\n"
    "STATUS:CANCELLED\r\n"
    "DTSTART:20181010T070000Z\r\n"
    "DURATION:PT3H\r\n"
    "LOCATION:Microsoft Teams-möte\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)

XLSX_HEADER = ("Datum", "Typ", "Titel", "Kommun", "Antal", "Kvinnor", "Män", "Status")
XLSX_ROWS: tuple[tuple[Any, ...], ...] = (
    (datetime(2018, 3, 15), "Frukostmöte", "Frukost om ASF", "Gävle", 12, 7, 5, "Genomförd"),
    (datetime(2018, 3, 20), "Seminarium", "Seminarium", "Hofors", 20, None, None, None),
    ("2018-04-16", "Workshop", "Workshop del 1", "Bollnäs", "ca 8", None, None, None),
    (datetime(2018, 5, 2), "Temadag", "Temadag för kommunerna", "Länet", 40, 20, 20, None),
)


def normalised_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so that the bytes never change."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                content = re.sub(
                    rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2018-03-15T12:00:00Z", content
                )
            dst.writestr(fixed, content)
    return out.getvalue()


def workbook_bytes(rows: Any, title: str = "Närvarologg") -> bytes:
    """An .xlsx written by openpyxl with ``rows`` from A1 on."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(list(row))
    wb.properties.created = wb.properties.modified = datetime(*FIXED_TIME)
    out = io.BytesIO()
    wb.save(out)
    return normalised_zip(out.getvalue())


@cache
def valid_csv() -> bytes:
    return CSV_TEXT.encode("utf-8-sig")


@cache
def valid_ics() -> bytes:
    return ICS_TEXT.encode("utf-8")


@cache
def valid_xlsx() -> bytes:
    return workbook_bytes([("Närvarologg 2018",), XLSX_HEADER, *XLSX_ROWS])


# --- a hand-written workbook: every cell exactly as we write it in the XML ----------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Närvarologg" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
# Style 0: general; style 1: a date (numFmt 14), so numbers in it are read as dates.
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font/></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)
_SHARED = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" '
    'uniqueCount="2"><si><t>Datum</t></si><si><t>Titel</t></si></sst>'
)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def raw_cell(ref: str, value: str, t: str = "", s: int = 0) -> str:
    """A <c> element as it stands in the file: ``t`` the cell type, ``s`` the style."""
    attrs = f' r="{ref}"' + (f' t="{t}"' if t else "") + (f' s="{s}"' if s else "")
    if t == "inlineStr":
        return f"<c{attrs}><is><t>{value}</t></is></c>"
    return f"<c{attrs}><v>{value}</v></c>"


def raw_xlsx(data_rows: list[str], **parts: str) -> bytes:
    """A workbook whose sheet has the header Datum|Typ|Titel|Kommun|Antal and then
    ``data_rows`` (each the <c> elements of one row); ``parts`` replace whole files."""
    header = "".join(
        raw_cell(f"{col}1", _esc(text), "inlineStr")
        for col, text in zip("ABCDE", ("Datum", "Typ", "Titel", "Kommun", "Antal"), strict=True)
    )
    rows = [f'<row r="1">{header}</row>'] + [
        f'<row r="{n}">{cells}</row>' for n, cells in enumerate(data_rows, start=2)
    ]
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>" + "".join(rows) + "</sheetData></worksheet>"
    )
    files = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/styles.xml": _STYLES,
        "xl/sharedStrings.xml": _SHARED,
        "xl/worksheets/sheet1.xml": sheet,
        **parts,
    }
    return zip_of(files)


def zip_of(files: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return out.getvalue()


def _row(date_cell: str, *rest: str) -> str:
    """A data row: ``date_cell`` in A, then ``rest`` (already <c> elements) from B on."""
    return date_cell + "".join(rest)


def _plain(n: int, title: str = "Seminarium", count: str = "12") -> str:
    return (
        raw_cell(f"B{n}", "Seminarium", "inlineStr")
        + raw_cell(f"C{n}", _esc(title), "inlineStr")
        + raw_cell(f"D{n}", "Gävle", "inlineStr")
        + raw_cell(f"E{n}", count)
    )


def _garbage_workbooks() -> Iterator[tuple[str, bytes]]:
    """Workbooks that open but hold values no sheet should hold."""
    iso = raw_cell("A{n}", "2018-03-15", "inlineStr")
    cells: dict[str, list[str]] = {
        # Cell by cell: what Excel, a script or a broken exporter may leave behind.
        "error-cells": [
            _row(raw_cell(f"A{n}", e, "e"), _plain(n))
            for n, e in enumerate(("#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?"), start=2)
        ],
        "dates-out-of-range": [
            _row(raw_cell(f"A{n}", v, s=1), _plain(n))
            for n, v in enumerate(
                ("-1", "0", "2958466", "99999999999", "1e308", "-1e308", "1e-300"), start=2
            )
        ],
        "iso-dates-broken": [
            _row(raw_cell(f"A{n}", v, "d"), _plain(n))
            for n, v in enumerate(
                ("2018-13-45", "0000-00-00", "99999-01-01", "nonsens", "", "2018-03-15T25:61"),
                start=2,
            )
        ],
        "numbers-not-numbers": [
            _row(raw_cell(f"A{n}", v), _plain(n))
            for n, v in enumerate(("abc", "1,5", "NaN", "inf", "-inf", "1e400", "0x10"), start=2)
        ],
        "shared-string-missing": [
            _row(raw_cell(f"A{n}", v, "s"), _plain(n))
            for n, v in enumerate(("999", "-1", "x", "1.5"), start=2)
        ],
        "booleans-broken": [
            _row(raw_cell(f"A{n}", v, "b"), _plain(n)) for n, v in enumerate(("2", "x", ""), 2)
        ],
        "counts-odd": [
            _row(iso.format(n=n), _plain(n, f"Rad {n}", c))
            for n, c in enumerate(
                ("-5", "1e30", "2.5", "NaN", "inf", "-0", "99999999999999999999999"), start=2
            )
        ],
        "counts-as-text": [
            _row(iso.format(n=n), _plain(n, f"Rad {n}", "0"))
            + raw_cell(f"E{n}", _esc(c), "inlineStr")
            for n, c in enumerate(
                ("NaN", "nan", "Infinity", "-inf", "1e400", "−5", "12½", "١٢", "ca", "~"), start=2
            )
        ],
        "huge-strings": [
            _row(iso.format(n=2), _plain(2, "x" * 200_000)),
            _row(raw_cell("A3", "2018-03-1" + "5" * 50_000, "inlineStr"), _plain(3)),
            _row(iso.format(n=4), _plain(4, "Seminarium " + "åäö " * 30_000)),
        ],
        "control-characters": [
            _row(iso.format(n=n), _plain(n, t))
            for n, t in enumerate(
                (
                    "_x0000_ nul",
                    "_x0007_bell",
                    "tab\there",
                    "rad\nbrytning",
                    "\u202e rtl",
                    "\ufeff",
                ),
                start=2,
            )
        ],
        "formulas-without-values": [
            f'<c r="A{n}"><f>{f}</f></c>' + _plain(n)
            for n, f in enumerate(("TODAY()", "1/0", "A1+", "SUM(A1:XFD1048576)"), start=2)
        ],
        "formulas-with-odd-values": [
            f'<c r="A{n}" t="{t}"><f>X()</f><v>{v}</v></c>' + _plain(n)
            for n, (t, v) in enumerate(
                (("str", "2018-03-15"), ("e", "#REF!"), ("n", "43174"), ("b", "1"), ("n", "")),
                start=2,
            )
        ],
        "odd-cell-references": [
            raw_cell(r, "x", "inlineStr") for r in ("A0", "XFE1", "ZZZZZZ9", "A-3", "11", "")
        ],
        "unknown-cell-type": [
            _row(raw_cell(f"A{n}", "2018-03-15", t), _plain(n))
            for n, t in enumerate(("q", "str ", "inlinestr", "N"), start=2)
        ],
    }
    for name, rows in cells.items():
        yield name, raw_xlsx(rows)
    # Whole parts broken.
    yield "zip-last-byte-missing", raw_xlsx([_row(iso.format(n=2), _plain(2))])[:-1]
    broken_sheet = '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"'
    yield "sheet-xml-broken", raw_xlsx([], **{"xl/worksheets/sheet1.xml": broken_sheet})
    yield "sheet-not-xml", raw_xlsx([], **{"xl/worksheets/sheet1.xml": "Datum;Titel\n1;2"})
    yield "sheet-empty-part", raw_xlsx([], **{"xl/worksheets/sheet1.xml": ""})
    yield "sheet-missing", _without(raw_xlsx([]), "xl/worksheets/sheet1.xml")
    yield "styles-broken", raw_xlsx([_row(iso.format(n=2), _plain(2))], **{"xl/styles.xml": "<"})
    yield "shared-strings-broken", raw_xlsx([], **{"xl/sharedStrings.xml": "<sst><si>"})
    yield (
        "workbook-no-sheets",
        raw_xlsx([], **{"xl/workbook.xml": _WORKBOOK.replace(_SHEET_ELEMENT, "")}),
    )
    yield "workbook-broken", raw_xlsx([], **{"xl/workbook.xml": "<workbook"})
    yield "content-types-missing", _without(raw_xlsx([]), "[Content_Types].xml")
    entity = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    yield "xml-entities", raw_xlsx([], **{"xl/worksheets/sheet1.xml": entity})
    deep = "<row>" * 5000 + "</row>" * 5000
    yield (
        "deeply-nested-xml",
        raw_xlsx(
            [],
            **{"xl/worksheets/sheet1.xml": f"<worksheet><sheetData>{deep}</sheetData></worksheet>"},
        ),
    )
    many = "".join(f'<row r="{n}"/>' for n in range(2, 20_000))
    yield (
        "many-empty-rows",
        raw_xlsx(
            [],
            **{
                "xl/worksheets/sheet1.xml": '<worksheet xmlns="http://schemas.openxmlformats.org/'
                f'spreadsheetml/2006/main"><sheetData>{many}</sheetData></worksheet>'
            },
        ),
    )
    # Cell values openpyxl itself writes (no hand-made XML): huge, odd and absurd values.
    header = ("Datum", "Typ", "Titel", "Kommun", "Antal", "Kvinnor", "Män")
    odd_values: list[tuple[Any, ...]] = [
        (datetime(1900, 1, 1), "Seminarium", "Tidigt", "Gävle", 1),
        (datetime(9999, 12, 31, 23, 59), "Seminarium", "Sent", "Gävle", 1),
        (date(1, 1, 1), "Seminarium", "År ett", "Gävle", 1),
        (datetime(2018, 3, 15), "Seminarium", "Negativt", "Gävle", -12),
        (datetime(2018, 3, 16), "Seminarium", "Enormt", "Gävle", 10**30),
        (datetime(2018, 3, 17), "Seminarium", "Bråk", "Gävle", 2.5),
        (datetime(2018, 3, 18), "Seminarium", "Inte ett tal", "Gävle", float("nan")),
        (datetime(2018, 3, 19), "Seminarium", "Oändligt", "Gävle", float("inf")),
        (datetime(2018, 3, 20), "Seminarium", "Fler kvinnor än totalt", "Gävle", 3, 10, 10),
        ("=TODAY()", "=1/0", "=A1&B1", "=#REF!", "=SUM(E1:E9)"),
        ("#REF!", "#VALUE!", "#N/A", "#DIV/0!", "#NAME?"),
        (True, False, None, True, True),
        ("2018-02-30", "Seminarium", "Finns inte", "Gävle", "12 st"),
        (43174.5, "Seminarium", "Serietal", "Gävle", "NaN"),
        (-43174, "Seminarium", "Negativt serietal", "Gävle", "-1"),
        ("x" * 32_767, "y" * 32_767, "z" * 32_767, "Gävle", "1" * 5000),
    ]
    yield "openpyxl-odd-values", workbook_bytes([header, *odd_values])
    yield "openpyxl-only-header", workbook_bytes([header])
    yield "openpyxl-empty-workbook", workbook_bytes([])
    yield "openpyxl-wide", workbook_bytes([header + tuple(f"K{i}" for i in range(5000))])


_SHEET_ELEMENT = '<sheet name="Närvarologg" sheetId="1" r:id="rId1"/>'


def _without(archive: bytes, member: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        files = {i.filename: z.read(i) for i in z.infolist() if i.filename != member}
    return zip_of(dict(files))


# --- ways of breaking any file -----------------------------------------------------------------


def truncations(data: bytes, rng: random.Random, n: int = TRUNCATIONS) -> list[int]:
    """Cut points: the first bytes, evenly spread ones, random ones and the last bytes."""
    size = len(data)
    points = {1, 2, 3, 10, size // 2, size - 1, size - 2, size - 10}
    points |= {size * k // (n // 2) for k in range(1, n // 2)}
    while len(points) < n:
        points.add(rng.randrange(1, size))
    return sorted(p for p in points if 0 < p < size)[:n]


def bit_flipped(data: bytes, rng: random.Random, flips: int) -> bytes:
    out = bytearray(data)
    for _ in range(flips):
        at = rng.randrange(len(out))
        out[at] ^= 1 << rng.randrange(8)
    return bytes(out)


def _generic(
    stem: str, suffix: str, kind: SourceKind, valid: bytes, rng: random.Random
) -> Iterator[BrokenFile]:
    """What happens to any file: empty, noise, cut short, bits flipped."""

    def f(name: str, data: bytes) -> BrokenFile:
        return BrokenFile(f"{stem}-{name}{suffix}", kind, data)

    yield f("empty", b"")
    yield f("one-byte", b"\x00")
    yield f("whitespace", b" \r\n\t \n")
    for size in (1, 7, 512, 4096, 200_000):
        yield f(f"random-{size}", rng.randbytes(size))
    yield f(
        "random-text", "".join(rng.choice("abcåäö;,\t\"'\n\r:=-") for _ in range(3000)).encode()
    )
    for cut in truncations(valid, rng):
        yield f(f"truncated-{cut:05d}", valid[:cut])
    for i in range(BIT_FLIPS):
        yield f(f"bitflip-{i:02d}", bit_flipped(valid, rng, 1 + i % 8))
    yield f("doubled", valid + valid)
    yield f("valid-then-noise", valid + rng.randbytes(300))
    yield f("noise-then-valid", rng.randbytes(300) + valid)


def _wrong_extension(kind: SourceKind, suffix: str) -> Iterator[BrokenFile]:
    others = {"csv": valid_csv(), "ics": valid_ics(), "xlsx": valid_xlsx()}
    others["png"] = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    others["pdf"] = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer<<>>\n%%EOF\n"
    others["xls"] = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504  # the old binary format
    for real, data in others.items():
        if "." + real != suffix:
            yield BrokenFile(f"{kind.value}-really-{real}{suffix}", kind, data)


def _csv_specific(rng: random.Random) -> Iterator[BrokenFile]:
    def f(name: str, data: bytes) -> BrokenFile:
        return BrokenFile(f"csv-{name}.csv", SourceKind.CSV, data)

    text = CSV_TEXT
    yield f("utf-16-bom", text.encode("utf-16"))
    yield f("utf-16-le-no-bom", text.encode("utf-16-le"))
    yield f("utf-16-be-no-bom", text.encode("utf-16-be"))
    yield f("utf-32", text.encode("utf-32"))
    yield f("latin-1", text.replace("”", '"').encode("latin-1"))
    yield f("cp1252", text.encode("cp1252"))
    yield f("utf-8-then-latin-1", text.encode() + "Åsa;Örebro\r\n".encode("latin-1"))
    yield f("mac-line-endings", text.replace("\r\n", "\r").encode())
    yield f("mixed-line-endings", "".join(
        line + rng.choice(("\r\n", "\n", "\r", "\n\r", "\u2028"))
        for line in text.splitlines()
    ).encode())  # fmt: skip
    yield f("nul-bytes", text.replace(";", ";\x00").encode())
    yield f("nul-everywhere", b"\x00".join(text.encode()[i : i + 3] for i in range(0, 600, 3)))
    yield f("control-characters", text.replace("a", "a\x01\x1b\x7f").encode())
    yield f("unbalanced-quote", text.replace("Frukost om ASF", '"Frukost om ASF').encode())
    yield f("quote-to-the-end", (text + '2018-07-01;Seminarium;"aldrig slut\n' * 3).encode())
    yield f("only-quotes", b'"' * 999)
    yield f("single-line", b"Datum;Typ;Titel;Kommun;Antal")
    yield f("single-line-no-header", b"2018-03-15;Seminarium;Gavle;12")
    yield f("only-delimiters", (";;;;;\n" * 50 + ",,,,\t\t\t\n" * 50).encode())
    wide = ";".join(f"K{i}" for i in range(10_000))
    yield f("10000-columns", f"Datum;Titel;{wide}\n2018-03-15;Seminarium;{wide}\n".encode())
    yield f("10000-column-header-only", f"Datum;Titel;Typ;{wide}".encode())
    yield f("huge-field", f'Datum;Titel;Antal\n2018-03-15;"{"x" * 300_000}";12\n'.encode())
    yield f("huge-unquoted-field", ("Datum;Titel;Antal\n2018-03-15;" + "x" * 300_000).encode())
    yield f("huge-line-no-delimiter", b"a" * 500_000)
    yield f("many-short-lines", b"\n" * 100_000 + b"Datum;Titel\n")
    yield f("header-after-20-rows", ("x;y\n" * 25 + "Datum;Titel;Antal\n2018-03-15;A;1\n").encode())
    yield f("dates-odd", (
        "Datum;Typ;Titel;Kommun;Antal\n"
        "0000-00-00;Seminarium;A;Gävle;1\n99999-12-31;Seminarium;B;Gävle;1\n"
        "2018-02-30;Seminarium;C;Gävle;1\n31/12 0000;Seminarium;D;Gävle;1\n"
        "1e400;Seminarium;E;Gävle;1\nNaN;Seminarium;F;Gävle;1\n-43174;Seminarium;G;Gävle;1\n"
        "99999999;Seminarium;H;Gävle;1\n2018-03-15 – 2017-01-01;Seminarium;I;Gävle;1\n"
        "15–16 mars 99999;Seminarium;J;Gävle;1\n1 smarch 2018;Seminarium;K;Gävle;1\n"
        "2018-03-15T99:99;Seminarium;L;Gävle;1\n"
    ).encode())  # fmt: skip
    yield f("counts-odd", (
        "Datum;Typ;Titel;Kommun;Antal;Kvinnor;Män\n"
        "2018-03-15;Seminarium;A;Gävle;-5;;\n2018-03-15;Seminarium;B;Gävle;1e30;;\n"
        "2018-03-15;Seminarium;C;Gävle;2,5;;\n2018-03-15;Seminarium;D;Gävle;NaN;;\n"
        "2018-03-15;Seminarium;E;Gävle;inf;;\n2018-03-15;Seminarium;F;Gävle;-inf;;\n"
        "2018-03-15;Seminarium;G;Gävle;1e400;;\n2018-03-15;Seminarium;H;Gävle;ca;;\n"
        "2018-03-15;Seminarium;I;Gävle;3;99;99\n2018-03-15;Seminarium;J;Gävle;"
        + "9" * 5000 + ";;\n2018-03-15;Seminarium;K;Gävle;١٢;;\n"
        "2018-03-15;Seminarium;L;Gävle;½;;\n2018-03-15;Seminarium;M;Gävle;--1;;\n"
    ).encode())  # fmt: skip
    yield f("formulas-and-errors", (
        "Datum;Typ;Titel;Kommun;Antal\n=TODAY();=1/0;#REF!;#N/A;#VALUE!\n"
        "2018-03-15;Seminarium;=HYPERLINK(\"x\");Gävle;=SUM(E1:E2)\n"
    ).encode())  # fmt: skip
    yield f("sep-line", b"sep=;\nDatum;Titel;Antal\n2018-03-15;Seminarium;3\n")


def _ics_specific(rng: random.Random) -> Iterator[BrokenFile]:
    def f(name: str, text: str) -> BrokenFile:
        return BrokenFile(f"ics-{name}.ics", SourceKind.ICS, text.encode("utf-8"))

    def cal(*events: str, head: str = "") -> str:
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + head + "".join(events) + "END:VCALENDAR\r\n"

    def ev(*lines: str, uid: str = "x") -> str:
        return (
            "BEGIN:VEVENT\r\nUID:"
            + uid
            + "\r\n"
            + "".join(x + "\r\n" for x in lines)
            + ("END:VEVENT\r\n")
        )

    ok = ("SUMMARY:Seminarium", "DTSTART:20180315T090000Z")
    yield f("missing-end-vcalendar", ICS_TEXT.replace("END:VCALENDAR\r\n", ""))
    yield f("missing-end-vevent", ICS_TEXT.replace("END:VEVENT\r\n", "", 1))
    yield f("missing-begin", ICS_TEXT.replace("BEGIN:VCALENDAR\r\n", ""))
    yield f("only-begin", "BEGIN:VCALENDAR\r\n")
    yield f("only-events", ev(*ok))
    yield f("end-without-begin", "END:VEVENT\r\nEND:VCALENDAR\r\n")
    yield f("mismatched-end", cal("BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VTODO\r\n"))
    yield f("line-without-colon", cal(ev(*ok, "DETTA ÄR INGEN EGENSKAP")))
    yield f("lines-without-colon", ICS_TEXT.replace(":", " "))
    yield f("empty-lines", ICS_TEXT.replace("\r\n", "\r\n\r\n"))
    yield f("bad-folding", ICS_TEXT.replace("SUMMARY:", "SUMMARY:\r\n \r\n\t"))
    yield f("folded-start", " fortsättning\r\n" + ICS_TEXT)
    yield f("bad-parameters", cal(ev('DTSTART;TZID="Europe/Stockholm:20180315T090000', *ok)))
    yield f("parameter-garbage", cal(ev('SUMMARY;;;=;X="":Möte', "DTSTART;=:20180315")))
    yield f("lowercase-names", ICS_TEXT.lower())
    for i, value in enumerate((
        "DTSTART:20181345T250000", "DTSTART:2018-03-15", "DTSTART:", "DTSTART:nonsens",
        "DTSTART;VALUE=DATE:99999999", "DTSTART;VALUE=DATE:00000000", "DTSTART:00010101T000000Z",
        "DTSTART:99991231T235959Z", "DTSTART;VALUE=DATE:20180315T090000",
        "DTSTART;VALUE=DATE-TIME:20180315", "DTSTART;VALUE=PERIOD:20180315T090000Z/PT1H",
        "DTSTART;VALUE=TIME:090000", "DTSTART:20180315T090000+0100", "DTSTART:T090000",
    )):  # fmt: skip
        yield f(f"bad-dtstart-{i:02d}", cal(ev("SUMMARY:Seminarium", value)))
    for i, value in enumerate((
        "DTEND:20170101T000000Z", "DTEND:99991231T235959Z", "DTEND:nonsens",
        "DTEND;VALUE=DATE:20180315", "DURATION:nonsens", "DURATION:-P1D", "DURATION:P99999999W",
        "DURATION:PT0S", "DTEND:20180316T000000Z\r\nDURATION:PT1H",
    )):  # fmt: skip
        yield f(f"bad-end-{i:02d}", cal(ev(*ok, value)))
    for i, (tz, head) in enumerate((
        ("TZID=Mars/Olympus", ""),
        ("TZID=", ""),
        ('TZID="W. Europe Standard Time"', ""),
        ("TZID=Europe/../../etc/passwd", ""),
        ("TZID=Eget", "BEGIN:VTIMEZONE\r\nTZID:Eget\r\nEND:VTIMEZONE\r\n"),
        ("TZID=Eget", "BEGIN:VTIMEZONE\r\nTZID:Eget\r\nBEGIN:STANDARD\r\nDTSTART:nonsens\r\n"
                      "TZOFFSETTO:+9999\r\nTZOFFSETFROM:x\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"),
        ("TZID=Eget", "BEGIN:VTIMEZONE\r\nTZID:Eget\r\nBEGIN:STANDARD\r\n"
                      "DTSTART:16011028T030000\r\nRRULE:FREQ=SECONDLY\r\nTZOFFSETTO:+0100\r\n"
                      "TZOFFSETFROM:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"),
    )):  # fmt: skip
        start = f"DTSTART;{tz}:20180315T090000"
        yield f(f"bad-timezone-{i:02d}", cal(ev("SUMMARY:Seminarium", start), head=head))
    yield f("bad-x-wr-timezone", cal(ev(*ok), head="X-WR-TIMEZONE:Inte/En/Zon\x00\r\n"))
    for i, rule in enumerate((
        "FREQ=DAILY;COUNT=100000000", "FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY",
        "FREQ=MINUTELY;COUNT=999999999", "FREQ=SECONDLY;UNTIL=20211231T235959Z",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;INTERVAL=-1", "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=NEVER", "", "COUNT=5", "FREQ=DAILY;UNTIL=nonsens", "FREQ=DAILY;COUNT=-3",
        "FREQ=MONTHLY;BYSETPOS=999;BYDAY=MO", "FREQ=YEARLY;BYWEEKNO=99",
    )):  # fmt: skip
        yield f(f"rrule-{i:02d}", cal(ev("SUMMARY:Nätverksträff", "DTSTART:20180101T080000Z",
                                         f"RRULE:{rule}")))  # fmt: skip
    yield f("many-series", cal(*(
        ev(f"SUMMARY:Serie {i}", "DTSTART:20180101T080000Z", "RRULE:FREQ=HOURLY", uid=str(i))
        for i in range(20)
    )))  # fmt: skip
    yield f("exdate-rdate-garbage", cal(ev(*ok, "RRULE:FREQ=WEEKLY;COUNT=3", "EXDATE:nonsens",
                                          "RDATE:20189999", "RDATE;VALUE=PERIOD:x/y")))  # fmt: skip
    yield f("recurrence-id-orphans", cal(ev(*ok, "RECURRENCE-ID:20190101T000000Z"),
                                         ev(*ok, "RECURRENCE-ID:nonsens", uid="y")))  # fmt: skip
    nested = "BEGIN:VEVENT\r\n" * 300 + "SUMMARY:x\r\n" + "END:VEVENT\r\n" * 300
    yield f("nested-events", cal(nested))
    deep = "".join(f"BEGIN:X{i}\r\n" for i in range(3000))
    yield f("deep-nesting", cal(deep + "".join(f"END:X{i}\r\n" for i in reversed(range(3000)))))
    yield f("calendar-in-event", cal(ev(*ok, "BEGIN:VCALENDAR", "END:VCALENDAR")))
    yield f("two-calendars", ICS_TEXT + ICS_TEXT)
    yield f("unknown-components", cal("BEGIN:VFOO\r\nX:1\r\nEND:VFOO\r\n", ev(*ok)))
    yield f("summary-garbage", cal(
        ev("SUMMARY:" + "x" * 200_000, "DTSTART:20180315T090000Z"),
        ev("SUMMARY:\x00\x01\x1b", "DTSTART:20180316T090000Z", uid="2"),
        ev("SUMMARY:" + "\\n" * 500, "DTSTART:20180317T090000Z", uid="3"),
        ev("SUMMARY:", "DTSTART:20180318T090000Z", uid="4"),
        ev("SUMMARY:Inställt: ", "DTSTART:20180319T090000Z", uid="5"),
    ))  # fmt: skip
    yield f("status-garbage", cal(ev(*ok, "STATUS:" + "\x7f" * 10, "LOCATION;X=1:" + "å" * 9999)))
    yield f("no-dtstart", cal(ev("SUMMARY:Ingen start"), ev("SUMMARY:Ingen start 2", uid="2")))
    yield f("duplicate-dtstart", cal(ev(*ok, "DTSTART:20190101T000000Z")))
    yield f("base64-attachment", cal(ev(*ok, "ATTACH;ENCODING=BASE64;VALUE=BINARY:!!!!")))
    yield BrokenFile(
        "ics-latin-1.ics", SourceKind.ICS, ICS_TEXT.replace("”", '"').encode("latin-1")
    )
    yield BrokenFile("ics-utf-16.ics", SourceKind.ICS, ICS_TEXT.encode("utf-16"))
    yield BrokenFile("ics-invalid-utf8.ics", SourceKind.ICS, valid_ics().replace(b"\xc3", b"\xff"))
    yield f("todo-journal-only", cal(
        "BEGIN:VTODO\r\nSUMMARY:Att göra\r\nDUE:nonsens\r\nEND:VTODO\r\n",
        "BEGIN:VJOURNAL\r\nDTSTART:x\r\nEND:VJOURNAL\r\n",
    ))  # fmt: skip
    lines = ICS_TEXT.splitlines()
    for i in range(10):
        shuffled = lines[:]
        rng.shuffle(shuffled)
        yield f(f"shuffled-lines-{i}", "\r\n".join(shuffled))
    for i in range(10):
        dropped = [x for x in lines if rng.random() > 0.2]
        yield f(f"dropped-lines-{i}", "\r\n".join(dropped))


def _xlsx_specific(rng: random.Random) -> Iterator[BrokenFile]:
    def f(name: str, data: bytes) -> BrokenFile:
        return BrokenFile(f"xlsx-{name}.xlsx", SourceKind.EXCEL, data)

    yield f("zip-not-xlsx", zip_of({"läsmig.txt": "Det här är ingen arbetsbok."}))
    yield f("zip-empty", zip_of({}))
    yield f("zip-with-csv", zip_of({"data.csv": CSV_TEXT}))
    yield f("zip-of-xlsx", zip_of({"inre.xlsx": valid_xlsx()}))
    yield f("zip-encrypted-flag", _encrypted_flag(valid_xlsx()))
    padded = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + " " * 20_000_000
        + "<sheetData/></worksheet>"
    )
    yield f("zip-bomb-ish", raw_xlsx([], **{"xl/worksheets/sheet1.xml": padded}))
    for name, data in _garbage_workbooks():
        yield f(name, data)
    for member in ("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"):
        yield f(f"member-missing-{member.split('/')[-1]}", _without(valid_xlsx(), member))
    with zipfile.ZipFile(io.BytesIO(valid_xlsx())) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    for name in sorted(members):
        if name.endswith(".xml") or name.endswith(".rels"):
            content = members[name]
            cut = rng.randrange(1, max(2, len(content)))
            short = dict(members, **{name: content[:cut]})
            yield f(f"member-truncated-{name.replace('/', '_')}", zip_of(dict(short)))
            noisy = dict(members, **{name: bit_flipped(content, rng, 4)})
            yield f(f"member-bitflip-{name.replace('/', '_')}", zip_of(dict(noisy)))


def _encrypted_flag(archive: bytes) -> bytes:
    """Set the 'encrypted' bit in every header: zipfile then asks for a password."""
    out = bytearray(archive)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = out.find(signature)
        while at >= 0:
            out[at + offset] |= 1
            at = out.find(signature, at + 4)
    return bytes(out)


Factory = Callable[[random.Random], Iterator[BrokenFile]]


@cache
def corpus() -> tuple[BrokenFile, ...]:
    """Every broken file, the same on every run."""
    rng = random.Random(SEED)
    files: list[BrokenFile] = []
    for stem, suffix, kind, valid, specific in (
        ("xlsx", ".xlsx", SourceKind.EXCEL, valid_xlsx(), _xlsx_specific),
        ("csv", ".csv", SourceKind.CSV, valid_csv(), _csv_specific),
        ("ics", ".ics", SourceKind.ICS, valid_ics(), _ics_specific),
    ):
        files += _generic(stem, suffix, kind, valid, rng)
        files += _wrong_extension(kind, suffix)
        files += specific(rng)
    names = [f.name for f in files]
    assert len(names) == len(set(names)), "two corpus files share a name"
    return tuple(files)


def of_kind(kind: SourceKind) -> tuple[BrokenFile, ...]:
    return tuple(f for f in corpus() if f.kind is kind)


# --- what the tests check each file against ---------------------------------------------------

# Words one of our messages holds; a library's own English message holds none of them.
SWEDISH = re.compile(r"\b(inte|ingen|inga|saknas|finns|Hittar|gamla)\b")

Dump = dict[str, list[tuple[Any, ...]]]


def dump(db: Path) -> Dump:
    """Every row of every table (sqlite_sequence included), in a stable order."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        con.close()


def assert_swedish(message: str, where: str) -> None:
    assert message.strip(), f"{where}: an empty message"
    assert SWEDISH.search(message), f"{where}: not a Swedish message: {message[:300]!r}"
    assert "Traceback" not in message, f"{where}: {message[:300]!r}"
    assert len(message) < 1000, f"{where}: a message of {len(message)} characters"


def fail_on_second_write(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The batch insert raises on its second call, after the first batch was written."""
    real = activity_import._insert_batch
    calls: list[int] = []

    def failing(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        calls.append(len(rows))
        if len(calls) == 2:
            raise OSError(28, "Disken är full")
        real(conn, table, rows)

    monkeypatch.setattr(activity_import, "BATCH", 1)
    monkeypatch.setattr(activity_import, "_insert_batch", failing)
    return calls
