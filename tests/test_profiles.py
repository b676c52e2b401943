"""Profiles: every Dutch municipality and province and every Chinese partner, one quotable sentence each."""

from __future__ import annotations

import pytest

from twinnings import charts, model, profiles
from twinnings.boundaries import EMBEDDED_DIR, read_boundaries
from twinnings.filters import Filter


@pytest.fixture(scope="module", params=["nl", "en"])
def directory(request, dataset):
    lang = request.param
    places = profiles.directory(
        dataset, read_boundaries(EMBEDDED_DIR, "municipalities"), read_boundaries(EMBEDDED_DIR, "provinces"), lang
    )
    return lang, places


def test_directory_holds_every_dutch_place_and_every_chinese_partner(directory, dataset):
    _lang, places = directory
    dutch = places[places["country"] == "NL"]
    assert len(dutch) == 354 and dutch["id"].is_unique
    assert set(dataset.ties["cn_place_id"]) <= set(places["id"])
    assert set(dataset.ties["nl_place_id"]) <= set(dutch["id"])


def test_every_profile_builds_with_a_sentence_naming_its_place(directory, dataset):
    lang, places = directory
    for place in places.itertuples():
        profile = profiles.build(dataset, places, place.id, lang)
        assert profile is not None, place.id
        assert place.name in profile.sentence
        assert len(profile.ties) == int(
            (dataset.ties["nl_place_id" if place.country == "NL" else "cn_place_id"] == place.id).sum()
        )
        for _, tie in profile.ties.iterrows():
            side = "cn" if place.country == "NL" else "nl"
            partner = tie[f"{side}_name_nl" if lang == "nl" else f"{side}_name_en"]
            assert partner in profile.sentence


def test_a_municipality_without_a_tie_says_so_plainly(dataset):
    places = profiles.directory(
        dataset, read_boundaries(EMBEDDED_DIR, "municipalities"), read_boundaries(EMBEDDED_DIR, "provinces"), "nl"
    )
    profile = profiles.build(dataset, places, "GM0344", "nl")
    assert profile.ties.empty
    assert profile.sentence == "Voor Utrecht is geen band met een Chinese stad of provincie bekend."


def test_tilburg_had_two_ended_ties(dataset):
    places = profiles.directory(
        dataset, read_boundaries(EMBEDDED_DIR, "municipalities"), read_boundaries(EMBEDDED_DIR, "provinces"), "en"
    )
    sentence = profiles.build(dataset, places, "GM0855", "en").sentence
    assert sentence.startswith("Tilburg had 2 known ties with China:")
    assert "Changzhou (1997–2022, ended)" in sentence and "Chengdu (2019–2022, ended)" in sentence


def test_a_province_profile_adds_its_municipalities_and_a_comparison(dataset):
    places = profiles.directory(
        dataset, read_boundaries(EMBEDDED_DIR, "municipalities"), read_boundaries(EMBEDDED_DIR, "provinces"), "nl"
    )
    profile = profiles.build(dataset, places, "PV30", "nl")
    municipal = dataset.ties[(dataset.ties["nl_province_id"] == "PV30") & (dataset.ties["nl_level"] == "gemeente")]
    assert set(profile.municipal_ties["id"]) == set(municipal["id"])
    assert "van de twaalf provincies" in profile.comparison


def test_unknown_place_has_no_profile(dataset):
    places = profiles.directory(
        dataset, read_boundaries(EMBEDDED_DIR, "municipalities"), read_boundaries(EMBEDDED_DIR, "provinces"), "nl"
    )
    assert profiles.build(dataset, places, "GM9999", "nl") is None


def test_province_totals_account_for_every_tie(dataset):
    totals = profiles.province_totals(dataset)
    assert len(totals) == 12
    assert totals["ties"].sum() == len(dataset.ties)
    assert (totals[list(model.STATES)].sum(axis=1) == totals["ties"]).all()
    assert (totals["own"] + totals["municipal"] == totals["ties"]).all()


@pytest.mark.parametrize(
    ("query", "expected"),
    [("tilbrug", "GM0855"), ("xian", "610100"), ("西安", "610100"), ("fryslan", "PV21"), ("den haag", "GM0518")],
)
def test_search_tolerates_typos_accents_hanzi_and_pinyin(directory, query, expected):
    _lang, places = directory
    assert profiles.search(places, query).iloc[0]["id"] == expected


def test_comparison_chart_is_in_house_style_with_a_summary(dataset):
    chart = charts.province_comparison(profiles.province_totals(dataset), dataset.ties, dataset.sources, "nl")
    assert chart.figure.layout.title.text == "Banden met China per provincie"
    assert len(chart.data) == 12
    assert "Zuid-Holland" in chart.summary


def test_comparison_chart_marks_the_selected_province_and_says_where_it_ranks(dataset):
    totals = profiles.province_totals(dataset)
    chart = charts.province_comparison(totals, dataset.ties, dataset.sources, "nl", ("PV29",))
    zeeland = totals.set_index("province_id").loc["PV29"]
    rank = 1 + int((totals["ties"] > zeeland["ties"]).sum())
    ties = "1 band" if zeeland["ties"] == 1 else f"{zeeland['ties']} banden"
    assert chart.summary.endswith(f"Zeeland: {ties}, plaats {rank} van 12.")
    marked = [text for text in chart.figure.layout.yaxis.ticktext if text.startswith("▶")]
    assert marked == ["▶ Zeeland"]
    (band,) = chart.figure.layout.shapes
    assert band.y0 < list(chart.figure.layout.yaxis.tickvals).index("Zeeland") < band.y1


def test_one_province_selection_numbers_its_own_moments(dataset):
    ties = dataset.ties[dataset.ties["nl_province_id"] == "PV30"]
    f = Filter(provinces=("PV30",))
    chart = charts.begun_and_ended(ties, dataset.events, dataset.sources, f, "nl")
    moments = charts.key_moments(dataset.events, "nl", f.year_from, f.year_to, ties=ties)
    assert len(moments) and set(moments["tie_id"]) <= set(ties["id"])
    assert not moments["key_moment"].all()  # not the national turning points
    assert len(chart.notes) == len(moments)
