"""The kinds of measure a goal can carry (issue 14, Måluppfyllelse): each is computed
from the data, but ``manual``, which the user enters by hand."""

from __future__ import annotations

from typing import Final

REACH_VOLUME: Final = "reach_volume"  # totalt nådda (volym)
REACH_UNIQUE: Final = "reach_unique"  # unika individer
ACTIVITIES: Final = "activities"  # held activities (of a type, or of every type)
POLICY_KOMMUNER: Final = "policy_kommuner"  # kommuner with a milestone of a kind
ACTIVE_GROUPS: Final = "active_groups"  # samverkansgrupper active at the period's end
USED_PLACEMENTS: Final = "used_placements"  # nyttjade platser
EVALUATION_MEAN: Final = "evaluation_mean"  # mean answer (1–5) of the evaluations
MANUAL: Final = "manual"  # entered by hand

MEASURE_KINDS: Final = (
    REACH_VOLUME,
    REACH_UNIQUE,
    ACTIVITIES,
    POLICY_KOMMUNER,
    ACTIVE_GROUPS,
    USED_PLACEMENTS,
    EVALUATION_MEAN,
    MANUAL,
)

SERIES_FREQUENCIES: Final = ("weekly", "monthly")
