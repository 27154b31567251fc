"""Which of the user's texts a report prints, and the report logo's checks."""

from __future__ import annotations

import base64
import random
import struct
import zlib

import pytest

from app.core.errors import ValidationError
from app.core.report_logo import (
    MAX_BYTES,
    decode_logo,
    encode_logo,
    image_kind,
    image_size,
    validate_logo,
)
from app.core.report_texts import (
    INSATS_SECTIONS,
    PER_YEAR_SECTIONS,
    SECTIONS,
    ReportText,
    choose_texts,
)

WHOLE = (2016, 2020)


def _t(first: int, last: int, section: str, text: str) -> ReportText:
    return ReportText(1, first, last, section, text)


def test_exact_years_first_then_the_insats_whole_years() -> None:
    stored = [
        _t(2016, 2020, "bakgrund", "Hela insatsens bakgrund."),
        _t(2018, 2018, "bakgrund", "Bakgrund för 2018."),
        _t(2016, 2020, "analys", "Hela insatsens analys."),
        _t(2017, 2019, "analys", "Analys 2017–2019."),
    ]
    # A year's report: its own background; the final analysis is not the year's.
    assert choose_texts(stored, [2018], WHOLE).sections == {"bakgrund": "Bakgrund för 2018."}
    assert choose_texts(stored, [2017, 2018, 2019], WHOLE).sections == {
        "bakgrund": "Hela insatsens bakgrund.",
        "analys": "Analys 2017–2019.",
    }
    # A section describing the insats falls back on the whole insats; the analysis only
    # for exactly its years; without the whole insats's texts, nothing.
    other = choose_texts(stored, [2019, 2020], WHOLE).sections
    assert other == {"bakgrund": "Hela insatsens bakgrund."}
    assert choose_texts(stored, list(range(2016, 2021)), WHOLE).sections == {
        "bakgrund": "Hela insatsens bakgrund.",
        "analys": "Hela insatsens analys.",
    }
    assert choose_texts(stored, [2019, 2020], None).sections == {}


def test_per_year_sections_take_each_years_own_text() -> None:
    stored = [
        _t(2016, 2020, "struktur", "Syftet med den strukturinriktade insatsen."),
        _t(2017, 2017, "struktur", "Året 2017."),
        _t(2018, 2018, "struktur", "Året 2018."),
        _t(2018, 2018, "individ", "Placeringar 2018."),
        _t(2019, 2019, "struktur", "   "),  # blank: not written
    ]
    chosen = choose_texts(stored, [2016, 2017, 2018, 2019, 2020], WHOLE)
    assert chosen.sections == {"struktur": "Syftet med den strukturinriktade insatsen."}
    assert chosen.years == {
        (2017, "struktur"): "Året 2017.",
        (2018, "struktur"): "Året 2018.",
        (2018, "individ"): "Placeringar 2018.",
    }
    # A year's report: the year's text is the year's, the introduction the insats's.
    one = choose_texts(stored, [2018], WHOLE)
    assert one.sections == {"struktur": "Syftet med den strukturinriktade insatsen."}
    assert one.of_year(2018, "struktur") == "Året 2018." and one.of_year(2017, "struktur") == ""


def test_random_texts_are_found_by_the_rule() -> None:
    seed = random.randrange(10**6)
    print(f"seed {seed}")
    rng = random.Random(seed)
    spans = [(a, b) for a in range(2016, 2021) for b in range(a, 2021)]
    stored = {(a, b, s): f"{s} {a}–{b}" for a, b in spans for s in SECTIONS if rng.random() < 0.3}
    texts = [_t(a, b, s, text) for (a, b, s), text in stored.items()]
    for first, last in spans:
        years = list(range(first, last + 1))
        chosen = choose_texts(texts, years, WHOLE)
        for section in SECTIONS:
            candidates = [(first, last), WHOLE] if section in INSATS_SECTIONS else [(first, last)]
            if section in PER_YEAR_SECTIONS:
                candidates = [c for c in candidates if c[0] != c[1]]
            expected = next(
                (stored[(*c, section)] for c in candidates if (*c, section) in stored), None
            )
            assert chosen.sections.get(section) == expected, (seed, first, last, section)
        for year in years:
            for section in PER_YEAR_SECTIONS:
                assert chosen.of_year(year, section) == stored.get((year, year, section), "")


def _png(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_a_png_is_taken_and_round_trips_as_text() -> None:
    png = _png(40, 12)
    assert image_kind(png) == "PNG" and image_size(png) == (40, 12)
    text = encode_logo(png)
    assert base64.b64decode(text) == png
    assert decode_logo(text) == png
    assert decode_logo("") is None and decode_logo(None) is None
    assert decode_logo("inte base64!") is None


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "tom"),
        (b"GIF89a" + b"\x00" * 20, "inte en PNG- eller JPEG-bild"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 4, "går inte att läsa"),
        (b"\xff\xd8\xff\xe0\x00", "går inte att läsa"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_BYTES, "för stor"),
    ],
)
def test_what_is_not_a_usable_logo_is_refused_in_swedish(data: bytes, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_logo(data, "Bilden")
    assert words in str(caught.value)
