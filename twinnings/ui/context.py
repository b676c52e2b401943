"""Settings and the cached, read-only data every page uses."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from twinnings import boundaries, export, i18n, profiles
from twinnings.load import Dataset, load
from twinnings.settings import Settings, from_env
from twinnings.validate import DataError


def settings() -> Settings:
    return from_env()


@st.cache_resource(show_spinner=False)
def _dataset(data_dir: str) -> Dataset:
    return load(data_dir)


@st.cache_data(show_spinner=False)
def package_zip(data_dir: str) -> bytes:
    return export.package_zip(Path(data_dir))


def dataset_or_stop(lang: i18n.Lang) -> Dataset:
    """The shipped dataset, or a readable list of data problems instead of a traceback."""
    try:
        return _dataset(str(settings().data_dir))
    except DataError as error:
        st.error(i18n.t("data_error", lang))
        st.code("\n".join(str(p) for p in error.problems if p.severity == "error"), language=None)
        st.stop()
        raise  # unreachable: st.stop() ends the script run


@st.cache_data(show_spinner=False)
def profile_directory(lang: i18n.Lang) -> pd.DataFrame:
    """Every place with a profile (cached per language; the data and boundaries are read-only)."""
    data = _dataset(str(settings().data_dir))
    embedded = boundaries.EMBEDDED_DIR
    return profiles.directory(
        data,
        boundaries.read_boundaries(embedded, "municipalities"),
        boundaries.read_boundaries(embedded, "provinces"),
        lang,
    )


def map_boundaries(view: str) -> tuple[dict | None, dict | None, dict | None]:
    """(provinces, municipalities, world) for a map view: what `presentation.home_map` draws on."""
    geo_dir = settings().boundaries_dir
    if view == "cn":
        return None, None, boundaries.read_world()
    return boundaries.read_boundaries(geo_dir, "provinces"), boundaries.read_boundaries(geo_dir, "municipalities"), None
