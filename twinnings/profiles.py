"""Profiles of places: every Dutch municipality and province, and every Chinese partner.

A profile answers "does my town have a Chinese partner?" in one quotable sentence generated
from the data, then lists the ties, events and sources. The Dutch places come from the current
CBS division (embedded boundaries), so a municipality without any tie still has a profile that
says so plainly. The province comparison puts the twelve provinces side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from twinnings import model, provinces
from twinnings import search as search_rule
from twinnings.i18n import Lang, label, t
from twinnings.load import Dataset
from twinnings.summary import TERMINATION_WAVE_START

COMPARISON_EVENT_TYPES = ("agreement_signed", "visit", "award", "donation", "termination")


@dataclass(frozen=True)
class Place:
    """One place a profile can be about."""

    id: str
    country: str
    level: str
    name: str  # in the profile's language
    name_zh: str
    province_id: str  # Dutch places: the CBS province; Chinese places: the province-level unit


@dataclass(frozen=True)
class Profile:
    place: Place
    sentence: str
    ties: pd.DataFrame  # the place's ties, typed as in Dataset.ties
    events: pd.DataFrame  # events of those ties and of the place itself
    municipal_ties: pd.DataFrame  # for a province: the ties of its municipalities
    comparison: str  # for a province: how it compares with the other eleven

    @property
    def shown_ties(self) -> pd.DataFrame:
        """What the profile's chart, map and sources cover: its own ties and its municipalities'."""
        return pd.concat([self.ties, self.municipal_ties])


def directory(data: Dataset, municipalities: dict, provinces: dict, lang: Lang) -> pd.DataFrame:
    """Every place with a profile: the current CBS municipalities and provinces, and the Chinese places
    of the data. Names from the data where it has the place (e.g. 'Den Haag', not "'s-Gravenhage"): `name` in
    the language, `name_nl` and `name_en` in both (what the search knows a place by), Hanzi and pinyin."""
    known = data.places.set_index("id")
    name_column = "name_nl" if lang == "nl" else "name_en"
    rows = []
    for layer, level in ((provinces, "provincie"), (municipalities, "gemeente")):
        for feature in layer["features"]:
            code = feature["properties"]["statcode"]
            name = known.loc[code, "name_nl"] if code in known.index else feature["properties"]["statnaam"]
            english = known.loc[code, "name_en"] if code in known.index else name
            province = code if level == "provincie" else feature["properties"].get("province", "")
            rows.append(
                {
                    "id": code,
                    "country": "NL",
                    "level": level,
                    "name": name,
                    "name_nl": name,
                    "name_en": english,
                    "name_zh": "",
                    "pinyin": "",
                    "province_id": province,
                }
            )
    chinese = data.places[data.places["country"] == "CN"]
    for place in chinese.itertuples():
        rows.append(
            {
                "id": place.id,
                "country": "CN",
                "level": place.level,
                "name": getattr(place, name_column),
                "name_nl": place.name_nl,
                "name_en": place.name_en,
                "name_zh": place.name_zh,
                "pinyin": place.name_pinyin,
                "province_id": place.province_id,
            }
        )
    return pd.DataFrame(rows)


def search(places: pd.DataFrame, query: str, lang: Lang = "nl", limit: int = search_rule.RESULTS) -> pd.DataFrame:
    """Places any of whose names (both languages', Hanzi, pinyin) the query finds, best first: the rule of
    `twinnings.search`, the static site's search too (accents, typos, pinyin, Hanzi)."""
    found = search_rule.find(search_rule.entries(places, lang), query)[:limit]
    rows = places.set_index("id", drop=False)
    return rows.loc[[entry.id for entry in found]].reset_index(drop=True) if found else places.head(0)


def place_of(places: pd.DataFrame, place_id: str) -> Place | None:
    match = places[places["id"] == place_id]
    if match.empty:
        return None
    row = match.iloc[0]
    return Place(row["id"], row["country"], row["level"], row["name"], row["name_zh"], row["province_id"])


def ties_of(ties: pd.DataFrame, place: Place) -> pd.DataFrame:
    side = "nl" if place.country == "NL" else "cn"
    return ties[ties[f"{side}_place_id"] == place.id].sort_values(["start_year", "id"], na_position="last")


def events_of(events: pd.DataFrame, place_ties: pd.DataFrame, place: Place) -> pd.DataFrame:
    mine = events["tie_id"].isin(place_ties["id"]) | (events["place_id"] == place.id)
    return events[mine].sort_values("date")


def period_text(tie: pd.Series, lang: Lang) -> str:
    start = model.year_words(tie["started"]) if tie["started"] else ""
    end = tie["ended"][:4] if tie["ended"] else ""
    if start and end:
        return f"{start}–{end}"
    if start:
        return f"{t('since', lang)} {start}"
    if end:
        return f"{t('until', lang)} {end}"
    return t("start_unknown", lang)


def date_words(partial_date: str, lang: Lang) -> str:
    """A partial date as a reader says it, at most to the month: '2021', 'mei 2021' / 'May 2021'."""
    if len(partial_date) < 7:
        return partial_date
    return f"{t(f'month_{int(partial_date[5:7])}', lang)} {partial_date[:4]}"


def last_evidence_text(tie: pd.Series | dict, lang: Lang) -> str:
    """'mei 2021', 'mei 2021 (begin van de band)' when the start is the latest evidence, or that
    the record holds no dated use."""
    when = tie.get("last_evidence", "") or ""
    if not when:
        return t("last_evidence_none", lang)
    start = tie.get("last_evidence_id", "") == tie["id"]
    return date_words(when, lang) + (f" ({t('last_evidence_start', lang)})" if start else "")


def use_text(tie: pd.Series | dict, lang: Lang) -> str:
    """How recently a tie was used, in words: 'in gebruik (laatste teken 2024)', 'geen teken van gebruik
    sinds 2019', 'geen gedateerd gebruik gevonden'."""
    when = tie.get("last_evidence", "") or ""
    band = model.use_band(model.year_of(when))
    used = t(f"use_{band}", lang, year=when[:4])
    listed = tie.get("last_listed", "") or ""
    if listed and listed > when:  # a listing newer than the last use: said apart from use
        return f"{t('listed_in', lang, year=listed[:4])}; {used}"
    return used


def status_text(tie: pd.Series, lang: Lang) -> str:
    """Both answers: the standing a source states, and how recently the tie was used."""
    if tie["status"] == "ended":
        return label("status", "ended", lang)
    if tie["status"] == "dormant":
        year = tie["status_as_of"][:4]
        standing = t("profile_status_as_of", lang, status=label("status", "dormant", lang), year=year)
        return f"{standing}; {use_text(tie, lang)}"
    return t("profile_status_in_force", lang, use=use_text(tie, lang))


def tie_clause(tie: pd.Series, partner_side: str, lang: Lang) -> str:
    partner = tie[f"{partner_side}_name_nl" if lang == "nl" else f"{partner_side}_name_en"]
    kind = t(f"profile_kind_{tie['relation_type']}", lang)
    return t(
        "profile_clause", lang, kind=kind, partner=partner, period=period_text(tie, lang), status=status_text(tie, lang)
    )


def sentence(place: Place, place_ties: pd.DataFrame, lang: Lang) -> str:
    """One plain sentence a visitor can quote: how many ties, with whom, of what kind, when, and how they stand."""
    if place_ties.empty:
        return t("profile_none", lang, name=place.name)
    partner_side = "cn" if place.country == "NL" else "nl"
    clauses = [tie_clause(tie, partner_side, lang) for _, tie in place_ties.iterrows()]
    listed = clauses[0] if len(clauses) == 1 else "; ".join(clauses[:-1]) + f" {t('and', lang)} " + clauses[-1]
    all_ended = bool((place_ties["status"] == "ended").all())
    key = "profile_sentence_nl" if place.country == "NL" else "profile_sentence_cn"
    count = t("one_tie", lang) if len(place_ties) == 1 else t("n_known_ties", lang, n=str(len(place_ties)))
    verb = t("had" if all_ended else "has", lang)
    return t(key, lang, name=place.name, verb=verb, count=count, ties=listed)


def province_totals(data: Dataset) -> pd.DataFrame:
    """Ties per province: made by the province itself and by its municipalities, by status."""
    ties = data.ties
    rows = []
    for code, name in provinces.names().items():
        mine = ties[ties["nl_province_id"] == code]
        own = mine[mine["nl_level"] == "provincie"]
        started = mine["start_year"].dropna()
        ended_recently = (mine["status"] == "ended") & (mine["end_year"] >= TERMINATION_WAVE_START)
        tie_events = data.events[data.events["tie_id"].isin(mine["id"])]
        row = {
            "province_id": code,
            "province": name,
            "ties": len(mine),
            "own": len(own),
            "municipal": len(mine) - len(own),
            "municipalities": mine.loc[mine["nl_level"] == "gemeente", "nl_place_id"].nunique(),
            **{state: int((mine["state"] == state).sum()) for state in model.STATES},
            "first": int(started.min()) if len(started) else None,
            "latest": int(started.max()) if len(started) else None,
            "ended_since_2021": int(ended_recently.fillna(False).sum()),
            **{f"events_{kind}": int((tie_events["type"] == kind).sum()) for kind in COMPARISON_EVENT_TYPES},
        }
        rows.append(row)
    return pd.DataFrame(rows).astype({"first": "Int64", "latest": "Int64"})


def comparison_text(place: Place, totals: pd.DataFrame, lang: Lang) -> str:
    ranked = totals.sort_values("ties", ascending=False).reset_index(drop=True)
    rank = int(ranked.index[ranked["province_id"] == place.id][0]) + 1
    row = ranked.iloc[rank - 1]
    shared = int((ranked["ties"] == row["ties"]).sum())
    median = float(ranked["ties"].median())
    return t(
        "profile_comparison",
        lang,
        name=place.name,
        n=str(int(row["ties"])),
        own=str(int(row["own"])),
        municipal=str(int(row["municipal"])),
        municipalities=str(int(row["municipalities"])),
        rank=str(rank) + (t("shared_rank", lang) if shared > 1 else ""),
        median=f"{median:g}",
    )


def build(data: Dataset, places: pd.DataFrame, place_id: str, lang: Lang) -> Profile | None:
    """The profile of `place_id`, or None when no such place exists."""
    place = place_of(places, place_id)
    if place is None:
        return None
    place_ties = ties_of(data.ties, place)
    municipal = data.ties.head(0)
    comparison = ""
    if place.level == "provincie":
        in_province = data.ties[(data.ties["nl_province_id"] == place.id) & (data.ties["nl_level"] == "gemeente")]
        municipal = in_province.sort_values(["nl_name_nl", "start_year"], na_position="last")
        comparison = comparison_text(place, province_totals(data), lang)
    events = events_of(data.events, pd.concat([place_ties, municipal]), place)
    text = sentence(place, place_ties, lang)
    if place.level == "provincie" and not municipal.empty:
        text += " " + t("profile_municipal", lang, n=str(municipal["nl_place_id"].nunique()), ties=str(len(municipal)))
    return Profile(place, text, place_ties, events, municipal, comparison)


def selection_summary(ties: pd.DataFrame, province: str, lang: Lang) -> str:
    """'Noord-Brabant: 8 banden, 2 in gebruik (≤ 5 jaar), …' for a selection of one province."""
    counts = ties["state"].value_counts()
    parts = [t("n_ties", lang, n=str(len(ties)))] + [
        f"{int(counts[s])} {label('state', s, lang)}" for s in model.STATES if s in counts
    ]
    return f"{provinces.name(province, lang)}: {', '.join(parts)}"


def name_of(places: pd.DataFrame, place_id: str) -> str:
    """A place's name in the directory's language, or '' for an unknown id."""
    match = places.loc[places["id"] == place_id, "name"]
    return str(match.iloc[0]) if len(match) else ""
