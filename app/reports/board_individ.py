"""Individinriktade insatser: per year and huvudman (kommun) the places granted and
used, who used them, the target group and the outcome, as the placements were entered;
then the summary table (core's placement table) and the user's text on experiences."""

from __future__ import annotations

from app.core.placements import Placement
from app.core.report_texts import SECTIONS
from app.core.table_keys import TableKey
from app.core.vocabulary import Outcome
from app.core.wording import count_noun, thousands
from app.reports.board_blocks import Block, Bullets, Heading, Paragraph
from app.reports.board_format import during, listing, summary_block, text_section, turned, user_text
from app.reports.pdf_content import PdfContent


def _who(p: Placement) -> str:
    parts = []
    if p.women:
        parts.append(count_noun(p.women, "kvinna", "kvinnor"))
    if p.men:
        parts.append(count_noun(p.men, "man", "män"))
    if p.gender_unknown:
        parts.append(f"kön ej angivet för {thousands(p.gender_unknown)}")
    return f" ({', '.join(parts)})" if parts else ""


def _lower(label: str) -> str:
    """'Vidare till Arbetsförmedlingen' → 'vidare till Arbetsförmedlingen'."""
    return label[:1].lower() + label[1:]


def _outcome(p: Placement) -> str:
    parts = [f"{thousands(p.outcome(o))} {_lower(o.label)}" for o in Outcome if p.outcome(o)]
    return ", ".join(parts) if parts else "inget utfall angivet"


def placement_line(label: str, p: Placement) -> str:
    """'Nordanstig: 7 beviljade platser, 7 nyttjade (6 kvinnor, 1 man). Målgrupp: …
    Utfall: 1 arbete, 1 vidare till arbetsförmedlingen, 5 åter i offentlig försörjning.'"""
    granted = count_noun(p.granted, "beviljad plats", "beviljade platser")
    used = count_noun(p.used, "nyttjad", "nyttjade")
    text = f"{label}: {granted}, {used}{_who(p)}"
    if p.length_months:
        text += f", à {count_noun(p.length_months, 'månad', 'månader')}"
    text += "."
    if p.target_group:
        text += f" Målgrupp: {p.target_group.rstrip('.')}."
    if p.used or p.outcomes_total:
        text += f" Utfall: {_outcome(p)}."
    if p.notes:
        text += f" {p.notes}"
    return text


def _summary(c: PdfContent, years: list[int]) -> list[Block]:
    table = c.table(TableKey.PLACERINGAR)
    if table is None or not table.rows:
        return []
    span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    if c.period is None:
        table = turned(table)
        drop = ""
    else:
        drop = "År utan placeringar visas inte"
    block = summary_block(
        table,
        "Mått",
        zero_note=f"Mått som är 0 {during(c.period is not None)} visas inte",
        drop_zero_columns=drop,
    )
    if block is None:
        return []
    return [Heading(f"Sammanfattning individinriktade insatser {span}", 2), block]


def individ(c: PdfContent) -> list[Block]:
    """Left out when there are neither placements nor texts for the report's years."""
    # Placements are kept per year: a piece that is only part of its year leaves them
    # out (core's left-out note, under Uppdrag, says so), not tells the whole year's.
    years = [s.year for s in c.year_summaries if s.covers_year]
    by_year: dict[int, list[tuple[str, Placement]]] = {}
    for label, p in c.placements:
        if p.year in years:
            by_year.setdefault(p.year, []).append((label, p))
    with_text = [y for y in years if c.year_text(y, "individ")]
    used_years = sorted({*by_year, *with_text})
    intro = c.text("individ")
    experiences = c.text("individ_erfarenheter")
    if not used_years and not intro and not experiences:
        return []
    blocks: list[Block] = [Heading(SECTIONS["individ"]), *user_text(intro)]
    for year in used_years:
        blocks.append(Heading(str(year), 2))
        blocks += user_text(c.year_text(year, "individ"))
        lines = [placement_line(label, p) for label, p in by_year.get(year, [])]
        if lines:
            blocks.append(Bullets(tuple(lines)))
    without = [str(y) for y in years if y not in used_years]
    if used_years and without:
        blocks.append(Paragraph(f"Inga placeringar registrerade {listing(without)}.", "note"))
    if by_year:
        blocks += _summary(c, sorted(by_year))
    blocks += text_section(SECTIONS["individ_erfarenheter"], experiences, 2)
    return blocks
