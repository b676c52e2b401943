"""One page model per page kind: what a page says, in which order, for both faces.

Each function is pure: the view (`routes.Link`), the data and the place directory in, a frozen
`blocks.PageModel` out. The app (`twinnings.ui.render`) and the static site (`twinnings.site_render`)
only render it, so a layout is changed here once and both faces follow. What only the app has
(filters, the sort and context controls, the export format, clicking a map) are controls that change
the Link before the model is built; they are not blocks.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from twinnings import __version__, charts, filters, presentation, profiles, routes, tables, through_time
from twinnings.blocks import (
    ChartBlock,
    Details,
    Downloads,
    Figures,
    Heading,
    ImageBlock,
    Links,
    MapBlock,
    Notice,
    PageModel,
    PlaceSearch,
    Sources,
    Table,
    Text,
)
from twinnings.filters import EventFilter
from twinnings.i18n import Lang, label, t
from twinnings.load import Dataset
from twinnings.presentation import chart_kit
from twinnings.routes import Link
from twinnings.summary import key_figures

DATA_FILES = ("ties.csv", "events.csv", "places.csv", "sources.csv", "twinnings.geojson", "datapackage.json")
PACKAGE_ZIP = "stedenbanden-nl-cn.zip"
MAP_TABLE_ANCHOR = "kaart-als-tabel"
KEY_FIGURES = (
    ("key_ties", "ties"),
    ("key_in_force", "in_force"),
    ("key_active", "in_use"),
    ("key_ended_since_2021", "ended_since_2021"),
    ("key_nl_places", "nl_places"),
    ("key_cn_places", "cn_places"),
)
CPAFFC = EventFilter(actors=("cpaffc",))


def csv_name(what: str, link: Link) -> str:
    """A table's file name: what it holds and the view it belongs to (`stedenbanden-ties-pv31`)."""
    return routes.export_name(f"{routes.CHART_PREFIX}{what}", link)


def selection_blocks(link: Link, ties: pd.DataFrame) -> tuple:
    """When the selection is one province, every page says so in a sentence with its figures."""
    chosen = link.filter.provinces
    if len(chosen) != 1:
        return ()
    summary = profiles.selection_summary(ties, chosen[0], link.lang)
    return (Text(t("selection_province", link.lang, summary=summary), strong=True),)


def search_block(lang: Lang, label_key: str = "home_search") -> PlaceSearch:
    return PlaceSearch(t(label_key, lang), t("profile_search_help", lang))


def ties_table(ties: pd.DataFrame, caption: str, what: str, link: Link, data: Dataset) -> Table:
    frame = tables.ties_table(ties, link.lang, sources=data.sources)
    return Table(
        caption,
        frame.drop(columns=["id"]),
        csv_name(what, link),
        records="tie",
        ids=tuple(frame["id"]),
        anchor=what,
    )


def events_table(events: pd.DataFrame, caption: str, what: str, link: Link, data: Dataset) -> Table:
    lang = link.lang
    frame = tables.events_table(events, data.ties, data.places, data.sources, lang)
    shown = frame.drop(columns=[t("col_sources", lang), t("col_source", lang), "id"])
    return Table(
        caption,
        shown,
        csv_name(what, link),
        records="event",
        ids=tuple(frame["id"]),
        sources=tuple(frame[t("col_source", lang)]),
        anchor=what,
    )


def home(link: Link, data: Dataset, places: pd.DataFrame) -> PageModel:
    """The map page: orientation, the way to a place, the map (in a phone's first screen, so the figures
    follow it), the figures and the map as a table. In a chosen year the figures, the table and the events
    below are that year's."""
    lang = link.lang
    selection = filters.apply(link.filter, data.ties)
    on_map = through_time.on_map(selection, link.year)
    orientation = Details(
        t("what_is_a_tie", lang),
        t("map_intro", lang) + "\n\n" + t("map_intro_links", lang, version=__version__),
        links=(
            (t("page_profile", lang), Link(page="profile", lang=lang)),
            (t("page_data", lang), Link(page="data", lang=lang)),
        ),
    )
    credit = t("boundaries_credit", lang) if link.filter.view == "nl" else t("world_credit", lang)
    notes = (t("map_caption", lang), t("map_keys", lang), credit)
    if link.year is not None:
        notes = (t("year_rule", lang), *notes)
    map_table = tables.map_table(on_map, lang)
    blocks = (
        orientation,
        search_block(lang),
        *selection_blocks(link, selection),
        *((Notice(t("selection_empty", lang)),) if on_map.empty else ()),
        MapBlock(link, t("map_frame_title", lang), notes),
        *(home_figures(selection, lang) if link.year is None else year_blocks(link, selection, on_map, data)),
        Heading(t("map_table", lang), MAP_TABLE_ANCHOR),
        Text(t("map_table_intro", lang)),
        Table(t("map_table_caption", lang, n=len(map_table)), map_table, csv_name("map", link), grid=False),
    )
    title = t("app_title", lang) if link.year is None else t("map_in_year", lang, year=str(link.year))
    return PageModel("home", link, title, t("app_tagline", lang), blocks)


def home_figures(selection: pd.DataFrame, lang: Lang) -> tuple:
    figures = key_figures(selection)
    return (Figures(tuple((t(key, lang), getattr(figures, attr)) for key, attr in KEY_FIGURES)),)


def year_blocks(link: Link, selection: pd.DataFrame, on_map: pd.DataFrame, data: Dataset) -> tuple:
    """A year's figures in a sentence and that year's events, as the events page selects them (the ties',
    the places' and the national and international ones)."""
    lang, year = link.lang, link.year
    events = through_time.events_in(filters.events_in(link.filter, data.events, selection, data.places), year)
    counts = on_map["year_state"].value_counts()
    sentence = t(
        "year_figures",
        lang,
        year=str(year),
        n=str(len(on_map)),
        new=str(counts.get("new", 0)),
        ended=str(counts.get("ended", 0)),
        events=str(len(events)),
    )
    # a plain table, not the data grid: the year changes at every step of play, and the grid is slow to load
    caption = t("year_events", lang, year=str(year))
    table = (replace(events_table(events, caption, "events", link, data), grid=False),) if len(events) else ()
    return (Text(sentence), *table)


def place(link: Link, data: Dataset, places: pd.DataFrame, public_url: str = "") -> PageModel | None:
    """A place's profile: the sentence, its map, its ties, how its province compares, its chart, events
    and sources. None for an unknown place."""
    lang = link.lang
    profile = profiles.build(data, places, link.place, lang)
    if profile is None:
        return None
    spot = profile.place
    shown = profile.shown_ties
    blocks: list = []
    if spot.name_zh:
        blocks.append(Text(f"{spot.name_zh} · {label('level', spot.level, lang)}"))
    if not shown.empty:  # the sentence and the map first: on a phone both fit the first screen
        blocks += [Heading(t("profile_map", lang)), MapBlock(link, t("profile_map", lang), (), spot.id)]
    if spot.country == "NL" and spot.level == "gemeente" and spot.province_id:
        name = profiles.name_of(places, spot.province_id) or spot.province_id
        province = Link(page="profile", place=spot.province_id, lang=lang)
        blocks.append(Links(((f"{t('profile_in_province', lang)} {name}", province),)))
    if profile.ties.empty:
        blocks += [Text(t("profile_none_meaning", lang)), Text(t("profile_report", lang))]
    for heading, ties, what in (
        ("profile_ties", profile.ties, "ties"),
        ("profile_municipal_ties", profile.municipal_ties, "municipal-ties"),
    ):
        if not ties.empty:
            blocks += [Heading(t(heading, lang)), ties_table(ties, t(heading, lang), what, link, data)]
    if profile.comparison:
        blocks += [
            Heading(t("profile_compare", lang)),
            Text(profile.comparison),
            Links(((t("compare_title", lang), Link(page="profile", lang=lang)),)),
        ]
    if not shown.empty:
        chart = charts.place_lifetimes(profile, data.events, data.sources, lang)
        blocks.append(ChartBlock(chart_kit(chart, link, public_url)))
    if not profile.events.empty:
        blocks += [
            Heading(t("profile_events", lang)),
            events_table(profile.events, t("profile_events", lang), "events", link, data),
        ]
    if not shown.empty:
        source_ids = " ".join(dict.fromkeys(" ".join(shown["source_ids"]).split()))
        blocks += [Heading(t("profile_sources", lang)), Sources(tuple(tables.source_entries(source_ids, data.sources)))]
    blocks.append(search_block(lang, "profile_search"))  # on to the next place
    return PageModel("place", link, spot.name, profile.sentence, tuple(blocks))


def provinces(link: Link, data: Dataset, places: pd.DataFrame, public_url: str = "") -> PageModel:
    """The twelve provinces side by side, sorted as the view says, with the chart and each profile."""
    lang = link.lang
    totals = profiles.province_totals(data)
    table = tables.comparison_table(totals, lang, link.filter.provinces, link.sort)
    events = tables.comparison_table(totals, lang, link.filter.provinces, link.sort, events=True)
    order = tuple(comparison_order(totals, link))
    chart = charts.province_comparison(totals, data.ties, data.sources, lang, link.filter.provinces)
    blocks = (
        search_block(lang, "profile_search"),
        Table(t("compare_title", lang), table, csv_name("provinces", link), profiles=order),
        Table(t("compare_events_title", lang), events, csv_name("provinces-events", link), profiles=order),
        ChartBlock(chart_kit(chart, link, public_url)),
        Heading(t("site_provinces", lang)),
        Links(
            tuple(
                (name, Link(page="profile", place=code, lang=lang))
                for code, name in zip(totals["province_id"], totals["province"])
            )
        ),
    )
    return PageModel("provinces", link, t("compare_title", lang), t("compare_intro", lang), blocks)


def comparison_order(totals: pd.DataFrame, link: Link) -> list[str]:
    """The province codes in the comparison table's row order (tables.comparison_table sorts the same)."""
    chosen = totals.assign(_chosen=totals["province_id"].isin(link.filter.provinces))
    ordered = chosen.sort_values(["_chosen", link.sort, "province"], ascending=[False, False, True], kind="stable")
    return list(ordered["province_id"])


def timeline(link: Link, data: Dataset, places: pd.DataFrame, public_url: str = "") -> PageModel:
    """When ties began and ended, how many stood, and each tie's life."""
    lang = link.lang
    ties = filters.apply(link.filter, data.ties)
    blocks: tuple = selection_blocks(link, ties)
    lead = t("timeline_intro", lang)
    if ties.empty:
        blocks += (Notice(t("selection_empty", lang)),)
    else:
        for build in (charts.begun_and_ended, charts.standing_over_time, charts.lifetimes):
            kit = chart_kit(build(ties, data.events, data.sources, link.filter, lang), link, public_url)
            blocks += (ChartBlock(kit),)
    return PageModel("timeline", link, t("page_timeline", lang), lead, blocks)


def events(link: Link, data: Dataset, places: pd.DataFrame, public_url: str = "") -> PageModel:
    """What happened around the ties in the selection, who acted, and the amounts sources state."""
    lang = link.lang
    ties = filters.apply(link.filter, data.ties)
    around = filters.events_in(link.filter, data.events, ties, data.places, link.context)
    shown = filters.apply_events(link.events, around)
    blocks: list = [*selection_blocks(link, ties)]
    if link.events == CPAFFC:
        blocks.append(Text(t("site_cpaffc_intro", lang, n=str(len(shown)))))
    elif link.events == EventFilter():
        blocks.append(Links(((t("site_cpaffc_title", lang), replace(link, events=CPAFFC)),)))
    if shown.empty:
        blocks.append(Notice(t("events_none", lang)))
    blocks.append(events_table(shown, t("events", lang), "events", link, data))
    if not shown.empty:
        subtitle = charts.selection_text(link.filter, lang, link.events)
        for build in (charts.events_by_type_and_year, charts.events_by_actor):
            blocks.append(ChartBlock(chart_kit(build(shown, data.sources, subtitle, lang), link, public_url)))
    amounts = tables.amounts_table(shown, data.ties, lang)
    blocks.append(Heading(t("amounts", lang)))
    if amounts.empty:
        blocks.append(Text(t("no_amounts", lang)))
    else:
        blocks.append(Table(t("amounts", lang), amounts, csv_name("amounts", link)))
    title = t("site_cpaffc_title", lang) if link.events == CPAFFC else t("page_events", lang)
    return PageModel("events", link, title, t("events_intro", lang), tuple(blocks))


def data_page(link: Link, data: Dataset, places: pd.DataFrame, readme: str, changelog: str) -> PageModel:
    """Every tie, event and source of the selection, the downloads, the corrections policy and methodology."""
    lang = link.lang
    selection = filters.apply(link.filter, data.ties)
    chosen_events = filters.events_in(link.filter, data.events, selection, data.places)
    sources = tables.sources_table(data.sources, lang)
    narrowed = filters.active_count(link.filter) > 0  # the static site's data page is never filtered
    follows = t("data_follows_selection", lang, n=str(len(selection)), total=str(len(data.ties)))
    blocks = (
        *selection_blocks(link, selection),
        *((Text(follows),) if narrowed else ()),
        Heading(t("ties", lang)),
        ties_table(selection, t("ties", lang), "ties", link, data),
        Heading(t("events", lang)),
        events_table(chosen_events, t("events", lang), "events", link, data),
        Heading(t("sources", lang)),
        Table(
            t("sources", lang),
            sources.drop(columns=["id", "URL"]),
            csv_name("sources", link),
            sources=tuple(sources["URL"]),
        ),
        Heading(t("downloads", lang)),
        Downloads((*DATA_FILES, PACKAGE_ZIP)),
        Heading(t("corrections_title", lang), "correcties"),
        Text(t("corrections_text", lang)),
        Heading(t("methodology_title", lang)),
        Text(t("methodology_summary", lang)),
        Details(t("methodology", lang), readme, document=True),
        Details(t("changelog", lang), changelog, document=True),
        Text(t("licence_note", lang)),
    )
    return PageModel("data", link, t("page_data", lang), t("data_intro", lang), blocks)


def embed(link: Link, data: Dataset, places: pd.DataFrame, public_url: str = "", tools: bool = False) -> PageModel:
    """One chart or map alone (`link.show`), with its title, and a link to its full view. With `tools`,
    the static site's chart page: the chart with its downloads and embed code."""
    lang = link.lang
    selection = filters.apply(link.filter, data.ties)
    blocks: list = []
    if selection.empty and link.show in routes.TIE_VIEWS and not link.place:
        blocks.append(Notice(t("selection_empty", lang)))
    if link.show == "map":
        title = f"{t('page_map', lang)}: {t(f'view_{link.filter.view}', lang)}"
        credit = t("boundaries_credit", lang) if link.filter.view == "nl" else t("world_credit", lang)
        blocks.append(Text(f"{t('app_title', lang)} · {title}", strong=True))  # a map has no title inside
        blocks.append(MapBlock(link, t("map_frame_title", lang), (charts.selection_text(link.filter, lang), credit)))
        lead = t("app_tagline", lang)
    else:
        if link.place:
            profile = profiles.build(data, places, link.place, lang)
            if profile is None:
                code = link.place[:20]
                return PageModel(
                    "embed", link, t("app_title", lang), "", (Notice(t("profile_unknown_place", lang, code=code)),)
                )
            chart = charts.place_lifetimes(profile, data.events, data.sources, lang)
        else:
            chart = charts.chart_for(link.show, data, link.filter, selection, lang, link.events, link.context)
            if chart.data.empty and link.show in routes.EVENT_VIEWS:
                blocks.append(Notice(t("events_none", lang)))
        blocks.append(ChartBlock(chart_kit(chart, link, public_url), tools=tools))
        title, lead = chart.title, chart.summary
    blocks.append(Links(((t("open_full_view", lang), link.full_view()),)))
    return PageModel("embed", link, title, lead, tuple(blocks))


def map_through_time(link: Link, data: Dataset) -> PageModel:
    """The map through the years (the static site's page of its images): the rule a year's map follows, the
    animation and the small multiples, each with a text alternative that says what it shows, its files and its
    embed code, and the way to the timeline."""
    lang = link.lang
    first, last = through_time.years()[0], through_time.years()[-1]
    unknown = str(through_time.unknown_starts(data.ties))

    def counts(year: int) -> str:
        return through_time.counts_text(data.ties, year, lang)

    animation, panels = presentation.THROUGH_TIME_ANIMATION, presentation.THROUGH_TIME_PANELS
    alt = t(
        "through_time_alt", lang, first=str(first), last=str(last), start=counts(first), end=counts(last), n=unknown
    )
    in_years = "; ".join(
        t("through_time_in_year", lang, year=str(year), what=counts(year)) for year in through_time.panel_years()
    )
    listed = ", ".join(str(year) for year in through_time.panel_years())
    blocks = (
        Text(t("through_time_rule", lang, n=unknown)),
        Heading(t("through_time_animation", lang)),
        ImageBlock(
            animation,
            presentation.THROUGH_TIME_FILES[animation],
            alt,
            t("through_time_title", lang, first=str(first), last=str(last)),
            *presentation.THROUGH_TIME_SIZE[animation],
        ),
        Heading(t("through_time_panels", lang)),
        ImageBlock(
            panels,
            presentation.THROUGH_TIME_FILES[panels],
            t("through_time_panels_alt", lang, counts=in_years, n=unknown),
            t("through_time_panels_title", lang, years=listed),
            *presentation.THROUGH_TIME_SIZE[panels],
        ),
        Links(((t("page_timeline", lang), Link(page="timeline", lang=lang)),)),
    )
    lead = t("through_time_lead", lang, first=str(first), last=str(last))
    return PageModel("through_time", link, t("through_time_page", lang), lead, blocks)


def places_index(link: Link, places: pd.DataFrame) -> PageModel:
    """Every place from A to Z, for readers without script (the static site's list)."""
    lang = link.lang
    ordered = places.sort_values("name", key=lambda names: names.map(filters.fold))
    items = tuple(
        (
            f"{row.name} ({label('level', row.level, lang)}{', ' + row.name_zh if row.name_zh else ''})",
            Link(page="profile", place=row.id, lang=lang),
        )
        for row in ordered.itertuples()
    )
    blocks = (search_block(lang, "profile_search"), Links(items))
    return PageModel("places", link, t("site_az", lang), t("site_az_description", lang), blocks)
