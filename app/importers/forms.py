"""Reading the answers of a survey exported from Microsoft Forms or Google Forms (.xlsx
or .csv): one row per respondent, one column per question.

The columns that say who answered or when — ID, Starttid, E-post, Namn, Tidstämpel …,
and any column holding e-mail addresses — are dropped as the file is read: only their
headers are kept, to be named in the preview as not read. A column whose every answer
is on the 1–5 scale (core.evaluation_words) is a question with its distribution;
another column of text is a free-text question whose answers are offered as quotes.
All or nothing: a problem names its row and column, and nothing is returned."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.core import limits
from app.core.errors import DomainError, ValidationError
from app.core.evaluation import Evaluation, Question, Quote
from app.core.evaluation_scale import Distribution
from app.core.evaluation_words import mapping_lines, scale_value, word_key
from app.importers.spreadsheets import read_csv, read_xlsx
from app.importers.table import Cell, RawTable, clean_lines, clean_text, column_letter, key, words

MICROSOFT = "Microsoft Forms"
GOOGLE = "Google Forms"
FILE_FILTER = "Enkätsvar (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv)"

# Headers (as keys) of the columns that are personal or technical, never read.
PERSONAL_KEYS = frozenset(
    key(h)
    for h in (
        "ID",
        "Starttid",
        "Start time",
        "Sluttid",
        "Completion time",
        "Tid för slutförande",
        "E-post",
        "Email",
        "E-postadress",
        "Email address",
        "E-mail",
        "Namn",
        "Name",
        "Senast ändrad",
        "Senaste ändringstid",
        "Last modified time",
        "Tidstämpel",
        "Tidsstämpel",
        "Timestamp",
        "Användarnamn",
        "Username",
        "Poäng",
        "Total poäng",
        "Score",
        "Total score",
        "Telefon",
        "Telefonnummer",
        "Phone",
    )
)
# A header with one of these words is personal too ("Ditt namn", "Your email").
PERSONAL_WORDS = frozenset({"namn", "name", "epost", "email", "epostadress", "mejl", "mail"})
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
MICROSOFT_KEYS = frozenset(key(h) for h in ("Starttid", "Start time", "Completion time"))
GOOGLE_KEYS = frozenset(key(h) for h in ("Tidstämpel", "Tidsstämpel", "Timestamp"))


@dataclass(frozen=True)
class FormsImport:
    """What the file gives: the scale questions with their distributions, how many
    answered (rows with at least one answer), the free-text answers offered as quotes,
    the words read and their values, and the columns not read (their headers only)."""

    file_name: str
    source: str
    respondents: int
    questions: tuple[Question, ...]
    candidate_quotes: tuple[Quote, ...]
    mapping: tuple[tuple[str, int], ...]  # (the answer as written, its value)
    not_read: tuple[str, ...]  # 'E-post (personuppgift)'
    text_questions: tuple[str, ...] = ()

    def mapping_lines(self) -> list[str]:
        return mapping_lines(dict(self.mapping))

    def evaluation(
        self,
        activity_id: int,
        asked: int | None = None,
        quotes: tuple[Quote, ...] = (),
        evaluation_id: int | None = None,
    ) -> Evaluation:
        """The evaluation to save: the counts, and only the quotes the user chose."""
        return Evaluation(
            id=evaluation_id,
            activity_id=activity_id,
            answered=self.respondents,
            asked=asked,
            questions=self.questions,
            quotes=quotes,
            source=self.source,
        )


def is_personal(header: str) -> bool:
    k = key(header)
    return k in PERSONAL_KEYS or any(w in PERSONAL_WORDS for w in words(header.replace("-", "")))


def _source(headers: list[str]) -> str:
    keys = {key(h) for h in headers}
    if keys & MICROSOFT_KEYS:
        return MICROSOFT
    if keys & GOOGLE_KEYS:
        return GOOGLE
    return ""


def read_table(path: Path) -> RawTable:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path)
    raise DomainError(
        f"{path.name}: okänd filtyp. Enkätsvar importeras från Excel (.xlsx) eller CSV (.csv), "
        "så som Microsoft Forms och Google Forms exporterar dem."
    )


def read_forms(path: Path) -> FormsImport:
    """The survey in ``path``; DomainError (ValidationError: every problem) on bad input."""
    try:
        table = read_table(path)
    except OSError as exc:
        raise DomainError(f"{path.name} kan inte läsas: {exc.strerror or exc}.") from exc
    return parse_forms(table)


@dataclass
class _Column:
    index: int
    header: str
    answers: list[tuple[int, Cell]]  # (row number, value), blanks left out

    @property
    def name(self) -> str:
        return f"kolumn {column_letter(self.index)} ({_short(self.header)})"


def _short(text: str, n: int = 50) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def parse_forms(table: RawTable) -> FormsImport:
    if not table.rows:
        raise DomainError(f"{table.name} är tom: den har inga rader med svar.")
    header_row, *rows = table.rows
    width = table.width
    headers = [clean_text(header_row.cell(i)) for i in range(width)]
    not_read: list[str] = []
    columns: list[_Column] = []
    for i, header in enumerate(headers):
        if is_personal(header):
            not_read.append(f"{header} (personuppgift eller teknisk uppgift)")
            continue
        answers = [(r.number, r.cell(i)) for r in rows if clean_text(r.cell(i))]
        if any(isinstance(v, str) and _EMAIL.search(v) for _, v in answers):
            not_read.append(f"{header or column_letter(i)} (innehåller e-postadresser)")
            continue
        if not header and not answers:
            continue
        columns.append(_Column(i, header or f"Kolumn {column_letter(i)}", answers))
    del rows  # the personal columns' values go with the rows
    problems: list[str] = []
    questions: list[Question] = []
    quotes: list[Quote] = []
    texts: list[str] = []
    used: dict[str, tuple[str, int]] = {}  # one spelling of each word
    answering: set[int] = set()
    for col in columns:
        if not col.answers:
            not_read.append(f"{col.header} (inga svar)")
            continue
        values = [
            (n, v, scale_value(v if isinstance(v, int | float) else clean_text(v)))
            for n, v in col.answers
        ]
        unknown = [(n, v) for n, v, s in values if s is None]
        if not unknown:
            counts = [0] * 5
            for _, v, s in values:
                assert s is not None
                counts[s - 1] += 1
                if isinstance(v, str) and not clean_text(v).isdigit():
                    used.setdefault(word_key(v), (clean_text(v), s))
            questions.append(Question(col.header, Distribution(*counts)))
            answering.update(n for n, _ in col.answers)
            continue
        numeric = all(isinstance(v, int | float) or _is_number(v) for _, v in col.answers)
        if numeric:
            not_read.append(f"{col.header} (siffror utanför skalan 1–5)")
            continue
        if len(unknown) * 2 < len(values):  # mostly scale words: a word we do not know
            shown = ", ".join(f"”{clean_text(v)}” (rad {n})" for n, v in unknown[:5])
            more = " …" if len(unknown) > 5 else ""
            problems.append(
                f"I {col.name} finns svar som inte kan läsas som 1–5: {shown}{more}. Ändra "
                "svaren i filen till ord i skalan (t.ex. Instämmer helt … Instämmer inte alls) "
                "eller siffror 1–5."
            )
            continue
        texts.append(col.header)
        answering.update(n for n, _ in col.answers)
        for n, v in col.answers:
            text = clean_lines(v)
            if p := limits.too_long(text, limits.LONG_TEXT, f"Svaret på rad {n} i {col.name}"):
                problems.append(p + ".")
            quotes.append(Quote(text, col.header))
    for q in questions:
        if p := limits.too_long(q.text, limits.LONG_TEXT, f"Frågan {_short(q.text)}"):
            problems.append(p + ".")
    if problems:
        raise ValidationError(problems)
    if not questions and not texts:
        raise DomainError(
            f"{table.name} har inga frågor att läsa in: ingen kolumn har svar på skalan 1–5 "
            "eller fritextsvar (första raden ska vara rubrikerna, en kolumn per fråga)."
        )
    return FormsImport(
        file_name=table.name,
        source=_source(headers),
        respondents=len(answering),
        questions=tuple(questions),
        candidate_quotes=tuple(quotes),
        mapping=tuple(used.values()),
        not_read=tuple(not_read),
        text_questions=tuple(texts),
    )


def _is_number(value: Cell) -> bool:
    return isinstance(value, str) and re.fullmatch(r"-?\d+([.,]\d+)?", value.strip()) is not None
