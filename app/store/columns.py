"""Names of the count columns on `activity`, shared by the models and the plain-SQL reads."""

from __future__ import annotations

ORG_COLUMNS: dict[str, str] = {
    "arbetsformedlingen": "org_arbetsformedlingen",
    "forsakringskassan": "org_forsakringskassan",
    "kommun": "org_kommun",
    "region": "org_region",
    "asf": "org_asf",
    "annan": "org_annan",
}
ROLE_COLUMNS: dict[str, str] = {
    "tjansteperson": "role_tjansteperson",
    "chef": "role_chef",
    "fortroendevald": "role_fortroendevald",
    "asf_foretradare": "role_asf_foretradare",
    "ovriga": "role_ovriga",
}
# In the order attendance_from_values() reads them.
COUNT_COLUMNS: tuple[str, ...] = (
    "participants",
    *ORG_COLUMNS.values(),
    *ROLE_COLUMNS.values(),
    "women",
    "men",
)
