"""`python -m twinnings export-site OUT/`: the maps and charts as a static site, in Dutch and English.

A static site is the fast embed and the way past one server: plain files on any web server or
CDN, no session per visitor. Everything it loads comes from the site itself (the vendored Leaflet
under app/static/, plotly.js under assets/), so no request leaves the origin. Serve OUT/ at the
root of a host: the maps load their assets from /app/static/ exactly as in the app.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path

import plotly
import plotly.io as pio

from twinnings import DATA_DIR, __version__, boundaries, charts, export, i18n, presentation, profiles, routes
from twinnings.filters import Filter, apply
from twinnings.i18n import Lang, t
from twinnings.load import Dataset, load
from twinnings.routes import Link

STATIC_DIR = DATA_DIR.parent / "static"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
DATA_FILES = ("ties.csv", "events.csv", "places.csv", "sources.csv", "twinnings.geojson", "datapackage.json")


@dataclass(frozen=True)
class Page:
    """One chart or map of the site: its file stem and its title."""

    stem: str
    title: str


def page_html(title: str, lang: Lang, body: str, head: str = "") -> str:
    """A minimal accessible page; `title` is escaped here, `body` must already be safe HTML."""
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)} · Stedenbanden NL–CN</title>\n"
        "<style>body{font-family:system-ui,sans-serif;max-width:1240px;margin:1rem auto;padding:0 1rem;"
        "color:#222}a{color:#005A8C}figure{margin:0}</style>\n"
        f"{head}</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def chart_fragment(kit: presentation.ChartKit) -> str:
    """The figure as a div that loads plotly.js from the site, named for screen readers."""
    div = pio.to_html(
        kit.chart.figure,
        include_plotlyjs="../assets/plotly.min.js",
        full_html=False,
        config=charts.export_config(kit.download_name),
        default_width="100%",
        default_height=f"{kit.height}px",
    )
    return f'<figure role="figure" aria-label="{html.escape(kit.alt, quote=True)}">{div}</figure>'


def site_charts(data: Dataset, lang: Lang) -> list[presentation.ChartKit]:
    """Every embeddable chart of all the data, with what the app shows beside it."""
    everything = Filter()
    selection = apply(everything, data.ties)
    link = Link(lang=lang)
    return [
        presentation.chart_kit(charts.chart_for(show, data, everything, selection, lang), link)
        for show in routes.CHART_VIEWS
    ]


def write_chart(folder: Path, kit: presentation.ChartKit, lang: Lang) -> Page:
    chart = kit.chart
    stem = kit.embed.show
    figure = chart_fragment(kit)
    links = " · ".join(
        f'<a href="{stem}.{ext}">{label}</a>'
        for ext, label in (("png", "PNG"), ("svg", "SVG"), ("csv", t("chart_data", lang)))
    )
    body = (
        f"<h1>{html.escape(chart.title)}</h1>\n{figure}\n<p>{html.escape(chart.summary)}</p>\n"
        f'<p>{links} · <a href="embed-{stem}.html">{html.escape(t("embed", lang))}</a> · '
        f'<a href="index.html">Stedenbanden NL–CN</a></p>'
    )
    (folder / f"{stem}.html").write_text(page_html(chart.title, lang, body), encoding="utf-8")
    (folder / f"embed-{stem}.html").write_text(page_html(chart.title, lang, figure), encoding="utf-8")
    (folder / f"{stem}.csv").write_bytes(kit.csv)
    return Page(stem, chart.title)


def write_maps(folder: Path, data: Dataset, lang: Lang) -> list[Page]:
    """Both map views as self-contained folium pages; each doubles as its embed page."""
    geo = boundaries.EMBEDDED_DIR
    provinces = boundaries.read_boundaries(geo, "provinces")
    municipalities = boundaries.read_boundaries(geo, "municipalities")
    places = profiles.directory(data, municipalities, provinces, lang)
    shapes = {"nl": (provinces, municipalities, None), "cn": (None, None, boundaries.read_world())}
    pages = []
    for view in ("nl", "cn"):
        link = Link(filter=Filter(view=view), lang=lang)
        home = presentation.home_map(link, data.ties, data, places, "none", shapes[view], None)
        rendered = home.view.combined().get_root().render()
        title = f"{t('app_title', lang)}: {t(f'view_{view}', lang)}"
        rendered = rendered.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
        rendered = rendered.replace("<html>", f'<html lang="{lang}">', 1)
        for stem in (f"map-{view}", f"embed-map-{view}"):
            (folder / f"{stem}.html").write_text(rendered, encoding="utf-8")
        pages.append(Page(f"map-{view}", title))
    return pages


def write_index(folder: Path, lang: Lang, pages: list[Page]) -> None:
    other = "en" if lang == "nl" else "nl"
    items = "\n".join(f'<li><a href="{p.stem}.html">{html.escape(p.title)}</a></li>' for p in pages)
    downloads = " · ".join(f'<a href="../data/{name}">{name}</a>' for name in (*DATA_FILES, "stedenbanden-nl-cn.zip"))
    body = (
        f"<h1>{html.escape(t('app_title', lang))}</h1>\n<p>{html.escape(t('app_tagline', lang))}</p>\n"
        f"<p>{html.escape(t('map_intro_links', lang, version=__version__).split('.')[0])}.</p>\n"
        f"<ul>\n{items}\n</ul>\n<h2>{html.escape(t('downloads', lang))}</h2>\n<p>{downloads}</p>\n"
        f'<p><a href="../{other}/index.html" lang="{other}">{"English" if other == "en" else "Nederlands"}</a></p>'
    )
    (folder / "index.html").write_text(page_html(t("app_title", lang), lang, body), encoding="utf-8")


def export_site(out: Path, data_dir: Path = DATA_DIR) -> list[Path]:
    """Write the whole site into `out` (created; existing files of the same names are replaced)."""
    out = Path(out)
    data = load(data_dir)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copytree(STATIC_DIR, out / "app" / "static", dirs_exist_ok=True)
    (out / "assets").mkdir(exist_ok=True)
    shutil.copy(PLOTLY_JS, out / "assets" / "plotly.min.js")
    (out / "data").mkdir(exist_ok=True)
    for name in DATA_FILES:
        shutil.copy(Path(data_dir) / name, out / "data" / name)
    (out / "data" / "stedenbanden-nl-cn.zip").write_bytes(export.package_zip(Path(data_dir)))
    images: list[tuple[charts.Chart, Path]] = []
    for lang in i18n.LANGS:
        folder = out / lang
        folder.mkdir(exist_ok=True)
        kits = site_charts(data, lang)
        pages = write_maps(folder, data, lang) + [write_chart(folder, kit, lang) for kit in kits]
        write_index(folder, lang, pages)
        images += [(kit.chart, folder / kit.embed.show) for kit in kits]
    write_images(images)
    (out / "index.html").write_text(
        page_html(
            "Stedenbanden NL–CN",
            "nl",
            '<p><a href="nl/index.html">Nederlands</a> · <a href="en/index.html" lang="en">English</a></p>',
        ),
        encoding="utf-8",
    )
    return sorted(p for p in out.rglob("*") if p.is_file())


def write_images(images: list[tuple[charts.Chart, Path]]) -> None:
    """PNG (double resolution) and SVG of every chart at publication size, in one browser session."""
    figures, files, widths, heights, scales = [], [], [], [], []
    for chart, stem in images:
        height = int(chart.figure.layout.height or charts.EXPORT_HEIGHT)
        for ext, scale in (("png", charts.EXPORT_SCALE), ("svg", 1)):
            figures.append(chart.figure)
            files.append(f"{stem}.{ext}")
            widths.append(charts.EXPORT_WIDTH)
            heights.append(height)
            scales.append(scale)
    pio.write_images(figures, files, width=widths, height=heights, scale=scales)
