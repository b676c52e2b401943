"""`python -m twinnings export-site OUT/`: the whole read-only product as a static site, in Dutch and English.

The public face of the product: plain files any static host or CDN serves, so a news spike costs
nothing, search engines and link previews see real pages, and embeds load fast. Every page comes from
the same builders and assembly as the app (`presentation`, `charts`, `maps`, `profiles`, `tables`), its
address from `routes`; each page is its page model (`page_models`) rendered through the templates of
`site_render`. Everything it loads comes from the site itself, by
relative links, so it works from a host's root or from any folder.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from twinnings import (
    DATA_DIR,
    STATIC_DIR,
    boundaries,
    charts,
    export,
    i18n,
    image_formats,
    maps,
    page_models,
    presentation,
    profiles,
    routes,
    search,
    site_render,
    tables,
)
from twinnings.blocks import ChartBlock, Links, MapBlock, PageModel, Table
from twinnings.filters import Filter
from twinnings.i18n import Lang, t
from twinnings.load import Dataset, load
from twinnings.routes import Link
from twinnings.settings import from_env
from twinnings.site_render import absolute

PLOTLY_JS = STATIC_DIR / "vendor" / "plotly" / "plotly-basic.min.js"  # the partial bundle: scatter and bar
DATA_FILES = page_models.DATA_FILES
PREVIEW_SIZE = (1200, 630)


class Site:
    """What every page of one export shares: the data, the page context, the preview images."""

    def __init__(self, out: Path, data: Dataset, context: site_render.SiteContext) -> None:
        self.out, self.data, self.context = out, data, context
        self.base = context.base
        self.previews: list[tuple[charts.Chart, str]] = []  # charts drawn as 1200x630 previews at the end
        self.written: list[str] = []
        self.pages: list[str] = []  # the pages a reader looks for (the sitemap's): no embeds, frames or files
        self.home_maps: dict[Lang, maps.MapParts] = {}  # the home page's map of each language, drawn in the page

    def write(self, path: str, text: str) -> None:
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.written.append(path)

    def write_bytes(self, path: str, content: bytes) -> None:
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    def app(self, link: Link) -> str:
        return link.url(self.context.app_url) if self.context.app_url else ""

    def page(self, model: PageModel, folder: str, image: str, section: str = "", file: str = "index.html") -> None:
        """A page of the site from its model, with the files its blocks offer (CSV, chart embeds)."""
        charted = any(block.kind == "chart" for block in model.blocks)
        mapped = any(block.kind == "map" and not block.place for block in model.blocks)
        searched = any(block.kind == "search" for block in model.blocks)
        scripts = (*(CHART_SCRIPTS if charted else ()), *(("assets/search.js",) if searched else ()))
        page = site_render.SitePage(
            self.context,
            folder,
            model.link.lang,
            model.title,
            model.lead,
            image,
            section,
            self.app(model.link),
            file,
            scripts,
            self.home_maps[model.link.lang] if mapped else None,
        )
        self.write(page.path, site_render.render_page(model, page))
        self.pages.append(page.path)
        self.block_files(model, page)

    def block_files(self, model: PageModel, page: site_render.SitePage) -> None:
        """Each table's CSV and each chart's CSV beside the page, and the embed page of a chart the site
        holds nowhere else (a place's chart, the CPAFFC's)."""
        for block in model.blocks:
            if isinstance(block, Table):
                self.write_bytes(f"{page.folder}/{block.csv_name}.csv", tables.to_csv_bytes(block.frame))
            elif isinstance(block, ChartBlock):
                self.write_bytes(f"{page.folder}/{block.kit.download_name}.csv", block.kit.csv)
                embed_path = page.embed_path(block)
                if embed_path.startswith(page.folder + "/"):
                    self.embed(block, embed_path, page.image)

    def embed(self, block: ChartBlock, path: str, image: str) -> None:
        """A chart's embed page: the chart alone with its title, source line and a link to its full view."""
        folder, file = path.rsplit("/", 1)
        kit = block.kit
        full = Links(((t("open_full_view", kit.embed.lang), kit.embed.full_view()),))
        model = PageModel("embed", kit.embed, kit.chart.title, kit.chart.summary, (replace(block, tools=False), full))
        page = site_render.SitePage(
            self.context,
            folder,
            kit.embed.lang,
            kit.chart.title,
            kit.chart.summary,
            image,
            file=file,
            scripts=CHART_SCRIPTS,
        )
        self.write(path, site_render.render_embed(model, page))


CHART_SCRIPTS = ("assets/charts.js",)  # deferred; it loads assets/plotly.min.js when a chart comes into view


# The world's countries, one file under the site's root for every map document that shows them (a place's
# map, the home map of China): fetched once, then cached, instead of 108 KB inside each document.
WORLD_PATH = f"app/static/{boundaries.WORLD_FILE.relative_to(STATIC_DIR).as_posix()}"


def map_document(view: maps.MapView, folder: str, title: str, lang: Lang, description: str = "") -> str:
    """A folium map as a frame document of the site, its vendor files from the site itself; with a
    `description`, an embed page of its own (maps.MapView.document)."""
    return view.document(title, lang, vendor_folder(folder), description)


def vendor_folder(folder: str) -> str:
    """The site's vendored map libraries, from a page or map document in `folder`."""
    return routes.site_href(folder, "app/static/vendor").rstrip("/")


def write_maps(site: Site, lang: Lang, places: pd.DataFrame, shapes: dict) -> None:
    """Both home map views, with the year control, as documents of their own (the China view the home page
    links to; what embeds show) and as embed pages (described for search engines; `?year=2010` opens the map
    in that year), and the home page's own view drawn in the page (`Site.home_maps`). Every Dutch place on
    them links to its page on the site. And the one map document of every place's ties (`write_place_map`)."""
    folder = routes.site_dir(lang, "home")

    def in_years(link: Link) -> maps.MapView:
        provinces, municipalities, world = shapes[link.filter.view]
        drawn = (provinces, municipalities, routes.site_href(folder, world, True) if world else None)
        pages = place_pages(site, folder, lang)
        home = presentation.home_map(link, site.data.ties, site.data, places, "none", drawn, pages)
        return maps.with_years(home.view, site.data.ties, lang)

    for view in ("nl", "cn"):
        link = Link(filter=Filter(view=view), lang=lang)
        title = f"{t('app_title', lang)}: {t(f'view_{view}', lang)}"
        for stem, description in ((f"map-{view}", ""), (f"embed-map-{view}", t("app_tagline", lang))):
            site.write(f"{folder}/{stem}.html", map_document(in_years(link), folder, title, lang, description))
    site.home_maps[lang] = in_years(Link(lang=lang)).parts(vendor_folder(folder))  # the home page's link, its map
    data = routes.site_href(folder, routes.site_dir(lang, "places", "{name}"), True) + "/" + routes.SITE_PLACE_MAP_DATA
    frame = maps.cn_frame(lang, data, routes.site_href(folder, WORLD_PATH, True))
    site.write(f"{folder}/{routes.SITE_PLACE_MAP}", map_document(frame, folder, t("profile_map", lang), lang))


def write_place_map(site: Site, lang: Lang, places: pd.DataFrame, place_id: str) -> None:
    """A place's ties as the data its language's place map document draws (`maps.LayerData`): a few KB
    beside the place's page instead of a map document of its own. Its links are relative to the map
    document that shows them, not to the data file."""
    shown = profiles.build(site.data, places, place_id, lang).shown_ties
    home = routes.site_dir(lang, "home")
    layers = maps.cn_layers(shown, site.data.sources, lang, profile_url=place_pages(site, home, lang))
    maps.mark_years(layers, shown)
    folder = routes.site_dir(lang, "places", site.context.slugs[place_id])
    site.write(f"{folder}/{routes.SITE_PLACE_MAP_DATA}", maps.layer_data(layers))


def place_pages(site: Site, folder: str, lang: Lang):
    """The address of a place's page from a map document in `folder`."""

    def href(place_id: str) -> str:
        return routes.site_href(folder, routes.site_dir(lang, "places", site.context.slugs[place_id]))

    return href


def site_slugs(places: pd.DataFrame) -> dict[str, str]:
    return {place.id: routes.place_slug(place.id, place.name) for place in places.itertuples()}


def write_home(site: Site, lang: Lang, places: pd.DataFrame) -> None:
    model = page_models.home(Link(lang=lang), site.data, places)
    site.page(model, routes.site_dir(lang, "home"), home_preview(lang), "home")


def write_chart_pages(site: Site, lang: Lang, places: pd.DataFrame) -> list[presentation.ChartKit]:
    """Every embeddable chart of all the data: a page with its downloads, and its embed page."""
    folder = routes.site_dir(lang, "home")
    kits = []
    for show in routes.CHART_VIEWS:
        model = page_models.embed(Link(show=show, lang=lang), site.data, places, tools=True)
        block = next(block for block in model.blocks if isinstance(block, ChartBlock))
        image = f"{folder}/{show}-preview.png"
        site.page(model, folder, image, file=f"{show}.html")
        site.embed(block, f"{folder}/embed-{show}.html", image)
        site.write_bytes(f"{folder}/{show}.csv", block.kit.csv)
        site.previews.append((block.kit.chart, image))
        kits.append(block.kit)
    return kits


def write_place(site: Site, lang: Lang, places: pd.DataFrame, place_id: str) -> None:
    model = page_models.place(Link(page="profile", place=place_id, lang=lang), site.data, places)
    folder = routes.site_dir(lang, "places", site.context.slugs[place_id])
    chart = next((block for block in model.blocks if isinstance(block, ChartBlock)), None)
    image = f"{folder}/preview.png" if chart else home_preview(lang)
    if chart:
        site.previews.append((chart.kit.chart, image))
    if any(isinstance(block, MapBlock) for block in model.blocks):
        write_place_map(site, lang, places, place_id)
    site.page(model, folder, image)


PLACES_PER_TASK = 20
_job: tuple[Site, Lang, pd.DataFrame] | None = None  # in a process that writes place pages: what it writes for


def default_jobs() -> int:
    """The processes an export uses by default: one per core it may run on, where processes can be forked (not
    on Windows: there the pages are written in one)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def write_places(site: Site, lang: Lang, places: pd.DataFrame, chosen: list[str], jobs: int) -> None:
    """The pages of the `chosen` places, in batches over `jobs` processes. Place pages are most of a build (four
    fifths of its time), and each is made from the data alone, so they split over a machine's cores. The
    processes are forked with the site, the data and the places in hand (nothing big is pickled); what each
    batch wrote comes back to `site` in the places' order."""
    batches = [chosen[i : i + PLACES_PER_TASK] for i in range(0, len(chosen), PLACES_PER_TASK)]
    if jobs < 2 or len(batches) < 2:
        results = (write_batch(site, lang, places, batch) for batch in batches)
        collect_batches(site, lang, len(chosen), results)
        return
    with multiprocessing.get_context("fork").Pool(
        min(jobs, len(batches)), initializer=take_job, initargs=(site, lang, places)
    ) as pool:
        collect_batches(site, lang, len(chosen), pool.imap(write_forked_batch, batches))


def collect_batches(site: Site, lang: Lang, total: int, results) -> None:
    done = 0
    for written, pages, previews, count in results:
        site.written += written
        site.pages += pages
        site.previews += previews
        done += count
        if done % 100 < PLACES_PER_TASK or done == total:
            progress(f"{lang}: {done}/{total} place pages")


def take_job(site: Site, lang: Lang, places: pd.DataFrame) -> None:
    global _job
    _job = (site, lang, places)


def write_forked_batch(batch: list[str]) -> tuple[list[str], list[str], list, int]:
    assert _job is not None, "a place page process starts with take_job"
    return write_batch(*_job, batch)


def write_batch(
    site: Site, lang: Lang, places: pd.DataFrame, batch: list[str]
) -> tuple[list[str], list[str], list, int]:
    """A batch of place pages, written by a Site of its own: what it wrote, its pages, its previews."""
    own = Site(site.out, site.data, site.context)
    own.home_maps = site.home_maps
    for place_id in batch:
        write_place(own, lang, places, place_id)
    return own.written, own.pages, own.previews, len(batch)


def write_sections(site: Site, lang: Lang, places: pd.DataFrame, data_dir: Path) -> None:
    """The timeline, the events (and the CPAFFC's), the provinces, the data and the A–Z list."""
    data, preview = site.data, home_preview(lang)
    readme = export.package_document(data_dir, "README.md")
    changelog = export.package_document(data_dir, "CHANGELOG.md")
    sections = (
        ("timeline", page_models.timeline(Link(page="timeline", lang=lang), data, places)),
        ("events", page_models.events(Link(page="events", lang=lang), data, places)),
        ("cpaffc", page_models.events(Link(page="events", events=page_models.CPAFFC, lang=lang), data, places)),
        ("provinces", page_models.provinces(Link(page="profile", lang=lang), data, places)),
        ("data", page_models.data_page(Link(page="data", lang=lang), data, places, readme, changelog)),
        ("places", page_models.places_index(Link(lang=lang), places)),
    )
    for section, model in sections:
        site.page(model, routes.site_dir(lang, section), preview, section)


def write_previews(site: Site, shapes: dict, langs: Collection[Lang]) -> None:
    """1200x630 preview images: each chart and place page's chart (kaleido), and the home map per
    language with the project's own map-image code."""
    from PIL import Image

    from twinnings import map_image

    render_images(site.out, [(chart.figure, path, *PREVIEW_SIZE, 1) for chart, path in site.previews])
    for lang in langs:
        png = map_image.map_image(
            "nl",
            site.data.ties,
            shapes["nl"][0],
            shapes["nl"][1],
            t("app_title", lang),
            t("app_tagline", lang),
            "",
            lang,
        )
        image = Image.open(io.BytesIO(png)).convert("RGB")
        scale = min(PREVIEW_SIZE[0] / image.width, PREVIEW_SIZE[1] / image.height)  # whole: title to source line
        fitted = image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS)
        canvas = Image.new("RGB", PREVIEW_SIZE, "white")
        canvas.paste(fitted, ((PREVIEW_SIZE[0] - fitted.width) // 2, (PREVIEW_SIZE[1] - fitted.height) // 2))
        canvas.save(site.out / home_preview(lang))


def write_through_time_page(site: Site, lang: Lang) -> None:
    """The map through the years: its page beside the chart pages, with its images' files, text alternatives and
    embed codes (the images themselves are drawn with the others, `write_through_time_images`)."""
    model = page_models.map_through_time(Link(page="timeline", lang=lang), site.data)
    site.page(model, routes.site_dir(lang, "home"), home_preview(lang), "timeline", file=routes.SITE_THROUGH_TIME)


def through_time_paths(lang: Lang) -> list[str]:
    """Where the files of the map through the years go: beside the chart images of the language."""
    folder = routes.site_dir(lang, "home")
    return [f"{folder}/{stem}.{fmt}" for stem, formats in presentation.THROUGH_TIME_FILES.items() for fmt in formats]


def through_time_key(ties: pd.DataFrame, lang: Lang) -> str:
    """What the map through the years is drawn from: the ties, the language, the drawing code and its texts, the
    boundaries. Unchanged, a rebuild keeps the files (CACHE_FILE)."""
    from twinnings import __version__, map_image, style, through_time

    digest = hashlib.sha256(f"{lang}|{__version__}|".encode())
    digest.update(ties.to_csv(index=False).encode())
    for module in (map_image, through_time, style, i18n):
        digest.update(Path(module.__file__).read_bytes())
    for path in sorted(boundaries.EMBEDDED_DIR.iterdir()):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def write_through_time_images(site: Site, shapes: dict, langs: Collection[Lang]) -> None:
    """The animation (GIF, WebP) and the small multiples (PNG, SVG) of the map through the years in each
    language, drawn only when what they are drawn from changed since the last export into the folder."""
    cache_path = site.out / CACHE_FILE
    cache = json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.is_file() else {}
    for lang in langs:
        key = through_time_key(site.data.ties, lang)
        paths = through_time_paths(lang)
        if all(cache.get(path) == key and (site.out / path).is_file() for path in paths):
            progress(f"{lang}: the map through the years unchanged")
            continue
        started = time.perf_counter()
        files = presentation.through_time_images(site.data.ties, shapes["nl"][0], shapes["nl"][1], lang)
        for (stem, fmt), content in files.items():
            path = f"{routes.site_dir(lang, 'home')}/{stem}.{fmt}"
            site.write_bytes(path, content)
            cache[path] = key
        sizes = ", ".join(f"{stem}.{fmt} {len(content) / 1000:.0f} kB" for (stem, fmt), content in files.items())
        progress(f"{lang}: the map through the years in {time.perf_counter() - started:.1f} s ({sizes})")
    cache_path.write_text(json.dumps(cache, indent=0, sort_keys=True), encoding="utf-8")


IMAGES_LEFT_OUT = ".images-left-out.json"


def planned_images(site: Site, kits: list[presentation.ChartKit], langs: Collection[Lang]) -> list[str]:
    """Every image file a full build draws: chart PNG and SVG, each chart's compact picture (the wide one is its
    SVG), chart and place previews, the home previews."""
    charts_drawn = [chart_image(kit, ext) for kit in kits for ext, _scale in CHART_IMAGES]
    pictures = [site_render.picture_paths(kit.embed.lang, kit.embed.show)[1] for kit in kits]
    previews = [path for _chart, path in site.previews] + [home_preview(lang) for lang in langs]
    return charts_drawn + pictures + previews


CHART_IMAGES = tuple((image.name, image.scale) for image in image_formats.IMAGE_FORMATS)


def chart_image(kit: presentation.ChartKit, ext: str) -> str:
    return f"{routes.site_dir(kit.embed.lang, 'home')}/{kit.embed.show}.{ext}"


def home_preview(lang: Lang) -> str:
    return f"{routes.site_dir(lang, 'home')}/preview.png"


def write_images(
    kits: list[presentation.ChartKit], out: Path, pictured: Collection[str] = routes.CHART_VIEWS, downloads: bool = True
) -> None:
    """PNG (double resolution) and SVG of every chart at publication size (the `downloads`), and the pictures
    (`picture_jobs`) of the `pictured` views."""
    jobs = {}
    for kit in kits if downloads else ():
        for ext, scale in CHART_IMAGES:
            path = chart_image(kit, ext)
            jobs[path] = (kit.chart.figure, path, charts.EXPORT_WIDTH, kit.height, scale)
    for kit in kits:
        if kit.embed.show in pictured:
            jobs.update((job[1], job) for job in picture_jobs(kit))  # the SVG download is the wide picture
    if jobs:
        render_images(out, list(jobs.values()))


def picture_jobs(kit: presentation.ChartKit) -> list[tuple[go.Figure, str, int, int, float]]:
    """A chart's pictures, which its pages show until the reader reaches for the chart (charts.js): SVG in
    the layouts the page draws it in, at the height of each (its box's): the wide one at publication size
    (also the SVG download), the compact one at COMPACT_PICTURE_WIDTH, a phone's box."""
    wide, compact = site_render.picture_paths(kit.embed.lang, kit.embed.show)
    small = charts.compact(kit.chart).figure
    compact_height = int(small.layout.height or charts.EXPORT_HEIGHT)  # as site_render.chart_spec gives the box
    return [
        (kit.chart.figure, wide, charts.EXPORT_WIDTH, kit.height, 1),
        (small, compact, site_render.COMPACT_PICTURE_WIDTH, compact_height, 1),
    ]


CACHE_FILE = ".build-cache.json"


def render_images(out: Path, jobs: list[tuple[go.Figure, str, int, int, float]]) -> None:
    """Draw figures to files with kaleido in two browser tabs (both cores); a file whose figure and size are
    unchanged since the last export into `out` is kept, so a rebuild of unchanged data draws nothing."""
    import kaleido

    cache_path = out / CACHE_FILE
    cache = json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.is_file() else {}
    todo = []
    for figure, path, width, height, scale in jobs:
        key = hashlib.sha256(f"{figure.to_json()}|{width}x{height}@{scale}".encode()).hexdigest()
        if cache.get(path) != key or not (out / path).is_file():
            opts = {"width": width, "height": height, "scale": scale, "format": path.rsplit(".", 1)[1]}
            todo.append({"fig": figure.to_dict(), "path": str(out / path), "opts": opts})
            cache[path] = key
    progress(f"images: {len(todo)} to draw, {len(jobs) - len(todo)} unchanged")
    for job in todo:  # an old file must not pass for a new one that failed to draw
        Path(job["path"]).unlink(missing_ok=True)
    errors: tuple = ()
    for _attempt in range(2):  # kaleido returns its failures (a tab timing out on a busy machine): once more
        todo = [job for job in todo if not Path(job["path"]).is_file()]
        if todo:
            errors = kaleido.write_fig_from_object_sync(todo, kopts={"n": 2, "mathjax": False}) or ()
    missing = [job["path"] for job in todo if not Path(job["path"]).is_file()]
    if missing:
        raise RuntimeError(f"kaleido drew no {', '.join(missing)}: {'; '.join(map(str, errors)) or 'no error given'}")
    cache_path.write_text(json.dumps(cache, indent=0, sort_keys=True), encoding="utf-8")


def progress(text: str) -> None:
    print(f"export-site: {text}", file=sys.stderr, flush=True)


NO_BASE_WARNING = (
    "WARNING: TWINNINGS_STATIC_BASE_URL is not set. The sitemap (which needs absolute addresses) and the "
    "link-preview addresses (og:url, og:image) are left out, and canonical links are relative. Set it to the "
    "address the site will be published at, e.g. https://example.org/stedenbanden/, before publishing."
)


COMPRESSIBLE = (".html", ".css", ".js", ".json", ".geojson", ".svg", ".csv", ".xml", ".txt")


def precompress(out: Path) -> int:
    """A .gz beside every text file over 1 KB, for a web server that sends them as they are (nginx's
    gzip_static, deploy/nginx.conf): compressing a 1 MB script for every reader of a spike costs the
    server far more than sending it. Written with a fixed timestamp, so a rebuild of unchanged data
    writes the same bytes. Returns how many were written."""
    written = 0
    for path in sorted(out.rglob("*")):
        if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size > 1024:
            with (
                path.open("rb") as source,
                gzip.GzipFile(path.with_name(path.name + ".gz"), "wb", 9, mtime=0) as target,
            ):
                shutil.copyfileobj(source, target)
            written += 1
    return written


# What a host may let browsers keep for a day, as deploy/nginx.conf does: the site's scripts, styles and
# icon, the vendored map libraries, and the chart and preview images (they change only with a release).
# Not the search index (assets/search-*.json), the pages or the data: they change with a data release.
# No path may match two patterns: hosts that read `_headers` join the values of every rule a path matches.
CACHE_FOR_A_DAY = "public, max-age=86400"
CACHED_FOR_A_DAY = (
    "/assets/*.js",
    "/assets/*.css",
    "/assets/*.svg",
    "/app/static/*",
    *(
        f"/{routes.site_dir(lang, 'home')}/*.{image.name}"
        for lang in i18n.LANGS
        for image in image_formats.IMAGE_FORMATS
    ),
)


def write_headers(site: Site) -> None:
    """`_headers`: the cache rules for static hosts that read one (Cloudflare Pages, Netlify). Hosts that
    cannot set headers (GitHub Pages) serve it as a small text file; nginx has deploy/nginx.conf."""
    site.write("_headers", site_render.render_headers(list(CACHED_FOR_A_DAY), CACHE_FOR_A_DAY))


def write_sitemap(site: Site) -> None:
    """The sitemap and robots.txt. A sitemap's addresses must be absolute, so without the published base
    there is none (export_site says so loudly)."""
    if not site.base:
        site.write("robots.txt", site_render.render_robots(""))
        return
    pages = sorted(site.pages)
    site.write(
        "sitemap.xml", site_render.render_sitemap([absolute(site.base, p.removesuffix("index.html")) for p in pages])
    )
    site.write("robots.txt", site_render.render_robots(absolute(site.base, "sitemap.xml")))


def export_site(
    out: Path,
    data_dir: Path = DATA_DIR,
    images: bool = True,
    only: Collection[str] = (),
    langs: Collection[Lang] = i18n.LANGS,
    pictures: Collection[str] | None = None,
    jobs: int = 1,
) -> list[Path]:
    """Write the whole site into `out` (created; existing files of the same names are replaced). Without
    `images` the chart images and previews are left out, and with them the charts' pictures (pages then draw
    each chart when it comes into view); with `only` (place ids) only those places get a page, and with
    `langs` only those languages: quick checks of the pages a change touches. `pictures` (chart views) draws
    the pictures of just those charts, in a build with or without the other images (the Lighthouse bench
    and a browser test). `jobs` processes write the place pages (`write_places`; the command line uses a
    process per core)."""
    out = Path(out)
    data = load(data_dir)
    config = from_env()
    out.mkdir(parents=True, exist_ok=True)
    maps_vendor = shutil.ignore_patterns("plotly")  # the charts' bundle goes to assets/, cached across pages
    shutil.copytree(STATIC_DIR / "vendor", out / "app" / "static" / "vendor", dirs_exist_ok=True, ignore=maps_vendor)
    (out / "assets").mkdir(exist_ok=True)
    shutil.copy(PLOTLY_JS, out / "assets" / "plotly.min.js")
    for name in ("site.css", "search.js", "charts.js", "favicon.svg"):
        shutil.copy(STATIC_DIR / "site" / name, out / "assets" / name)
    (out / "data").mkdir(exist_ok=True)
    for name in DATA_FILES:
        shutil.copy(Path(data_dir) / name, out / "data" / name)
    (out / "data" / "stedenbanden-nl-cn.zip").write_bytes(export.package_zip(Path(data_dir)))
    geo = boundaries.EMBEDDED_DIR
    province_shapes = boundaries.read_boundaries(geo, "provinces")
    municipalities = boundaries.read_boundaries(geo, "municipalities")
    shapes = {"nl": (province_shapes, municipalities, None), "cn": (None, None, WORLD_PATH)}
    places_nl = profiles.directory(data, municipalities, province_shapes, "nl")
    context = site_render.SiteContext(
        config.static_base_url or "",
        site_slugs(places_nl),
        config.public_url or "",
        config.corrections_url,
        frozenset(routes.CHART_VIEWS),  # a build without images plans them (IMAGES_LEFT_OUT)
        frozenset(routes.CHART_VIEWS if pictures is None and images else pictures or ()),
    )
    site = Site(out, data, context)
    if not context.base:
        progress(NO_BASE_WARNING)
    all_kits: list[presentation.ChartKit] = []
    for lang in (lang for lang in i18n.LANGS if lang in langs):
        places = profiles.directory(data, municipalities, province_shapes, lang)
        write_maps(site, lang, places, shapes)
        all_kits += write_chart_pages(site, lang, places)
        write_home(site, lang, places)
        write_through_time_page(site, lang)
        write_sections(site, lang, places, Path(data_dir))
        chosen = [place_id for place_id in places["id"] if not only or place_id in only]
        write_places(site, lang, places, chosen, jobs)
        index = search.index(places, lang)
        (out / "assets" / f"search-{lang}.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    built = [lang for lang in i18n.LANGS if lang in langs]
    if images:
        write_images(all_kits, out, context.pictured)
        write_previews(site, shapes, built)
        write_through_time_images(site, shapes, built)
    else:  # what a full build would draw, so a quick check can still see where every page's images point
        write_images(all_kits, out, context.pictured, downloads=False)
        planned = planned_images(site, all_kits, built) + [path for lang in built for path in through_time_paths(lang)]
        site.write(IMAGES_LEFT_OUT, json.dumps(sorted(planned), indent=0))
    write_sitemap(site)
    write_headers(site)
    site.write("index.html", site_render.render_root(site.base))
    return sorted(p for p in out.rglob("*") if p.is_file())
