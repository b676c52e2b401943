"""Tables for display and download: one place decides column names and order."""

from __future__ import annotations

import pandas as pd

from twinnings import model, profiles, provinces, safe_text
from twinnings.i18n import Lang, label, t
from twinnings.profiles import COMPARISON_EVENT_TYPES
from twinnings.routes import Link


def profile_href(place_id: str, lang: Lang) -> str:
    """The permalink of a place's profile, relative to the app's root."""
    return Link(page="profile", place=place_id, lang=lang).href()


def ties_table(
    ties: pd.DataFrame, lang: Lang, with_profile_links: bool = False, sources: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Ties as a reader sees them: names in the chosen language, labels instead of codes, sources by
    publisher when `sources` is given (ids otherwise); optionally a link to the Chinese partner's profile."""
    partner_name = "cn_name_nl" if lang == "nl" else "cn_name_en"
    columns = {
        t("col_nl_place", lang): ties["nl_name_nl"],
        t("filter_province", lang): ties["nl_province_id"].map(provinces.names(lang)),
        t("col_cn_place", lang): ties[partner_name],
        t("col_name_zh", lang): ties["cn_name_zh"],
        t("col_relation", lang): ties["relation_type"].map(lambda v: label("relation", v, lang)),
        t("col_started", lang): ties["started"].map(model.date_words),
        t("col_ended", lang): ties["ended"],
        t("col_status", lang): ties["status"].map(lambda v: label("status", v, lang)),
        t("col_use", lang): [profiles.use_text(tie, lang) for tie in ties.to_dict("records")],
        t("col_status_as_of", lang): ties["status_as_of"],
        t("col_last_evidence", lang): [profiles.last_evidence_text(tie, lang) for tie in ties.to_dict("records")],
        t("col_sources", lang): ties["source_ids"]
        if sources is None
        else ties["source_ids"].map(lambda ids: publishers(ids, sources)),
        "id": ties["id"],
    }
    if with_profile_links:
        columns[t("col_profile", lang)] = ties["cn_place_id"].map(lambda place_id: profile_href(place_id, lang))
    return pd.DataFrame(columns).sort_values([t("col_nl_place", lang), t("col_cn_place", lang)], ignore_index=True)


def map_table(ties: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The map's text alternative: every tie it draws, with the province a reader looks for."""
    return ties_table(ties, lang).drop(columns=[t("col_sources", lang), "id"])


def comparison_table(
    totals: pd.DataFrame, lang: Lang, selected: tuple[str, ...] = (), sort_by: str = "ties", events: bool = False
) -> pd.DataFrame:
    """The twelve provinces side by side, sorted by `sort_by` (most first), the `selected` provinces on top
    and marked, and an unknown year shown as a dash, not 'None'. Their ties by standing and use, or with
    `events` their events by kind: one table of both was 17 columns, wider than a desktop screen."""
    order = totals.assign(_chosen=totals["province_id"].isin(selected))
    totals = order.sort_values(["_chosen", sort_by, "province"], ascending=[False, False, True], kind="stable")
    columns = comparison_columns(lang)
    shown = ["province", *(f for f in columns if f != "province" and f.startswith("events_") == events)]
    table = totals[shown].rename(columns=columns).reset_index(drop=True)
    for year in ("first", "latest"):
        if year in shown:
            table[columns[year]] = totals[year].map(lambda v: "–" if pd.isna(v) else str(int(v))).to_numpy()
    if selected:
        table.insert(0, t("col_selected", lang), ["✓" if chosen else "" for chosen in totals["_chosen"]])
    return table


def comparison_label(figure: str, lang: Lang) -> str:
    return comparison_columns(lang)[figure]


def comparison_columns(lang: Lang) -> dict[str, str]:
    """The comparison's figures and their column names."""
    return {
        "province": t("col_province", lang),
        "ties": t("col_total", lang),
        "own": t("col_own", lang),
        "municipal": t("col_municipal", lang),
        "municipalities": t("col_municipal_places", lang),
        **{s: label("state", s, lang) for s in model.STATES},
        "ended_since_2021": t("key_ended_since_2021", lang),
        "first": t("col_first", lang),
        "latest": t("col_latest", lang),
        **{f"events_{kind}": label("event", kind, lang) for kind in COMPARISON_EVENT_TYPES},
    }


def sources_table(sources: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": sources["id"],
            t("col_publisher", lang): sources["publisher"],
            t("col_title", lang): sources["title"],
            t("col_published", lang): sources["published"],
            "URL": sources["url"].map(lambda url: safe_text.http_url(url) or ""),
        }
    )


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so that Excel opens Chinese names correctly; no cell runs as a formula there."""
    return frame.map(safe_text.spreadsheet_cell).to_csv(index=False).encode("utf-8-sig")


def events_table(
    events: pd.DataFrame, ties: pd.DataFrame, places: pd.DataFrame, sources: pd.DataFrame, lang: Lang
) -> pd.DataFrame:
    """Events with the Dutch place and Chinese partner they concern and a link to their first source,
    newest first."""
    partner_name = "cn_name_nl" if lang == "nl" else "cn_name_en"
    by_tie = ties.set_index("id")
    place_names = dict(zip(places["id"], places["name_nl"]))
    url = {source_id: safe_text.http_url(link) or "" for source_id, link in zip(sources["id"], sources["url"])}
    dutch = events["tie_id"].map(by_tie["nl_name_nl"]).fillna(events["place_id"].map(place_names))
    context = events["scope"].isin(["national", "international"])
    table = pd.DataFrame(
        {
            t("col_date", lang): events["date"],
            t("col_nl_place", lang): dutch.fillna("").where(~context, f"({t('context', lang)})"),
            t("col_cn_place", lang): events["tie_id"].map(by_tie[partner_name]).fillna(""),
            t("col_type", lang): events["type"].map(lambda v: label("event", v, lang)),
            t("col_title", lang): events[f"title_{lang}"],
            t("col_source", lang): events["source_ids"].map(lambda ids: url.get(ids.split()[0], "")),
            t("col_sources", lang): events["source_ids"],
            "id": events["id"],
        },
        index=events.index,
    ).sort_values(t("col_date", lang), ascending=False, key=lambda dates: dates.map(model.lower))
    return table.assign(**{t("col_date", lang): table[t("col_date", lang)].map(model.date_words)})


def amounts_table(events: pd.DataFrame, ties: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Donations and gifts for which a source states an amount."""
    known = events[events["type"].isin(["donation", "gift"]) & events["amount"].notna()]
    by_tie = ties.set_index("id")
    return pd.DataFrame(
        {
            t("col_date", lang): known["date"],
            t("col_nl_place", lang): known["tie_id"].map(by_tie["nl_name_nl"]).fillna(""),
            t("col_title", lang): known[f"title_{lang}"],
            t("col_amount", lang): known["amount"],
            t("col_currency", lang): known["currency"],
            t("col_direction", lang): known["direction"].map(lambda v: label("direction", v, lang) if v else ""),
        }
    )


def publishers(source_ids: str, sources: pd.DataFrame) -> str:
    """The publishers of a record's sources, each once, in citation order."""
    publisher = dict(zip(sources["id"], sources["publisher"]))
    return ", ".join(dict.fromkeys(publisher[s] for s in source_ids.split() if s in publisher))


def source_entries(source_ids: str, sources: pd.DataFrame) -> list[tuple[str, str | None]]:
    """A record's sources in citation order, each once: 'publisher: title (date)' and its http(s) address."""
    by_id = sources.set_index("id")
    entries = []
    for source_id in dict.fromkeys(source_ids.split()):
        if source_id not in by_id.index:
            continue
        source = by_id.loc[source_id]
        text = f"{source['publisher']}: {source['title']}" + (
            f" ({source['published']})" if source["published"] else ""
        )
        entries.append((text, safe_text.http_url(source["url"])))
    return entries


def source_links_markdown(source_ids: str, sources: pd.DataFrame) -> str:
    """A Markdown list of an event's or tie's sources: publisher, title and date, linked (http(s) only)."""
    return entries_markdown(source_entries(source_ids, sources))


def entries_markdown(entries) -> str:
    """Source entries (text, http(s) address or None) as a Markdown list whose text stays text."""
    lines = []
    for text, url in entries:
        if url:
            url = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
        lines.append(f"- [{safe_text.markdown(text)}](<{url}>)" if url else f"- {safe_text.markdown(text)}")
    return "\n".join(lines)
