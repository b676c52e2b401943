"""The status rule and the last sign of life: derived from the events, published, shown, and checked."""

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
    active = ties[ties["status"] == "active"]
    assert (active["status_as_of"] == active["last_evidence"]).all()
    assert (active["last_evidence_year"] >= model.CUTOFF_YEAR).all()
    unknown = ties[ties["status"] == "unknown"]
    assert not (unknown["last_evidence_year"] >= model.CUTOFF_YEAR).any()
    assert set(ties.loc[ties["status"] == "ended", "end_basis"]) <= set(model.END_BASES)
    assert (ties.loc[ties["status"] != "ended", "end_basis"] == "").all()


def test_geojson_publishes_the_last_sign_of_life(dataset):
    features = json.loads((dataset_dir() / "twinnings.geojson").read_text("utf-8"))["features"]
    wageningen = next(f["properties"] for f in features if f["id"] == "wageningen--zhangzhou")
    assert wageningen["last_evidence"] == "2021-05-19" and wageningen["last_evidence_precision"] == "day"
    assert wageningen["last_evidence_id"] == "2021-05-19-wageningen-zhangzhou-online-tea-party"


def dataset_dir() -> Path:
    from twinnings import DATA_DIR

    return DATA_DIR


# Seeded faults: each breaks one part of the rule and is named by file, row and field.


def test_active_without_a_dated_use_is_refused(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: first_row(rows, id="amsterdam--shenzhen").update(status="active"))
    assert any(
        m.startswith("ties.csv, row") and "field 'status': is 'active' but no use of the tie is dated on or before" in m
        for m in messages(data_copy)
    )


def test_active_as_of_a_mere_mention_after_its_latest_use_is_refused(data_copy):
    rewrite(
        data_copy / "ties.csv",
        lambda rows: first_row(rows, id="wageningen--zhangzhou").update(status_as_of="2021-09-26"),
    )
    assert any(
        "field 'status_as_of': '2021-09-26' is not the date of the tie's latest use, "
        "'2021-05-19-wageningen-zhangzhou-online-tea-party' (2021-05-19)" in m
        for m in messages(data_copy)
    )


def test_active_on_use_older_than_the_cut_off_is_refused(data_copy):
    rewrite(
        data_copy / "ties.csv",
        lambda rows: first_row(rows, id="provincie-gelderland--hubei").update(
            status="active", status_as_of="2019-09-23"
        ),
    )
    assert any(
        "field 'status': is 'active' but its latest use" in m and "older than the cut-off year 2021" in m
        for m in messages(data_copy)
    )


def test_unknown_with_a_use_within_the_cut_off_is_refused(data_copy):
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
    found = messages(data_copy)
    assert any("field 'status': is 'unknown' but the tie's latest use" in m and "makes it 'active'" in m for m in found)
    assert any("field 'status_as_of': '2020-04' lies before the tie's own latest use" in m for m in found)


def test_dormant_older_than_the_cut_off_is_refused(data_copy):
    rewrite(data_copy / "ties.csv", lambda rows: first_row(rows, id="groningen--tianjin").update(status_as_of="2019"))
    assert any("field 'status': is 'dormant' as of '2019', older than the cut-off" in m for m in messages(data_copy))


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


def test_popup_tells_the_last_sign_of_life_and_how_an_end_is_known(dataset):
    ties = dataset.ties[dataset.ties["nl_place_id"].isin(["GM0289", "GM0202"])]  # Wageningen, Arnhem
    html = maps.popup_html("x", ties.to_dict("records"), maps.source_lookup(dataset.sources), "nl")
    assert "laatste teken van leven: mei 2021" in html
    assert "beëindigd</i> (besluit; stand per" in html
    english = maps.popup_html("x", ties.to_dict("records"), maps.source_lookup(dataset.sources), "en")
    assert "last sign of life: May 2021" in english


def test_tables_carry_the_last_sign_of_life(dataset):
    table = tables.ties_table(dataset.ties, "nl").set_index("id")
    assert table.loc["wageningen--zhangzhou", "Laatste teken van leven"] == "mei 2021"
    assert table.loc["amsterdam--shenzhen", "Laatste teken van leven"] == "geen gedateerd teken van gebruik"
    assert table.loc["lisse--dafeng", "Laatste teken van leven"] == "oktober 2016 (begin van de band)"


def test_profiles_say_how_long_an_unknown_tie_has_been_silent(dataset):
    tie = dataset.ties.set_index("id", drop=False).loc["provincie-gelderland--hubei"]
    assert profiles.status_text(tie, "en") == "current status unknown, last sign of life September 2019"
    active = dataset.ties.set_index("id", drop=False).loc["wageningen--zhangzhou"]
    assert profiles.status_text(active, "nl") == "actief, laatste teken van leven mei 2021"


def test_timeline_draws_each_tie_silent_since_its_last_sign_of_life(dataset):
    chart = charts.lifetimes(dataset.ties, dataset.events, dataset.sources, Filter(), "nl")
    row = chart.data.set_index("tie_id").loc["provincie-gelderland--hubei"]
    assert row["last_evidence"] == "2019-09-23" and row["silent_from"] == "2019-09-23"
    [silence] = [t for t in chart.figure.data if t.name == "stil sinds het laatste teken van leven"]
    assert silence.line.dash == "dash"
    assert "2019-09-23" in silence.x and any("stil sinds september 2019" in (text or "") for text in silence.text)
