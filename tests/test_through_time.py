"""The map in year Y: a tie appears only in the years it was in force, for exact, month, year and interval
dates, and never in a year it cannot have been in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twinnings import model
from twinnings.through_time import counts_text, events_in, panel_years, ties_in, unknown_starts, year_state, years


@pytest.mark.parametrize("started", ["1997-05-14", "1997-05", "1997"])
def test_a_tie_is_new_in_the_year_it_began_and_in_force_until_the_year_it_ended(started):
    states = {year: year_state(started, "2022-12", "ended", "2022-06", year) for year in range(1995, 2025)}
    assert states[1996] is None and states[1997] == "new"
    assert {states[year] for year in range(1998, 2022)} == {"in_force"}
    assert states[2022] == "ended" and states[2023] is None


def test_a_start_known_as_an_interval_is_perhaps_begun_until_its_last_year():
    states = [year_state("2016-07/2017-04", "", "in_force", "", year) for year in (2015, 2016, 2017, 2018)]
    assert states == [None, "perhaps_begun", "in_force", "in_force"]


def test_a_tie_without_a_known_start_is_on_no_years_map():
    assert {year_state("", "", "in_force", "2020", year) for year in years()} == {None}


def test_an_ended_tie_without_an_end_date_is_ended_some_year_after_its_last_use():
    states = {year: year_state("2013-03", "", "ended", "2015-10", year) for year in (2012, 2013, 2015, 2016, 2026)}
    assert states == {2012: None, 2013: "new", 2015: "in_force", 2016: "ended_unknown_year", 2026: "ended_unknown_year"}


partial_dates = st.builds(
    lambda year, month: f"{year}" if month is None else f"{year}-{month:02d}",
    st.integers(1979, 2026),
    st.none() | st.integers(1, 12),
)


@given(start=partial_dates, length=st.integers(0, 3), end=st.none() | st.integers(0, 30), year=st.integers(1975, 2030))
def test_a_tie_is_never_placed_before_its_earliest_start_or_after_its_end(start, length, end, year):
    started = f"{start}/{int(start[:4]) + length}" if length else start
    ended = str(int(start[:4]) + length + end) if end is not None else ""
    state = year_state(started, ended, "ended" if ended else "in_force", "", year)
    if year < int(start[:4]) or (ended and year > int(ended)):
        assert state is None
    else:
        assert state is not None


def test_the_shipped_ties_of_a_year_are_those_begun_and_not_ended_before_it(dataset):
    in_2005 = ties_in(dataset.ties, 2005)
    assert "rotterdam--shanghai" in set(in_2005["id"])
    assert all(model.year_of(model.bounds(s)[0]) <= 2005 for s in in_2005["started"])
    assert not in_2005["ended"].fillna("").map(lambda e: e != "" and int(e[:4]) < 2005).any()
    assert len(events_in(dataset.events, 2020)) == (dataset.events["date"].str[:4] == "2020").sum()


def test_an_empty_selection_has_no_ties_in_any_year(dataset):
    assert list(ties_in(dataset.ties.iloc[:0], 2000)["year_state"]) == []


def test_a_years_counts_in_words_and_the_ties_on_no_years_map(dataset):
    assert counts_text(dataset.ties, 1979, "en") == "1 tie, 1 place"
    assert counts_text(dataset.ties, 1978, "nl") == "0 banden, 0 plaatsen"
    in_2005 = ties_in(dataset.ties, 2005)
    assert (
        counts_text(dataset.ties, 2005, "nl") == f"{len(in_2005)} banden, {in_2005['nl_place_id'].nunique()} plaatsen"
    )
    assert unknown_starts(dataset.ties) == (dataset.ties["started"].fillna("") == "").sum() > 0
    assert panel_years()[-1] == model.RELEASE_YEAR and set(panel_years()) <= set(years())
