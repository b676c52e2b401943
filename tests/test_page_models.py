"""What each page model says, for both faces at once: a change here is seen by the app and the site."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from twinnings import boundaries, charts, page_models, profiles, site_render, through_time
from twinnings.blocks import ChartBlock, Figures, ImageBlock, Links, MapBlock, PlaceSearch, Table, Text
from twinnings.filters import EventFilter, Filter
from twinnings.i18n import t
from twinnings.routes import Link


@pytest.fixture(scope="module")
def places(dataset):
    geo = boundaries.EMBEDDED_DIR
    return profiles.directory(
        dataset, boundaries.read_boundaries(geo, "municipalities"), boundaries.read_boundaries(geo, "provinces"), "nl"
    )


def blocks_of(model, kind):
    return [block for block in model.blocks if isinstance(block, kind)]


def test_the_home_page_orients_then_searches_then_maps_then_counts(dataset, places):
    kinds = page_models.home(Link(), dataset, places).kinds
    assert kinds.index("details") < kinds.index("search") < kinds.index("map") < kinds.index("figures")


def test_a_tables_file_name_carries_the_selection_and_the_place(dataset, places):
    limburg = page_models.home(Link(filter=Filter(provinces=("PV31",))), dataset, places)
    assert blocks_of(limburg, Table)[0].csv_name == "stedenbanden-map-pv31"
    province = page_models.place(Link(page="profile", place="PV31"), dataset, places)
    names = [table.csv_name for table in blocks_of(province, Table)]
    assert "stedenbanden-ties-pv31" in names and len(set(names)) == len(names)


def test_a_profile_offers_its_chart_with_its_kit_and_links_to_its_province(dataset, places):
    tilburg = page_models.place(Link(page="profile", place="GM0855"), dataset, places)
    chart = blocks_of(tilburg, ChartBlock)[0]
    assert chart.tools and chart.kit.embed == Link(show="lifetimes", place="GM0855") and chart.kit.csv
    assert blocks_of(tilburg, MapBlock)[0].place == "GM0855"
    targets = [target for block in blocks_of(tilburg, Links) for _text, target in block.items]
    assert Link(page="profile", place="PV30") in targets


def test_the_comparison_has_a_search_and_follows_the_sort_in_its_address(dataset, places):
    model = page_models.provinces(Link(page="profile", sort="ended"), dataset, places)
    assert blocks_of(model, PlaceSearch), "its intro says 'search a place above'"
    table = blocks_of(model, Table)[0]
    ended = table.frame["beëindigd"].tolist()
    assert ended == sorted(ended, reverse=True)
    totals = profiles.province_totals(dataset).set_index("province_id")
    assert [totals.loc[code, "ended"] for code in table.profiles] == ended


def test_the_comparison_counts_events_by_kind_in_a_second_table_in_the_same_order(dataset, places):
    """Seventeen columns did not fit a desktop: standing and use in one table, events by kind in another."""
    ties, events = blocks_of(page_models.provinces(Link(page="profile", lang="en"), dataset, places), Table)
    assert events.profiles == ties.profiles and len(ties.frame.columns) <= 14
    assert "visit" in events.frame.columns and "visit" not in ties.frame.columns
    in_provinces = dataset.events.merge(dataset.ties[["id", "nl_province_id"]], left_on="tie_id", right_on="id")
    per_province = in_provinces[in_provinces["type"] == "visit"].groupby("nl_province_id").size()
    assert events.frame["visit"].tolist() == [per_province.get(code, 0) for code in events.profiles]
    assert events.csv_name == "stedenbanden-provinces-events" != ties.csv_name


def test_the_events_context_switch_changes_what_the_page_and_its_charts_count(dataset, places):
    with_context = page_models.events(Link(page="events"), dataset, places)
    without = page_models.events(Link(page="events", context=False), dataset, places)
    assert len(blocks_of(without, Table)[0].frame) < len(blocks_of(with_context, Table)[0].frame)
    kit = blocks_of(without, ChartBlock)[0].kit
    assert kit.embed.query()["context"] == ["0"] and kit.download_name.endswith("without-context")


def test_the_cpaffc_view_is_one_link_away_from_the_events_page(dataset, places):
    targets = [
        t
        for block in blocks_of(page_models.events(Link(page="events"), dataset, places), Links)
        for _, t in block.items
    ]
    assert Link(page="events", events=EventFilter(actors=("cpaffc",))) in targets


def test_the_data_page_says_its_tables_follow_the_filters_only_when_a_filter_narrows_them(dataset, places):
    def said(link):
        model = page_models.data_page(link, dataset, places, "readme", "changelog")
        return [block.text for block in blocks_of(model, Text) if "filters" in block.text]

    assert said(Link(page="data", lang="nl")) == []  # all the data: the static site's page, the app unfiltered
    narrowed = said(Link(page="data", lang="nl", filter=Filter(provinces=("PV30",))))
    assert len(narrowed) == 1 and f"van de {len(dataset.ties)} banden" in narrowed[0]


def test_an_unknown_place_has_no_model(dataset, places):
    assert page_models.place(Link(page="profile", place="GM9999"), dataset, places) is None


@pytest.mark.parametrize(
    ("ties", "unknown", "events", "text"),
    [
        (1, 0, 1, "1 band, met 1 gebeurtenis."),
        (1, 1, 3, "1 band, met onbekend begin (gestippeld vanaf de eerste gedateerde bron), met 3 gebeurtenissen."),
        (
            12,
            3,
            40,
            "12 banden, waarvan 3 met onbekend begin (gestippeld vanaf de eerste gedateerde bron), "
            "met 40 gebeurtenissen.",
        ),
    ],
)
def test_the_lifetimes_summary_counts_in_good_dutch(ties, unknown, events, text):
    assert charts.lifetimes_summary(ties, unknown, events, "nl") == text


def test_the_home_page_in_a_year_shows_that_years_ties_figures_and_events(dataset, places):
    from twinnings import through_time

    model = page_models.home(Link(year=2020, lang="en"), dataset, places)
    assert model.title == "The map in 2020"
    in_2020 = through_time.ties_in(dataset.ties, 2020)
    table = next(block for block in blocks_of(model, Table) if block.csv_name.startswith("stedenbanden-map"))
    assert len(table.frame) == len(in_2020) and table.csv_name.endswith("in-2020")
    events = next(block for block in blocks_of(model, Table) if block.caption == "Events in 2020")
    assert len(events.frame) == len(through_time.events_in(dataset.events, 2020))
    assert not blocks_of(model, Figures), "today's key figures would contradict the year's map"
    assert blocks_of(model, MapBlock)[0].link.year == 2020


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_map_through_the_years_shows_both_images_saying_what_they_show(dataset, lang):
    model = page_models.map_through_time(Link(page="timeline", lang=lang), dataset)
    animation, panels = blocks_of(model, ImageBlock)
    assert (animation.formats, panels.formats) == (("gif", "webp"), ("png", "svg"))
    years = through_time.years()
    for block, shown in ((animation, (years[0], years[-1])), (panels, through_time.panel_years())):
        for year in shown:  # the counts of the years it shows, by the year rule
            assert f"{year}: {through_time.counts_text(dataset.ties, year, lang)}" in block.alt
        assert f"({through_time.unknown_starts(dataset.ties)})" in block.alt  # and what it leaves out
    # the site's face: each image with its text alternative and files, its embed code at the published address
    context = site_render.SiteContext("https://example.org/s", {})
    page = site_render.SitePage(context, lang, lang, model.title, model.lead, "x.png", file="through-time.html")
    html = site_render.render_page(model, page)
    for block in (animation, panels):
        first, *_ = block.formats
        assert f'<img src="{block.name}.{first}" alt="{escape(block.alt)}"' in html
        assert all(f'<a href="{block.name}.{fmt}" download>' in html for fmt in block.formats)
        assert str(escape(f'<img src="https://example.org/s/{lang}/{block.name}.{first}" alt="')) in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_chart_with_pictures_shows_them_in_its_box_and_a_build_without_images_shows_none(dataset, places, lang):
    """The site's face of the timeline: with pictures each chart's box holds its wide and compact picture
    (nameless: the figure is named by the chart's text alternative), at the box's heights, as a named Tab stop;
    a build without images has no picture and no Tab stop (charts.js draws the chart when it comes into view)."""
    from html.parser import HTMLParser

    class Boxes(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.boxes: list[tuple[dict, list[dict]]] = []  # each chart's box and the images inside it
            self.inside = False

        def handle_starttag(self, tag, attrs):
            if "data-chart" in dict(attrs):
                self.boxes.append((dict(attrs), []))
                self.inside = True
            elif tag == "img" and self.inside:
                self.boxes[-1][1].append(dict(attrs))

        def handle_endtag(self, tag):
            self.inside = self.inside and tag != "div"

    model = page_models.timeline(Link(page="timeline", lang=lang), dataset, places)
    shows = [block.kit.embed.show for block in blocks_of(model, ChartBlock)]

    def boxes(pictured):
        context = site_render.SiteContext("", {}, pictured=frozenset(pictured))
        page = site_render.SitePage(context, f"{lang}/tijdlijn", lang, model.title, model.lead, "x.png")
        parser = Boxes()
        parser.feed(site_render.render_page(model, page))
        return parser.boxes

    pictured = boxes(shows[:1])
    assert len(pictured) == len(shows) > 1
    for (box, images), show in zip(pictured, shows):
        if show != shows[0]:
            assert images == [] and "tabindex" not in box and "data-picture" not in box
            continue
        assert "data-picture" in box and box["tabindex"] == "0" and box["role"] == "group"
        assert box["aria-label"] == t("chart_picture_hint", lang)
        heights = re.findall(r"--(full|compact):(\d+)px", box["style"])
        assert [(image["data-layout"], image["height"]) for image in images] == heights
        assert [(image["src"], image["width"]) for image in images] == [
            (f"../{show}.svg", str(charts.EXPORT_WIDTH)),
            (f"../{show}-compact.svg", str(site_render.COMPACT_PICTURE_WIDTH)),
        ]
        assert all(image["alt"] == "" and image["loading"] == "lazy" for image in images)
    for box, images in boxes(()):
        assert images == [] and "tabindex" not in box and "data-picture" not in box
