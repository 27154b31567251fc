"""The board report's opening: the cover, Uppdrag (insatsperiod, målgrupp, övergripande
målsättning, beskrivning, huvudsakliga aktiviteter, samverkansparter) and Bakgrund, as
the final report has them, from the insats's own data and the user's texts."""

from __future__ import annotations

import datetime as dt

from app.core.report_texts import SECTIONS
from app.reports.board_blocks import Block, Bullets, Cover, Heading, Paragraph
from app.reports.board_format import listing, month_span, text_section, user_text
from app.reports.pdf_content import PdfContent


def report_days(c: PdfContent) -> tuple[dt.date, dt.date]:
    """The first and last day the report covers: its exact dates when given, else its
    whole years, within the insats's own dates."""
    first = c.first_day or dt.date(c.years[0], 1, 1)
    last = c.last_day or dt.date(c.years[-1], 12, 31)
    if c.first_day is None and c.insats_start is not None:
        first = max(first, c.insats_start)
    if c.last_day is None and c.insats_end is not None:
        last = min(last, c.insats_end)
    return first, max(first, last)


def period_text(c: PdfContent) -> str:
    """'augusti 2016 – december 2020': the report's own label, else from its days."""
    if c.period_label:
        return c.period_label
    return month_span(*report_days(c))


def whole_insats(c: PdfContent) -> bool:
    """Whether the report covers the insats from its start to its end."""
    if c.insats_start is None or c.insats_end is None:
        return False
    # The same rule as core.report_period (ReportPeriod.is_insats_period): whole years
    # around the insats are a report on those years, not on the insats.
    return report_days(c) == (c.insats_start, c.insats_end)


def report_title(c: PdfContent) -> str:
    """'Slutrapport' (the whole insats, ended), 'Årsrapport 2018' (a calendar year, or
    the part of it the insats ran), else 'Rapport januari–april 2024'."""
    first, last = report_days(c)
    if whole_insats(c) and c.insats_end is not None and c.made >= c.insats_end:
        return "Slutrapport"
    whole_year = c.first_day is None and c.last_day is None and len(c.years) == 1
    calendar_year = (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    if first.year == last.year and (whole_year or calendar_year):
        return f"Årsrapport {first.year}"
    if whole_insats(c):
        return "Rapport för hela insatsen"
    return f"Rapport {period_text(c)}"


def cover(c: PdfContent) -> Cover:
    lines = ["Sammanställd med Insatslogg ur förbundets registrerade uppgifter och egna texter."]
    return Cover(
        forbund=c.forbund_name,
        insats=c.insats_name,
        title=report_title(c),
        period=period_text(c),
        made=c.made,
        logo=c.logo,
        lines=tuple(lines),
    )


def uppdrag(c: PdfContent) -> list[Block]:
    blocks: list[Block] = [Heading("Uppdrag"), Paragraph(f"Insats: {c.insats_name}")]
    if c.insats_start is not None and c.insats_end is not None:
        blocks += [Heading("Insatsperiod", 2), Paragraph(month_span(c.insats_start, c.insats_end))]
        if not whole_insats(c):
            blocks.append(Paragraph(f"Rapporten avser {period_text(c)}.", "note"))
        # A part of a year leaves out what is kept per year (placements, county
        # statistics …): core's note says so and where to find it.
        blocks += [Paragraph(note, "note") for note in c.left_out]
    blocks += text_section(SECTIONS["malgrupp"], c.text("malgrupp"), 2)
    goals = [line.strip().lstrip("-•").strip() for line in c.insats_goals.splitlines()]
    goals = [g for g in goals if g]
    if goals:
        blocks += [Heading("Övergripande målsättning för insatsen", 2), Bullets(tuple(goals))]
    blocks += text_section(SECTIONS["beskrivning"], c.text("beskrivning"), 2)
    blocks += text_section(SECTIONS["huvudaktiviteter"], c.text("huvudaktiviteter"), 2)
    if c.organisations or c.kommuner:
        blocks.append(Heading("Samverkansparter", 2))
        if c.organisations:
            blocks.append(Bullets(c.organisations))
        if c.kommuner:
            blocks.append(Paragraph(f"Förbundets kommuner: {listing(c.kommuner)}."))
    return blocks


def bakgrund(c: PdfContent) -> list[Block]:
    text = c.text("bakgrund")
    return [Heading(SECTIONS["bakgrund"]), *user_text(text)] if text.strip() else []
