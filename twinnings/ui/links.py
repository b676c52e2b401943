"""Links between views, to profiles and to corrections, the 'copy link' button and embed codes.
Every address comes from `routes`, so a link here means what it means on the static site."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from twinnings import corrections, embeds, filters, i18n, markup, profiles, routes, safe_text, search
from twinnings.routes import Link
from twinnings.ui import context, state


def app_root() -> str:
    """The app's public root: TWINNINGS_PUBLIC_URL, else the root of the address the visitor used."""
    return context.settings().public_url or routes.app_root(st.context.url or "")


def page_link(link: Link, label: str) -> None:
    """A link to another view; its label may hold record text, and Streamlit renders labels as Markdown."""
    st.page_link(routes.PAGE[link.page].script, label=safe_text.markdown(label), query_params=link.query())


def profile_link(place_id: str, label: str, lang: i18n.Lang) -> None:
    """A link to a profile (or, without a place, to the province comparison)."""
    page_link(Link(page="profile", place=place_id, lang=lang), label)


def profile_url_template(lang: i18n.Lang) -> str:
    """The absolute address of a profile with '{id}' for the place: for links inside the map's frame."""
    return routes.profile_url_template(app_root(), lang)


def static_place_link(place_id: str, places_nl: pd.DataFrame, lang: i18n.Lang) -> None:
    """A profile's page on the published static site (TWINNINGS_STATIC_BASE_URL), the one to share."""
    static = context.settings().static_base_url
    name = profiles.name_of(places_nl, place_id)
    if static and name:
        folder = routes.site_dir(lang, "places", routes.place_slug(place_id, name))
        st.markdown(f"[{i18n.t('site_public_page', lang)}](<{static.rstrip('/')}/{folder}/>)")


def profile_link_column(lang: i18n.Lang):
    return st.column_config.LinkColumn(i18n.t("col_profile", lang), display_text=i18n.t("col_profile", lang) + " →")


def profile_search(places: pd.DataFrame, lang: i18n.Lang, label: str, help_text: str, key: str) -> None:
    """A search for any place, every municipality and province included: matches as links to their
    profiles, so no one needs the filters or the map's shapes to find their own town.

    The label a reader sees is a line of text (Markdown, whose script the page has already loaded) above a box
    that keeps its own label for screen readers: Streamlit holds a 40 px line for a text box until its script
    has arrived, and a box with its label would then grow 28 px and push the map down as the page loads."""
    st.markdown(f":small[{safe_text.markdown(label)}]", help=help_text)  # a widget label's size
    query = st.text_input(label, key=key, max_chars=search.MAX_QUERY_LENGTH, label_visibility="collapsed")
    if not query:
        return
    found = profiles.search(places, filters.clean_query(query), lang)
    if found.empty:
        st.markdown(i18n.t("profile_no_results", lang))
    for place in found.itertuples():
        extra = f" {place.name_zh}" if place.name_zh else ""
        level = i18n.label("level", place.level, lang)
        profile_link(place.id, f"{place.name}{extra} ({level})", lang)


def view_link(target: Link, label: str, current: Link) -> None:
    """A link to another view. A view on the page already open (the CPAFFC's events from the events
    page) is a button that sets that page's own filters, since a page link would keep the session's."""
    if target.page == current.page and not current.embedded and target.events != current.events:
        st.button(
            safe_text.markdown(label) + " →",
            key=f"view_{target.href()}",
            type="tertiary",
            on_click=state.set_events,
            args=(target.events,),
        )
        return
    if current.embedded:
        st.markdown(f"[{safe_text.markdown(label)} →](<{target.url(app_root())}>)")
        return
    page_link(target, label)


def correction_url(kind: str, record_id: str, lang: i18n.Lang) -> str:
    return corrections.report_url(context.settings().corrections_url, kind, record_id, lang, app_root())


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


def copy_link_button(lang: i18n.Lang) -> None:
    """A visible 'Copy link' button for the current view: the address bar is the permalink. Streamlit
    strips inline handlers, so the page script (assets/app/page.js) listens for clicks on it."""
    st.html(markup.render("app/copy-link.html", done=i18n.t("link_copied", lang), label=i18n.t("copy_link", lang)))


def embed_code(embed: Link, title: str, content_height: int | None = None) -> None:
    """The copyable iframe snippet for exactly what is on screen: from the static site first when it is
    published and holds that view (no server per reader), else, and also, from the app."""
    lang = embed.lang
    static = context.settings().static_base_url
    holds = bool(static) and not embed.place and routes.static_path(embed) is not None
    if holds:
        st.markdown(i18n.t("embed_static", lang))
        st.code(embeds.static_snippet(static, embed, title, content_height), language="html")
    st.markdown(i18n.t("embed_help", lang))
    st.code(embeds.snippet(app_root(), embed, title, content_height), language="html")
    if static and not holds and not embed.place:
        st.markdown(i18n.t("embed_static_all_only", lang))
