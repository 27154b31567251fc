"""What a search query means (app.core.activity_search): terms, folding, where found."""

from __future__ import annotations

import random
import unicodedata
from datetime import date

import pytest

from app.core.activity_search import (
    FIELD_LABELS,
    SearchHit,
    SearchQuery,
    SearchResult,
    fold,
    found_in,
    haystack,
    highlight_spans,
    matches,
    parse_terms,
)
from app.core.vocabulary import Status


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("", ()),
        ("   ", ()),
        ("Gävle", ("gävle",)),
        ("ÅRSMÖTE i Ödeshög", ("årsmöte", "i", "ödeshög")),
        ('"goda exempel" ASF', ("goda exempel", "asf")),
        ("”Goda   Exempel”", ("goda exempel",)),
        ("“goda exempel”", ("goda exempel",)),
        ('"goda exempel', ("goda exempel",)),  # an unclosed quote runs to the end
        ('""', ()),
        ('ord"fras här"', ("ord", "fras här")),
        ("asf ASF Asf", ("asf",)),  # repeats are one term
        ("möte frukostmöte", ("frukostmöte",)),  # a term inside another adds nothing
        ("rad\tett\x00två", ("rad", "ett", "två")),
    ],
)
def test_terms_are_words_and_quoted_phrases(text: str, terms: tuple[str, ...]) -> None:
    assert parse_terms(text) == terms


def test_folding_treats_case_composition_and_white_space_alike() -> None:
    decomposed = unicodedata.normalize("NFD", "Östra Ämtervik Åre")
    assert decomposed != "Östra Ämtervik Åre"
    assert fold(decomposed) == fold("ÖSTRA ÄMTERVIK ÅRE") == "östra ämtervik åre"
    assert fold("Straße") == "strasse"
    assert fold("ﬁnansiering") == "finansiering"  # a ligature copied from a PDF
    assert fold(" två\n\nrader\t ") == "två rader"


def test_every_term_must_be_found_each_within_one_field() -> None:
    fields = ("Frukostmöte om ASF", "Stadshuset", "Frukostmöte", "Gävle", "", "", "Goda exempel")
    hay = haystack(fields)
    assert matches(parse_terms("asf GÄVLE"), hay)
    assert matches(parse_terms('"goda exempel" stadshuset'), hay)
    assert not matches(parse_terms("asf sandviken"), hay)
    # A phrase is not found across two fields.
    assert not matches(parse_terms('"gävle goda"'), hay)
    assert not matches(parse_terms('"asf stadshuset"'), hay)


def test_matching_the_haystack_equals_matching_field_by_field() -> None:
    """The store's haystack and the plain rule (each term in some folded field) agree,
    over random texts with the letters that fold unusually."""
    seed = random.randrange(1 << 30)
    print(f"seed={seed}")
    rng = random.Random(seed)
    letters = "aAåÅäÄöÖsSßẞﬁfiKk \n\tO\u0308e\u0301\"'"
    for _ in range(2000):
        fields = ["".join(rng.choices(letters, k=rng.randint(0, 12))) for _ in FIELD_LABELS]
        text = " ".join("".join(rng.choices(letters, k=rng.randint(1, 3))) for _ in range(2))
        terms = parse_terms(text)
        plain = all(any(t in fold(f) for f in fields) for t in terms)
        assert matches(terms, haystack(fields)) == plain, (fields, text)


def test_found_in_names_the_fields_and_quotes_hidden_ones() -> None:
    fields = (
        "Seminarium om upphandling",
        "Folkets hus",
        "Seminarium",
        "Gävle",
        "Många frågor om reserverade kontrakt och om hur en upphandling kan göras "
        "så att sociala företag kan lämna anbud.",
        "",
        "",
    )
    found = found_in(parse_terms("UPPHANDLING"), fields)
    assert found.startswith("Titel · Anteckningar: ”…") and found.endswith("…”")
    excerpt = found.removeprefix("Titel · Anteckningar: ”…").removesuffix("…”")
    assert "upphandling" in excerpt and len(excerpt) <= 60
    assert excerpt in fields[4] and f" {excerpt} " in f" {fields[4]} "  # whole words
    assert found_in(parse_terms("folkets"), fields) == "Plats: ”Folkets hus”"
    assert found_in(parse_terms("gävle seminarium"), fields) == "Titel · Typ · Kommun"


def _hit(n: int) -> SearchHit:
    return SearchHit(n, date(2020, 1, 1), "A", "Seminarium", "Gävle", Status.GENOMFORD, 3)


def test_summary_says_how_many_and_when_only_the_newest_are_listed() -> None:
    assert SearchResult().summary() == "Inga träffar"
    assert SearchResult((_hit(1),), 1).summary() == "1 träff"
    assert SearchResult((_hit(1), _hit(2)), 2).summary() == "2 träffar"
    capped = SearchResult(tuple(_hit(i) for i in range(500)), 1234)
    assert capped.capped
    assert capped.summary() == "1\u00a0234 träffar (visar de 500 senaste)"


def test_an_empty_query_is_empty() -> None:
    assert SearchQuery().is_empty
    assert SearchQuery(text=' "" ').is_empty
    assert not SearchQuery(type_name="Seminarium").is_empty
    assert not SearchQuery(status=Status.PLANERAD).is_empty


def test_highlight_spans_mark_each_term_where_it_is_written() -> None:
    text = "Frukostmöte om ÅTERBRUK – återbruk i Gävle"
    spans = highlight_spans(parse_terms("återbruk GÄVLE"), text)
    assert [text[a:b] for a, b in spans] == ["ÅTERBRUK", "återbruk", "Gävle"]
    assert highlight_spans(parse_terms("strasse"), "Straße 1") == [(0, 6)]
    overlapping = highlight_spans(parse_terms('"om åter" "återbruk"'), text)
    assert [text[a:b] for a, b in overlapping] == ["om ÅTERBRUK", "återbruk"]
    assert highlight_spans((), text) == []


def test_every_highlight_is_a_match_and_every_plain_match_is_highlighted() -> None:
    seed = random.randrange(1 << 30)
    print(f"seed={seed}")
    rng = random.Random(seed)
    letters = "aAåÅäÄöÖsSßﬁfiKk -"
    for _ in range(2000):
        text = "".join(rng.choices(letters, k=rng.randint(0, 20)))
        terms = parse_terms("".join(rng.choices(letters.replace(" ", ""), k=rng.randint(1, 3))))
        spans = highlight_spans(terms, text)
        for a, b in spans:
            assert any(t in text[a:b].casefold() for t in terms), (text, terms, spans)
        if any(t in text.casefold() for t in terms):
            assert spans, (text, terms)
