"""The maps' year in the app: a slider from 1979 to today (arrow keys step a year, the year is read out) and
a play button that steps through the years at a reader's pace until it is paused or reaches today.

Playing reruns the app once a step from a timed fragment; each step is a new year, not an animation, so a
reader who asks for reduced motion sees the same thing a screen reader hears: one year after another.
"""

from __future__ import annotations

import streamlit as st

from twinnings import i18n, through_time
from twinnings.ui import state

PLAY_SECONDS = 1.5  # one year a step: time to see what changed and read the year
PLAYING_KEY = "_map_playing"
ARMED_KEY = "_map_tick_armed"


def options() -> list:
    return [*through_time.years(), state.TODAY]


def year_label(value: int | str, lang: i18n.Lang) -> str:
    return i18n.t("map_today", lang) if value == state.TODAY else str(value)


def controls(lang: i18n.Lang) -> None:
    """The slider and the play button; the chosen year is in the session (state.YEAR_KEY) and the address."""
    # the button's column is wide enough for its label on one line on a phone too: a label that wrapped until
    # the font arrived moved everything under it (a layout shift)
    slider, play = st.columns([4, 2], vertical_alignment="bottom")
    with slider:
        # the label a reader sees is a line of text above a slider that keeps its own label for screen readers:
        # until its script has arrived Streamlit holds a 40 px line for the slider, which the slider with its
        # label outgrew by 28 px, pushing the map down as the page loaded
        st.markdown(f":small[{i18n.t('map_year', lang)}]", help=i18n.t("map_year_help", lang))
        st.select_slider(
            i18n.t("map_year", lang),
            options(),
            key=state.YEAR_KEY,
            format_func=lambda value: year_label(value, lang),
            label_visibility="collapsed",
        )
    playing = bool(st.session_state.get(PLAYING_KEY))
    with play:
        st.button(
            i18n.t("map_pause" if playing else "map_play", lang),
            key="w_map_play",
            on_click=toggle_play,
            width="content",
        )
    if playing:
        st.session_state[ARMED_KEY] = False
        st.fragment(step, run_every=PLAY_SECONDS)()


def toggle_play() -> None:
    """Play from the first year when the slider stands on today or the last year; else from where it is."""
    playing = not st.session_state.get(PLAYING_KEY)
    st.session_state[PLAYING_KEY] = playing
    if playing and st.session_state.get(state.YEAR_KEY, state.TODAY) in (state.TODAY, through_time.years()[-1]):
        st.session_state[state.YEAR_KEY] = through_time.FIRST_YEAR


def step() -> None:
    """A timed fragment: its first run belongs to the app's run and does nothing; each later one moves the
    year on and reruns the app, so the map and the address follow. At the last year playing stops."""
    if not st.session_state.get(ARMED_KEY):
        st.session_state[ARMED_KEY] = True
        return
    year = st.session_state.get(state.YEAR_KEY, state.TODAY)
    following = next_year(year)
    st.session_state[state.YEAR_KEY] = following
    if following == through_time.years()[-1]:
        st.session_state[PLAYING_KEY] = False
    st.rerun()


def next_year(year: int | str) -> int:
    """The year after `year` (today and the last year start again at the first)."""
    years = through_time.years()
    return years[0] if year == state.TODAY or year >= years[-1] else year + 1
