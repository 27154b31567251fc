"""The board report's PDF writer on hand-built reports: every kind of block read back,
tables split only with the header and three rows on each side, no text over text, no
word split over two lines, whole-number chart ticks, the document's properties and
embedded fonts, the cover's logo."""

from __future__ import annotations

import datetime as dt
import random
import re
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.reports.board_blocks import (
    BoardReport,
    Bullets,
    Chart,
    Cover,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from app.reports.pdf_charts import axis_top, tick_step
from app.reports.pdf_report import write_board_pdf
from app.reports.pdf_tables import MIN_ROWS
from tests.reports.pdf_words import Word, fonts, overlapping, page_text, pages

COVER = Cover(
    "Samordningsförbund Provlän",
    "Insats Prov",
    "Rapport 2024",
    "januari–april 2024",
    dt.date(2024, 5, 2),
)


def report(*blocks: object, cover: Cover = COVER) -> BoardReport:
    return BoardReport(
        cover=cover,
        blocks=tuple(blocks),  # type: ignore[arg-type]
        title="Rapport januari–april 2024 – Insats Prov",
        author="Samordningsförbund Provlän",
        subject="Insats Prov",
        header="Insats Prov",
        footer="Samordningsförbund Provlän · upprättad 2 maj 2024",
    )


def write(tmp_path: Path, r: BoardReport, name: str = "r.pdf") -> Path:
    path = tmp_path / name
    write_board_pdf(path, r)
    return path


def test_every_kind_of_block_is_read_back(tmp_path: Path) -> None:
    table = Table(
        ("Kommun", "2024"),
        (("Gävle", "12"), ("Hofors", "1 275")),
        ("Totalt", "1 287"),
        caption="Tabellens rubrik",
        note="Volym: en gång per tillfälle.",
    )
    path = write(
        tmp_path,
        report(
            Heading("Uppdrag", 1),
            Heading("Insatsperiod", 2),
            Paragraph("Insatsen pågick från augusti 2016.\nEn rad till."),
            Heading("Målgrupp", 3),
            Bullets(("Unga vuxna", "Personer långt från arbetsmarknaden")),
            table,
            Chart("Genomförda aktiviteter", ("Gävle", "Hofors"), (12, 3)),
            Paragraph("En anteckning.", "note"),
            PageBreak(),
            Paragraph("Efter sidbrytningen."),
        ),
    )
    texts = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(path).pages]
    assert "Samordningsförbund Provlän" in texts[0] and "Rapport 2024" in texts[0]
    assert "Period: januari–april 2024" in texts[0] and "Upprättad 2 maj 2024" in texts[0]
    body = texts[1]
    for part in (
        "Uppdrag",
        "Insatsperiod",
        "Insatsen pågick från augusti 2016.",
        "En rad till.",
        "Målgrupp",
        "Unga vuxna",
        "Personer långt från arbetsmarknaden",
        "Tabellens rubrik",
        "Kommun 2024 Gävle 12 Hofors 1 275 Totalt 1 287",
        "Volym: en gång per tillfälle.",
        "Genomförda aktiviteter",
        "En anteckning.",
    ):
        assert part in body.replace("\u00a0", " "), part
    assert "Efter sidbrytningen." not in body
    assert "Efter sidbrytningen." in texts[2]
    assert texts[-1].rstrip().endswith(f"Sida {len(texts)} av {len(texts)}")


def _rows_per_page(path: Path, prefix: str) -> list[tuple[bool, int]]:
    """For each page holding some of the table: (its header is there, body rows there)."""
    out = []
    for words in pages(path):
        rows = sum(1 for w in words if re.fullmatch(rf"{prefix}\d{{3}}", w.text))
        total = sum(1 for w in words if w.text == "Summaraden")
        if rows or total:
            out.append(("Kolumnrubrik" in page_text(words), rows + total))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_long_table_splits_with_its_header_and_three_rows_on_each_side(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    print("seed", seed)
    for filler in range(0, 60):
        rows = rng.randint(30, 90)
        table = Table(
            ("Kolumnrubrik", "2023", "2024"),
            tuple(
                (f"R{i:03d}", str(rng.randint(0, 99)), str(rng.randint(0, 99))) for i in range(rows)
            ),
            ("Summaraden", "1", "2"),
        )
        lines = [Paragraph(f"Fyllnadsrad {n}.") for n in range(filler)]
        path = write(tmp_path, report(*lines, Heading("Tabellen", 2), table))
        parts = _rows_per_page(path, "R")
        assert sum(n for _, n in parts) == rows + 1, (filler, parts)
        assert all(header for header, _ in parts), (filler, parts)
        assert all(n >= MIN_ROWS for _, n in parts), (filler, parts)


def test_a_short_table_is_never_split(tmp_path: Path) -> None:
    for filler in range(20, 50, 2):
        table = Table(
            ("Kolumnrubrik", "2024"),
            tuple((f"K{i:03d}", "1") for i in range(12)),
            ("Summaraden", "12"),
        )
        lines = [Paragraph(f"Fyllnadsrad {n}.") for n in range(filler)]
        path = write(tmp_path, report(*lines, Heading("Kort tabell", 2), table))
        parts = _rows_per_page(path, "K")
        assert parts == [(True, 13)], (filler, parts)
        heading_page = next(i for i, p in enumerate(pages(path)) if "Kort tabell" in page_text(p))
        table_page = next(i for i, p in enumerate(pages(path)) if "K000" in page_text(p))
        assert heading_page == table_page


def test_a_heading_is_never_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    for filler in range(30, 50):
        lines = [Paragraph(f"Fyllnadsrad {n}.") for n in range(filler)]
        text = Paragraph(" ".join(["Brödtext efter rubriken."] * 40))
        path = write(tmp_path, report(*lines, Heading("Ensam rubrik", 2), text))
        for words in pages(path):
            if "Ensam rubrik" in page_text(words):
                heading = next(w for w in words if w.text == "Ensam")
                below = [w for w in words if w.y0 > heading.y1 and w.text == "Brödtext"]
                assert len({round(w.y0) for w in below}) >= 2, filler


MILESTONES = Table(
    ("Datum", "Typ", "Var", "Beskrivning"),
    (
        ("15 september 2017", "Pris/utmärkelse", "Arbetsförmedlingen", "Förbundet fick pris."),
        ("1 juli 2019", "Handlingsplan antagen", "Länsövergripande", "Socialförsäkringsbalken"),
        ("31 december 2020", "Annat", "Försäkringskassan", "Arbetsmarknadsutbildningar"),
    ),
    numeric=(False, False, False, False),
    widths=(0.09, 0.09, 0.09, 0.73),  # far too narrow for the words: the writer must widen
)


def test_narrow_columns_neither_overlap_nor_split_words(tmp_path: Path) -> None:
    path = write(tmp_path, report(Heading("Milstolpar", 2), MILESTONES))
    for words in pages(path):
        assert overlapping(words) == []
    found = {w.text for p in pages(path) for w in p}
    for row in MILESTONES.rows:
        for cell in row:
            for word in cell.split():
                assert word in found, word  # whole, on one line


# Figure columns are headed by years and short words (as the summaries' are); the long
# words are in the label column, which can widen.
FIGURE_HEADERS = [str(y) for y in range(2016, 2026)] + ["Totalt", "Förändring", "Kvinnor"]


def test_many_random_columns_neither_overlap_nor_split_words(tmp_path: Path) -> None:
    seed = random.randrange(10**6)
    print("seed", seed)
    rng = random.Random(seed)
    names = [
        "Arbetsförmedlingen",
        "Försäkringskassan",
        "Länsövergripande",
        "Ovanåker",
        "Gävle",
        "Socialförsäkringsbalken",
        "Samordningsförbundet",
        "ASF",
        "Nordanstig",
    ]
    for _ in range(5):
        columns = rng.randint(3, 13)
        header = ("Mått", *(rng.choice(FIGURE_HEADERS) for _ in range(columns - 1)))
        rows = tuple(
            (
                " ".join(rng.sample(names, 2)),
                *(str(rng.randint(0, 2000)) for _ in range(columns - 1)),
            )
            for _ in range(rng.randint(1, 40))
        )
        path = write(tmp_path, report(Table(header, rows)))
        ps = pages(path)
        found = {w.text for p in ps for w in p}
        for p in ps:
            assert overlapping(p) == [], (seed, columns)
        for cell in {c for row in (header, *rows) for c in row}:
            for word in cell.split():
                assert word in found, (seed, word)


def _ticks(words: list[Word]) -> list[int]:
    """The value axis's numbers: the lowest line of whole numbers on the page ("1 000"
    comes as two words close together: joined again)."""
    # Between the running header and the footer (which hold dates and page numbers).
    numbers = [w for w in words if re.fullmatch(r"\d+", w.text) and 60 < w.y0 < 760]
    bottom = max(round(w.y0) for w in numbers)
    line = sorted((w for w in numbers if round(w.y0) == bottom), key=lambda w: w.x0)
    ticks: list[tuple[str, float]] = []
    for w in line:
        if ticks and w.x0 - ticks[-1][1] < 4:
            ticks[-1] = (ticks[-1][0] + w.text, w.x1)
        else:
            ticks.append((w.text, w.x1))
    return [int(t) for t, _ in ticks]


def test_chart_ticks_are_whole_numbers_in_equal_steps(tmp_path: Path) -> None:
    seed = random.randrange(10**6)
    print("seed", seed)
    rng = random.Random(seed)
    for top in (0, 1, 2, 3, 7, rng.randint(4, 60), rng.randint(61, 5000)):
        values = (top, *(rng.randint(0, top) for _ in range(rng.randint(0, 5))))
        labels = tuple(f"Typ {i}" for i in range(len(values)))
        path = write(tmp_path, report(Chart("Diagram", labels, values)))
        ticks = _ticks(pages(path)[1])
        steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
        assert ticks[0] == 0 and len(steps) == 1 and min(steps) >= 1, (seed, top, ticks)
        assert ticks[-1] >= top and len(ticks) <= 10, (seed, top, ticks)


def test_tick_step_is_a_whole_nice_number() -> None:
    for top in range(0, 3000):
        step = tick_step(top)
        assert step >= 1 and str(step).strip("0") in {"1", "2", "5"}
        assert axis_top(top, step) >= top and axis_top(top, step) // step <= 8


def test_title_author_subject_language_and_embedded_fonts(tmp_path: Path) -> None:
    every_kind = (
        Heading("Uppdrag"),
        Paragraph("Text."),
        Paragraph("Anteckning.", "note"),
        Bullets(("En punkt", "En till")),  # the bullet's own font too
        Table(("Kommun", "2024"), (("Gävle", "1"),), ("Totalt", "1")),
        Chart("Diagram", ("A",), (1,)),
    )
    path = write(tmp_path, report(*every_kind))
    reader = PdfReader(path)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Rapport januari–april 2024 – Insats Prov"
    assert meta.author == "Samordningsförbund Provlän" and meta.subject == "Insats Prov"
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    found = fonts(path)
    assert found and all(f["emb"] == "yes" for f in found), found
    assert {f["name"].split("+")[-1] for f in found} <= {"DejaVuSans", "DejaVuSans-Bold"}


def _picture(width: int, height: int, kind: str = "PNG") -> bytes:
    out = BytesIO()
    Image.new("RGB", (width, height), (47, 93, 124)).save(out, format=kind)
    return out.getvalue()


@pytest.mark.parametrize(("size", "kind"), [((1200, 300), "PNG"), ((200, 900), "JPEG")])
def test_the_cover_shows_the_logo_scaled_to_fit(
    tmp_path: Path, size: tuple[int, int], kind: str
) -> None:
    from reportlab.lib.units import mm

    cover = Cover(
        COVER.forbund,
        COVER.insats,
        COVER.title,
        COVER.period,
        COVER.made,
        logo=_picture(*size, kind),
    )
    path = write(tmp_path, report(Paragraph("Text."), cover=cover))
    first = PdfReader(path).pages[0]
    assert len(first.images) == 1
    assert len(PdfReader(path).pages[1].images) == 0
    content = first.get_contents()
    assert content is not None
    # The image is drawn with a "w 0 0 h x y cm" matrix: within 70 × 32 mm, proportions kept.
    w, h = next(
        (float(a), float(d))
        for a, b, c, d in re.findall(
            rb"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) [\d.]+ [\d.]+ cm", content.get_data()
        )
        if float(b) == 0 and float(c) == 0 and float(a) > 20
    )
    assert w <= 70 * mm + 0.5 and h <= 32 * mm + 0.5
    assert abs(w / h - size[0] / size[1]) < 0.02


def test_a_broken_logo_leaves_the_cover_without_one(tmp_path: Path) -> None:
    cover = Cover(
        COVER.forbund, COVER.insats, COVER.title, COVER.period, COVER.made, logo=b"not a picture"
    )
    path = write(tmp_path, report(Paragraph("Text."), cover=cover))
    first = PdfReader(path).pages[0]
    assert len(first.images) == 0 and "Rapport 2024" in first.extract_text()


def test_the_outline_lists_every_heading_at_its_page(tmp_path: Path) -> None:
    blocks: list[object] = []
    for n in range(1, 6):
        blocks += [Heading(f"Kapitel {n}", 1), Heading(f"Avsnitt {n}", 2)]
        blocks += [Paragraph(f"Rad {k} i kapitel {n}.") for k in range(25)]
    path = write(tmp_path, report(*blocks))
    reader = PdfReader(path)
    entries: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                entries.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    assert [(d, t) for d, t, _ in entries] == [
        (d, f"{word} {n}") for n in range(1, 6) for d, word in ((0, "Kapitel"), (1, "Avsnitt"))
    ]
    laid_out = pages(path)
    assert len(laid_out) > 3
    for _, title, page in entries:
        assert title in page_text(laid_out[page]), (title, page)


def test_a_row_taller_than_a_page_is_split_within_it(tmp_path: Path) -> None:
    """A text as long as a report text may be (20 000 characters) in one cell: the row
    runs over pages under the repeated header, its heading on its first page."""
    sentence = "Ett mycket långt stycke text om insatsen."
    long = " ".join([sentence] * (20_000 // (len(sentence) + 1)))
    rows = (("1 juli 2019", long), *((f"{d} juli 2019", "Kort.") for d in range(2, 8)))
    table = Table(("Datum", "Beskrivning"), rows, numeric=(False, False), widths=(0.2, 0.8))
    path = write(tmp_path, report(Heading("Milstolpar", 2), table))
    laid_out = pages(path)[1:]
    assert len(laid_out) >= 4
    assert "Milstolpar" in page_text(laid_out[0]) and "1 juli 2019" in page_text(laid_out[0])
    assert all({"Datum", "Beskrivning"} <= {w.text for w in p} for p in laid_out)
    text = " ".join(page_text(p) for p in laid_out)
    assert text.count("insatsen.") == long.count("insatsen.")
    assert all(f"{d} juli 2019" in text for d in range(2, 8))


def test_a_chart_of_many_bars_fits_on_a_page(tmp_path: Path) -> None:
    labels = tuple(f"Kommun {i}" for i in range(90))
    path = write(tmp_path, report(Paragraph("Före."), Chart("Många", labels, tuple(range(90)))))
    laid_out = pages(path)
    assert len(laid_out) == 2
    assert all(label in page_text(laid_out[1]) for label in labels)
