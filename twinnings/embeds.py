"""Embed snippets for reporters: a responsive iframe for one chart or map, from the app or the static site.

An app embed is the live app in Streamlit's embed mode (`?embed=true`, no sidebar, no navigation)
plus `show=<name>`, which tells app.py to draw only that chart or map, with the same selection and
language as the view it was copied from. Addresses come from `routes`.
"""

from __future__ import annotations

import html

from twinnings import routes
from twinnings.routes import Link

SITE_NAME = "Stedenbanden NL–CN"


def _iframe(src: str, title: str, height: int) -> str:
    label = html.escape(title, quote=True)
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{label}" width="100%" height="{height}" '
        f'style="border:0;max-width:1200px" loading="lazy"></iframe>'
    )


def snippet(root: str, embed: Link, title: str) -> str:
    """The app's embed of `embed` (a Link with `show`), with a title for screen readers and a link back
    to the full view (a profile's chart links back to its profile)."""
    height = routes.EMBEDDABLE[embed.show].height
    full = html.escape(embed.full_view().url(root), quote=True)
    return (
        f"{_iframe(embed.url(root), title, height)}\n"
        f'<p><a href="{full}">{html.escape(title, quote=True)} · {SITE_NAME}</a></p>'
    )


def static_snippet(static_root: str, embed: Link, title: str) -> str:
    """The same embed from the static site (export-site), for the views the site holds."""
    path = routes.static_path(embed)
    if path is None:
        raise ValueError(f"the static site does not hold {embed.href()}")
    return _iframe(f"{static_root.rstrip('/')}/{path}", title, routes.EMBEDDABLE[embed.show].height)
