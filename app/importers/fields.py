"""What a column of an imported spreadsheet can be: the fields of an activity, or nothing."""

from __future__ import annotations

from enum import StrEnum

from app.core.vocabulary import OrgCategory, Role


class Field(StrEnum):
    DATE = "date"
    END_DATE = "end_date"
    # Clock times: "09.00–11.30" in one column, or a start and an end time in two.
    TIME = "time"
    START = "start_time"
    END = "end_time"
    TYPE = "type"
    TITLE = "title"
    KOMMUN = "kommun"
    PLACE = "place"
    FORMAT = "format"
    STATUS = "status"
    COORGANISERS = "coorganisers"
    TOTAL = "total"
    ORG_ARBETSFORMEDLINGEN = "org_arbetsformedlingen"
    ORG_FORSAKRINGSKASSAN = "org_forsakringskassan"
    ORG_KOMMUN = "org_kommun"
    ORG_REGION = "org_region"
    ORG_ASF = "org_asf"
    ORG_ANNAN = "org_annan"
    ROLE_TJANSTEPERSON = "role_tjansteperson"
    ROLE_CHEF = "role_chef"
    ROLE_FORTROENDEVALD = "role_fortroendevald"
    ROLE_ASF_FORETRADARE = "role_asf_foretradare"
    ROLE_OVRIGA = "role_ovriga"
    WOMEN = "women"
    MEN = "men"
    NOTES = "notes"
    # A column the importer does not know: its values go into the notes as "Kolumn: värde".
    EXTRA = "extra"
    IGNORE = "ignore"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def org(self) -> OrgCategory | None:
        return _ORG_FIELDS.get(self)

    @property
    def role(self) -> Role | None:
        return _ROLE_FIELDS.get(self)

    @property
    def is_count(self) -> bool:
        return self in COUNT_FIELDS

    @property
    def unique(self) -> bool:
        """Whether only one column may hold this field (notes and extras may be many)."""
        return self not in (Field.NOTES, Field.EXTRA, Field.IGNORE)


_ORG_FIELDS = {
    Field.ORG_ARBETSFORMEDLINGEN: OrgCategory.ARBETSFORMEDLINGEN,
    Field.ORG_FORSAKRINGSKASSAN: OrgCategory.FORSAKRINGSKASSAN,
    Field.ORG_KOMMUN: OrgCategory.KOMMUN,
    Field.ORG_REGION: OrgCategory.REGION,
    Field.ORG_ASF: OrgCategory.ASF,
    Field.ORG_ANNAN: OrgCategory.ANNAN,
}
_ROLE_FIELDS = {
    Field.ROLE_TJANSTEPERSON: Role.TJANSTEPERSON,
    Field.ROLE_CHEF: Role.CHEF,
    Field.ROLE_FORTROENDEVALD: Role.FORTROENDEVALD,
    Field.ROLE_ASF_FORETRADARE: Role.ASF_FORETRADARE,
    Field.ROLE_OVRIGA: Role.OVRIGA,
}
ORG_FIELDS: tuple[Field, ...] = tuple(_ORG_FIELDS)
ROLE_FIELDS: tuple[Field, ...] = tuple(_ROLE_FIELDS)
COUNT_FIELDS: frozenset[Field] = frozenset(
    (Field.TOTAL, *ORG_FIELDS, *ROLE_FIELDS, Field.WOMEN, Field.MEN)
)

_LABELS: dict[Field, str] = {
    Field.DATE: "Datum",
    Field.END_DATE: "Slutdatum",
    Field.TIME: "Tid (kl.)",
    Field.START: "Starttid",
    Field.END: "Sluttid",
    Field.TYPE: "Typ",
    Field.TITLE: "Titel/tema",
    Field.KOMMUN: "Kommun",
    Field.PLACE: "Plats",
    Field.FORMAT: "Form",
    Field.STATUS: "Status",
    Field.COORGANISERS: "Medarrangörer",
    Field.TOTAL: "Deltagare totalt",
    **{f: f"Organisation: {c.label}" for f, c in _ORG_FIELDS.items()},
    **{f: f"Roll: {r.label}" for f, r in _ROLE_FIELDS.items()},
    Field.WOMEN: "Kvinnor",
    Field.MEN: "Män",
    Field.NOTES: "Anteckningar",
    Field.EXTRA: "Till anteckningar (”Kolumn: värde”)",
    Field.IGNORE: "Läses inte",
}
