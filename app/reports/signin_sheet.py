"""The sign-in sheet (närvarolista) for a planned activity.

One A4 page (or more) that the participants sign: the activity's title, date(s),
place and organisers at the top; a row per person with name, organisation, tick
boxes for role, kind of organisation and kvinna/man, and the signature. Afterwards
the processledare counts the ticks and types the counts into the activity — the
sheet is only a counting aid and says so (it is then destroyed).

The sheet has a row for each expected participant (the activity's total, or its named
participants if they are more) and a few spare rows, and always at least one full page.

The file appears only when complete: written to a temporary file beside the
target and renamed; on error nothing is left behind.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas as _Canvas
from reportlab.platypus import (
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

from app.core.atomic_file import atomic_write, save_error
from app.core.clock_times import format_times
from app.core.vocabulary import Format, OrgCategory, Role, Scope
from app.reports import pdf_style as st
from app.reports.signin_flowables import Box, Rotated

if TYPE_CHECKING:
    from app.core.entities import Activity

#: Short column headers for the organisation categories (the sheet is narrow).
ORG_SHORT: dict[OrgCategory, str] = {
    OrgCategory.ARBETSFORMEDLINGEN: "AF",
    OrgCategory.FORSAKRINGSKASSAN: "FK",
    OrgCategory.KOMMUN: "Kommun",
    OrgCategory.REGION: "Region",
    OrgCategory.ASF: "ASF",
    OrgCategory.ANNAN: "Annan",
}
GENDERS = ("Kvinna", "Man")
NOTE = (
    "Närvarolistan används bara för att räkna antalet deltagare per roll och "
    "organisation. Den sparas inte och förstörs när antalen har förts in."
)

MARGIN_X = 12 * mm
MARGIN_TOP = 19 * mm
MARGIN_BOTTOM = 18 * mm
WIDTH = st.PAGE[0] - 2 * MARGIN_X
BOX_COL = 6.2 * mm
ROW_HEIGHT = 7.9 * mm
HEAD_HEIGHT = 25 * mm
GROUP_HEIGHT = 5.5 * mm  # the row above the rotated headers (Roll, Organisationstyp, Kön)
TOTAL_HEIGHT = 7 * mm  # the "Summa kryss" row
FRAME_PADDING = 6  # points, on each side of SimpleDocTemplate's frame
SPARE_ROWS = 5  # at least this many rows beyond the expected participants
MAX_ROWS = 500


@dataclass(frozen=True)
class SigninSheet:
    """What the sheet shows about one activity (display values only)."""

    title: str
    type_name: str
    dates: tuple[dt.date, ...]
    in_steps: bool = False
    place: str = ""
    format_label: str = ""
    organisers: tuple[str, ...] = ()
    insats_name: str = ""
    expected: int = 0  # participants expected: the activity's total or named participants
    # "kl. 9.00–11.30": the activity's, or each step's (in the order of ``dates``; "" none)
    times: tuple[str, ...] = ()

    def date_lines(self) -> list[str]:
        """'15 mars 2018' and the time under it ('kl. 9.00–11.30'); a training in steps:
        'Steg 1: 15 mars 2018, kl. 9.00–11.30', one a line."""
        if self.in_steps:
            times = (*self.times, *[""] * len(self.dates))
            return [
                f"Steg {i}: {st.swedish_date(d)}" + (f", {t}" if t else "")
                for i, (d, t) in enumerate(zip(self.dates, times, strict=False), 1)
            ]
        if len(self.dates) >= 2 and self.dates[-1] != self.dates[0]:
            days = [f"{st.swedish_date(self.dates[0])} – {st.swedish_date(self.dates[-1])}"]
        else:
            days = [st.swedish_date(self.dates[0])] if self.dates else []
        return days + [t for t in self.times[:1] if t]

    def file_name(self) -> str:
        """'Närvarolista <titel> <datum>.pdf', safe as a file name."""
        title = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", self.title)
        title = " ".join(title.split())[:80] or "aktivitet"
        day = self.dates[0].isoformat() if self.dates else ""
        return " ".join(p for p in ("Närvarolista", title, day) if p) + ".pdf"


def signin_sheet(
    activity: Activity,
    insats_name: str,
    forbund_name: str,
    kommuner: Mapping[int | None, str],
    organisations: Mapping[int | None, str],
    types: Mapping[int | None, str],
) -> SigninSheet:
    """The sheet for an activity, with the names of its insats, förbund, kommuner,
    organisations and activity types (app.operations.reports reads them)."""
    if activity.scope == Scope.KOMMUN and activity.kommun_id in kommuner:
        where = kommuner[activity.kommun_id]
    else:
        where = activity.scope.label
    place = ", ".join(p for p in (activity.place.strip(), where) if p)
    times: tuple[str, ...] = (format_times(activity.start_time, activity.end_time),)
    if activity.steps:
        dates: tuple[dt.date, ...] = tuple(sorted(activity.steps))
        if len(activity.steps) > 1:  # one step left has its times as the activity's
            timed = sorted(activity.timed_steps, key=lambda s: s.day)
            times = tuple(format_times(s.start_time, s.end_time) for s in timed)
    elif activity.end is not None and activity.end != activity.start:
        dates = (activity.start, activity.end)
    else:
        dates = (activity.start,)
    organisers = [forbund_name] if forbund_name else []
    organisers += [organisations[i] for i in activity.coorganiser_ids if i in organisations]
    return SigninSheet(
        title=activity.title,
        type_name=types.get(activity.type_id, ""),
        dates=dates,
        in_steps=bool(activity.steps),
        place=place,
        format_label=activity.format.label if activity.format != Format.FYSISKT else "",
        organisers=tuple(organisers),
        insats_name=insats_name,
        expected=max(activity.attendance.total, len(activity.participant_ids)),
        times=times,
    )


def spare_rows(expected: int) -> int:
    """The rows beyond the expected participants: a tenth of them, at least SPARE_ROWS."""
    return max(SPARE_ROWS, math.ceil(expected / 10))


def one_page_rows(sheet: SigninSheet) -> int:
    """How many signature rows fit on one page under the sheet's heading, with the
    counts and the note at the bottom (a long title or many steps leave fewer)."""
    st.register_fonts()
    canvas = _Canvas(io.BytesIO())

    def height(flowables: list[Any]) -> float:
        total = 0.0
        for i, f in enumerate(flowables):
            _width, h = f.wrapOn(canvas, WIDTH, st.PAGE[1])
            total += h + f.getSpaceAfter() + (f.getSpaceBefore() if i else 0)
        return total

    frame = float(st.PAGE[1]) - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PADDING
    fixed = float(GROUP_HEIGHT + HEAD_HEIGHT + TOTAL_HEIGHT)
    free = frame - height(_header_block(sheet)) - fixed - height(_closing_parts())
    return max(1, int(math.floor(free / ROW_HEIGHT)))


def signin_rows(sheet: SigninSheet) -> int:
    """The sheet's rows: the expected participants and a few spare, at least a full page."""
    return min(MAX_ROWS, max(sheet.expected + spare_rows(sheet.expected), one_page_rows(sheet)))


# --- drawing ------------------------------------------------------------------------------


_ROLE_HEADERS = {Role.TJANSTEPERSON: "Tjänsteperson/\nmedarbetare"}


def _header_block(sheet: SigninSheet) -> list[Any]:
    kicker = st.sized(st.CELL_BOLD, 9)
    kicker = type(kicker)("kicker", parent=kicker, textColor=st.ACCENT)
    label = type(st.CELL)("label", parent=st.CELL, fontSize=9, leading=12, textColor=st.MUTED)
    value = type(st.CELL)("value", parent=st.CELL, fontSize=10, leading=13)
    out: list[Any] = [
        Paragraph("NÄRVAROLISTA", kicker),
        Spacer(1, 1.5 * mm),
        Paragraph(escape(sheet.title), st.H1),
    ]
    dates = sheet.date_lines()
    meta: list[tuple[str, str]] = [
        ("Datum (steg)" if sheet.in_steps else "Datum", "<br/>".join(map(escape, dates))),
        ("Plats", escape(sheet.place or "–")),
    ]
    if sheet.format_label:
        meta.append(("Form", escape(sheet.format_label)))
    if sheet.type_name:
        meta.append(("Typ", escape(sheet.type_name)))
    meta.append(("Arrangörer", escape(", ".join(sheet.organisers) or "–")))
    if sheet.insats_name:
        meta.append(("Insats", escape(sheet.insats_name)))
    table = Table(
        [[Paragraph(k, label), Paragraph(v, value)] for k, v in meta],
        colWidths=[28 * mm, WIDTH - 28 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
    )
    instruction = type(st.CELL)("instr", parent=st.CELL, fontSize=8.5, leading=11)
    out += [
        table,
        Spacer(1, 3 * mm),
        Paragraph(
            "Skriv ditt namn och din organisation, kryssa i en roll, vilken sorts "
            "organisation du kommer från och kvinna eller man, och skriv under.",
            instruction,
        ),
        Spacer(1, 2.5 * mm),
    ]
    return out


def _table(rows: int) -> LongTable:
    roles = [_ROLE_HEADERS.get(r, r.label) for r in Role]
    orgs = [ORG_SHORT[o] for o in OrgCategory]
    n_box = len(roles) + len(orgs) + len(GENDERS)
    rest = WIDTH - 8 * mm - n_box * BOX_COL
    name_w, org_w = rest * 0.34, rest * 0.28
    sign_w = rest - name_w - org_w
    widths = [8 * mm, name_w, org_w, *([BOX_COL] * n_box), sign_w]

    head_style = st.sized(st.CELL_BOLD, 8)
    group_style = type(head_style)("group", parent=head_style, alignment=1, fontSize=7.5)
    r0, o0, g0 = 3, 3 + len(roles), 3 + len(roles) + len(orgs)
    last = g0 + len(GENDERS)
    group_row: list[Any] = [""] * (last + 1)
    group_row[r0] = Paragraph("Roll", group_style)
    group_row[o0] = Paragraph("Organisationstyp", group_style)
    group_row[g0] = Paragraph("Kön", group_style)
    head_row: list[Any] = [
        Paragraph("Nr", head_style),
        Paragraph("Namn", head_style),
        Paragraph("Organisation", head_style),
        *(Rotated(t, HEAD_HEIGHT / mm) for t in (*roles, *orgs, *GENDERS)),
        Paragraph("Underskrift", head_style),
    ]
    body = [[str(i), "", "", *(Box() for _ in range(n_box)), ""] for i in range(1, rows + 1)]
    total_row: list[Any] = [Paragraph("Summa kryss", head_style), "", "", *([""] * n_box), ""]
    data = [group_row, head_row, *body, total_row]
    table = LongTable(
        data,
        colWidths=widths,
        rowHeights=[GROUP_HEIGHT, HEAD_HEIGHT, *([ROW_HEIGHT] * rows), TOTAL_HEIGHT],
        repeatRows=2,
        hAlign="LEFT",
    )
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), st.FONT, 7.5),
        ("TEXTCOLOR", (0, 2), (0, -2), st.MUTED),
        ("ALIGN", (0, 2), (0, -2), "RIGHT"),
        ("LEFTPADDING", (0, 0), (0, -2), 2),
        ("SPAN", (0, -1), (2, -1)),
        ("ALIGN", (0, -1), (2, -1), "RIGHT"),
        ("BACKGROUND", (0, -1), (-1, -1), st.HEADER_BG),
        ("LINEABOVE", (0, -1), (-1, -1), 0.9, st.ACCENT),
        ("SPAN", (r0, 0), (o0 - 1, 0)),
        ("SPAN", (o0, 0), (g0 - 1, 0)),
        ("SPAN", (g0, 0), (last - 1, 0)),
        ("BACKGROUND", (r0, 0), (last - 1, 1), st.HEADER_BG),
        ("BACKGROUND", (0, 1), (-1, 1), st.HEADER_BG),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, 1), "BOTTOM"),
        ("VALIGN", (0, 2), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (3, 1), (last - 1, -1), 0),
        ("RIGHTPADDING", (3, 1), (last - 1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, 1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, 1), 3),
        ("LINEBELOW", (0, 1), (-1, 1), 0.9, st.ACCENT),
        ("LINEBELOW", (0, 2), (-1, -1), 0.4, st.RULE),
        ("BOX", (r0, 0), (last - 1, -1), 0.5, st.RULE),
        # thin rules between boxes, stronger ones between the groups
        ("INNERGRID", (r0, 1), (last - 1, -1), 0.25, colors.HexColor("#dde5ec")),
        ("LINEBEFORE", (o0, 0), (o0, -1), 0.8, st.RULE),
        ("LINEBEFORE", (g0, 0), (g0, -1), 0.8, st.RULE),
        ("LINEBEFORE", (last, 0), (last, -1), 0.8, st.RULE),
        ("LINEBEFORE", (2, 1), (2, -1), 0.25, st.RULE),
    ]
    for r in range(3, rows + 2, 2):  # stripes on every other row
        cmds.append(("BACKGROUND", (0, r), (-1, r), st.STRIPE))
    table.setStyle(cmds)
    return table


def _closing() -> list[Any]:
    space, *kept = _closing_parts()
    return [space, KeepTogether(kept)]


def _closing_parts() -> list[Any]:
    big = type(st.BODY)("count", parent=st.BODY, fontName=st.BOLD, fontSize=11, leading=15)
    small = type(st.BODY)("entered", parent=st.BODY, fontSize=9, leading=15, alignment=2)
    line = "<font color='#616e7c'>______________</font>"
    counts = Table(
        [
            [
                Paragraph(f"Antal deltagare: {line}", big),
                Paragraph(f"Införd i Insatslogg (datum, signatur): {line}", small),
            ]
        ],
        colWidths=[WIDTH * 0.45, WIDTH * 0.55],
        hAlign="LEFT",
    )
    counts.setStyle([("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (-1, 0), (-1, 0), 0)])
    return [Spacer(1, 5 * mm), counts, Spacer(1, 1.5 * mm), Paragraph(escape(NOTE), st.NOTE)]


def write_signin_sheet(path: Path | str, sheet: SigninSheet, rows: int | None = None) -> int:
    """Write the sheet with ``rows`` signature rows (default ``signin_rows``) to ``path``
    (atomically); returns the number of pages. DomainError ("Kunde inte spara …") if it
    cannot be saved."""
    if rows is None:
        rows = signin_rows(sheet)
    from app.reports.pdf_report import _NumberedCanvas, _short

    st.register_fonts()
    path = Path(path)
    pages: list[int] = []

    class Canvas(_NumberedCanvas):
        header = _short(sheet.title, 80)
        title = "Närvarolista"
        footer = _short(" · ".join(["Närvarolista", *sheet.date_lines()[:1]]), 90)

        def save(self) -> None:
            pages.append(len(self._pages))
            super().save()

    try:
        # reportlab leaves a file it opened itself open when writing fails
        with atomic_write(path) as tmp, open(tmp, "wb") as fh:
            doc = SimpleDocTemplate(
                fh,
                pagesize=st.PAGE,
                leftMargin=MARGIN_X,
                rightMargin=MARGIN_X,
                topMargin=MARGIN_TOP,
                bottomMargin=MARGIN_BOTTOM,
                title=f"Närvarolista – {sheet.title}",
                author=sheet.organisers[0] if sheet.organisers else "",
                subject=sheet.insats_name,
                creator="Insatslogg",
                lang="sv-SE",
            )
            story = [*_header_block(sheet), _table(max(rows, 1)), *_closing()]
            doc.build(story, canvasmaker=Canvas)
    except OSError as exc:
        raise save_error(path, exc) from exc
    return pages[0] if pages else 0
