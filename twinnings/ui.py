"""The Streamlit glue shared by all pages: language, filters and their URL, cached data, errors.

Only this module and `pages/` import Streamlit; builders stay pure. The filter
state lives in the sidebar widgets (session state); the URL is seeded from a
permalink once per session and rewritten from the widgets on every run.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components
from streamlit_folium import st_folium

from twinnings import boundaries, charts, corrections, embeds, export, filters, i18n, maps, profiles, safe_text, tables
from twinnings.filters import Filter
from twinnings.load import Dataset, load
from twinnings.settings import Settings, from_env
from twinnings.summary import KeyFigures
from twinnings.validate import DataError

LANG_KEY = "lang"
WIDGET = {name: f"w_{name}" for name in filters.PARAM_NAMES}
SEEDED_KEY = "_url_seeded"
NOTICE_KEY = "_url_notice"
LAYOUT_KEY = "_layout"
TOO_LONG_PARAM = "link"
NOTICE_ITEMS, NOTICE_ITEM_LENGTH = 3, 40
_viewport = components.declare_component("viewport", path=str(Path(__file__).parent / "viewport"))


def settings() -> Settings:
    return from_env()


@st.cache_resource(show_spinner=False)
def _dataset(data_dir: str) -> Dataset:
    return load(data_dir)


@st.cache_data(show_spinner=False)
def package_zip(data_dir: str) -> bytes:
    return export.package_zip(Path(data_dir))


def language_selector() -> i18n.Lang:
    """The NL/EN switch; its value lives in the URL as ?lang=en (absent means Dutch)."""
    choice = st.sidebar.segmented_control(
        "Taal / Language",
        options=list(i18n.LANGS),
        default=i18n.DEFAULT_LANG,
        key=LANG_KEY,
        bind="query-params",
        required=True,
    )
    return i18n.parse_lang(choice)


def lang() -> i18n.Lang:
    return i18n.parse_lang(st.session_state.get(LANG_KEY))


def dataset_or_stop(lang: i18n.Lang) -> Dataset:
    """The shipped dataset, or a readable list of data problems instead of a traceback."""
    try:
        return _dataset(str(settings().data_dir))
    except DataError as error:
        st.error(i18n.t("data_error", lang))
        st.code("\n".join(str(p) for p in error.problems if p.severity == "error"), language=None)
        st.stop()
        raise  # unreachable: st.stop() ends the script run


def _seed_from_url() -> None:
    """Once per session: a permalink's parameters become the widgets' starting values."""
    if st.session_state.get(SEEDED_KEY):
        return
    st.session_state[SEEDED_KEY] = True
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    too_long = params.pop(TOO_LONG_PARAM, None) is not None
    f, dropped = filters.from_params(params)
    st.session_state[NOTICE_KEY] = (too_long, dropped)
    for name in list(st.query_params):
        if name not in filters.PARAM_NAMES and name not in filters.PASSTHROUGH_PARAMS:
            del st.query_params[name]
    st.session_state[WIDGET["province"]] = list(f.provinces)
    st.session_state[WIDGET["level"]] = list(f.levels)
    st.session_state[WIDGET["status"]] = list(f.statuses)
    st.session_state[WIDGET["type"]] = list(f.types)
    st.session_state[WIDGET["from"]] = (f.year_from, f.year_to)
    st.session_state[WIDGET["q"]] = f.query
    st.session_state[WIDGET["view"]] = f.view


def _write_url(f: Filter) -> None:
    """Make the address bar the permalink of the current view (the language keeps its own binding)."""
    params = filters.to_params(f)
    for name in filters.PARAM_NAMES:
        current = st.query_params.get_all(name)
        wanted = params.get(name, [])
        if current != wanted:
            if wanted:
                st.query_params[name] = wanted
            else:
                del st.query_params[name]


def _clear_filters() -> None:
    for key in WIDGET.values():
        st.session_state.pop(key, None)


def filter_sidebar(lang: i18n.Lang) -> Filter:
    """The shared filters in the sidebar; returns the Filter every page applies."""
    _seed_from_url()
    sidebar = st.sidebar
    sidebar.header(i18n.t("filters", lang))
    labels = {
        "province": ("filter_province", filters.PROVINCE_NAMES.__getitem__),
        "level": ("filter_level", lambda v: i18n.label("level", v, lang)),
        "status": ("filter_status", lambda v: i18n.label("status", v, lang)),
        "type": ("filter_type", lambda v: i18n.label("relation", v, lang)),
    }
    for name, (_attr, options) in filters.MULTI_PARAMS.items():
        label_key, format_func = labels[name]
        sidebar.multiselect(
            i18n.t(label_key, lang),
            options,
            format_func=format_func,
            placeholder=i18n.t("all", lang),
            key=WIDGET[name],
        )
    full_period = (filters.FIRST_YEAR, filters.this_year())
    sidebar.slider(
        i18n.t("filter_period", lang),
        min_value=filters.FIRST_YEAR,
        max_value=filters.this_year(),
        value=None if WIDGET["from"] in st.session_state else full_period,
        key=WIDGET["from"],
    )
    sidebar.text_input(
        i18n.t("filter_query", lang), help=i18n.t("filter_query_help", lang), key=WIDGET["q"], max_chars=80
    )
    sidebar.button(i18n.t("filter_reset", lang), on_click=_clear_filters)
    f = current_filter()
    _write_url(f)
    return f


def current_filter() -> Filter:
    """The Filter the sidebar widgets hold; pages call this, builders receive its result."""
    state = st.session_state
    year_from, year_to = state.get(WIDGET["from"]) or (filters.FIRST_YEAR, filters.this_year())
    return Filter(
        provinces=tuple(state.get(WIDGET["province"]) or ()),
        levels=tuple(state.get(WIDGET["level"]) or ()),
        statuses=tuple(state.get(WIDGET["status"]) or ()),
        types=tuple(state.get(WIDGET["type"]) or ()),
        year_from=int(year_from),
        year_to=int(year_to),
        query=filters.clean_query(state.get(WIDGET["q"]) or ""),
        view=state.get(WIDGET["view"]) or "nl",
    )


def notice_text(too_long: bool, dropped: list[str], lang: i18n.Lang) -> str:
    """The notice about a permalink's ignored parts: a few of them, shortened, as plain text.
    A crafted link must not be able to put a link, an image or a wall of text on the page."""
    if too_long:
        return i18n.t("url_too_long", lang)
    items = [safe_text.shorten(item, NOTICE_ITEM_LENGTH) for item in dropped[:NOTICE_ITEMS]]
    if len(dropped) > NOTICE_ITEMS:
        items.append(i18n.t("and_more", lang, n=str(len(dropped) - NOTICE_ITEMS)))
    return i18n.t("url_notice", lang, items=" · ".join(items))


def url_notice(lang: i18n.Lang) -> None:
    """Tell the visitor which parts of a permalink were ignored, on whichever page the link opened."""
    too_long, dropped = st.session_state.pop(NOTICE_KEY, (False, []))
    if too_long or dropped:
        st.warning(safe_text.markdown(notice_text(too_long, dropped, lang)), icon=None)


# Streamlit's focus ring on page links (1.1:1) falls short of WCAG AA; its captions (3.9:1) do too,
# so the pages write notes as body text instead of st.caption.
PAGE_STYLE = (
    "<style>"
    '[data-testid="stSidebarNav"] a:focus-visible,a:focus-visible,button:focus-visible,.tw-table:focus-visible'
    "{outline:3px solid #005A8C !important;outline-offset:2px;}"
    ".st-key-viewport{position:absolute !important;width:100%;height:0;overflow:hidden;}"
    # an embed shows one chart or map: no sidebar, no top padding
    'body.tw-embed [data-testid="stSidebar"],body.tw-embed [data-testid="stSidebarCollapsedControl"]{display:none;}'
    'body.tw-embed [data-testid="stMainBlockContainer"]{padding-top:1rem;}'
    '[data-testid="stMainBlockContainer"]{padding-top:3.5rem;}'
    # plain HTML tables (tables.html_table): scroll sideways on a phone, lines that stay readable
    ".tw-table{overflow-x:auto;max-height:32rem;overflow-y:auto;}"
    ".tw-table table{border-collapse:collapse;font-size:.9rem;min-width:100%;}"
    ".tw-table caption{text-align:left;font-weight:600;padding:.25rem 0;}"
    ".tw-table th,.tw-table td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #d0d0d0;}"
    ".tw-table th{position:sticky;top:0;background:#f0f2f6;}"
    "</style>"
)


def page_script(lang: i18n.Lang, title: str) -> None:
    """What Streamlit does not set itself: the page language, meaningful frame titles, and a guard for
    links so long that Streamlit drops them whole (they come back as ?link=too-long, which gets a notice)."""
    config = {
        "lang": lang,
        "title": title,
        "mapFrame": i18n.t("map_frame_title", lang),
        "tooLong": TOO_LONG_PARAM,
        "embed": embedding(),
    }
    script = (
        "<script>(function(){var c=" + safe_text.script_json(config) + ";window.__twConfig=c;"
        "var d=window.document;"
        "var q=window.location.search;"
        "if(q.length>512*1024||q.split('&').length>1000){"
        "window.location.replace(window.location.pathname+'?'+c.tooLong+'=too-long');return;}"
        "function apply(){var c=window.__twConfig;d.documentElement.lang=c.lang;"
        "d.body.classList.toggle('tw-embed',!!c.embed);"
        "if(d.title!==c.title){d.title=c.title;}"
        "d.querySelectorAll('iframe').forEach(function(f){"
        "if((f.src||'').indexOf('streamlit_folium')>=0&&f.title!==c.mapFrame){f.title=c.mapFrame;}"
        "else if((f.src||'').indexOf('viewport')>=0){f.title='';f.setAttribute('aria-hidden','true');"
        "f.tabIndex=-1;}});}"
        "apply();"
        "if(!window.__twObserver){window.__twObserver=new MutationObserver(apply);"
        "window.__twObserver.observe(d.documentElement,{childList:true,subtree:true,characterData:true});}"
        "})();</script>"
    )
    st.html(PAGE_STYLE + script, unsafe_allow_javascript=True)


def layout() -> str:
    """'narrow' or 'wide': the width of the main column as the browser reports it. The first guess
    (before the browser answers) comes from the user agent; the browser reports only a difference."""
    guess = st.session_state.get(LAYOUT_KEY) or ("narrow" if is_phone() else "wide")
    reported = _viewport(current=guess, key="viewport", default=None)
    if reported in ("narrow", "wide"):
        st.session_state[LAYOUT_KEY] = reported
    return st.session_state.get(LAYOUT_KEY) or guess


def export_format(lang: i18n.Lang) -> str:
    """PNG or SVG for the charts' camera button; kept for the session, not part of the permalink."""
    return (
        st.segmented_control(
            i18n.t("export_format", lang),
            ["png", "svg"],
            default="png",
            format_func=str.upper,
            key="export_format",
            required=True,
            persist_state="session",
            help=i18n.t("export_help", lang),
        )
        or "png"
    )


def is_phone() -> bool:
    """A first guess at a narrow screen, before the browser has reported the column width."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return "Mobi" in agent


def shown_selection(place_id: str) -> tuple[Filter, dict[str, str] | None]:
    """The selection a chart shows and what its links must add: a profile's chart (`place_id`)
    ignores the filters and names its place instead."""
    if place_id:
        return Filter(), {"place": place_id}
    return current_filter(), None


def chart_block(chart: charts.Chart, lang: i18n.Lang, fmt: str, page_path: str = "", place_id: str = "") -> None:
    """A chart with its data download, its text alternative and its embed code, the same way on every
    page. Downloads are named after the selection; with a public address configured, the source line
    inside the figure carries the permalink. A profile's chart (`place_id`) ignores the filters, so its
    names, permalink and embed carry the place instead."""
    selected, extra = shown_selection(place_id)
    name = embeds.export_name(chart.name, selected)
    height = int(chart.figure.layout.height or charts.EXPORT_HEIGHT)
    public = settings().public_url
    if public:
        permalink = embeds.url(public, page_path, embeds.params(selected, lang, extra))
        chart = charts.with_source_suffix(chart, permalink)
    narrow = st.session_state.get(LAYOUT_KEY, "narrow" if is_phone() else "wide") == "narrow"
    if narrow:
        chart = charts.compact(chart)
    title = chart.title.rstrip(".?!")
    st.plotly_chart(
        chart.figure,
        theme=None,
        config=charts.export_config(name, fmt, height),
        key=f"chart_{chart.name}",
        alt=f"{title}. {chart.summary}",
    )
    st.markdown(safe_text.markdown(chart.summary))
    if narrow and chart.notes:
        st.markdown(safe_text.markdown(" · ".join(chart.notes)))
    if embedding():
        return
    left, middle, right = st.columns([1, 1, 2])
    left.download_button(
        i18n.t("chart_data", lang),
        tables.to_csv_bytes(chart.data),
        f"{name}.csv",
        "text/csv",
        key=f"download_{chart.name}",
    )
    with middle.popover(i18n.t("embed", lang)):
        show = "lifetimes" if place_id else embeds.show_name(chart.name)
        embed_code(show, chart.title, page_path, lang, place_id)
    with right.expander(i18n.t("chart_table", lang)):
        st.dataframe(chart.data, hide_index=True, width="stretch")


def app_base() -> str:
    """The app's public address: TWINNINGS_PUBLIC_URL, else the address the visitor used."""
    return settings().public_url or (st.context.url or "").split("?")[0]


def embedding() -> bool:
    """Streamlit's embed mode (?embed=true), which st.query_params does not show."""
    return bool(st.context.is_embedded)


def embed_code(show: str, title: str, page_path: str, lang: i18n.Lang, place_id: str = "") -> None:
    """The copyable iframe snippet for exactly what is on screen (selection and language; for a
    profile's chart the place, since profiles ignore the filters)."""
    st.markdown(i18n.t("embed_help", lang))
    selected, extra = shown_selection(place_id)
    st.code(embeds.snippet(app_base(), show, selected, lang, title, page_path, extra), language="html")
    static = settings().static_base_url
    if place_id:
        return  # the static site has no profiles
    if static and selected == Filter(view=selected.view):
        st.markdown(i18n.t("embed_static", lang))
        st.code(embeds.static_snippet(static, show, lang, title), language="html")
    elif static:
        st.markdown(i18n.t("embed_static_all_only", lang))


def copy_link_button(lang: i18n.Lang) -> None:
    """A visible 'Copy link' button for the current view: the address bar is the permalink."""
    done = html.escape(safe_text.script_json(i18n.t("link_copied", lang)), quote=True)
    st.html(
        '<button type="button" class="tw-copy-link" style="font:inherit;padding:.35rem .8rem;'
        'border:1px solid #767676;border-radius:.5rem;background:#fff;color:#222;cursor:pointer" '
        f'onclick="navigator.clipboard.writeText(window.location.href).then(() => {{ this.textContent = {done}; }})">'
        f"{html.escape(i18n.t('copy_link', lang))}</button>",
        unsafe_allow_javascript=True,
    )


KEY_FIGURES = (
    ("key_ties", "ties"),
    ("key_active", "active"),
    ("key_ended_since_2021", "ended_since_2021"),
    ("key_nl_places", "nl_places"),
    ("key_cn_places", "cn_places"),
)


def key_figures_block(figures: KeyFigures, lang: i18n.Lang) -> None:
    """Five metrics in a row; on a phone one line, so the map is not pushed off the first screen."""
    values = [(i18n.t(key, lang), getattr(figures, attr)) for key, attr in KEY_FIGURES]
    if st.session_state.get(LAYOUT_KEY, "narrow" if is_phone() else "wide") == "narrow":
        st.markdown(" · ".join(f"**{value}** {safe_text.markdown(name)}" for name, value in values))
        return
    for column, (name, value) in zip(st.columns(len(values)), values):
        column.metric(name, value)


PROFILE_PAGE = "pages/profile.py"


@st.cache_data(show_spinner=False)
def profile_directory(lang: i18n.Lang) -> pd.DataFrame:
    """Every place with a profile (cached per language; the data and boundaries are read-only)."""
    config = settings()
    data = _dataset(str(config.data_dir))
    embedded = boundaries.EMBEDDED_DIR
    return profiles.directory(
        data,
        boundaries.read_boundaries(embedded, "municipalities"),
        boundaries.read_boundaries(embedded, "provinces"),
        lang,
    )


def place_name(places: pd.DataFrame, place_id: str) -> str:
    match = places.loc[places["id"] == place_id, "name"]
    return str(match.iloc[0]) if len(match) else place_id


def profile_params(place_id: str, lang: i18n.Lang) -> dict[str, str]:
    params = {"place": place_id} if place_id else {}
    return {**params, "lang": lang} if lang != i18n.DEFAULT_LANG else params


def profile_page_link(place_id: str, label: str, lang: i18n.Lang) -> None:
    """A link to a profile (or, without a place, to the province comparison); its label may hold record
    text, and Streamlit renders link labels as Markdown."""
    st.page_link(PROFILE_PAGE, label=safe_text.markdown(label), query_params=profile_params(place_id, lang))


def profile_url(lang: i18n.Lang) -> str:
    """The absolute address of a profile with '{id}' for the place: for links inside the map's frame."""
    base = (st.context.url or "").split("?")[0].rstrip("/")
    return f"{base}/profiel?place={{id}}" + ("&lang=en" if lang == "en" else "")


def profile_link_column(lang: i18n.Lang):
    return st.column_config.LinkColumn(i18n.t("col_profile", lang), display_text=i18n.t("col_profile", lang) + " →")


def profile_search(places: pd.DataFrame, lang: i18n.Lang, key: str = "profile_q") -> None:
    """The search on the profile page: matching places as links to their profiles."""
    query = st.text_input(
        i18n.t("profile_search", lang), help=i18n.t("profile_search_help", lang), key=key, max_chars=80
    )
    if not query:
        return
    found = profiles.search(places, filters.clean_query(query))
    if found.empty:
        st.markdown(i18n.t("profile_no_results", lang))
    for place in found.itertuples():
        extra = f" {place.name_zh}" if place.name_zh else ""
        level = i18n.label("level", place.level, lang)
        profile_page_link(place.id, f"{place.name}{extra} ({level})", lang)


def town_labels(places: pd.DataFrame, lang: i18n.Lang) -> dict[str, str]:
    """Hover labels of every municipality on the NL map: name and province."""
    towns = places[places["level"] == "gemeente"]
    return {
        row.id: i18n.t(
            "municipality_label", lang, name=row.name, province=filters.PROVINCE_NAMES.get(row.province_id, "")
        )
        for row in towns.itertuples()
    }


def world() -> dict:
    return boundaries.read_world()


def passive_map(view, height: int, key: str) -> None:
    """A map that reports nothing back to the page (a profile's map, an embedded map): no reruns on clicks."""
    st_folium(
        view.base,
        feature_group_to_add=view.layers,
        height=height,
        use_container_width=True,
        returned_objects=[],
        key=key,
    )


def selection_heading(selected: Filter, ties: pd.DataFrame, lang: i18n.Lang) -> None:
    """When the selection is one province, every page says so in a sentence with its figures."""
    if len(selected.provinces) == 1:
        summary = profiles.selection_summary(ties, selected.provinces[0], lang)
        st.markdown(f"**{safe_text.markdown(i18n.t('selection_province', lang, summary=summary))}**")


def map_intro(lang: i18n.Lang) -> None:
    """Two or three plain sentences for a first visit, with the way to profiles and to the data."""
    from twinnings import __version__

    st.markdown(i18n.t("map_intro", lang))
    left, middle, right = st.columns([2, 1, 1])
    left.markdown(i18n.t("map_intro_links", lang, version=__version__))
    with middle:
        profile_page_link("", i18n.t("page_profile", lang) + " →", lang)
    with right:
        st.page_link(
            "pages/data_sources.py", label=i18n.t("page_data", lang) + " →", query_params=profile_params("", lang)
        )


def page_filter(param: str, label: str, options: tuple[str, ...], kind: str, lang: i18n.Lang) -> list[str]:
    """A filter of one page that lives in the permalink (?etype=award&actor=cpaffc): seeded from the URL
    once, written back on every run; values the page does not know are dropped."""
    key = f"w_page_{param}"
    if key not in st.session_state:
        st.session_state[key] = [v for v in st.query_params.get_all(param) if v in options]
    chosen = st.multiselect(
        label,
        options,
        format_func=lambda v: i18n.label(kind, v, lang),
        placeholder=i18n.t("all", lang),
        key=key,
    )
    if st.query_params.get_all(param) != chosen:
        if chosen:
            st.query_params[param] = chosen
        else:
            del st.query_params[param]
    return chosen


def correction_url(kind: str, record_id: str, lang: i18n.Lang) -> str:
    base = (st.context.url or "").split("?")[0]
    return corrections.report_url(settings().corrections_url, kind, record_id, lang, base)


def correction_link(kind: str, record_id: str, lang: i18n.Lang) -> None:
    st.markdown(f"[{i18n.t('report_correction', lang)}](<{correction_url(kind, record_id, lang)}>)")


def correction_column(lang: i18n.Lang):
    return st.column_config.LinkColumn(i18n.t("col_correction", lang), display_text=i18n.t("report_correction", lang))


def with_corrections(table: pd.DataFrame, kind: str, lang: i18n.Lang) -> pd.DataFrame:
    """The table with a 'Report a correction' link per record (from its `id` column)."""
    return table.assign(**{i18n.t("col_correction", lang): table["id"].map(lambda i: correction_url(kind, i, lang))})


def record_columns(lang: i18n.Lang) -> dict:
    """Column settings shared by record tables: hidden ids, profile and correction links."""
    return {
        "id": None,
        i18n.t("col_profile", lang): profile_link_column(lang),
        i18n.t("col_correction", lang): correction_column(lang),
    }


def home_map(view: str, selected: Filter, selection: pd.DataFrame, data, places: pd.DataFrame, lang: i18n.Lang):
    """The home map for a view and selection (as on the map page and in its embed), its credits, and
    the municipality hover labels that lead a click back to a profile."""
    config = settings()
    events_per_tie = data.events.groupby("tie_id").size()
    geo_dir = config.boundaries_dir
    provinces = boundaries.read_boundaries(geo_dir, "provinces")
    labels = town_labels(places, lang)

    def correct(tie_id: str) -> str:
        return correction_url("tie", tie_id, lang)

    if view == "cn":
        world = boundaries.read_world()
        map_view = maps.cn_view(
            selection, data.sources, lang, config.tiles, world, events_per_tie, profile_url(lang), correct
        )
        credits = [i18n.t("world_credit", lang)]
    else:
        municipalities = boundaries.read_boundaries(geo_dir, "municipalities")
        one_province = selected.provinces[0] if len(selected.provinces) == 1 and provinces else None
        map_view = maps.nl_view(
            selection,
            data.sources,
            lang,
            config.tiles,
            provinces,
            municipalities,
            events_per_tie,
            profile_url(lang),
            labels,
            maps.bounds_of(provinces, one_province) if one_province else None,
            correct,
        )
        credits = [i18n.t("boundaries_credit", lang)] if provinces is not None else []
    if config.tiles == "pdok":
        credits.append(i18n.t("tiles_credit_pdok", lang))
    return map_view, credits, labels


def map_download(view: str, selected: Filter, selection: pd.DataFrame, lang: i18n.Lang, fmt: str) -> None:
    """'Download kaart' as PNG or SVG at publication size, drawn on the server only when clicked."""
    from twinnings import map_image

    geo_dir = settings().boundaries_dir
    title = f"{i18n.t('app_title', lang)}: {i18n.t(f'view_{view}', lang)}"
    subtitle = charts.selection_text(selected, lang)
    public = settings().public_url
    source = embeds.url(public, "", embeds.params(selected, lang)) if public else ""

    def draw() -> bytes:
        return map_image.map_image(
            view,
            selection,
            boundaries.read_boundaries(geo_dir, "provinces"),
            boundaries.read_boundaries(geo_dir, "municipalities"),
            title,
            subtitle,
            source,
            lang,
            fmt=fmt,
        )

    st.download_button(
        i18n.t("download_map", lang, fmt=fmt.upper()),
        draw,
        f"{embeds.export_name(f'stedenbanden-kaart-{view}', selected)}.{fmt}",
        "image/png" if fmt == "png" else "image/svg+xml",
        key=f"download_map_{fmt}",
        on_click="ignore",
    )
