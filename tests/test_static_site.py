"""export-site on the shipped data: every chart and map in both languages, loaded only from the site."""

from __future__ import annotations

import html
import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from twinnings import routes


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_chart_and_map_has_a_page_an_embed_and_images(site, lang):
    folder = site / lang
    for stem in routes.CHART_VIEWS:
        for name in (f"{stem}.html", f"embed-{stem}.html", f"{stem}.csv", f"{stem}.svg", f"{stem}.png"):
            assert (folder / name).is_file(), name
        png = (folder / f"{stem}.png").read_bytes()
        assert struct.unpack(">II", png[16:24])[0] == 2400
        assert "Stedenbanden NL–CN" in (folder / f"{stem}.svg").read_text(encoding="utf-8")
    for view in ("nl", "cn"):
        assert (folder / f"map-{view}.html").is_file() and (folder / f"embed-map-{view}.html").is_file()
    assert f'<html lang="{lang}">' in (folder / "index.html").read_text(encoding="utf-8")


def test_pages_load_scripts_and_styles_only_from_the_site(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', text)
        outside = [a for a in assets if a.startswith(("http:", "https:", "//"))]
        assert outside == [], (page, outside)


def test_the_site_carries_the_data_package(site):
    for name in ("ties.csv", "twinnings.geojson", "stedenbanden-nl-cn.zip"):
        assert (site / "data" / name).stat().st_size > 0


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


def test_every_internal_link_of_every_page_resolves_and_stays_relative(site):
    broken, rooted = [], []
    pages = [p for p in site.rglob("*.html") if "vendor" not in p.parts]
    for page in pages:
        for address in read(page).addresses:
            if not internal(address) or not urlsplit(address).path:
                continue
            if address.startswith("/"):
                rooted.append(f"{page.relative_to(site)}: {address}")
            elif not target_of(page, address).is_file():
                broken.append(f"{page.relative_to(site)}: {address}")
    assert rooted == [] and broken == [], (rooted[:5], broken[:5])
    assert len(pages) > 800  # every place in both languages


def test_every_page_is_findable_and_shareable(site):
    for page in (p for p in site.rglob("index.html") if p.parent != site):
        head = read(page)
        name = page.relative_to(site)
        assert head.first_tag_in_head == "charset", name
        assert head.title.strip() and head.meta.get("description"), name
        assert {"canonical:", "alternate:nl", "alternate:en"} <= set(head.links), name
        for key in ("og:title", "og:description", "og:url", "og:image", "twitter:card"):
            assert head.meta.get(key), (name, key)
        image = target_of(page, head.meta["og:image"])
        assert image.is_file(), (name, head.meta["og:image"])
        lang = name.parts[0]
        assert f'<html lang="{lang}">' in page.read_text(encoding="utf-8"), name


def test_a_place_has_the_same_slug_in_both_languages_and_says_what_it_has(site):
    tilburg = (site / "nl" / "plaats" / "gm0855-tilburg" / "index.html").read_text(encoding="utf-8")
    assert "Tilburg had 2 bekende banden met China" in tilburg
    assert (site / "en" / "plaats" / "gm0855-tilburg" / "index.html").is_file()
    texel = (site / "nl" / "plaats" / "gm0448-texel" / "index.html").read_text(encoding="utf-8")
    assert "Voor Texel is geen band met een Chinese stad of provincie bekend." in texel
    assert "plaats/gm0855-tilburg/" in (site / "nl" / "plaatsen" / "index.html").read_text(encoding="utf-8")


def test_preview_images_are_1200_by_630(site):
    for image in (site / "nl" / "preview.png", site / "en" / "plaats" / "gm0855-tilburg" / "preview.png"):
        assert struct.unpack(">II", image.read_bytes()[16:24]) == (1200, 630)


def test_the_search_index_knows_every_place_by_its_names(site, dataset):
    index = json.loads((site / "assets" / "search-en.json").read_text(encoding="utf-8"))
    by_url = {entry["u"]: entry for entry in index}
    assert (
        "Den Haag" in by_url["plaats/gm0518-den-haag/"]["k"] and "The Hague" in by_url["plaats/gm0518-den-haag/"]["k"]
    )
    xian = next(entry for entry in index if entry["u"].startswith("plaats/610100-"))
    assert "西安市" in xian["k"] or "西安" in "".join(xian["k"])
    assert len(index) == len(list((site / "en" / "plaats").iterdir()))


def test_sitemap_lists_every_page_and_robots_allows_crawling(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>") == len([p for p in site.rglob("index.html") if p.parent != site])
    assert "Allow: /" in (site / "robots.txt").read_text(encoding="utf-8")


def test_the_cpaffc_page_lists_every_event_it_acted_in(site, dataset):
    acted = dataset.events[dataset.events["actors"].str.split().map(lambda codes: "cpaffc" in codes)]
    page = (site / "en" / "gebeurtenissen" / "cpaffc" / "index.html").read_text(encoding="utf-8")
    assert f"{len(acted)} events in the data name it" in page
    for title in acted["title_en"]:
        assert html.escape(title) in page


def test_hostile_record_text_bakes_into_no_element_link_or_address(tmp_path):
    from tests.hostile_data import EVIL_HOST, INJECTED_ID, write_hostile_copy
    from twinnings.static_site import export_site

    data = write_hostile_copy(tmp_path / "data")
    out = tmp_path / "site"
    export_site(out, data, images=False)
    found = []
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if f'id="{INJECTED_ID}"' in text or f"id={INJECTED_ID}>" in text:
            found.append(f"{page.name}: injected element")
        for address in read(page).addresses:
            if EVIL_HOST in address or address.strip().lower().startswith("javascript:"):
                found.append(f"{page.relative_to(out)}: {address[:60]}")
        if re.search(r"<(img|a)\\s[^>]*" + re.escape(EVIL_HOST), text):
            found.append(f"{page.relative_to(out)}: element made from record text")
    assert found == []
