"""Chart builders on the real data and on small hand-made frames: honest, annotated, in house style."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from twinnings import charts
from twinnings.filters import Filter, apply
from twinnings.style import STATUS_COLOURS, STATUS_FILL_PATTERN

F = Filter()


def traces(chart, kind=None):
    return [t for t in chart.figure.data if kind is None or t.type == kind]


def annotation_texts(chart, name):
    return [a.text for a in chart.figure.layout.annotations if a.name == name]


def tiny_ties() -> pd.DataFrame:
    """Three ties: known start and end; known start, in force and in use; unknown start, in force."""
    base = {
        "nl_name_nl": "A",
        "cn_name_nl": "B",
        "cn_name_en": "B",
        "cn_name_zh": "乙",
        "nl_province_id": "PV30",
        "relation_type": "sister",
        "source_ids": "s1",
        "status_as_of": "2024",
    }
    rows = [
        {
            **base,
            "id": "a--b",
            "nl_level": "gemeente",
            "started": "2000",
            "ended": "2021-07",
            "status": "ended",
            "state": "ended",
        },
        {
            **base,
            "id": "c--d",
            "nl_level": "provincie",
            "started": "2010-05",
            "ended": "",
            "status": "in_force",
            "state": "in_use",
        },
        {
            **base,
            "id": "e--f",
            "nl_level": "gemeente",
            "started": "",
            "ended": "",
            "status": "in_force",
            "state": "fading",
            "status_as_of": "2019-03",
        },
    ]
    frame = pd.DataFrame(rows)
    year = lambda s: s.map(lambda v: int(v[:4]) if v else None).astype("Int64")  # noqa: E731
    return frame.assign(start_year=year(frame["started"]), end_year=year(frame["ended"]))


def tiny_events() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": "e1",
                "tie_id": "a--b",
                "scope": "tie",
                "date": "2020-04",
                "type": "donation",
                "key_moment": True,
                "title_nl": "Mondkapjes",
                "title_en": "Masks",
                "summary_nl": "x",
                "summary_en": "x",
                "source_ids": "s1",
            },
            {
                "id": "e2",
                "tie_id": "e--f",
                "scope": "tie",
                "date": "2019-03-02",
                "type": "visit",
                "key_moment": False,
                "title_nl": "Bezoek",
                "title_en": "Visit",
                "summary_nl": "y",
                "summary_en": "y",
                "source_ids": "s1",
            },
            {
                "id": "e3",
                "tie_id": "",
                "scope": "national",
                "date": "2022-01-26",
                "type": "report_published",
                "key_moment": True,
                "title_nl": "Rapport",
                "title_en": "Report",
                "summary_nl": "z",
                "summary_en": "z",
                "source_ids": "s1",
            },
        ]
    ).assign(year=lambda e: e["date"].str[:4].astype(int))


SOURCES = pd.DataFrame([{"id": "s1", "publisher": "NRC", "url": "https://nrc.nl", "title": "t", "published": ""}])


def test_begun_and_ended_counts_match_the_ties():
    chart = charts.begun_and_ended(tiny_ties(), tiny_events(), SOURCES, Filter(year_from=1999, year_to=2024), "en")
    assert chart.data["begun"].sum() == 2  # the unknown start is not placed anywhere
    assert chart.data["ended"].sum() == 1
    assert len(traces(chart, "bar")) == 4
    assert "1 ties with an unknown start year not shown" in chart.figure.layout.title.subtitle.text


def test_unknown_start_never_gets_an_invented_year():
    chart = charts.lifetimes(tiny_ties(), tiny_events(), SOURCES, Filter(year_from=1999, year_to=2024), "nl")
    unknown = chart.data.set_index("tie_id").loc["e--f"]
    assert not unknown["start_known"] and unknown["started"] == ""
    assert unknown["drawn_from"] == "2019-03-01"  # first dated evidence: the visit of March 2019, not a guessed year
    dotted = [t for t in traces(chart) if t.mode == "lines" and t.line.dash == "dot" and t.x != (None,)]
    assert len(dotted) == 1 and "A – B 乙" in dotted[0].y


def test_lifetimes_draw_one_symbol_per_event_of_the_selection():
    chart = charts.lifetimes(tiny_ties(), tiny_events(), SOURCES, Filter(year_from=1999, year_to=2024), "en")
    markers = [t for t in traces(chart) if t.mode == "markers"]
    assert sum(len(t.x) for t in markers) == 2  # the national report has no tie, so no bar to sit on
    assert {t.name for t in markers} == {"donation", "visit"}


def test_key_moments_come_from_the_events_data():
    chart = charts.standing_over_time(tiny_ties(), tiny_events(), SOURCES, Filter(year_from=1999, year_to=2024), "en")
    footer = annotation_texts(chart, "source-line")[0]
    assert "2020 Masks" in footer and "2022 Report" in footer and "Visit" not in footer
    assert annotation_texts(chart, "key-moment") == ["1", "2"]


def test_every_chart_has_title_subtitle_and_source_line_inside(dataset):
    selection = apply(F, dataset.ties)
    built = [
        b(selection, dataset.events, dataset.sources, F, "nl")
        for b in (charts.begun_and_ended, charts.standing_over_time, charts.lifetimes)
    ]
    built.append(charts.events_by_type_and_year(dataset.events, dataset.sources, "x", "nl"))
    for chart in built:
        assert chart.figure.layout.title.text
        assert chart.figure.layout.title.subtitle.text
        assert "Bron: Stedenbanden NL–CN, data" in annotation_texts(chart, "source-line")[0]
        assert chart.summary and not chart.data.empty


def test_standing_over_time_counts_only_ties_with_a_known_start(dataset):
    chart = charts.standing_over_time(dataset.ties, dataset.events, dataset.sources, F, "en")
    last_year = chart.data[chart.data["year"] == chart.data["year"].max()]["standing"].sum()
    known = dataset.ties[dataset.ties["start_year"].notna()]
    assert last_year == int((known["end_year"].isna()).sum())


def test_lifetimes_have_one_row_per_tie_in_the_selection(dataset):
    selection = apply(Filter(provinces=("PV30",)), dataset.ties)
    chart = charts.lifetimes(selection, dataset.events, dataset.sources, Filter(provinces=("PV30",)), "nl")
    assert sorted(chart.data["tie_id"]) == sorted(selection["id"])
    events_on_bars = dataset.events[dataset.events["tie_id"].isin(selection["id"])]
    assert sum(len(t.x) for t in traces(chart) if t.mode == "markers") == len(events_on_bars)


def test_subtitle_states_the_selection():
    text = charts.selection_text(Filter(provinces=("PV30",), year_from=1990), "nl")
    assert text == f"Noord-Brabant, 1990–{Filter().year_to}"


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_export_is_publication_size_with_a_meaningful_name(fmt):
    options = charts.export_config("stedenbanden-lifetimes", fmt)["toImageButtonOptions"]
    assert options == {"format": fmt, "filename": "stedenbanden-lifetimes", "width": 1200, "height": 675, "scale": 2}


def test_events_chart_counts_every_event(dataset):
    chart = charts.events_by_type_and_year(dataset.events, dataset.sources, "x", "en")
    assert chart.data["events"].sum() == len(dataset.events)
    assert sum(sum(t.y) for t in traces(chart, "bar")) == len(dataset.events)


def test_compact_layout_keeps_the_source_inside_and_labels_every_lifetime(dataset):
    selection = apply(Filter(provinces=("PV30",)), dataset.ties)
    wide = charts.lifetimes(selection, dataset.events, dataset.sources, Filter(provinces=("PV30",)), "nl")
    phone = charts.compact(wide)
    assert annotation_texts(phone, "source-line") == []
    assert "Bron: Stedenbanden" in phone.figure.layout.title.subtitle.text.replace("<br>", " ")
    assert len(annotation_texts(phone, "row-label")) == len(selection)
    assert phone.figure.layout.yaxis.showticklabels is False
    assert phone.notes == wide.notes and len(wide.notes) > 0
    assert annotation_texts(wide, "source-line"), "the wide chart is left as it was"


def test_a_phone_sees_the_years_of_a_tall_chart_on_top_with_the_key_moments_above_them(dataset):
    """The issue: the compact lifetimes showed no year axis in view and put the numbers on other ties' bars."""
    phone = charts.compact(charts.lifetimes(dataset.ties, dataset.events, dataset.sources, Filter(), "nl"))
    assert phone.figure.layout.xaxis.side == "top"
    moments = [a for a in phone.figure.layout.annotations if a.name == "key-moment"]
    assert moments and all(a.yref == "paper" and a.y == 1 and a.yanchor == "bottom" and a.yshift > 0 for a in moments)


def test_a_legend_under_the_plot_moves_the_source_line_down_by_its_rows(dataset):
    """Six states wrapped to a second legend row over the source line; the rows are now fixed and counted."""
    from twinnings import profiles

    totals = profiles.province_totals(dataset)
    six = charts.province_comparison(totals, dataset.ties, dataset.sources, "nl").figure
    assert six.layout.legend.entrywidthmode == "fraction" and six.layout.legend.entrywidth == 1 / charts.LEGEND_COLUMNS
    three = charts.house_style(go.Figure([go.Bar(name=str(n)) for n in range(3)]), "t", "s", "source")
    assert six.layout.margin.b == three.layout.margin.b + charts.LEGEND_ROW_PX


def test_two_states_of_one_colour_differ_in_their_fill_pattern():
    by_look = {(STATUS_COLOURS[state], STATUS_FILL_PATTERN.get(state, "")) for state in STATUS_COLOURS}
    assert len(by_look) == len(STATUS_COLOURS)


HOSTILE_LINK = "<a href='https://elsewhere.example'>klik</a>"


def all_strings(value) -> list[str]:
    """Every string anywhere in a figure's JSON (titles, ticks, hovers, customdata, annotations)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in all_strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in all_strings(v)]
    return []


@pytest.mark.parametrize("build", [charts.begun_and_ended, charts.standing_over_time, charts.lifetimes])
def test_record_and_url_text_never_becomes_markup_in_a_chart(build, dataset):
    ties = dataset.ties.assign(nl_name_nl=HOSTILE_LINK, cn_name_nl=HOSTILE_LINK, cn_name_en=HOSTILE_LINK)
    events = dataset.events.assign(title_nl=HOSTILE_LINK, summary_nl=HOSTILE_LINK)
    sources = dataset.sources.assign(publisher=HOSTILE_LINK)
    chart = build(ties, events, sources, Filter(query=HOSTILE_LINK), "nl")
    strings = all_strings(chart.figure.to_plotly_json())
    assert not [s for s in strings if "<a " in s or "<a\u00a0" in s]
    assert any("&lt;a href" in s for s in strings)


def test_actor_chart_counts_the_events_in_which_the_cpaffc_acted(dataset):
    chart = charts.events_by_actor(dataset.events, dataset.sources, "Heel Nederland", "nl")
    with_cpaffc = dataset.events["actors"].str.split().map(lambda codes: "cpaffc" in codes)
    assert chart.data.loc[chart.data["group"] == "cpaffc", "events"].sum() == with_cpaffc.sum()
    assert f"deed de CPAFFC mee aan {with_cpaffc.sum()}" in chart.summary


def test_lifetimes_ring_the_events_in_which_the_cpaffc_acted(dataset):
    chart = charts.lifetimes(dataset.ties, dataset.events, dataset.sources, F, "en")
    rings = [trace for trace in chart.figure.data if trace.name == "CPAFFC took part"]
    tie_events = dataset.events[dataset.events["tie_id"].isin(dataset.ties["id"])]
    expected = tie_events["actors"].str.split().map(lambda codes: "cpaffc" in codes).sum()
    assert (len(rings[0].x) if rings else 0) == expected


def test_a_charts_toolbar_offers_nothing_that_leaves_the_host_and_speaks_the_pages_language():
    dutch = charts.export_config("stedenbanden-x", lang="nl")
    assert dutch["showSendToCloud"] is False and dutch["showEditInChartStudio"] is False
    assert dutch["locale"] == "nl" and dutch["locales"]["nl"]["dictionary"]["Download plot as a PNG"]
    assert "locales" not in charts.export_config("stedenbanden-x", lang="en")  # plotly's own English
