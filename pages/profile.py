"""Profiel / Profile: one place on one screen (/profiel?place=<id>), or the twelve provinces compared."""

import streamlit as st

from twinnings import charts, i18n, maps, profiles, safe_text, tables
from twinnings.ui import blocks, chrome, context, links, state

link = state.link("profile")
lang = link.lang
data = context.dataset_or_stop(lang)
config = context.settings()
places = context.profile_directory(lang)
profile = profiles.build(data, places, link.place, lang) if link.place else None

st.title(safe_text.markdown(profile.place.name) if profile else i18n.t("page_profile", lang))
asked = link.place or state.asked_place()
if asked and profile is None:
    st.warning(safe_text.markdown(i18n.t("profile_unknown_place", lang, code=safe_text.shorten(asked, 20))))
links.profile_search(places, lang)

if profile is None:
    st.header(i18n.t("compare_title", lang))
    st.markdown(i18n.t("compare_intro", lang))
    totals = profiles.province_totals(data)
    sort_by = st.selectbox(
        i18n.t("compare_sort", lang),
        tables.COMPARISON_SORTS,
        format_func=lambda figure: tables.comparison_label(figure, lang),
        key="compare_sort",
    )
    st.dataframe(
        tables.comparison_table(totals, lang, link.filter.provinces, sort_by),
        hide_index=True,
        width="stretch",
        column_config={i18n.t("col_profile", lang): links.profile_link_column(lang)},
    )
    blocks.chart_block(
        charts.province_comparison(totals, data.ties, data.sources, lang, link.filter.provinces),
        link,
        chrome.export_format(lang),
    )
    st.stop()

place = profile.place
if place.name_zh:
    st.markdown(f"{safe_text.markdown(place.name_zh)} · {i18n.label('level', place.level, lang)}")
st.markdown(f"#### {safe_text.markdown(profile.sentence)}")
shown_ties = profile.shown_ties
if not shown_ties.empty:  # the sentence and the map first: on a phone both fit the first screen
    st.header(i18n.t("profile_map", lang))
    blocks.passive_map(
        maps.cn_view(
            shown_ties,
            data.sources,
            lang,
            config.tiles,
            context.map_boundaries("cn")[2],
            profile_url=links.profile_url_template(lang),
        ),
        380,
        "profile_map",
    )
st.markdown(i18n.t("profile_ignores_filters", lang))
links.static_place_link(place.id, context.profile_directory("nl"), lang)
if place.country == "NL" and place.level == "gemeente" and place.province_id:
    province_name = profiles.name_of(places, place.province_id) or place.province_id
    links.profile_link(place.province_id, f"{i18n.t('profile_in_province', lang)} {province_name}", lang)
if profile.ties.empty:
    st.markdown(i18n.t("profile_none_meaning", lang))
    st.markdown(i18n.t("profile_report", lang))

for heading, ties in (("profile_ties", profile.ties), ("profile_municipal_ties", profile.municipal_ties)):
    if not ties.empty:
        st.header(i18n.t(heading, lang))
        st.dataframe(
            links.with_corrections(tables.ties_table(ties, lang, True, data.sources), "tie", lang),
            hide_index=True,
            width="stretch",
            column_config=links.record_columns(lang),
        )
if profile.comparison:
    st.header(i18n.t("profile_compare", lang))
    st.markdown(safe_text.markdown(profile.comparison))
    links.profile_link("", i18n.t("compare_title", lang), lang)

if not shown_ties.empty:
    fmt = chrome.export_format(lang)
    blocks.chart_block(charts.place_lifetimes(profile, data.events, data.sources, lang), link, fmt)

if not profile.events.empty:
    st.header(i18n.t("profile_events", lang))
    st.dataframe(
        tables.events_table(profile.events, data.ties, data.places, data.sources, lang).drop(
            columns=[i18n.t("col_sources", lang), "id"]
        ),
        hide_index=True,
        width="stretch",
        column_config={
            i18n.t("col_source", lang): st.column_config.LinkColumn(display_text=r"https?://(?:www\.)?([^/]+)")
        },
    )
if not shown_ties.empty:
    st.header(i18n.t("profile_sources", lang))
    source_ids = " ".join(dict.fromkeys(" ".join(shown_ties["source_ids"]).split()))
    st.markdown(tables.source_links_markdown(source_ids, data.sources))
