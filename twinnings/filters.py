"""One Filter value that every page shares, its URL form, and the selection it makes.

The URL is the permalink: `Filter -> params -> Filter` is lossless, and any
junk in a URL is dropped with a reason instead of raising.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from twinnings import model, provinces, search

FIRST_YEAR = 1979
VIEWS = ("nl", "cn")
LEVELS = model.NL_LEVELS
PROVINCE_CODES = provinces.codes()
MAX_QUERY_LENGTH = search.MAX_QUERY_LENGTH


def this_year() -> int:
    return dt.date.today().year


@dataclass(frozen=True)
class Filter:
    """What a visitor selected. Empty tuples mean 'all'."""

    provinces: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    year_from: int = FIRST_YEAR
    year_to: int = field(default_factory=this_year)
    query: str = ""
    view: str = "nl"
    uses: tuple[str, ...] = ()  # use bands (model.USE_BANDS): how recently a tie was used


def active_count(f: Filter) -> int:
    """How many of the shared filters narrow the selection (each list, the period, the place name); the
    map's view is not a filter."""
    default = Filter()
    lists = sum(bool(getattr(f, attr)) for attr, _allowed in MULTI_PARAMS.values())
    period = (f.year_from, f.year_to) != (default.year_from, default.year_to)
    return lists + period + bool(f.query)


# URL parameter name -> (Filter attribute, allowed values or None for free text/years)
MULTI_PARAMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "province": ("provinces", PROVINCE_CODES),
    "level": ("levels", LEVELS),
    "status": ("statuses", model.STATUSES),
    "type": ("types", model.RELATION_TYPES),
    "use": ("uses", model.USE_BANDS),
}
PARAM_NAMES = (*MULTI_PARAMS, "from", "to", "q", "view")


@dataclass(frozen=True)
class EventFilter:
    """The events page's own filters: which kinds of event, in which direction, by whom. Empty means all."""

    types: tuple[str, ...] = ()
    directions: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()


EVENT_PARAMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "etype": ("types", model.EVENT_TYPES),
    "direction": ("directions", model.DIRECTIONS),
    "actor": ("actors", model.ACTOR_TYPES),
}


def _upgraded(params: Mapping[str, Sequence[str] | str]) -> dict[str, list[str]]:
    """The parameters with an old status value (`status=active`, `status=unknown`) in its new place."""
    upgraded = {name: [raw] if isinstance(raw, str) else list(raw) for name, raw in params.items()}
    for value in list(upgraded.get("status", [])):
        if value in LEGACY_STATUSES:
            name, new = LEGACY_STATUSES[value]
            upgraded["status"].remove(value)
            upgraded.setdefault(name, []).append(new)
    return {name: values for name, values in upgraded.items() if values}


def to_params(f: Filter) -> dict[str, list[str]]:
    """The URL query of a filter; defaults are left out to keep permalinks short."""
    default = Filter()
    params: dict[str, list[str]] = {}
    for name, (attr, allowed) in MULTI_PARAMS.items():
        values = getattr(f, attr)
        if values:
            params[name] = [v for v in allowed if v in values]
    if f.year_from != default.year_from:
        params["from"] = [str(f.year_from)]
    if f.year_to != default.year_to:
        params["to"] = [str(f.year_to)]
    if f.query:
        params["q"] = [f.query]
    if f.view != default.view:
        params["view"] = [f.view]
    return params


# Permalinks from before data 4.0.0 named one status axis; they still open the view they meant.
LEGACY_STATUSES = {"active": ("use", "in_use"), "unknown": ("status", "in_force")}


def from_params(params: Mapping[str, Sequence[str] | str]) -> tuple[Filter, list[str]]:
    """A filter from URL parameters, plus a note for every value that was dropped."""
    dropped: list[str] = []
    values: dict = {}
    params = _upgraded(params)

    def listed(name: str) -> list[str]:
        raw = params.get(name, [])
        return [raw] if isinstance(raw, str) else list(raw)

    for name, (attr, allowed) in MULTI_PARAMS.items():
        kept = []
        for value in listed(name):
            if value in allowed:
                kept.append(value)
            else:
                dropped.append(f"{name}={value}")
        values[attr] = tuple(v for v in allowed if v in kept)
    years = {}
    for name in ("from", "to"):
        for value in listed(name)[:1]:
            if re.fullmatch(r"\d{4}", value) and FIRST_YEAR <= int(value) <= this_year():
                years[name] = int(value)
            else:
                dropped.append(f"{name}={value}")
    values["year_from"] = years.get("from", FIRST_YEAR)
    values["year_to"] = years.get("to", this_year())
    if values["year_from"] > values["year_to"]:
        dropped.append(f"from={values['year_from']}&to={values['year_to']}")
        values["year_from"], values["year_to"] = FIRST_YEAR, this_year()
    for value in listed("q")[:1]:
        cleaned = clean_query(value)
        if cleaned == value.strip():
            values["query"] = cleaned
        else:
            dropped.append(f"q={value[:20]}")
    for value in listed("view")[:1]:
        if value in VIEWS:
            values["view"] = value
        else:
            dropped.append(f"view={value}")
    dropped += [f"{name}=…" for name in params if name not in PARAM_NAMES]
    return Filter(**values), dropped


def event_params(e: EventFilter) -> dict[str, list[str]]:
    """The URL query of the events filters, in the model's order."""
    return {
        name: [v for v in allowed if v in getattr(e, attr)]
        for name, (attr, allowed) in EVENT_PARAMS.items()
        if getattr(e, attr)
    }


def event_filter_from_params(params: Mapping[str, Sequence[str] | str]) -> tuple[EventFilter, list[str]]:
    """The events filters named in URL parameters (others ignored), and every value that was dropped."""
    values, dropped = {}, []
    for name, (attr, allowed) in EVENT_PARAMS.items():
        raw = params.get(name, [])
        given = [raw] if isinstance(raw, str) else list(raw)
        dropped += [f"{name}={value}" for value in given if value not in allowed]
        values[attr] = tuple(v for v in allowed if v in given)
    return EventFilter(**values), dropped


def apply_events(e: EventFilter, events: pd.DataFrame) -> pd.DataFrame:
    """The events of the kinds, directions and actors chosen; an empty choice keeps all."""
    mask = pd.Series(True, index=events.index, dtype=bool)
    if e.types:
        mask &= events["type"].isin(e.types)
    if e.directions:
        mask &= events["direction"].isin(e.directions)
    if e.actors:
        wanted = set(e.actors)
        mask &= pd.Series(
            [bool(wanted & set(codes.split())) for codes in events["actors"]], index=events.index, dtype=bool
        )
    return events[mask]


def clean_query(text: str) -> str:
    """A search text without control characters, trimmed to a sane length (MAX_QUERY_LENGTH)."""
    return search.clean(text)


def fold(text: str) -> str:
    """A name as lists sort it (the A–Z list): lower case, without accents or apostrophes, words apart.
    The search folds names its own way (`twinnings.search.fold`)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s'’\-]+", " ", stripped.lower()).strip()


SEARCH_COLUMNS = (
    "nl_name_nl",
    "nl_name_en",
    "cn_name_nl",
    "cn_name_en",
    "cn_name_zh",
    "cn_name_pinyin",
)


def search_mask(ties: pd.DataFrame, query: str) -> pd.Series:
    """Ties whose Dutch or Chinese names match the query by the place search's rule (`twinnings.search`):
    names that hold the query win, so 'Tilburg' finds Tilburg, not Limburg, and 'Gelderland' not
    Lansingerland; only when no name holds it do near misses count ('Rotterdm').
    Each distinct name is compared once, so the cost follows the number of places, not ties."""
    if not search.needle_of(query):
        return pd.Series(True, index=ties.index)
    names = [name for name in pd.unique(ties[list(SEARCH_COLUMNS)].to_numpy().ravel()) if isinstance(name, str)]
    return ties[list(SEARCH_COLUMNS)].isin(search.matching(names, query)).any(axis=1)


def apply(f: Filter, ties: pd.DataFrame) -> pd.DataFrame:
    """The ties a filter selects. A tie counts in a period when it stood during part of it;
    a tie with an unknown start counts when it is known to have stood by the period's end."""
    mask = pd.Series(True, index=ties.index)
    if f.provinces:
        mask &= ties["nl_province_id"].isin(f.provinces)
    if f.levels:
        mask &= ties["nl_level"].isin(f.levels)
    if f.statuses:
        mask &= ties["status"].isin(f.statuses)
    if f.types:
        mask &= ties["relation_type"].isin(f.types)
    if f.uses:
        mask &= ties["use_band"].isin(f.uses)
    if (f.year_from, f.year_to) != (FIRST_YEAR, this_year()):
        known_by = ties["start_year"].fillna(ties["status_year"])
        mask &= known_by.le(f.year_to).fillna(True)
        mask &= ties["end_year"].ge(f.year_from).fillna(True)
    if f.query:
        mask &= search_mask(ties, f.query)
    return ties[mask]


def events_in(
    f: Filter,
    events: pd.DataFrame,
    selected_ties: pd.DataFrame,
    places: pd.DataFrame,
    include_context: bool = True,
) -> pd.DataFrame:
    """Events of the selected ties, events of Dutch places in the selected provinces, and (optionally)
    national and international context, all within the filter's period."""
    of_ties = events["tie_id"].isin(selected_ties["id"])
    province_of = dict(zip(places["id"], places["province_id"]))
    place_provinces = events["place_id"].map(province_of)
    of_places = events["scope"].eq("place") & (place_provinces.isin(f.provinces) if f.provinces else True)
    if f.query:
        of_places &= events["place_id"].isin(selected_ties["nl_place_id"])
    context = events["scope"].isin(["national", "international"]) & include_context
    in_period = events["year"].between(f.year_from, f.year_to)
    return events[(of_ties | of_places | context) & in_period]
