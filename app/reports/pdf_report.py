"""The PDF report for the board: an annual report (one year) or a period report.

Every figure is a value of the core summaries (store.summaries.year_summary, and
core.period.build_period_summary for a period): nothing is computed here, so the PDF
cannot differ from the overview or the Excel export. The file appears only when
complete: written to a temporary file beside the target and renamed; on cancel or
error nothing is left behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from app.core.atomic_file import atomic_write, save_error
from app.core.findings import Finding
from app.core.period import TOTAL, PeriodSummary, build_period_summary
from app.core.progress import Progress
from app.core.reach import UNIQUE
from app.core.report_texts import SECTIONS, Highlight, stated_figure_findings
from app.core.summary import CHANGE, SummaryRow, SummaryTable, YearSummary
from app.core.wording import count_noun
from app.reports import pdf_style as st
from app.reports.export_content import ExportRequest, check_request
from app.reports.pdf_charts import bar_chart

if TYPE_CHECKING:
    from app.store.database import Store


@dataclass(frozen=True)
class PdfContent:
    forbund_name: str
    insats_name: str
    insats_goals: str
    years: tuple[int, ...]
    year_summaries: tuple[YearSummary, ...]
    period: PeriodSummary | None
    made: dt.date
    # Activities marked as highlights, by date; the user's texts by section.
    highlights: tuple[Highlight, ...] = ()
    texts: tuple[tuple[str, str], ...] = ()
    # Findings beyond the year summaries' own (stated figures for a single year).
    extra_findings: tuple[Finding, ...] = ()

    @property
    def span(self) -> str:
        first, last = self.years[0], self.years[-1]
        return str(first) if first == last else f"{first}–{last}"

    @property
    def source(self) -> YearSummary | PeriodSummary:
        return self.period or self.year_summaries[0]

    @property
    def title(self) -> str:
        return f"Rapport {self.span}" if self.period else f"Årsrapport {self.span}"

    def table(self, key: str) -> SummaryTable | None:
        return next((t for t in self.source.tables if t.key == key), None)

    def findings(self) -> list[Finding]:
        seen: dict[Finding, None] = {}
        for s in self.year_summaries:
            for f in s.findings:
                seen.setdefault(f)
        for f in (*(self.period.findings if self.period else ()), *self.extra_findings):
            seen.setdefault(f)
        return list(seen)

    def text(self, section: str) -> str:
        return dict(self.texts).get(section, "")


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    findings: int
    span: str

    def message(self) -> str:
        pages = count_noun(self.pages, "sida", "sidor")
        return f"Skrev rapporten {self.span} ({pages}) till {self.path}."


def gather_pdf(
    store: Store,
    request: ExportRequest,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> PdfContent:
    progress = progress or Progress()
    check_request(store, request)
    insats = store.reference.insats(request.insats_id)
    assert insats.forbund_id is not None
    forbund = store.reference.forbund(insats.forbund_id)
    summaries = []
    for year in request.years:
        progress.check()
        summaries.append(store.summaries.year_summary(request.insats_id, year))
    first, last = request.years[0], request.years[-1]
    stated = store.report_texts.stated_figures(request.insats_id)
    period = build_period_summary(summaries, stated) if len(summaries) > 1 else None
    extra = () if period else tuple(stated_figure_findings(stated, summaries))
    texts = store.report_texts.texts(request.insats_id, first, last)
    return PdfContent(
        forbund_name=forbund.name,
        insats_name=insats.name,
        insats_goals=insats.goals,
        years=request.years,
        year_summaries=tuple(summaries),
        period=period,
        made=today or dt.date.today(),
        highlights=tuple(store.report_texts.highlights(request.insats_id, first, last)),
        texts=tuple(texts.items()),
        extra_findings=extra,
    )


# --- building blocks ---------------------------------------------------------------------


def _p(text: str, style: Any = st.CELL) -> Paragraph:
    return Paragraph(escape(text), style)


def _fmt(value: Any, column: str = "") -> str:
    if isinstance(value, int):
        return st.number(value, signed=column == CHANGE)
    return "" if value is None else str(value)


def grid(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    total: Sequence[Any] | None = None,
    *,
    widths: Sequence[float] | None = None,
    numeric_from: int = 1,
    wrap: Sequence[int] = (),
    font_size: float = 8.5,
) -> LongTable:
    """A table with a repeated header row; texts in ``wrap`` columns wrap (Paragraphs)."""
    cell_style = st.sized(st.CELL, font_size)
    head_style = st.sized(st.CELL_BOLD, font_size)
    head_right = st.sized(st.CELL_BOLD_RIGHT, font_size)

    def cells(values: Sequence[Any], head: bool = False) -> list[Any]:
        out: list[Any] = []
        for i, v in enumerate(values):
            text = _fmt(v, headers[i] if i < len(headers) else "")
            if head:
                numeric = 0 <= numeric_from <= i
                out.append(Paragraph(escape(text), head_right if numeric else head_style))
            elif i in wrap:
                out.append(Paragraph(escape(text), cell_style))
            else:
                out.append(text)
        return out

    data = [cells(headers, head=True)]
    data += [cells(r) for r in rows]
    if total is not None:
        data.append(cells(total))
    if widths is None:
        first = min(62 * mm, st.WIDTH * 0.42) if len(headers) > 1 else st.WIDTH
        rest = (st.WIDTH - first) / max(len(headers) - 1, 1)
        rest = min(rest, 26 * mm)
        widths = [first, *([rest] * (len(headers) - 1))]
    table = LongTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(st.table_style(len(data), numeric_from, total is not None, font_size))
    return table


def summary_grid(table: SummaryTable, label_header: str) -> list[Any]:
    """A core table as it is: rows, the total row (its own label), the note."""
    n = len(table.columns)
    font = 8.5 if n <= 6 else 7.5 if n <= 9 else 6.8
    total = (table.total.label, *table.shown(table.total)) if table.has_total else None
    label_width = 40 * mm if n > 9 else 50 * mm if n > 6 else 50 * mm
    rest = min((st.WIDTH - label_width) / max(n, 1), 26 * mm)
    out: list[Any] = [
        grid(
            (label_header, *table.columns),
            [(r.label, *table.shown(r)) for r in table.rows],
            total,
            widths=[label_width, *([rest] * n)],
            wrap=(0,),
            font_size=font,
        )
    ]
    if table.note:
        out.append(_p(table.note, st.NOTE))
    return out


def _heading(text: str) -> list[Any]:
    return [CondPageBreak(40 * mm), Paragraph(escape(text), st.H2)]


def _value_column(table: SummaryTable) -> int:
    """The column a chart shows: the period's total, or the year's held activities."""
    for name in (TOTAL, "Genomförda"):
        if name in table.columns:
            return table.columns.index(name)
    return 0


# --- sections -----------------------------------------------------------------------------


def cover(c: PdfContent) -> list[Any]:
    what = "Periodrapport" if c.period else "Årsrapport"
    flow: list[Any] = [
        Spacer(1, 45 * mm),
        Paragraph(escape(c.forbund_name), st.COVER_META),
        Spacer(1, 6 * mm),
        Paragraph(f"{what} {c.span}", st.COVER_TITLE),
        Paragraph(escape(c.insats_name), st.COVER_SUB),
        Spacer(1, 14 * mm),
    ]
    period = f"{c.years[0]}–{c.years[-1]}" if c.period else str(c.years[0])
    flow.append(Paragraph(f"Period: {period}", st.COVER_META))
    flow.append(Paragraph(f"Upprättad {st.swedish_date(c.made)}", st.COVER_META))
    if c.insats_goals.strip():
        flow += [Spacer(1, 14 * mm), Paragraph("Insatsens mål", st.H2)]
        flow += [_p(line, st.BODY) for line in c.insats_goals.splitlines() if line.strip()]
    flow.append(Spacer(1, 12 * mm))
    flow.append(
        _p(
            "Sammanställd med Insatslogg ur förbundets registrerade uppgifter. "
            "Alla summor är beräknade ur delarna; avvikelser i underlaget listas sist.",
            st.NOTE,
        )
    )
    flow.append(PageBreak())
    return flow


def key_figures(c: PdfContent) -> list[Any]:
    table = c.table("nyckeltal")
    if table is None:
        return []
    return [Paragraph("Nyckeltal", st.H1), *summary_grid(table, "Nyckeltal")]


def activities(c: PdfContent) -> list[Any]:
    flow: list[Any] = []
    for key, label in (("aktiviteter_typ", "Typ"), ("aktiviteter_kommun", "Kommun")):
        table = c.table(key)
        if table is None:
            continue
        flow += _heading(f"{table.title} {c.span}")
        flow += summary_grid(table, label)
        col = _value_column(table)
        caption = f"Genomförda aktiviteter {c.span}"
        chart = bar_chart(
            [r.label for r in table.rows], [r.values[col] for r in table.rows], caption
        )
        flow += [Spacer(1, 4 * mm), KeepTogether([chart])]
    return flow


def _text_section(c: PdfContent, section: str, level: Any = st.H1) -> list[Any]:
    text = c.text(section)
    if not text:
        return []
    flow: list[Any] = [CondPageBreak(40 * mm), Paragraph(SECTIONS[section], level)]
    for para in text.split("\n\n"):
        if para.strip():
            flow.append(_p(para.strip().replace("\n", " "), st.BODY))
            flow.append(Spacer(1, 2 * mm))
    return flow


def background(c: PdfContent) -> list[Any]:
    return _text_section(c, "bakgrund")


def analysis(c: PdfContent) -> list[Any]:
    return _text_section(c, "analys")


def conclusions(c: PdfContent) -> list[Any]:
    return _text_section(c, "slutsatser")


def highlights(c: PdfContent) -> list[Any]:
    if not c.highlights:
        return []
    flow = _heading(f"Höjdpunkter {c.span}")
    for h in c.highlights:
        sentence = f"{st.swedish_date(h.day)} – {h.title}: {h.sentence}"
        flow.append(_p(sentence, st.BODY))
        flow.append(Spacer(1, 1.5 * mm))
    return flow


def people_reached(c: PdfContent) -> list[Any]:
    """One row per year (the year's 'Totalt nådda'), a total row that is their sum, and
    the unique individuals beside, labelled."""
    table = c.table("nadda_personer")
    if table is None:
        return []
    outside = c.table("nadda_utanfor_total")
    year_cols = [i for i, col in enumerate(table.columns) if col != TOTAL]
    total_label = table.total.label
    headers = ("År", *(r.label for r in table.rows), total_label)
    unique_row = next((r for r in outside.rows if r.label == UNIQUE), None) if outside else None
    if unique_row is not None:
        headers = (*headers, UNIQUE)
    rows = []
    for i in year_cols:
        row: list[Any] = [
            table.columns[i],
            *(r.values[i] for r in table.rows),
            table.total.values[i],
        ]
        if unique_row is not None:
            row.append(unique_row.values[i])
        rows.append(row)
    total: list[Any] | None = None
    if TOTAL in table.columns:
        t = table.columns.index(TOTAL)
        total = ["Totalt", *(r.values[t] for r in table.rows), table.total.values[t]]
        if unique_row is not None:
            total.append(unique_row.values[t])
    n = len(headers)
    widths = [22 * mm, *([(st.WIDTH - 22 * mm) / (n - 1)] * (n - 1))]
    flow = _heading(f"Nådda personer {c.span}")
    flow.append(grid(headers, rows, total, widths=widths))
    notes = [table.note] + ([outside.note] if outside and outside.note else [])
    flow += [_p(n_, st.NOTE) for n_ in notes if n_]
    for key, label in (("nadda_kommun", "Kommun"), ("nadda_roll", "Roll")):
        t2 = c.table(key)
        if t2 is not None:
            flow += _heading(f"{t2.title} {c.span}")
            flow += summary_grid(t2, label)
    return flow


def groups(c: PdfContent) -> list[Any]:
    flow: list[Any] = []
    active = c.table("samverkansgrupper_aktiva")
    if active is not None:
        flow += _heading(f"{active.title} {c.span}")
        flow += summary_grid(active, "Kommun")
    last = c.year_summaries[-1]
    listing = next((t for t in last.tables if t.key == "samverkansgrupper"), None)
    if listing is not None and listing.rows:
        flow += _heading(f"Samverkansgrupper och status {last.year}")
        flow += summary_grid(listing, "Kommun – grupp (status)")
    if not flow:
        flow = [*_heading("Samverkansgrupper"), _p("Inga samverkansgrupper registrerade.", st.BODY)]
    return flow


def placements(c: PdfContent) -> list[Any]:
    flow = _heading(f"Individinriktade insatser (placeringar) {c.span}")
    table = c.table("placeringar")
    if table is None or not table.rows:
        return [*flow, _p(f"Inga placeringar registrerade för {c.span}.", st.BODY)]
    if c.period:
        flow += summary_grid(table, "Mått")
        by = c.table("placeringar_huvudman")
        if by is not None:
            flow += _heading(f"{by.title} {c.span}")
            flow += summary_grid(by, "Huvudman")
        return flow
    # A year: measures as rows, huvudmän as columns (the table is wide), then the total.
    rows = [
        SummaryRow(col, (*(r.values[i] for r in table.rows), table.total.values[i]))
        for i, col in enumerate(table.columns)
    ]
    headers = ("Mått", *(r.label for r in table.rows), "Totalt")
    transposed = SummaryTable(
        table.key,
        table.title,
        headers[1:],
        tuple(rows),
        has_total=False,
        note=table.note,
    )
    return [*flow, *summary_grid(transposed, "Mått")]


def county(c: PdfContent) -> list[Any]:
    flow = _heading(f"ASF i länet (länsstatistik) {c.span}")
    table = next((t for t in c.year_summaries[-1].tables if t.key == "lansstatistik"), None)
    if table is None or not table.rows:
        return [*flow, _p("Ingen länsstatistik registrerad.", st.BODY)]
    keep = [i for i, col in enumerate(table.columns) if col in {str(y) for y in c.years}]
    if keep and len(keep) < len(table.columns):
        table = replace(
            table,
            columns=tuple(table.columns[i] for i in keep),
            rows=tuple(SummaryRow(r.label, tuple(r.values[i] for i in keep)) for r in table.rows),
        )
    return [*flow, *summary_grid(table, "Mått")]


def milestones(c: PdfContent) -> list[Any]:
    items = sorted(c.source.milestones, key=lambda m: str(m["date"]))
    flow = _heading(f"Milstolpar {c.span}")
    if not items:
        return [*flow, _p(f"Inga milstolpar registrerade för {c.span}.", st.BODY)]
    rows = []
    for m in items:
        where = ", ".join(x for x in (m.get("kommun"), m.get("organisation")) if x)
        rows.append(
            (
                st.swedish_date(dt.date.fromisoformat(m["date"])),
                m.get("kind_label") or m.get("kind") or "",
                where,
                m.get("text") or "",
            )
        )
    widths = [28 * mm, 32 * mm, 32 * mm, st.WIDTH - 92 * mm]
    flow.append(
        grid(
            ("Datum", "Typ", "Var", "Beskrivning"),
            rows,
            widths=widths,
            numeric_from=-1,
            wrap=(1, 2, 3),
        )
    )
    return flow


def findings(c: PdfContent) -> list[Any]:
    items = c.findings()
    flow: list[Any] = [PageBreak(), Paragraph(f"Avvikelser {c.span}", st.H1)]
    if not items:
        return [*flow, _p("Inga avvikelser hittades.", st.BODY)]
    flow.append(
        _p(
            f"Kontrollerna hittade {count_noun(len(items), 'avvikelse', 'avvikelser')}. "
            "Uppgifterna är sparade som de angavs; avvikelserna visas här, inget har ändrats.",
            st.BODY,
        )
    )
    flow.append(Spacer(1, 3 * mm))
    rows = [(f.what, f.where, f.expected, f.found) for f in items]
    widths = [52 * mm, 64 * mm, 30 * mm, st.WIDTH - 146 * mm]
    flow.append(
        grid(
            ("Vad", "Var", "Väntat", "Angivet"),
            rows,
            widths=widths,
            numeric_from=-1,
            wrap=(0, 1, 2, 3),
            font_size=7.5,
        )
    )
    return flow


def story(c: PdfContent, progress: Progress) -> list[Any]:
    flow: list[Any] = []
    for section in (
        cover,
        background,
        key_figures,
        activities,
        highlights,
        people_reached,
        groups,
        placements,
        county,
        milestones,
        analysis,
        conclusions,
        findings,
    ):
        progress.check()
        flow += section(c)
    return flow


# --- pages --------------------------------------------------------------------------------


class _NumberedCanvas(pdfcanvas.Canvas):  # type: ignore[misc]  # reportlab has no types
    """Holds the pages back until the end, then draws header and footer with
    'Sida X av Y' on each."""

    header = ""
    title = ""
    footer = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        count = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(count)
            super().showPage()
        super().save()

    def _decorate(self, count: int) -> None:
        page = self._pageNumber
        w, h = st.PAGE
        self.saveState()
        self.setFillColor(st.MUTED)
        self.setStrokeColor(st.RULE)
        self.setLineWidth(0.5)
        if page > 1:
            self.setFont(st.FONT, 7.5)
            self.drawString(st.MARGIN_X, h - 13 * mm, self.header)
            self.drawRightString(w - st.MARGIN_X, h - 13 * mm, self.title)
            self.line(st.MARGIN_X, h - 15 * mm, w - st.MARGIN_X, h - 15 * mm)
        self.line(st.MARGIN_X, 13 * mm, w - st.MARGIN_X, 13 * mm)
        self.setFont(st.FONT, 7.5)
        self.drawString(st.MARGIN_X, 9 * mm, self.footer)
        self.drawRightString(w - st.MARGIN_X, 9 * mm, f"Sida {page} av {count}")
        self.restoreState()


def _short(text: str, n: int = 95) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def write_pdf(path: Path | str, content: PdfContent, progress: Progress | None = None) -> int:
    """Write the report to ``path`` (atomically); returns the number of pages.

    On a cancel (Cancelled) or an error nothing is left behind and a file already at
    ``path`` is untouched; a file that cannot be saved raises DomainError (save_error).
    """
    checker: Progress = progress or Progress()
    st.register_fonts()
    path = Path(path)
    pages: list[int] = []

    class Canvas(_NumberedCanvas):
        header = _short(content.insats_name, 80)
        title = content.title
        footer = _short(f"{content.forbund_name} · upprättad {st.swedish_date(content.made)}")

        def save(self) -> None:
            pages.append(len(self._pages))
            checker.check()
            super().save()

    try:
        with atomic_write(path) as tmp:
            # reportlab leaves a file it opened itself open when writing fails
            with open(tmp, "wb") as fh:
                doc = SimpleDocTemplate(
                    fh,
                    pagesize=st.PAGE,
                    leftMargin=st.MARGIN_X,
                    rightMargin=st.MARGIN_X,
                    topMargin=st.MARGIN_TOP,
                    bottomMargin=st.MARGIN_BOTTOM,
                    title=f"{content.title} – {content.insats_name}",
                    author=content.forbund_name,
                    subject=content.insats_name,
                    creator="Insatslogg",
                    lang="sv-SE",
                )
                flow = story(content, checker)
                checker.report(1, 2)
                doc.build(flow, canvasmaker=Canvas)
            checker.check()
    except OSError as exc:
        raise save_error(path, exc) from exc
    checker.report(2, 2)
    return pages[0] if pages else 0


def export_pdf(
    store: Store, request: ExportRequest, path: Path | str, progress: Progress | None = None
) -> PdfResult:
    """Gather the year's or period's summaries and write the report to ``path``."""
    progress = progress or Progress()
    content = gather_pdf(store, request, progress)
    pages = write_pdf(path, content, progress)
    return PdfResult(Path(path), pages, len(content.findings()), request.span)
