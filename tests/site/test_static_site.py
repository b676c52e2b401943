"""export-site on the shipped data: every chart and map in both languages, loaded only from the site."""

from __future__ import annotations

import gzip
import html
import json
import re
import struct
import zipfile
from fnmatch import fnmatchcase
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import plotly.graph_objects as go
import pytest
from markupsafe import escape

from tests.site.conftest import PUBLISHED_AT
from twinnings import DATA_DIR, boundaries, charts, model, presentation, routes
from twinnings.routes import SITE_PLACE_MAP, SITE_PLACE_MAP_DATA, Link
from twinnings.static_site import (
    CHART_IMAGES,
    IMAGES_LEFT_OUT,
    PREVIEW_SIZE,
    WORLD_PATH,
    chart_image,
    render_images,
)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_chart_and_map_has_a_page_an_embed_its_data_and_planned_images(site, lang):
    folder = site / lang
    planned = planned_images(site)
    for stem in routes.CHART_VIEWS:
        for name in (f"{stem}.html", f"embed-{stem}.html", f"{stem}.csv"):
            assert (folder / name).is_file(), name
        assert {f"{lang}/{stem}.png", f"{lang}/{stem}.svg"} <= planned
    for view in ("nl", "cn"):
        assert (folder / f"map-{view}.html").is_file() and (folder / f"embed-map-{view}.html").is_file()
    assert f'<html lang="{lang}">' in (folder / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_map_through_the_years_has_its_page_with_text_alternatives_files_and_embed_codes(site, lang):
    text = (site / lang / "through-time.html").read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)" alt="([^"]+)"', text)
    assert [src for src, _alt in images] == ["through-time.gif", "through-time-panels.png"]
    for (_src, alt), first in zip(images, (1979, 1985)):  # what each shows, from its first year to the release's
        assert f"{first}: " in alt and f"{model.RELEASE_YEAR}: " in alt
    files = {f"{lang}/{name}" for name in re.findall(r'<a href="(through-time[^"]*)" download>', text)}
    assert files == {f"{lang}/through-time.{ext}" for ext in ("gif", "webp")} | {
        f"{lang}/through-time-panels.{ext}" for ext in ("png", "svg")
    }
    assert files <= planned_images(site)  # drawn by a build with images
    assert text.count(escape(f'<img src="{PUBLISHED_AT}/{lang}/through-time')) == 2
    home = (site / lang / "index.html").read_text(encoding="utf-8")  # found beside the map, as in the app
    assert '<a href="through-time.html">' in home


def test_chart_images_are_drawn_at_publication_size_and_kept_when_unchanged(tmp_path, dataset):
    link = Link(lang="en")
    chart = charts.standing_over_time(dataset.ties, dataset.events, dataset.sources, link.filter, "en")
    kit = presentation.chart_kit(chart, link)
    jobs = [
        (kit.chart.figure, chart_image(kit, ext), charts.EXPORT_WIDTH, kit.height, scale) for ext, scale in CHART_IMAGES
    ]
    jobs.append((kit.chart.figure, "en/standing-preview.png", *PREVIEW_SIZE, 1))
    (tmp_path / "en").mkdir()
    render_images(tmp_path, jobs)
    png, svg, preview = (tmp_path / path for _figure, path, *_size in jobs)
    assert struct.unpack(">II", png.read_bytes()[16:24]) == (2 * charts.EXPORT_WIDTH, 2 * kit.height)
    assert "Stedenbanden NL–CN" in svg.read_text(encoding="utf-8")
    assert struct.unpack(">II", preview.read_bytes()[16:24]) == PREVIEW_SIZE
    drawn = png.stat().st_mtime_ns
    render_images(tmp_path, jobs)  # a rebuild of the same figures draws nothing
    assert png.stat().st_mtime_ns == drawn


def test_an_image_kaleido_fails_to_draw_stops_the_build_by_name_after_one_more_try(tmp_path, monkeypatch):
    import kaleido

    calls = []

    def fails(todo, **_options):  # as kaleido does: the failures returned, no file written
        calls.append([job["path"] for job in todo])
        return (TimeoutError("tab timed out"),)

    monkeypatch.setattr(kaleido, "write_fig_from_object_sync", fails)
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "old.svg").write_text("<svg/>", encoding="utf-8")  # an earlier build's picture
    figure = go.Figure()
    with pytest.raises(RuntimeError, match=r"en/old\.svg: tab timed out"):
        render_images(tmp_path, [(figure, "en/old.svg", 100, 100, 1)])
    assert len(calls) == 2 and not (tmp_path / "en" / "old.svg").exists()


def test_pages_load_scripts_and_styles_only_from_the_site(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assets = re.findall(
            r'<script[^>]+src="([^"]+)"|<link rel="(?:stylesheet|icon|preload)"[^>]+href="([^"]+)"', text
        )
        assets = [script or link for script, link in assets]
        outside = [a for a in assets if a.startswith(("http:", "https:", "//"))]
        assert outside == [], (page, outside)


def test_the_site_carries_the_data_package_as_shipped(site):
    for name in ("ties.csv", "twinnings.geojson"):
        assert (site / "data" / name).read_bytes() == (DATA_DIR / name).read_bytes()
    with zipfile.ZipFile(site / "data" / "stedenbanden-nl-cn.zip") as package:
        assert {"ties.csv", "events.csv", "places.csv", "sources.csv", "datapackage.json"} <= {
            Path(name).name for name in package.namelist()
        }


class _Links(HTMLParser):
    """Every link and asset address of a page, and its head's tags, as a crawler sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.first_tag_in_head = ""
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and not self.first_tag_in_head:
            self.first_tag_in_head = "charset" if "charset" in attrs else "other"
        if tag in ("a", "link", "script", "iframe", "img"):
            address = attrs.get("href") or attrs.get("src")
            if address and tag != "link" or tag == "link" and attrs.get("rel") == "stylesheet":
                self.addresses.append(address)
            if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                self.links[f"{attrs['rel']}:{attrs.get('hreflang', '')}"] = attrs["href"]
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content", "")
        if tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def read(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def internal(address: str) -> bool:
    return not address.startswith(("http:", "https:", "mailto:", "#", "data:", "javascript:"))


def target_of(page: Path, address: str) -> Path:
    path = unquote(urlsplit(address).path)
    target = (page.parent / path).resolve()
    return target / "index.html" if address.split("#")[0].split("?")[0].endswith("/") or target.is_dir() else target


def planned_images(site: Path) -> set[str]:
    """The images a full build draws (this test site is exported without them)."""
    return set(json.loads((site / IMAGES_LEFT_OUT).read_text(encoding="utf-8")))


def relative(target: Path, site: Path) -> str:
    return target.relative_to(site.resolve()).as_posix()


def test_every_internal_link_of_every_page_resolves_and_stays_relative(site):
    planned = planned_images(site)
    broken, rooted = [], []
    pages = [p for p in site.rglob("*.html") if "vendor" not in p.parts]
    for page in pages:
        for address in read(page).addresses:
            if not internal(address) or not urlsplit(address).path:
                continue
            if address.startswith("/"):
                rooted.append(f"{page.relative_to(site)}: {address}")
            elif not (target := target_of(page, address)).is_file() and relative(target, site) not in planned:
                broken.append(f"{page.relative_to(site)}: {address}")
    assert rooted == [] and broken == [], (rooted[:5], broken[:5])
    assert len(pages) > 800  # every place in both languages


def test_every_page_is_findable_and_shareable(site):
    planned = planned_images(site)
    for page in (p for p in site.rglob("index.html") if p.parent != site):
        head = read(page)
        name = page.relative_to(site)
        assert head.first_tag_in_head == "charset", name
        assert head.title.strip() and head.meta.get("description"), name
        assert {"canonical:", "alternate:nl", "alternate:en"} <= set(head.links), name
        for key in ("og:title", "og:description", "og:url", "og:image", "twitter:card"):
            assert head.meta.get(key), (name, key)
        assert head.meta["og:image"].startswith(PUBLISHED_AT + "/"), (name, head.meta["og:image"])
        assert head.meta["og:image"].removeprefix(PUBLISHED_AT + "/") in planned, (name, head.meta["og:image"])
        lang = name.parts[0]
        assert f'<html lang="{lang}">' in page.read_text(encoding="utf-8"), name


class _UnmarkedChinese(HTMLParser):
    """The texts of a page that hold Chinese characters outside an element marked lang="zh" (a screen reader
    would read them in Dutch or English). Scripts and styles hold no text a reader hears; a title and an
    attribute cannot mark a part of themselves."""

    VOID = frozenset(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    )
    HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.unmarked: list[str] = []
        self.marked = 0

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        if not self.HAN.search(data) or any(tag in ("script", "style", "title") for tag, _ in self.open):
            return
        langs = [lang for _, lang in self.open if lang]
        if langs and langs[-1] == "zh":
            self.marked += 1
        else:
            self.unmarked.append(data.strip()[:80])


def test_chinese_on_every_page_is_marked_as_chinese_for_screen_readers(site):
    marked = 0
    for page in site.rglob("*.html"):
        parser = _UnmarkedChinese()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.unmarked == [], page.relative_to(site)
        marked += parser.marked
    assert marked > 100  # the place pages' names, tables and sources are all there


def test_a_place_has_the_same_slug_in_both_languages_and_says_what_it_has(site):
    tilburg = (site / "nl" / "plaats" / "gm0855-tilburg" / "index.html").read_text(encoding="utf-8")
    assert "Tilburg had 2 bekende banden met China" in tilburg
    assert (site / "en" / "plaats" / "gm0855-tilburg" / "index.html").is_file()
    texel = (site / "nl" / "plaats" / "gm0448-texel" / "index.html").read_text(encoding="utf-8")
    assert "Voor Texel is geen band met een Chinese stad of provincie bekend." in texel
    assert "plaats/gm0855-tilburg/" in (site / "nl" / "plaatsen" / "index.html").read_text(encoding="utf-8")


def test_the_search_index_knows_every_place_by_its_names(site, dataset):
    index = json.loads((site / "assets" / "search-en.json").read_text(encoding="utf-8"))
    by_url = {entry["u"]: entry for entry in index}
    assert (
        "Den Haag" in by_url["plaats/gm0518-den-haag/"]["k"] and "The Hague" in by_url["plaats/gm0518-den-haag/"]["k"]
    )
    xian = next(entry for entry in index if entry["u"].startswith("plaats/610100-"))
    assert "西安市" in xian["k"] or "西安" in "".join(xian["k"])
    assert len(index) == len(list((site / "en" / "plaats").iterdir()))


def test_sitemap_lists_every_page_by_its_published_address_and_robots_points_to_it(site):
    """Every page that is its own canonical address is listed (places, sections, the chart pages, the map
    through the years), but no embed, map frame or the language choice at the root."""
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    pages = [
        path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
        if path.parent != site and not path.name.startswith("embed-") and 'rel="canonical"' in path.read_text("utf-8")
    ]
    assert sorted(locs) == sorted(f"{PUBLISHED_AT}/{page}" for page in pages)
    assert f"{PUBLISHED_AT}/nl/through-time.html" in locs and f"{PUBLISHED_AT}/en/lifetimes.html" in locs
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Allow: /" in robots and f"Sitemap: {PUBLISHED_AT}/sitemap.xml" in robots


def test_the_headers_file_lets_browsers_keep_for_a_day_exactly_what_changes_only_with_a_release(site):
    """`_headers` (Cloudflare Pages, Netlify) sets what deploy/nginx.conf sets for the site's scripts, styles,
    icon, vendored map libraries and images, and leaves pages, data and the search index to the host's default;
    no path matches two rules, because those hosts join the values of every rule a path matches."""
    rules: dict[str, list[str]] = {}
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            pattern = line
            rules[pattern] = []
        elif line.strip() and not line.startswith("#"):
            rules[pattern].append(line.strip())
    files = {"/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    files |= {"/" + path for path in planned_images(site)}
    for path in files:
        lasting = path.endswith((".png", ".svg")) or path.startswith("/app/static/")
        lasting |= path.startswith("/assets/") and not path.startswith("/assets/search-")
        assert len([pattern for pattern in rules if fnmatchcase(path, pattern)]) == int(lasting), path
    assert all(any(fnmatchcase(path, pattern) for path in files) for pattern in rules)
    (headers,) = set(map(tuple, rules.values()))
    nginx = (Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert headers == ("Cache-Control: public, max-age=86400",)
    assert 'add_header Cache-Control "public, max-age=86400"' in nginx


def test_a_build_without_its_published_address_says_so_and_leaves_out_what_needs_it(tmp_path, monkeypatch, capsys):
    from twinnings.static_site import export_site

    monkeypatch.delenv("TWINNINGS_STATIC_BASE_URL", raising=False)
    export_site(tmp_path, images=False, only=("GM0855",), langs=("en",))
    assert "TWINNINGS_STATIC_BASE_URL is not set" in capsys.readouterr().err
    assert not (tmp_path / "sitemap.xml").exists() and "Sitemap:" not in (tmp_path / "robots.txt").read_text()
    head = read(tmp_path / "en" / "plaats" / "gm0855-tilburg" / "index.html")
    assert "og:url" not in head.meta and "og:image" not in head.meta and head.meta["og:title"] == "Tilburg"


def test_the_cpaffc_page_lists_every_event_it_acted_in(site, dataset):
    acted = dataset.events[dataset.events["actors"].str.split().map(lambda codes: "cpaffc" in codes)]
    page = (site / "en" / "gebeurtenissen" / "cpaffc" / "index.html").read_text(encoding="utf-8")
    assert f"{len(acted)} events in the data name it" in page
    for title in acted["title_en"]:
        assert html.escape(title) in page


# A municipality, a province and a Chinese partner: every kind of place page (the other pages are all written).
HOSTILE_PLACES = ("GM0855", "PV30", "320400")


def test_hostile_record_text_bakes_into_no_element_link_or_address(tmp_path):
    from tests.hostile_data import EVIL_HOST, INJECTED_ID, write_hostile_copy
    from twinnings.static_site import export_site

    data = write_hostile_copy(tmp_path / "data")
    out = tmp_path / "site"
    export_site(out, data, images=False, only=HOSTILE_PLACES, langs=("en",))  # the templates are the same in nl
    found = []
    documents = {page: page.read_text(encoding="utf-8") for page in out.rglob("*.html")}
    place_maps = list(out.rglob(SITE_PLACE_MAP_DATA))
    for place_map in place_maps:  # the markup a place's map puts on screen from its data
        documents[place_map] = "".join(markup_of(json.loads(place_map.read_text(encoding="utf-8"))))
    assert len(place_maps) == len(HOSTILE_PLACES) and all("&lt;img" in documents[path] for path in place_maps)
    for page, text in documents.items():
        if f'id="{INJECTED_ID}"' in text or f"id={INJECTED_ID}>" in text:
            found.append(f"{page.name}: injected element")
        parser = _Links()
        parser.feed(text)
        for address in parser.addresses:
            if EVIL_HOST in address or address.strip().lower().startswith("javascript:"):
                found.append(f"{page.relative_to(out)}: {address[:60]}")
    assert found == []


def markup_of(place_map: dict) -> list[str]:
    """What a place's map data puts on screen as markup: each place's hover label and popup (its accessible
    name is set as an attribute's text)."""
    collections = [argument for call in place_map["layers"] for argument in call[1:] if "features" in argument]
    features = [feature for collection in collections for feature in collection["features"]]
    return [
        feature["properties"][key] for feature in features for key in ("label", "popup") if key in feature["properties"]
    ]


def test_the_home_map_links_every_dutch_place_to_its_page(site, dataset):
    folders = {folder.name.split("-", 1)[0]: folder.name for folder in (site / "nl" / "plaats").iterdir()}
    for name in ("index.html", "map-nl.html"):  # the home page's own map, and its map document for embeds
        document = (site / "nl" / name).read_text(encoding="utf-8")
        for place_id in dataset.ties["nl_place_id"].unique():
            assert f"plaats/{folders[place_id.lower()]}/" in document, (name, place_id)


def test_the_home_page_draws_its_map_without_the_rules_of_a_map_document(site):
    """The home map is drawn in the page (its head, its element, its script): none of the rules folium writes
    for a document that is nothing but the map (map/map.html) reaches the page."""
    home = (site / "nl" / "index.html").read_text(encoding="utf-8")
    assert "<iframe" not in home and 'class="folium-map"' in home
    assert home.count('name="viewport"') == 1
    assert "html, body" not in home and "#map {" not in home
    document = (site / "nl" / "map-nl.html").read_text(encoding="utf-8")  # which the map document keeps
    assert "html, body" in document and "#map {" in document


def test_map_documents_share_one_world_file_and_load_no_jquery(site):
    world = site / WORLD_PATH
    assert world.read_bytes() == boundaries.WORLD_FILE.read_bytes()
    for frame in (site / "nl" / "map-cn.html", site / "en" / "embed-map-cn.html", site / "nl" / SITE_PLACE_MAP):
        text = frame.read_text(encoding="utf-8")
        address = re.search(r'twWorldBackground\(\w+, "([^"]+)"\)', text).group(1)
        assert (frame.parent / address).resolve() == world.resolve()
        assert '"Topology"' not in text  # the 108 KB of countries are not inside
    for frame in site.rglob("*.html"):
        assert "jquery" not in frame.read_text(encoding="utf-8").lower(), frame


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_place_map_is_one_shared_map_document_and_a_small_data_file_beside_the_page(site, lang):
    shared = site / lang / SITE_PLACE_MAP
    assert '<meta name="robots" content="noindex">' in shared.read_text(encoding="utf-8")
    framed = {}
    for page in (site / lang / "plaats").glob("*/index.html"):
        for address in re.findall(r'<iframe class="mapframe mini" src="([^"]+)"', page.read_text(encoding="utf-8")):
            document, name = address.split("#")
            assert (page.parent / document).resolve() == shared.resolve() and name == page.parent.name, page
            framed[name] = page.parent / SITE_PLACE_MAP_DATA
    assert len(framed) > 80 and not list(site.rglob("kaart.html"))  # no map document of its own any more
    assert sorted(framed.values()) == sorted((site / lang / "plaats").glob(f"*/{SITE_PLACE_MAP_DATA}"))
    for name, data in framed.items():  # the place, nothing the shared document holds: a few KB gzipped
        text = data.read_text(encoding="utf-8")
        assert len(gzip.compress(text.encode())) < 16_000 and "countries" not in text, name
    tilburg = json.loads(framed["gm0855-tilburg"].read_text(encoding="utf-8"))
    assert [call[0] for call in tilburg["layers"]] == ["twArcLayer", "twPlaceLayer", "twPlaceLayer"]
    popups = "".join(markup_of(tilburg))  # links lead from the shared document to the places' pages
    assert 'href="plaats/320400-changzhou/" target="_parent"' in popups


def test_every_chart_on_a_page_comes_with_its_images_data_and_embed_code(site):
    for path in (
        "nl/plaats/gm0855-tilburg/index.html",
        "en/tijdlijn/index.html",
        "nl/gebeurtenissen/cpaffc/index.html",
    ):
        text = (site / path).read_text(encoding="utf-8")
        charts_shown = text.count('<figure class="chart"')
        assert charts_shown and text.count('<details class="embed">') == charts_shown, path
        assert text.count("&lt;iframe src=") == charts_shown, path  # the code to paste, shown as text
        assert text.count(">PNG<") == text.count(">SVG<") == charts_shown, path
    embed = (site / "nl" / "plaats" / "gm0855-tilburg" / "embed-lifetimes.html").read_text(encoding="utf-8")
    assert '<figure class="chart"' in embed and 'href="./"' in embed  # the chart, and the way back to its page


def test_a_province_page_offers_its_own_ties_as_csv(site, dataset):
    folder = site / "nl" / "plaats" / "pv31-limburg"
    assert 'href="stedenbanden-ties-pv31.csv"' in (folder / "index.html").read_text(encoding="utf-8")
    rows = (folder / "stedenbanden-ties-pv31.csv").read_text(encoding="utf-8-sig").strip().splitlines()
    assert len(rows) - 1 == (dataset.ties["nl_place_id"] == "PV31").sum()


def test_pages_load_the_partial_chart_bundle_a_favicon_and_zoomable_frames(site):
    bundle = (site / "assets" / "plotly.min.js").read_text(encoding="utf-8")[:200]
    assert "plotly.js (basic - minified)" in bundle  # scatter and bar: what the charts draw
    assert not (site / "app" / "static" / "vendor" / "plotly").exists()  # one copy, cached across pages
    home = (site / "nl" / "index.html").read_text(encoding="utf-8")
    assert 'rel="icon" href="../assets/favicon.svg"' in home and (site / "assets" / "favicon.svg").is_file()
    frame = (site / "nl" / "map-nl.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in frame  # a frame is no page of its own for a search engine
    embed = read(site / "nl" / "embed-map-nl.html")  # the same map as an embed page is one, and says what it shows
    assert "robots" not in embed.meta and embed.meta["description"]
    assert "user-scalable" not in frame and "maximum-scale" not in frame  # a reader may zoom (WCAG 1.4.4)


def test_every_page_of_the_export_is_valid_html(site, html_validation):
    """html-validate's `standard` preset (the HTML standard) over every page and frame document. Installed
    by `make test` from tests/js/package-lock.json."""
    assert html_validation, "html-validate is missing: `make test` installs it (npm ci --prefix tests/js)"
    process, report_file = html_validation
    _, errors = process.communicate(timeout=300)
    reports = json.loads(report_file.read_text(encoding="utf-8") or "[]")
    problems = [
        f"{Path(report['filePath']).relative_to(site)}:{message['line']} {message['ruleId']}: {message['message']}"
        for report in reports
        for message in report["messages"]
    ]
    assert problems == [], "\n".join(problems[:30])
    assert process.returncode == 0, errors


def test_place_pages_written_by_two_processes_are_those_one_process_writes(tmp_path, dataset, monkeypatch):
    """The command line writes place pages in a process per core (static_site.write_places): the same files, page
    list and previews as one process, in the same order, over more than one batch of places."""
    from twinnings import profiles, site_render, static_site
    from twinnings.static_site import Site, site_slugs, write_places

    monkeypatch.setattr(static_site, "PLACES_PER_TASK", 2)  # three batches of the five places

    geo = boundaries.EMBEDDED_DIR
    shapes = boundaries.read_boundaries(geo, "provinces"), boundaries.read_boundaries(geo, "municipalities")
    places = profiles.directory(dataset, shapes[1], shapes[0], "nl")
    tied = set(dataset.ties["nl_place_id"]) | set(dataset.ties["cn_place_id"])
    chosen = [place for place in places["id"] if place in tied][:5]
    sites = []
    for jobs in (1, 2):
        context = site_render.SiteContext(PUBLISHED_AT, site_slugs(places))
        site = Site(tmp_path / str(jobs), dataset, context)
        write_places(site, "nl", places, chosen, jobs)
        sites.append(site)
    one, two = sites
    assert len(one.pages) == len(one.previews) == len(chosen)  # a place with ties has its chart's preview
    assert one.pages == two.pages
    assert one.written == two.written
    assert [path for _chart, path in one.previews] == [path for _chart, path in two.previews]
    assert [drawn(chart) for chart, _ in one.previews] == [drawn(chart) for chart, _ in two.previews]
    for path in one.written:
        assert (one.out / path).read_bytes() == (two.out / path).read_bytes(), path


def drawn(chart: charts.Chart) -> dict:
    """A chart's figure as plotly draws it: a figure that crossed processes (pickled) has the same keys in
    another order and leaves out an empty `legend.title`, which draws the same."""

    def pruned(value):
        if isinstance(value, dict):
            return {key: pruned(item) for key, item in value.items() if item != {}}
        return [pruned(item) for item in value] if isinstance(value, list) else value

    return pruned(json.loads(chart.figure.to_json()))
