"""Embed snippets and download names: exactly the view on screen, safe to paste into an article."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from twinnings import embeds
from twinnings.filters import Filter


def test_snippet_embeds_exactly_this_selection_with_a_title_and_a_link_back():
    f = Filter(provinces=("PV30",), statuses=("ended",))
    code = embeds.snippet("https://app.example", "lifetimes", f, "en", "Lifetime of each tie", "tijdlijn")
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
    code = embeds.snippet("https://app.example", "lifetimes", Filter(), "nl", "Tilburg", "profiel", {"place": "GM0855"})
    src = code.split('src="')[1].split('"')[0].replace("&amp;", "&")
    assert parse_qs(urlparse(src).query) == {"embed": ["true"], "show": ["lifetimes"], "place": ["GM0855"]}
    assert 'href="https://app.example/profiel?place=GM0855"' in code


def test_snippet_escapes_a_hostile_title():
    code = embeds.snippet("https://app.example", "map", Filter(query='"><script>'), "nl", '"><img src=x>', "")
    assert "<script>" not in code and "<img" not in code


def test_download_names_carry_the_selection():
    assert embeds.export_name("stedenbanden-begun-ended", Filter()) == "stedenbanden-begun-ended"
    named = embeds.export_name(
        "stedenbanden-begun-ended", Filter(provinces=("PV30",), statuses=("ended",), year_from=2000)
    )
    assert named.startswith("stedenbanden-begun-ended-pv30-ended-2000-")


def test_every_embeddable_chart_has_a_page_for_its_full_view():
    assert set(embeds.PAGE_OF) == set(embeds.SHOWABLE)
    assert embeds.show_name("stedenbanden-lifetimes") == "lifetimes"


def test_static_snippet_points_at_the_exported_embed_page():
    code = embeds.static_snippet("https://static.example/site/", "lifetimes", "en", "Lifetimes")
    assert 'src="https://static.example/site/en/embed-lifetimes.html"' in code
    assert 'src="https://static.example/site/nl/embed-map-nl.html"' in embeds.static_snippet(
        "https://static.example/site", "map", "nl", "Kaart"
    )
