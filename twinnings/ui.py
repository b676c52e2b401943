"""The Streamlit glue shared by all pages: language, filters and their URL, cached data, errors.

Only this module and `pages/` import Streamlit; builders stay pure. The filter
state lives in the sidebar widgets (session state); the URL is seeded from a
permalink once per session and rewritten from the widgets on every run.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from twinnings import charts, export, filters, i18n, tables
from twinnings.filters import Filter
from twinnings.load import Dataset, load
from twinnings.settings import Settings, from_env
from twinnings.summary import KeyFigures
from twinnings.validate import DataError

LANG_KEY = "lang"
WIDGET = {name: f"w_{name}" for name in filters.PARAM_NAMES}
SEEDED_KEY = "_url_seeded"
NOTICE_KEY = "_url_notice"


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
    f, dropped = filters.from_params(params)
    st.session_state[NOTICE_KEY] = dropped
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
    sidebar.subheader(i18n.t("filters", lang))
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


def url_notice(lang: i18n.Lang) -> None:
    """Tell the visitor which parts of a permalink were ignored (shown on the run that read them)."""
    dropped = st.session_state.pop(NOTICE_KEY, None)
    if dropped:
        st.warning(i18n.t("url_notice", lang, items=", ".join(dropped)), icon=None)


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
    """Phones get charts laid out for a narrow screen (Streamlit does not tell the viewport width)."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return "Mobi" in agent


def chart_block(chart: charts.Chart, lang: i18n.Lang, fmt: str) -> None:
    """A chart with its data download and its text alternative, the same way on every page."""
    height = int(chart.figure.layout.height or charts.EXPORT_HEIGHT)
    if is_phone():
        chart = charts.compact(chart)
    st.plotly_chart(
        chart.figure,
        theme=None,
        config=charts.export_config(chart.name, fmt, height),
        key=f"chart_{chart.name}",
    )
    st.caption(chart.summary)
    if is_phone() and chart.notes:
        st.caption(" · ".join(chart.notes))
    left, right = st.columns([1, 3])
    left.download_button(
        i18n.t("chart_data", lang),
        tables.to_csv_bytes(chart.data),
        f"{chart.name}.csv",
        "text/csv",
        key=f"download_{chart.name}",
    )
    with right.expander(i18n.t("chart_table", lang)):
        st.dataframe(chart.data, hide_index=True, width="stretch")


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
    if is_phone():
        st.markdown(" · ".join(f"**{value}** {name}" for name, value in values))
        return
    for column, (name, value) in zip(st.columns(len(values)), values):
        column.metric(name, value)
