"""Saving the export's workbook: its properties (title, förbund, language, the company
openpyxl leaves out), the archive written with the streamed sheets spliced in, and
openpyxl's own temporary files removed on cancel or error."""

from __future__ import annotations

import datetime as dt
import os
from contextlib import suppress
from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.extended import ExtendedProperties
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.functions import Element, tostring

from app.reports.excel_content import ExportContent
from app.reports.excel_rows import RowStream, SplicingArchive


def set_properties(wb: Workbook, content: ExportContent) -> bytes:
    """Title, förbund as author and company, subject; returns the extended properties
    (app.xml) with the company, which openpyxl would write blank."""
    props = wb.properties
    props.title = content.title
    props.creator = content.forbund_name
    props.lastModifiedBy = content.forbund_name
    what = "period" if content.is_period else "år"
    props.subject = f"Närvarologg och sammanställningar, {what} {content.span}"
    props.description = (
        f"{content.insats_name}: närvarologg och sammanställningar, exporterade från Insatslogg."
    )
    props.keywords = "Insatslogg; närvarologg; ASF"
    props.language = "sv-SE"
    now = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = now
    # openpyxl's ExtendedProperties knows Company but never writes it.
    tree = ExtendedProperties().to_tree()
    company = Element("Company")  # in the default namespace, like its siblings
    company.text = content.forbund_name
    tree.append(company)
    return bytes(tostring(tree))


def save(wb: Workbook, tmp: Path, app_xml: bytes, streams: dict[str, RowStream]) -> None:
    with open(tmp, "wb") as fh:
        archive = SplicingArchive(fh, app_xml, streams)
        try:
            ExcelWriter(wb, archive).save()  # closes the archive, not the file
        except BaseException:
            with suppress(Exception):
                archive.close()  # or the zip file would try again when collected
            raise


def discard(wb: Workbook) -> None:
    """Close and delete what openpyxl streamed to its own temporary files."""
    for ws in wb.worksheets:
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            with suppress(Exception):
                rows.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with suppress(Exception):
                writer.close()
            if os.path.exists(writer.out):
                with suppress(OSError, ValueError):
                    writer.cleanup()
