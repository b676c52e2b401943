"""The app and the static site show each page kind from one model: the same blocks in the same order.

Compared as models, not screenshots: the app's blocks are read from the keys of their containers
(`tw-block-<n>-<kind>`, AppTest), the site's from the `data-block` of each block in the rendered page,
and both against the kinds of the page model itself.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.test_app import shared_page
from twinnings import boundaries, page_models, profiles, routes, site_render
from twinnings.blocks import BLOCK_KINDS
from twinnings.filters import EventFilter, Filter
from twinnings.routes import Link
from twinnings.ui import render

TEMPLATES = Path(site_render.__file__).parent / "templates" / "site"

# Each page kind, as the app opens it (its script and address) and as the page model names it.
KINDS = {
    "home": ("pages/map_page.py", {}, Link(lang="en")),
    "place": ("pages/profile.py", {"place": "GM0855"}, Link(page="profile", place="GM0855", lang="en")),
    "provinces": ("pages/profile.py", {"sort": "ended"}, Link(page="profile", sort="ended", lang="en")),
    "timeline": (
        "pages/timeline.py",
        {"province": "PV30"},
        Link(page="timeline", lang="en", filter=Filter(provinces=("PV30",))),
    ),
    "events": (
        "pages/events.py",
        {"actor": "cpaffc", "context": "0"},
        Link(page="events", events=EventFilter(actors=("cpaffc",)), context=False, lang="en"),
    ),
    "data": ("pages/data_sources.py", {}, Link(page="data", lang="en")),
}
APP_KEY = re.compile(r"tw-block-(\d+)-([a-z]+)$")


@pytest.fixture(scope="module")
def places(dataset):
    geo = boundaries.EMBEDDED_DIR
    return profiles.directory(
        dataset, boundaries.read_boundaries(geo, "municipalities"), boundaries.read_boundaries(geo, "provinces"), "en"
    )


def model_of(kind: str, link: Link, dataset, places):
    if kind == "home":
        return page_models.home(link, dataset, places)
    if kind == "place":
        return page_models.place(link, dataset, places)
    if kind == "data":
        return page_models.data_page(link, dataset, places, "readme", "changelog")
    return getattr(page_models, kind)(link, dataset, places)


def app_kinds(at) -> list[str]:
    found = []

    def walk(node) -> None:
        key = getattr(getattr(node, "proto", None), "id", "") or ""
        match = APP_KEY.search(key)
        if match:
            found.append((int(match.group(1)), match.group(2)))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    return [kind for _number, kind in sorted(found)]


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.kinds: list[str] = []

    def handle_starttag(self, tag, attrs):
        kind = dict(attrs).get("data-block")
        if kind:
            self.kinds.append(kind)


def site_kinds(model, dataset, places) -> list[str]:
    slugs = {place.id: routes.place_slug(place.id, place.name_nl) for place in places.itertuples()}
    context = site_render.SiteContext("", slugs, drawn=frozenset(routes.CHART_VIEWS))
    page = site_render.SitePage(context, "en/x", "en", model.title, model.lead, "en/preview.png")
    parser = _Blocks()
    parser.feed(site_render.render_page(model, page))
    return parser.kinds


def test_each_face_has_one_renderer_per_block_kind():
    assert set(render.RENDERERS) == set(BLOCK_KINDS)
    macros = set(re.findall(r'block\.kind == "([a-z]+)"', (TEMPLATES / "blocks.html").read_text(encoding="utf-8")))
    assert macros == set(BLOCK_KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_the_app_and_the_site_show_the_same_blocks_in_the_same_order(kind, dataset, places):
    script, params, link = KINDS[kind]
    model = model_of(kind, link, dataset, places)
    assert model.page_kind == kind
    at = shared_page(script, "en", params=params)
    assert app_kinds(at) == list(model.kinds)
    assert site_kinds(model, dataset, places) == list(model.kinds)
