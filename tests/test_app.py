"""What each page shows, through Streamlit's AppTest. That every page and view runs in both languages is
tests/test_views_render.py's property; that every page shows bad data as a message, tests/test_faults.py's.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from twinnings import filters, routes
from twinnings.filters import Filter

APP = str(Path(__file__).resolve().parents[1] / "app.py")

MARKDOWN = MarkdownIt("gfm-like")
PAGES = [page.script for page in routes.PAGES]  # the home page first


def run_page(page: str, lang: str, monkeypatch, data_dir=None, params: dict | None = None) -> AppTest:
    """`page` as a visitor reaches it: the app opened with `lang` and `params` in its address, then the
    page chosen in the navigation."""
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    if data_dir is not None:
        monkeypatch.setenv("TWINNINGS_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page)
        for name, value in (params or {}).items():  # the page's own address, as a link to it carries
            at.query_params[name] = value
        at.run()
    return at


def shared_page(page: str, lang: str, env: dict[str, str] | None = None, params: dict | None = None) -> AppTest:
    """`page` run once for the tests of a module that only read what it shows (a module-scoped fixture
    cannot take the function-scoped monkeypatch)."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        at = run_page(page, lang, patch, params=params)
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def home_nl() -> AppTest:
    """The home page in Dutch, unfiltered."""
    return shared_page("pages/map_page.py", "nl")


@pytest.fixture(scope="module")
def data_page() -> AppTest:
    """The data page in English, with a corrections address set, as a deployment does."""
    return shared_page(
        "pages/data_sources.py", "en", {"TWINNINGS_CORRECTIONS_URL": "https://tracker.example/issues/new"}
    )


def key_figures(at: AppTest) -> dict[str, str]:
    """The home page's key figures, a line of '**value** name' joined by ' · ', as {name: value}."""
    line = next(m.value for m in at.markdown if m.value.startswith("**") and " · **" in m.value)
    return {name.strip(): value for value, name in re.findall(r"\*\*(\d+)\*\* ([^·]+)", line)}


def test_map_page_shows_key_figures_and_the_map(home_nl: AppTest, dataset):
    at = home_nl
    assert key_figures(at)["Banden"] == str(len(dataset.ties))
    assert at.title[0].value == "Stedenbanden NL–CN"
    assert at.get("component_instance"), "the folium map component should be rendered"


def test_the_map_offers_the_map_through_the_years_drawn_only_when_clicked(home_nl: AppTest):
    buttons = {button.label: button.proto for button in home_nl.get("download_button")}
    for label in ("Animatie (GIF)", "Vijf jaren naast elkaar (PNG)", "Vijf jaren naast elkaar (SVG)"):
        assert buttons[label].deferred_file_id and not buttons[label].url, label  # nothing drawn for the page


class _TableReader(HTMLParser):
    """Collects a table's tags, caption, header cells and rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.headers: list[dict] = []
        self.rows: list[list[str]] = []
        self.caption = ""
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag == "th":
            self.headers.append(dict(attrs))
        if tag in ("td", "caption"):
            self._in = tag
            if tag == "td":
                self.rows[-1].append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "td":
            self.rows[-1][-1] += data
        elif self._in == "caption":
            self.caption += data


def map_table(at: AppTest) -> _TableReader:
    bodies = [element.proto.body for element in at.get("html") if 'class="tw-table"' in element.proto.body]
    assert len(bodies) == 1, "one table under the map"
    reader = _TableReader()
    reader.feed(bodies[0])
    return reader


def test_map_table_is_a_plain_html_table_of_every_tie_on_the_map(home_nl: AppTest, dataset):
    table = map_table(home_nl)
    body_rows = [row for row in table.rows if row]
    assert len(body_rows) == len(dataset.ties)
    assert table.caption == f"Banden op de kaart ({len(dataset.ties)})"
    assert table.headers and all(header.get("scope") == "col" for header in table.headers)
    shown_places = sorted(row[0] for row in body_rows)
    assert shown_places == sorted(dataset.ties["nl_name_nl"])


def test_map_table_follows_the_selection(monkeypatch, dataset):
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["q"] = "Tilburg"
    at.query_params["lang"] = "en"
    at.run()
    expected = filters.apply(Filter(query="Tilburg"), dataset.ties)
    table = map_table(at)
    assert sorted(row[2] for row in table.rows if row) == sorted(expected["cn_name_en"])
    assert table.caption == f"Ties on the map ({len(expected)})"


def test_unknown_language_falls_back_to_dutch(monkeypatch):
    at = run_page("pages/map_page.py", "xx", monkeypatch)
    assert not at.exception
    assert "Banden" in key_figures(at)


def test_data_page_lists_every_tie(data_page: AppTest, dataset):
    assert len(data_page.dataframe[0].value) == len(dataset.ties)


def test_data_page_lists_every_event_and_offers_downloads(data_page: AppTest, dataset):
    at = data_page
    assert len(at.dataframe[1].value) == len(dataset.events)
    labels = [b.label for b in at.get("download_button")]
    assert {"twinnings.geojson", "stedenbanden-nl-cn.zip", "ties.csv"} <= set(labels)


def test_permalink_restores_the_filters(monkeypatch, dataset):
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in {
        "province": ["PV30"],
        "status": ["ended"],
        "from": "2000",
        "q": "tilburg",
        "view": "cn",
    }.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    assert at.multiselect(key="w_province").value == ["PV30"]
    assert at.multiselect(key="w_status").value == ["ended"]
    assert at.slider(key="w_from").value == (2000, filters.this_year())
    assert at.text_input(key="w_q").value == "tilburg"
    expected = filters.apply(
        Filter(provinces=("PV30",), statuses=("ended",), year_from=2000, query="tilburg"), dataset.ties
    )
    assert key_figures(at)["Banden"] == str(len(expected))
    assert at.query_params["province"] == "PV30" and at.query_params["view"] == "cn"


def test_changing_a_filter_changes_the_figures(monkeypatch, dataset):
    # The URL rewrite on change is covered in the browser: AppTest reruns only the page script.
    at = run_page("pages/map_page.py", "nl", monkeypatch)
    at.multiselect(key="w_province").set_value(["PV28"]).run()
    expected = filters.apply(Filter(provinces=("PV28",)), dataset.ties)
    assert key_figures(at)["Banden"] == str(len(expected))


def test_junk_parameters_are_dropped_with_a_notice(monkeypatch):
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["province"] = ["PV99"]
    at.query_params["from"] = "<script>"
    at.query_params["lang"] = "bogus"  # the language switch binds to the address: still reported
    at.run()
    assert not at.exception
    notice = shown(at.warning[0].value)
    assert "province=PV99" in notice and "from=<script>" in notice and "lang=bogus" in notice
    assert at.multiselect(key="w_province").value == []


def shown(markdown: str) -> str:
    """What a reader sees of escaped Markdown."""
    return re.sub(r"\\(.)", r"\1", markdown)


def app_with(params: dict) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    return at


def test_a_crafted_link_in_a_permalink_is_shown_as_inert_text(monkeypatch):
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    phishing = "[Klik hier om opnieuw in te loggen](https://elsewhere.example/login)"
    at = app_with({"q": "x\u0007", phishing: "1", "![px](http://elsewhere.example/t.png)": "2"})
    notice = at.warning[0].value
    rendered = MARKDOWN.render(notice)
    assert "<a " not in rendered and "<img" not in rendered
    assert "Klik hier" in shown(notice)


def test_a_huge_query_gives_a_short_notice(monkeypatch):
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = app_with({f"junk{n}": "x" * 500 for n in range(110)})
    notice = shown(at.warning[0].value)
    assert len(notice) < 400
    assert "107" in notice  # three shown, the rest counted


def test_unknown_parameters_leave_the_address_bar(monkeypatch):
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = app_with({"utm_source": "x", "province": ["PV30", "PV99"], "lang": "en"})
    assert "utm_source" not in at.query_params
    assert at.query_params["province"] in ("PV30", ["PV30"])
    assert at.query_params["lang"] == "en"


def test_the_notice_is_shown_once_and_not_again_on_the_next_page(monkeypatch):
    # A deep link (/data?status=bogus) is covered in the browser: AppTest cannot open one.
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = app_with({"status": "bogus"})
    assert "status=bogus" in shown(at.warning[0].value)
    for page in ("pages/data_sources.py", "pages/timeline.py"):
        at.switch_page(page)
        at.run()
        assert not at.warning, page


def test_a_link_streamlit_dropped_whole_gets_a_notice(monkeypatch):
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = app_with({"link": "too-long", "lang": "en"})
    assert "too long" in shown(at.warning[0].value)
    assert "link" not in at.query_params


def test_timeline_shows_three_charts_for_the_url_selection(monkeypatch):
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["province"] = ["PV30"]
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/timeline.py")
    at.run()
    assert not at.exception
    charts_json = [c.proto.spec for c in at.get("plotly_chart")]
    assert len(charts_json) == 3
    assert all("North Brabant" in spec or "Noord-Brabant" in spec for spec in charts_json)


def test_events_page_lists_the_events_of_the_selected_province(monkeypatch, dataset):
    at = run_page("pages/events.py", "nl", monkeypatch, params={"province": ["PV28"]})
    assert not at.exception
    selected = filters.apply(Filter(provinces=("PV28",)), dataset.ties)
    expected = filters.events_in(Filter(provinces=("PV28",)), dataset.events, selected, dataset.places)
    assert sorted(at.dataframe[0].value["id"]) == sorted(expected["id"])


def test_events_page_filters_by_type(monkeypatch, dataset):
    at = run_page("pages/events.py", "en", monkeypatch)
    at.multiselect(key="w_page_etype").set_value(["donation"]).run()
    assert set(at.dataframe[0].value["Type"]) == {"donation"}


def profile_page(monkeypatch, place: str | None, lang: str = "nl") -> AppTest:
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    if place is not None:  # as a link to the profile carries it
        at.query_params["place"] = place
    at.switch_page("pages/profile.py")
    at.run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    return " ".join(shown(m.value) for m in at.markdown)


@pytest.fixture(scope="module")
def tilburg() -> AppTest:
    """Tilburg's profile in English, for the tests that only read it."""
    with pytest.MonkeyPatch.context() as patch:
        return profile_page(patch, "GM0855", "en")


def test_profile_of_a_municipality_with_ties(tilburg: AppTest):
    at = tilburg
    assert shown(at.title[0].value) == "Tilburg"
    assert "Tilburg had 2 known ties with China" in texts(at)
    assert len(at.dataframe[0].value) == 2
    assert at.get("plotly_chart"), "the lifetimes chart"
    assert "do not apply here" in texts(at)


def test_a_profile_chart_offers_an_embed_of_that_place_whatever_the_filters(tilburg: AppTest):
    snippets = [code.value for code in tilburg.code if "<iframe" in code.value]
    assert len(snippets) == 1
    src = snippets[0].split('src="')[1].split('"')[0].replace("&amp;", "&")
    query = parse_qs(urlparse(src).query)
    assert query["show"] == ["lifetimes"] and query["place"] == ["GM0855"] and query["embed"] == ["true"]
    assert "province" not in query and "q" not in query


def test_profile_of_a_municipality_without_ties(monkeypatch):
    at = profile_page(monkeypatch, "GM0344")
    assert shown(at.title[0].value) == "Utrecht"
    assert "Voor Utrecht is geen band met een Chinese stad of provincie bekend." in texts(at)
    assert "Geen bekende band" in texts(at) or "‘Geen bekende band’" in texts(at)
    assert not at.dataframe


def test_profile_of_a_province_lists_its_municipalities_and_compares(monkeypatch):
    at = profile_page(monkeypatch, "PV30")
    assert shown(at.title[0].value) == "Noord-Brabant"
    assert "van de twaalf provincies" in texts(at)
    assert len(at.dataframe) >= 2


def test_profile_of_a_chinese_partner(monkeypatch):
    at = profile_page(monkeypatch, "320400", "en")
    assert shown(at.title[0].value) == "Changzhou"
    assert "Changzhou had one known tie with the Netherlands" in texts(at)


def test_unknown_profile_id_gets_a_clear_message(monkeypatch):
    at = profile_page(monkeypatch, "GM9999<script>")
    assert "GM9999" in shown(at.warning[0].value)
    assert shown(at.title[0].value) == "De twaalf provincies vergeleken"  # and the search to find the place


def test_events_page_filters_by_actor_and_keeps_its_filters_in_the_permalink(monkeypatch, dataset):
    monkeypatch.setenv("TWINNINGS_TILES", "none")
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["etype"] = ["award", "bogus"]
    at.query_params["actor"] = "cpaffc"
    at.run()
    at.switch_page("pages/events.py")
    at.run()
    assert not at.exception
    assert at.multiselect(key="w_page_etype").value == ["award"]
    assert at.multiselect(key="w_page_actor").value == ["cpaffc"]
    shown_ids = set(at.dataframe[0].value["id"])
    expected = dataset.events[
        (dataset.events["type"] == "award") & dataset.events["actors"].str.split().map(lambda a: "cpaffc" in a)
    ]
    assert shown_ids == set(expected["id"]) and shown_ids
    assert at.query_params["etype"] in ("award", ["award"])
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert any("Wie deed mee" in title for title in titles)


def test_data_page_offers_a_correction_link_per_record(data_page: AppTest):
    links = data_page.dataframe[0].value["Correction"]
    assert links.str.startswith("https://tracker.example/issues/new?title=Correction%20tie%20").all()


def test_with_a_published_static_site_embed_codes_default_to_it_for_the_views_it_holds(monkeypatch):
    monkeypatch.setenv("TWINNINGS_STATIC_BASE_URL", "https://static.example/site")
    at = run_page("pages/timeline.py", "en", monkeypatch)
    snippets = [code.value for code in at.code if "<iframe" in code.value]
    assert snippets[0].startswith('<iframe src="https://static.example/site/en/embed-begun-ended.html"')
    assert "embed=true&amp;show=begun-ended" in snippets[1]
    at.multiselect(key="w_status").set_value(["ended"]).run()
    snippets = [code.value for code in at.code if "<iframe" in code.value]
    assert "static.example" not in snippets[0] and "status=ended" in snippets[0]


def test_with_a_published_static_site_a_profile_links_to_its_static_page(monkeypatch):
    monkeypatch.setenv("TWINNINGS_STATIC_BASE_URL", "https://static.example/site")
    at = profile_page(monkeypatch, "GM0518", "en")
    assert "(<https://static.example/site/en/plaats/gm0518-den-haag/>)" in " ".join(m.value for m in at.markdown)


def test_the_comparison_of_the_twelve_provinces_puts_the_selected_first_sorts_by_a_figure_and_never_says_none(
    monkeypatch,
):
    at = run_page("pages/profile.py", "nl", monkeypatch, params={"province": ["PV29"]})
    table = at.dataframe[0].value
    assert len(table) == 12 and at.get("plotly_chart"), "a table and a chart of the twelve provinces"
    assert table.iloc[0]["Provincie"] == "Zeeland" and table.iloc[0]["In selectie"] == "✓"
    assert "None" not in table.astype(str).to_numpy().ravel().tolist()
    at.selectbox(key="w_compare_sort").set_value("ended").run()
    ended = at.dataframe[0].value.iloc[1:]["beëindigd"].tolist()
    assert ended == sorted(ended, reverse=True)


def test_the_events_table_tells_keyboard_users_how_to_select_a_row(monkeypatch):
    at = run_page("pages/events.py", "en", monkeypatch)
    assert any("Shift+Space" in m.value for m in at.markdown)


def test_the_year_slider_puts_the_map_and_its_address_in_that_year_and_play_steps_on(monkeypatch):
    at = run_page(PAGES[0], "nl", monkeypatch)
    slider = at.select_slider(key="w_map_year")
    assert slider.value == "today" and at.title[0].value == "Stedenbanden NL–CN"
    slider.set_value(2005).run()
    assert at.title[0].value == "De kaart in 2005" and "In 2005:" in texts(at)
    embed = at.code[0].value  # the embed code and its link carry the year, as the permalink does
    assert "show=map&amp;year=2005" in embed and 'href="/?year=2005"' in embed
    at.button(key="w_map_play").click().run()
    assert at.session_state["_map_playing"] and at.button(key="w_map_play").label == "⏸ Pauzeren"
    at.button(key="w_map_play").click().run()
    assert not at.session_state["_map_playing"] and at.select_slider(key="w_map_year").value == 2005


def test_a_permalink_with_a_year_opens_the_map_in_that_year(monkeypatch):
    at = run_page(PAGES[0], "en", monkeypatch, params={"year": "1999", "view": "cn"})
    assert at.select_slider(key="w_map_year").value == 1999 and at.title[0].value == "The map in 1999"


def test_a_click_on_a_year_of_a_chart_over_the_years_opens_the_map_in_that_year(monkeypatch):
    from twinnings.ui import blocks

    switched = []
    monkeypatch.setattr(blocks.st, "switch_page", lambda page, query_params: switched.append((page, query_params)))
    monkeypatch.setattr(blocks.st, "session_state", {})
    blocks.open_map_of_year({"selection": {"points": [{"x": 2017, "y": 3}]}}, "en")
    blocks.open_map_of_year({"selection": {"points": [{"x": 1850, "y": 3}]}}, "en")  # no map that year
    blocks.open_map_of_year({"selection": {"points": []}}, "en")
    assert switched == [("pages/map_page.py", {"year": ["2017"], "lang": ["en"]})]
    assert blocks.st.session_state[blocks.state.YEAR_KEY] == 2017


def test_the_launcher_hands_streamlit_each_option_of_the_config_as_streamlit_reads_a_flag():
    """The theme's heading sizes are a list: as a flag Streamlit reads it as JSON, or drops it with a warning."""
    import tomllib

    from twinnings import serve

    flags = dict(flag.removeprefix("--").split("=", 1) for flag in serve.config_flags())
    config = tomllib.loads(serve.CONFIG.read_text(encoding="utf-8"))
    assert json.loads(flags["theme.headingFontSizes"]) == config["theme"]["headingFontSizes"]
    assert flags["server.headless"] == "true" and flags["theme.paddingTop"] == config["theme"]["paddingTop"]


def shown_in_order(node) -> list:
    """The elements under `node`, in the order the page shows them."""
    children = getattr(node, "children", None)
    if children is None:
        return [node]
    return [leaf for child in children.values() for leaf in shown_in_order(child)]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_starts_with_its_title_above_its_controls(page, monkeypatch):
    """The top row (filters, language switch) and then the title come first, and are written first: nothing
    drawn before them moves down when they arrive. Nothing goes in a sidebar: Streamlit's first frame has
    none, and on a desktop its arrival pushed the whole page 300 px to the right (bench/README.md)."""
    at = run_page(page, "nl", monkeypatch)
    assert not at.exception, at.exception
    assert len(at.sidebar) == 0
    top_row = shown_in_order(next(iter(at.main.children.values())))
    assert at.button_group(key="lang") in top_row
    assert type(shown_in_order(at.main)[len(top_row)]).__name__ == "Title"
