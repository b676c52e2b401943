"""The address of every view: the registry is complete, every Link round-trips, today's links still work."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import hypothesis.strategies as hyp
import pytest
from hypothesis import given, settings

from tests.test_filters import filters_strategy, subsets
from twinnings import charts, filters, i18n, model, routes, through_time
from twinnings.filters import EventFilter, Filter
from twinnings.routes import Link

ROOT = Path(__file__).resolve().parents[1]


event_values = hyp.builds(
    EventFilter, subsets(model.EVENT_TYPES), subsets(model.DIRECTIONS), subsets(model.ACTOR_TYPES)
)
places = hyp.sampled_from(["", "GM0855", "PV30", "320400", "GM0448"])
links = hyp.builds(
    Link,
    page=hyp.sampled_from([page.name for page in routes.PAGES]),
    filter=filters_strategy,
    events=event_values,
    place=places,
    show=hyp.sampled_from(["", *routes.EMBEDDABLE]),
    lang=hyp.sampled_from(i18n.LANGS),
    context=hyp.booleans(),
    sort=hyp.sampled_from(routes.COMPARISON_SORTS),
    year=hyp.none() | hyp.sampled_from(through_time.years()),
)


def reparsed(link: Link) -> routes.Parsed:
    parts = urlsplit(link.url("https://app.example/"))
    page = routes.page_of_path(parts.path)
    return routes.parse(parse_qs(parts.query, keep_blank_values=True), page, embedded=link.embedded)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(links)
def test_every_link_round_trips_through_its_address(link):
    parsed = reparsed(link)
    assert parsed.dropped == () and not parsed.too_long
    assert parsed.link == link.canonical()
    assert parsed.link.href() == link.href()


def test_the_events_context_and_the_comparison_sort_are_part_of_the_address():
    events = Link(page="events", context=False)
    assert events.href() == "gebeurtenissen?context=0"
    assert routes.export_name("stedenbanden-events", events) == "stedenbanden-events-without-context"
    assert Link(page="events", context=False).embed("actors").query()["context"] == ["0"]
    comparison = Link(page="profile", sort="in_use")
    assert comparison.href() == "profiel?sort=in_use"
    assert Link(page="profile", place="PV30", sort="in_use").href() == "profiel?place=PV30"  # a profile has no sort


def test_a_second_value_and_an_unknown_language_are_reported_not_silently_dropped():
    parsed = routes.parse({"lang": ["bogus"], "place": ["GM0855", "GM0758"]}, "profile")
    assert parsed.link == Link(page="profile", place="GM0855")
    assert set(parsed.dropped) == {"lang=bogus", "place=GM0758"}
    assert routes.parse({"lang": ["en", "nl"]}).dropped == ("lang=nl",)


def test_every_page_has_a_title_in_both_languages_and_a_script():
    for page in routes.PAGES:
        assert (ROOT / page.script).is_file(), page.script
        for lang in i18n.LANGS:
            assert i18n.t(page.title_key, lang)
    assert (ROOT / routes.EMBED_SCRIPT).is_file()
    assert len({page.path for page in routes.PAGES}) == len(routes.PAGES)


def test_every_embeddable_view_has_a_builder_a_full_view_and_a_title(dataset):
    assert set(charts.CHART_BUILDERS) == set(routes.CHART_VIEWS)
    everything = filters.apply(Filter(), dataset.ties)
    for view in routes.EMBEDDABLES:
        assert view.page in routes.PAGE
        for lang in i18n.LANGS:
            assert i18n.t(view.title_key, lang)
        if view.kind == "chart":
            chart = charts.chart_for(view.show, dataset, Filter(), everything, "nl")
            assert routes.show_of(chart.name) == view.show


def test_a_chart_that_is_no_embeddable_view_is_refused():
    try:
        routes.show_of("stedenbanden-something-new")
    except KeyError as error:
        assert "EMBEDDABLES" in str(error)
    else:
        raise AssertionError("an undeclared chart must not get an embed")


def test_page_addresses_are_written_in_one_module_only():
    """A page's address as a string literal outside routes (UI words in i18n aside) would drift from it."""
    literals = [f'"{page.path}' for page in routes.PAGES if page.path and page.path != "data"]
    literals += ['"data#', '"data?', '/data"', "/data#"]  # 'data' alone is too common a word to look for
    offenders = []
    for file in [*(ROOT / "twinnings").rglob("*.py"), *(ROOT / "pages").rglob("*.py"), ROOT / "app.py"]:
        if file.name in ("routes.py", "i18n.py"):
            continue
        text = file.read_text(encoding="utf-8")
        offenders += [f"{file.name}: {literal}" for literal in literals if literal in text]
    assert offenders == []


# Permalinks that users shared before the routes registry existed: they must open the same view.
TODAYS_LINKS = {
    "/?province=PV30&province=PV31&status=ended": Link(filter=Filter(provinces=("PV30", "PV31"), statuses=("ended",))),
    "/?view=cn&lang=en": Link(filter=Filter(view="cn"), lang="en"),
    "/?status=active": Link(filter=Filter(uses=("in_use",))),  # before data 4.0.0: one status axis
    "/?status=unknown&status=ended": Link(filter=Filter(statuses=("in_force", "ended"))),
    "/tijdlijn?from=2019&to=2023&type=sister": Link(
        page="timeline", filter=Filter(types=("sister",), year_from=2019, year_to=2023)
    ),
    "/gebeurtenissen?actor=cpaffc&etype=award": Link(page="events", events=EventFilter(("award",), (), ("cpaffc",))),
    "/profiel?place=GM0855&lang=en": Link(page="profile", place="GM0855", lang="en"),
    "/profiel?place=320400": Link(page="profile", place="320400"),
    "/data?q=yangzhou&level=provincie": Link(page="data", filter=Filter(levels=("provincie",), query="yangzhou")),
}


def test_todays_permalinks_open_the_same_view():
    for address, expected in TODAYS_LINKS.items():
        parts = urlsplit(address)
        parsed = routes.parse(parse_qs(parts.query), routes.page_of_path(parts.path))
        assert parsed.dropped == (), address
        assert parsed.link == expected, address
        assert routes.parse(parse_qs(urlsplit(expected.href()).query), expected.page).link == expected


def test_todays_embed_links_open_the_same_view():
    parsed = routes.parse(parse_qs("show=lifetimes&place=GM0855&province=PV20&lang=en"), embedded=True)
    assert parsed.link.canonical() == Link(show="lifetimes", place="GM0855", lang="en")
    assert parsed.link.full_view().href() == "profiel?place=GM0855&lang=en"
    actors = routes.parse(parse_qs("show=actors&actor=cpaffc"), embedded=True).link
    assert actors.full_view() == Link(page="events", events=EventFilter(actors=("cpaffc",)))


def test_junk_is_reported_part_by_part_and_never_raises():
    parsed = routes.parse(
        {"province": ["PV99", "PV30"], "etype": "bogus", "show": "nothing", "place": "GM9999<script>", "utm": "x"},
        "events",
        embedded=True,
    )
    assert parsed.link == Link(page="events", filter=Filter(provinces=("PV30",)))
    assert set(parsed.dropped) == {"province=PV99", "etype=bogus", "show=nothing", "place=GM9999<script>", "utm=…"}
    assert routes.parse({"link": "too-long"}).too_long


def test_an_embed_is_served_from_the_root_whatever_page_it_was_copied_from():
    embed = Link(page="events", events=EventFilter(actors=("cpaffc",))).embed("actors")
    assert embed.href() == "?embed=true&show=actors&actor=cpaffc"
    assert embed.url("https://app.example/gebeurtenissen/") != embed.url(routes.app_root("https://a.example/x"))
    assert routes.app_root("http://127.0.0.1:8501/gebeurtenissen?actor=cpaffc") == "http://127.0.0.1:8501/"
    assert routes.app_root("https://host.example/stedenbanden/profiel") == "https://host.example/stedenbanden/"
    assert routes.app_root("https://host.example/stedenbanden/") == "https://host.example/stedenbanden/"


def test_download_names_carry_the_events_filters():
    link = Link(page="events", events=EventFilter(types=("award",), actors=("cpaffc",)))
    assert routes.export_name("stedenbanden-actors", link) == "stedenbanden-actors-award-cpaffc"


def test_download_names_and_place_folders_share_one_slug_rule():
    link = Link(filter=Filter(query="Fryslân"))
    assert routes.export_name("stedenbanden-begun-ended", link) == "stedenbanden-begun-ended-fryslan"
    assert routes.place_slug("PV21", "Fryslân") == "pv21-fryslan"
    assert routes.export_name("stedenbanden-kaart-nl", Link(filter=Filter(query="'s-Hertogenbosch!"))) == (
        "stedenbanden-kaart-nl-s-hertogenbosch"
    )
    assert routes.slug("Xī’ān 西安") == "xi-an"


def test_the_static_site_holds_the_unfiltered_views_only():
    assert routes.static_path(Link(show="map", filter=Filter(view="cn"), lang="en")) == "en/embed-map-cn.html"
    assert routes.static_path(Link(show="standing")) == "nl/embed-standing.html"
    assert routes.static_path(Link(show="map", year=2010)) == "nl/embed-map-nl.html?year=2010"
    assert routes.static_path(Link(show="standing", filter=Filter(statuses=("ended",)))) is None
    assert routes.static_path(Link(show="actors", events=EventFilter(actors=("cpaffc",)))) is None


def test_a_map_in_a_year_keeps_its_year_in_the_address_the_embed_and_the_file_name():
    link = Link(filter=Filter(view="cn"), year=2010)
    assert link.href() == "?view=cn&year=2010"
    assert reparsed(link.embed("map")).link == link.embed("map") and link.embed("map").year == 2010
    assert routes.export_name("stedenbanden-map", link).endswith("in-2010")
    assert Link(page="timeline", year=2010).canonical().year is None, "a page without a map has no year"
    assert Link(page="profile", place="PV30", year=1999).href() == "profiel?place=PV30&year=1999"


@pytest.mark.parametrize("value", ["1978", "2100", "20x0", "٢٠١٠"])
def test_a_year_outside_the_maps_range_or_not_a_year_is_reported_and_left_out(value):
    parsed = routes.parse({"year": [value]})
    assert parsed.link.year is None and parsed.dropped == (f"year={value}",)
