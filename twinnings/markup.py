"""Markup, scripts and styles live in files of the package, not in Python strings.

`twinnings/templates/` holds Jinja templates of HTML and SVG fragments (popups, legends, markers, the
embed snippet). They render with autoescape on, and every value that is not marked as ours (`Markup`)
goes through `safe_text.html_text`, so record text reaches a page only as inert, escaped text, even in
attributes, in JS template literals and under branca's second Jinja pass.

Line breaks and the indentation around them are dropped when a template is loaded, so a template can be
laid out for reading and still renders as compact as a hand-written string: a space that matters stays
inside a line.

`twinnings/assets/` holds plain JavaScript and CSS, read once (like folium reads a plugin's files): the
map scripts are inlined into each map document at build time, the app's page script into the page.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, Template
from markupsafe import Markup

from twinnings.safe_text import html_text

__all__ = ["Markup", "asset", "render", "script_template", "style"]

_PACKAGE = files(__package__)


def _escaped(value: object) -> Markup:
    """Every `{{ value }}` of a template: ours (Markup) as it is, anything else as escaped text."""
    return value if isinstance(value, Markup) else Markup(html_text(value))


class _CompactLoader(PackageLoader):
    """Templates without the line breaks and indentation that only lay them out."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return "".join(line.strip() for line in source.splitlines()), filename, uptodate


_ENV = Environment(loader=_CompactLoader(__package__, "templates"), autoescape=True, finalize=_escaped)


def render(name: str, **context: object) -> str:
    """The template `templates/<name>` with `context`: values are escaped unless they are `Markup`."""
    return str(_ENV.get_template(name).render(**context))


@cache
def asset(name: str) -> str:
    """The text of `assets/<name>` (a script or a style sheet), read once."""
    return (_PACKAGE / "assets" / name).read_text(encoding="utf-8")


@cache
def style(name: str) -> str:
    """A style sheet from `assets/` without its comments and layout, to inline into a page. (Our sheets hold
    no strings in which spaces around `{};,` or after a property's colon would matter.)"""
    text = " ".join(re.sub(r"/\*.*?\*/", " ", asset(name), flags=re.S).split())
    text = re.sub(r" ?([{};,]) ?", r"\1", text).replace(";}", "}")
    return re.sub(r"\{[^{}]*\}", lambda block: block.group(0).replace(": ", ":"), text)  # declarations only


@cache
def folium_template(name: str) -> Template:
    """A folium element's own template from `templates/<name>`, with folium's filters (tojavascript)."""
    from folium.template import Template as FoliumTemplate

    return FoliumTemplate((_PACKAGE / "templates" / name).read_text(encoding="utf-8"))


@cache
def script_template(name: str) -> Template:
    """A branca/folium macro template from `templates/<name>`, read as it is: a script's line breaks matter,
    and it receives only JSON and our own script files, never HTML."""
    return Template((_PACKAGE / "templates" / name).read_text(encoding="utf-8"))
