"""The evaluation (enkät) of an activity: how many were asked and answered, each
question's answers on the 1–5 scale, and the free-text quotes the user chose to keep.

The figures — svar av tillfrågade, svarsfrekvens, medel and andel 4–5, per activity,
per type and per year — are computed and rounded here only, so the tab, the Excel
sheet and the board report show the same. The 1–5 maths is core.evaluation_scale's.
No respondent's name or e-mail address is ever part of an evaluation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from math import floor

from app.core import limits
from app.core.errors import ValidationError
from app.core.evaluation_scale import Distribution, combined
from app.core.wording import thousands

NO_FIGURE = "–"


@dataclass(frozen=True)
class Question:
    """One question on the 1–5 scale and how many gave each answer."""

    text: str
    answers: Distribution = field(default_factory=Distribution)


@dataclass(frozen=True)
class Quote:
    """A free-text answer kept for the report, with the question it answered (never
    with who wrote it)."""

    text: str
    question: str = ""


@dataclass(frozen=True)
class Evaluation:
    """``asked`` None: everyone who came was asked (the activity's participants)."""

    id: int | None
    activity_id: int
    answered: int = 0
    asked: int | None = None
    questions: tuple[Question, ...] = ()
    quotes: tuple[Quote, ...] = ()
    source: str = ""  # "Microsoft Forms", "Google Forms" or empty (typed in)
    notes: str = ""

    @property
    def overall(self) -> Distribution:
        """Every answer of every question together."""
        return combined(q.answers for q in self.questions)

    def asked_of(self, participants: int) -> int:
        return participants if self.asked is None else self.asked


def _clean(text: str) -> str:
    return limits.clean(text).strip()


def validate_evaluation(e: Evaluation, participants: int | None = None) -> Evaluation:
    """The evaluation with trimmed texts (questions and quotes without text dropped),
    or ValidationError with every problem in Swedish. ``participants``: the activity's,
    which ``asked`` None stands for."""
    questions = tuple(
        replace(q, text=_clean(q.text)) for q in e.questions if _clean(q.text) or q.answers.answers
    )
    quotes = tuple(Quote(_clean(q.text), _clean(q.question)) for q in e.quotes if _clean(q.text))
    e = replace(
        e, questions=questions, quotes=quotes, source=_clean(e.source), notes=_clean(e.notes)
    )
    problems: list[str] = []
    if e.answered < 0:
        problems.append("Antalet svar kan inte vara negativt.")
    if e.asked is not None and e.asked < 0:
        problems.append("Antalet tillfrågade kan inte vara negativt.")
    asked = e.asked if e.asked is not None else participants
    if asked is not None and asked >= 0 and e.answered > asked:
        who = "tillfrågade" if e.asked is not None else "deltagare"
        problems.append(
            f"{thousands(e.answered)} svar är fler än de {thousands(asked)} {who}: "
            "fler kan inte ha svarat än som fick enkäten."
        )
    for n, q in enumerate(e.questions, start=1):
        name = f"Fråga {n}" + (f" ({_short(q.text)})" if q.text else "")
        if not q.text:
            problems.append(f"{name} saknar text.")
        if any(c < 0 for c in q.answers.counts):
            problems.append(f"{name} har ett negativt antal svar.")
        elif q.answers.answers > e.answered:
            problems.append(
                f"{name} har {thousands(q.answers.answers)} svar, men bara "
                f"{thousands(e.answered)} svarade på enkäten."
            )
        problems += limits.text_problems([(q.text, limits.LONG_TEXT, f"Texten i {name.lower()}")])
    for n, quote in enumerate(e.quotes, start=1):
        problems += limits.text_problems(
            [
                (quote.text, limits.LONG_TEXT, f"Citat {n}"),
                (quote.question, limits.LONG_TEXT, f"Frågan till citat {n}"),
            ]
        )
    problems += limits.text_problems(
        [(e.source, limits.LONG_TEXT, "Källan"), (e.notes, limits.LONG_TEXT, "Anteckningarna")]
    )
    if problems:
        raise ValidationError(problems)
    return e


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# --- the figures, rounded once ----------------------------------------------------------


def _half_up(value: Fraction) -> int:
    return floor(value + Fraction(1, 2))


def mean_figure(d: Distribution) -> float | None:
    """The mean with one decimal (half up, exactly), or None when nobody answered."""
    if not d.answers:
        return None
    return _half_up(Fraction(d.total * 10, d.answers)) / 10


def share_percent(d: Distribution) -> int | None:
    """The share answering 4–5 in whole per cent, or None when nobody answered."""
    if not d.answers:
        return None
    return _half_up(Fraction(d.high * 100, d.answers))


def rate_percent(answered: int, asked: int) -> int | None:
    """Svarsfrekvens in whole per cent, or None when nobody was asked."""
    if asked <= 0:
        return None
    return _half_up(Fraction(answered * 100, asked))


def decimal_text(value: float | None) -> str:
    """4.3 → '4,3'; None → '–'."""
    return NO_FIGURE if value is None else f"{value:.1f}".replace(".", ",")


def percent_text(value: int | None) -> str:
    """87 → '87 %'; None → '–'."""
    return NO_FIGURE if value is None else f"{value} %"


@dataclass(frozen=True)
class Figures:
    """What a row of an evaluation table shows: a question, an activity, a type or a
    year. ``evaluations`` counts the evaluated activities (1 for an activity)."""

    label: str
    participants: int
    asked: int
    answered: int
    distribution: Distribution
    evaluations: int = 1

    @property
    def rate(self) -> int | None:
        return rate_percent(self.answered, self.asked)

    @property
    def mean(self) -> float | None:
        return mean_figure(self.distribution)

    @property
    def share_high(self) -> int | None:
        return share_percent(self.distribution)

    def answered_text(self) -> str:
        """'12 svar av 20 deltagare' ('… av 15 tillfrågade' when fewer were asked)."""
        if self.asked == self.participants:
            return f"{thousands(self.answered)} svar av {thousands(self.participants)} deltagare"
        return f"{thousands(self.answered)} svar av {thousands(self.asked)} tillfrågade"

    def texts(self) -> tuple[str, str, str]:
        """Svarsfrekvens, medel and andel 4–5 as shown."""
        return percent_text(self.rate), decimal_text(self.mean), percent_text(self.share_high)

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.label,
            self.participants + other.participants,
            self.asked + other.asked,
            self.answered + other.answered,
            self.distribution + other.distribution,
            self.evaluations + other.evaluations,
        )


@dataclass(frozen=True)
class EvaluatedActivity:
    """An activity with its evaluation, as the lists and reports show it."""

    activity_id: int
    day: date
    title: str
    type_name: str
    participants: int
    held: bool  # genomförd: only held activities count in the totals
    evaluation: Evaluation

    @property
    def year(self) -> int:
        return self.day.year

    @property
    def shown_title(self) -> str:
        """The title, marked when the activity is not held (the totals leave it out)."""
        return self.title if self.held else f"{self.title} (ej genomförd)"

    @property
    def figures(self) -> Figures:
        e = self.evaluation
        return Figures(
            self.title, self.participants, e.asked_of(self.participants), e.answered, e.overall
        )

    def question_figures(self) -> list[Figures]:
        e = self.evaluation
        asked = e.asked_of(self.participants)
        return [
            Figures(q.text, self.participants, asked, e.answered, q.answers) for q in e.questions
        ]


def total_of(label: str, parts: Iterable[Figures]) -> Figures:
    """The parts added up (every answer weighing the same), named ``label``."""
    total = Figures(label, 0, 0, 0, Distribution(), 0)
    for part in parts:
        total = total + part
    return replace(total, label=label)


@dataclass(frozen=True)
class EvaluationTables:
    """A year's or a period's evaluations: per activity (by date), per type (by name)
    and the total over the held ones; the years of a period each on a row of their own."""

    span: str
    activities: tuple[EvaluatedActivity, ...]
    per_type: tuple[Figures, ...]
    per_year: tuple[Figures, ...]
    total: Figures

    @property
    def not_held(self) -> tuple[EvaluatedActivity, ...]:
        return tuple(a for a in self.activities if not a.held)

    @property
    def is_empty(self) -> bool:
        return not any(a.held for a in self.activities)

    def note(self) -> str:
        """What the totals leave out, in Swedish (empty when nothing)."""
        left = self.not_held
        if not left:
            return ""
        names = ", ".join(f"{a.title} {a.day.isoformat()}" for a in left[:5])
        more = " …" if len(left) > 5 else ""
        return (
            "Utvärderingar av aktiviteter som inte är genomförda räknas inte i summorna: "
            f"{names}{more}."
        )

    def quotes(self) -> list[tuple[EvaluatedActivity, Quote]]:
        """The kept quotes of the held activities, by date."""
        return [(a, q) for a in self.activities if a.held for q in a.evaluation.quotes]


def evaluation_tables(activities: Sequence[EvaluatedActivity], span: str) -> EvaluationTables:
    """The tables of ``activities`` (those of the year or period ``span``)."""
    ordered = tuple(sorted(activities, key=lambda a: (a.day, a.title, a.activity_id)))
    held = [(a, a.figures) for a in ordered if a.held]  # each activity's figures once
    by_type: dict[str, list[Figures]] = {}
    by_year: dict[int, list[Figures]] = {}
    for a, figures in held:
        by_type.setdefault(a.type_name, []).append(figures)
        by_year.setdefault(a.year, []).append(figures)
    per_type = tuple(total_of(t, by_type[t]) for t in sorted(by_type, key=str.casefold))
    per_year = tuple(total_of(str(y), by_year[y]) for y in sorted(by_year))
    total = total_of(f"Totalt {span}", (figures for _, figures in held))
    return EvaluationTables(span, ordered, per_type, per_year, total)
