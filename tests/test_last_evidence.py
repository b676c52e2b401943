"""The two axes: formal standing from what sources state, use bands from dated use. Derived from the
events, published, shown, and checked."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_validation import first_row, messages, rewrite
from twinnings import charts, maps, model, profiles, tables
from twinnings.build import build
from twinnings.filters import Filter

VISIT = {"id": "v", "tie_id": "t", "type": "visit", "date": "2019"}


def test_latest_evidence_is_the_latest_use_and_never_overstates_a_bare_year():
    events = [
        VISIT,
        {**VISIT, "id": "v2", "date": "2019-06"},
        {**VISIT, "id": "motion", "type": "council_motion", "date": "2023"},
        {**VISIT, "id": "elsewhere", "tie_id": "u", "date": "2024"},
    ]
    latest = model.latest_evidence("t", "2010", events)
    assert (latest.date, latest.precision, latest.record) == ("2019-06", "month", "v2")  # motions are not use
    assert model.latest_evidence("t", "2010", events, until="2018").record == "t"  # the start counts too
    assert model.latest_evidence("t", "", [], until="2024") is None
    same_day = model.latest_evidence("t", "2019", [VISIT])
    assert same_day.record == "v"  # on the same date an event is more telling than the start


def test_every_shipped_tie_follows_the_rule(dataset):
    ties = dataset.ties
    assert set(ties["status"]) <= set(model.STATUSES)  # no tie is "unknown" any more
    assert set(ties.loc[ties["status"] == "ended", "end_basis"]) <= set(model.END_BASES)
    assert (ties.loc[ties["status"] != "ended", "end_basis"] == "").all()
    dormant = ties[ties["status"] == "dormant"]
    assert (dormant["end_reason_nl"] != "").all() and (dormant["end_reason_en"] != "").all()
    in_force = ties[ties["status"] == "in_force"]
    assert (in_force["state"] == in_force["use_band"]).all()


def test_a_use_band_is_judged_at_the_release_year():
    assert [model.use_band(year, 2026) for year in (2026, 2021, 2020, 2016, 2015, None)] == [
        "in_use",
        "in_use",
        "fading",
        "fading",
        "silent",
        "undated",
    ]
    assert model.use_band(2021, 2027) == "fading"  # a year later, the same record says so in words
    assert model.state_of("dormant", "in_use") == "dormant" and model.state_of("in_force", "silent") == "silent"


def test_geojson_publishes_the_last_sign_of_life(dataset):
    features = json.loads((dataset_dir() / "twinnings.geojson").read_text("utf-8"))["features"]
    wageningen = next(f["properties"] for f in features if f["id"] == "wageningen--zhangzhou")
    assert wageningen["last_evidence"] == "2021-05-19" and wageningen["last_evidence_precision"] == "day"
    assert wageningen["last_evidence_id"] == "2021-05-19-wageningen-zhangzhou-online-tea-party"


def dataset_dir() -> Path:
    from twinnings import DATA_DIR

    return DATA_DIR


# Seeded faults: each breaks one part of the rule and is named by file, row and field.


def test_a_status_the_model_does_not_know_is_refused(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: first_row(rows, id="amsterdam--shenzhen").update(status="unknown"))
    assert any(m.startswith("ties.csv, row") and "field 'status'" in m for m in messages(data_copy))


def test_dormant_without_the_statement_it_rests_on_is_refused(data_copy):
    rewrite(
        data_copy / "ties.csv",
        lambda rows: first_row(rows, id="groningen--tianjin").update(end_reason_nl="", end_reason_en=""),
    )
    assert any(
        "field 'end_reason_nl': is empty, but a dormant tie rests on a statement" in m for m in messages(data_copy)
    )


def test_a_standing_dated_before_the_ties_own_latest_use_is_refused(data_copy):
    def add_visit(rows):
        rows.append(
            {
                **first_row(rows, id="2020-04-sittard-geleen-maoming-masks"),
                "id": "2022-05-sittard-geleen-visit",
                "type": "visit",
                "date": "2022-05",
                "date_precision": "month",
            }
        )

    rewrite(data_copy / "events.csv", add_visit)
    assert any("field 'status_as_of': '2020-04' lies before the tie's own latest use" in m for m in messages(data_copy))


def test_a_start_known_between_two_bounds_is_an_interval_in_order(data_copy):
    def interval(rows):
        first_row(rows, id="amsterdam--shenzhen").update(started="2016-07/2015-04", started_precision="interval")

    rewrite(data_copy / "ties.csv", interval)
    assert any("field 'started': '2016-07/2015-04'" in m for m in messages(data_copy))
    assert model.bounds("2016-07/2017-04") == ("2016-07", "2017-04") and model.year_words("2016-07/2017-04") == (
        "2016–2017"
    )


def test_published_last_evidence_must_match_the_records(data_copy):
    path = data_copy / "twinnings.geojson"
    collection = json.loads(path.read_text("utf-8"))
    feature = next(f for f in collection["features"] if f["id"] == "wageningen--zhangzhou")
    feature["properties"]["last_evidence"] = "2019"
    path.write_text(json.dumps(collection), encoding="utf-8")
    assert messages(data_copy) == [
        "twinnings.geojson, field 'last_evidence': tie 'wageningen--zhangzhou' says '2019' "
        "(2021-05-19-wageningen-zhangzhou-online-tea-party), but its latest use in the records is '2021-05-19' "
        "(2021-05-19-wageningen-zhangzhou-online-tea-party); run `python -m twinnings build`"
    ]


def test_a_new_use_without_a_rebuild_leaves_the_published_file_stale(data_copy):
    def move(rows):
        first_row(rows, id="2019-11-tilburg-chengdu-mou").update(date="2020-01", date_precision="month")

    rewrite(data_copy / "events.csv", move)
    assert any(
        m.startswith("twinnings.geojson, field 'last_evidence': tie 'tilburg--chengdu'") for m in messages(data_copy)
    )
    build(data_copy)
    assert messages(data_copy) == []


# Shown where readers look: popups, tables, profiles and the timeline.


def test_popup_tells_the_standing_the_use_and_how_an_end_is_known(dataset):
    ties = dataset.ties[dataset.ties["nl_place_id"].isin(["GM0289", "GM0202"])]  # Wageningen, Arnhem
    html = maps.popup_html("x", ties.to_dict("records"), maps.source_lookup(dataset.sources), "nl")
    assert "van kracht" in html and "in gebruik (laatste teken 2021)" in html
    assert "beëindigd</i> (besluit; stand per" in html
    english = maps.popup_html("x", ties.to_dict("records"), maps.source_lookup(dataset.sources), "en")
    assert "in use (last sign 2021)" in english


def test_tables_carry_standing_use_and_the_last_sign_of_use(dataset):
    table = tables.ties_table(dataset.ties, "nl").set_index("id")
    assert table.loc["wageningen--zhangzhou", "Laatste teken van gebruik"] == "mei 2021"
    assert table.loc["wageningen--zhangzhou", "Gebruik"] == "in gebruik (laatste teken 2021)"
    assert table.loc["amsterdam--shenzhen", "Laatste teken van gebruik"] == "geen gedateerd teken van gebruik"
    assert table.loc["lisse--dafeng", "Laatste teken van gebruik"] == "oktober 2016 (begin van de band)"
    assert table.loc["groningen--xian", "Status"] == "van kracht"
    assert table.loc["groningen--xian", "Gebruik"] == "op de partnerlijst in 2023; geen teken van gebruik sinds 2011"


def test_profiles_answer_both_questions(dataset):
    by_id = dataset.ties.set_index("id", drop=False)
    assert profiles.status_text(by_id.loc["provincie-gelderland--hubei"], "en") == (
        "in force, no sign of use since 2019"
    )
    assert (
        profiles.status_text(by_id.loc["wageningen--zhangzhou"], "nl") == "van kracht, in gebruik (laatste teken 2021)"
    )
    assert profiles.status_text(by_id.loc["groningen--tianjin"], "en").startswith("dormant according to a source from")


def test_timeline_draws_each_tie_silent_since_its_last_sign_of_life(dataset):
    chart = charts.lifetimes(dataset.ties, dataset.events, dataset.sources, Filter(), "nl")
    row = chart.data.set_index("tie_id").loc["provincie-gelderland--hubei"]
    assert row["last_evidence"] == "2019-09-23" and row["silent_from"] == "2019-09-23"
    [silence] = [t for t in chart.figure.data if t.name == "stil sinds het laatste teken van leven"]
    assert silence.line.dash == "dash"
    assert "2019-09-23" in silence.x and any("stil sinds september 2019" in (text or "") for text in silence.text)


def test_a_start_known_between_two_bounds_is_shown_in_years_and_drawn_from_its_lower_bound(dataset):
    table = tables.ties_table(dataset.ties, "en").set_index("id")
    assert table.loc["leeuwarden--changsha", "Start"] == "2016–2017"
    chart = charts.lifetimes(dataset.ties, dataset.events, dataset.sources, Filter(), "en")
    row = chart.data.set_index("tie_id").loc["leeuwarden--changsha"]
    assert row["start_known"] and row["drawn_from"] == "2016-07-01"  # never earlier than the interval allows
    tie = dataset.ties.set_index("id").loc["leeuwarden--changsha"]
    assert tie["start_year"] == 2016 and tie["use_band"] == "fading"


def test_a_partner_list_newer_than_the_last_use_is_said_apart_from_use(dataset):
    xian = dataset.ties.set_index("id", drop=False).loc["groningen--xian"]
    assert xian["last_listed"] == "2023-05" and xian["last_evidence"] == "2011-11-07"  # a listing is not use
    assert profiles.status_text(xian, "en") == "in force, listed as a partner in 2023; no sign of use since 2011"
