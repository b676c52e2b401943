"""Filters survive the URL, reject junk with a reason, and select the right ties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinnings import filters, model
from twinnings.filters import FIRST_YEAR, Filter, apply, from_params, this_year, to_params


def subsets(values):
    return st.lists(st.sampled_from(values), unique=True).map(lambda v: tuple(x for x in values if x in v))


years = st.integers(FIRST_YEAR, this_year())
queries = st.text(alphabet=st.characters(categories=["L", "N", "Zs", "Pd"]), max_size=30).map(filters.clean_query)

filters_strategy = st.builds(
    lambda provinces, levels, statuses, types, a, b, query, view: Filter(
        provinces, levels, statuses, types, min(a, b), max(a, b), query, view
    ),
    subsets(filters.PROVINCE_CODES),
    subsets(filters.LEVELS),
    subsets(model.STATUSES),
    subsets(model.RELATION_TYPES),
    years,
    years,
    queries,
    st.sampled_from(filters.VIEWS),
)


@given(filters_strategy)
def test_any_filter_survives_the_url(f):
    restored, dropped = from_params(to_params(f))
    assert restored == f and dropped == []


@given(
    st.dictionaries(
        st.sampled_from(["province", "status", "from", "to", "view", "level", "type", "zzz"]),
        st.lists(st.text(max_size=12), max_size=3),
    )
)
def test_junk_parameters_never_raise_and_are_reported(params):
    f, dropped = from_params(params)
    assert isinstance(f, Filter)
    kept = to_params(f)
    given_statuses = params.get("status", [])
    for name, values in kept.items():
        if name in filters.MULTI_PARAMS:  # what was given, or where an old permalink's status value now lives
            upgraded = {
                new for old, (into, new) in filters.LEGACY_STATUSES.items() if into == name and old in given_statuses
            }
            assert set(values) <= set(params.get(name, [])) | upgraded


def test_bad_values_are_named_in_the_notice():
    f, dropped = from_params({"province": ["PV30", "PV99"], "status": ["gone"], "from": ["19x9"], "view": ["moon"]})
    assert f.provinces == ("PV30",)
    assert dropped == ["province=PV99", "status=gone", "from=19x9", "view=moon"]


def test_default_filter_has_an_empty_url():
    assert to_params(Filter()) == {}


def test_reversed_period_is_dropped():
    f, dropped = from_params({"from": ["2020"], "to": ["2000"]})
    assert (f.year_from, f.year_to) == (FIRST_YEAR, this_year()) and dropped


def test_province_filter_keeps_only_that_province(dataset):
    selected = apply(Filter(provinces=("PV30",)), dataset.ties)
    assert len(selected) > 0 and set(selected["nl_province_id"]) == {"PV30"}


def test_status_and_level_filters_combine(dataset):
    selected = apply(Filter(statuses=("ended",), levels=("provincie",)), dataset.ties)
    assert {"provincie-noord-holland--shandong", "provincie-utrecht--guangdong"} <= set(selected["id"])
    assert set(selected["status"]) == {"ended"} and set(selected["nl_level"]) == {"provincie"}
    rest = dataset.ties.drop(selected.index)
    assert not ((rest["status"] == "ended") & (rest["nl_level"] == "provincie")).any()


def test_period_keeps_ties_that_stood_during_it(dataset):
    selected = apply(Filter(year_from=1979, year_to=1990), dataset.ties)
    assert "rotterdam--shanghai" in set(selected["id"])
    assert "arnhem--wuhan" not in set(selected["id"])  # began in 1999
    ended_early = apply(Filter(year_from=2023, year_to=this_year()), dataset.ties)
    assert "arnhem--wuhan" not in set(ended_early["id"])  # ended in 2021


def test_search_tolerates_accents_apostrophes_and_typos(dataset):
    for query in ("fryslan", "xian", "Rotterdm", "扬州", "Yángzhōu", "eindhoven"):
        assert len(apply(Filter(query=query), dataset.ties)) > 0, query
    assert apply(Filter(query="Timboektoe"), dataset.ties).empty


@pytest.mark.parametrize(
    ("query", "place_column", "expected"),
    [
        ("Tilburg", "nl_name_nl", {"Tilburg"}),  # not Limburg
        ("Gelderland", "nl_name_nl", {"Gelderland"}),  # not Lansingerland
        ("Wuhan", "cn_name_en", {"Wuhan"}),  # not Yuhang
        ("Rotterdm", "nl_name_nl", {"Rotterdam"}),  # a typo still finds the town
    ],
)
def test_search_prefers_names_that_hold_the_query_over_near_misses(dataset, query, place_column, expected):
    selected = apply(Filter(query=query), dataset.ties)
    assert set(selected[place_column]) == expected


def test_the_filters_button_counts_each_filter_that_narrows_the_selection_and_not_the_map_view():
    assert filters.active_count(Filter()) == 0
    assert filters.active_count(Filter(view="cn")) == 0
    narrowed = Filter(provinces=("PV30", "PV28"), statuses=("ended",), year_from=2000, query="tilburg")
    assert filters.active_count(narrowed) == 4
