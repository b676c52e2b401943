"""Embeds for reporters: which charts and maps can be embedded, their URLs and the iframe snippet.

An embed is the live app in Streamlit's embed mode (`?embed=true`, no sidebar, no navigation)
plus `show=<name>`, which tells app.py to draw only that chart or map, with the same selection
and language as the view it was copied from.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlencode

from twinnings import filters
from twinnings.filters import Filter

CHARTS = ("begun-ended", "standing", "lifetimes", "events", "actors", "provinces")
MAPS = ("map",)
SHOWABLE = CHARTS + MAPS
EMBED_HEIGHT = {"map": 660, "lifetimes": 900}
PAGE_OF = {  # where the full view of each embeddable lives
    "begun-ended": "tijdlijn",
    "standing": "tijdlijn",
    "lifetimes": "tijdlijn",
    "events": "gebeurtenissen",
    "actors": "gebeurtenissen",
    "provinces": "profiel",
    "map": "",
}
DEFAULT_HEIGHT = 720


def show_name(chart_name: str) -> str:
    """'stedenbanden-begun-ended' -> 'begun-ended': the value of `show` for a chart."""
    return chart_name.removeprefix("stedenbanden-")


def params(f: Filter, lang: str, extra: dict[str, str] | None = None) -> dict[str, list[str]]:
    query = filters.to_params(f)
    if lang != "nl":
        query["lang"] = [lang]
    for name, value in (extra or {}).items():
        query[name] = [value]
    return query


def url(base: str, path: str, query: dict[str, list[str]]) -> str:
    encoded = urlencode([(name, value) for name, values in query.items() for value in values])
    return f"{base.rstrip('/')}/{path.lstrip('/')}" + (f"?{encoded}" if encoded else "")


def snippet(
    base: str, show: str, f: Filter, lang: str, title: str, page_path: str = "", extra: dict[str, str] | None = None
) -> str:
    """A responsive iframe for exactly this chart or map, with a title for screen readers and a link
    back to the full view. `extra` names what the selection does not, e.g. a profile's place."""
    embed_url = url(base, "", params(f, lang, {"embed": "true", "show": show, **(extra or {})}))
    full_url = url(base, page_path, params(f, lang, extra))
    height = EMBED_HEIGHT.get(show, DEFAULT_HEIGHT)
    label = html.escape(title, quote=True)
    return (
        f'<iframe src="{html.escape(embed_url, quote=True)}" title="{label}" width="100%" height="{height}" '
        f'style="border:0;max-width:1200px" loading="lazy"></iframe>\n'
        f'<p><a href="{html.escape(full_url, quote=True)}">{label} · Stedenbanden NL–CN</a></p>'
    )


def export_name(chart_name: str, f: Filter) -> str:
    """A download file name that carries the selection: stedenbanden-begun-ended-pv30-ended-2000-2026."""
    parts = [chart_name, *f.provinces, *f.levels, *f.statuses, *f.types]
    if f.query:
        parts.append(f.query)
    if (f.year_from, f.year_to) != (filters.FIRST_YEAR, filters.this_year()):
        parts.append(f"{f.year_from}-{f.year_to}")
    slug = "-".join(parts).lower()
    return re.sub(r"[^a-z0-9]+", "-", slug).strip("-")[:120]


def static_snippet(static_base: str, show: str, lang: str, title: str) -> str:
    """The same embed from the static site (export-site), which holds the views of all the data."""
    stem = "map-nl" if show == "map" else show
    src = f"{static_base.rstrip('/')}/{lang}/embed-{stem}.html"
    height = EMBED_HEIGHT.get(show, DEFAULT_HEIGHT)
    label = html.escape(title, quote=True)
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{label}" width="100%" height="{height}" '
        f'style="border:0;max-width:1200px" loading="lazy"></iframe>'
    )
