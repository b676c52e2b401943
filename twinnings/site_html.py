"""The static site's page shell: what every page carries so that it is findable, shareable and readable.

`<meta charset>` first, the language, its own title and description, a canonical link, hreflang links to
the other language, Open Graph and Twitter-card tags with a preview image, navigation like the app's, and
a footer with credits. Every link is relative to the page's own folder, so the site works from a host's
root or from any folder. All text given here is escaped; `body` must already be safe HTML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from twinnings import __version__, routes
from twinnings.i18n import LANGS, Lang, t

SITE_NAME = "Stedenbanden NL–CN"
NAV = (
    ("home", "page_map"),
    ("timeline", "page_timeline"),
    ("events", "page_events"),
    ("provinces", "site_provinces"),
    ("places", "site_places"),
    ("data", "page_data"),
)


@dataclass(frozen=True)
class Page:
    """One page of the site: its folder, language and what it says about itself."""

    folder: str  # e.g. 'nl/plaats/gm0758-breda'; the page is folder/index.html
    lang: Lang
    title: str
    description: str
    image: str  # the preview image, a path under the site's root
    section: str = ""  # which navigation entry is current
    app_link: str = ""  # the same view in the app, when TWINNINGS_PUBLIC_URL is set
    file: str = "index.html"  # the file in `folder` (a chart page has its own)

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.file}"

    def address(self, lang: Lang | None = None) -> str:
        """The page's own address under the site's root (a folder ends in '/'), in `lang`'s version."""
        folder = self.other_folder(lang or self.lang)
        return f"{folder}/" if self.file == "index.html" else f"{folder}/{self.file}"

    def href(self, to: str, is_file: bool = False) -> str:
        return routes.site_href(self.folder, to, is_file)

    def other_folder(self, lang: Lang) -> str:
        return lang + self.folder[len(self.lang) :]


def absolute(base: str, path: str) -> str:
    """The address of a site path under the published base (TWINNINGS_STATIC_BASE_URL)."""
    return f"{base.rstrip('/')}/{path}"


def render(page: Page, body: str, base: str = "", head: str = "") -> str:
    """The whole document of `page` around `body`."""
    e = html.escape
    lang = page.lang
    full_title = page.title if page.title == SITE_NAME else f"{page.title} · {t('app_title', lang)}"

    def url(path: str) -> str:  # absolute under the published base, else relative to this page
        return absolute(base, path) if base else page.href(path.rstrip("/"), not path.endswith("/"))

    canonical = url(page.address())
    image = url(page.image)
    alternates = "".join(
        f'<link rel="alternate" hreflang="{other}" href="{e(url(page.address(other)))}">\n' for other in LANGS
    )
    nav = "".join(
        f'<li><a href="{page.href(routes.site_dir(lang, section))}"'
        + (' aria-current="page"' if section == page.section else "")
        + f">{e(t(key, lang))}</a></li>"
        for section, key in NAV
    )
    other = next(candidate for candidate in LANGS if candidate != lang)
    switch = (
        f'<a href="{page.href(page.address(other).rstrip("/"), page.file != "index.html")}" '
        f'hreflang="{other}" lang="{other}">'
        f"{'English' if other == 'en' else 'Nederlands'}</a>"
    )
    app = f' · <a href="{e(page.app_link)}">{e(t("site_in_app", lang))}</a>' if page.app_link else ""
    return (
        "<!doctype html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(full_title)}</title>\n"
        f'<meta name="description" content="{e(page.description)}">\n'
        f'<link rel="canonical" href="{e(canonical)}">\n{alternates}'
        f'<meta property="og:type" content="website">\n<meta property="og:site_name" content="{e(SITE_NAME)}">\n'
        f'<meta property="og:title" content="{e(page.title)}">\n'
        f'<meta property="og:description" content="{e(page.description)}">\n'
        f'<meta property="og:url" content="{e(canonical)}">\n<meta property="og:image" content="{e(image)}">\n'
        '<meta property="og:image:width" content="1200">\n<meta property="og:image:height" content="630">\n'
        f'<meta property="og:locale" content="{"nl_NL" if lang == "nl" else "en_GB"}">\n'
        '<meta name="twitter:card" content="summary_large_image">\n'
        f'<meta name="twitter:title" content="{e(page.title)}">\n'
        f'<meta name="twitter:description" content="{e(page.description)}">\n'
        f'<meta name="twitter:image" content="{e(image)}">\n'
        f'<link rel="stylesheet" href="{page.href("assets/site.css", True)}">\n{head}</head>\n<body>\n'
        f'<a class="skip" href="#main">{e(t("site_skip", lang))}</a>\n'
        f'<header><div class="bar"><a class="brand" href="{page.href(routes.site_dir(lang, "home"))}">'
        f"{e(t('app_title', lang))}</a>"
        f'<nav aria-label="{e(t("site_nav", lang))}"><ul>{nav}</ul></nav>{switch}</div></header>\n'
        f'<main id="main">\n{body}\n</main>\n'
        f"<footer>{e(t('site_footer', lang, version=__version__))}{app}</footer>\n</body>\n</html>\n"
    )
