"""Embed snippets and download names: exactly the view on screen, safe to paste into an article."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from twinnings import embeds, routes
from twinnings.filters import Filter
from twinnings.routes import Link


def test_snippet_embeds_exactly_this_selection_with_a_title_and_a_link_back():
    f = Filter(provinces=("PV30",), statuses=("ended",))
    code = embeds.snippet("https://app.example", Link(filter=f, lang="en", show="lifetimes"), "Lifetime of each tie")
    src = code.split('src="')[1].split('"')[0].replace("&amp;", "&")
    query = parse_qs(urlparse(src).query)
    assert query == {
        "province": ["PV30"],
        "status": ["ended"],
        "lang": ["en"],
        "embed": ["true"],
        "show": ["lifetimes"],
    }
    assert 'title="Lifetime of each tie"' in code and 'width="100%"' in code
    assert 'href="https://app.example/tijdlijn?province=PV30&amp;status=ended&amp;lang=en"' in code


def test_a_profile_chart_snippet_names_the_place_and_links_back_to_the_profile():
    code = embeds.snippet("https://app.example", Link(show="lifetimes", place="GM0855"), "Tilburg")
    src = code.split('src="')[1].split('"')[0].replace("&amp;", "&")
    assert parse_qs(urlparse(src).query) == {"embed": ["true"], "show": ["lifetimes"], "place": ["GM0855"]}
    assert 'href="https://app.example/profiel?place=GM0855"' in code


def test_snippet_escapes_a_hostile_title():
    code = embeds.snippet("https://app.example", Link(filter=Filter(query='"><script>'), show="map"), '"><img src=x>')
    assert "<script>" not in code and "<img" not in code


def test_download_names_carry_the_selection():
    assert routes.export_name("stedenbanden-begun-ended", Link()) == "stedenbanden-begun-ended"
    named = routes.export_name(
        "stedenbanden-begun-ended", Link(filter=Filter(provinces=("PV30",), statuses=("ended",), year_from=2000))
    )
    assert named.startswith("stedenbanden-begun-ended-pv30-ended-2000-")


def test_static_snippet_points_at_the_exported_embed_page():
    code = embeds.static_snippet("https://static.example/site/", Link(show="lifetimes", lang="en"), "Lifetimes")
    assert 'src="https://static.example/site/en/embed-lifetimes.html"' in code
    assert 'src="https://static.example/site/nl/embed-map-nl.html"' in embeds.static_snippet(
        "https://static.example/site", Link(show="map"), "Kaart"
    )
