"""Embed snippets for reporters: a responsive iframe for one chart or map, from the app or the static site.

An app embed is the live app in Streamlit's embed mode (`?embed=true`, no navigation, no filters)
plus `show=<name>`, which tells app.py to draw only that chart or map, with the same selection and
language as the view it was copied from. Addresses come from `routes`, the markup from `templates/embed/`.
"""

from __future__ import annotations

from twinnings import markup, routes
from twinnings.i18n import Lang, t
from twinnings.routes import Link

SITE_NAME = "Stedenbanden NL–CN"
# What an embedded page shows around a chart or map (padding, summary, link back), so the frame holds all.
FRAME_EXTRA = 240


def frame_height(embed: Link, content_height: int | None) -> int:
    """The iframe's height: the chart's or map's own height plus what the embed page adds around it."""
    return content_height + FRAME_EXTRA if content_height else routes.EMBEDDABLE[embed.show].height


def frame_snippet(src: str, title: str, height: int) -> str:
    """The iframe code of any embed page at `src` (the static site's chart embeds)."""
    return _iframe(src, title, height)


def image_snippet(src: str, alt: str, width: int, height: int, href: str, lang: Lang) -> str:
    """The code of a publication image at `src` (the map through the years): the image with its text
    alternative, and the source linking back to its page at `href`."""
    credit = f"{t('source', lang).capitalize()}: {SITE_NAME}"
    return markup.render("embed/image.html", src=src, alt=alt, width=width, height=height, href=href, credit=credit)


def _iframe(src: str, title: str, height: int) -> str:
    return markup.render("embed/iframe.html", src=src, title=title, height=height)


def snippet(root: str, embed: Link, title: str, content_height: int | None = None) -> str:
    """The app's embed of `embed` (a Link with `show`), with a title for screen readers and a link back
    to the full view (a profile's chart links back to its profile); tall enough for `content_height`."""
    height = frame_height(embed, content_height)
    link_back = markup.render("embed/link-back.html", href=embed.full_view().url(root), title=title, site=SITE_NAME)
    return f"{_iframe(embed.url(root), title, height)}\n{link_back}"


def static_snippet(static_root: str, embed: Link, title: str, content_height: int | None = None) -> str:
    """The same embed from the static site (export-site), for the views the site holds."""
    path = routes.static_path(embed)
    if path is None:
        raise ValueError(f"the static site does not hold {embed.href()}")
    return _iframe(f"{static_root.rstrip('/')}/{path}", title, frame_height(embed, content_height))
