"""Every view's browser-tab title, over every address: its own name first, then the site's; a profile
names its place, an embed its chart or map; every interface string in both languages. The browser tests check
one page of each kind in the browser."""

from __future__ import annotations

from hypothesis import given, settings

from tests.test_routes import links
from twinnings import i18n, routes
from twinnings.routes import Link
from twinnings.ui.chrome import page_title

PLACE_NAME = "Tilburg"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(links)
def test_every_view_is_titled_by_its_own_name_then_the_site(link: Link):
    link = link.canonical()
    title = page_title(link, link.lang, PLACE_NAME if link.place else "")
    name, site = title.rsplit(" · ", 1)
    assert site == i18n.t("app_title", link.lang)
    if link.show == "map":
        assert name == f"{i18n.t('page_map', link.lang)}: {i18n.t(f'view_{link.filter.view}', link.lang)}"
    elif link.show:
        assert name.startswith(i18n.t(routes.EMBEDDABLE[link.show].title_key, link.lang))
        assert name.endswith(f": {PLACE_NAME}") == bool(link.place)
    elif link.page == "profile" and link.place:
        assert name == PLACE_NAME
    else:
        assert name == i18n.t(routes.PAGE[link.page].title_key, link.lang)


def test_every_page_and_view_has_a_title_of_its_own_in_each_language():
    for lang in i18n.LANGS:
        names = [page_title(Link(page=page.name, lang=lang), lang) for page in routes.PAGES]
        names += [
            page_title(Link(show=view.show, lang=lang), lang) for view in routes.EMBEDDABLES if view.show != "map"
        ]
        assert len(set(names)) == len(names), names


def test_every_interface_string_exists_in_both_languages():
    from twinnings.i18n import LANGS, STRINGS

    assert [key for key, texts in STRINGS.items() if set(texts) != set(LANGS) or not all(texts.values())] == []
