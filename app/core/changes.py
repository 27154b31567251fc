"""The change log's content: which rows a change touched, and how it reads to a user.

The database records every inserted, updated and deleted row of the user's data
(app.store.change_triggers); a *change set* is one edit as the user made it ("ändra
placering Hofors 2018"). Here, pure Python: folding a set's raw row changes into one
net change per row, naming the record it belongs to, and the fields before → after.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

Row = dict[str, Any]


class Op(StrEnum):
    INSERT = "I"
    UPDATE = "U"
    DELETE = "D"


@dataclass(frozen=True)
class RowChange:
    """One row of one table, as it was before and after (None: it did not exist)."""

    table: str
    key: tuple[Any, ...]
    before: Row | None
    after: Row | None

    @property
    def op(self) -> Op:
        if self.before is None:
            return Op.INSERT
        return Op.DELETE if self.after is None else Op.UPDATE

    def inverse(self) -> RowChange:
        return RowChange(self.table, self.key, self.after, self.before)

    def fields(self) -> list[FieldChange]:
        """The fields that differ, in the row's column order."""
        before, after = self.before or {}, self.after or {}
        names = list(dict.fromkeys([*before, *after]))
        return [
            FieldChange(n, before.get(n), after.get(n))
            for n in names
            if before.get(n) != after.get(n) or self.op is not Op.UPDATE
        ]


@dataclass(frozen=True)
class FieldChange:
    column: str
    before: Any
    after: Any


@dataclass(frozen=True)
class ChangeSet:
    """One edit as the user made it, as listed in the Ändringslogg."""

    id: int
    at: datetime
    user: str
    label: str
    tab: str | None
    record_table: str | None
    record_key: tuple[Any, ...] | None
    undoes: int | None
    undone_by: int | None
    locked: bool


def encode_key(key: Sequence[Any]) -> str:
    """A row's key as SQLite's json_array writes it, so the two can be compared."""
    return json.dumps(list(key), ensure_ascii=False, separators=(",", ":"))


def encode_row(row: Row | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, separators=(",", ":"))


def decode_key(text: str) -> tuple[Any, ...]:
    return tuple(json.loads(text))


def decode_row(text: str | None) -> Row | None:
    return None if text is None else dict(json.loads(text))


def net_changes(raw: Iterable[RowChange]) -> list[RowChange]:
    """One change per row: its first ``before`` and last ``after``, in the order the
    rows were first touched; rows that end as they began (a delete and re-insert of
    the same values, an insert later deleted) are left out."""
    first: dict[tuple[str, tuple[Any, ...]], RowChange] = {}
    last_after: dict[tuple[str, tuple[Any, ...]], Row | None] = {}
    for change in raw:
        k = (change.table, change.key)
        first.setdefault(k, change)
        last_after[k] = change.after
    out = []
    for k, change in first.items():
        after = last_after[k]
        if change.before != after:
            out.append(RowChange(change.table, change.key, change.before, after))
    return out


# --- how the tables read to a user -------------------------------------------------


@dataclass(frozen=True)
class RecordKind:
    """A table as the user knows it: its noun (one, many), and for a table of parts
    (the steps of an activity, the members of a group) the record it belongs to."""

    one: str
    many: str
    tab: str | None = None
    parent: tuple[str, str] | None = None  # (parent table, column holding its id)


ACTIVITIES_TAB = "aktiviteter"
GROUPS_TAB = "samverkansgrupper"
REACH_TAB = "nadda"
PLAN_TAB = "arsplan"
FOLLOWUP_TAB = "uppfoljning"
EVALUATIONS_TAB = "utvarderingar"
ECONOMY_TAB = "ekonomi"
TAB_TITLES = {
    ACTIVITIES_TAB: "Aktiviteter",
    GROUPS_TAB: "Samverkansgrupper",
    REACH_TAB: "Nådda personer",
    PLAN_TAB: "Årsplan",
    FOLLOWUP_TAB: "Uppföljning",
    EVALUATIONS_TAB: "Utvärderingar",
    ECONOMY_TAB: "Ekonomi",
}
# Columns holding the id of a named record: the log shows the name.
REFERENCES = {
    "kommun_id": "kommun",
    "organisation_id": "organisation",
    "type_id": "activity_type",
    "group_id": "samverkansgrupp",
    "activity_id": "activity",
    "insats_id": "insats",
    "forbund_id": "forbund",
    "line_id": "budget_line",
}

KINDS: dict[str, RecordKind] = {
    "activity": RecordKind("aktivitet", "aktiviteter", ACTIVITIES_TAB),
    "activity_step": RecordKind("steg", "steg", ACTIVITIES_TAB, ("activity", "activity_id")),
    "activity_coorganiser": RecordKind(
        "medarrangör", "medarrangörer", ACTIVITIES_TAB, ("activity", "activity_id")
    ),
    "activity_participant": RecordKind(
        "namngiven deltagare", "namngivna deltagare", ACTIVITIES_TAB, ("activity", "activity_id")
    ),
    "activity_series": RecordKind("serie", "serier", ACTIVITIES_TAB),
    "samverkansgrupp": RecordKind("samverkansgrupp", "samverkansgrupper", GROUPS_TAB),
    "samverkansgrupp_member": RecordKind(
        "medlem", "medlemmar", GROUPS_TAB, ("samverkansgrupp", "group_id")
    ),
    "samverkansgrupp_status": RecordKind(
        "status", "statusar", GROUPS_TAB, ("samverkansgrupp", "group_id")
    ),
    "registered_reach": RecordKind("registrerade nådda", "registrerade nådda", REACH_TAB),
    "stated_figure": RecordKind("angiven siffra", "angivna siffror", REACH_TAB),
    "plan_goal": RecordKind("mål i årsplanen", "mål i årsplanen", PLAN_TAB),
    "goal_measure": RecordKind("mått med målvärde", "mått med målvärden", PLAN_TAB),
    "placement": RecordKind("placering", "placeringar", FOLLOWUP_TAB),
    "county_stats": RecordKind("länsstatistik", "länsstatistik", FOLLOWUP_TAB),
    "county_stats_region": RecordKind(
        "region i länsstatistiken",
        "regioner i länsstatistiken",
        FOLLOWUP_TAB,
        ("county_stats", "stats_id"),
    ),
    "milestone": RecordKind("milstolpe", "milstolpar", FOLLOWUP_TAB),
    "evaluation": RecordKind("utvärdering", "utvärderingar", EVALUATIONS_TAB),
    "evaluation_question": RecordKind(
        "fråga", "frågor", EVALUATIONS_TAB, ("evaluation", "evaluation_id")
    ),
    "evaluation_quote": RecordKind(
        "citat", "citat", EVALUATIONS_TAB, ("evaluation", "evaluation_id")
    ),
    "budget": RecordKind("budget", "budgetposter", ECONOMY_TAB),
    "cost": RecordKind("kostnad", "kostnader", ECONOMY_TAB),
    "cost_note": RecordKind(
        "anteckning om regelkontroll",
        "anteckningar om regelkontroll",
        ECONOMY_TAB,
        ("cost", "cost_id"),
    ),
    "budget_line": RecordKind("budgetrad", "budgetrader"),
    "konto_mapping": RecordKind("kontomappning", "kontomappningar"),
    "person": RecordKind("person", "personer"),
    "report_text": RecordKind("rapporttext", "rapporttexter"),
    "kommun": RecordKind("kommun", "kommuner"),
    "organisation": RecordKind("organisation", "organisationer"),
    "activity_type": RecordKind("aktivitetstyp", "aktivitetstyper"),
    "forbund": RecordKind("förbund", "förbund"),
    "insats": RecordKind("insats", "insatser"),
    "setting": RecordKind("inställning", "inställningar"),
}

VERBS = {Op.INSERT: "lägg till", Op.UPDATE: "ändra", Op.DELETE: "ta bort"}
OP_WORDS = {Op.INSERT: "Tillagd", Op.UPDATE: "Ändrad", Op.DELETE: "Borttagen"}

# The columns as the log window names them; a column not listed shows its own name.
FIELD_LABELS = {
    "title": "Titel",
    "name": "Namn",
    "start_date": "Datum",
    "end_date": "Slutdatum",
    "step_date": "Datum",
    "year": "År",
    "kommun_id": "Kommun",
    "organisation_id": "Organisation",
    "type_id": "Typ",
    "group_id": "Samverkansgrupp",
    "goal_id": "Mål",
    "place": "Plats",
    "scope": "Omfattning",
    "format": "Form",
    "status": "Status",
    "notes": "Anteckningar",
    "participants": "Deltagare",
    "women": "Kvinnor",
    "men": "Män",
    "highlight": "Höjdpunkt",
    "date_approximate": "Datum ungefärligt",
    "counts_approximate": "Antalen uppskattade",
    "email": "E-post",
    "role": "Roll",
    "category": "Kategori",
    "value": "Värde",
    "text": "Text",
    "description": "Beskrivning",
    "date": "Datum",
    "forbund_id": "Förbund",
    "insats_id": "Insats",
    "activity_id": "Aktivitet",
    "person_id": "Person",
    "stats_id": "Länsstatistik",
    "granted": "Beviljade platser",
    "used": "Nyttjade platser",
    "target_group": "Målgrupp",
    "huvudman": "Huvudman",
    "formed": "Bildad",
    "target": "Målvärde",
    "manual_value": "Utfall (för hand)",
    "milestone_kind": "Milstolpe",
    "asked": "Tillfrågade",
    "answered": "Svarade",
    "amount": "Belopp",
    "day": "Datum",
    "line_id": "Budgetrad",
    "verifikation": "Verifikation",
    "konto": "Konto",
    "kontonamn": "Kontonamn",
    "source": "Källa",
    "planned": "Planerad",
    "placements": "Placeringar",
    "rule": "Regel",
    "note": "Anteckning",
}


def field_label(column: str) -> str:
    return FIELD_LABELS.get(column, column.replace("_", " "))


def kind_of(table: str) -> RecordKind:
    return KINDS.get(table, RecordKind(table.replace("_", " "), table.replace("_", " ")))


def record_of(change: RowChange) -> tuple[str, tuple[Any, ...]]:
    """The record the row belongs to: itself, or for a part, its parent."""
    kind = kind_of(change.table)
    if kind.parent is None:
        return change.table, change.key
    table, column = kind.parent
    row = change.after or change.before or {}
    return table, (row.get(column),)


# A record's short name in a label: "Hofors 2018", "Frukostmöte 2018-03-01".
IDENTITY_LENGTH = 40
Describe = Callable[[str, Row], str]


def _pick(row: Row, *columns: str) -> list[str]:
    return [str(row[c]) for c in columns if row.get(c) not in (None, "")]


def default_identity(table: str, row: Row, name_of: Callable[[str, Any], str | None]) -> str:
    """The few words that tell the user which record it is, without personal data."""
    if table == "person":
        return ""  # a person's name is never copied into a label
    parts: list[str] = []
    for column, ref_table in (("kommun_id", "kommun"), ("organisation_id", "organisation")):
        if row.get("title"):
            break  # an activity is known by its title and date
        if row.get(column) is not None and table not in ("kommun", "organisation"):
            name = name_of(ref_table, row[column])
            if name:
                parts.append(name)
                break
    parts += _pick(row, "title", "name", "label")
    if not parts:
        parts += _pick(row, "key")
    when = _pick(row, "year") or _pick(row, "start_date", "date", "milestone_date")
    text = " ".join(p for p in parts if p)
    if len(text) > IDENTITY_LENGTH:
        text = text[: IDENTITY_LENGTH - 1].rstrip() + "…"
    return " ".join([text, *when[:1]]).strip()


def describe_set(
    changes: Sequence[RowChange],
    name_of: Callable[[str, Any], str | None],
    row_of: Callable[[str, tuple[Any, ...]], Row | None] | None = None,
) -> tuple[str, str | None, tuple[str, tuple[Any, ...]] | None]:
    """(label, tab, record) of a set: "ändra placering Hofors 2018" for one record,
    "lägg till 12 aktiviteter" for several of a kind, "ändringar i 5 poster" else."""
    if not changes:
        return "ingen ändring", None, None
    records: dict[tuple[str, tuple[Any, ...]], list[RowChange]] = {}
    for c in changes:
        records.setdefault(record_of(c), []).append(c)
    tables = {t for t, _ in records}
    first_table, first_key = next(iter(records))
    kind = kind_of(first_table)
    tab = kind.tab if len({kind_of(t).tab for t in tables}) == 1 else None
    own = [c for c in changes if (c.table, c.key) in records]
    # A record added or removed is the edit; other records only updated with it (an
    # activity unlinked from a removed group) are its consequences.
    made = list(dict.fromkeys((c.table, c.key) for c in own if c.op is not Op.UPDATE))
    if len(made) == 1 and len(records) > 1:
        first_table, first_key = made[0]
        kind = kind_of(first_table)
        records = {made[0]: records[made[0]]}
        own = [c for c in own if (c.table, c.key) == made[0]]
    ops = {c.op for c in own} or {Op.UPDATE}
    verb = VERBS[ops.pop()] if len(ops) == 1 else "ändra"
    if len(records) == 1:
        main = next((c for c in own if (c.table, c.key) == (first_table, first_key)), None)
        row = (main.after or main.before or {}) if main else {}
        if not row:
            row = (row_of(first_table, first_key) if row_of else None) or _lookup_row(
                first_table, first_key, name_of
            )
            verb = "ändra"
        identity = default_identity(first_table, row, name_of)
        label = f"{verb} {kind.one} {identity}".strip()
        return label, tab, (first_table, first_key)
    if len(tables) == 1:
        return f"{verb} {len(records)} {kind.many}", tab, None
    return f"ändringar i {len(records)} poster", tab, None


def _lookup_row(table: str, key: tuple[Any, ...], name_of: Callable[[str, Any], str | None]) -> Row:
    name = name_of(table, key[0]) if len(key) == 1 else None
    return {"name": name} if name else {}


def shown_value(value: Any) -> str:
    """A stored value as the log window shows it."""
    if value is None or value == "":
        return "–"
    return str(value)


def describe_counts(counts: Sequence[tuple[str, int, int, int]]) -> tuple[str, str | None]:
    """(label, tab) of a large set from (table, rows, inserted, deleted) per table:
    "lägg till 10 000 aktiviteter" for an import."""
    from app.core.wording import thousands

    own = [c for c in counts if kind_of(c[0]).parent is None] or list(counts)
    table, n, inserted, deleted = max(own, key=lambda c: c[1])
    kind = kind_of(table)
    verb = "lägg till" if inserted == n else "ta bort" if deleted == n else "ändra"
    tabs = {kind_of(t).tab for t, *_ in counts}
    return f"{verb} {thousands(n)} {kind.one if n == 1 else kind.many}", (
        kind.tab if len(tabs) == 1 else None
    )
