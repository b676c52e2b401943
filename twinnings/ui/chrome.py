"""What every page shares around its content: the top row (filters, language switch), page title and
language, styles, the notice about an address's ignored parts, and the small blocks several pages show."""

from __future__ import annotations

import streamlit as st

from twinnings import filters, i18n, image_formats, markup, provinces, routes, safe_text, tables
from twinnings.filters import EventFilter, Filter
from twinnings.markup import Markup
from twinnings.routes import Link
from twinnings.ui import state

NOTICE_ITEMS, NOTICE_ITEM_LENGTH = 3, 40


def language_selector() -> i18n.Lang:
    """The NL/EN switch; its value lives in the URL as ?lang=en (absent means Dutch)."""
    choice = st.segmented_control(
        "Taal / Language",
        options=list(i18n.LANGS),
        default=i18n.DEFAULT_LANG,
        key=state.LANG_KEY,
        bind="query-params",
        required=True,
        label_visibility="collapsed",
    )
    return i18n.parse_lang(choice)


def top_bar(link: Link, lang: i18n.Lang, title: str) -> None:
    """One row at the top of the page: the shared filters behind a button that says how many are set (on
    the pages they apply to), the language switch, and the page's own script and styles. Streamlit's first
    frame has no sidebar, so a sidebar would push the whole page 300 px to the right on a desktop when it
    arrives; this row takes the place it will have from the first content on (bench/README.md)."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="tw-top-bar"):
        if not state.embedding():  # an embed shows one chart or map, in the language of its address
            if link.uses_filter:
                filter_popover(lang)
            language_selector()
        page_script(lang, title)


def filter_popover(lang: i18n.Lang) -> Filter:
    """The shared filters, in a popover under a 'Filters' button that counts the filters set; returns the
    Filter every page applies. The widgets keep their values for the session on pages that do not show them
    (a profile), as they did in the sidebar."""
    active = filters.active_count(state.current_filter())
    label = i18n.t("filters", lang) + (f" ({active})" if active else "")
    with st.popover(label, icon=":material/filter_list:", key="tw-filters"):
        filter_controls(lang)
    return state.current_filter()


def filter_controls(lang: i18n.Lang) -> None:
    """The shared filters' widgets, each bound to its session key (`state.WIDGET`)."""
    names = provinces.names(lang)
    labels = {
        "province": ("filter_province", names.__getitem__),
        "level": ("filter_level", lambda v: i18n.label("level", v, lang)),
        "status": ("filter_status", lambda v: i18n.label("status", v, lang)),
        "type": ("filter_type", lambda v: i18n.label("relation", v, lang)),
        "use": ("filter_use", lambda v: i18n.label("use_band", v, lang)),
    }
    for name, (_attr, options) in filters.MULTI_PARAMS.items():
        label_key, format_func = labels[name]
        st.multiselect(
            i18n.t(label_key, lang),
            options,
            format_func=format_func,
            placeholder=i18n.t("all", lang),
            key=state.WIDGET[name],
            persist_state="session",
        )
    full_period = (filters.FIRST_YEAR, filters.this_year())
    st.slider(
        i18n.t("filter_period", lang),
        min_value=filters.FIRST_YEAR,
        max_value=filters.this_year(),
        value=None if state.WIDGET["from"] in st.session_state else full_period,
        key=state.WIDGET["from"],
        persist_state="session",
    )
    st.text_input(
        i18n.t("filter_query", lang),
        help=i18n.t("filter_query_help", lang),
        key=state.WIDGET["q"],
        max_chars=80,
        persist_state="session",
    )
    st.button(i18n.t("filter_reset", lang), on_click=state.clear_filters)


def event_controls(lang: i18n.Lang) -> EventFilter:
    """The events page's own filters (type, direction, who acted) and whether national and international
    context counts: all kept in the permalink."""
    stored = state.current_events()
    kinds = {
        "etype": ("filter_event_type", "event"),
        "direction": ("filter_direction", "direction"),
        "actor": ("filter_actor", "actor"),
    }
    for column, (param, (attr, options)) in zip(st.columns(3), filters.EVENT_PARAMS.items()):
        label_key, kind = kinds[param]
        key = state.EVENT_WIDGET[param]
        if key not in st.session_state:
            st.session_state[key] = list(getattr(stored, attr))
        column.multiselect(
            i18n.t(label_key, lang),
            options,
            format_func=lambda v, kind=kind: i18n.label(kind, v, lang),
            placeholder=i18n.t("all", lang),
            key=key,
            on_change=state.store_events,
        )
    st.toggle(i18n.t("include_context", lang), key=state.CONTEXT_KEY)
    return state.current_events()


def comparison_sort(lang: i18n.Lang) -> str:
    """The province comparison's order, kept in the permalink."""
    return st.selectbox(
        i18n.t("compare_sort", lang),
        routes.COMPARISON_SORTS,
        format_func=lambda figure: tables.comparison_label(figure, lang),
        key=state.SORT_KEY,
    )


def page_title(link: Link, lang: i18n.Lang, place_name: str = "") -> str:
    """The browser tab's title: the view's own name first, then the site's (a profile names its place;
    an embed names its chart or map)."""
    app = i18n.t("app_title", lang)
    if link.show == "map":
        name = f"{i18n.t('page_map', lang)}: {i18n.t(f'view_{link.filter.view}', lang)}"
    elif link.show:
        name = i18n.t(routes.EMBEDDABLE[link.show].title_key, lang) + (f": {place_name}" if place_name else "")
    elif link.page == "profile" and place_name:
        name = place_name
    else:
        name = i18n.t(routes.PAGE[link.page].title_key, lang)
    return f"{name} · {app}"


def notice_text(too_long: bool, dropped: tuple[str, ...] | list[str], lang: i18n.Lang) -> str:
    """The notice about a permalink's ignored parts: a few of them, shortened, as plain text.
    A crafted link must not be able to put a link, an image or a wall of text on the page."""
    if too_long:
        return i18n.t("url_too_long", lang)
    items = [safe_text.shorten(item, NOTICE_ITEM_LENGTH) for item in dropped[:NOTICE_ITEMS]]
    if len(dropped) > NOTICE_ITEMS:
        items.append(i18n.t("and_more", lang, n=str(len(dropped) - NOTICE_ITEMS)))
    return i18n.t("url_notice", lang, items=" · ".join(items))


def url_notice(lang: i18n.Lang) -> None:
    """Tell the visitor which parts of the link they opened were ignored, for as long as they look at it."""
    current = state.notice()
    if current is not None:
        st.warning(safe_text.markdown(notice_text(current.too_long, current.dropped, lang)), icon=None)


# The app's own style sheet (focus rings, embed mode, the layout probe, plain tables): assets/app/page.css. Nothing
# in it may move what the first screen shows: it arrives after the first content (the top padding and the heading
# sizes are in the theme, .streamlit/config.toml).
PAGE_STYLE = markup.render("app/page-style.html", css=Markup(markup.style("app/page.css")))


def page_script(lang: i18n.Lang, title: str) -> None:
    """What Streamlit does not set itself: the page language, meaningful frame titles, the 'copy link'
    buttons (Streamlit strips inline handlers), and a guard for links so long that Streamlit drops them
    whole (they come back as ?link=too-long, which gets a notice). The script is assets/app/page.js. It comes
    last in the top row, with the style sheet: Streamlit holds a little space for it until it has loaded, and
    there nothing moves when that goes."""
    config = {
        "lang": lang,
        "title": title,
        "mapFrame": i18n.t("map_frame_title", lang),
        "menu": i18n.t("open_menu", lang),
        "tooLong": f"{routes.TOO_LONG_PARAM}={routes.TOO_LONG_VALUE}",
        "embed": state.embedding(),
    }
    script = markup.render(
        "app/page-script.html", config=Markup(safe_text.script_json(config)), script=Markup(markup.asset("app/page.js"))
    )
    st.html(PAGE_STYLE + script, unsafe_allow_javascript=True)


def export_format(lang: i18n.Lang) -> str:
    """PNG or SVG for the charts' camera button; kept for the session, not part of the permalink."""
    return (
        st.segmented_control(
            i18n.t("export_format", lang),
            list(image_formats.NAMES),
            default=image_formats.DEFAULT,
            format_func=str.upper,
            key="export_format",
            required=True,
            persist_state="session",
            help=i18n.t("export_help", lang),
        )
        or image_formats.DEFAULT
    )
