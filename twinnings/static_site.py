"""`python -m twinnings export-site OUT/`: the whole read-only product as a static site, in Dutch and English.

The public face of the product: plain files any static host or CDN serves, so a news spike costs
nothing, search engines and link previews see real pages, and embeds load fast. Every page comes from
the same builders and assembly as the app (`presentation`, `charts`, `maps`, `profiles`, `tables`), its
address from `routes`, its shell from `site_html`. Everything it loads comes from the site itself, by
relative links, so it works from a host's root or from any folder.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import shutil
import sys
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

import pandas as pd
import plotly
import plotly.graph_objects as go
import plotly.io as pio

from twinnings import (
    DATA_DIR,
    STATIC_DIR,
    boundaries,
    charts,
    corrections,
    export,
    filters,
    i18n,
    maps,
    presentation,
    profiles,
    routes,
    safe_text,
    tables,
)
from twinnings.filters import EventFilter, Filter, apply
from twinnings.i18n import Lang, label, t
from twinnings.load import Dataset, load
from twinnings.routes import Link
from twinnings.settings import from_env
from twinnings.site_html import SITE_NAME, Page, absolute, render
from twinnings.summary import key_figures

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
DATA_FILES = ("ties.csv", "events.csv", "places.csv", "sources.csv", "twinnings.geojson", "datapackage.json")
VENDOR_PREFIX = maps.STATIC_URL.rsplit("/vendor", 1)[0]  # '/app/static': where the app serves Leaflet
PREVIEW_SIZE = (1200, 630)
e = html.escape


class Site:
    """What every page of one export shares: the data, the published base address, the preview images."""

    def __init__(self, out: Path, data: Dataset, base: str, app_url: str) -> None:
        self.out, self.data, self.base, self.app_url = out, data, base, app_url
        self.previews: list[tuple[charts.Chart, str]] = []  # charts drawn as 1200x630 previews at the end
        self.written: list[str] = []

    def write(self, path: str, text: str) -> None:
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.written.append(path)

    def page(self, page: Page, body: str, head: str = "") -> None:
        scripts = chart_scripts(page.folder) if "data-chart=" in body else ""
        self.write(page.path, render(page, body, self.base, head + scripts))

    def app(self, link: Link) -> str:
        return link.url(self.app_url) if self.app_url else ""


def relative_assets(rendered: str, folder: str) -> str:
    """A folium document with its Leaflet and world links made relative to the page's folder."""
    return rendered.replace(f'"{VENDOR_PREFIX}/', f'"{routes.site_href(folder, "app/static")}')


def chart_html(kit: presentation.ChartKit, folder: str, with_links: bool = True) -> str:
    """A chart that fits the width it gets (assets/charts.js draws the compact layout on a phone), named
    for screen readers; with its PNG, SVG, data and embed when `with_links`. Its figure travels as inert
    JSON, never as markup."""
    figures = {}
    for name, chart in (("full", kit.chart), ("compact", charts.compact(kit.chart))):
        figure = chart.figure.to_plotly_json()  # a plain dict: no second validated copy of the figure
        layout = {key: value for key, value in figure["layout"].items() if key != "width"}
        figures[name] = json.loads(pio.to_json({**figure, "layout": {**layout, "autosize": True}}, validate=False))
    config = {**charts.export_config(kit.download_name), "responsive": True}
    spec_id = f"chart-{kit.download_name}"
    spec = safe_text.script_json({**figures, "config": config})
    block = (
        f'<figure class="chart" role="figure" aria-label="{e(kit.alt, quote=True)}">'
        f'<div data-chart="{spec_id}" style="height:{kit.height}px"></div></figure>\n'
        f'<script type="application/json" id="{spec_id}">{spec}</script>\n<p>{e(kit.chart.summary)}</p>\n'
    )
    if with_links:
        stem = kit.embed.show
        lang = kit.embed.lang
        chart_dir = routes.site_dir(lang, "home")
        links = [
            (f"{chart_dir}/{stem}.png", "PNG"),
            (f"{chart_dir}/{stem}.svg", "SVG"),
            (f"{chart_dir}/{stem}.csv", t("chart_data", lang)),
            (f"{chart_dir}/embed-{stem}.html", t("embed", lang)),
        ]
        items = " · ".join(f'<a href="{routes.site_href(folder, path, True)}">{e(text)}</a>' for path, text in links)
        block += f'<p class="tools">{items}</p>\n'
    return block


def chart_scripts(folder: str) -> str:
    """plotly.js and the drawing script, deferred: the page and its map show first, charts draw after."""
    return "".join(
        f'<script src="{routes.site_href(folder, f"assets/{name}", True)}" defer></script>\n'
        for name in ("plotly.min.js", "charts.js")
    )


def ties_html(ties: pd.DataFrame, lang: Lang, caption: str, sources: pd.DataFrame) -> str:
    return tables.html_table(tables.ties_table(ties, lang, sources=sources).drop(columns=["id"]), caption)


def sources_html(source_ids: str, sources: pd.DataFrame) -> str:
    """A list of sources: publisher, title and date, linked when the address is http(s)."""
    items = [
        f'<li><a href="{e(url, quote=True)}">{e(text)}</a></li>' if url else f"<li>{e(text)}</li>"
        for text, url in tables.source_entries(source_ids, sources)
    ]
    return f"<ul>{''.join(items)}</ul>"


def corrections_html(ties: pd.DataFrame, lang: Lang, page: Page, corrections_url: str | None) -> str:
    """'Report a correction' per tie: to the configured target, else to the policy on the data page."""
    items = []
    for tie in ties.itertuples():
        if corrections_url:
            target = corrections.report_url(corrections_url, "tie", tie.id, lang)
        else:
            target = page.href(routes.site_dir(lang, "data")) + f"#{corrections.POLICY_ANCHOR}"
        items.append(f'<li><a href="{e(target, quote=True)}">{e(t("report_correction", lang))}: {e(tie.id)}</a></li>')
    return f"<ul>{''.join(items)}</ul>" if items else ""


def search_html(page: Page, places_dir: str) -> str:
    """The place search (script) and, for readers without script, the way to the A–Z list."""
    lang = page.lang
    return (
        f'<form class="search" role="search" data-search hidden data-root="{page.href(lang)}" '
        f'data-index="{page.href(f"assets/search-{lang}.json", True)}" '
        f'data-found="{e(t("site_search_found", lang), quote=True)}" '
        f'data-none="{e(t("site_search_none", lang), quote=True)}">'
        f'<label for="q">{e(t("site_search", lang))}</label> <input id="q" type="search" autocomplete="off">'
        '<p role="status" aria-live="polite"></p><ul></ul></form>'
        f'<p><a href="{page.href(places_dir)}">{e(t("site_az", lang))}</a></p>'
        f'<script src="{page.href("assets/search.js", True)}" defer></script>'
    )


def search_index(places_nl: pd.DataFrame, places: pd.DataFrame, known: pd.DataFrame, lang: Lang) -> list[dict]:
    """Every place with its page and the names a reader may type: the name, both languages' names where
    the data has them ('Den Haag', 'The Hague'), Hanzi and pinyin."""
    slugs = site_slugs(places_nl)
    dutch = dict(zip(places_nl["id"], places_nl["name"]))
    english = dict(zip(known["id"], known["name_en"]))
    index = []
    for place in places.itertuples():
        names = (place.name, dutch[place.id], english.get(place.id, ""), place.name_zh, place.pinyin)
        level = label("level", place.level, lang)
        keys = [name for name in dict.fromkeys(names) if name]
        index.append({"n": f"{place.name} ({level})", "u": f"{routes.SITE_PLACE}/{slugs[place.id]}/", "k": keys})
    return index


def figures_html(ties: pd.DataFrame, lang: Lang) -> str:
    figures = key_figures(ties)
    items = "".join(
        f"<li><strong>{getattr(figures, attr)}</strong> {e(t(key, lang))}</li>"
        for key, attr in (
            ("key_ties", "ties"),
            ("key_active", "active"),
            ("key_ended_since_2021", "ended_since_2021"),
            ("key_nl_places", "nl_places"),
            ("key_cn_places", "cn_places"),
        )
    )
    return f'<ul class="figures">{items}</ul>'


def write_home(site: Site, lang: Lang, places: pd.DataFrame) -> None:
    folder = routes.site_dir(lang, "home")
    page = Page(
        folder, lang, SITE_NAME, t("app_tagline", lang), f"{folder}/preview.png", "home", site.app(Link(lang=lang))
    )
    data = site.data
    body = (
        f"<h1>{e(t('app_title', lang))}</h1>\n<p>{e(t('app_tagline', lang))}</p>\n{figures_html(data.ties, lang)}\n"
        f"{search_html(page, routes.site_dir(lang, 'places'))}\n"  # before the map, as in the app
        f'<p><a href="#kaart-als-tabel">{e(t("skip_map", lang))}</a> · '
        f'<a href="{page.href(f"{folder}/map-cn.html", True)}">{e(t("site_cn_view", lang))}</a></p>\n'
        f'<iframe class="mapframe" src="{page.href(f"{folder}/map-nl.html", True)}" '
        f'title="{e(t("map_frame_title", lang), quote=True)}"></iframe>\n'
        f"<p>{e(t('map_keys', lang))} {e(t('boundaries_credit', lang))}</p>\n"
        f"<details><summary>{e(t('site_what_is_a_tie', lang))}</summary><p>{e(t('map_intro', lang))}</p></details>\n"
        f'<h2 id="kaart-als-tabel">{e(t("map_table", lang))}</h2>\n'
        + tables.html_table(tables.map_table(data.ties, lang), t("map_table_caption", lang, n=len(data.ties)))
    )
    site.page(page, body, map_preloads(folder))


MAP_ASSETS = (  # what the map frame loads first; the home page asks for them while it is itself parsed
    ("app/static/vendor/leaflet/leaflet.css", "style"),
    ("app/static/vendor/jquery/jquery.min.js", "script"),
    ("app/static/vendor/leaflet/leaflet.js", "script"),
)


def map_preloads(folder: str) -> str:
    return "".join(
        f'<link rel="preload" href="{routes.site_href(folder, path, True)}" as="{kind}">\n' for path, kind in MAP_ASSETS
    )


def write_maps(site: Site, lang: Lang, places: pd.DataFrame, shapes: dict) -> None:
    """Both map views as self-contained folium pages; each doubles as its embed page."""
    folder = routes.site_dir(lang, "home")
    place_url = routes.site_href(folder, routes.site_dir(lang, "home")) + f"{routes.SITE_PLACE}/{{id}}/"
    slugs = site_slugs(places)
    for view in ("nl", "cn"):
        link = Link(filter=Filter(view=view), lang=lang)
        home = presentation.home_map(link, site.data.ties, site.data, places, "none", shapes[view], None)
        rendered = relative_assets(home.view.combined().get_root().render(), folder)
        for place_id, slug in slugs.items():  # markers and shapes link to the place pages
            rendered = rendered.replace(place_url.replace("{id}", place_id), place_url.replace("{id}", slug))
        title = f"{t('app_title', lang)}: {t(f'view_{view}', lang)}"
        rendered = rendered.replace("<head>", f'<head>\n<meta charset="utf-8">\n<title>{e(title)}</title>', 1)
        rendered = rendered.replace("<html>", f'<html lang="{lang}">', 1)
        for stem in (f"map-{view}", f"embed-map-{view}"):
            site.write(f"{folder}/{stem}.html", rendered)


def site_slugs(places: pd.DataFrame) -> dict[str, str]:
    return {place.id: routes.place_slug(place.id, place.name) for place in places.itertuples()}


def write_chart_pages(site: Site, lang: Lang) -> list[presentation.ChartKit]:
    """Every embeddable chart of all the data: a page with its downloads, and its embed page."""
    data = site.data
    everything = Filter()
    selection = apply(everything, data.ties)
    folder = routes.site_dir(lang, "home")
    kits = []
    for show in routes.CHART_VIEWS:
        kit = presentation.chart_kit(charts.chart_for(show, data, everything, selection, lang), Link(lang=lang))
        chart = kit.chart
        page = Page(folder, lang, chart.title, chart.summary, f"{folder}/{show}-preview.png", file=f"{show}.html")
        site.page(page, f"<h1>{e(chart.title)}</h1>\n{chart_html(kit, folder)}")
        embed = Page(folder, lang, chart.title, chart.summary, page.image, file=f"embed-{show}.html")
        site.write(
            embed.path,
            embed_document(embed, chart_html(kit, folder, with_links=False), site.base, chart_scripts(folder)),
        )
        (site.out / folder / f"{show}.csv").write_bytes(kit.csv)
        site.previews.append((chart, f"{folder}/{show}-preview.png"))
        kits.append(kit)
    return kits


def write_place(site: Site, lang: Lang, places: pd.DataFrame, place_id: str, slugs: dict[str, str]) -> None:
    data = site.data
    profile = profiles.build(data, places, place_id, lang)
    place = profile.place
    slug = slugs[place_id]
    folder = routes.site_dir(lang, "places", slug)
    shown = profile.shown_ties
    image = f"{folder}/preview.png" if not shown.empty else home_preview(lang)
    page = Page(
        folder, lang, place.name, profile.sentence, image, "", site.app(Link(page="profile", place=place_id, lang=lang))
    )
    config = from_env()
    parts = [f"<h1>{e(place.name)}</h1>"]
    if place.name_zh:
        parts.append(f"<p>{e(place.name_zh)} · {e(label('level', place.level, lang))}</p>")
    parts.append(f'<p class="lead">{e(profile.sentence)}</p>')
    if not shown.empty:  # the sentence and the map first: on a phone both fit the first screen
        map_view = maps.cn_view(shown, data.sources, lang, "none", boundaries.read_world())
        rendered = relative_assets(map_view.combined().get_root().render(), folder)
        rendered = rendered.replace("<head>", f'<head>\n<meta charset="utf-8">\n<title>{e(place.name)}</title>', 1)
        site.write(f"{folder}/kaart.html", rendered.replace("<html>", f'<html lang="{lang}">', 1))
        parts.append(f"<h2>{e(t('profile_map', lang))}</h2>")
        parts.append(
            f'<iframe class="mapframe mini" src="kaart.html" title="{e(t("profile_map", lang), quote=True)}"></iframe>'
        )
    if place.country == "NL" and place.level == "gemeente" and place.province_id in slugs:
        province = page.href(routes.site_dir(lang, "places", slugs[place.province_id]))
        name = profiles.name_of(places, place.province_id)
        parts.append(f'<p><a href="{province}">{e(t("profile_in_province", lang))} {e(name)}</a></p>')
    if profile.ties.empty:
        parts.append(f"<p>{e(t('profile_none_meaning', lang))}</p><p>{e(t('profile_report', lang))}</p>")
    for heading, ties in (("profile_ties", profile.ties), ("profile_municipal_ties", profile.municipal_ties)):
        if not ties.empty:
            parts.append(f"<h2>{e(t(heading, lang))}</h2>\n{ties_html(ties, lang, t(heading, lang), data.sources)}")
    if profile.comparison:
        compare = page.href(routes.site_dir(lang, "provinces"))
        parts.append(f"<h2>{e(t('profile_compare', lang))}</h2><p>{e(profile.comparison)}</p>")
        parts.append(f'<p><a href="{compare}">{e(t("compare_title", lang))}</a></p>')
    if not shown.empty:
        chart = charts.place_lifetimes(profile, data.events, data.sources, lang)
        kit = presentation.chart_kit(chart, Link(page="profile", place=place_id, lang=lang))
        parts.append(chart_html(kit, folder, with_links=False))
        site.previews.append((chart, image))
    if not profile.events.empty:
        events = tables.events_table(profile.events, data.ties, data.places, data.sources, lang)
        events = events.drop(columns=[t("col_sources", lang), t("col_source", lang), "id"])
        parts.append(f"<h2>{e(t('profile_events', lang))}</h2>\n{tables.html_table(events, t('profile_events', lang))}")
    if not shown.empty:
        source_ids = " ".join(shown["source_ids"])
        parts.append(f"<h2>{e(t('profile_sources', lang))}</h2>\n{sources_html(source_ids, data.sources)}")
        parts.append(corrections_html(shown, lang, page, config.corrections_url))
    site.page(page, "\n".join(parts))


def write_places_index(site: Site, lang: Lang, places: pd.DataFrame, slugs: dict[str, str]) -> None:
    """A–Z of every place: the search for readers without script."""
    folder = routes.site_dir(lang, "places")
    page = Page(folder, lang, t("site_az", lang), t("site_az_description", lang), home_preview(lang), "places")
    items = "".join(
        f'<li><a href="{page.href(routes.site_dir(lang, "places", slugs[p.id]))}">{e(p.name)}</a> '
        f"({e(label('level', p.level, lang))}{', ' + e(p.name_zh) if p.name_zh else ''})</li>"
        for p in places.sort_values("name", key=lambda names: names.map(filters.fold)).itertuples()
    )
    body = f'<h1>{e(t("site_az", lang))}</h1>\n{search_html(page, folder)}\n<ul class="az">{items}</ul>'
    site.page(page, body)


# The app's view of each section, for "explore in the app" (the A–Z list has none).
APP_VIEWS = {
    "timeline": Link(page="timeline"),
    "events": Link(page="events"),
    "cpaffc": Link(page="events", events=EventFilter(actors=("cpaffc",))),
    "provinces": Link(page="profile"),
    "data": Link(page="data"),
}


def write_section(site: Site, lang: Lang, section: str, title: str, description: str, body: str) -> Page:
    folder = routes.site_dir(lang, section)
    view = APP_VIEWS.get(section)
    app = site.app(replace(view, lang=lang)) if view else ""
    page = Page(folder, lang, title, description, home_preview(lang), section, app)
    site.page(page, f"<h1>{e(title)}</h1>\n{body}")
    return page


def write_timeline(site: Site, lang: Lang, kits: dict[str, presentation.ChartKit]) -> None:
    folder = routes.site_dir(lang, "timeline")
    body = "".join(chart_html(kits[show], folder) for show in ("begun-ended", "standing", "lifetimes"))
    write_section(site, lang, "timeline", t("page_timeline", lang), kits["begun-ended"].chart.summary, body)


def events_body(site: Site, lang: Lang, folder: str, events: pd.DataFrame, link: Link) -> str:
    data = site.data
    table = tables.events_table(events, data.ties, data.places, data.sources, lang)
    table = table.drop(columns=[t("col_sources", lang), t("col_source", lang), "id"])
    subtitle = charts.selection_text(link.filter, lang, link.events)
    parts = [tables.html_table(table, t("events", lang))]
    for build in (charts.events_by_type_and_year, charts.events_by_actor):
        kit = presentation.chart_kit(build(events, data.sources, subtitle, lang), link)
        parts.append(chart_html(kit, folder, with_links=link.events == EventFilter()))
    amounts = tables.amounts_table(events, data.ties, lang)
    if not amounts.empty:
        parts.append(f"<h2>{e(t('amounts', lang))}</h2>\n{tables.html_table(amounts, t('amounts', lang))}")
    return "\n".join(parts)


def write_events(site: Site, lang: Lang) -> None:
    data = site.data
    everything = Filter()
    events = filters.events_in(everything, data.events, data.ties, data.places)
    folder = routes.site_dir(lang, "events")
    cpaffc = routes.site_dir(lang, "cpaffc")
    intro = (
        f"<p>{e(t('site_events_intro', lang))}</p>"
        f'<p><a href="{routes.site_href(folder, cpaffc)}">{e(t("site_cpaffc_title", lang))}</a></p>'
    )
    body = intro + events_body(site, lang, folder, events, Link(page="events", lang=lang))
    write_section(site, lang, "events", t("page_events", lang), t("site_events_intro", lang), body)
    link = Link(page="events", events=EventFilter(actors=("cpaffc",)), lang=lang)
    acted = filters.apply_events(link.events, events)
    body = f"<p>{e(t('site_cpaffc_intro', lang, n=str(len(acted))))}</p>" + events_body(site, lang, cpaffc, acted, link)
    write_section(
        site, lang, "cpaffc", t("site_cpaffc_title", lang), t("site_cpaffc_intro", lang, n=str(len(acted))), body
    )


def write_provinces(site: Site, lang: Lang, kits: dict[str, presentation.ChartKit], slugs: dict[str, str]) -> None:
    folder = routes.site_dir(lang, "provinces")
    totals = profiles.province_totals(site.data)
    table = tables.comparison_table(totals, lang).drop(columns=[t("col_profile", lang)])
    names = [
        f'<li><a href="{routes.site_href(folder, routes.site_dir(lang, "places", slugs[code]))}">{e(name)}</a></li>'
        for code, name in zip(totals["province_id"], totals["province"])
    ]
    body = (
        f"<p>{e(t('compare_intro', lang))}</p>\n{tables.html_table(table, t('compare_title', lang))}\n"
        f"{chart_html(kits['provinces'], folder)}\n<h2>{e(t('site_provinces', lang))}</h2><ul>{''.join(names)}</ul>"
    )
    write_section(site, lang, "provinces", t("compare_title", lang), t("compare_intro", lang), body)


def write_data_page(site: Site, lang: Lang, data_dir: Path) -> None:
    folder = routes.site_dir(lang, "data")
    downloads = " · ".join(
        f'<a href="{routes.site_href(folder, f"data/{name}", True)}">{e(name)}</a>'
        for name in (*DATA_FILES, "stedenbanden-nl-cn.zip")
    )
    readme = export.package_document(data_dir, "README.md")
    changelog = export.package_document(data_dir, "CHANGELOG.md")
    body = (
        f"<p>{e(t('site_data_intro', lang))}</p>\n<h2>{e(t('downloads', lang))}</h2>\n<p>{downloads}</p>\n"
        f'<h2 id="{corrections.POLICY_ANCHOR}">{e(t("corrections_title", lang))}</h2>\n'
        f"<p>{e(t('corrections_text', lang))}</p>\n"
        f"<h2>{e(t('sources', lang))}</h2>\n"
        + tables.html_table(tables.sources_table(site.data.sources, lang).drop(columns=["id"]), t("sources", lang))
        + f"\n<h2>{e(t('methodology_title', lang))}</h2>\n<details><summary>{e(t('methodology', lang))}</summary>"
        f"<pre>{e(readme)}</pre></details>\n<details><summary>{e(t('changelog', lang))}</summary>"
        f"<pre>{e(changelog)}</pre></details>\n<p>{e(t('licence_note', lang))}</p>"
    )
    write_section(site, lang, "data", t("page_data", lang), t("site_data_intro", lang), body)


def write_previews(site: Site, shapes: dict) -> None:
    """1200x630 preview images: each chart and place page's chart (kaleido), and the home map per
    language with the project's own map-image code."""
    from PIL import Image

    from twinnings import map_image

    render_images(site.out, [(chart.figure, path, *PREVIEW_SIZE, 1) for chart, path in site.previews])
    for lang in i18n.LANGS:
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


IMAGES_LEFT_OUT = ".images-left-out.json"


def planned_images(site: Site, kits: list[presentation.ChartKit]) -> list[str]:
    """Every image file a full build draws: chart PNG and SVG, chart and place previews, the home previews."""
    charts_drawn = [chart_image(kit, ext) for kit in kits for ext, _scale in CHART_IMAGES]
    return charts_drawn + [path for _chart, path in site.previews] + [home_preview(lang) for lang in i18n.LANGS]


CHART_IMAGES = (("png", charts.EXPORT_SCALE), ("svg", 1))  # format and scale of every chart's images


def chart_image(kit: presentation.ChartKit, ext: str) -> str:
    return f"{routes.site_dir(kit.embed.lang, 'home')}/{kit.embed.show}.{ext}"


def home_preview(lang: Lang) -> str:
    return f"{routes.site_dir(lang, 'home')}/preview.png"


def write_images(kits: list[presentation.ChartKit], out: Path) -> None:
    """PNG (double resolution) and SVG of every chart at publication size."""
    jobs = []
    for kit in kits:
        for ext, scale in CHART_IMAGES:
            jobs.append((kit.chart.figure, chart_image(kit, ext), charts.EXPORT_WIDTH, kit.height, scale))
    render_images(out, jobs)


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
    if todo:
        kaleido.write_fig_from_object_sync(todo, kopts={"n": 2})
    cache_path.write_text(json.dumps(cache, indent=0, sort_keys=True), encoding="utf-8")


def progress(text: str) -> None:
    print(f"export-site: {text}", file=sys.stderr, flush=True)


def embed_document(page: Page, body: str, base: str, head: str) -> str:
    """An embed: the chart alone with the page's head (title, language, canonical), no navigation."""
    document = render(page, body, base, head)
    head = document.split("<body>")[0]
    return f'{head}<body>\n<main id="main">\n{body}\n</main>\n</body>\n</html>\n'


def root_document(base: str) -> str:
    """The site's root: the two languages, with a head like every page's."""
    canonical = absolute(base, "") if base else "./"
    image = absolute(base, "nl/preview.png") if base else "nl/preview.png"
    tagline = e(t("app_tagline", "nl"))
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{e(SITE_NAME)}</title>\n<meta name="description" content="{tagline}">\n'
        f'<link rel="canonical" href="{e(canonical)}">\n'
        f'<meta property="og:title" content="{e(SITE_NAME)}">\n<meta property="og:description" content="{tagline}">\n'
        f'<meta property="og:url" content="{e(canonical)}">\n<meta property="og:image" content="{e(image)}">\n'
        '<meta name="twitter:card" content="summary_large_image">\n'
        '<link rel="stylesheet" href="assets/site.css">\n</head>\n<body>\n<main id="main">\n'
        f"<h1>{e(SITE_NAME)}</h1>\n<p>{tagline}</p>\n"
        '<p><a href="nl/">Nederlands</a> · <a href="en/" lang="en" hreflang="en">English</a></p>\n'
        "</main>\n</body>\n</html>\n"
    )


def write_sitemap(site: Site) -> None:
    pages = sorted(path for path in site.written if path.endswith("index.html"))
    urls = "".join(
        f"<url><loc>{e(absolute(site.base, path.removesuffix('index.html')))}</loc></url>\n" for path in pages
    )
    site.write(
        "sitemap.xml",
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n',
    )
    sitemap = f"Sitemap: {absolute(site.base, 'sitemap.xml')}\n" if site.base else ""  # must be absolute
    site.write("robots.txt", f"User-agent: *\nAllow: /\n{sitemap}")


def export_site(out: Path, data_dir: Path = DATA_DIR, images: bool = True, only: Collection[str] = ()) -> list[Path]:
    """Write the whole site into `out` (created; existing files of the same names are replaced). Without
    `images` the chart images and previews are left out, and with `only` (place ids) only those places get
    a page: quick checks of the pages a change touches."""
    out = Path(out)
    data = load(data_dir)
    config = from_env()
    out.mkdir(parents=True, exist_ok=True)
    site = Site(out, data, config.static_base_url or "", config.public_url or "")
    shutil.copytree(STATIC_DIR / "vendor", out / "app" / "static" / "vendor", dirs_exist_ok=True)
    (out / "assets").mkdir(exist_ok=True)
    shutil.copy(PLOTLY_JS, out / "assets" / "plotly.min.js")
    for name in ("site.css", "search.js", "charts.js"):
        shutil.copy(STATIC_DIR / "site" / name, out / "assets" / name)
    (out / "data").mkdir(exist_ok=True)
    for name in DATA_FILES:
        shutil.copy(Path(data_dir) / name, out / "data" / name)
    (out / "data" / "stedenbanden-nl-cn.zip").write_bytes(export.package_zip(Path(data_dir)))
    geo = boundaries.EMBEDDED_DIR
    province_shapes = boundaries.read_boundaries(geo, "provinces")
    municipalities = boundaries.read_boundaries(geo, "municipalities")
    shapes = {"nl": (province_shapes, municipalities, None), "cn": (None, None, boundaries.read_world())}
    places_nl = profiles.directory(data, municipalities, province_shapes, "nl")
    slugs = site_slugs(places_nl)
    all_kits: list[presentation.ChartKit] = []
    for lang in i18n.LANGS:
        places = profiles.directory(data, municipalities, province_shapes, lang)
        write_maps(site, lang, places, shapes)
        kits = write_chart_pages(site, lang)
        all_kits += kits
        by_show = {kit.embed.show: kit for kit in kits}
        write_home(site, lang, places)
        write_timeline(site, lang, by_show)
        write_events(site, lang)
        write_provinces(site, lang, by_show, slugs)
        write_data_page(site, lang, Path(data_dir))
        write_places_index(site, lang, places, slugs)
        chosen = [place_id for place_id in places["id"] if not only or place_id in only]
        for done, place_id in enumerate(chosen, 1):
            write_place(site, lang, places, place_id, slugs)
            if done % 100 == 0 or done == len(chosen):
                progress(f"{lang}: {done}/{len(chosen)} place pages")
        index = search_index(places_nl, places, data.places, lang)
        (out / "assets" / f"search-{lang}.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    if images:
        write_images(all_kits, out)
        write_previews(site, shapes)
    else:  # what a full build would draw, so a quick check can still see where every page's images point
        site.write(IMAGES_LEFT_OUT, json.dumps(sorted(planned_images(site, all_kits)), indent=0))
    write_sitemap(site)
    site.write("index.html", root_document(site.base))
    return sorted(p for p in out.rglob("*") if p.is_file())
