"""Key figures shown above the map, computed from a selection of ties."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

TERMINATION_WAVE_START = 2021


@dataclass(frozen=True)
class KeyFigures:
    ties: int
    in_force: int  # formal standing: no end known (dormant ones included: they stand too)
    in_use: int  # in force and used in the last five years
    ended_since_2021: int
    nl_places: int
    cn_places: int


def key_figures(ties: pd.DataFrame) -> KeyFigures:
    ended_recently = (ties["status"] == "ended") & (ties["end_year"] >= TERMINATION_WAVE_START)
    return KeyFigures(
        ties=len(ties),
        in_force=int((ties["status"] != "ended").sum()),
        in_use=int((ties["state"] == "in_use").sum()),
        ended_since_2021=int(ended_recently.fillna(False).sum()),
        nl_places=ties["nl_place_id"].nunique(),
        cn_places=ties["cn_place_id"].nunique(),
    )
