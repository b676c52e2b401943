"""The static site's face of a page model: autoescaped Jinja2 templates in `templates/site/`.

`base.html` holds the one document head (charset, language, canonical, hreflang, Open Graph) and the site's
navigation; `page.html` and `embed.html` lay out a model's blocks with one macro per block kind
(`blocks.html`). This module only answers what the templates ask of a page: addresses relative to its
folder, a table's rows and link cells, a chart's figure and kit. Record text reaches the page only as
template variables, which Jinja escapes; no document is put together or edited as a string.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

import pandas as pd
import plotly.io as pio
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from twinnings import (
    __version__,
    charts,
    corrections,
    embeds,
    filters,
    image_formats,
    routes,
    safe_text,
    search,
    through_time,
)
from twinnings.blocks import ChartBlock, ImageBlock, MapBlock, PageModel, Table
from twinnings.i18n import LANGS, Lang, language_runs, t
from twinnings.maps import MapParts
from twinnings.routes import Link

SITE_NAME = "Stedenbanden NL–CN"
NAV = (
    ("home", "page_map"),
    ("timeline", "page_timeline"),
    ("events", "page_events"),
    ("provinces", "site_provinces"),
    ("places", "site_places"),
    ("data", "page_data"),
)


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("twinnings", "templates"),
        autoescape=select_autoescape(["html", "xml", "txt"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["language_runs"] = language_runs
    return env


def absolute(base: str, path: str) -> str:
    """The address of a site path under the published base (TWINNINGS_STATIC_BASE_URL)."""
    return f"{base.rstrip('/')}/{path}"


@dataclass(frozen=True)
class ChartSpec:
    """A chart's figure in both layouts as inert JSON, and the height of each (its box keeps it before drawing)."""

    json: Markup
    full_height: int
    compact_height: int


@dataclass(frozen=True)
class SiteContext:
    """What every page of one export shares: the published base, the place slugs, where the app and
    the corrections live, and which charts the site draws as image files."""

    base: str
    slugs: dict[str, str]
    app_url: str = ""
    corrections_url: str | None = None
    drawn: frozenset[str] = frozenset()  # chart views with PNG and SVG files under the language's folder
    pictured: frozenset[str] = frozenset()  # chart views whose pictures pages show first (picture_paths)
    figures: dict[str, ChartSpec] = field(default_factory=dict, compare=False)  # a chart's JSON, once per export


# A chart's pictures: SVG drawn at build time (static_site.picture_jobs) in the layouts its box takes, shown
# until the reader reaches for the chart. The wide one is the SVG download at publication size (a box of up to
# 1208 px on the widest page); the compact one is as wide as a phone's box (a 384 px screen), so its text is
# shown at its own size on most phones and a little smaller on the narrowest; it is never enlarged.
COMPACT_PICTURE_WIDTH = 360


def picture_paths(lang: Lang, show: str) -> tuple[str, str]:
    """Where a chart view's wide and compact pictures are, under the site's root."""
    home = routes.site_dir(lang, "home")
    return f"{home}/{show}.svg", f"{home}/{show}-compact.svg"


def site_folder(link: Link, slugs: dict[str, str]) -> str:
    """The static site's folder of a page link: a place's page, a section, the CPAFFC's events."""
    lang = link.lang
    if link.page == "profile":
        return routes.site_dir(lang, "places", slugs[link.place]) if link.place else routes.site_dir(lang, "provinces")
    if link.page == "events" and link.events == filters.EventFilter(actors=("cpaffc",)):
        return routes.site_dir(lang, "cpaffc")
    section = {"map": "home", "timeline": "timeline", "events": "events", "data": "data"}[link.page]
    return routes.site_dir(lang, section)


@dataclass(frozen=True)
class SitePage:
    """One page of the site as its templates see it."""

    site: SiteContext
    folder: str  # e.g. 'nl/plaats/gm0758-breda'; the page is folder/file
    lang: Lang
    title: str
    description: str
    image: str  # the preview image, a path under the site's root
    section: str = ""  # which navigation entry is current
    app_link: str = ""  # the same view in the app, when TWINNINGS_PUBLIC_URL is set
    file: str = "index.html"
    scripts: tuple[str, ...] = ()
    map: MapParts | None = None  # the home map, drawn in the page: its head, its element, its script
    nav_items: tuple = field(default=NAV, repr=False)

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.file}"

    def t(self, key: str, **values: str) -> str:
        return t(key, self.lang, **values)

    def href(self, to: str, is_file: bool = False) -> str:
        return routes.site_href(self.folder, to, is_file)

    def address(self, lang: Lang | None = None) -> str:
        """The page's own address under the site's root (a folder ends in '/'), in `lang`'s version."""
        folder = (lang or self.lang) + self.folder[len(self.lang) :]
        return f"{folder}/" if self.file == "index.html" else f"{folder}/{self.file}"

    def url(self, path: str) -> str:
        """Absolute under the published base, else relative to this page."""
        return absolute(self.site.base, path) if self.site.base else self.href(path.rstrip("/"), not path.endswith("/"))

    @property
    def full_title(self) -> str:
        app = t("app_title", self.lang)
        return self.title if self.title in (SITE_NAME, app) else f"{self.title} · {app}"

    @property
    def canonical(self) -> str:
        return self.url(self.address())

    @property
    def alternates(self) -> list[tuple[str, str]]:
        return [(lang, self.url(self.address(lang))) for lang in LANGS]

    @property
    def image_url(self) -> str:
        return self.url(self.image)

    @property
    def home(self) -> str:
        return routes.site_dir(self.lang, "home")

    @property
    def nav(self) -> list[tuple[str, str, str]]:
        return [(section, routes.site_dir(self.lang, section), self.t(key)) for section, key in self.nav_items]

    @property
    def other_lang(self) -> str:
        return next(lang for lang in LANGS if lang != self.lang)

    @property
    def other_lang_name(self) -> str:
        return "English" if self.other_lang == "en" else "Nederlands"

    @property
    def other_lang_href(self) -> str:
        return self.href(self.address(self.other_lang).rstrip("/"), self.file != "index.html")  # type: ignore[arg-type]

    @property
    def search_index(self) -> str:
        return f"assets/search-{self.lang}.json"

    @property
    def places_index(self) -> str:
        return routes.site_dir(self.lang, "places")

    @property
    def search_max(self) -> int:
        return search.MAX_QUERY_LENGTH

    def link(self, target: Link) -> str:
        """A link to another view: its page on the site."""
        if target.show:
            return self.href(f"{target.lang}/{target.show}.html", True)
        return self.href(site_folder(target, self.site.slugs))

    def correction(self, kind: str, record_id: str) -> str:
        """'Report a correction': to the configured target, else to the policy on the data page."""
        if self.site.corrections_url:
            return corrections.report_url(self.site.corrections_url, kind, record_id, self.lang)
        return self.href(routes.site_dir(self.lang, "data")) + f"#{corrections.POLICY_ANCHOR}"

    def table(self, block: Table) -> dict:
        """The rows of a table block, each with its link cells (profile, correction), and its CSV."""
        columns = list(block.frame.columns)
        extra: list[Callable[[int], tuple[str, str]]] = []
        if block.profiles:
            columns.append(self.t("col_profile"))
            extra.append(
                lambda i: (
                    self.t("col_profile"),
                    self.link(Link(page="profile", place=block.profiles[i], lang=self.lang)),
                )
            )
        if block.sources:
            columns.append(self.t("col_source"))
            extra.append(lambda i: (source_host(block.sources[i]), block.sources[i]))
        if block.records:
            columns.append(self.t("col_correction"))
            extra.append(lambda i: (self.t("report_correction"), self.correction(block.records, block.ids[i])))
        rows = [
            ([safe_text.plain(value) for value in row], [cell(i) for cell in extra])
            for i, row in enumerate(block.frame.itertuples(index=False, name=None))
        ]
        return {"columns": columns, "rows": rows, "csv": f"{block.csv_name}.csv"}

    def chart(self, block: ChartBlock) -> dict:
        """A chart's figure (full and compact, as inert JSON) and what a reporter gets beside it."""
        kit = block.kit
        spec_id = f"chart-{kit.download_name}"
        key = f"{kit.embed.lang}/{spec_id}"  # one view, one figure: its page, its embed and any other page
        if key not in self.site.figures:
            self.site.figures[key] = chart_spec(kit)
        show = kit.embed.show
        drawn = show in self.site.drawn and routes.static_path(kit.embed) is not None
        home = routes.site_dir(self.lang, "home")
        embed_path = self.embed_path(block)
        src = absolute(self.site.base, embed_path) if self.site.base else f"/{embed_path}"
        opens_map = show in routes.YEAR_VIEWS and not kit.embed.place
        first = through_time.FIRST_YEAR  # the map document's address in a year, the year left open
        map_in_year = routes.static_path(Link(show="map", lang=self.lang, year=first)).replace(str(first), "{year}")
        heights = (self.site.figures[key].full_height, self.site.figures[key].compact_height)
        pictured = show in self.site.pictured and routes.static_path(kit.embed) is not None
        widths = (charts.EXPORT_WIDTH, COMPACT_PICTURE_WIDTH)
        pictures = zip(("full", "compact"), picture_paths(self.lang, show), widths, heights)
        return {
            "pictures": [(name, self.href(path, True), w, h) for name, path, w, h in pictures] if pictured else [],
            "year_map": self.href(map_in_year, True) if opens_map else "",
            "spec_id": spec_id,
            "spec": self.site.figures[key].json,
            "height": kit.height,
            "box_heights": heights,
            "width": charts.EXPORT_WIDTH,
            "scale": {image.name: image.scale for image in image_formats.IMAGE_FORMATS},
            "alt": kit.alt,
            "summary": kit.chart.summary,
            "title": kit.chart.title,
            "name": kit.download_name,
            "images": [(fmt.upper(), self.href(f"{home}/{show}.{fmt}", True)) for fmt in image_formats.NAMES]
            if drawn
            else [],
            "drawn_here": [] if drawn else list(image_formats.NAMES),
            "csv": f"{kit.download_name}.csv",
            "embed_href": self.href(embed_path, True),
            "snippet": embeds.frame_snippet(src, kit.chart.title, embeds.frame_height(kit.embed, kit.height)),
            "table": {
                "columns": list(kit.chart.data.columns),
                "rows": [
                    [safe_text.plain(v) for v in row] for row in kit.chart.data.itertuples(index=False, name=None)
                ],
            },
        }

    def picture(self, block: ImageBlock) -> dict:
        """A publication image: its files under the language's folder (the first shown), and its embed code,
        which points at the file and links back to this page."""
        paths = [f"{self.home}/{block.name}.{fmt}" for fmt in block.formats]
        page_path = self.address()
        if self.site.base:
            src, back = absolute(self.site.base, paths[0]), absolute(self.site.base, page_path)
        else:
            src, back = f"/{paths[0]}", f"/{page_path}"
        return {
            "src": self.href(paths[0], True),
            "files": [(fmt.upper(), self.href(path, True)) for fmt, path in zip(block.formats, paths)],
            "snippet": embeds.image_snippet(src, block.alt, block.width, block.height, back, self.lang),
        }

    def embed_path(self, block: ChartBlock) -> str:
        """Where the chart's embed page lives: the shared one of a view of all the data, else beside the page."""
        shared = routes.static_path(block.kit.embed)
        return shared if shared else f"{self.folder}/embed-{block.kit.embed.show}.html"

    def map_frame(self, block: MapBlock) -> dict:
        """Where a map is drawn: a place's in a frame of the language's place map document with the place after
        '#' (it draws the data file beside the place's page); the home map in the page itself (`map`), with the
        links around it."""
        if block.place:
            src = self.href(f"{self.home}/{routes.SITE_PLACE_MAP}", True) + "#" + self.site.slugs[block.place]
            return {"src": src, "table_anchor": ""}
        view = block.link.filter.view
        other = "cn" if view == "nl" else "nl"
        return {
            "table_anchor": "kaart-als-tabel",
            "other_view": self.href(f"{self.home}/map-{other}.html", True),
            "other_view_text": self.t("site_cn_view") if other == "cn" else self.t("view_nl"),
            # the app offers the animation and small multiples beside its map; the site on their own page
            "through_time": self.href(f"{self.home}/{routes.SITE_THROUGH_TIME}", True),
        }


def chart_spec(kit) -> ChartSpec:
    """A chart's figure in its full and compact layout and its config, as JSON that stays inert inside a
    script element, with the height each layout is drawn at (charts.js)."""
    figures = {}
    for name, chart in (("full", kit.chart), ("compact", charts.compact(kit.chart))):
        figure = chart.figure.to_plotly_json()  # a plain dict: no second validated copy of the figure
        layout = {key: value for key, value in figure["layout"].items() if key != "width"}
        figures[name] = json.loads(pio.to_json({**figure, "layout": {**layout, "autosize": True}}, validate=False))
    # the style template (7 KB) is the same in both layouts: sent once, charts.js puts it back in each
    template = figures["full"]["layout"].pop("template", None)
    figures["compact"]["layout"].pop("template", None)
    config = {**charts.export_config(kit.download_name, lang=kit.embed.lang), "responsive": True}
    spec = Markup(safe_text.script_json({**figures, "template": template, "config": config}))  # noqa: S704 - escaped for <script>
    full, compact = (figures[name]["layout"].get("height") or charts.EXPORT_HEIGHT for name in ("full", "compact"))
    return ChartSpec(spec, int(full), int(compact))


def source_host(url: str) -> str:
    """What a source link says: its site ('nrc.nl'), as the app's source column shows it."""
    return urlsplit(url).netloc.removeprefix("www.") if url else ""


def plain_table(frame: pd.DataFrame, caption: str) -> str:
    """A frame as a plain HTML table of text (the app's map table; the site's tables use the same macro)."""
    rows = [[safe_text.plain(value) for value in row] for row in frame.itertuples(index=False, name=None)]
    return environment().get_template("table.html").render(columns=list(frame.columns), rows=rows, caption=caption)


def render_page(model: PageModel, page: SitePage) -> str:
    return environment().get_template("site/page.html").render(model=model, page=page, **globals_for(page))


def render_embed(model: PageModel, page: SitePage) -> str:
    return environment().get_template("site/embed.html").render(model=model, page=page, **globals_for(page))


def globals_for(page: SitePage) -> dict:
    def translate(key: str, **values: str) -> str:
        return t(key, page.lang, **values)

    return {"t": translate, "site_name": SITE_NAME, "version": __version__}


def render_root(base: str) -> str:
    canonical = absolute(base, "") if base else "./"
    image = absolute(base, "nl/preview.png") if base else "nl/preview.png"
    template = environment().get_template("site/root.html")
    return template.render(site_name=SITE_NAME, tagline=t("app_tagline", "nl"), canonical=canonical, image=image)


def render_sitemap(urls: list[str]) -> str:
    return environment().get_template("site/sitemap.xml").render(urls=urls)


def render_robots(sitemap: str) -> str:
    return environment().get_template("site/robots.txt").render(sitemap=sitemap)


def render_headers(patterns: list[str], cache_control: str) -> str:
    """A `_headers` file (Cloudflare Pages, Netlify): `cache_control` for every path pattern."""
    return environment().get_template("site/headers.txt").render(patterns=patterns, cache_control=cache_control)
