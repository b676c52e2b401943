"""The current view (`routes.Link`) of a session: seeded from the address once, kept in widgets and
session keys, written back to the address bar on every run.

The shared filters live in their widgets (drawn by app.py on the pages they apply to, kept for the
session); the events page's filters in our own session key, which outlives the page's widgets when the
visitor goes elsewhere; a profile's place in the address itself. `settle` combines them into the Link of
this run, the one thing pages, links, downloads and embeds read.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from twinnings import filters, i18n, routes
from twinnings.filters import EventFilter, Filter
from twinnings.routes import Link

LANG_KEY = "lang"
WIDGET = {name: f"w_{name}" for name in filters.PARAM_NAMES}
EVENT_WIDGET = {param: f"w_page_{param}" for param in filters.EVENT_PARAMS}
SEEDED_KEY = "_url_seeded"
NOTICE_KEY = "_url_notice"
EVENTS_KEY = "_events_filter"
PAGE_KEY = "_page"
SHOWN_KEY = "_address_shown"
ASKED_PLACE_KEY = "_asked_place"
LAYOUT_KEY = "_layout"
OPENED_KEY = "_address_opened"
CONTEXT_KEY = "w_context"  # the events page's context toggle
SORT_KEY = "w_compare_sort"  # the province comparison's sort
YEAR_KEY = "w_map_year"  # the maps' year: a year of through_time.years(), or TODAY
TODAY = "today"
_viewport = components.declare_component("viewport", path=str(Path(__file__).parent.parent / "viewport"))


@dataclass(frozen=True)
class Notice:
    """The parts of the address a session opened with that were ignored, and the view they belong to:
    the notice stays on that view through every rerun and goes when the visitor moves on."""

    too_long: bool
    dropped: tuple[str, ...]
    link: Link | None = None


def embedding() -> bool:
    """Streamlit's embed mode (?embed=true), which st.query_params does not show."""
    return bool(st.context.is_embedded)


def lang() -> i18n.Lang:
    """The language switch's value; before the switch is first drawn (and in an embed, which has none), the
    address's, which the switch is bound to."""
    return i18n.parse_lang(st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY))


def _address() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def keep_opening_address() -> None:
    """The address the session opened with, before any widget bound to it (the language) rewrites it:
    what it asked for that cannot be shown gets the notice, the language included."""
    if OPENED_KEY not in st.session_state:
        st.session_state[OPENED_KEY] = _address()


def seed_once() -> None:
    """Once per session: the address's parts become the widgets' starting values."""
    if st.session_state.get(SEEDED_KEY):
        return
    st.session_state[SEEDED_KEY] = True
    opened = st.session_state.get(OPENED_KEY) or _address()
    parsed = routes.parse(opened, embedded=embedding())
    st.session_state[NOTICE_KEY] = Notice(parsed.too_long, parsed.dropped)
    st.session_state[SHOWN_KEY] = {name: values for name, values in _address().items() if name != LANG_KEY}
    set_filter(parsed.link.filter)
    st.session_state[EVENTS_KEY] = parsed.link.events
    st.session_state[CONTEXT_KEY] = parsed.link.context
    st.session_state[SORT_KEY] = parsed.link.sort
    st.session_state[YEAR_KEY] = TODAY if parsed.link.year is None else parsed.link.year


def set_events(events: EventFilter) -> None:
    """Open the events page's filters on `events` (a link to the CPAFFC's events)."""
    st.session_state[EVENTS_KEY] = events
    for param, (attr, _allowed) in filters.EVENT_PARAMS.items():
        st.session_state[EVENT_WIDGET[param]] = list(getattr(events, attr))


def set_filter(f: Filter) -> None:
    """The shared filter widgets set to `f`. Set, never popped: a popped widget keeps its old value in the
    browser, which sends it back with the next change anywhere (the language switch brought cleared filters
    back)."""
    state = st.session_state
    for name, (attr, _allowed) in filters.MULTI_PARAMS.items():
        state[WIDGET[name]] = list(getattr(f, attr))
    state[WIDGET["from"]] = (f.year_from, f.year_to)
    state[WIDGET["q"]] = f.query
    state[WIDGET["view"]] = f.view


def clear_filters() -> None:
    """Every filter, the events page's too, back to showing everything; the map keeps its view."""
    set_filter(Filter(view=current_filter().view))
    set_events(EventFilter())


def current_filter() -> Filter:
    """The Filter the shared filter widgets hold."""
    state = st.session_state
    year_from, year_to = state.get(WIDGET["from"]) or (filters.FIRST_YEAR, filters.this_year())
    return Filter(
        provinces=tuple(state.get(WIDGET["province"]) or ()),
        levels=tuple(state.get(WIDGET["level"]) or ()),
        statuses=tuple(state.get(WIDGET["status"]) or ()),
        uses=tuple(state.get(WIDGET["use"]) or ()),
        types=tuple(state.get(WIDGET["type"]) or ()),
        year_from=int(year_from),
        year_to=int(year_to),
        query=filters.clean_query(state.get(WIDGET["q"]) or ""),
        view=state.get(WIDGET["view"]) or "nl",
    )


def current_events() -> EventFilter:
    return st.session_state.get(EVENTS_KEY) or EventFilter()


def store_events() -> None:
    """Widget callback: the events page's choices become the session's events filter before the run."""
    values = {
        attr: tuple(v for v in allowed if v in (st.session_state.get(EVENT_WIDGET[param]) or ()))
        for param, (attr, allowed) in filters.EVENT_PARAMS.items()
    }
    st.session_state[EVENTS_KEY] = EventFilter(**values)


def settle(page: str, lang: i18n.Lang) -> Link:
    """The view of this run, written back to the address bar as its canonical permalink."""
    st.session_state[PAGE_KEY] = page
    st.session_state[ASKED_PLACE_KEY] = st.query_params.get("place", "")
    current = link()
    notice = st.session_state.get(NOTICE_KEY)
    if notice is not None and notice.link is None:
        st.session_state[NOTICE_KEY] = replace(notice, link=current)
    _write_address(current)
    return current


def link(page: str | None = None) -> Link:
    """The view of this run on `page` (by default the page app.py settled on): the widgets' filters, the
    events filters, the place and embedded view from the address, the language. Computed afresh, so a
    page reads the widgets' values of this run."""
    page = page or st.session_state.get(PAGE_KEY, routes.HOME)
    parsed = routes.parse(_address(), page, embedding())
    return Link(
        page=page,
        filter=current_filter(),
        events=current_events(),
        place=parsed.link.place,
        show=parsed.link.show,
        lang=lang(),
        context=bool(st.session_state.get(CONTEXT_KEY, True)),
        sort=st.session_state.get(SORT_KEY) or routes.COMPARISON_SORTS[0],
        year=map_year(),
    ).canonical()


def map_year() -> int | None:
    """The year the maps show; None is today."""
    year = st.session_state.get(YEAR_KEY, TODAY)
    return None if year == TODAY else int(year)


def asked_place() -> str:
    """The place the address asked for, as typed (before `settle` cleaned the address), so a profile can
    say plainly that it does not exist."""
    return st.query_params.get("place", "") or st.session_state.get(ASKED_PLACE_KEY, "")


def _write_address(link: Link) -> None:
    """Make the address bar the permalink of `link`; the language keeps its own widget binding.
    A link to the page already open (a profile from the profile search) reaches the server without
    changing the address bar, so what the bar shows is remembered and rewritten when it differs."""
    wanted = {name: values for name, values in link.query().items() if name not in ("embed", "lang")}
    shown = st.session_state.get(SHOWN_KEY)
    changed = False
    for name in list(st.query_params):
        if name != LANG_KEY and name not in wanted:
            del st.query_params[name]
            changed = True
    for name, values in wanted.items():
        if st.query_params.get_all(name) != values:
            st.query_params[name] = values
            changed = True
    if not changed and shown is not None and shown != wanted and wanted:
        name = next(iter(wanted))
        st.query_params[name] = wanted[name]  # sends the address to the browser once more
    st.session_state[SHOWN_KEY] = wanted


def notice() -> Notice | None:
    """The notice about the opening address, while the visitor is still on the view it opened."""
    current = st.session_state.get(NOTICE_KEY)
    if current is None or not (current.too_long or current.dropped) or current.link != link():
        return None
    return current


def is_phone() -> bool:
    """A first guess at a narrow screen, before the browser has reported the column width."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return "Mobi" in agent


PROBE_KEY = "viewport"


def layout() -> str:
    """'narrow' or 'wide': the width of the main column as the browser reported it (`layout_probe`), else a
    guess from the user agent. Called before the page, so the whole run lays out for that width."""
    reported = st.session_state.get(PROBE_KEY)
    if reported in ("narrow", "wide"):
        st.session_state[LAYOUT_KEY] = reported
    return st.session_state.get(LAYOUT_KEY) or ("narrow" if is_phone() else "wide")


def layout_probe() -> None:
    """The frame that reports the main column's width, after the page: while it loads it holds a line of
    space, and there nothing under it moves when it gives that back. It reports only when the width class
    differs from the one this run assumed, so a load runs once; the next run reads it (`layout`)."""
    _viewport(current=layout(), key=PROBE_KEY, default=None)


def narrow() -> bool:
    return st.session_state.get(LAYOUT_KEY, "narrow" if is_phone() else "wide") == "narrow"
