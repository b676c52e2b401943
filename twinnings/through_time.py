"""The ties as they stood in a chosen year: which were there and what a reader of that year knew of them.

One rule for every map, chart, image and test of "the map in year Y", so a tie is never placed in a year it
cannot have been in:

- a tie whose start is unknown is on no year's map, only on today's;
- from its start: in the year it began it is new; a start known only as an interval spanning years
  (2016-07/2017-04) makes the years before the last one "perhaps begun", from the year after the interval
  ends it is in force;
- in the year it ended (from `ended`) it shows as ended, and from the next year it is gone;
- an ended tie whose end date is unknown stays in force up to its last dated use and from then shows as
  "ended, year unknown" until today, since any of those years may be the one.

Standing (dormant included) is today's: a year's map shows whether a tie existed, not how busy it was.
"""

from __future__ import annotations

import pandas as pd

from twinnings import model
from twinnings.i18n import Lang, t

FIRST_YEAR = 1979  # Rotterdam–Shanghai, the first tie
# What a tie was in a year, drawn in this order (the most certain last, on top).
YEAR_STATES = ("perhaps_begun", "ended_unknown_year", "ended", "in_force", "new")


def years() -> range:
    """Every year a map can show, the first tie's to the release's."""
    return range(FIRST_YEAR, model.RELEASE_YEAR + 1)


def panel_years() -> tuple[int, ...]:
    """The years a row of small maps shows: every ten years from 1985, and the release's."""
    return (1985, 1995, 2005, 2015, model.RELEASE_YEAR)


def year_state(started: str, ended: str, status: str, last_evidence: str, year: int) -> str | None:
    """What a tie was in `year` by the rule above; None when it was not there (or may not have been)."""
    if not started:
        return None
    low, high = (model.year_of(bound) for bound in model.bounds(started))
    if year < low:
        return None
    if year < high:
        return "perhaps_begun"
    if ended:
        end = model.year_of(ended)
        if year > end:
            return None
        if year == end:
            return "ended"
    elif status == "ended":
        last = model.year_of(last_evidence) or high
        if year > last:
            return "ended_unknown_year"
    return "new" if year == low == high else "in_force"


def ties_in(ties: pd.DataFrame, year: int) -> pd.DataFrame:
    """The ties there in `year`, each with its `year_state`."""
    states = [
        year_state(t.started or "", t.ended or "", t.status, t.last_evidence or "", year)
        for t in ties[["started", "ended", "status", "last_evidence"]].fillna("").itertuples()
    ]
    there = ties.assign(year_state=states)
    return there[there["year_state"].notna()]


# One letter a year for the static map's year control (assets/map/year-control.js): "-" not there.
CODES = {"new": "n", "in_force": "f", "perhaps_begun": "p", "ended": "e", "ended_unknown_year": "u"}


def year_codes(ties: pd.DataFrame, rank: dict[str, int]) -> str:
    """What one place (`ties`: its ties) was in each of `years()`, a letter a year: its liveliest tie by
    `rank`, as the map marks a place today."""
    rows = ties[["started", "ended", "status", "last_evidence"]].fillna("").itertuples()
    per_tie = [[year_state(t.started, t.ended, t.status, t.last_evidence, year) for year in years()] for t in rows]
    letters = []
    for states in zip(*per_tie):
        there = [state for state in states if state is not None]
        letters.append(CODES[min(there, key=rank.__getitem__)] if there else "-")
    return "".join(letters)


def on_map(ties: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """The ties a map draws: today all of them by their state, in a year those there by their year state."""
    if year is None:
        return ties
    there = ties_in(ties, year)
    return there.assign(state=there["year_state"])


def events_in(events: pd.DataFrame, year: int) -> pd.DataFrame:
    """The events dated in `year`: an event known only as an interval counts in the year it began."""
    return events[events["date"].fillna("").map(lambda date: model.year_of(model.lower(date))) == year]


def unknown_starts(ties: pd.DataFrame) -> int:
    """How many ties are on no year's map: their start is unknown."""
    return int((ties["started"].fillna("") == "").sum())


def counts_text(ties: pd.DataFrame, year: int, lang: Lang) -> str:
    """What the map of `year` shows, in words: '27 ties, 25 places' (places: Dutch municipalities and provinces)."""
    shown = ties_in(ties, year)
    n_ties, n_places = len(shown), shown["nl_place_id"].nunique()
    ties_text = t("n_ties_one", lang) if n_ties == 1 else t("n_ties", lang, n=str(n_ties))
    places_text = t("n_places_one", lang) if n_places == 1 else t("n_places", lang, n=str(n_places))
    return f"{ties_text}, {places_text}"
