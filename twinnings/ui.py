"""The Streamlit glue shared by all pages: language, cached data, error display.

Only this module and `pages/` import Streamlit; builders stay pure.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from twinnings import export, i18n
from twinnings.load import Dataset, load
from twinnings.settings import Settings, from_env
from twinnings.validate import DataError

LANG_KEY = "lang"


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
