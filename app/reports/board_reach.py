"""Nådda personer: one table of the people figures, each named for what it counts —
the participants of held activities (volume), what was registered apart from them, the
total reached (their sum, in bold), and beside it what is kept out of the total and the
unique individuals — with a sentence on how they relate; then the total per kommun,
role, organisation and gender. Every figure is a cell of a core reach table."""

from __future__ import annotations

from app.core.summary import SummaryTable
from app.core.table_keys import TableKey
from app.core.wording import count_noun
from app.reports.board_blocks import Block, Heading, Paragraph, Table
from app.reports.board_format import cell, during, listing, summary_block
from app.reports.pdf_content import PdfContent

OUTSIDE_SENTENCE = "Räknas inte in i totalen."
BREAKDOWNS = (
    (TableKey.NADDA_KOMMUN, "Kommun", "Kommuner utan nådda personer {} visas inte"),
    (TableKey.NADDA_ROLL, "Roll", "Roller utan nådda personer visas inte"),
    (TableKey.NADDA_ORGANISATION, "Organisation", "Organisationer utan nådda personer visas inte"),
    (TableKey.NADDA_KON, "Kön", "Rader som är 0 visas inte"),
)


def relation(total: SummaryTable, outside: SummaryTable | None) -> str:
    """How the figures of the table relate, in the tables' own words."""
    parts = " + ".join(r.label.lower() for r in total.rows)
    text = f"{total.total.label} = {parts}."
    if outside is not None and outside.rows:
        names = listing([r.label.lower() for r in outside.rows])
        text += f" {names[:1].upper()}{names[1:]} räknas inte in i totalen."
    return text + " Unika individer räknas en gång per person och läggs aldrig ihop med en volym."


def reach_table(c: PdfContent) -> Table | None:
    total = c.table(TableKey.NADDA_PERSONER)
    if total is None:
        return None
    outside = c.table(TableKey.NADDA_UTANFOR_TOTAL)
    columns = total.columns
    rows: list[tuple[str, ...]] = []
    left_out: list[str] = []
    for r in total.rows:
        shown = total.shown(r)
        if r is not total.rows[0] and all(v == 0 for v in shown):
            left_out.append(r.label)
            continue
        rows.append((r.label, *(cell(v) for v in shown)))
    emphasis = (len(rows),)
    rows.append((total.total.label, *(cell(v) for v in total.total.values)))
    if outside is not None and outside.columns == columns:
        for r in outside.rows:
            shown = outside.shown(r)
            if all(v == 0 for v in shown):
                left_out.append(r.label)
                continue
            rows.append((r.label, *(cell(v) for v in shown)))
    notes = [relation(total, outside)]
    if left_out:
        notes.insert(0, f"Rader som är 0 visas inte: {listing(left_out)}.")
    # The table's own sentence says what is outside the total; the rest of core's notes.
    outside_note = outside.note.replace(OUTSIDE_SENTENCE, "").strip() if outside else ""
    notes += [n for n in (total.note, outside_note) if n]
    figure = min(0.15, 0.6 / len(columns))
    return Table(
        header=("Mått", *columns),
        rows=tuple(rows),
        numeric=(False, *([True] * len(columns))),
        widths=(1 - figure * len(columns), *([figure] * len(columns))),
        emphasis=emphasis,
        caption=f"Nådda personer {c.span}",
        note=" ".join(notes),
    )


def reached(c: PdfContent) -> list[Block]:
    table = reach_table(c)
    if table is None or all(v in ("0", "–") for row in table.rows for v in row[1:]):
        return []  # no one reached and nothing registered: nothing to tell
    blocks: list[Block] = [Heading("Nådda personer"), table]
    if c.approximate_counts:
        what = count_noun(c.approximate_counts, "genomförd aktivitet", "genomförda aktiviteter")
        blocks.append(
            Paragraph(f"ca: deltagarantalet är ungefärligt för {what} (källan anger ca).", "note")
        )
    for key, label, zero_note in BREAKDOWNS:
        breakdown = c.table(key)
        if breakdown is None:
            continue
        block = summary_block(
            breakdown,
            label,
            caption=f"{breakdown.title} {c.span}",
            zero_note=zero_note.format(during(c.period is not None)),
        )
        if block is not None:
            blocks.append(block)
    return blocks
